// Turns verified token claims into an Actor, checking them against the database: the practice, hub or
// patient named must exist. Resolved actors are cached briefly (tokens live minutes, records rarely change).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import type { Actor } from './domain/actor.ts';
import type { TokenClaims } from './tokens.ts';

const CACHE_SIZE = 5_000;

export interface ActorResolver {
  resolve(claims: TokenClaims): Promise<Actor>;
}

export function createActorResolver(db: Kysely<Database>): ActorResolver {
  const cache = new Map<string, Actor>();
  const unknown = (what: string) => new DomainError('unauthenticated', `The token names an unknown ${what}.`);

  async function build(claims: TokenClaims): Promise<Actor> {
    const base: Actor = {
      subject: claims.sub, role: claims.role, displayName: claims.name ?? claims.role, staffId: claims.staff ?? null,
      practiceId: null, pcnId: claims.pcn ?? null, hubId: null, patientId: null, nhsNumber: null, actsFor: [],
    };
    if (claims.role === 'patient') {
      if (!claims.patient) throw new DomainError('unauthenticated', 'A patient token must name the patient.');
      const patient = await db.selectFrom('patient').innerJoin('practice', 'practice.id', 'patient.practice_id')
        .select(['patient.id', 'patient.given_name', 'patient.family_name', 'patient.practice_id', 'practice.pcn_id'])
        .where('nhs_number', '=', claims.patient).executeTakeFirst();
      if (!patient) throw unknown('patient');
      const proxies = await db.selectFrom('patient_proxy').select('patient_id').where('proxy_patient_id', '=', patient.id).execute();
      return { ...base, displayName: `${patient.given_name} ${patient.family_name}`, practiceId: patient.practice_id, pcnId: patient.pcn_id,
        patientId: patient.id, nhsNumber: claims.patient, actsFor: proxies.map((p) => p.patient_id) };
    }
    if (claims.staff) {
      const staff = await db.selectFrom('staff').selectAll().where('id', '=', claims.staff).executeTakeFirst();
      if (!staff) throw unknown('member of staff');
      base.displayName = `${staff.title ? staff.title + ' ' : ''}${staff.given_name} ${staff.family_name}`;
      base.practiceId = staff.practice_id;
      base.hubId = staff.hub_id;
      base.pcnId = staff.pcn_id;
    }
    if (claims.practice) {
      const practice = await db.selectFrom('practice').select(['id', 'pcn_id']).where('id', '=', claims.practice).executeTakeFirst();
      if (!practice) throw unknown('practice');
      base.practiceId = practice.id;
      base.pcnId = practice.pcn_id;
    } else if (base.practiceId) {
      const practice = await db.selectFrom('practice').select('pcn_id').where('id', '=', base.practiceId).executeTakeFirstOrThrow();
      base.pcnId = practice.pcn_id;
    }
    if (claims.hub) {
      const hub = await db.selectFrom('hub').select('id').where('id', '=', claims.hub).executeTakeFirst();
      if (!hub) throw unknown('hub');
      base.hubId = hub.id;
    }
    if (claims.role === 'hub_staff' && !base.hubId) throw new DomainError('unauthenticated', 'A hub staff token must name the hub.');
    if (['receptionist', 'clinician', 'link_worker'].includes(claims.role) && !base.practiceId && !base.pcnId) {
      throw new DomainError('unauthenticated', 'A practice staff token must name the practice.');
    }
    if (claims.role === 'pcn_lead' && !base.pcnId) throw new DomainError('unauthenticated', 'A PCN lead token must name the PCN or a practice in it.');
    return base;
  }

  return {
    async resolve(claims) {
      const key = JSON.stringify(claims);
      const cached = cache.get(key);
      if (cached) return cached;
      const actor = await build(claims);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, actor);
      return actor;
    },
  };
}

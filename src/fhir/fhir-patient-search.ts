// Patient search limited to the patients the caller may see (the same rule patientAccess enforces), so a
// search never lists a record the caller could not open; each patient returned is then opened through
// patientAccess, which audits it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { invalidInput, notPermitted } from '../shared/errors.ts';
import { SYSTEMS } from './domain/fhir-resources.ts';
import { parseDateParam, parseToken } from './domain/fhir-bundle.ts';
import type { QueryValue } from './fhir-slot-search.ts';
import { oneOf } from './fhir-slot-search.ts';
import type { Page } from './fhir-paging.ts';

export interface PatientQuery { identifier?: QueryValue; name?: QueryValue; family?: QueryValue; given?: QueryValue; birthdate?: QueryValue }

export async function searchPatientIds(db: Kysely<Database>, actor: Actor, query: PatientQuery, page: Page, hubAgreement: ReadonlySet<string>): Promise<{ ids: number[]; total: number }> {
  let q = baseQuery(db);
  const identifier = oneOf(query.identifier);
  const name = oneOf(query.name);
  const family = oneOf(query.family);
  const given = oneOf(query.given);
  const birthdate = oneOf(query.birthdate);
  if (!identifier && !name && !family && !given && !birthdate) throw invalidInput('identifier', 'give identifier, name, family, given or birthdate');
  if (identifier) {
    const token = parseToken(identifier);
    if (token.system !== null && token.system !== SYSTEMS.nhsNumber) throw invalidInput('identifier', `only ${SYSTEMS.nhsNumber} identifiers are searchable`);
    q = q.where('patient.nhs_number', '=', token.value);
  }
  const like = (value: string) => `${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (name) q = q.where((eb) => eb.or([eb(sql`lower(family_name)`, 'like', like(name)), eb(sql`lower(given_name)`, 'like', like(name))]));
  if (family) q = q.where(sql`lower(family_name)`, 'like', like(family));
  if (given) q = q.where(sql`lower(given_name)`, 'like', like(given));
  if (birthdate) {
    const parsed = parseDateParam(birthdate);
    if (!parsed || !parsed.dateOnly || parsed.prefix !== 'eq') throw invalidInput('birthdate', 'must be a date (YYYY-MM-DD)');
    q = q.where('patient.date_of_birth', '=', parsed.value);
  }
  q = scoped(q, actor, hubAgreement);
  const [{ total }] = [await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()];
  const rows = await q.select('patient.id').orderBy('patient.id').limit(page.count).offset(page.offset).execute();
  return { ids: rows.map((r) => r.id), total: Number(total) };
}

type PatientSelect = ReturnType<typeof baseQuery>;
const baseQuery = (db: Kysely<Database>) => db.selectFrom('patient').innerJoin('practice', 'practice.id', 'patient.practice_id');

// Mirrors trust's decidePatientAccess as a filter.
function scoped(q: PatientSelect, actor: Actor, hubAgreement: ReadonlySet<string>): PatientSelect {
  switch (actor.role) {
    case 'patient':
      return q.where('patient.id', 'in', [actor.patientId ?? -1, ...actor.actsFor]);
    case 'receptionist':
    case 'clinician':
    case 'link_worker':
      if (actor.practiceId) return q.where('patient.practice_id', '=', actor.practiceId);
      return q.where('practice.pcn_id', '=', actor.pcnId ?? '').where('patient.opted_out_of_sharing', '=', false);
    case 'hub_staff':
      return q.where('patient.practice_id', 'in', hubAgreement.size ? [...hubAgreement] : ['']).where('patient.opted_out_of_sharing', '=', false);
    case 'pcn_lead':
      return q.where('practice.pcn_id', '=', actor.pcnId ?? '').where('patient.opted_out_of_sharing', '=', false);
    case 'admin':
      return q;
    case 'commissioner':
      throw notPermitted('Commissioners see aggregate figures only.');
  }
}

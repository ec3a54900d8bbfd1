// Enforces decidePatientAccess for a concrete patient and records the access (or the refusal) in the audit log.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound, notPermitted } from '../shared/errors.ts';
import type { Actor } from './domain/actor.ts';
import { decidePatientAccess, type PatientAccessFacts } from './domain/patient-access.ts';
import type { AuditTrail } from './audit-trail.ts';

export interface PatientAccessRequest {
  /** What is being done, e.g. 'patient.read', 'appointment.book'. */
  action: string;
  resourceType: string;
  resourceId?: string | number | null;
  /** The legitimate-relationship reason given by the user (hub access requires one). */
  reason?: string | null;
}

export interface PatientAccess {
  /** Throws not_permitted (and audits the refusal) unless `actor` may access the patient; audits the access. */
  assert(db: Kysely<Database> | Transaction<Database>, actor: Actor, patientId: number, request: PatientAccessRequest): Promise<PatientAccessFacts>;
}

export function createPatientAccess(db: Kysely<Database>, audit: AuditTrail): PatientAccess {
  const agreementCache = new Map<string, { at: number; practices: Set<string> }>();
  async function hubAgreements(hubId: string | null): Promise<Set<string>> {
    if (!hubId) return new Set();
    const cached = agreementCache.get(hubId);
    if (cached && Date.now() - cached.at < 30_000) return cached.practices;
    const rows = await db.selectFrom('hub_sharing_agreement').select('practice_id').where('hub_id', '=', hubId).where('revoked_on', 'is', null).execute();
    const practices = new Set(rows.map((r) => r.practice_id));
    agreementCache.set(hubId, { at: Date.now(), practices });
    return practices;
  }

  return {
    async assert(trx, actor, patientId, request) {
      const row = await trx.selectFrom('patient').innerJoin('practice', 'practice.id', 'patient.practice_id')
        .select(['patient.id', 'patient.practice_id', 'practice.pcn_id', 'patient.opted_out_of_sharing'])
        .where('patient.id', '=', patientId).executeTakeFirst();
      if (!row) throw notFound('Patient');
      const facts: PatientAccessFacts = { patientId: row.id, practiceId: row.practice_id, pcnId: row.pcn_id, optedOutOfSharing: row.opted_out_of_sharing };
      const decision = decidePatientAccess(actor, facts, await hubAgreements(actor.hubId));
      if (!decision.allowed) {
        // Refusals are audited outside the caller's transaction, which is about to roll back.
        await audit.record(db, actor, { ...request, action: `${request.action}.refused`, patientId, details: { reason: decision.reason } });
        throw notPermitted(decision.reason);
      }
      if (decision.basis === 'hub_sharing_agreement' && !request.reason) {
        request = { ...request, reason: 'Extended access hub care under the information sharing agreement' };
      }
      await audit.record(trx, actor, { ...request, patientId, details: { basis: decision.basis } });
      return facts;
    },
  };
}

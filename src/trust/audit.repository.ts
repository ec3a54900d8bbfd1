// Audit log queries: scoped search for staff, and one patient's access history.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditScope } from './domain/audit-scope.ts';

export interface AuditSearch {
  scope: AuditScope;
  patientId?: number | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

export async function searchAudit(db: Kysely<Database>, search: AuditSearch) {
  let query = db.selectFrom('audit_log').selectAll('audit_log');
  const { scope } = search;
  if (scope.kind === 'practice' || scope.kind === 'pcn') {
    const practices = scope.kind === 'practice'
      ? [scope.practiceId]
      : (await db.selectFrom('practice').select('id').where('pcn_id', '=', scope.pcnId).execute()).map((p) => p.id);
    const orgs = scope.kind === 'pcn' ? [...practices, scope.pcnId] : practices;
    // Staff of the organisation, and anyone touching its patients; a patient's own practice is not "their organisation acting".
    query = query.where((eb) => eb.or([
      eb.and([eb('audit_log.actor_org', 'in', orgs), eb('audit_log.actor_role', '!=', 'patient')]),
      eb('audit_log.patient_id', 'in', eb.selectFrom('patient').select('patient.id').where('patient.practice_id', 'in', practices)),
    ]));
  } else if (scope.kind === 'none') {
    return [];
  }
  if (search.patientId !== undefined) query = query.where('audit_log.patient_id', '=', search.patientId);
  if (search.actorId !== undefined) query = query.where('audit_log.actor_id', '=', search.actorId);
  if (search.action !== undefined) query = query.where('audit_log.action', '=', search.action);
  if (search.from) query = query.where('audit_log.at', '>=', search.from);
  if (search.to) query = query.where('audit_log.at', '<', search.to);
  if (search.before !== undefined) query = query.where('audit_log.id', '<', search.before);
  return query.orderBy('audit_log.id', 'desc').limit(search.limit).execute();
}

export function patientAccessLog(db: Kysely<Database>, patientId: number, limit: number) {
  return db.selectFrom('audit_log').select(['at', 'actor_role', 'actor_org', 'action', 'reason'])
    .where('patient_id', '=', patientId).orderBy('id', 'desc').limit(limit).execute();
}

/** Practice, hub and PCN names by code, for showing where an access came from. */
export async function organisationNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const [practices, hubs, pcns] = await Promise.all([
    db.selectFrom('practice').select(['id', 'name']).execute(),
    db.selectFrom('hub').select(['id', 'name']).execute(),
    db.selectFrom('pcn').select(['id', 'name']).execute(),
  ]);
  return new Map([...practices, ...hubs, ...pcns].map((o) => [o.id, o.name]));
}

// Whose audit entries a member of staff may search: a borough administrator sees everything; a practice
// manager (admin for a practice) their practice; a PCN lead their network. An entry belongs to an
// organisation when its patient is registered there or when the person acting worked there.
import type { Actor } from './actor.ts';

export type AuditScope = { kind: 'borough' } | { kind: 'practice'; practiceId: string } | { kind: 'pcn'; pcnId: string } | { kind: 'none' };

export function auditScopeFor(actor: Actor): AuditScope {
  switch (actor.role) {
    case 'admin':
      return actor.practiceId ? { kind: 'practice', practiceId: actor.practiceId } : { kind: 'borough' };
    case 'pcn_lead':
      return actor.pcnId ? { kind: 'pcn', pcnId: actor.pcnId } : { kind: 'none' };
    case 'patient':
    case 'receptionist':
    case 'clinician':
    case 'hub_staff':
    case 'link_worker':
    case 'commissioner':
      return { kind: 'none' };
  }
}

export interface AccessLogEntryView {
  at: string;
  role: string;
  organisation: { id: string; name: string } | null;
  action: string;
  reason: string | null;
}

/** What a patient sees of one audit entry: role and organisation, never the staff member's identity. */
export function accessLogView(
  entry: { at: Date; actor_role: string; actor_org: string | null; action: string; reason: string | null },
  organisationNames: ReadonlyMap<string, string>,
): AccessLogEntryView {
  const org = entry.actor_org;
  return {
    at: entry.at.toISOString(),
    role: entry.actor_role,
    organisation: org ? { id: org, name: organisationNames.get(org) ?? org } : null,
    action: entry.action,
    reason: entry.reason,
  };
}

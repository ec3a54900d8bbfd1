// Who is acting: every request carries one Actor, built from a verified token or session.

export const ROLES = [
  'patient',
  'receptionist',
  'clinician',
  'hub_staff',
  'link_worker',
  'pcn_lead',
  'commissioner',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES_WITH_PATIENT_ACCESS = ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'admin'] as const;

export interface Actor {
  /** Stable subject id (token `sub`). */
  subject: string;
  role: Role;
  displayName: string;
  staffId: string | null;
  /** ODS code of the practice a member of staff works for. */
  practiceId: string | null;
  pcnId: string | null;
  hubId: string | null;
  /** For patients: their own patient id and NHS number, and the patients they may act for. */
  patientId: number | null;
  nhsNumber: string | null;
  actsFor: readonly number[];
}

export const SYSTEM_ACTOR: Actor = {
  subject: 'system', role: 'admin', displayName: 'Hamlet', staffId: null, practiceId: null, pcnId: null, hubId: null,
  patientId: null, nhsNumber: null, actsFor: [],
};

export function isStaff(actor: Actor): boolean {
  return actor.role !== 'patient';
}

// Who may see a patient's record: the one rule, used by every route that touches patient data.
// Staff see their own practice's patients; hub staff see patients of practices that signed the hub's
// sharing agreement unless the patient opted out; PCN leads see their PCN; patients see themselves and
// those they act for; a practice's administrator sees that practice, a borough administrator everyone;
// commissioners see no individual records at all.
import type { Actor } from './actor.ts';

export interface PatientAccessFacts {
  patientId: number;
  practiceId: string;
  pcnId: string;
  optedOutOfSharing: boolean;
}

export type AccessDecision =
  | { allowed: true; basis: 'self' | 'proxy' | 'own_practice' | 'hub_sharing_agreement' | 'pcn' | 'administrator' }
  | { allowed: false; reason: string };

export function decidePatientAccess(actor: Actor, patient: PatientAccessFacts, hubAgreementPracticeIds: ReadonlySet<string>): AccessDecision {
  switch (actor.role) {
    case 'patient':
      if (actor.patientId === patient.patientId) return { allowed: true, basis: 'self' };
      if (actor.actsFor.includes(patient.patientId)) return { allowed: true, basis: 'proxy' };
      return { allowed: false, reason: 'You can only see your own records and those of people you act for.' };
    case 'receptionist':
    case 'clinician':
    case 'link_worker':
      if (actor.practiceId === patient.practiceId) return { allowed: true, basis: 'own_practice' };
      if (actor.pcnId && actor.pcnId === patient.pcnId && !actor.practiceId && !patient.optedOutOfSharing) return { allowed: true, basis: 'pcn' };
      return { allowed: false, reason: 'This patient is registered with another practice.' };
    case 'hub_staff':
      if (!hubAgreementPracticeIds.has(patient.practiceId)) {
        return { allowed: false, reason: "This patient's practice has not signed the hub's information sharing agreement." };
      }
      if (patient.optedOutOfSharing) return { allowed: false, reason: 'This patient has opted out of sharing their record with the hub.' };
      return { allowed: true, basis: 'hub_sharing_agreement' };
    case 'pcn_lead':
      if (actor.pcnId === patient.pcnId && !patient.optedOutOfSharing) return { allowed: true, basis: 'pcn' };
      return { allowed: false, reason: 'This patient is outside your primary care network.' };
    case 'admin':
      // An administrator for a practice (practice manager) sees that practice; a borough administrator everyone.
      if (actor.practiceId && actor.practiceId !== patient.practiceId) return { allowed: false, reason: 'This patient is registered with another practice.' };
      return { allowed: true, basis: actor.practiceId ? 'own_practice' : 'administrator' };
    case 'commissioner':
      return { allowed: false, reason: 'Commissioners see aggregate figures only.' };
  }
}

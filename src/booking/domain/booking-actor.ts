// In which capacities an actor books for a patient (GP Connect: the booking organisation and its type),
// and which organisation the appointment records as the booker.
import type { Actor } from '../../trust/domain/actor.ts';
import type { BookingOrganisation, PatientSharing } from './booking-permission.ts';

/** Patients book as their own practice would (own slots, then the network and its hubs); staff as their
 *  organisation; a hub as the hub. Commissioners book nothing. */
export function bookersFor(actor: Actor, patient: PatientSharing): BookingOrganisation[] {
  switch (actor.role) {
    case 'patient':
    case 'admin':
      return patientBookers(patient);
    case 'receptionist':
    case 'clinician':
    case 'link_worker':
      return actor.practiceId ? practiceBookers(actor.practiceId, actor.pcnId) : networkBooker(actor);
    case 'pcn_lead':
      return networkBooker(actor);
    case 'hub_staff':
      return actor.hubId ? [{ kind: 'hub', organisationId: actor.hubId, pcnId: null }] : [];
    case 'commissioner':
      return [];
  }
}

/** A patient books as their own practice would: its own slots, then the network's and the hubs'. */
export function patientBookers(patient: PatientSharing): BookingOrganisation[] {
  return practiceBookers(patient.practiceId, patient.pcnId);
}

function practiceBookers(practiceId: string, pcnId: string | null): BookingOrganisation[] {
  return [
    { kind: 'own_practice', organisationId: practiceId, pcnId },
    { kind: 'pcn', organisationId: practiceId, pcnId },
  ];
}

function networkBooker(actor: Actor): BookingOrganisation[] {
  const organisation = actor.practiceId ?? actor.pcnId;
  return organisation ? [{ kind: 'pcn', organisationId: organisation, pcnId: actor.pcnId }] : [];
}

/** ODS code recorded as the booking organisation (GPAD booked-by). */
export function bookingOrganisationCode(actor: Actor, patient: PatientSharing): string {
  if (actor.role === 'patient') return patient.practiceId;
  return actor.hubId ?? actor.practiceId ?? actor.pcnId ?? patient.practiceId;
}

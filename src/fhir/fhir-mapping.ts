// Booking's reference data and views as the facts the FHIR mappers take.
import { londonIso } from '../shared/domain/london-time.ts';
import type { CandidateSlot } from '../booking/domain/slot-index.ts';
import type { SlotRecord } from '../booking/domain/appointment.ts';
import type { BookingStaff, BookingSite, ReferenceData } from '../booking/reference-data.ts';
import { organisationOf } from '../booking/reference-data.ts';
import type { AppointmentView } from '../booking/appointment-view.ts';
import type { FhirSiteFacts, FhirSlotFacts, FhirStaffFacts } from './domain/fhir-resources.ts';
import type { FhirAppointmentFacts } from './domain/fhir-appointment.ts';

export const staffFacts = (s: BookingStaff): FhirStaffFacts => ({
  id: s.id, title: s.title, givenName: s.givenName, familyName: s.familyName, role: s.role, languages: s.languages,
});

export const siteFacts = (reference: ReferenceData, s: BookingSite): FhirSiteFacts => ({
  id: s.siteId, name: s.name, addressLine: s.addressLine, postcode: s.postcode, lat: s.location?.lat ?? null, lon: s.location?.lon ?? null,
  organisation: organisationOf(reference, s),
});

export const candidateFacts = (slot: CandidateSlot): FhirSlotFacts => ({
  id: Number(slot.slotId), staffId: slot.clinicianId, siteId: slot.siteId, start: londonIso(slot.start), end: londonIso(slot.end),
  mode: slot.mode, serviceTag: slot.serviceTag, status: 'free',
});

export const slotRecordFacts = (slot: SlotRecord): FhirSlotFacts => ({
  id: slot.id, staffId: slot.staffId, siteId: slot.siteId, start: londonIso(slot.start), end: londonIso(slot.end), mode: slot.mode,
  serviceTag: slot.serviceTag, status: slot.status === 'free' ? 'free' : 'busy',
});

export const appointmentFacts = (a: AppointmentView): FhirAppointmentFacts => ({
  id: a.id, version: a.version, status: a.status, slotId: a.slotId, patientId: a.patientId, staffId: a.clinician.id, staffName: a.clinician.name,
  siteId: a.site.id, siteName: a.site.name, start: a.start, end: a.end, created: a.bookedAt, mode: a.mode, reason: a.reason,
  cancellationReason: a.cancellationReason, nationalCategory: a.gpad.nationalCategory, bookedByOrg: a.gpad.bookedByOrg,
});

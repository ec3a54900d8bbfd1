// FHIR R4 Appointment (UKCore-Appointment) to and from booking's appointment, with GP Connect semantics:
// booked with a slot and a patient participant; cancelled with a reason; the version is the ETag.
import type { AppointmentMode, AppointmentStatus } from '../../shared/domain/vocabulary.ts';
import type { FhirResource } from './fhir-resources.ts';
import { EXTENSIONS, SYSTEMS, deliveryChannelExtension } from './fhir-resources.ts';

export interface FhirAppointmentFacts {
  id: number;
  version: number;
  status: AppointmentStatus;
  slotId: number | null;
  patientId: number;
  staffId: string;
  staffName: string;
  siteId: string;
  siteName: string;
  start: string;
  end: string;
  created: string;
  mode: AppointmentMode;
  reason: string | null;
  cancellationReason: string | null;
  nationalCategory: string;
  bookedByOrg: string | null;
}

// GPAD 'Unknown' (no outcome recorded) has no FHIR counterpart: it stays booked.
const FHIR_STATUS = { booked: 'booked', cancelled: 'cancelled', attended: 'fulfilled', dna: 'noshow', unknown: 'booked' } as const satisfies Record<AppointmentStatus, string>;

export function appointmentResource(a: FhirAppointmentFacts): FhirResource {
  const minutes = Math.round((Date.parse(a.end) - Date.parse(a.start)) / 60_000);
  return {
    resourceType: 'Appointment', id: String(a.id),
    meta: { versionId: String(a.version), profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment'] },
    extension: [
      deliveryChannelExtension(a.mode),
      ...(a.bookedByOrg ? [{ url: EXTENSIONS.bookingOrganization, valueReference: { identifier: { system: SYSTEMS.ods, value: a.bookedByOrg } } }] : []),
    ],
    status: FHIR_STATUS[a.status],
    ...(a.status === 'cancelled' && a.cancellationReason ? { cancelationReason: { text: a.cancellationReason } } : {}),
    serviceCategory: [{ text: a.nationalCategory }],
    ...(a.reason ? { description: a.reason } : {}),
    start: a.start, end: a.end, minutesDuration: minutes, created: a.created,
    ...(a.slotId !== null ? { slot: [{ reference: `Slot/${a.slotId}` }] } : {}),
    participant: [
      { actor: { reference: `Patient/${a.patientId}` }, status: 'accepted' },
      { actor: { reference: `Practitioner/${a.staffId}`, display: a.staffName }, status: 'accepted' },
      { actor: { reference: `Location/${a.siteId}`, display: a.siteName }, status: 'accepted' },
    ],
  };
}

export type ParsedBooking = { slotId: number; patientId: number; description: string | null };

/** What a POSTed Appointment asks for, or a reason it cannot be read (GP Connect: status booked, one slot, a patient). */
export function parseBookingRequest(body: unknown): ParsedBooking | { problem: string; field: string } {
  if (!body || typeof body !== 'object') return { problem: 'the body must be an Appointment resource', field: 'Appointment' };
  const resource = body as { resourceType?: unknown; status?: unknown; slot?: unknown; participant?: unknown; description?: unknown };
  if (resource.resourceType !== 'Appointment') return { problem: 'resourceType must be Appointment', field: 'Appointment.resourceType' };
  if (resource.status !== 'booked') return { problem: 'status must be booked', field: 'Appointment.status' };
  const slots = Array.isArray(resource.slot) ? resource.slot : [];
  if (slots.length !== 1) return { problem: 'exactly one slot reference is supported', field: 'Appointment.slot' };
  const slotId = referenceId(slots[0], 'Slot');
  if (slotId === null) return { problem: 'slot must reference Slot/{id}', field: 'Appointment.slot' };
  const participants = Array.isArray(resource.participant) ? resource.participant : [];
  const patientId = participants.map((p) => referenceId((p as { actor?: unknown })?.actor, 'Patient')).find((id) => id !== null) ?? null;
  if (patientId === null) return { problem: 'a participant must reference Patient/{id}', field: 'Appointment.participant' };
  return { slotId, patientId, description: typeof resource.description === 'string' ? resource.description.slice(0, 500) : null };
}

export function referenceId(reference: unknown, type: string): number | null {
  const value = (reference as { reference?: unknown } | null)?.reference;
  if (typeof value !== 'string') return null;
  const match = new RegExp(`^(?:.*/)?${type}/(\\d{1,15})$`).exec(value);
  return match ? Number(match[1]) : null;
}

/** `W/"3"` → 3. */
export function parseWeakEtag(header: string | undefined): number | null {
  const match = header ? /^(?:W\/)?"(\d+)"$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

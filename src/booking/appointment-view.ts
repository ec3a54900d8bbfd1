// Appointments as the product API shows them: London local times with offsets, where, with whom, which
// organisation, and the GPAD fields. The one mapping every booking route and the idempotency store use.
import { londonIso } from '../shared/domain/london-time.ts';
import { GPAD_MODE, gpadBookingLeadBand, gpadHcpType } from '../shared/domain/vocabulary.ts';
import type { AppointmentMode, AppointmentStatus, ClinicalRole } from '../shared/domain/vocabulary.ts';
import type { Appointment } from './domain/appointment.ts';
import type { LondonClock } from './domain/london-clock.ts';
import type { BookingSite, BookingStaff, ReferenceData } from './reference-data.ts';
import { isClinicalRole, organisationOf } from './reference-data.ts';
import { referenceOf } from './booking-messages.ts';

export interface SiteView { id: string; name: string; postcode: string; addressLine: string; stepFree: boolean }
export interface ClinicianView { id: string; name: string; role: string; languages: string[] }
export interface OrganisationView { kind: 'practice' | 'hub'; id: string; name: string }

export type AppointmentView = {
  id: number;
  reference: string;
  patientId: number;
  slotId: number | null;
  start: string;
  end: string;
  mode: AppointmentMode;
  status: AppointmentStatus;
  site: SiteView;
  clinician: ClinicianView;
  organisation: OrganisationView;
  reason: string | null;
  requestId: string | null;
  bookedAt: string;
  cancelledAt: string | null;
  cancellationReason: string | null;
  outcomeRecordedAt: string | null;
  version: number;
  gpad: {
    nationalCategory: string;
    serviceSetting: string;
    bookingChannel: string;
    bookedByOrg: string | null;
    hcpType: string;
    appointmentMode: string;
    timeBetweenBookingAndAppointment: string;
  };
};

export function siteView(site: BookingSite | undefined, siteId: string): SiteView {
  return site
    ? { id: site.siteId, name: site.name, postcode: site.postcode, addressLine: site.addressLine, stepFree: site.stepFree }
    : { id: siteId, name: siteId, postcode: '', addressLine: '', stepFree: false };
}

export function clinicianView(staff: BookingStaff | undefined, staffId: string): ClinicianView {
  return staff ? { id: staff.id, name: staff.displayName, role: staff.role, languages: [...staff.languages] } : { id: staffId, name: staffId, role: 'unknown', languages: [] };
}

export function presentAppointment(appointment: Appointment, reference: ReferenceData, londonClock: LondonClock): AppointmentView {
  const site = reference.sites.get(appointment.siteId);
  const organisation = site
    ? organisationOf(reference, site)
    : { kind: appointment.deliveredByHubId ? ('hub' as const) : ('practice' as const), id: appointment.deliveredByHubId ?? appointment.practiceId, name: '' };
  const leadDays = londonClock.londonDayNumber(appointment.start.getTime()) - londonClock.londonDayNumber(appointment.bookedAt.getTime());
  const iso = (d: Date | null) => (d ? londonIso(d) : null);
  return {
    id: appointment.id,
    reference: referenceOf(appointment),
    patientId: appointment.patientId,
    slotId: appointment.slotId,
    start: londonIso(appointment.start),
    end: londonIso(appointment.end),
    mode: appointment.mode,
    status: appointment.status,
    site: siteView(site, appointment.siteId),
    clinician: clinicianView(reference.staff.get(appointment.staffId), appointment.staffId),
    organisation,
    reason: appointment.reason,
    requestId: appointment.requestId,
    bookedAt: londonIso(appointment.bookedAt),
    cancelledAt: iso(appointment.cancelledAt),
    cancellationReason: appointment.cancellationReason,
    outcomeRecordedAt: iso(appointment.outcomeRecordedAt),
    version: appointment.version,
    gpad: {
      nationalCategory: appointment.nationalCategory,
      serviceSetting: appointment.serviceSetting,
      bookingChannel: appointment.bookingChannel,
      bookedByOrg: appointment.bookedByOrg,
      hcpType: isClinicalRole(appointment.hcpRole) ? gpadHcpType(appointment.hcpRole as ClinicalRole) : 'Other Practice staff',
      appointmentMode: GPAD_MODE[appointment.mode],
      timeBetweenBookingAndAppointment: gpadBookingLeadBand(leadDays),
    },
  };
}

// GP Appointments Data (GPAD) fields for a new appointment, decided from the slot and the booker, so every
// appointment Hamlet books carries what NHS England publishes nationally.
import type { AppointmentMode, BookingChannel, ClinicalRole, NationalCategory, ServiceSetting, SlotType } from '../../shared/domain/vocabulary.ts';

export interface GpadSlotFacts {
  mode: AppointmentMode;
  slotType: SlotType;
  serviceTag: string | null;
  hubId: string | null;
}

/** Service tags of protected slots and the national category their appointments count under. */
const SERVICE_TAG_CATEGORIES = {
  social_prescribing: 'Social Prescribing Service',
  medication_review: 'Structured Medication Review',
  long_term_condition_review: 'Planned Clinics',
} as const satisfies Record<string, NationalCategory>;

export function nationalCategoryFor(slot: GpadSlotFacts, role: ClinicalRole | string): NationalCategory {
  if (slot.mode === 'home_visit') return 'Home Visit';
  const tagged = slot.serviceTag === null ? undefined : (SERVICE_TAG_CATEGORIES as Record<string, NationalCategory>)[slot.serviceTag];
  if (tagged) return tagged;
  if (role === 'link_worker') return 'Social Prescribing Service';
  return slot.slotType === 'same_day' ? 'General Consultation Acute' : 'General Consultation Routine';
}

/** GPAD service setting: hub sessions are Extended Access Provision. */
export function serviceSettingFor(slot: Pick<GpadSlotFacts, 'hubId'>): ServiceSetting {
  return slot.hubId === null ? 'General Practice' : 'Extended Access Provision';
}

export type ActorRoleForChannel = 'patient' | 'receptionist' | 'clinician' | 'hub_staff' | 'link_worker' | 'pcn_lead' | 'commissioner' | 'admin';

/** How the booking reached us (GPAD "booked by"): patients online, hub staff, clinicians, navigators otherwise. */
export function bookingChannelFor(role: ActorRoleForChannel): BookingChannel {
  switch (role) {
    case 'patient':
      return 'patient_online';
    case 'hub_staff':
      return 'hub';
    case 'clinician':
      return 'clinician';
    case 'receptionist':
    case 'link_worker':
    case 'pcn_lead':
    case 'commissioner':
    case 'admin':
      return 'navigator';
  }
}

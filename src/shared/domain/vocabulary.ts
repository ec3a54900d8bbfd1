// The closed vocabularies shared by every feature. Database CHECK constraints, JSON schemas and the UI
// all derive from these lists, so a code exists in exactly one place.

export const APPOINTMENT_MODES = ['in_person', 'telephone', 'video', 'home_visit'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/** GPAD "Appointment Mode" wording for each Hamlet mode. */
export const GPAD_MODE: Record<AppointmentMode, string> = {
  in_person: 'Face-to-Face',
  telephone: 'Telephone',
  video: 'Video Conference/Online',
  home_visit: 'Home Visit',
};

export const SLOT_TYPES = ['same_day', 'pre_bookable', 'hub', 'protected'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];

/** Which organisations may book a slot (GP Connect: practices choose what others may book). */
export const BOOKERS = ['own_practice', 'pcn', 'hub', 'nhs111'] as const;
export type Booker = (typeof BOOKERS)[number];

export const CLINICAL_ROLES = [
  'gp',
  'nurse',
  'pharmacist',
  'hca',
  'physio',
  'paramedic',
  'link_worker',
  'care_coordinator',
  'health_wellbeing_coach',
  'mental_health_practitioner',
] as const;
export type ClinicalRole = (typeof CLINICAL_ROLES)[number];

export const STAFF_ROLES = [...CLINICAL_ROLES, 'receptionist', 'practice_manager', 'hub_coordinator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** GPAD "HCP Type": GP or Other Practice staff. */
export function gpadHcpType(role: ClinicalRole): 'GP' | 'Other Practice staff' {
  return role === 'gp' ? 'GP' : 'Other Practice staff';
}

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'dna', 'unknown'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const BOOKING_CHANNELS = ['patient_online', 'navigator', 'hub', 'nhs111', 'clinician'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];

export const SERVICE_SETTINGS = ['General Practice', 'Extended Access Provision', 'Other'] as const;
export type ServiceSetting = (typeof SERVICE_SETTINGS)[number];

export const NATIONAL_CATEGORIES = [
  'General Consultation Acute',
  'General Consultation Routine',
  'Unplanned Clinical Activity',
  'Planned Clinics',
  'Planned Clinical Procedure',
  'Structured Medication Review',
  'Social Prescribing Service',
  'Home Visit',
  'Care Home Visit',
  'Patient contact as part of a clinical pathway',
  'Clinical Triage',
  'Service provided by organisation external to the practice',
] as const;
export type NationalCategory = (typeof NATIONAL_CATEGORIES)[number];

/** GPAD "Time between booking and appointment" bands. */
export function gpadBookingLeadBand(days: number): string {
  if (days <= 0) return 'Same Day';
  if (days === 1) return '1 Day';
  if (days <= 7) return '2 to 7 Days';
  if (days <= 14) return '8 to 14 Days';
  if (days <= 21) return '15 to 21 Days';
  if (days <= 28) return '22 to 28 Days';
  return 'More than 28 Days';
}

export const DISPOSITIONS = ['emergency', 'urgent', 'routine', 'self_care'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const CARE_SERVICES = [
  'emergency_999',
  'mental_health_crisis',
  'same_day_clinician',
  'own_clinician',
  'first_available',
  'community_pharmacy',
  'self_care',
  'social_prescribing',
  'admin_team',
  'hub',
] as const;
export type CareService = (typeof CARE_SERVICES)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

/** 2021 census ethnic groups (England and Wales), 19 categories under 5 high-level groups. */
export const ETHNICITIES = [
  { code: 'A1', group: 'Asian', name: 'Bangladeshi' },
  { code: 'A2', group: 'Asian', name: 'Chinese' },
  { code: 'A3', group: 'Asian', name: 'Indian' },
  { code: 'A4', group: 'Asian', name: 'Pakistani' },
  { code: 'A5', group: 'Asian', name: 'Other Asian' },
  { code: 'B1', group: 'Black', name: 'African' },
  { code: 'B2', group: 'Black', name: 'Caribbean' },
  { code: 'B3', group: 'Black', name: 'Other Black' },
  { code: 'M1', group: 'Mixed', name: 'White and Asian' },
  { code: 'M2', group: 'Mixed', name: 'White and Black African' },
  { code: 'M3', group: 'Mixed', name: 'White and Black Caribbean' },
  { code: 'M4', group: 'Mixed', name: 'Other Mixed' },
  { code: 'W1', group: 'White', name: 'English, Welsh, Scottish, Northern Irish or British' },
  { code: 'W2', group: 'White', name: 'Irish' },
  { code: 'W3', group: 'White', name: 'Gypsy or Irish Traveller' },
  { code: 'W4', group: 'White', name: 'Roma' },
  { code: 'W5', group: 'White', name: 'Other White' },
  { code: 'O1', group: 'Other', name: 'Arab' },
  { code: 'O2', group: 'Other', name: 'Any other ethnic group' },
] as const;
export type EthnicityCode = (typeof ETHNICITIES)[number]['code'];

export const LONG_TERM_CONDITIONS = [
  'hypertension',
  'diabetes',
  'asthma',
  'copd',
  'depression',
  'severe_mental_illness',
  'chd',
  'heart_failure',
  'atrial_fibrillation',
  'ckd',
  'stroke_tia',
  'cancer',
  'dementia',
  'epilepsy',
  'hypothyroidism',
  'osteoarthritis',
] as const;
export type LongTermCondition = (typeof LONG_TERM_CONDITIONS)[number];

/** The eFI deficits the generator records (a subset of the 36; see reference/measurement.md). */
export const FRAILTY_DEFICITS = [
  'activity_limitation',
  'anaemia',
  'arthritis',
  'atrial_fibrillation',
  'cerebrovascular_disease',
  'ckd',
  'diabetes',
  'dizziness',
  'dyspnoea',
  'falls',
  'foot_problems',
  'fragility_fracture',
  'hearing_impairment',
  'heart_failure',
  'heart_valve_disease',
  'housebound',
  'hypertension',
  'hypotension_syncope',
  'ischaemic_heart_disease',
  'memory_cognitive_problems',
  'mobility_transfer_problems',
  'osteoporosis',
  'parkinsonism_tremor',
  'peptic_ulcer',
  'peripheral_vascular_disease',
  'polypharmacy',
  'requirement_for_care',
  'respiratory_disease',
  'skin_ulcer',
  'sleep_disturbance',
  'social_vulnerability',
  'thyroid_disease',
  'urinary_incontinence',
  'urinary_system_disease',
  'visual_impairment',
  'weight_loss',
] as const;
export type FrailtyDeficit = (typeof FRAILTY_DEFICITS)[number];

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'bn', name: 'Bengali' },
  { code: 'syl', name: 'Sylheti' },
  { code: 'so', name: 'Somali' },
  { code: 'ur', name: 'Urdu' },
  { code: 'pl', name: 'Polish' },
  { code: 'lt', name: 'Lithuanian' },
  { code: 'zh', name: 'Chinese' },
  { code: 'es', name: 'Spanish' },
  { code: 'it', name: 'Italian' },
  { code: 'fr', name: 'French' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DIGITAL_PREFERENCES = ['online', 'phone', 'in_person', 'assisted'] as const;
export type DigitalPreference = (typeof DIGITAL_PREFERENCES)[number];

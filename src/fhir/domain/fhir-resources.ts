// FHIR R4 resources in UK Core shapes, from plain booking data. Pure: no database or HTTP.
// Profiles: https://simplifier.net/hl7fhirukcorer4 (UKCore-Slot, -Schedule, -Practitioner, -Location, -Patient).
import type { AppointmentMode } from '../../shared/domain/vocabulary.ts';

export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;

export const SYSTEMS = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  ods: 'https://fhir.nhs.uk/Id/ods-organization-code',
  deliveryChannel: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-DeliveryChannel',
  staff: 'https://hamlet.example/Id/staff',
  serviceTag: 'https://hamlet.example/CodeSystem/service',
  clinicalRole: 'https://hamlet.example/CodeSystem/clinical-role',
} as const;

export const EXTENSIONS = {
  deliveryChannel: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeliveryChannel',
  bookingOrganization: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-BookingOrganization',
} as const;

const profile = (name: string) => ({ profile: [`https://fhir.hl7.org.uk/StructureDefinition/UKCore-${name}`] });

export const DELIVERY_CHANNELS = ['In-person', 'Telephone', 'Video'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export function deliveryChannelOf(mode: AppointmentMode): DeliveryChannel {
  switch (mode) {
    case 'in_person':
    case 'home_visit':
      return 'In-person';
    case 'telephone':
      return 'Telephone';
    case 'video':
      return 'Video';
  }
}

export function deliveryChannelExtension(mode: AppointmentMode) {
  const code = deliveryChannelOf(mode);
  return { url: EXTENSIONS.deliveryChannel, valueCodeableConcept: { coding: [{ system: SYSTEMS.deliveryChannel, code, display: code }] } };
}

/** Schedules are one per clinician per site: `<staff id>.<site id>`. */
export const scheduleIdOf = (staffId: string, siteId: string) => `${staffId}.${siteId}`;
export function parseScheduleId(id: string): { staffId: string; siteId: string } | null {
  const dot = id.indexOf('.');
  return dot > 0 && dot < id.length - 1 ? { staffId: id.slice(0, dot), siteId: id.slice(dot + 1) } : null;
}

/** The service a slot is for: its protected-service tag, or general practice. */
export const serviceTypeCode = (serviceTag: string | null) => serviceTag ?? 'general_practice';

export interface FhirSlotFacts {
  id: number;
  staffId: string;
  siteId: string;
  start: string; // local ISO with offset
  end: string;
  mode: AppointmentMode;
  serviceTag: string | null;
  status: 'free' | 'busy';
}

export function slotResource(slot: FhirSlotFacts): FhirResource {
  const code = serviceTypeCode(slot.serviceTag);
  return {
    resourceType: 'Slot', id: String(slot.id), meta: profile('Slot'),
    extension: [deliveryChannelExtension(slot.mode)],
    serviceType: [{ coding: [{ system: SYSTEMS.serviceTag, code }], text: code.replace(/_/g, ' ') }],
    schedule: { reference: `Schedule/${scheduleIdOf(slot.staffId, slot.siteId)}` },
    status: slot.status, start: slot.start, end: slot.end,
  };
}

export interface FhirStaffFacts { id: string; title: string | null; givenName: string; familyName: string; role: string; languages: readonly string[] }
export interface FhirSiteFacts {
  id: string; name: string; addressLine: string; postcode: string; lat: number | null; lon: number | null;
  organisation: { kind: 'practice' | 'hub'; id: string; name: string };
}

export function scheduleResource(staff: FhirStaffFacts, site: FhirSiteFacts): FhirResource {
  return {
    resourceType: 'Schedule', id: scheduleIdOf(staff.id, site.id), meta: profile('Schedule'), active: true,
    specialty: [{ coding: [{ system: SYSTEMS.clinicalRole, code: staff.role }], text: staff.role.replace(/_/g, ' ') }],
    actor: [
      { reference: `Practitioner/${staff.id}`, display: displayName(staff) },
      { reference: `Location/${site.id}`, display: site.name },
    ],
  };
}

export function practitionerResource(staff: FhirStaffFacts): FhirResource {
  return {
    resourceType: 'Practitioner', id: staff.id, meta: profile('Practitioner'), active: true,
    identifier: [{ system: SYSTEMS.staff, value: staff.id }],
    name: [{ use: 'official', family: staff.familyName, given: [staff.givenName], ...(staff.title ? { prefix: [staff.title] } : {}) }],
    ...(staff.languages.length
      ? { communication: staff.languages.map((code) => ({ coding: [{ system: 'urn:ietf:bcp:47', code }] })) }
      : {}),
  };
}

export function locationResource(site: FhirSiteFacts): FhirResource {
  return {
    resourceType: 'Location', id: site.id, meta: profile('Location'), status: 'active', name: site.name,
    address: { use: 'work', line: [site.addressLine.split(',')[0]!.trim()], city: 'London', postalCode: site.postcode, country: 'GB' },
    ...(site.lat !== null && site.lon !== null ? { position: { latitude: site.lat, longitude: site.lon } } : {}),
    managingOrganization: site.organisation.kind === 'practice'
      ? { identifier: { system: SYSTEMS.ods, value: site.organisation.id }, display: site.organisation.name }
      : { display: site.organisation.name },
  };
}

export interface FhirPatientFacts {
  id: number; nhsNumber: string; givenName: string; familyName: string; sex: string; dateOfBirth: string;
  postcode: string | null; practiceId: string; phone: string | null; email: string | null; mainLanguage: string | null;
}

export function patientResource(p: FhirPatientFacts): FhirResource {
  const telecom = [
    ...(p.phone ? [{ system: 'phone', value: p.phone, use: 'mobile' }] : []),
    ...(p.email ? [{ system: 'email', value: p.email, use: 'home' }] : []),
  ];
  return {
    resourceType: 'Patient', id: String(p.id), meta: profile('Patient'),
    identifier: [{ system: SYSTEMS.nhsNumber, value: p.nhsNumber }],
    name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
    gender: p.sex === 'female' || p.sex === 'male' ? p.sex : 'unknown',
    birthDate: p.dateOfBirth,
    ...(telecom.length ? { telecom } : {}),
    ...(p.postcode ? { address: [{ use: 'home', postalCode: p.postcode }] } : {}),
    ...(p.mainLanguage ? { communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: p.mainLanguage }] }, preferred: true }] } : {}),
    generalPractitioner: [{ identifier: { system: SYSTEMS.ods, value: p.practiceId } }],
  };
}

function displayName(staff: FhirStaffFacts): string {
  return staff.title ? `${staff.title} ${staff.givenName} ${staff.familyName}` : `${staff.givenName} ${staff.familyName}`;
}

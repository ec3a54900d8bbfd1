// A small named borough for slot-ranking tests: practice A (the patient's), B in the same PCN, Z in another
// PCN, the Bow hub (signed by A and B) and the Isle hub (signed by Z only).
import { londonInstant } from '../../shared/domain/london-time.ts';
import type { AppointmentMode, Booker } from '../../shared/domain/vocabulary.ts';
import type { BookingOrganisation } from './booking-permission.ts';
import type { CandidateSlot, RankingClinician, RankingSite } from './slot-index.ts';
import type { RankingPatient, RankingRequest } from './slot-search.ts';

export const NOW = new Date('2027-10-25T08:00:00Z'); // Monday 25 October 2027, 09:00 BST; clocks go back on the 31st

export const SITES: RankingSite[] = [
  { siteId: 'practice-a', name: 'Roman Road Surgery', kind: 'practice', practiceId: 'practice-a', hubId: null, pcnId: 'pcn-1', stepFree: false, location: { lat: 51.529, lon: -0.042 } },
  { siteId: 'practice-b', name: 'Mile End Practice', kind: 'practice', practiceId: 'practice-b', hubId: null, pcnId: 'pcn-1', stepFree: true, location: { lat: 51.525, lon: -0.033 } },
  { siteId: 'practice-z', name: 'Isle Surgery', kind: 'practice', practiceId: 'practice-z', hubId: null, pcnId: 'pcn-9', stepFree: true, location: { lat: 51.495, lon: -0.015 } },
  { siteId: 'hub-bow', name: 'Bow hub', kind: 'hub', practiceId: null, hubId: 'hub-bow', pcnId: 'pcn-1', stepFree: true, location: { lat: 51.532, lon: -0.02 } },
  { siteId: 'hub-isle', name: 'Isle hub', kind: 'hub', practiceId: null, hubId: 'hub-isle', pcnId: 'pcn-9', stepFree: true, location: { lat: 51.496, lon: -0.01 } },
];

export const CLINICIANS: RankingClinician[] = [
  { clinicianId: 'dr-rahman', displayName: 'Dr Rahman', role: 'gp', languages: ['en', 'bn', 'syl'] },
  { clinicianId: 'dr-smith', displayName: 'Dr Smith', role: 'gp', languages: ['en'] },
  { clinicianId: 'nurse-ali', displayName: 'Nurse Ali', role: 'nurse', languages: ['en', 'so'] },
  { clinicianId: 'dr-begum', displayName: 'Dr Begum', role: 'gp', languages: ['en', 'bn'] },
  { clinicianId: 'dr-jones', displayName: 'Dr Jones', role: 'gp', languages: ['en'] },
  { clinicianId: 'dr-okafor', displayName: 'Dr Okafor', role: 'gp', languages: ['en'] },
  { clinicianId: 'pharm-patel', displayName: 'Pharmacist Patel', role: 'pharmacist', languages: ['en', 'ur'] },
];

export const SHARING = new Map<string, ReadonlySet<string>>([
  ['hub-bow', new Set(['practice-a', 'practice-b'])],
  ['hub-isle', new Set(['practice-z'])],
  ['pcn-1', new Set(['practice-a', 'practice-b'])],
  ['pcn-9', new Set(['practice-z'])],
]);

export const PATIENT: RankingPatient = {
  practiceId: 'practice-a',
  pcnId: 'pcn-1',
  optedOutOfSharing: false,
  home: { lat: 51.528, lon: -0.04 },
  usualClinicianId: 'dr-rahman',
};

/** A navigator at practice A books as A itself and on behalf of A's PCN. */
export const NAVIGATOR_AT_A: BookingOrganisation[] = [
  { kind: 'own_practice', organisationId: 'practice-a', pcnId: 'pcn-1' },
  { kind: 'pcn', organisationId: 'practice-a', pcnId: 'pcn-1' },
];

const SITE_OF: Record<string, string> = {
  'dr-rahman': 'practice-a',
  'dr-smith': 'practice-a',
  'pharm-patel': 'practice-a',
  'nurse-ali': 'practice-b',
  'dr-begum': 'hub-bow',
  'dr-jones': 'practice-z',
  'dr-okafor': 'hub-isle',
};

/** A slot by London wall-clock time, e.g. slot('s1', 'dr-smith', '2027-10-25 11:00'). */
export function slot(
  slotId: string,
  clinicianId: string,
  local: string,
  mode: AppointmentMode = 'in_person',
  extra: Partial<CandidateSlot> = {},
): CandidateSlot {
  const [date, time] = local.split(' ') as [string, string];
  const start = londonInstant(date, time);
  const isHub = SITE_OF[clinicianId]!.startsWith('hub');
  const bookableBy: Booker[] = isHub ? ['pcn', 'hub', 'nhs111'] : ['own_practice', 'pcn', 'hub', 'nhs111'];
  return {
    slotId,
    clinicianId,
    siteId: SITE_OF[clinicianId]!,
    start,
    end: new Date(start.getTime() + 10 * 60_000),
    mode,
    slotType: isHub ? 'hub' : 'pre_bookable',
    bookableBy,
    releaseAt: new Date(0),
    serviceTag: null,
    ...extra,
  };
}

/** The working week of the fixture: Monday 09:00 to Friday 20:00, GPs, in person or by phone. */
export function request(overrides: Partial<RankingRequest> = {}): RankingRequest {
  return {
    now: NOW,
    patient: PATIENT,
    bookers: NAVIGATOR_AT_A,
    sharingAgreements: SHARING,
    need: {
      earliest: londonInstant('2027-10-25', '09:00'),
      latest: londonInstant('2027-10-29', '20:00'),
      modes: ['in_person', 'telephone'],
      roles: ['gp'],
    },
    preferences: {},
    ...overrides,
  };
}

// The borough's organisations: localities, PCNs, practices and their sites, hubs with their sharing
// agreements, staff, and the voluntary and community services link workers refer to.
import type { ClinicalRole, StaffRole } from '../../shared/domain/vocabulary.ts';
import type { BoroughParameters } from './borough-parameters.ts';
import { LOCALITIES, pickDistrict, pointNear, randomPostcode, type District } from './geography.ts';
import { NEIGHBOURHOODS, PRACTICE_SUFFIXES, STAFF_LANGUAGES, STAFF_NAME_SETS, STREETS } from './names.ts';
import { createRandom, type Random } from './random.ts';

export interface Locality { id: string; name: string }
export interface Pcn { id: string; name: string; localityId: string }
export interface Practice { id: string; name: string; pcnId: string; localityId: string; phone: string; listSize: number; district: District }
export interface Site { id: string; name: string; practiceId: string | null; hubId: string | null; addressLine: string; postcode: string; lat: number; lon: number; stepFree: boolean }
export interface Hub { id: string; name: string; localityId: string; hostPracticeId: string; siteId: string; openingHours: BoroughParameters['hubHours'] }
export interface SharingAgreement { hubId: string; practiceId: string; signedOn: string }
export interface StaffMember {
  id: string; practiceId: string | null; pcnId: string | null; hubId: string | null; title: string | null;
  givenName: string; familyName: string; role: StaffRole; languages: string[]; siteIds: string[];
}
export interface CommunityService { id: string; name: string; category: string; description: string; contact: string; languages: string[]; postcode: string; lat: number; lon: number; addressLine: string }

export interface BoroughStructure {
  localities: Locality[]; pcns: Pcn[]; practices: Practice[]; sites: Site[]; hubs: Hub[];
  sharingAgreements: SharingAgreement[]; staff: StaffMember[]; communityServices: CommunityService[];
}

/** Clinicians per practice, as list size per head (England's general-practice workforce, roughly). */
const PATIENTS_PER_HEAD: Readonly<Partial<Record<StaffRole, number>>> = {
  gp: 1_800, nurse: 4_500, hca: 6_000, pharmacist: 9_000, receptionist: 1_500,
};
/** PCN-employed (Additional Roles) staff per PCN. */
const PCN_ROLES: readonly (readonly [ClinicalRole, number])[] = [
  ['physio', 2], ['paramedic', 1], ['link_worker', 3], ['care_coordinator', 2], ['mental_health_practitioner', 1], ['health_wellbeing_coach', 1],
];
/** Each locality hub's own sessional clinicians. */
const HUB_ROLES: readonly (readonly [StaffRole, number])[] = [['gp', 3], ['nurse', 2], ['pharmacist', 1], ['hub_coordinator', 2]];

export function generateStructure(parameters: BoroughParameters, seed: number, anchorDate: string): BoroughStructure {
  const random = createRandom(seed, 'structure');
  const localities = LOCALITIES.slice(0, parameters.localities).map((l, i) => ({ id: `L${i + 1}`, name: l.name }));
  const pcns = allocatePcns(parameters, localities);
  const practices = generatePractices(parameters, random, pcns);
  const sites = generateSites(random, practices);
  const hubs = generateHubs(parameters, random, localities, practices, sites);
  const sharingAgreements = generateAgreements(parameters, random, hubs, practices, anchorDate);
  const staff = generateStaff(random, practices, pcns, hubs, sites, parameters.staffingScale);
  const communityServices = generateCommunityServices(random);
  return { localities, pcns, practices, sites, hubs, sharingAgreements, staff, communityServices };
}

function allocatePcns(parameters: BoroughParameters, localities: Locality[]): Pcn[] {
  // Spread PCNs over localities as evenly as possible (7 over 4 gives 2, 2, 2, 1).
  return Array.from({ length: parameters.pcns }, (_, i) => {
    const locality = localities[i % localities.length]!;
    const n = Math.floor(i / localities.length) + 1;
    return { id: `U9${String(1001 + i).slice(1)}`, name: `${locality.name.split(':')[1]!.trim().split(/,| and /)[0]} PCN ${n}`, localityId: locality.id };
  });
}

function generatePractices(parameters: BoroughParameters, random: Random, pcns: Pcn[]): Practice[] {
  const weights = Array.from({ length: parameters.practices }, () => Math.exp(random.normal(0, parameters.listSizeSigma)));
  const listSizes = apportion(parameters.totalPatients, weights, parameters.minimumListSize);
  const usedNames = new Set<string>();
  return listSizes.map((listSize, i) => {
    const pcn = pcns[i % pcns.length]!;
    const locality = LOCALITIES[Number(pcn.localityId.slice(1)) - 1]!;
    let name: string;
    do name = `${random.pick(NEIGHBOURHOODS)} ${random.pick(PRACTICE_SUFFIXES)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    return {
      id: `Z84${String(i + 1).padStart(3, '0')}`,
      name, pcnId: pcn.id, localityId: pcn.localityId,
      phone: `020 7946 0${String(100 + i).padStart(3, '0')}`, // Ofcom's drama range for London
      listSize, district: pickDistrict(random, locality),
    };
  });
}

/** Splits `total` in proportion to `weights`, each part at least `minimum`, summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[], minimum: number): number[] {
  const floorTotal = Math.min(total, minimum * weights.length);
  const perPartFloor = Math.floor(floorTotal / weights.length);
  const rest = total - perPartFloor * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((e) => Math.floor(e));
  let remainder = rest - parts.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byFraction) {
    if (remainder-- <= 0) break;
    parts[i]!++;
  }
  return parts.map((p) => p + perPartFloor);
}

function generateSites(random: Random, practices: Practice[]): Site[] {
  const sites: Site[] = [];
  for (const practice of practices) {
    const branches = practice.listSize > 9_000 && random.chance(0.5) ? 2 : 1;
    for (let b = 0; b < branches; b++) {
      const point = pointNear(random, practice.district.lat, practice.district.lon, 0.6);
      sites.push({
        id: `${practice.id}-S${b + 1}`,
        name: b === 0 ? practice.name : `${practice.name} (branch)`,
        practiceId: practice.id, hubId: null,
        addressLine: `${random.int(1, 240)} ${random.pick(STREETS)}, London`,
        postcode: randomPostcode(random, practice.district),
        ...point,
        stepFree: random.chance(0.85),
      });
    }
  }
  return sites;
}

function generateHubs(parameters: BoroughParameters, random: Random, localities: Locality[], practices: Practice[], sites: Site[]): Hub[] {
  return localities.map((locality, i) => {
    const members = practices.filter((p) => p.localityId === locality.id);
    const host = members.reduce((a, b) => (b.listSize > a.listSize ? b : a));
    const hostSite = sites.find((s) => s.practiceId === host.id)!;
    const id = `HUB${i + 1}`;
    const area = host.name.split(' ').slice(0, -2).join(' ') || host.name;
    sites.push({ ...hostSite, id: `${id}-S1`, name: `${area} extended access hub`, practiceId: null, hubId: id, stepFree: true });
    void random;
    return { id, name: `${area} hub`, localityId: locality.id, hostPracticeId: host.id, siteId: `${id}-S1`, openingHours: parameters.hubHours };
  });
}

function generateAgreements(parameters: BoroughParameters, random: Random, hubs: Hub[], practices: Practice[], anchorDate: string): SharingAgreement[] {
  // A few practices have not signed: hubs must refuse to book or view their patients.
  const unsigned = new Set(random.shuffle(practices.filter((p) => !hubs.some((h) => h.hostPracticeId === p.id)).map((p) => p.id)).slice(0, parameters.practicesWithoutSharingAgreement));
  const signedOn = `${Number(anchorDate.slice(0, 4)) - 2}-04-01`;
  return hubs.flatMap((hub) =>
    practices.filter((p) => p.localityId === hub.localityId && !unsigned.has(p.id)).map((p) => ({ hubId: hub.id, practiceId: p.id, signedOn })),
  );
}

function generateStaff(random: Random, practices: Practice[], pcns: Pcn[], hubs: Hub[], sites: Site[], staffingScale: number): StaffMember[] {
  const scaledCount = (count: number) => Math.max(1, Math.round(count * staffingScale));
  const staff: StaffMember[] = [];
  const add = (role: StaffRole, where: { practiceId?: string; pcnId?: string; hubId?: string }, siteIds: string[]) => {
    const set = random.weightedIndex([40, 30, 12, 8, 6, 4]);
    const names = STAFF_NAME_SETS[set]!;
    const female = random.chance(role === 'gp' ? 0.55 : 0.8);
    const languages = STAFF_LANGUAGES[set]!.filter(() => random.chance(0.7));
    staff.push({
      id: `ST${String(staff.length + 1).padStart(5, '0')}`,
      practiceId: where.practiceId ?? null, pcnId: where.pcnId ?? null, hubId: where.hubId ?? null,
      title: role === 'gp' ? 'Dr' : null,
      givenName: random.pick(female ? names.female : names.male), familyName: random.pick(names.family),
      role, languages, siteIds,
    });
  };
  for (const practice of practices) {
    const siteIds = sites.filter((s) => s.practiceId === practice.id).map((s) => s.id);
    for (const [role, perHead] of Object.entries(PATIENTS_PER_HEAD) as [StaffRole, number][]) {
      const count = Math.max(role === 'gp' && practice.listSize >= 2_500 ? 2 : 1, Math.round(practice.listSize / perHead));
      for (let i = 0; i < count; i++) add(role, { practiceId: practice.id }, siteIds);
    }
    add('practice_manager', { practiceId: practice.id }, siteIds);
  }
  for (const pcn of pcns) {
    const siteIds = sites.filter((s) => practices.some((p) => p.pcnId === pcn.id && p.id === s.practiceId)).map((s) => s.id);
    for (const [role, count] of PCN_ROLES) for (let i = 0; i < scaledCount(count); i++) add(role, { pcnId: pcn.id }, siteIds);
  }
  for (const hub of hubs) for (const [role, count] of HUB_ROLES) for (let i = 0; i < scaledCount(count); i++) add(role, { hubId: hub.id }, [hub.siteId]);
  return staff;
}

const SERVICE_CATALOGUE: readonly (readonly [category: string, name: string, description: string])[] = [
  ['loneliness', 'Befriending Circle', 'Weekly visits and phone calls from trained volunteers for people who feel alone.'],
  ['loneliness', 'Lunch Club', 'A hot lunch and company, three days a week, for people over 60.'],
  ['housing', 'Housing Advice Drop-in', 'Help with repairs, damp, overcrowding, homelessness applications and tenancy problems.'],
  ['money', 'Money and Debt Advice', 'Benefits checks, debt advice and help with forms, in several languages.'],
  ['money', 'Food Bank', 'Emergency food parcels by referral; advice on what else can help.'],
  ['carers', 'Carers Centre', 'Support, breaks and advice for unpaid carers of all ages.'],
  ['physical_activity', 'Healthy Walks', 'Free led walks in local parks, at an easy pace.'],
  ['physical_activity', 'Women-only Swimming and Gym', 'Sessions with female staff, at reduced cost.'],
  ['mental_wellbeing', 'Talking Therapies Self-referral', 'NHS talking therapies for stress, anxiety and low mood.'],
  ['mental_wellbeing', 'Community Gardening Group', 'Grow food and meet people, weekly, no experience needed.'],
  ['employment', 'Work and Skills Service', 'Help to find work, training and volunteering.'],
  ['english', 'English Conversation Classes', 'Free ESOL conversation groups for adults.'],
  ['digital', 'Digital Buddies', 'One-to-one help to use a phone or computer, NHS App included.'],
  ['long_term_conditions', 'Diabetes Peer Support Group', 'Meet others living with diabetes; cooking and activity sessions.'],
];

function generateCommunityServices(random: Random): CommunityService[] {
  return SERVICE_CATALOGUE.map(([category, name, description], i) => {
    const locality = LOCALITIES[i % LOCALITIES.length]!;
    const district = pickDistrict(random, locality);
    const area = random.pick(NEIGHBOURHOODS);
    return {
      id: `VCS${String(i + 1).padStart(3, '0')}`, name: `${area} ${name}`, category, description,
      contact: `020 7946 1${String(100 + i).padStart(3, '0')}`,
      languages: ['en', ...(random.chance(0.6) ? ['bn', 'syl'] : []), ...(random.chance(0.2) ? ['so'] : [])],
      postcode: randomPostcode(random, district),
      addressLine: `${random.int(1, 200)} ${random.pick(STREETS)}, London`,
      ...pointNear(random, district.lat, district.lon, 0.5),
    };
  });
}

// The borough's organisations as booking sees them (sites, clinicians, practices, hubs, PCNs and sharing
// agreements), read once and kept in memory: they change rarely and every search and booking needs them.
import type { Kysely } from 'kysely';
import type { Database, OpeningHours } from '../db/schema.ts';
import type { ClinicalRole, LanguageCode, StaffRole } from '../shared/domain/vocabulary.ts';
import { CLINICAL_ROLES, LANGUAGES } from '../shared/domain/vocabulary.ts';
import type { RankingClinician, RankingSite } from './domain/slot-index.ts';

export interface BookingSite extends RankingSite {
  postcode: string;
  addressLine: string;
}

export interface BookingStaff {
  id: string;
  /** How patients are told who they will see, e.g. "Dr Ullah", "Hannah Jones". */
  displayName: string;
  givenName: string;
  familyName: string;
  title: string | null;
  role: StaffRole;
  languages: LanguageCode[];
  practiceId: string | null;
  hubId: string | null;
}

export interface PracticeInfo { id: string; name: string; pcnId: string; localityId: string; phone: string; listSize: number }
export interface HubInfo { id: string; name: string; localityId: string; hostPracticeId: string; openingHours: OpeningHours }
export interface PcnInfo { id: string; name: string; localityId: string }

export interface ReferenceData {
  practices: ReadonlyMap<string, PracticeInfo>;
  hubs: ReadonlyMap<string, HubInfo>;
  pcns: ReadonlyMap<string, PcnInfo>;
  sites: ReadonlyMap<string, BookingSite>;
  staff: ReadonlyMap<string, BookingStaff>;
  rankingSites: readonly RankingSite[];
  rankingClinicians: readonly RankingClinician[];
  /** Practices whose agreement with each hub is in force. */
  hubAgreements: ReadonlyMap<string, ReadonlySet<string>>;
  /** For ranking and permission: by hub id, and by PCN id (a PCN's practices share within the network). */
  sharingAgreements: ReadonlyMap<string, ReadonlySet<string>>;
}

const KNOWN_LANGUAGES = new Set<string>(LANGUAGES.map((l) => l.code));
const CLINICAL = new Set<string>(CLINICAL_ROLES);

export function isClinicalRole(role: string): role is ClinicalRole {
  return CLINICAL.has(role);
}

export async function loadReferenceData(db: Kysely<Database>): Promise<ReferenceData> {
  const [practiceRows, hubRows, pcnRows, siteRows, staffRows, agreementRows] = await Promise.all([
    db.selectFrom('practice').selectAll().execute(),
    db.selectFrom('hub').selectAll().execute(),
    db.selectFrom('pcn').selectAll().execute(),
    db.selectFrom('site').selectAll().orderBy('id').execute(),
    db.selectFrom('staff').selectAll().where('active', '=', true).orderBy('id').execute(),
    db.selectFrom('hub_sharing_agreement').select(['hub_id', 'practice_id']).where('revoked_on', 'is', null).execute(),
  ]);
  const practices = new Map(practiceRows.map((p) => [p.id, { id: p.id, name: p.name, pcnId: p.pcn_id, localityId: p.locality_id, phone: p.phone, listSize: p.list_size }]));
  const hubs = new Map(hubRows.map((h) => [h.id, { id: h.id, name: h.name, localityId: h.locality_id, hostPracticeId: h.host_practice_id, openingHours: h.opening_hours }]));
  const pcns = new Map(pcnRows.map((p) => [p.id, { id: p.id, name: p.name, localityId: p.locality_id }]));
  const sites = new Map<string, BookingSite>();
  for (const s of siteRows) {
    const hub = s.hub_id ? hubs.get(s.hub_id) : undefined;
    // A hub site sits in its host practice's PCN; permission for hub slots goes by the hub's own agreement.
    const pcnId = practices.get(s.practice_id ?? hub?.hostPracticeId ?? '')?.pcnId ?? '';
    sites.set(s.id, {
      siteId: s.id, name: s.name, kind: s.hub_id ? 'hub' : 'practice', practiceId: s.hub_id ? null : s.practice_id, hubId: s.hub_id,
      pcnId, stepFree: s.step_free, location: { lat: s.lat, lon: s.lon }, postcode: s.postcode, addressLine: s.address_line,
    });
  }
  const staff = new Map(staffRows.map((m) => [m.id, {
    id: m.id, displayName: m.title ? `${m.title} ${m.family_name}` : `${m.given_name} ${m.family_name}`, givenName: m.given_name,
    familyName: m.family_name, title: m.title, role: m.role as StaffRole,
    languages: m.languages.filter((l) => KNOWN_LANGUAGES.has(l)) as LanguageCode[], practiceId: m.practice_id, hubId: m.hub_id,
  }]));
  const hubAgreements = new Map<string, Set<string>>();
  for (const a of agreementRows) hubAgreements.set(a.hub_id, (hubAgreements.get(a.hub_id) ?? new Set()).add(a.practice_id));
  const sharingAgreements = new Map<string, ReadonlySet<string>>(hubAgreements);
  for (const practice of practices.values()) {
    const members = (sharingAgreements.get(practice.pcnId) as Set<string> | undefined) ?? new Set<string>();
    sharingAgreements.set(practice.pcnId, members.add(practice.id));
  }
  const rankingClinicians: RankingClinician[] = [...staff.values()]
    .filter((m) => isClinicalRole(m.role))
    .map((m) => ({ clinicianId: m.id, displayName: m.displayName, role: m.role as ClinicalRole, languages: m.languages }));
  return { practices, hubs, pcns, sites, staff, rankingSites: [...sites.values()], rankingClinicians, hubAgreements, sharingAgreements };
}

/** The organisation delivering care at a site, for the API. */
export function organisationOf(reference: ReferenceData, site: BookingSite): { kind: 'practice' | 'hub'; id: string; name: string } {
  if (site.hubId) return { kind: 'hub', id: site.hubId, name: reference.hubs.get(site.hubId)?.name ?? site.name };
  const practiceId = site.practiceId ?? '';
  return { kind: 'practice', id: practiceId, name: reference.practices.get(practiceId)?.name ?? site.name };
}

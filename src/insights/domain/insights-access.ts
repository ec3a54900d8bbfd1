// Who may see which aggregate: commissioners the whole borough, PCN leads their PCN (its practices and its
// locality's hubs), practice staff their practice, hub staff their hub. Patients see no aggregates.
import type { Actor, Role } from '../../trust/domain/actor.ts';
import type { Level } from './metrics.ts';

export interface OrgUnit {
  level: Level;
  /** The unit's code; the borough's is 'borough'. */
  id: string;
}

export interface OrgStructure {
  practices: readonly { id: string; pcnId: string; localityId: string }[];
  pcns: readonly { id: string; localityId: string }[];
  hubs: readonly { id: string; localityId: string }[];
  localities: readonly { id: string }[];
}

/** Roles that may call the aggregate endpoints at all; the unit check below narrows further. */
export const INSIGHTS_ROLES = [
  'commissioner', 'admin', 'pcn_lead', 'receptionist', 'clinician', 'link_worker', 'hub_staff',
] as const satisfies readonly Role[];

const PRACTICE_STAFF: readonly Role[] = ['receptionist', 'clinician', 'link_worker'];

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

function unitExists(unit: OrgUnit, org: OrgStructure): boolean {
  switch (unit.level) {
    case 'borough':
      return unit.id === 'borough';
    case 'practice':
      return org.practices.some((p) => p.id === unit.id);
    case 'pcn':
      return org.pcns.some((p) => p.id === unit.id);
    case 'locality':
      return org.localities.some((l) => l.id === unit.id);
    case 'hub':
      return org.hubs.some((h) => h.id === unit.id);
  }
}

function pcnLeadMaySee(pcnId: string, unit: OrgUnit, org: OrgStructure): boolean {
  const locality = org.pcns.find((p) => p.id === pcnId)?.localityId;
  switch (unit.level) {
    case 'pcn':
      return unit.id === pcnId;
    case 'practice':
      return org.practices.some((p) => p.id === unit.id && p.pcnId === pcnId);
    case 'hub':
      return org.hubs.some((h) => h.id === unit.id && h.localityId === locality);
    case 'locality':
    case 'borough':
      return false;
  }
}

/** Whether `actor` may see aggregates for `unit`; unknown units are reported as such. */
export function decideUnitAccess(actor: Actor, unit: OrgUnit, org: OrgStructure): AccessDecision | { allowed: false; reason: 'unknown_unit' } {
  if (!unitExists(unit, org)) return { allowed: false, reason: 'unknown_unit' };
  const refuse = (reason: string): AccessDecision => ({ allowed: false, reason });
  if (actor.role === 'commissioner' || actor.role === 'admin') return { allowed: true };
  if (actor.role === 'pcn_lead') {
    return actor.pcnId && pcnLeadMaySee(actor.pcnId, unit, org) ? { allowed: true } : refuse('PCN leads see their own PCN, its practices and its locality hub.');
  }
  if (actor.role === 'hub_staff') {
    return unit.level === 'hub' && unit.id === actor.hubId ? { allowed: true } : refuse('Hub staff see their own hub.');
  }
  if (PRACTICE_STAFF.includes(actor.role)) {
    return unit.level === 'practice' && unit.id === actor.practiceId ? { allowed: true } : refuse('Practice staff see their own practice.');
  }
  return refuse('Your role does not see aggregate reports.');
}

/** The unit a caller sees when they name none: their own. */
export function defaultUnit(actor: Actor): OrgUnit {
  if (actor.role === 'pcn_lead' && actor.pcnId) return { level: 'pcn', id: actor.pcnId };
  if (actor.role === 'hub_staff' && actor.hubId) return { level: 'hub', id: actor.hubId };
  if (PRACTICE_STAFF.includes(actor.role) && actor.practiceId) return { level: 'practice', id: actor.practiceId };
  return { level: 'borough', id: 'borough' };
}

/** Practices a unit's registered-population measures cover (a hub: its locality's practices). */
export function practicesOf(unit: OrgUnit, org: OrgStructure): string[] {
  const hubLocality = () => org.hubs.find((h) => h.id === unit.id)?.localityId;
  switch (unit.level) {
    case 'borough':
      return org.practices.map((p) => p.id);
    case 'practice':
      return org.practices.filter((p) => p.id === unit.id).map((p) => p.id);
    case 'pcn':
      return org.practices.filter((p) => p.pcnId === unit.id).map((p) => p.id);
    case 'locality':
      return org.practices.filter((p) => p.localityId === unit.id).map((p) => p.id);
    case 'hub':
      return org.practices.filter((p) => p.localityId === hubLocality()).map((p) => p.id);
  }
}

/** Hubs whose delivered activity belongs to a unit (a PCN or practice: its locality's hub). */
export function hubsOf(unit: OrgUnit, org: OrgStructure): string[] {
  const localityOf = (): string | undefined => {
    switch (unit.level) {
      case 'practice':
        return org.practices.find((p) => p.id === unit.id)?.localityId;
      case 'pcn':
        return org.pcns.find((p) => p.id === unit.id)?.localityId;
      case 'locality':
        return unit.id;
      case 'hub':
      case 'borough':
        return undefined;
    }
  };
  if (unit.level === 'borough') return org.hubs.map((h) => h.id);
  if (unit.level === 'hub') return org.hubs.filter((h) => h.id === unit.id).map((h) => h.id);
  const locality = localityOf();
  return org.hubs.filter((h) => h.localityId === locality).map((h) => h.id);
}

/** The units one level down, for drill-down: borough → PCNs → practices; locality → PCNs. */
export function childrenOf(unit: OrgUnit, org: OrgStructure): OrgUnit[] {
  switch (unit.level) {
    case 'borough':
      return org.pcns.map((p) => ({ level: 'pcn', id: p.id }));
    case 'locality':
      return org.pcns.filter((p) => p.localityId === unit.id).map((p) => ({ level: 'pcn', id: p.id }));
    case 'pcn':
      return org.practices.filter((p) => p.pcnId === unit.id).map((p) => ({ level: 'practice', id: p.id }));
    case 'practice':
    case 'hub':
      return [];
  }
}

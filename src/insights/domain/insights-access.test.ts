import { describe, expect, it } from 'vitest';
import { childrenOf, decideUnitAccess, defaultUnit, hubsOf, practicesOf } from './insights-access.ts';
import type { OrgStructure } from './insights-access.ts';
import type { Actor } from '../../trust/domain/actor.ts';

const org: OrgStructure = {
  localities: [{ id: 'L1' }, { id: 'L2' }],
  pcns: [{ id: 'P1', localityId: 'L1' }, { id: 'P2', localityId: 'L2' }],
  practices: [{ id: 'A', pcnId: 'P1', localityId: 'L1' }, { id: 'B', pcnId: 'P1', localityId: 'L1' }, { id: 'C', pcnId: 'P2', localityId: 'L2' }],
  hubs: [{ id: 'H1', localityId: 'L1' }, { id: 'H2', localityId: 'L2' }],
};
const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  subject: 's', role, displayName: role, staffId: null, practiceId: null, pcnId: null, hubId: null, patientId: null, nhsNumber: null, actsFor: [], ...extra,
});

describe('who sees which aggregate', () => {
  it('lets commissioners see any unit and reports unknown units as such', () => {
    expect(decideUnitAccess(actor('commissioner'), { level: 'practice', id: 'C' }, org)).toEqual({ allowed: true });
    expect(decideUnitAccess(actor('commissioner'), { level: 'practice', id: 'Z' }, org)).toEqual({ allowed: false, reason: 'unknown_unit' });
  });

  it('limits PCN leads to their PCN, its practices and their locality hub', () => {
    const lead = actor('pcn_lead', { pcnId: 'P1' });
    expect(decideUnitAccess(lead, { level: 'pcn', id: 'P1' }, org).allowed).toBe(true);
    expect(decideUnitAccess(lead, { level: 'practice', id: 'B' }, org).allowed).toBe(true);
    expect(decideUnitAccess(lead, { level: 'hub', id: 'H1' }, org).allowed).toBe(true);
    expect(decideUnitAccess(lead, { level: 'hub', id: 'H2' }, org).allowed).toBe(false);
    expect(decideUnitAccess(lead, { level: 'practice', id: 'C' }, org).allowed).toBe(false);
    expect(decideUnitAccess(lead, { level: 'borough', id: 'borough' }, org).allowed).toBe(false);
  });

  it('limits practice staff to their practice, hub staff to their hub, and refuses patients', () => {
    expect(decideUnitAccess(actor('clinician', { practiceId: 'A' }), { level: 'practice', id: 'A' }, org).allowed).toBe(true);
    expect(decideUnitAccess(actor('clinician', { practiceId: 'A' }), { level: 'pcn', id: 'P1' }, org).allowed).toBe(false);
    expect(decideUnitAccess(actor('hub_staff', { hubId: 'H2' }), { level: 'hub', id: 'H2' }, org).allowed).toBe(true);
    expect(decideUnitAccess(actor('patient', { practiceId: 'A' }), { level: 'practice', id: 'A' }, org).allowed).toBe(false);
  });

  it('defaults each role to its own unit', () => {
    expect(defaultUnit(actor('receptionist', { practiceId: 'B' }))).toEqual({ level: 'practice', id: 'B' });
    expect(defaultUnit(actor('pcn_lead', { pcnId: 'P2' }))).toEqual({ level: 'pcn', id: 'P2' });
    expect(defaultUnit(actor('commissioner'))).toEqual({ level: 'borough', id: 'borough' });
  });

  it('maps units to their practices, hubs and children', () => {
    expect(practicesOf({ level: 'hub', id: 'H1' }, org)).toEqual(['A', 'B']);
    expect(hubsOf({ level: 'practice', id: 'C' }, org)).toEqual(['H2']);
    expect(childrenOf({ level: 'borough', id: 'borough' }, org)).toEqual([{ level: 'pcn', id: 'P1' }, { level: 'pcn', id: 'P2' }]);
    expect(childrenOf({ level: 'pcn', id: 'P1' }, org)).toEqual([{ level: 'practice', id: 'A' }, { level: 'practice', id: 'B' }]);
  });
});

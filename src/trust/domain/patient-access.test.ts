import { describe, expect, it } from 'vitest';
import { decidePatientAccess, type PatientAccessFacts } from './patient-access.ts';
import type { Actor, Role } from './actor.ts';

const actor = (role: Role, where: Partial<Actor> = {}): Actor => ({
  subject: `t:${role}`, role, displayName: role, staffId: null, practiceId: null, pcnId: null, hubId: null, patientId: null, nhsNumber: null, actsFor: [], ...where,
});
const patient: PatientAccessFacts = { patientId: 10, practiceId: 'Z84001', pcnId: 'U1', optedOutOfSharing: false };
const optedOut: PatientAccessFacts = { ...patient, optedOutOfSharing: true };
const hubSigned = new Set(['Z84001']);
const none = new Set<string>();

describe('decidePatientAccess', () => {
  it.each([
    ['the patient themself', actor('patient', { patientId: 10 }), patient, none, 'self'],
    ['a proxy acting for them', actor('patient', { patientId: 11, actsFor: [10] }), patient, none, 'proxy'],
    ['their practice receptionist', actor('receptionist', { practiceId: 'Z84001', pcnId: 'U1' }), patient, none, 'own_practice'],
    ['their practice clinician', actor('clinician', { practiceId: 'Z84001', pcnId: 'U1' }), patient, none, 'own_practice'],
    ['a PCN-employed link worker in their PCN', actor('link_worker', { pcnId: 'U1' }), patient, none, 'pcn'],
    ['hub staff under a signed agreement', actor('hub_staff', { hubId: 'HUB1' }), patient, hubSigned, 'hub_sharing_agreement'],
    ['their PCN lead', actor('pcn_lead', { pcnId: 'U1' }), patient, none, 'pcn'],
    ['their practice manager', actor('admin', { practiceId: 'Z84001' }), patient, none, 'own_practice'],
    ['a borough administrator', actor('admin'), patient, none, 'administrator'],
  ] as const)('allows %s', (_name, who, facts, agreements, basis) => {
    expect(decidePatientAccess(who, facts, agreements)).toEqual({ allowed: true, basis });
  });

  it.each([
    ['another patient', actor('patient', { patientId: 11 }), patient, none],
    ['another practice receptionist', actor('receptionist', { practiceId: 'Z84002', pcnId: 'U1' }), patient, none],
    ['another practice clinician in the same PCN', actor('clinician', { practiceId: 'Z84002', pcnId: 'U1' }), patient, none],
    ['a PCN link worker when the patient opted out of sharing', actor('link_worker', { pcnId: 'U1' }), optedOut, none],
    ['hub staff without a signed agreement', actor('hub_staff', { hubId: 'HUB1' }), patient, none],
    ['hub staff when the patient opted out', actor('hub_staff', { hubId: 'HUB1' }), optedOut, hubSigned],
    ['another PCN lead', actor('pcn_lead', { pcnId: 'U2' }), patient, none],
    ['a PCN lead when the patient opted out', actor('pcn_lead', { pcnId: 'U1' }), optedOut, none],
    ['another practice manager', actor('admin', { practiceId: 'Z84002' }), patient, none],
    ['a commissioner', actor('commissioner'), patient, none],
  ] as const)('refuses %s, with a reason', (_name, who, facts, agreements) => {
    const decision = decidePatientAccess(who, facts, agreements);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
  });
});

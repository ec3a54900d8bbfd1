import { describe, expect, it } from 'vitest';
import { identityFromClaims, mapStaffRole, roleForStaff, safeReturnPath } from './identity.ts';

describe('identityFromClaims', () => {
  it('reads an NHS login patient from nhs_number (spaces allowed)', () => {
    expect(identityFromClaims('patient', { sub: 'abc', nhs_number: '943 476 5919', given_name: 'Ada', family_name: 'Khan' }, {}))
      .toEqual({ ok: true, identity: { kind: 'patient', subject: 'abc', nhsNumber: '9434765919', name: 'Ada Khan' } });
  });
  it('refuses a patient without a valid NHS number', () => {
    expect(identityFromClaims('patient', { sub: 'abc', nhs_number: '9434765918' }, {}).ok).toBe(false);
    expect(identityFromClaims('patient', { sub: 'abc' }, {}).ok).toBe(false);
    expect(identityFromClaims('patient', { nhs_number: '9434765919' }, {}).ok).toBe(false);
  });
  it('reads the selected CIS2 RBAC role, mapping its code through the deployment table', () => {
    const claims = {
      sub: 'u1', name: 'Sam Lee', nhsid_useruid: '555', selected_roleid: '2',
      nhsid_nrbac_roles: [{ person_roleid: '1', org_code: 'Z84002', role_code: 'R8000' }, { person_roleid: '2', org_code: 'Z84001', role_code: 'R8001' }],
    };
    expect(identityFromClaims('staff', claims, { R8000: 'clinician', R8001: 'receptionist' })).toEqual({
      ok: true, identity: { kind: 'staff', subject: 'u1', userId: '555', name: 'Sam Lee', role: 'receptionist', orgCode: 'Z84001' },
    });
  });
  it('refuses staff whose role is not mapped, or who chose no role among several', () => {
    const roles = [{ person_roleid: '1', org_code: 'Z84001', role_code: 'R9999' }, { person_roleid: '2', org_code: 'Z84001', role_code: 'R9998' }];
    expect(identityFromClaims('staff', { sub: 'u', nhsid_nrbac_roles: [roles[0]] }, {}).ok).toBe(false);
    expect(identityFromClaims('staff', { sub: 'u', nhsid_nrbac_roles: roles }, { R9999: 'clinician' }).ok).toBe(false);
  });
  it('never maps a staff role to patient', () => {
    expect(mapStaffRole({ role_name: 'patient' }, {})).toBeUndefined();
    expect(mapStaffRole({ role_name: 'clinician' }, {})).toBe('clinician');
  });
});

describe('roleForStaff', () => {
  it('maps the borough staff roles to access roles', () => {
    expect(roleForStaff('gp', { hubId: null })).toBe('clinician');
    expect(roleForStaff('gp', { hubId: 'HUB1' })).toBe('hub_staff');
    expect(roleForStaff('practice_manager', { hubId: null })).toBe('admin');
    expect(roleForStaff('care_coordinator', { hubId: null })).toBe('link_worker');
    expect(roleForStaff('receptionist', { hubId: null })).toBe('receptionist');
  });
});

describe('safeReturnPath', () => {
  it.each([
    [undefined, '/'], ['/requests?x=1', '/requests?x=1'], ['//evil.example', '/'], ['https://evil.example', '/'], ['/\\evil.example', '/'],
    ['requests', '/'], ['/a\nb', '/'],
  ])('%s → %s', (input, expected) => expect(safeReturnPath(input)).toBe(expected));
});

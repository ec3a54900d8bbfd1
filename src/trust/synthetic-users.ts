// The people of the synthetic borough who can sign in to the demo: a handful of patients (by NHS number)
// and staff (by role, practice, PCN and hub), shown on the embedded identity provider's login page, and
// the OpenID claims the embedded provider issues for each, shaped like NHS login and NHS CIS2 claims.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StaffRole } from '../shared/domain/vocabulary.ts';
import { formatNhsNumber } from '../shared/domain/nhs-number.ts';
import type { Role } from './domain/actor.ts';
import { roleForStaff, type Audience } from './domain/identity.ts';

export interface SyntheticUser {
  /** The account id at the embedded provider: `patient:<nhs>`, `staff:<id>`, `pcn_lead:<pcn>`, `commissioner`, `admin`. */
  accountId: string;
  audience: Audience;
  name: string;
  role: Role;
  /** What the login page shows under the name: NHS number, practice, hub or PCN. */
  description: string;
}

const ROLE_LABEL: Record<Role, string> = {
  patient: 'Patient', receptionist: 'Receptionist / care navigator', clinician: 'Clinician', hub_staff: 'Hub staff',
  link_worker: 'Social prescribing link worker', pcn_lead: 'PCN lead', commissioner: 'Commissioner', admin: 'Administrator',
};
export const roleLabel = (role: Role) => ROLE_LABEL[role];

// Which staff the demo shows, in order: one of each kind a tester needs.
const SAMPLE_STAFF_ROLES: readonly StaffRole[] = ['receptionist', 'gp', 'nurse', 'practice_manager', 'link_worker', 'hub_coordinator'];

export async function listSyntheticUsers(db: Kysely<Database>): Promise<SyntheticUser[]> {
  const practices = await db.selectFrom('practice').select(['id', 'name', 'pcn_id']).orderBy('id').limit(2).execute();
  const users: SyntheticUser[] = [];
  for (const practice of practices) {
    const patients = await db.selectFrom('patient').select(['nhs_number', 'given_name', 'family_name', 'date_of_birth'])
      .where('practice_id', '=', practice.id).orderBy('id').limit(3).execute();
    for (const p of patients) {
      users.push({ accountId: `patient:${p.nhs_number}`, audience: 'patient', name: `${p.given_name} ${p.family_name}`, role: 'patient',
        description: `NHS number ${formatNhsNumber(p.nhs_number)} · born ${p.date_of_birth} · ${practice.name}` });
    }
  }
  const proxy = await db.selectFrom('patient_proxy').innerJoin('patient', 'patient.id', 'patient_proxy.proxy_patient_id')
    .select(['patient.nhs_number', 'patient.given_name', 'patient.family_name', 'patient_proxy.relationship'])
    .orderBy('patient_proxy.proxy_patient_id').limit(1).executeTakeFirst();
  if (proxy) {
    users.push({ accountId: `patient:${proxy.nhs_number}`, audience: 'patient', name: `${proxy.given_name} ${proxy.family_name}`, role: 'patient',
      description: `NHS number ${formatNhsNumber(proxy.nhs_number)} · acts for someone (${proxy.relationship})` });
  }
  const first = practices[0];
  const staff = await db.selectFrom('staff').leftJoin('practice', 'practice.id', 'staff.practice_id').leftJoin('hub', 'hub.id', 'staff.hub_id')
    .select(['staff.id', 'staff.title', 'staff.given_name', 'staff.family_name', 'staff.role', 'staff.practice_id', 'staff.pcn_id', 'staff.hub_id',
      'practice.name as practice_name', 'hub.name as hub_name'])
    .where((eb) => eb.or([eb('staff.practice_id', '=', first?.id ?? ''), eb('staff.pcn_id', '=', first?.pcn_id ?? ''), eb('staff.hub_id', 'is not', null)]))
    .where('staff.role', 'in', SAMPLE_STAFF_ROLES).where('staff.active', '=', true).orderBy('staff.id').execute();
  for (const staffRole of SAMPLE_STAFF_ROLES) {
    const member = staff.find((s) => s.role === staffRole);
    if (!member) continue;
    const role = roleForStaff(staffRole, { hubId: member.hub_id });
    const where = member.hub_name ?? member.practice_name ?? `PCN ${member.pcn_id}`;
    users.push({ accountId: `staff:${member.id}`, audience: 'staff', name: `${member.title ? member.title + ' ' : ''}${member.given_name} ${member.family_name}`,
      role, description: `${roleLabel(role)} (${staffRole.replace(/_/g, ' ')}) · ${where}` });
  }
  if (first) users.push({ accountId: `pcn_lead:${first.pcn_id}`, audience: 'staff', name: 'PCN clinical director', role: 'pcn_lead', description: `PCN lead · ${first.pcn_id}` });
  users.push({ accountId: 'commissioner', audience: 'staff', name: 'Borough commissioner', role: 'commissioner', description: 'Commissioner · aggregate figures only' });
  users.push({ accountId: 'admin', audience: 'staff', name: 'Hamlet administrator', role: 'admin', description: 'Administrator · whole borough' });
  return users;
}

/**
 * The OpenID claims the embedded provider issues for an account, or null for an unknown account:
 * `nhs_number` like NHS login, `nhsid_useruid` + `nhsid_nrbac_roles` + `selected_roleid` like NHS CIS2.
 */
export async function claimsForAccount(db: Kysely<Database>, accountId: string): Promise<Record<string, unknown> | null> {
  const [kind, id = ''] = accountId.split(/:(.*)/s);
  const rbac = (role: Role, orgCode: string | null, userId: string, name: string) => ({
    sub: accountId, name, nhsid_useruid: userId, selected_roleid: '1',
    nhsid_nrbac_roles: [{ person_roleid: '1', org_code: orgCode, role_name: role }],
  });
  switch (kind) {
    case 'patient': {
      const p = await db.selectFrom('patient').select(['nhs_number', 'given_name', 'family_name', 'date_of_birth']).where('nhs_number', '=', id).executeTakeFirst();
      return p ? { sub: accountId, nhs_number: p.nhs_number, given_name: p.given_name, family_name: p.family_name, birthdate: p.date_of_birth } : null;
    }
    case 'staff': {
      const s = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
      if (!s) return null;
      const role = roleForStaff(s.role as StaffRole, { hubId: s.hub_id });
      return rbac(role, s.hub_id ?? s.practice_id ?? s.pcn_id, s.id, `${s.title ? s.title + ' ' : ''}${s.given_name} ${s.family_name}`);
    }
    case 'pcn_lead': {
      const pcn = await db.selectFrom('pcn').select('id').where('id', '=', id).executeTakeFirst();
      return pcn ? rbac('pcn_lead', pcn.id, accountId, 'PCN clinical director') : null;
    }
    case 'commissioner':
      return rbac('commissioner', null, accountId, 'Borough commissioner');
    case 'admin':
      return rbac('admin', null, accountId, 'Hamlet administrator');
    default:
      return null;
  }
}

// What an identity provider tells us about a person, turned into Hamlet's terms. Patients come from NHS
// login (the `nhs_number` claim); staff from NHS CIS2 (the selected RBAC role: `selected_roleid` picks an
// entry of `nhsid_nrbac_roles`, whose org_code is the organisation and whose role_code or role_name maps
// to a Hamlet role through the deployment's role map). The embedded demo provider issues the same shapes.
import { isValidNhsNumber, normaliseNhsNumber } from '../../shared/domain/nhs-number.ts';
import type { StaffRole } from '../../shared/domain/vocabulary.ts';
import { ROLES, type Role } from './actor.ts';

export type Audience = 'patient' | 'staff';
export const AUDIENCES = ['patient', 'staff'] as const satisfies readonly Audience[];

export type Identity =
  | { kind: 'patient'; subject: string; nhsNumber: string; name: string | undefined }
  | { kind: 'staff'; subject: string; userId: string; name: string | undefined; role: Role; orgCode: string | undefined };

export type IdentityResult = { ok: true; identity: Identity } | { ok: false; reason: string };

interface RbacRole {
  person_roleid?: unknown;
  org_code?: unknown;
  role_code?: unknown;
  role_name?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function displayName(claims: Record<string, unknown>): string | undefined {
  return text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || undefined);
}

/** Maps a role code or name through the deployment's table; Hamlet's own role names map to themselves. */
export function mapStaffRole(rbac: RbacRole, roleMap: Readonly<Record<string, Role>>): Role | undefined {
  for (const key of [text(rbac.role_code), text(rbac.role_name)]) {
    if (!key) continue;
    const mapped = roleMap[key];
    if (mapped) return mapped;
    if ((ROLES as readonly string[]).includes(key) && key !== 'patient') return key as Role;
  }
  return undefined;
}

export function identityFromClaims(audience: Audience, claims: Record<string, unknown>, roleMap: Readonly<Record<string, Role>>): IdentityResult {
  const sub = text(claims.sub);
  if (!sub) return { ok: false, reason: 'The identity provider did not say who you are (no subject).' };
  if (audience === 'patient') {
    const raw = text(claims.nhs_number);
    if (!raw || !isValidNhsNumber(raw)) return { ok: false, reason: 'Your NHS login did not include a valid NHS number.' };
    return { ok: true, identity: { kind: 'patient', subject: sub, nhsNumber: normaliseNhsNumber(raw), name: displayName(claims) } };
  }
  const roles = Array.isArray(claims.nhsid_nrbac_roles) ? (claims.nhsid_nrbac_roles as RbacRole[]) : [];
  const selectedId = text(claims.selected_roleid);
  const selected = roles.find((r) => r && typeof r === 'object' && selectedId !== undefined && text(r.person_roleid) === selectedId) ?? (roles.length === 1 ? roles[0] : undefined);
  if (!selected || typeof selected !== 'object') return { ok: false, reason: 'Choose one of your roles when you sign in to NHS CIS2.' };
  const role = mapStaffRole(selected, roleMap);
  if (!role) return { ok: false, reason: 'Your selected role does not give access to Hamlet.' };
  return {
    ok: true,
    identity: { kind: 'staff', subject: sub, userId: text(claims.nhsid_useruid) ?? sub, name: displayName(claims), role, orgCode: text(selected.org_code) },
  };
}

/** The Hamlet role a member of the synthetic borough's staff signs in with. */
export function roleForStaff(staffRole: StaffRole, where: { hubId: string | null }): Role {
  if (where.hubId) return 'hub_staff';
  switch (staffRole) {
    case 'receptionist':
      return 'receptionist';
    case 'practice_manager':
      return 'admin';
    case 'hub_coordinator':
      return 'hub_staff';
    case 'link_worker':
    case 'care_coordinator':
    case 'health_wellbeing_coach':
      return 'link_worker';
    case 'gp':
    case 'nurse':
    case 'pharmacist':
    case 'hca':
    case 'physio':
    case 'paramedic':
    case 'mental_health_practitioner':
      return 'clinician';
  }
}

/** Only same-site paths may follow sign-in: never another origin (`//evil`, `/\evil`, `https:`). */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(returnTo)) return '/';
  return returnTo.slice(0, 2_000);
}

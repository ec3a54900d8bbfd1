// Every route of the app, tried by every role: the declared access must match this table, callers the
// table allows must get past access control, everyone else must be refused (401 anonymous, 403 role),
// and no probe may cause a 5xx. A route with no row here FAILS the test: add a row when you add a route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { routeAccessTable } from '../../src/server/access-control.ts';
import type { RouteAccess } from '../../src/server/fastify-types.ts';
import { ROLES, type Role } from '../../src/trust/domain/actor.ts';
import type { TokenClaims } from '../../src/trust/tokens.ts';

const CARE_STAFF = ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'admin'] as const satisfies readonly Role[];
const ALL_STAFF = ['receptionist', 'clinician', 'hub_staff', 'link_worker', 'pcn_lead', 'commissioner', 'admin'] as const satisfies readonly Role[];
const PATIENT_OR_CARE = ['patient', ...CARE_STAFF] as const satisfies readonly Role[];
const INSIGHTS_ADMIN = ['commissioner', 'admin'] as const satisfies readonly Role[];
const PUBLIC = 'public';
const SIGNED_IN = 'authenticated';

/** "METHOD /url" → who may call it. Keep in step with the routes; HEAD mirrors GET. */
const EXPECTED: Record<string, RouteAccess> = {
  // System and directory
  'GET /health': PUBLIC,
  'GET /api/stats': PUBLIC,
  'GET /api/localities': PUBLIC,
  'GET /api/pcns': PUBLIC,
  'GET /api/practices': PUBLIC,
  'GET /api/practices/:id': PUBLIC,
  'GET /api/hubs': PUBLIC,
  'GET /api/community-services': PUBLIC,
  // Sessions, sign-in, embedded demo identity provider
  'GET /api/session': PUBLIC,
  'GET /auth/login': PUBLIC,
  'GET /auth/callback': PUBLIC,
  'POST /auth/logout': PUBLIC,
  'GET /auth/styles.css': PUBLIC,
  'GET /oidc/interaction/:uid': PUBLIC,
  'POST /oidc/interaction/:uid/login': PUBLIC,
  'GET /oidc/*': PUBLIC,
  'POST /oidc/*': PUBLIC,
  'OPTIONS /oidc/*': PUBLIC,
  // Audit
  'GET /api/audit': ['admin', 'pcn_lead'],
  'GET /api/audit/verify': ['admin'],
  'GET /api/patients/:patientId/access-log': PATIENT_OR_CARE,
  // Booking (record-level checks in the service decide which patients)
  'POST /api/booking/search': SIGNED_IN,
  'POST /api/appointments': SIGNED_IN,
  'GET /api/appointments/:id': SIGNED_IN,
  'GET /api/patients/:patientId/appointments': SIGNED_IN,
  'POST /api/appointments/:id/cancel': SIGNED_IN,
  'POST /api/appointments/:id/rebook': SIGNED_IN,
  'POST /api/appointments/:id/outcome': CARE_STAFF,
  'GET /api/appointments/:id/calendar.ics': SIGNED_IN,
  'POST /api/waiting-list': SIGNED_IN,
  'GET /api/waiting-list': SIGNED_IN,
  'POST /api/waiting-list/:id/accept': SIGNED_IN,
  'POST /api/waiting-list/:id/decline': SIGNED_IN,
  'GET /api/capacity': ALL_STAFF,
  'GET /api/enhanced-access': ALL_STAFF,
  // FHIR R4
  'GET /fhir/r4/metadata': PUBLIC,
  'GET /fhir/r4/Slot': SIGNED_IN,
  'GET /fhir/r4/Slot/:id': SIGNED_IN,
  'GET /fhir/r4/Schedule': SIGNED_IN,
  'GET /fhir/r4/Schedule/:id': SIGNED_IN,
  'GET /fhir/r4/Practitioner': SIGNED_IN,
  'GET /fhir/r4/Practitioner/:id': SIGNED_IN,
  'GET /fhir/r4/Location': SIGNED_IN,
  'GET /fhir/r4/Location/:id': SIGNED_IN,
  'GET /fhir/r4/Patient': SIGNED_IN,
  'GET /fhir/r4/Patient/:id': SIGNED_IN,
  'POST /fhir/r4/Appointment': SIGNED_IN,
  'GET /fhir/r4/Appointment/:id': SIGNED_IN,
  'PUT /fhir/r4/Appointment/:id': SIGNED_IN,
  'GET /fhir/r4/Appointment': SIGNED_IN,
  // Front door
  'POST /api/requests/triage-preview': SIGNED_IN,
  'POST /api/requests': PATIENT_OR_CARE,
  'GET /api/requests/:id': SIGNED_IN,
  'GET /api/patients/:patientId/requests': SIGNED_IN,
  'GET /api/queue': CARE_STAFF,
  'POST /api/requests/:id/override': CARE_STAFF,
  'POST /api/requests/:id/messages': SIGNED_IN,
  'POST /api/requests/:id/book': CARE_STAFF,
  'POST /api/requests/:id/refer': CARE_STAFF,
  'POST /api/requests/:id/close': CARE_STAFF,
  'GET /api/triage/engine': ALL_STAFF,
  'POST /api/triage/engine': ['admin'],
  // Insights (aggregates with small-number suppression; commissioners included)
  'GET /api/insights/metrics': ALL_STAFF,
  'POST /api/insights/refresh': INSIGHTS_ADMIN,
  'GET /api/insights/series': ALL_STAFF,
  'GET /api/insights/spc': ALL_STAFF,
  'GET /api/insights/spc.csv': ALL_STAFF,
  'GET /api/insights/spc.svg': ALL_STAFF,
  'GET /api/insights/compare': ALL_STAFF,
  'GET /api/insights/drilldown': ALL_STAFF,
  'GET /api/insights/appointments': ALL_STAFF,
  'GET /api/insights/booking-lead': ALL_STAFF,
  'GET /api/insights/hub-utilisation': ALL_STAFF,
  'GET /api/insights/enhanced-access': ALL_STAFF,
  'GET /api/insights/continuity': ALL_STAFF,
  'GET /api/insights/triage': ALL_STAFF,
  'GET /api/insights/inequalities': ALL_STAFF,
  'GET /api/insights/inequalities.csv': ALL_STAFF,
  'GET /api/insights/gpad.csv': ALL_STAFF,
  'POST /api/insights/ae-imports': INSIGHTS_ADMIN,
  'GET /api/insights/ae-imports': INSIGHTS_ADMIN,
  'GET /api/insights/ae-imports/:id': INSIGHTS_ADMIN,
  'GET /api/insights/ae': ALL_STAFF,
  'GET /api/insights/ae/did': INSIGHTS_ADMIN,
  'GET /api/insights/data-quality': ['commissioner', 'admin', 'pcn_lead', 'receptionist', 'clinician'],
};
/** Routes from plugins and from the web app's build (present only once built; file names change every build): public by rule. */
const PUBLIC_PATTERNS = [/^GET \/api\/docs(\/|$)/, /^GET \/assets\//, /^GET \/\*$/];

const expectedFor = (key: string): RouteAccess | undefined => EXPECTED[key] ?? (PUBLIC_PATTERNS.some((p) => p.test(key)) ? PUBLIC : undefined);
const mayCall = (access: RouteAccess, role: Role | 'anonymous') =>
  access === 'public' || (role !== 'anonymous' && (access === 'authenticated' || access.includes(role)));

let ctx: TestContext;
let identities: [Role | 'anonymous', Record<string, string>][];
beforeAll(async () => {
  ctx = await createTestContext({ env: { HAMLET_RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', HAMLET_RATE_LIMIT_SIGNED_IN_PER_MINUTE: '100000' } });
  const { db } = ctx.database;
  const practice = await db.selectFrom('practice').select(['id', 'pcn_id']).orderBy('id').executeTakeFirstOrThrow();
  const patient = await db.selectFrom('patient').select('nhs_number').where('practice_id', '=', practice.id).orderBy('id').executeTakeFirstOrThrow();
  const hub = await db.selectFrom('hub').select('id').orderBy('id').executeTakeFirstOrThrow();
  const claims: Record<Role, Omit<TokenClaims, 'sub'>> = {
    patient: { role: 'patient', patient: patient.nhs_number },
    receptionist: { role: 'receptionist', practice: practice.id },
    clinician: { role: 'clinician', practice: practice.id },
    hub_staff: { role: 'hub_staff', hub: hub.id },
    link_worker: { role: 'link_worker', pcn: practice.pcn_id },
    pcn_lead: { role: 'pcn_lead', pcn: practice.pcn_id },
    commissioner: { role: 'commissioner' },
    admin: { role: 'admin' },
  };
  identities = [['anonymous', {}]];
  for (const role of ROLES) identities.push([role, await ctx.auth(claims[role])]);
});
afterAll(() => ctx.close());

function probeUrl(url: string): string {
  // Ids that exist nowhere: access control must decide before any record is found (or not).
  return url.replace(/:[A-Za-z]+/g, '999999').replace(/\*$/, 'probe');
}

describe('route access table', () => {
  it('has a row for every registered route (add one when you add a route)', () => {
    const keys = routeAccessTable(ctx.app).filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((key) => expectedFor(key) === undefined)).toEqual([]);
  });

  it('has no row for a route that no longer exists', () => {
    const keys = new Set(routeAccessTable(ctx.app).map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(EXPECTED).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('declares on each route exactly the access the table expects', () => {
    const canonical = (access: RouteAccess | undefined) => JSON.stringify(typeof access === 'object' ? [...access].sort() : access);
    const mismatches = routeAccessTable(ctx.app).filter((r) => r.method !== 'HEAD')
      .filter((r) => canonical(expectedFor(`${r.method} ${r.url}`)) !== canonical(r.access))
      .map((r) => `${r.method} ${r.url}: declared ${JSON.stringify(r.access)}, expected ${JSON.stringify(expectedFor(`${r.method} ${r.url}`))}`);
    expect(mismatches).toEqual([]);
  });

  it('lets allowed roles past access control, refuses the rest, and never fails with a 5xx', async () => {
    const problems: string[] = [];
    let probes = 0;
    for (const route of routeAccessTable(ctx.app)) {
      if (route.method === 'HEAD') continue;
      const access = expectedFor(`${route.method} ${route.url}`);
      if (access === undefined) continue;
      for (const [role, headers] of identities) {
        const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
        const response = await ctx.app.inject({ method: route.method as 'GET', url: probeUrl(route.url), headers, ...(hasBody ? { payload: {} } : {}) });
        probes++;
        const refusedForRole = response.statusCode === 403 && response.json().error?.details?.reason === 'role';
        const label = `${route.method} ${route.url} as ${role} → ${response.statusCode}`;
        if (response.statusCode >= 500) problems.push(`${label} (server error)`);
        else if (mayCall(access, role)) {
          if (response.statusCode === 401 || refusedForRole) problems.push(`${label} (should be allowed)`);
        } else if (role === 'anonymous' ? response.statusCode !== 401 : !refusedForRole) {
          problems.push(`${label} (should be refused)`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(probes).toBeGreaterThan(60 * 9);
  });
});

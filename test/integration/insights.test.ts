// Insights over HTTP on the seeded 1% borough: refresh, SPC series, comparisons, drill-down, reports,
// exports; small-number suppression in every aggregate output; who may see what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
let commissioner: { authorization: string };
let practice: { id: string; pcnId: string; localityId: string };
let otherPractice: string;
beforeAll(async () => {
  ctx = await createTestContext();
  commissioner = await ctx.auth({ role: 'commissioner' });
  const practices = (await ctx.app.inject({ method: 'GET', url: '/api/practices' })).json();
  practice = practices[0];
  otherPractice = practices[1].id;
}, 120_000);
afterAll(() => ctx.close());

const get = async (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

/** Every number found under a key that holds a count must be 0 or at least 8 (1–7 are shown as "*"). */
function smallCountsIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCountsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => smallCountsIn(v, `${path}.${k}`));
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7 && /(count|appointments|patients|attended|dna|gp|offered|booked|requests|overridden|attendances|contacts|total|faceToFace|ae|numerator|denominator|counts\.[a-z_ ]+|basis\[\d+\])$/i.test(path)
    ? [`${path}=${value}`] : [];
}

describe('insights summaries and SPC', () => {
  it('refreshes on demand and reports each pass', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/insights/refresh', headers: commissioner });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.windowTo).toBe('2026-11-22');
    expect(body.steps.map((s: { step: string }) => s.step)).toEqual(expect.arrayContaining(['continuity', 'inequalities', 'hub days']));
  });

  it('charts weekly borough appointments as a Making Data Count XmR series with icons and links', async () => {
    const response = await get('/api/insights/spc?metric=appointments&level=borough&period=week', commissioner);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.spc.points).toHaveLength(52);
    expect(body.spc.points[0]).toMatchObject({ date: '2025-11-24', mean: expect.any(Number), upper: expect.any(Number) });
    expect(body.spc.variation).toMatch(/^(common_cause|special_cause_)/);
    expect(body.links.svg).toContain('/api/insights/spc.svg?');
    expect(smallCountsIn(body)).toEqual([]);
  });

  it('suppresses small practice-level values and never draws them', async () => {
    const url = `/api/insights/spc?metric=dna_rate&level=practice&id=${practice.id}&period=week`;
    const body = (await get(url, commissioner)).json();
    const suppressed = body.spc.points.filter((p: { value: unknown }) => p.value === '*');
    expect(suppressed.length).toBe(body.suppressedPoints);
    expect(body.suppressedPoints).toBeGreaterThan(0);
    const svg = await get(url.replace('/spc?', '/spc.svg?'), commissioner);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body.match(/<circle /g)?.length ?? 0).toBe(body.spc.points.length - body.suppressedPoints);
    const csv = await get(url.replace('/spc?', '/spc.csv?'), commissioner);
    expect(csv.body.split('\r\n')[0]).toBe('date,value,mean,lower,upper,rule,type,segment');
    expect(csv.body).toContain(',*,');
  });

  it('rejects a metric at a period or level it is not defined for', async () => {
    const response = await get('/api/insights/spc?metric=slicc&level=borough&period=week', commissioner);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid_input', field: 'period' });
  });

  it('compares practices with funnel limits and drills down borough → PCN → practice', async () => {
    const compare = (await get('/api/insights/compare?metric=dna_rate&level=borough', commissioner)).json();
    expect(compare.units).toHaveLength(36);
    expect(compare.target).toBeGreaterThan(0);
    const withLimits = compare.units.find((u: { limits: unknown }) => u.limits !== null);
    expect(withLimits.limits.lower998).toBeLessThanOrEqual(withLimits.limits.lower95);
    expect(smallCountsIn(compare)).toEqual([]);
    const borough = (await get('/api/insights/drilldown?metric=appointments&level=borough', commissioner)).json();
    expect(borough.children.map((c: { level: string }) => c.level)).toEqual(Array(7).fill('pcn'));
    const pcn = (await get(borough.children[0].links.drilldown, commissioner)).json();
    expect(pcn.children.every((c: { level: string }) => c.level === 'practice')).toBe(true);
    const sum = pcn.children.reduce((s: number, c: { value: number | string }) => s + (typeof c.value === 'number' ? c.value : 0), 0);
    expect(sum).toBeLessThanOrEqual(pcn.unit.value);
  });
});

describe('insights reports', () => {
  it('breaks appointments down by mode with each period total, suppressed with secondary cells', async () => {
    const body = (await get(`/api/insights/appointments?level=practice&id=${practice.id}&by=mode&period=month`, commissioner)).json();
    expect(body.periods).toHaveLength(11);
    for (const p of body.periods) {
      const hidden = Object.values(p.counts).filter((v) => v === '*').length;
      expect(hidden === 0 || hidden >= 2 || p.total === '*').toBe(true);
    }
    expect(smallCountsIn(body)).toEqual([]);
  });

  it('reports booking lead in GPAD bands with a median, hub utilisation by weekday and enhanced access', async () => {
    const lead = (await get('/api/insights/booking-lead?level=borough', commissioner)).json();
    expect(lead.bands.map((b: { band: string }) => b.band)).toEqual(['Same Day', '1 Day', '2 to 7 Days', '8 to 14 Days', '15 to 21 Days', '22 to 28 Days', 'More than 28 Days']);
    expect(lead.median).toEqual(expect.any(Number));
    const hub = (await get('/api/insights/hub-utilisation?level=borough', commissioner)).json();
    expect(hub.weekdays.map((d: { name: string }) => d.name)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    const ea = (await get('/api/insights/enhanced-access?level=borough', commissioner)).json();
    expect(ea.weeks).toHaveLength(52);
    expect(ea.weeks[0]).toMatchObject({ requiredPer1000: 60, population: expect.any(Number) });
    expect(smallCountsIn([lead, hub, ea])).toEqual([]);
  });

  it('splits measures by every population dimension with denominators and suppression', async () => {
    for (const dimension of ['deprivation_quintile', 'ethnicity', 'age_band', 'sex', 'language', 'interpreter_needed', 'learning_disability', 'housebound']) {
      const body = (await get(`/api/insights/inequalities?level=borough&dimension=${dimension}`, commissioner)).json();
      const all = body.rows.find((r: { value: string }) => r.value === 'all');
      expect(all.patients).toBeGreaterThan(2000);
      const parts = body.rows.filter((r: { value: string }) => r.value !== 'all');
      const visible = parts.filter((r: { patients: unknown }) => typeof r.patients === 'number');
      if (visible.length === parts.length) expect(visible.reduce((s: number, r: { patients: number }) => s + r.patients, 0)).toBe(all.patients);
      expect(smallCountsIn(body)).toEqual([]);
    }
    const csv = await get('/api/insights/inequalities.csv?level=borough&dimension=ethnicity', commissioner);
    expect(csv.body.split('\r\n')[0]).toContain('value,label,patients');
  });

  it('exports a GPAD-compatible CSV with small counts as *', async () => {
    const response = await get('/api/insights/gpad.csv?level=borough', commissioner);
    expect(response.statusCode).toBe(200);
    const [header, ...lines] = response.body.trim().split('\r\n');
    expect(header).toBe('APPOINTMENT_MONTH,PRACTICE_CODE,SERVICE_SETTING,NATIONAL_CATEGORY,APPT_STATUS,HCP_TYPE,HCP_DETAILED_ROLE,APPT_MODE,TIME_BETWEEN_BOOK_AND_APPT,COUNT_OF_APPOINTMENTS');
    const counts = lines.map((l) => l.split(',').at(-1)!);
    expect(counts).toContain('*');
    expect(counts.filter((c) => c !== '*').every((c) => Number(c) === 0 || Number(c) >= 8)).toBe(true);
    expect(lines.some((l) => l.includes(',Unknown,') || l.includes(',Attended,'))).toBe(true);
  });

  it('summarises continuity and named-GP continuity for a practice', async () => {
    const body = (await get(`/api/insights/continuity?level=practice&id=${practice.id}`, commissioner)).json();
    expect(body.scope).toContain('two or more');
    expect(body.namedGps.length).toBeGreaterThan(0);
    expect(smallCountsIn(body)).toEqual([]);
  });
});

describe('who sees which aggregate', () => {
  it('lets practice staff see only their practice and PCN leads only their PCN', async () => {
    const receptionist = await ctx.auth({ role: 'receptionist', practice: practice.id });
    expect((await get('/api/insights/series?metric=appointments', receptionist)).json().id).toBe(practice.id);
    expect((await get('/api/insights/series?metric=appointments&level=borough', receptionist)).statusCode).toBe(403);
    expect((await get(`/api/insights/series?metric=appointments&level=practice&id=${otherPractice}`, receptionist)).statusCode).toBe(403);
    const lead = await ctx.auth({ role: 'pcn_lead', pcn: practice.pcnId });
    expect((await get(`/api/insights/series?metric=appointments&level=pcn&id=${practice.pcnId}`, lead)).statusCode).toBe(200);
    expect((await get(`/api/insights/series?metric=appointments&level=practice&id=${practice.id}`, lead)).statusCode).toBe(200);
    const pcns: { id: string }[] = (await get('/api/pcns')).json();
    const otherPcn = pcns.find((p) => p.id !== practice.pcnId)!.id;
    expect((await get(`/api/insights/series?metric=appointments&level=pcn&id=${otherPcn}`, lead)).statusCode).toBe(403);
    expect((await get('/api/insights/series?metric=appointments&level=borough', lead)).statusCode).toBe(403);
  });

  it('refuses patients, unknown units and hub staff outside their hub', async () => {
    const patient = (await ctx.database.db.selectFrom('patient').select('nhs_number').limit(1).executeTakeFirstOrThrow()).nhs_number;
    expect((await get('/api/insights/series?metric=appointments', await ctx.auth({ role: 'patient', patient }))).statusCode).toBe(403);
    expect((await get('/api/insights/series?metric=appointments&level=practice&id=Z84999', commissioner)).statusCode).toBe(404);
    const hubStaff = await ctx.auth({ role: 'hub_staff', hub: 'HUB1' });
    expect((await get('/api/insights/hub-utilisation?level=hub&id=HUB1', hubStaff)).statusCode).toBe(200);
    expect((await get('/api/insights/hub-utilisation?level=hub&id=HUB2', hubStaff)).statusCode).toBe(403);
    expect((await get('/api/insights/series?metric=appointments')).statusCode).toBe(401);
  });

  it('documents every insights route in OpenAPI', async () => {
    const doc = (await get('/api/docs/json', {})).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/insights/spc', '/api/insights/spc.svg', '/api/insights/gpad.csv', '/api/insights/ae-imports', '/api/insights/data-quality', '/api/insights/inequalities',
    ]));
  });
});

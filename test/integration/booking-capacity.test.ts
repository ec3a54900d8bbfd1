// Staff capacity views and Enhanced Access compliance, checked against the slots in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { londonInstant } from '../../src/shared/domain/london-time.ts';

let ctx: TestContext;
let staff: Record<string, string>;
beforeAll(async () => {
  ctx = await createTestContext();
  staff = await ctx.auth({ role: 'receptionist', practice: 'Z84001' });
});
afterAll(() => ctx.close());

describe('capacity', () => {
  it('counts offered, booked and free per day, per session and by mode, matching the database', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/capacity?practiceId=Z84001&from=2026-11-23&to=2026-11-29', headers: staff });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const rows = await ctx.database.db.selectFrom('slot').select(['status']).where('practice_id', '=', 'Z84001')
      .where('start_at', '>=', londonInstant('2026-11-23', '00:00')).where('start_at', '<', londonInstant('2026-11-30', '00:00')).execute();
    expect(body.totals.offered).toBe(rows.length);
    expect(body.totals.booked).toBe(rows.filter((r) => r.status === 'booked').length);
    expect(body.totals.free).toBe(rows.filter((r) => r.status === 'free').length);
    for (const day of body.days) {
      const sessions = day.sessions.reduce((sum: number, s: { offered: number }) => sum + s.offered, 0);
      const byMode = Object.values(day.byMode).reduce((sum: number, m) => sum + (m as { offered: number }).offered, 0);
      expect(sessions).toBe(day.totals.offered);
      expect(byMode).toBe(day.totals.offered);
      for (const s of day.sessions) {
        expect(s.start).toMatch(/^\d{2}:\d{2}$/);
        expect(s.offered).toBe(s.booked + s.free + s.held);
      }
    }
    expect(body.days.map((d: { date: string }) => d.date)).not.toContain('2026-11-28'); // practices are closed on Saturdays
  });

  it('is for staff only, and refuses a range over 62 days', async () => {
    const patient = await ctx.database.db.selectFrom('patient').select('nhs_number').orderBy('id').executeTakeFirstOrThrow();
    const asPatient = await ctx.app.inject({ method: 'GET', url: '/api/capacity?practiceId=Z84001&from=2026-11-23&to=2026-11-29', headers: await ctx.auth({ role: 'patient', patient: patient.nhs_number }) });
    expect(asPatient.statusCode).toBe(403);
    const long = await ctx.app.inject({ method: 'GET', url: '/api/capacity?practiceId=Z84001&from=2026-11-23&to=2027-02-01', headers: staff });
    expect(long.statusCode).toBe(400);
  });
});

describe('enhanced access', () => {
  it('reports each PCN per week against 60 minutes per 1,000 patients, sharing hub minutes by population', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/enhanced-access?from=2026-11-30&to=2026-12-06', headers: await ctx.auth({ role: 'commissioner' }) });
    expect(response.statusCode).toBe(200);
    const { weeks, hoursSource } = response.json();
    expect(hoursSource).toBe('configured hub opening hours');
    const practices = await ctx.database.db.selectFrom('practice').select(['pcn_id', 'list_size', 'locality_id']).execute();
    const pcnIds = [...new Set(practices.map((p) => p.pcn_id))];
    expect(weeks).toHaveLength(pcnIds.length);
    for (const week of weeks) {
      expect(week.weekStart).toBe('2026-11-30');
      const population = practices.filter((p) => p.pcn_id === week.pcnId).reduce((sum, p) => sum + p.list_size, 0);
      expect(week.requiredMinutes).toBe(Math.ceil((60 * population) / 1000));
      expect(week.offeredMinutes).toBe(week.ownMinutes + week.hubMinutes);
      expect(week.compliant).toBe(week.offeredMinutes >= week.requiredMinutes);
    }
    // Every hub minute of a locality is shared out to its PCNs (up to rounding).
    const hubs = await ctx.database.db.selectFrom('slot').innerJoin('hub', 'hub.id', 'slot.hub_id').select(['hub.locality_id', 'start_at', 'end_at'])
      .where('status', '<>', 'withdrawn').where('start_at', '>=', londonInstant('2026-11-30', '00:00')).where('start_at', '<', londonInstant('2026-12-07', '00:00')).execute();
    const pcnLocality = new Map(practices.map((p) => [p.pcn_id, p.locality_id]));
    for (const locality of new Set(practices.map((p) => p.locality_id))) {
      const total = hubs.filter((h) => h.locality_id === locality).reduce((sum, h) => sum + (h.end_at.getTime() - h.start_at.getTime()) / 60_000, 0);
      const shared = weeks.filter((w: { pcnId: string }) => pcnLocality.get(w.pcnId) === locality).reduce((sum: number, w: { hubMinutes: number }) => sum + w.hubMinutes, 0);
      expect(Math.abs(shared - total)).toBeLessThanOrEqual(4);
    }
  });

  it('counts fewer minutes inside the narrower Network Standard Hours', async () => {
    const headers = await ctx.auth({ role: 'commissioner' });
    const hub = (await ctx.app.inject({ method: 'GET', url: '/api/enhanced-access?pcnId=U9001&from=2026-11-30&to=2026-12-06', headers })).json();
    const des = (await ctx.app.inject({ method: 'GET', url: '/api/enhanced-access?pcnId=U9001&from=2026-11-30&to=2026-12-06&hours=network_standard', headers })).json();
    expect(des.hoursSource).toMatch(/Network Standard Hours/);
    expect(des.weeks[0].offeredMinutes).toBeLessThan(hub.weeks[0].offeredMinutes);
    expect(des.weeks[0].offeredMinutes).toBeGreaterThan(0);
  });
});

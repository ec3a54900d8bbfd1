// The report views behind the dashboards: appointment breakdowns, booking lead times, hub utilisation by
// weekday, enhanced-access minutes, continuity, triage and inequalities. Each applies suppression last.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addDays, londonInstant } from '../shared/domain/london-time.ts';
import { hubsOf, practicesOf } from './domain/insights-access.ts';
import { completePeriods, periodEnd, weekStartOf, type Period } from './domain/periods.ts';
import { gpadBands, mergeHistograms, summariseHistogram } from './domain/histogram.ts';
import { utilisationFromDailyCounts } from './domain/hub-utilisation.ts';
import { suppressTable, isSmallCount, SUPPRESSED } from './domain/suppression.ts';
import { DES_MINUTES_PER_1000_PER_WEEK } from '../booking/domain/enhanced-access.ts';
import { dimensionValueLabel, dimensionValues, type EquityDimension } from './domain/equity.ts';
import { gpadExtract } from './domain/gpad.ts';
import { appointmentFragments, hubDays } from './insights.repository.ts';
import { breakdownFragments, contactHistogram, continuityStats, equityRows, gpadRows, namedGpRows, triageMatrix, type Breakdown } from './insights-reports.repository.ts';
import type { InsightsContext, InsightsService } from './insights.service.ts';

const hide = (n: number) => (isSmallCount(n) ? SUPPRESSED : n);
const rate = (n: number, d: number, per: number) => (d === 0 ? null : (per * n) / d);

export function createInsightsReports(db: Kysely<Database>, insights: InsightsService) {
  const scopeOf = (ctx: InsightsContext) => (ctx.unit.level === 'hub' ? { hubIds: hubsOf(ctx.unit, ctx.org) } : { practiceIds: practicesOf(ctx.unit, ctx.org) });

  return {
    /** Counts per period and category; each period's total is published too, so secondary suppression applies. */
    async appointments(ctx: InsightsContext, by: Breakdown, period: Period) {
      const rows = await breakdownFragments(db, scopeOf(ctx), by, ctx.window);
      const starts = completePeriods(period, ctx.window);
      const categories = [...new Set(rows.map((r) => r.category))].sort();
      const table = starts.map((start) => {
        const row: Record<string, number | string> = { period: start, total: 0 };
        for (const c of categories) row[c] = 0;
        for (const r of rows) if ((period === 'week' ? r.week_start : r.month) === start) {
          row[r.category] = (row[r.category] as number) + r.appointments;
          row['total'] = (row['total'] as number) + r.appointments;
        }
        return row;
      });
      const suppressed = suppressTable(table, { counts: [...categories, 'total'], rowTotals: [{ total: 'total', parts: categories }] });
      return { by, period, categories, periods: suppressed.map((r) => ({ start: r['period'] as string, end: periodEnd(period, r['period'] as string), total: r['total'],
        counts: Object.fromEntries(categories.map((c) => [c, r[c]])) })) };
    },

    async bookingLead(ctx: InsightsContext) {
      const fragments = await appointmentFragments(db, scopeOf(ctx), ctx.window);
      const inside = fragments.filter((f) => f.weekStart >= ctx.window.from && addDays(f.weekStart, 6) <= ctx.window.to);
      const bins = mergeHistograms(...inside.map((f) => f.bookingLeadDays ?? []));
      const summary = summariseHistogram(bins);
      const bands = gpadBands(bins);
      const table = suppressTable([Object.fromEntries([...bands.map((b) => [b.band, b.count]), ['total', summary.n]])],
        { counts: [...bands.map((b) => b.band), 'total'], rowTotals: [{ total: 'total', parts: bands.map((b) => b.band) }] })[0]!;
      const small = isSmallCount(summary.n);
      return {
        appointments: table['total'], bands: bands.map((b) => ({ band: b.band, count: table[b.band] })),
        days: bins.map((b) => ({ days: b.value, count: hide(b.count), note: b.value === 29 ? 'more than 28 days' : undefined })),
        median: small ? SUPPRESSED : summary.median, q1: small ? SUPPRESSED : summary.q1, q3: small ? SUPPRESSED : summary.q3, mean: small ? SUPPRESSED : summary.mean,
      };
    },

    async hubUtilisation(ctx: InsightsContext) {
      const days = await hubDays(db, hubsOf(ctx.unit, ctx.org), ctx.window);
      return utilisationFromDailyCounts(days).map((d) => {
        const small = [d.offered, d.booked, d.attended].some((n) => isSmallCount(n));
        return { ...d, offered: hide(d.offered), booked: hide(d.booked), attended: hide(d.attended),
          bookedShare: small ? SUPPRESSED : d.bookedShare, attendedShare: small ? SUPPRESSED : d.attendedShare };
      });
    },

    /** Offered hub minutes per week against the Network Contract DES requirement (60 per 1,000 patients). */
    async enhancedAccess(ctx: InsightsContext) {
      const days = await hubDays(db, hubsOf(ctx.unit, ctx.org), ctx.window);
      const { hubPopulation } = insights.stocksOf(ctx.unit, ctx.org);
      return completePeriods('week', ctx.window).map((weekStart) => {
        const week = days.filter((d) => weekStartOf(d.date) === weekStart);
        const offered = week.reduce((s, d) => s + d.offeredMinutes, 0);
        const slots = week.reduce((s, d) => s + d.offered, 0);
        const required = (DES_MINUTES_PER_1000_PER_WEEK * hubPopulation) / 1000;
        const small = isSmallCount(slots);
        return { weekStart, population: hubPopulation, offeredMinutes: small ? SUPPRESSED : offered,
          faceToFaceMinutes: small ? SUPPRESSED : week.reduce((s, d) => s + d.faceToFaceMinutes, 0),
          minutesPer1000: small ? SUPPRESSED : rate(offered, hubPopulation, 1000), requiredPer1000: DES_MINUTES_PER_1000_PER_WEEK,
          requiredMinutes: Math.ceil(required), meetsRequirement: small ? SUPPRESSED : offered >= required };
      });
    },

    async continuity(ctx: InsightsContext) {
      const practiceIds = practicesOf(ctx.unit, ctx.org);
      const stats = await continuityStats(db, practiceIds);
      const small = isSmallCount(stats.patients);
      const gps = ctx.unit.level === 'borough' ? [] : await namedGpRows(db, practiceIds, ctx.window);
      return {
        scope: 'Attended GP contacts in any mode over the rolling twelve months; indices for patients with two or more.',
        patients: hide(stats.patients), singleVisitPatients: hide(stats.singleVisitPatients),
        indices: small ? null : stats.indices,
        namedGps: gps.map((g) => ({
          staffId: g.staffId, name: g.name, practiceId: g.practiceId,
          slicc: isSmallCount(g.listGpContacts) || isSmallCount(g.listWithNamedGp) ? SUPPRESSED : rate(g.listWithNamedGp, g.listGpContacts, 100),
          listGpContacts: hide(g.listGpContacts), ownPatientRatio: isSmallCount(g.contacts) || isSmallCount(g.ownListContacts) ? SUPPRESSED : rate(g.ownListContacts, g.contacts, 1),
          contacts: hide(g.contacts),
        })),
      };
    },

    async triage(ctx: InsightsContext) {
      const practiceIds = practicesOf(ctx.unit, ctx.org);
      const matrix = await triageMatrix(db, practiceIds, ctx.window);
      const cells = new Map<string, number>();
      for (const m of matrix) cells.set(`${m.disposition}>${m.final_disposition}`, (cells.get(`${m.disposition}>${m.final_disposition}`) ?? 0) + m.requests);
      const total = matrix.reduce((s, m) => s + m.requests, 0);
      const overridden = matrix.filter((m) => m.overridden).reduce((s, m) => s + m.requests, 0);
      const contact = summariseHistogram(await contactHistogram(db, practiceIds, ctx.window));
      return {
        requests: hide(total), overridden: hide(overridden),
        overrideRate: isSmallCount(total) || isSmallCount(overridden) ? SUPPRESSED : rate(overridden, total, 100),
        dispositions: [...cells.entries()].map(([k, n]) => ({ engine: k.split('>')[0], final: k.split('>')[1], requests: hide(n) })),
        requestToFirstContactHours: isSmallCount(contact.n) ? { n: SUPPRESSED } : contact,
      };
    },

    async inequalities(ctx: InsightsContext, dimension: EquityDimension) {
      const rows = await equityRows(db, practicesOf(ctx.unit, ctx.org), dimension);
      const byValue = new Map(rows.map((r) => [r.value, r]));
      const order = [...dimensionValues(dimension), ...rows.map((r) => r.value).filter((v) => v !== 'all' && !dimensionValues(dimension).includes(v)), 'all'];
      const table = order.map((value) => {
        const r = byValue.get(value) ?? { value, patients: 0, appointments: 0, attended: 0, dna: 0, faceToFace: 0, gp: 0, continuityPatients: 0, upcSum: 0, ae: 0 };
        return {
          value, label: value === 'all' ? 'All patients' : dimensionValueLabel(dimension, value),
          patients: r.patients, appointments: r.appointments, attended: r.attended, dna: r.dna, faceToFace: r.faceToFace, gp: r.gp,
          continuityPatients: r.continuityPatients, ae: r.ae,
          appointmentsPer1000: rate(r.appointments, r.patients, 1000), gpPer1000: rate(r.gp, r.patients, 1000),
          dnaRate: rate(r.dna, r.attended + r.dna, 100), faceToFaceShare: rate(r.faceToFace, r.appointments, 100),
          meanUpc: r.continuityPatients === 0 ? null : r.upcSum / r.continuityPatients, aePer1000: rate(r.ae, r.patients, 1000),
        };
      });
      const counts = ['patients', 'appointments', 'attended', 'dna', 'faceToFace', 'gp', 'continuityPatients', 'ae'] as const;
      return suppressTable(table, {
        counts, isTotalRow: (r) => r.value === 'all',
        derived: { appointmentsPer1000: ['appointments', 'patients'], gpPer1000: ['gp', 'patients'], dnaRate: ['dna', 'attended'],
          faceToFaceShare: ['faceToFace', 'appointments'], meanUpc: ['continuityPatients'], aePer1000: ['ae', 'patients'] },
      });
    },

    async gpad(ctx: InsightsContext) {
      const rows = await gpadRows(db, scopeOf(ctx), londonInstant(ctx.window.from, '00:00'), londonInstant(addDays(ctx.window.to, 1), '00:00'));
      return gpadExtract(rows);
    },
  };
}

export type InsightsReports = ReturnType<typeof createInsightsReports>;

// Insights for dashboards: keeps the summaries fresh, checks who may see which unit, and turns fragments
// into series, SPC charts, comparisons with funnel limits and drill-downs through the pure domain.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../server/clock.ts';
import type { Actor } from '../trust/domain/actor.ts';
import { notFound, notPermitted } from '../shared/errors.ts';
import { addDays, londonDate, londonInstant } from '../shared/domain/london-time.ts';
import { bankHolidayDates } from '../booking/domain/bank-holidays.ts';
import { readRefreshState, refreshSummaries, type RefreshState, type RefreshStep } from './insights-refresh.repository.ts';
import { aeFragments, appointmentFragments, hubDays, hubFragments, namedGpFragments, readOrg, requestFragments, type Org } from './insights.repository.ts';
import { childrenOf, decideUnitAccess, defaultUnit, hubsOf, practicesOf, type OrgUnit } from './domain/insights-access.ts';
import { defaultWindow, type DateWindow, type Period } from './domain/periods.ts';
import { METRICS, type Level, type MetricDefinition, type MetricId } from './domain/metrics.ts';
import { metricSeries, rawMetricValues, rollUp, windowTotals, type Fragment, type PeriodRow, type SeriesPoint } from './domain/series.ts';
import { analyseSpc, type SpcOptions, type SpcResult } from './domain/spc.ts';
import { funnelPlot } from './domain/funnel.ts';
import { isSmallCount, SUPPRESSED, type Suppressed } from './domain/suppression.ts';

/** Summaries older than this are rebuilt before they are read (a refresh can also be asked for). */
const MAX_SUMMARY_AGE_MS = 24 * 3600_000;

export interface UnitView extends OrgUnit {
  name: string;
}

export interface InsightsContext {
  org: Org;
  unit: UnitView;
  window: DateWindow;
  refreshedAt: Date;
}

export interface UnitData {
  fragments: Fragment[];
  stocks: { population: number; hubPopulation: number };
}

export type SpcView = Omit<SpcResult, 'points'> & { points: (Omit<SpcResult['points'][number], 'value'> & { value: number | Suppressed })[] };

export function createInsightsService(db: Kysely<Database>, clock: Clock) {
  let refreshing: Promise<RefreshState> | null = null;

  function refreshInput() {
    const today = londonDate(clock.now());
    const window = defaultWindow(today);
    const year = Number(today.slice(0, 4));
    return {
      windowFrom: window.from, windowTo: window.to,
      fromInstant: londonInstant(window.from, '00:00'), toInstant: londonInstant(addDays(window.to, 1), '00:00'),
      bankHolidays: [...bankHolidayDates(year - 2, year + 1)], refreshedAt: clock.now(),
    };
  }

  async function refresh(onStep?: (step: RefreshStep) => void): Promise<{ state: RefreshState; steps: RefreshStep[] }> {
    const steps = await refreshSummaries(db, refreshInput(), onStep);
    return { state: (await readRefreshState(db))!, steps };
  }

  /** The current summaries, rebuilt first when missing or stale; concurrent callers share one rebuild. */
  async function fresh(): Promise<RefreshState> {
    const state = await readRefreshState(db);
    if (state && clock.now().getTime() - state.refreshedAt.getTime() < MAX_SUMMARY_AGE_MS) return state;
    refreshing ??= refresh().then((r) => r.state).finally(() => { refreshing = null; });
    return refreshing;
  }

  function nameOf(unit: OrgUnit, org: Org): string {
    switch (unit.level) {
      case 'borough': return 'Borough';
      case 'practice': return org.practices.find((p) => p.id === unit.id)?.name ?? unit.id;
      case 'pcn': return org.pcns.find((p) => p.id === unit.id)?.name ?? unit.id;
      case 'locality': return org.localities.find((l) => l.id === unit.id)?.name ?? unit.id;
      case 'hub': return org.hubs.find((h) => h.id === unit.id)?.name ?? unit.id;
    }
  }

  /** Checks the caller may see the unit (their own when none is named) and fixes the window. */
  async function context(actor: Actor, query: { level?: Level; id?: string; from?: string; to?: string }): Promise<InsightsContext> {
    const state = await fresh();
    return resolve(actor, query, state.refreshedAt);
  }

  /** As context, without touching the summaries (for reports read live). */
  async function resolve(actor: Actor, query: { level?: Level; id?: string; from?: string; to?: string }, refreshedAt = clock.now()): Promise<InsightsContext> {
    const org = await readOrg(db);
    const requested: OrgUnit = query.level ? { level: query.level, id: query.level === 'borough' ? 'borough' : (query.id ?? '') } : defaultUnit(actor);
    const decision = decideUnitAccess(actor, requested, org);
    if (!decision.allowed) throw decision.reason === 'unknown_unit' ? notFound(`The ${requested.level} '${requested.id}'`) : notPermitted(decision.reason);
    const fallback = defaultWindow(londonDate(clock.now()));
    const window = { from: query.from ?? fallback.from, to: query.to ?? fallback.to };
    return { org, unit: { ...requested, name: nameOf(requested, org) }, window, refreshedAt };
  }

  function stocksOf(unit: OrgUnit, org: Org) {
    const sum = (ids: string[]) => ids.reduce((s, id) => s + (org.population.get(id) ?? 0), 0);
    const hubLocalities = new Set(hubsOf(unit, org).map((h) => org.hubs.find((x) => x.id === h)!.localityId));
    return {
      population: sum(practicesOf(unit, org)),
      hubPopulation: sum(org.practices.filter((p) => hubLocalities.has(p.localityId)).map((p) => p.id)),
    };
  }

  interface BoroughFragments {
    byPractice: Map<string, Fragment[]>;
    byHubDelivered: Map<string, Fragment[]>;
    hubDays: Map<string, Fragment[]>;
  }
  let cache: { key: string; data: Promise<BoroughFragments> } | null = null;

  const groupByOwner = (fragments: readonly Fragment[]) => {
    const map = new Map<string, Fragment[]>();
    for (const f of fragments) {
      const list = map.get(f.owner!) ?? [];
      list.push(f);
      map.set(f.owner!, list);
    }
    return map;
  };

  /** The whole borough's fragments for a window, read once per refresh and kept in memory (tens of thousands
   *  of small objects): every unit, comparison and drill-down is then assembled without touching the database. */
  async function boroughFragments(org: Org, window: DateWindow): Promise<BoroughFragments> {
    const state = await readRefreshState(db);
    const key = `${state?.refreshedAt.toISOString()}|${window.from}|${window.to}`;
    if (cache?.key !== key) {
      const practiceIds = org.practices.map((p) => p.id);
      const hubIds = org.hubs.map((h) => h.id);
      const load = async (): Promise<BoroughFragments> => ({
        byPractice: groupByOwner([
          ...(await appointmentFragments(db, { practiceIds }, window, true)),
          ...(await aeFragments(db, practiceIds, window, true)),
          ...(await requestFragments(db, practiceIds, window, true)),
          ...(await namedGpFragments(db, practiceIds, window, true)),
        ]),
        byHubDelivered: groupByOwner(await appointmentFragments(db, { hubIds }, window, true)),
        hubDays: groupByOwner(hubFragments(await hubDays(db, hubIds, window))),
      });
      cache = { key, data: load() };
      cache.data.catch(() => { cache = null; });
    }
    return cache.data;
  }

  function assemble(unit: OrgUnit, org: Org, data: BoroughFragments): UnitData {
    const hubs = hubsOf(unit, org).flatMap((h) => data.hubDays.get(h) ?? []);
    const own = unit.level === 'hub'
      ? hubsOf(unit, org).flatMap((h) => data.byHubDelivered.get(h) ?? [])
      : practicesOf(unit, org).flatMap((p) => data.byPractice.get(p) ?? []);
    return { fragments: [...own, ...hubs], stocks: stocksOf(unit, org) };
  }

  /** Every fragment a unit's measures need. */
  async function unitData(unit: OrgUnit, org: Org, window: DateWindow): Promise<UnitData> {
    return assemble(unit, org, await boroughFragments(org, window));
  }

  async function unitDataMany(units: readonly OrgUnit[], org: Org, window: DateWindow): Promise<UnitData[]> {
    const data = await boroughFragments(org, window);
    return units.map((unit) => assemble(unit, org, data));
  }

  return {
    refresh,
    fresh,
    unitDataMany,
    context,
    resolve,
    unitData,
    stocksOf,
    nameOf,

    async series(ctx: InsightsContext, metric: MetricId, period: Period): Promise<{ rows: PeriodRow[]; points: SeriesPoint[] }> {
      const data = await unitData(ctx.unit, ctx.org, ctx.window);
      const rows = rollUp(data.fragments, period, ctx.window, data.stocks);
      return { rows, points: metricSeries(metric, rows) };
    },

    /** SPC over the true values (limits need them all); suppressed points keep their place but hide their value. */
    spcOf(metric: MetricId, rows: readonly PeriodRow[], points: readonly SeriesPoint[], options: SpcOptions): { spc: SpcView; hidden: Set<number>; raw: SpcResult } {
      const values = rawMetricValues(metric, rows);
      const charted = rows.map((r, i) => ({ date: r.start, value: values[i], suppressed: points[i]!.suppressed })).filter((p) => p.value !== null);
      const raw = analyseSpc(charted.map((p) => ({ date: p.date, value: p.value as number })), {
        improvement: METRICS[metric].improvement, target: (METRICS[metric] as MetricDefinition).target ?? null, ...options,
      });
      const hidden = new Set(charted.flatMap((p, i) => (p.suppressed ? [i] : [])));
      const spc: SpcView = { ...raw, points: raw.points.map((p, i) => (hidden.has(i) ? { ...p, value: SUPPRESSED } : p)) };
      return { spc, hidden, raw };
    },

    /** Practices (within the unit) on one measure over the window: funnel limits for proportions, a ranked list otherwise. */
    async compare(ctx: InsightsContext, metric: MetricId) {
      const children = ctx.unit.level === 'practice' ? [ctx.unit] : ctx.org.practices.filter((p) => practicesOf(ctx.unit, ctx.org).includes(p.id)).map((p) => ({ level: 'practice' as const, id: p.id }));
      const definition = METRICS[metric];
      const data = await unitDataMany(children, ctx.org, ctx.window);
      const units = children.map((u, i) => {
        const row = windowTotals(data[i]!.fragments, ctx.window, data[i]!.stocks);
        const { value, basis } = definition.compute(row.totals, row.histograms);
        const proportion = 'proportion' in definition ? { numerator: definition.proportion.numerator(row.totals), denominator: definition.proportion.denominator(row.totals) } : null;
        return { id: u.id, name: nameOf(u, ctx.org), value, basis, proportion };
      });
      const funnel = units.some((u) => u.proportion) ? funnelPlot(units.filter((u) => u.proportion).map((u) => ({ id: u.id, ...u.proportion! }))) : null;
      return {
        target: funnel?.target ?? null,
        units: units.map((u) => {
          const suppressed = u.basis.some((n) => isSmallCount(n));
          const limits = funnel?.units.find((f) => f.id === u.id);
          return {
            id: u.id, name: u.name, suppressed,
            value: suppressed ? SUPPRESSED : u.value,
            numerator: u.proportion ? (suppressed ? SUPPRESSED : u.proportion.numerator) : null,
            denominator: u.proportion ? (isSmallCount(u.proportion.denominator) ? SUPPRESSED : u.proportion.denominator) : null,
            limits: limits ? { lower95: limits.lower95, upper95: limits.upper95, lower998: limits.lower998, upper998: limits.upper998 } : null,
            position: limits && !suppressed ? limits.position : null,
          };
        }).sort((a, b) => (typeof b.value === 'number' ? b.value : -Infinity) - (typeof a.value === 'number' ? a.value : -Infinity)),
      };
    },

    /** The unit's value over the window and each child's, for borough → PCN → practice drill-down. */
    async drilldown(ctx: InsightsContext, metric: MetricId) {
      const children = childrenOf(ctx.unit, ctx.org);
      const all = [ctx.unit, ...children];
      const data = await unitDataMany(all, ctx.org, ctx.window);
      const valueOf = (unit: OrgUnit, i: number) => {
        const row = windowTotals(data[i]!.fragments, ctx.window, data[i]!.stocks);
        const { value, basis } = METRICS[metric].compute(row.totals, row.histograms);
        const suppressed = basis.some((n) => isSmallCount(n));
        return { level: unit.level, id: unit.id, name: nameOf(unit, ctx.org), value: suppressed ? SUPPRESSED : value, suppressed };
      };
      return { unit: valueOf(ctx.unit, 0), children: children.map((c, i) => valueOf(c, i + 1)) };
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;

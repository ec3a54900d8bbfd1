// Capacity views for staff: per day, per clinician session, offered/booked/free by mode; and Enhanced Access
// compliance per PCN per week against 60 minutes per 1,000 patients within the configured hours.
import { sql } from 'kysely';
import { addDays, daysBetween, londonInstant, londonTime } from '../shared/domain/london-time.ts';
import type { LocalDate } from '../shared/domain/london-time.ts';
import type { AppointmentMode } from '../shared/domain/vocabulary.ts';
import { APPOINTMENT_MODES } from '../shared/domain/vocabulary.ts';
import { invalidInput, notFound } from '../shared/errors.ts';
import type { NetworkCompliance } from './domain/enhanced-access-network.ts';
import { networkEnhancedAccess } from './domain/enhanced-access-network.ts';
import { NETWORK_STANDARD_HOURS } from './domain/hub-hours.ts';
import type { OpeningHours } from './domain/hub-hours.ts';
import type { BookingDeps } from './booking-deps.ts';
import type { ClinicianView, OrganisationView } from './appointment-view.ts';
import { clinicianView } from './appointment-view.ts';

export interface Counts { offered: number; booked: number; held: number; free: number }
export interface SessionCapacity extends Counts { clinician: ClinicianView; sessionId: string | null; siteId: string; start: string; end: string; mode: AppointmentMode }
export interface DayCapacity { date: LocalDate; totals: Counts; byMode: Record<AppointmentMode, Counts>; sessions: SessionCapacity[] }
export interface CapacityView { organisation: OrganisationView; from: LocalDate; to: LocalDate; totals: Counts; days: DayCapacity[] }

const MAX_DAYS = 62;
const empty = (): Counts => ({ offered: 0, booked: 0, held: 0, free: 0 });

export function parseRange(from: string, to: string): { from: LocalDate; to: LocalDate; start: Date; end: Date } {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw invalidInput(field, 'must be a date (YYYY-MM-DD)');
  }
  const span = daysBetween(from, to);
  if (span < 0) throw invalidInput('to', 'must not be before from');
  if (span >= MAX_DAYS) throw invalidInput('to', `the range may span at most ${MAX_DAYS} days`);
  return { from, to, start: londonInstant(from, '00:00'), end: londonInstant(addDays(to, 1), '00:00') };
}

export async function capacityOf(deps: BookingDeps, query: { practiceId?: string | null; hubId?: string | null; from: string; to: string }): Promise<CapacityView> {
  const range = parseRange(query.from, query.to);
  const reference = await deps.index.reference();
  if (!query.practiceId === !query.hubId) throw invalidInput('practiceId', 'give exactly one of practiceId or hubId');
  const organisation: OrganisationView | null = query.practiceId
    ? ((p) => (p ? { kind: 'practice' as const, id: p.id, name: p.name } : null))(reference.practices.get(query.practiceId))
    : ((h) => (h ? { kind: 'hub' as const, id: h.id, name: h.name } : null))(reference.hubs.get(query.hubId ?? ''));
  if (!organisation) throw notFound(query.practiceId ? 'Practice' : 'Hub');
  const rows = await deps.db.selectFrom('slot').select(['staff_id', 'template_id', 'site_id', 'start_at', 'end_at', 'mode', 'status'])
    .where(organisation.kind === 'practice' ? 'practice_id' : 'hub_id', '=', organisation.id)
    .where('start_at', '>=', range.start).where('start_at', '<', range.end).where('status', '<>', 'withdrawn')
    .orderBy('start_at').execute();
  const days = new Map<LocalDate, DayCapacity>();
  const sessions = new Map<string, SessionCapacity & { endAt: Date }>();
  const totals = empty();
  for (const row of rows) {
    const date = deps.londonClock.londonDateOf(row.start_at.getTime());
    const mode = row.mode as AppointmentMode;
    let day = days.get(date);
    if (!day) days.set(date, (day = { date, totals: empty(), byMode: Object.fromEntries(APPOINTMENT_MODES.map((m) => [m, empty()])) as Record<AppointmentMode, Counts>, sessions: [] }));
    const key = `${date}|${row.staff_id}|${row.template_id ?? row.site_id}|${mode}`;
    let session = sessions.get(key);
    if (!session) {
      session = { clinician: clinicianView(reference.staff.get(row.staff_id), row.staff_id), sessionId: row.template_id, siteId: row.site_id,
        start: londonTime(row.start_at), end: londonTime(row.end_at), endAt: row.end_at, mode, ...empty() };
      sessions.set(key, session);
      day.sessions.push(session);
    }
    if (row.end_at > session.endAt) session = Object.assign(session, { end: londonTime(row.end_at), endAt: row.end_at });
    for (const counts of [totals, day.totals, day.byMode[mode], session]) tally(counts, row.status);
  }
  const dayList = [...days.values()].map((d) => ({ ...d, sessions: d.sessions.map(({ endAt: _endAt, ...s }: SessionCapacity & { endAt?: Date }) => s) }));
  return { organisation, from: range.from, to: range.to, totals, days: dayList };
}

function tally(counts: Counts, status: string): void {
  counts.offered++;
  if (status === 'booked') counts.booked++;
  else if (status === 'offered') counts.held++;
  else counts.free++;
}

export async function enhancedAccessOf(
  deps: BookingDeps, query: { pcnId?: string | null; from: string; to: string; hours?: 'hub' | 'network_standard' | null },
): Promise<{ hours: OpeningHours; hoursSource: string; weeks: NetworkCompliance[] }> {
  const range = parseRange(query.from, query.to);
  const reference = await deps.index.reference();
  if (query.pcnId && !reference.pcns.has(query.pcnId)) throw notFound('PCN');
  const firstHub = [...reference.hubs.values()].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const useHubHours = query.hours !== 'network_standard' && firstHub !== undefined;
  const hours: OpeningHours = useHubHours ? firstHub.openingHours : NETWORK_STANDARD_HOURS;
  const population = new Map<string, number>();
  for (const p of reference.practices.values()) population.set(p.pcnId, (population.get(p.pcnId) ?? 0) + p.listSize);
  const pcns = [...reference.pcns.values()].map((p) => ({ pcnId: p.id, localityId: p.localityId, adjustedPopulation: population.get(p.id) ?? 0 }));
  // Weeks touching the range are reported, so read from the Monday before to the Sunday after.
  const rows = await deps.db.selectFrom('slot').select(['practice_id', 'hub_id', 'start_at', 'end_at', 'mode'])
    .where('status', '<>', 'withdrawn').where('start_at', '>=', new Date(range.start.getTime() - 7 * 86_400_000)).where('start_at', '<', new Date(range.end.getTime() + 7 * 86_400_000))
    // Only slots that can touch the hours: hub sessions, weekends, or weekday sessions running past the earliest weekday opening.
    .where(sql<boolean>`(hub_id IS NOT NULL OR extract(isodow from start_at AT TIME ZONE 'Europe/London') >= 6 OR (end_at AT TIME ZONE 'Europe/London')::time > ${earliestWeekdayOpening(hours)}::time)`)
    .execute();
  const slots = rows.map((r) => ({
    pcnId: r.practice_id ? (reference.practices.get(r.practice_id)?.pcnId ?? null) : null,
    hubLocalityId: r.hub_id ? (reference.hubs.get(r.hub_id)?.localityId ?? null) : null,
    start: r.start_at, end: r.end_at, mode: r.mode as AppointmentMode,
  }));
  // Every PCN takes part: a hub's minutes are shared across its locality's PCNs by population.
  const weeks = networkEnhancedAccess(pcns, slots, { hours, from: range.from, to: range.to });
  return { hours, hoursSource: useHubHours ? 'configured hub opening hours' : 'Network Standard Hours (DES)', weeks: query.pcnId ? weeks.filter((w) => w.pcnId === query.pcnId) : weeks };
}

function earliestWeekdayOpening(hours: OpeningHours): string {
  const starts = hours.blocks.filter((b) => b.weekdays.some((d) => d <= 5)).map((b) => b.start).sort();
  return starts[0] ?? '23:59';
}

// Capacity from rotas: expands the stored session templates (less leave and closures, and bank holidays for
// sessions that do not run on them) into slots for a date range. Existing slots are kept, so extending the
// horizon day by day is safe to repeat.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { LocalDate, LocalTime } from '../shared/domain/london-time.ts';
import type { AppointmentMode, Booker, SlotType } from '../shared/domain/vocabulary.ts';
import type { ReleaseRule, RotaException, SessionTemplate } from './domain/rota.ts';
import { expandRota } from './domain/rota.ts';
import { bankHolidayDates } from './domain/bank-holidays.ts';

const BATCH = 2_000;

export async function generateSlots(db: Kysely<Database>, range: { from: LocalDate; to: LocalDate }, now: Date): Promise<{ expanded: number; created: number }> {
  const [templateRows, exceptionRows, siteRows] = await Promise.all([
    db.selectFrom('session_template').selectAll().execute(),
    db.selectFrom('rota_exception').selectAll().where('to_date', '>=', range.from).where('from_date', '<=', range.to).execute(),
    db.selectFrom('site').select(['id', 'practice_id', 'hub_id']).execute(),
  ]);
  const templates: SessionTemplate[] = templateRows.map((t) => ({
    id: t.id, staffId: t.staff_id, siteId: t.site_id, weekdays: t.weekdays, start: t.start_time as LocalTime, end: t.end_time as LocalTime,
    slotMinutes: t.slot_minutes, mode: t.mode as AppointmentMode, slotType: t.slot_type as SlotType, bookableBy: t.bookable_by as Booker[],
    serviceTag: t.service_tag, release: t.release as unknown as ReleaseRule, validFrom: t.valid_from, validTo: t.valid_to,
    runsOnBankHolidays: t.runs_on_bank_holidays,
  }));
  const exceptions: RotaException[] = exceptionRows.map((e) => ({
    staffId: e.staff_id, siteId: e.site_id, from: e.from_date, to: e.to_date, reason: e.reason as RotaException['reason'],
  }));
  const holidays = bankHolidayDates(Number(range.from.slice(0, 4)), Number(range.to.slice(0, 4)));
  const slots = expandRota(templates, exceptions, range, holidays, { createdAt: now });
  const sites = new Map(siteRows.map((s) => [s.id, s]));
  let created = 0;
  for (let i = 0; i < slots.length; i += BATCH) {
    const values = slots.slice(i, i + BATCH).map((s) => {
      const site = sites.get(s.siteId);
      return {
        template_id: s.templateId, staff_id: s.staffId, site_id: s.siteId, practice_id: site?.hub_id ? null : (site?.practice_id ?? null),
        hub_id: site?.hub_id ?? null, start_at: s.start, end_at: s.end, mode: s.mode, slot_type: s.slotType, bookable_by: [...s.bookableBy],
        service_tag: s.serviceTag, release_at: s.releaseAt,
      };
    });
    const result = await db.insertInto('slot').values(values)
      .onConflict((oc) => oc.columns(['staff_id', 'start_at']).where('status', '<>', 'withdrawn').doNothing()).executeTakeFirst();
    created += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return { expanded: slots.length, created };
}

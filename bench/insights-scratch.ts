import { openBenchBorough } from './insights-borough.ts';
import { refreshSummaries } from '../src/insights/insights-refresh.repository.ts';
import { londonInstant, addDays } from '../src/shared/domain/london-time.ts';
import { bankHolidayDates } from '../src/booking/domain/bank-holidays.ts';
const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const d = await openBenchBorough(kind, Number(process.argv[3] ?? 1), console.log);
const to = '2026-11-22', from = addDays(to, -364);
const s = performance.now();
await refreshSummaries(d.db, { windowFrom: from, windowTo: to, fromInstant: londonInstant(from, '00:00'), toInstant: londonInstant(addDays(to, 1), '00:00'),
  bankHolidays: [...bankHolidayDates(2025, 2027)], refreshedAt: new Date() }, (st) => console.log(st.step.padEnd(28), st.seconds.toFixed(2), st.rows));
console.log('total', ((performance.now() - s) / 1000).toFixed(2));
await d.close();

// Rota expansion for 8 weeks of a 36-practice borough. Run: node_modules/.bin/node bench/slot-expansion.bench.ts
import { expandRota } from '../src/booking/domain/rota.ts';
import { bankHolidayDates } from '../src/booking/domain/bank-holidays.ts';
import { boroughRota } from './slot-fixtures.ts';

const RUNS = 10;
// 8 weeks spanning Easter 2027 and the spring clock change (28 March).
const range = { from: '2027-03-01', to: '2027-04-25' };
const { templates } = boroughRota();
const holidays = bankHolidayDates(2027, 2027);

let count = 0;
let coldMs = 0;
const timings: number[] = [];
for (let run = 0; run <= RUNS; run++) {
  const started = performance.now();
  count = expandRota(templates, [], range, holidays).length;
  if (run === 0) coldMs = performance.now() - started; // run 0 is what a one-off generator run pays
  else timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const ms = (x: number | undefined) => `${(x ?? Number.NaN).toFixed(0)} ms`;
console.log(`expandRota: ${templates.length} templates, ${range.from}..${range.to}, ${count} slots`);
console.log(`  first (cold) run ${ms(coldMs)}; ${RUNS} runs after warm-up: min ${ms(timings[0])}, median ${ms(timings[Math.floor(RUNS / 2)])}, max ${ms(timings.at(-1))} (target < 2000 ms)`);

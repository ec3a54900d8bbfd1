// Slot search + ranking for one patient across a full-scale borough's 8 weeks of slots, on a PostgreSQL
// database seeded once (scale 1, reused for 3 days; the first run seeds for several minutes):
//  1. in-process: the domain ranking over the booking service's live index (whole 8 weeks in the window), and
//     the whole service call (patient read, audited access check, ranking, re-check against the database);
//  2. over HTTP: POST /api/booking/search against a real `bin/hamlet serve` process, 50 concurrent clients.
// Targets: in-process p99 ≤ 25 ms; HTTP p99 ≤ 50 ms at 50 concurrent clients.
// Usage: node bench/slot-search.bench.ts [--seconds 20] [--clients 50] [--scale 1]
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/server/services.ts';
import { systemClock } from '../src/server/clock.ts';
import { SYSTEM_ACTOR } from '../src/trust/domain/actor.ts';
import { rankSlots } from '../src/booking/domain/slot-ranking.ts';
import { bookersFor } from '../src/booking/domain/booking-actor.ts';
import { patientForBooking } from '../src/booking/booking.repository.ts';
import type { AppointmentMode } from '../src/shared/domain/vocabulary.ts';
import { bearer, closedLoop, ensureBorough, quantile, startServer } from './booking-bench-support.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, clients: { type: 'string', default: '50' }, scale: { type: 'string', default: '1' } } });
const { database, url } = await ensureBorough('hamlet_bench_search', Number(values.scale), 3, 20);
const services = createServices({ database, config: loadConfig({ LOG_LEVEL: 'silent', HAMLET_MESSAGE_TRANSPORT: 'console' }), clock: systemClock, tokenSecret: randomBytes(32).toString('base64url') });
let seed = 20_270_301;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const patientIds = (await database.db.selectFrom('patient').select('id').where('lat', 'is not', null).execute()).map((p) => p.id);
const DAY = 86_400_000;
const modes: AppointmentMode[][] = [['in_person'], ['in_person', 'telephone'], ['telephone', 'video']];
const request = (wholeBorough: boolean) => ({
  patientId: pick(patientIds),
  need: { latest: new Date(Date.now() + (wholeBorough ? 56 : pick([2, 14, 14, 56])) * DAY).toISOString(), modes: pick(modes), roles: pick(['any_clinician', ['gp'], ['nurse']] as const) },
  preferences: { timeOfDay: pick([null, 'morning', 'afternoon', 'evening'] as const), language: pick([null, null, 'bn', 'so'] as const), limit: 10 },
});

let t = performance.now();
const snapshot = await (async () => { await services.booking.reloadIndex(); return services.booking.snapshot(); })();
console.log(`index: ${snapshot.index.size.toLocaleString('en-GB')} free future slots, ${snapshot.reference.rankingSites.length} sites, ${snapshot.reference.rankingClinicians.length} clinicians; loaded and built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// 1a. Ranking over the live index, whole 8 weeks in the window.
const ranking: number[] = [];
for (let i = 0; i < 1_200; i++) {
  const input = request(true);
  const patient = (await patientForBooking(database.db, input.patientId))!;
  t = performance.now();
  rankSlots(snapshot.index, {
    now: new Date(), need: { earliest: new Date(), latest: new Date(input.need.latest), modes: input.need.modes, roles: input.need.roles },
    preferences: input.preferences, limit: 10, patient: { ...patient, home: patient.home }, bookers: bookersFor(SYSTEM_ACTOR, patient),
    sharingAgreements: snapshot.reference.sharingAgreements,
  }, services.booking.deps.londonClock);
  if (i >= 200) ranking.push(performance.now() - t);
}
ranking.sort((a, b) => a - b);

// 1b. The whole service call, one at a time.
const service: number[] = [];
for (let i = 0; i < 400; i++) {
  const input = request(true);
  t = performance.now();
  await services.booking.search(SYSTEM_ACTOR, input);
  if (i >= 50) service.push(performance.now() - t);
}
service.sort((a, b) => a - b);
await database.close();

// 2. Over HTTP, 50 clients.
const secret = randomBytes(32).toString('base64url');
const server = await startServer(url, secret, 20);
const authorization = await bearer(secret, { sub: 'bench-admin', role: 'admin' });
const search = async (wholeBorough: boolean) => {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/booking/search`, {
    method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(request(wholeBorough)),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`search answered ${response.status}`);
};
t = performance.now();
await search(true); // the first search waits for the server's index
console.log(`server's first search (index load): ${((performance.now() - t) / 1000).toFixed(1)} s`);
await closedLoop(10, 3_000, () => search(false)); // warm-up
const clients = Number(values.clients);
const http = await closedLoop(clients, Number(values.seconds) * 1000, () => search(true));
await server.stop();

const ms = (xs: number[], q: number) => quantile(xs, q).toFixed(2);
console.log(`in-process ranking, 8-week window (${ranking.length} searches): p50 ${ms(ranking, 0.5)} ms, p99 ${ms(ranking, 0.99)} ms (target p99 ≤ 25 ms)`);
console.log(`in-process service.search incl. patient read, audit, DB re-check (${service.length}): p50 ${ms(service, 0.5)} ms, p99 ${ms(service, 0.99)} ms`);
console.log(`HTTP POST /api/booking/search, ${clients} clients, ${http.latencies.length} searches in ${http.seconds.toFixed(1)} s (${(http.latencies.length / http.seconds).toFixed(0)}/s): p50 ${ms(http.latencies, 0.5)} ms, p99 ${ms(http.latencies, 0.99)} ms (target p99 ≤ 50 ms)`);

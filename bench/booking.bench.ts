// Booking throughput on the PostgreSQL server: the bare SQL booking statement (the conditional UPDATE that
// decides who gets a slot) against booking over HTTP through a real `bin/hamlet serve` process with many
// concurrent clients (access check and audit, claim, appointment with GPAD fields, outbox messages), in the
// same run on the same server. Target: HTTP ≥ 40% of the bare statement's throughput. Also prints the audit
// chain's own throughput, which bounds every audited change.
// Usage: node bench/booking.bench.ts [--seconds 15] [--clients 32]   (HAMLET_BENCH_DATABASE_URL overrides the server)
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createAuditTrail } from '../src/trust/audit-trail.ts';
import { SYSTEM_ACTOR } from '../src/trust/domain/actor.ts';
import { systemClock } from '../src/server/clock.ts';
import { bearer, closedLoop, ensureBorough, quantile, startServer } from './booking-bench-support.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, clients: { type: 'string', default: '32' }, scale: { type: 'string', default: '0.02' } } });
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const { database, url } = await ensureBorough('hamlet_bench_booking', Number(values.scale), 0);

// Free, released practice slots with a patient of the same practice for each, in a fixed order.
const rows = await sql<{ id: number; patient_id: number }>`
  SELECT s.id, (SELECT p.id FROM patient p WHERE p.practice_id = s.practice_id ORDER BY p.id OFFSET (s.id % 50) LIMIT 1) AS patient_id
  FROM slot s WHERE s.status = 'free' AND s.practice_id IS NOT NULL AND s.start_at > now() + interval '1 hour' AND s.release_at <= now()
    AND s.service_tag IS NULL AND 'own_practice' = ANY(s.bookable_by)
  ORDER BY s.id`.execute(database.db);
const pairs = rows.rows.filter((r) => r.patient_id !== null);
console.log(`${pairs.length.toLocaleString('en-GB')} free practice slots available; ${clients} concurrent clients, ${seconds} s per phase`);
const half = Math.floor(pairs.length / 2);
const sqlSlots = pairs.slice(0, half).map((p) => p.id);
const httpPairs = pairs.slice(half);

// 1. The bare statement, prepared, on a pool of `clients` connections; every slot is tried once.
const pool = new pg.Pool({ connectionString: url, max: clients });
let sqlBooked = 0;
const bare = await closedLoop(clients, seconds * 1000, async (_lane, i) => {
  const slotId = sqlSlots[i % sqlSlots.length];
  const result = await pool.query({ name: 'book', text: "UPDATE slot SET status = 'booked' WHERE id = $1 AND status = 'free'", values: [slotId] });
  sqlBooked += result.rowCount ?? 0;
});
await pool.query("UPDATE slot SET status = 'free' WHERE id = ANY($1::bigint[]) AND status = 'booked'", [sqlSlots]);
await pool.end();
const sqlRate = bare.latencies.length / bare.seconds;

// 2. The audit chain alone (every booking writes one entry, and entries are chained one at a time under a lock).
const audit = createAuditTrail(systemClock);
const chain = await closedLoop(clients, 5_000, () => audit.record(database.db, SYSTEM_ACTOR, { action: 'bench.audit', resourceType: 'Bench' }));
const auditRate = chain.latencies.length / chain.seconds;

// 3. HTTP: POST /api/appointments against a real server process, `clients` requests in flight.
const secret = randomBytes(32).toString('base64url');
const server = await startServer(url, secret, clients);
const authorization = await bearer(secret, { sub: 'bench-admin', role: 'admin' });
let created = 0;
let refused = 0;
let cursor = 0;
const book = async () => {
  const pair = httpPairs[cursor++ % httpPairs.length]!;
  const response = await fetch(`http://127.0.0.1:${server.port}/api/appointments`, {
    method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ patientId: pair.patient_id, slotId: pair.id }),
  });
  await response.arrayBuffer();
  if (response.status === 201) created++;
  else refused++;
};
for (let i = 0; i < 100; i++) await book(); // warm-up: JIT, connections, reference data
created = 0;
refused = 0;
const http = await closedLoop(clients, seconds * 1000, async () => book());
await server.stop();
const httpRate = created / http.seconds;

const ms = (xs: number[], q: number) => quantile(xs, q).toFixed(1);
console.log(`bare SQL booking statement: ${sqlRate.toFixed(0)} bookings/s (${sqlBooked} booked; p50 ${ms(bare.latencies, 0.5)} ms, p99 ${ms(bare.latencies, 0.99)} ms)`);
console.log(`booking over HTTP:          ${httpRate.toFixed(0)} bookings/s (${created} created, ${refused} refused; p50 ${ms(http.latencies, 0.5)} ms, p99 ${ms(http.latencies, 0.99)} ms)`);
console.log(`audit chain alone:          ${auditRate.toFixed(0)} entries/s (the ceiling for any audited change; p50 ${ms(chain.latencies, 0.5)} ms)`);
console.log(`ratio HTTP / bare SQL:      ${((100 * httpRate) / sqlRate).toFixed(1)}% (target ≥ 40%)`);
await database.close();

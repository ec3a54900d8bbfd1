import { sql } from 'kysely';
import { openDatabase } from './src/db/database.ts';
import { loadConfig, randomSecret } from './src/config.ts';
import { createServices } from './src/server/services.ts';
import { systemClock } from './src/server/clock.ts';
import { SYSTEM_ACTOR } from './src/trust/domain/actor.ts';
const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/hamlet_bench_booking', dataDir: '', poolSize: 10 });
const services = createServices({ database, config: loadConfig({ LOG_LEVEL: 'silent', HAMLET_MESSAGE_TRANSPORT: 'console' }), clock: systemClock, tokenSecret: randomSecret() });
const rows = (await sql<{ id: number; patient_id: number }>`SELECT s.id, (SELECT p.id FROM patient p WHERE p.practice_id = s.practice_id ORDER BY p.id LIMIT 1) AS patient_id
  FROM slot s WHERE s.status = 'free' AND s.practice_id IS NOT NULL AND s.start_at > now() + interval '1 hour' AND s.release_at <= now() AND s.service_tag IS NULL AND 'own_practice' = ANY(s.bookable_by) ORDER BY s.id DESC LIMIT 200`.execute(database.db)).rows;
const t = [];
const cpu0 = process.cpuUsage();
const s0 = performance.now();
for (const r of rows) { const s = performance.now(); await services.booking.book(SYSTEM_ACTOR, { patientId: r.patient_id, slotId: r.id }); t.push(performance.now() - s); }
const cpu = process.cpuUsage(cpu0);
console.log('mean ms', ((performance.now() - s0) / rows.length).toFixed(1), 'node cpu ms per booking', ((cpu.user + cpu.system) / 1000 / rows.length).toFixed(2));
await database.close();

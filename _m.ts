import { PGlite } from '@electric-sql/pglite';
const conf = process.argv[2] ? process.argv[2].split(';') : undefined;
const p = await PGlite.create({ dataDir: '/tmp/pgm-' + Date.now(), ...(conf ? { postgresqlconf: conf } : {}) });
console.log((await p.query('show shared_buffers')).rows, (await p.query('show wal_buffers')).rows);
await p.exec('create table a (id bigint primary key, patient_id int, staff_id text, start_at timestamptz, status text, mode text, booked_at timestamptz, x text)');
const N = 1_600_000, B = 20_000;
for (let i = 0; i < N; i += B) {
  const lines: string[] = [];
  for (let j = i; j < i + B; j++) lines.push(`${j}\t${j % 294000}\tST${j % 900}\t2026-01-0${(j % 9) + 1}T08:00:00Z\tattended\tin_person\t2026-01-01T08:00:00Z\tsome text here ${j}\n`);
  await p.query(`copy a from '/dev/blob'`, [], { blob: new Blob(lines) });
}
console.log('after copy rss', (process.memoryUsage().rss / 1048576).toFixed(0));
await p.exec('create index on a (patient_id, start_at); create index on a (staff_id, start_at)');
console.log('after index rss', (process.memoryUsage().rss / 1048576).toFixed(0));
await p.close();

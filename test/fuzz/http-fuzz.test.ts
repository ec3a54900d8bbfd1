// 10,000+ random requests against a listening server: random methods, paths from the route table (with
// junk in the parameters), query strings, headers, identities and bodies. No response may be a 5xx, and a
// batch of requests in which nothing was accepted must leave every table (bar the audit log, which records
// refusals, and derived caches) exactly as it was, checked by row checksums.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { routeAccessTable } from '../../src/server/access-control.ts';

const REQUESTS = 10_240;
const BATCH = 512;
const CONCURRENCY = 6;
const READ_ONLY_POSTS = [/^\/api\/booking\/search$/, /^\/api\/requests\/triage-preview$/, /^\/auth\/logout$/, /^\/oidc\//];

// The audit log records refusals; these are derived caches their services fill on first read.
const NOT_DATA = [/^audit_log$/, /^insights_/, /^triage_engine_evaluation$/];

let ctx: TestContext;
let base: string;
let identities: Record<string, string>[];
let tables: string[];

beforeAll(async () => {
  ctx = await createTestContext({ env: { HAMLET_RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', HAMLET_RATE_LIMIT_SIGNED_IN_PER_MINUTE: '1000000' } });
  base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const { db } = ctx.database;
  const practice = await db.selectFrom('practice').select(['id', 'pcn_id']).orderBy('id').executeTakeFirstOrThrow();
  const patient = await db.selectFrom('patient').select('nhs_number').where('practice_id', '=', practice.id).orderBy('id').executeTakeFirstOrThrow();
  const hub = await db.selectFrom('hub').select('id').orderBy('id').executeTakeFirstOrThrow();
  identities = [
    {}, {}, { authorization: 'Bearer not.a.token' }, { authorization: 'Basic Zm9vOmJhcg==' }, { cookie: 'hamlet_session=forged; other=1' },
    await ctx.auth({ role: 'patient', patient: patient.nhs_number }), await ctx.auth({ role: 'receptionist', practice: practice.id }),
    await ctx.auth({ role: 'clinician', practice: practice.id }), await ctx.auth({ role: 'hub_staff', hub: hub.id }),
    await ctx.auth({ role: 'link_worker', pcn: practice.pcn_id }), await ctx.auth({ role: 'pcn_lead', pcn: practice.pcn_id }),
    await ctx.auth({ role: 'commissioner' }), await ctx.auth({ role: 'admin' }),
  ];
  const rows = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
  tables = rows.rows.map((r) => r.table_name).filter((t) => !NOT_DATA.some((re) => re.test(t))).sort();
});
afterAll(() => ctx.close());

/** One checksum per table: row count and an order-independent digest of every row. */
async function checksums(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    // A sum of row hashes: order-independent and cheap enough to take after every batch.
    const row = await sql<{ n: number; digest: string | null }>`SELECT count(*)::int AS n, sum(hashtext(t::text)::bigint)::text AS digest FROM ${sql.table(table)} t`.execute(ctx.database.db);
    result[table] = `${row.rows[0]!.n}:${row.rows[0]!.digest}`;
  }
  return result;
}

const junk = fc.oneof(
  fc.integer({ min: -5, max: 200_000 }).map(String), fc.constant('999999999999999999999'), fc.constant('..%2F..%2Fetc%2Fpasswd'), fc.constant('%00'),
  fc.constant("1' OR '1'='1"), fc.constant('<script>alert(1)</script>'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  fc.constant('Z84001'), fc.constant('HUB1'), fc.constant('9990000018'), fc.constant('x'.repeat(3000)),
);
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((v) => ({ type: 'application/json', text: JSON.stringify(v) })),
  fc.dictionary(fc.constantFrom('patientId', 'slotId', 'description', 'ageYears', 'sex', 'reason', 'need', 'status', 'disposition', 'account', 'resourceType', 'submittedFor'), jsonValue)
    .map((v) => ({ type: 'application/json', text: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((text) => ({ type: 'application/json', text })),
  fc.string({ maxLength: 200 }).map((text) => ({ type: fc.sample(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/fhir+json'), 1)[0]!, text })),
);
const query = fc.array(fc.tuple(fc.constantFrom('practiceId', 'hubId', 'pcnId', 'from', 'to', 'limit', 'patientId', 'start', 'end', 'status', 'identifier', '_count', 'audience', 'returnTo', 'actor', 'q'), junk), { maxLength: 4 })
  .map((pairs) => (pairs.length ? '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&') : ''));

describe('fuzzing the running server', () => {
  it(`answers ${REQUESTS.toLocaleString('en-GB')} random requests without a 5xx, and refused requests change no data`, async () => {
    const routes = routeAccessTable(ctx.app).filter((r) => r.method !== 'HEAD').map((r) => r.url);
    const request = fc.record({
      method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
      route: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...routes) }, { weight: 1, arbitrary: fc.constantFrom('/api/nothing', '/fhir/r4/Nothing/1', '/../../etc/passwd', '/api//practices', '/%2e%2e/') }),
      params: fc.array(junk, { minLength: 4, maxLength: 4 }), query, body, identity: fc.integer({ min: 0, max: identities.length - 1 }),
      extra: fc.oneof(fc.constant({}), fc.constant({ 'x-csrf-token': 'nonsense' }), fc.constant({ 'accept-language': 'bn' }), fc.constant({ 'x-forwarded-for': '1.2.3.4' }), fc.constant({ 'idempotency-key': 'fuzz' }), fc.constant({ 'if-match': 'W/"1"' })),
    });
    const samples = fc.sample(request, { numRuns: REQUESTS, seed: 20261123 });
    const serverErrors: string[] = [];
    const statusCounts = new Map<number, number>();
    let unchangedBatches = 0;
    let before = await checksums();
    for (let start = 0; start < samples.length; start += BATCH) {
      const batch = samples.slice(start, start + BATCH);
      let accepted = 0;
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < batch.length; i = next++) {
          const r = batch[i]!;
          let p = 0;
          const path = r.route.replace(/:[A-Za-z]+/g, () => r.params[p++ % 4]!).replace(/\*$/, r.params[3]!);
          const headers: Record<string, string> = { ...identities[r.identity], ...r.extra };
          const hasBody = r.body !== undefined && !['GET', 'HEAD'].includes(r.method);
          if (hasBody) headers['content-type'] = r.body!.type;
          const response = await fetch(base + path + r.query, { method: r.method, headers, redirect: 'manual', ...(hasBody ? { body: r.body!.text } : {}) });
          await response.arrayBuffer();
          statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
          if (response.status >= 500) serverErrors.push(`${r.method} ${path}${r.query} → ${response.status}`);
          const mutating = !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !READ_ONLY_POSTS.some((re) => re.test(path));
          if (mutating && response.status < 400) accepted++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const after = await checksums();
      if (accepted === 0) {
        expect(after, `batch from request ${start}: data changed though every request was refused`).toEqual(before);
        unchangedBatches++;
      }
      before = after;
    }
    console.log(`fuzz: ${samples.length} requests; statuses ${JSON.stringify(Object.fromEntries([...statusCounts].sort((a, b) => a[0] - b[0])))}; ${unchangedBatches} of ${Math.ceil(samples.length / BATCH)} batches had nothing accepted and left the data unchanged`);
    expect(serverErrors.slice(0, 20)).toEqual([]);
    expect(unchangedBatches).toBeGreaterThan(0);
  }, 600_000);
});

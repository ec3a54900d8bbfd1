// Two seeds with the same seed give identical data; the stats command reports the borough.
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PassThrough } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '../support/test-context.ts';
import { seedBorough } from '../../src/borough/borough-seeder.ts';
import { readBoroughSummary } from '../../src/borough/borough-stats.ts';
import { compareToReference } from '../../src/borough/domain/borough-reference.ts';

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function fingerprint(test: TestDatabase): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of ['practice', 'site', 'staff', 'patient', 'session_template', 'slot', 'appointment']) {
    const { rows } = await sql<{ digest: string }>`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(table)} t`.execute(test.database.db);
    result[table] = rows[0]!.digest;
  }
  return result;
}

describe('seeding', () => {
  it('gives identical data for the same seed, and different data for another', { timeout: 300_000 }, async () => {
    const [a, b] = [await createTestDatabase(), await createTestDatabase()];
    databases.push(a, b);
    const options = { seed: 99, scale: 0.003, anchorDate: '2027-03-22' };
    await seedBorough(a.database, options);
    await seedBorough(b.database, options);
    const [fa, fb] = [await fingerprint(a), await fingerprint(b)];
    expect(fa).toEqual(fb);
    await seedBorough(b.database, { ...options, seed: 100 });
    expect((await fingerprint(b)).patient).not.toBe(fa.patient);
  });

  it('summarises the test borough close to the reference', async () => {
    const test = await createTestDatabase();
    databases.push(test);
    const summary = await readBoroughSummary(test.database.db);
    expect(summary.counts.practices).toBe(36);
    expect(summary.coverage.historyMonths).toBeGreaterThanOrEqual(12);
    expect(summary.coverage.slotWeeks).toBeGreaterThanOrEqual(8);
    const checks = compareToReference(summary);
    // A 1% borough is noisy: most figures must still be within tolerance.
    expect(checks.filter((c) => c.ok).length / checks.length).toBeGreaterThan(0.8);
  });

  it('prints stats as JSON through the CLI', async () => {
    const { command } = await import('../../src/borough/stats.command.ts');
    expect(command.usage).toContain('--json');
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk) => (text += chunk));
    // Only runs when the command can reach a database without a server: use a throwaway PGlite folder.
    const code = await command.run(['--json'], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: { HAMLET_DATA_DIR: `/tmp/hamlet-stats-${process.pid}` } });
    expect(code).toBe(0);
    expect(JSON.parse(text)).toMatchObject({ practices: 0, patients: 0, reference: expect.any(Array) });
  });
});

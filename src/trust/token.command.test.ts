import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command, claimsFromOptions } from './token.command.ts';
import { verifyToken } from './tokens.ts';
import { UsageError } from '../cli/cli-command.ts';

async function run(args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await command.run(args, { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env });
  return { code, out: Buffer.concat(chunks).toString('utf8').trim() };
}

describe('hamlet token', () => {
  it('prints a token the server verifies with the same secret, without touching the database', async () => {
    const { code, out } = await run(['--role', 'receptionist', '--practice', 'Z84001', '--ttl', '120'], { HAMLET_TOKEN_SECRET: 'test-secret', HAMLET_DATA_DIR: '/nonexistent/never-created' });
    expect(code).toBe(0);
    const claims = await verifyToken('test-secret', out, new Date());
    expect(claims).toMatchObject({ role: 'receptionist', practice: 'Z84001', sub: 'cli:receptionist:Z84001' });
    await expect(verifyToken('test-secret', out, new Date(Date.now() + 121_000))).rejects.toThrow(/expired/);
  });

  it("uses the data folder's secret when none is configured, so the local server accepts it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hamlet-token-'));
    const { out } = await run(['--role', 'patient', '--patient', '943 476 5919'], { HAMLET_DATA_DIR: dataDir });
    const secret = readFileSync(join(dataDir, '.token-secret'), 'utf8').trim();
    expect(await verifyToken(secret, out, new Date())).toMatchObject({ role: 'patient', patient: '9434765919' });
  });

  it.each([
    [[], /--role is required/],
    [['--role', 'wizard'], /--role must be one of/],
    [['--role', 'patient'], /needs --patient/],
    [['--role', 'patient', '--patient', '1234567890'], /valid NHS number/],
    [['--role', 'hub_staff'], /needs --hub/],
    [['--role', 'clinician'], /needs --practice/],
    [['--role', 'pcn_lead'], /needs --pcn/],
    [['--role', 'admin', '--practice', 'Z84;DROP'], /letters and digits/],
  ])('refuses %j', (args, message) => {
    const values = Object.fromEntries(args.flatMap((a, i) => (i % 2 === 0 ? [[a.slice(2), args[i + 1]]] : [])));
    expect(() => claimsFromOptions(values)).toThrow(UsageError);
    expect(() => claimsFromOptions(values)).toThrow(message);
  });

  it('refuses a bad --ttl', async () => {
    await expect(run(['--role', 'admin', '--ttl', '0'], { HAMLET_TOKEN_SECRET: 's' })).rejects.toThrow(UsageError);
  });
});

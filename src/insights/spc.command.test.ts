import { describe, expect, it } from 'vitest';
import { command } from './spc.command.ts';
import { main } from '../cli/main.ts';
import { fixturePath, runCommand } from './run-command.test-helper.ts';
import { PassThrough } from 'node:stream';

describe('hamlet spc', () => {
  it('prints points with mean, limits, rule and type, and the icons', async () => {
    const { code, stdout } = await runCommand(command, [
      '--input',
      fixturePath('spc-shift.csv'),
      '--improvement',
      'increase',
      '--target',
      '5',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.points).toHaveLength(19);
    expect(Object.keys(result.points[0])).toEqual(
      expect.arrayContaining(['date', 'value', 'mean', 'lower', 'upper', 'rule', 'type']),
    );
    expect(result.points.slice(12).map((p: { rule: string; type: string }) => [p.rule, p.type])).toEqual(
      Array(7).fill(['shift', 'improvement']),
    );
    expect(result.variation).toBe('special_cause_improving_high');
    expect(result.assurance).toBe('consistently_pass');
    expect(result.warnings).toEqual([]);
  });

  it('rebases, screens and reads standard input', async () => {
    const csv = 'date,value\n2027-01-01,1\n2027-01-02,3\n2027-01-03,2\n2027-01-04,10\n2027-01-05,12\n';
    const { code, stdout } = await runCommand(
      command,
      ['--input', '-', '--rebase', '2027-01-04', '--screen-outliers'],
      csv,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.points.map((p: { mean: number }) => p.mean)).toEqual([2, 2, 2, 11, 11]);
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(['trial_limits', 'trial_limits']);
  });

  it('reports bad CSV rows by line and exits 2', async () => {
    const { code, stdout, stderr } = await runCommand(command, ['--input', fixturePath('spc-bad.csv')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("line 4: date '2027-02-30' is not a calendar date");
    expect(stderr).toContain("line 5: value 'five' is not a number");
  });

  it('exits 2 for a missing file', async () => {
    const { code, stderr } = await runCommand(command, ['--input', fixturePath('no-such-file.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('ENOENT');
  });

  it('rejects bad options with the usage (exit 2) through the dispatcher', async () => {
    for (const args of [
      ['--improvement', 'up'],
      ['--target', 'ten'],
      ['--rebase', '2027-1-1'],
      ['--rules', 'shewhart'],
      ['--bogus'],
      [],
    ]) {
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (c: Buffer) => (err += c.toString()));
      const input = args.length === 0 ? [] : ['--input', fixturePath('spc-shift.csv')];
      const code = await main(['spc', ...input, ...args], {
        stdin: new PassThrough(),
        stdout: new PassThrough(),
        stderr,
        env: {},
      });
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain('Usage: hamlet spc');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { command } from './continuity.command.ts';
import { fixturePath, runCommand } from './run-command.test-helper.ts';

describe('hamlet continuity', () => {
  it("prints one JSON line per patient with the worked examples' indices, and reports bad rows by line", async () => {
    const { code, stdout, stderr } = await runCommand(command, ['--input', fixturePath('visits.csv')]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const byId = Object.fromEntries(lines.map((l) => [l.patient_id, l]));
    expect(Object.keys(byId).sort()).toEqual(['AA', 'AAABBB', 'AAB', 'AABB', 'AB', 'ABAB', 'ONCE']);
    expect(Object.keys(byId['AA'])).toEqual(['patient_id', 'visits', 'upc', 'coc', 'secon', 'mmci']);
    expect(byId['AAABBB'].coc).toBeCloseTo(0.4, 12);
    expect(byId['ABAB']).toMatchObject({ visits: 4, upc: 0.5, secon: 0 });
    expect(byId['ABAB'].coc).toBeCloseTo(1 / 3, 12);
    expect(byId['ONCE']).toEqual({ patient_id: 'ONCE', visits: 1, upc: null, coc: null, secon: null, mmci: null });
    expect(stderr).toContain("line 24: date '2027-13-01'");
    expect(stderr).toContain('line 25: expected 3 fields, found 2');
    expect(code).toBe(1);
  });

  it('exits 0 when every row is good', async () => {
    const { code, stdout } = await runCommand(
      command,
      ['--input', '-'],
      'patient_id,date,clinician_id\np,2027-01-01,A\np,2027-01-02,B\n',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ patient_id: 'p', visits: 2, upc: 0.5, coc: 0, secon: 0 });
  });

  it('exits 2 for a wrong header', async () => {
    const { code, stderr } = await runCommand(command, ['--input', '-'], 'patient,date\n');
    expect(code).toBe(2);
    expect(stderr).toContain('line 1: header must name patient_id,date,clinician_id');
  });
});

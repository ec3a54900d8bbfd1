import { describe, expect, it } from 'vitest';
import { generateAeCsv } from './ae-generator.ts';
import { parseAeCsv } from './ae-csv.ts';
import { syntheticNhsNumbers } from '../../shared/domain/nhs-number.ts';
import { isMinor, isSelfReferred } from './ae-attendance.ts';

const patients = syntheticNhsNumbers(3000).map((nhsNumber, i) => ({ nhsNumber, practiceId: i % 2 ? 'A' : 'B', ageYears: i % 90, deprivationDecile: (i % 10) + 1 }));
const base = { patients, from: '2025-11-24', to: '2026-11-22', seed: 3 };

describe('synthetic A&E extract', () => {
  it('is deterministic, about the requested rate, and every deliberately bad row is rejected on its line', () => {
    const a = generateAeCsv(base);
    expect(generateAeCsv(base).csv).toBe(a.csv);
    const parsed = parseAeCsv(a.csv, new Date('2026-11-23T10:00:00Z'));
    expect(parsed.rejectedLines).toEqual(a.badLines);
    expect(a.badLines).toHaveLength(7);
    expect(parsed.records.length).toBe(a.rows - 7);
    expect(parsed.records.length / 3000).toBeGreaterThan(0.3);
    expect(parsed.records.length / 3000).toBeLessThan(0.55);
  });

  it('removes minor self-referred attendances from the changed practices after the start only', () => {
    const changed = generateAeCsv({ ...base, badRows: false, change: { practiceIds: ['A'], start: '2026-05-01', minorSelfReferredReduction: 1 } });
    const records = parseAeCsv(changed.csv, new Date('2026-11-23T10:00:00Z')).records;
    const practiceOf = new Map(patients.map((p) => [p.nhsNumber, p.practiceId]));
    const minorSelf = (practice: string, after: boolean) => records.filter((r) => practiceOf.get(r.nhsNumber) === practice && isMinor(r.departmentType)
      && isSelfReferred(r.referralSource) && (r.arrivalAt >= new Date('2026-05-01T00:00:00+01:00')) === after).length;
    expect(minorSelf('A', true)).toBe(0);
    expect(minorSelf('A', false)).toBeGreaterThan(10);
    expect(minorSelf('B', true)).toBeGreaterThan(10);
  });

  it('adds attendances by unregistered people with valid NHS numbers', () => {
    const out = generateAeCsv({ ...base, patients: [], unregistered: 5, badRows: false });
    const parsed = parseAeCsv(out.csv, new Date('2026-11-23T10:00:00Z'));
    expect(parsed.records).toHaveLength(5);
    expect(parsed.rejections).toEqual([]);
  });
});

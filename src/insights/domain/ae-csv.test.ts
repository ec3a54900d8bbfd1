import { describe, expect, it } from 'vitest';
import { parseAeCsv, parseArrivalTime } from './ae-csv.ts';
import { isInHours } from './ae-attendance.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const header = 'nhs_number,arrival_time,department_type,referral_source,discharge_outcome';

describe('A&E extract reading', () => {
  it('reads good rows: ISO times with offsets, London wall-clock times, codes in any case', () => {
    const result = parseAeCsv(`${header}\n943 476 5919,2026-07-01T21:15:00+01:00,01,Self,discharged_no_follow_up\n9434765919,2026-01-10 08:00,3,gp,admitted\n`, NOW);
    expect(result.rejections).toEqual([]);
    expect(result.records).toEqual([
      expect.objectContaining({ line: 2, nhsNumber: '9434765919', arrivalAt: new Date('2026-07-01T20:15:00Z'), departmentType: 1, referralSource: 'self' }),
      expect.objectContaining({ line: 3, arrivalAt: new Date('2026-01-10T08:00:00Z'), departmentType: 3, dischargeOutcome: 'admitted' }),
    ]);
  });

  it('reports each bad field with its line, and rejects the whole row', () => {
    const result = parseAeCsv(`${header}\n9434765918,2026-13-01 10:00,7,pigeon,\n9434765919,2026-03-29 01:30,1,self,admitted\n9434765919,2027-01-01T00:00:00Z,1,self,admitted\n1,2\n`, NOW);
    expect(result.records).toEqual([]);
    expect(result.rejections.map((r) => `${r.line}:${r.field}`)).toEqual([
      '2:nhs_number', '2:arrival_time', '2:department_type', '2:referral_source', '2:discharge_outcome', '3:arrival_time', '4:arrival_time', '5:row',
    ]);
    expect(result.rejections[0]!.reason).toContain('modulus 11');
    expect(result.rejectedLines).toEqual([2, 3, 4, 5]);
    expect(result.total).toBe(4);
  });

  it('rejects a repeat of an earlier row in the same file, naming the first line', () => {
    const row = '9434765919,2026-07-01T20:15:00Z,1,self,admitted';
    const result = parseAeCsv(`${header}\n${row}\n${row}\n`, NOW);
    expect(result.records).toHaveLength(1);
    expect(result.rejections).toEqual([{ line: 3, field: 'row', reason: 'duplicates line 2 (same NHS number and arrival time)' }]);
  });

  it('reports a missing header column on line 1', () => {
    expect(parseAeCsv('nhs_number,arrival_time\n', NOW).rejections).toEqual([expect.objectContaining({ line: 1, field: 'file' })]);
  });

  it('refuses the wall-clock hour the spring clock change skips; reads the repeated autumn hour as GMT', () => {
    expect(parseArrivalTime('2026-03-29 01:30')).toBeNull();
    expect(parseArrivalTime('2026-10-25 01:30')).toEqual(new Date('2026-10-25T01:30:00Z'));
    expect(parseArrivalTime('2026-10-25T01:30:00+01:00')).toEqual(new Date('2026-10-25T00:30:00Z'));
  });

  it('classes GP core hours: weekdays 08:00 to 18:30, not bank holidays', () => {
    expect(isInHours(1, '08:00', false)).toBe(true);
    expect(isInHours(5, '18:30', false)).toBe(false);
    expect(isInHours(6, '10:00', false)).toBe(false);
    expect(isInHours(2, '10:00', true)).toBe(false);
  });
});

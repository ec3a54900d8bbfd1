import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isIsoDate, parseCsv, parseCsvTable, parseDecimal } from './csv.ts';
import { parseSpcCsv } from './spc-csv.ts';
import { parseVisitsCsv } from './visits-csv.ts';

describe('parseCsv', () => {
  it("reads quoted fields with commas, doubled quotes and newlines, and keeps each record's first line", () => {
    const result = parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\nlast,1');
    expect(result).toEqual({
      ok: true,
      value: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['two\nlines', 'z'] },
        { line: 5, fields: ['last', '1'] },
      ],
    });
  });
  it('skips blank lines but keeps their line numbers counted, and strips a byte-order mark', () => {
    expect(parseCsv('\uFEFFa\n\n\nb\n')).toEqual({
      ok: true,
      value: [
        { line: 1, fields: ['a'] },
        { line: 4, fields: ['b'] },
      ],
    });
  });
  it('keeps empty fields, including a lone quoted empty field', () => {
    expect(parseCsv(',\n""')).toEqual({
      ok: true,
      value: [
        { line: 1, fields: ['', ''] },
        { line: 2, fields: [''] },
      ],
    });
  });
  it('reports an unclosed quote at the line it opened', () => {
    expect(parseCsv('a\n"open\nstill open')).toEqual({
      ok: false,
      error: { line: 2, message: 'a quoted field is never closed' },
    });
  });
  it('reports stray quotes', () => {
    expect(parseCsv('a\nb"c')).toMatchObject({ ok: false, error: { line: 2 } });
    expect(parseCsv('"a"b')).toMatchObject({ ok: false, error: { line: 1 } });
  });
});

describe('parseCsvTable', () => {
  it('finds columns by name in any order, ignoring case, spaces and extra columns', () => {
    const result = parseCsvTable(' Value ,extra,DATE\n3,x,2027-01-01', ['date', 'value']);
    expect(result).toEqual({
      ok: true,
      value: { rows: [{ line: 2, values: { date: '2027-01-01', value: '3' } }], rowErrors: [] },
    });
  });
  it('names missing columns', () => {
    expect(parseCsvTable('date,amount\n', ['date', 'value'])).toEqual({
      ok: false,
      error: { line: 1, message: 'header must name date,value; missing value' },
    });
  });
  it('reports rows with the wrong number of fields', () => {
    const result = parseCsvTable('date,value\n2027-01-01\n2027-01-02,1', ['date', 'value']);
    expect(result.ok && result.value.rowErrors).toEqual([{ line: 2, message: 'expected 2 fields, found 1' }]);
  });
});

describe('field checks', () => {
  it('accepts real calendar dates only', () => {
    expect(['2028-02-29', '2027-12-31'].every(isIsoDate)).toBe(true);
    expect(['2027-02-29', '2027-13-01', '2027-1-1', '01/02/2027', ''].some(isIsoDate)).toBe(false);
  });
  it('accepts plain decimals only', () => {
    expect(['1', '-2.5', '.5', '3.', '1e3'].map(parseDecimal)).toEqual([1, -2.5, 0.5, 3, 1000]);
    expect(['', ' ', '0x10', 'Infinity', 'NaN', '1,000', '1e999'].map(parseDecimal)).toEqual(Array(7).fill(null));
  });
});

describe('parseSpcCsv', () => {
  it('reads date,value rows', () => {
    expect(parseSpcCsv('date,value\n2027-01-01,3\n2027-01-02,4.5\n')).toEqual({
      ok: true,
      points: [
        { date: '2027-01-01', value: 3 },
        { date: '2027-01-02', value: 4.5 },
      ],
    });
  });
  it('lists every bad row by line', () => {
    const result = parseSpcCsv('date,value\n2027-01-01,3\n2027-02-30,4\n2027-01-01,x\n');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, message: "date '2027-02-30' is not a calendar date written YYYY-MM-DD" },
        { line: 4, message: 'date 2027-01-01 already appears on line 2' },
        { line: 4, message: "value 'x' is not a number" },
      ],
    });
  });
  it('refuses a file with no data', () => {
    expect(parseSpcCsv('date,value\n')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'no data rows after the header' }],
    });
  });
});

describe('parseVisitsCsv', () => {
  it('keeps good rows and reports bad ones by line', () => {
    const result = parseVisitsCsv('patient_id,date,clinician_id\np1,2027-01-01,A\n,2027-01-02,\np2,2027-01-03,B\n');
    expect(result).toEqual({
      ok: true,
      visits: [
        { patientId: 'p1', date: '2027-01-01', clinicianId: 'A' },
        { patientId: 'p2', date: '2027-01-03', clinicianId: 'B' },
      ],
      rowErrors: [{ line: 3, message: 'patient_id is empty; clinician_id is empty' }],
    });
  });
});

/** Quote every field, so any strings survive the round trip. */
const toCsv = (rows: string[][]) =>
  rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\r\n');

describe('CSV parsers on arbitrary input (fast-check)', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z0-9,"\r\n -]*$/));

  it('never throw, and any error names a line inside the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lines = text.split(/\r\n|\r|\n/).length;
        const results = [parseCsv(text), parseCsvTable(text, ['date', 'value'])];
        for (const r of results) {
          if (r.ok) continue;
          expect(r.error.line).toBeGreaterThanOrEqual(1);
          expect(r.error.line).toBeLessThanOrEqual(lines);
        }
        const spc = parseSpcCsv(text);
        if (!spc.ok) for (const e of spc.errors) expect(e.line).toBeLessThanOrEqual(lines);
        const visits = parseVisitsCsv(text);
        if (!visits.ok) expect(typeof visits.error.message).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('read back exactly what a writer quoted', () => {
    const rows = fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(rows, (rs) => {
        const result = parseCsv(toCsv(rs));
        expect(result.ok && result.value.map((r) => r.fields)).toEqual(rs);
      }),
    );
  });

  it('read back any series of dated values', () => {
    const points = fc.uniqueArray(
      fc.record({ day: fc.integer({ min: 0, max: 3000 }), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
      { selector: (p) => p.day, minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(points, (ps) => {
        const series = ps.map((p) => ({
          date: new Date(Date.UTC(2020, 0, 1 + p.day)).toISOString().slice(0, 10),
          value: p.value,
        }));
        const text = 'date,value\n' + series.map((p) => `${p.date},${p.value}`).join('\n');
        expect(parseSpcCsv(text)).toEqual({ ok: true, points: series.map((p) => ({ ...p, value: p.value + 0 })) });
      }),
    );
  });
});

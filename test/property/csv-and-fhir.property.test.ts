// Property-based tests of the CSV importers and the FHIR search-parameter parsers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCsv, parseCsv } from '../../src/insights/domain/csv.ts';
import { parseSpcCsv } from '../../src/insights/domain/spc-csv.ts';
import { parseVisitsCsv } from '../../src/insights/domain/visits-csv.ts';
import { parseDateParam, parseToken } from '../../src/fhir/domain/fhir-bundle.ts';
import { parseSlotWindow } from '../../src/fhir/fhir-slot-search.ts';
import { DomainError } from '../../src/shared/errors.ts';

const RUNS = { numRuns: 1_500 };
const csvText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('a', ',', '"', '\n', '\r\n', '""', 'date', 'value', '2026-11-23', '3.5', ' ', '\uFEFF'), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('CSV', () => {
  it('never throws: text either parses or comes back with a line number', () => {
    fc.assert(fc.property(csvText, (text) => {
      const result = parseCsv(text);
      if (!result.ok) expect(result.error.line).toBeGreaterThanOrEqual(1);
    }), RUNS);
  });

  // formatCsv defuses spreadsheet formulas (=, +, -, @ first) with an apostrophe: that is the one change.
  const asWritten = (field: string) => (/^[=+\-@]/.test(field) ? `'${field}` : field);
  it('reads back exactly what formatCsv wrote, whatever the fields hold (formulas defused)', () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }).chain((width) => fc.tuple(
      fc.array(fc.string({ minLength: 1, maxLength: 8 }).filter((h) => h.trim() !== ''), { minLength: width, maxLength: width }),
      fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 10 }),
    )), ([header, rows]) => {
      const parsed = parseCsv(formatCsv(header, rows));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.map((r) => r.fields)).toEqual([header, ...rows].map((r) => r.map(asWritten)));
    }), RUNS);
  });

  it('never throws in the SPC and visits importers, and reports problems by line', () => {
    fc.assert(fc.property(csvText, (text) => {
      for (const result of [parseSpcCsv(`date,value\n${text}`), parseVisitsCsv(`patient_id,date,clinician_id\n${text}`), parseSpcCsv(text)]) {
        if (!result.ok) {
          const errors = 'errors' in result ? result.errors : [result.error];
          for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
        }
      }
    }), RUNS);
  });

  it('reads back every SPC series it is given', () => {
    const day = fc.integer({ min: 0, max: 3_000 });
    fc.assert(fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 40 }), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 40, maxLength: 40 }), (days, values) => {
      const points = days.map((d, i) => ({ date: new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10), value: Math.round(values[i]! * 100) / 100 + 0 }));
      const result = parseSpcCsv(formatCsv(['date', 'value'], points.map((p) => [p.date, p.value])));
      expect(result).toEqual({ ok: true, points });
    }), { numRuns: 500 });
  });
});

describe('FHIR search parameters', () => {
  const prefix = fc.constantFrom('', 'eq', 'ge', 'gt', 'le', 'lt');
  const day = fc.date({ min: new Date('2000-01-01Z'), max: new Date('2060-01-01Z'), noInvalidDate: true });

  it('parses every well-formed date parameter back to its parts', () => {
    fc.assert(fc.property(prefix, day, fc.boolean(), (p, instant, withTime) => {
      const value = withTime ? instant.toISOString().replace(/\.\d{3}Z$/, '+00:00') : instant.toISOString().slice(0, 10);
      expect(parseDateParam(`${p}${value}`)).toEqual({ prefix: p || 'eq', value, dateOnly: !withTime });
    }), RUNS);
  });

  it('never throws on junk date or token parameters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
      const date = parseDateParam(raw);
      if (date) expect(['eq', 'ge', 'gt', 'le', 'lt']).toContain(date.prefix);
      const token = parseToken(raw);
      expect(raw.endsWith(token.value)).toBe(true);
    }), RUNS);
  });

  it('turns any slot search query into a window of at most 14 days, or refuses it with field and reason', () => {
    const param = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
      fc.tuple(prefix, day).map(([p, d]) => `${p}${d.toISOString().slice(0, 10)}`));
    fc.assert(fc.property(fc.record({ status: fc.oneof(fc.constant('free'), param), start: param, end: param }), (query) => {
      try {
        const window = parseSlotWindow(query);
        expect(window.toMs).toBeGreaterThan(window.fromMs);
        expect(window.toMs - window.fromMs).toBeLessThanOrEqual(14 * 86_400_000 + 3_600_000);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('invalid_input');
        expect((error as DomainError).field).toBeTruthy();
      }
    }), RUNS);
  });
});

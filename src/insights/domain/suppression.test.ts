import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressTable, SUPPRESSED } from './suppression.ts';

describe('suppressTable', () => {
  it('hides counts 1–7 but shows 0 and 8', () => {
    const rows = [
      { practice: 'A', n: 0 },
      { practice: 'B', n: 1 },
      { practice: 'C', n: 7 },
      { practice: 'D', n: 8 },
    ];
    expect(suppressTable(rows, { counts: ['n'] }).map((r) => r.n)).toEqual([0, SUPPRESSED, SUPPRESSED, 8]);
  });

  it('hides a second cell so a row total cannot reveal the first', () => {
    const rows = [{ practice: 'A', female: 3, male: 40, other: 12, total: 55 }];
    const [row] = suppressTable(rows, {
      counts: ['female', 'male', 'other', 'total'],
      rowTotals: [{ total: 'total', parts: ['female', 'male', 'other'] }],
    });
    // 3 is hidden; the smallest other part (12) goes too, so 55 − 40 = 15 splits two ways.
    expect(row).toEqual({ practice: 'A', female: '*', male: 40, other: '*', total: 55 });
  });

  it('hides a second row so a totals row cannot reveal the first, and keeps going until no equation has one unknown', () => {
    const rows = [
      { practice: 'A', dna: 5, booked: 100 },
      { practice: 'B', dna: 30, booked: 300 },
      { practice: 'C', dna: 12, booked: 120 },
      { practice: 'All', dna: 47, booked: 520 },
    ];
    const out = suppressTable(rows, { counts: ['dna', 'booked'], isTotalRow: (r) => r.practice === 'All' });
    expect(out.map((r) => r.dna)).toEqual(['*', 30, '*', 47]);
    expect(out.map((r) => r.booked)).toEqual([100, 300, 120, 520]);
  });

  it('hides a rate computed from a hidden count, in the same row only', () => {
    const rows = [
      { practice: 'A', admissions: 4, population: 9000, per1000: 0.44 },
      { practice: 'B', admissions: 90, population: 10000, per1000: 9 },
    ];
    const out = suppressTable(rows, { counts: ['admissions'], derived: { per1000: ['admissions', 'population'] } });
    expect(out).toEqual([
      { practice: 'A', admissions: '*', population: 9000, per1000: '*' },
      { practice: 'B', admissions: 90, population: 10000, per1000: 9 },
    ]);
  });

  it('hides a small total and a part when the parts would show it', () => {
    const rows = [{ a: 5, b: 0, total: 5 }];
    expect(
      suppressTable(rows, { counts: ['a', 'b', 'total'], rowTotals: [{ total: 'total', parts: ['a', 'b'] }] }),
    ).toEqual([{ a: '*', b: 0, total: '*' }]);
  });

  it('leaves a table of large counts alone, and honours a different threshold', () => {
    const rows = [{ n: 8 }, { n: 10 }];
    expect(suppressTable(rows, { counts: ['n'] })).toEqual(rows);
    expect(suppressTable(rows, { counts: ['n'], largest: 9 }).map((r) => r.n)).toEqual(['*', 10]);
  });
});

describe('suppressTable on random tables (fast-check)', () => {
  it('never leaves an equation with a single hidden cell, and hides every 1–7 count', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 500 }));
    const table = fc.array(fc.tuple(count, count, count), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, (cells) => {
        const body = cells.map(([a, b, c], i) => ({ name: `r${i}`, a, b, c, total: a + b + c }));
        const sum = (k: 'a' | 'b' | 'c' | 'total') => body.reduce((s, r) => s + r[k], 0);
        const rows = [...body, { name: 'all', a: sum('a'), b: sum('b'), c: sum('c'), total: sum('total') }];
        const out = suppressTable(rows, {
          counts: ['a', 'b', 'c', 'total'],
          rowTotals: [{ total: 'total', parts: ['a', 'b', 'c'] }],
          isTotalRow: (r) => r.name === 'all',
        });
        const hidden = (r: number, k: 'a' | 'b' | 'c' | 'total') => out[r]![k] === SUPPRESSED;
        out.forEach((_, r) => {
          expect((['a', 'b', 'c', 'total'] as const).filter((k) => hidden(r, k))).not.toHaveLength(1);
          for (const k of ['a', 'b', 'c', 'total'] as const)
            if (rows[r]![k] >= 1 && rows[r]![k] <= 7) expect(hidden(r, k)).toBe(true);
        });
        for (const k of ['a', 'b', 'c', 'total'] as const) {
          expect(out.filter((_, r) => hidden(r, k))).not.toHaveLength(1);
        }
      }),
    );
  });
});

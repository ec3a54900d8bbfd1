import { describe, expect, it } from 'vitest';
import { renderSpcSvg } from './spc-svg.ts';
import { analyseSpc } from './spc.ts';
import { formatCsv, csvField } from './csv.ts';
import { utilisationFromDailyCounts } from './hub-utilisation.ts';
import { isSmallCount } from './suppression.ts';

const series = Array.from({ length: 20 }, (_, i) => ({ date: `2026-01-${String(i + 1).padStart(2, '0')}`, value: i === 15 ? 40 : 10 + (i % 3) }));

describe('SPC as SVG', () => {
  it('draws a point per value coloured by its type, limits, mean, target, and a description for screen readers', () => {
    const result = analyseSpc(series, { improvement: 'decrease', target: 12 });
    const svg = renderSpcSvg(result, { title: 'Waits <days>' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(20);
    expect(svg).toContain('fill="#e46c0a"'); // the point far above the limit is a concern when lower is better
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('stroke="#de1b1b"');
    expect(svg).toContain('<title id="spc-title">Waits &lt;days&gt;</title>');
    expect(renderSpcSvg(result, { title: 'Waits <days>' })).toBe(svg);
  });

  it('leaves suppressed points out and says how many', () => {
    const svg = renderSpcSvg(analyseSpc(series), { hidden: new Set([0, 1]) });
    expect(svg.match(/<circle /g)).toHaveLength(18);
    expect(svg).toContain('2 suppressed');
    expect(svg).not.toContain('2026-01-01: ');
  });
});

describe('small helpers', () => {
  it('writes CSV fields safely (quotes, commas, formula prefixes)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(formatCsv(['x'], [[null]])).toBe('x\r\n\r\n');
  });

  it('hides counts 1–7 only', () => {
    expect([0, 1, 7, 8].map((n) => isSmallCount(n))).toEqual([false, true, true, false]);
  });

  it('sums hub day counts by weekday and refuses impossible days', () => {
    const rows = utilisationFromDailyCounts([{ date: '2026-11-23', offered: 10, booked: 8, attended: 7 }, { date: '2026-11-30', offered: 10, booked: 6, attended: 6 }]);
    expect(rows[0]).toMatchObject({ name: 'Monday', offered: 20, booked: 14, bookedShare: 0.7, attendedShare: 0.65 });
    expect(rows[6]).toMatchObject({ name: 'Sunday', offered: 0, bookedShare: null });
    expect(() => utilisationFromDailyCounts([{ date: '2026-11-23', offered: 1, booked: 2, attended: 0 }])).toThrow(RangeError);
  });
});

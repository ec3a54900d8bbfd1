// An SPC chart as SVG, drawn the Making Data Count way: grey common-cause points, blue improvement, orange
// concern, purple neutral special cause; dashed process limits, a solid mean per segment, an optional target.
// Pure: the same result always gives the same string, so charts can be cached and tested.
import type { SpcResult } from './spc.ts';
import type { PointType } from './spc-icons.ts';

export interface SpcSvgOptions {
  title?: string;
  /** Y-axis label, e.g. "%" or "per 1,000". */
  unit?: string;
  width?: number;
  height?: number;
  /** Indexes of points whose values are suppressed: drawn as gaps, never as dots. */
  hidden?: ReadonlySet<number>;
}

const COLOURS: Record<PointType, string> = {
  common_cause: '#7b7d7d',
  improvement: '#289de0',
  concern: '#e46c0a',
  neutral: '#490092',
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const round = (n: number) => Math.round(n * 10) / 10;

function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function yRange(result: SpcResult): [number, number] {
  const values = result.points.flatMap((p) => [p.value, p.lower, p.upper, p.mean].filter((v): v is number => v !== null));
  if (result.target !== null) values.push(result.target);
  if (values.length === 0) return [0, 1];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.1 || 1;
  return [min - pad, max + pad];
}

function segmentLines(result: SpcResult, x: (i: number) => number, y: (v: number) => number): string[] {
  const lines: string[] = [];
  let offset = 0;
  for (const segment of result.segments) {
    const [x1, x2] = [x(offset), x(offset + segment.points - 1)];
    const line = (v: number | null, style: string) =>
      v === null ? '' : `<line x1="${round(x1)}" y1="${round(y(v))}" x2="${round(x2)}" y2="${round(y(v))}" ${style}/>`;
    lines.push(line(segment.mean, 'stroke="#231f20" stroke-width="1.5"'));
    lines.push(line(segment.lower, 'stroke="#a6a6a6" stroke-width="1.5" stroke-dasharray="6 4"'));
    lines.push(line(segment.upper, 'stroke="#a6a6a6" stroke-width="1.5" stroke-dasharray="6 4"'));
    offset += segment.points;
  }
  return lines.filter((l) => l !== '');
}

/** The chart as a standalone SVG document (with a title and description for screen readers). */
export function renderSpcSvg(result: SpcResult, options: SpcSvgOptions = {}): string {
  const [width, height] = [options.width ?? 720, options.height ?? 360];
  const margin = { top: 40, right: 20, bottom: 56, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const n = result.points.length;
  const [lo, hi] = yRange(result);
  const x = (i: number) => margin.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => margin.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const title = options.title ?? 'SPC chart';
  const hidden = options.hidden ?? new Set<number>();
  const description = `${n} points; variation: ${result.variation.replace(/_/g, ' ')}; assurance: ${result.assurance.replace(/_/g, ' ')}${hidden.size ? `; ${hidden.size} suppressed` : ''}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="spc-title spc-desc">`,
    `<title id="spc-title">${escapeXml(title)}</title>`,
    `<desc id="spc-desc">${escapeXml(description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="24" font-family="Arial, sans-serif" font-size="16" fill="#231f20">${escapeXml(title)}</text>`,
  ];
  for (const tick of niceTicks(lo, hi)) {
    parts.push(`<line x1="${margin.left}" y1="${round(y(tick))}" x2="${width - margin.right}" y2="${round(y(tick))}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${round(y(tick)) + 4}" text-anchor="end" font-family="Arial, sans-serif" font-size="11" fill="#425563">${tick}</text>`);
  }
  if (options.unit) {
    parts.push(`<text transform="translate(14 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-family="Arial, sans-serif" font-size="11" fill="#425563">${escapeXml(options.unit)}</text>`);
  }
  parts.push(...segmentLines(result, x, y));
  if (result.target !== null) {
    parts.push(`<line x1="${margin.left}" y1="${round(y(result.target))}" x2="${width - margin.right}" y2="${round(y(result.target))}" stroke="#de1b1b" stroke-width="1.5" stroke-dasharray="2 3"/>`);
  }
  const visible = result.points.map((p, i) => ({ p, i })).filter(({ i }) => !hidden.has(i));
  const path = visible.map(({ p, i }, k) => `${k === 0 || hidden.has(i - 1) ? 'M' : 'L'}${round(x(i))},${round(y(p.value))}`).join(' ');
  if (path) parts.push(`<path d="${path}" fill="none" stroke="#7b7d7d" stroke-width="1"/>`);
  for (const { p, i } of visible) {
    const label = `${p.date}: ${p.value}${p.rule ? ` (${p.rule.replace(/_/g, ' ')}, ${p.type.replace(/_/g, ' ')})` : ''}`;
    parts.push(`<circle cx="${round(x(i))}" cy="${round(y(p.value))}" r="4" fill="${COLOURS[p.type]}"><title>${escapeXml(label)}</title></circle>`);
  }
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  result.points.forEach((p, i) => {
    if (i % labelEvery !== 0 && i !== n - 1) return;
    parts.push(`<text x="${round(x(i))}" y="${height - margin.bottom + 18}" text-anchor="middle" font-family="Arial, sans-serif" font-size="11" fill="#425563">${p.date}</text>`);
  });
  parts.push(`<text x="${margin.left}" y="${height - 12}" font-family="Arial, sans-serif" font-size="11" fill="#425563">${escapeXml(description)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

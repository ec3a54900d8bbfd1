// Measurements in the text — temperatures (°C or °F), pulse, breathing rate, oxygen saturation, blood
// pressure and how long symptoms have lasted — turned into findings using age-banded thresholds.
import type { Finding, FindingId } from './triage-types.ts';
import type { TextModel } from './text-context.ts';
import { assertionAt } from './text-context.ts';

const NUM = String.raw`(\d{1,3}(?:\.\d+)?)`;
const TEMPERATURE = [
  new RegExp(String.raw`\b${NUM}\s*(?:°|º|degrees?)?\s*(c|f|celsius|centigrade|fahrenheit)\b`, 'gi'),
  new RegExp(String.raw`\b${NUM}\s*(?:°|º|degrees?)()`, 'gi'),
  new RegExp(
    String.raw`\b(?:temp(?:erature)?|fever|pyrexia)\s*(?:of|is|was|at|reading|up to|around|about|over|:)?\s*(?:of\s+)?${NUM}()`,
    'gi',
  ),
];
const PULSE = [
  new RegExp(String.raw`\b(?:heart rate|pulse(?: rate)?|hr)\s*(?:of|is|was|at|:)?\s*${NUM}`, 'gi'),
  new RegExp(String.raw`\b${NUM}\s*(?:bpm|beats)`, 'gi'),
];
const BREATHING = [
  new RegExp(
    String.raw`\b(?:respiratory rate|resp(?:iration)?s?(?: rate)?|breathing rate|rr)\s*(?:of|is|was|at|:)?\s*${NUM}`,
    'gi',
  ),
  new RegExp(String.raw`\b${NUM}\s*(?:breaths|respirations)`, 'gi'),
];
const OXYGEN = [
  new RegExp(
    String.raw`\b(?:sats?|saturations?|spo2|o2 sat\w*|oxygen(?: saturations?| levels?| sats?)?|pulse ox\w*)\s*(?:of|is|was|at|are|were|:|reading)?\s*${NUM}\s*%?`,
    'gi',
  ),
  new RegExp(String.raw`\b${NUM}\s*%\s*(?:on (?:room )?air|sats|saturation|o2|oxygen)`, 'gi'),
];
const BLOOD_PRESSURE = [
  new RegExp(String.raw`\b(?:blood pressure|bp)\D{0,25}?(\d{2,3})\s*/\s*(\d{2,3})`, 'gi'),
  new RegExp(String.raw`\b(\d{2,3})\s*/\s*(\d{2,3})\s*(?:mm ?hg)`, 'gi'),
];
const DURATION = new RegExp(
  String.raw`(?<!\b(?:every|once|twice|times|each)\s)\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|a couple of|couple of|several)\s*(?:more\s+)?(day|week|month|year)s?\b(?!\s*(?:-\s*)?(?:old|pregnant|ago|gestation))(?!-old)`,
  'gi',
);
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  'a few': 3,
  few: 3,
  'a couple of': 2,
  'couple of': 2,
  several: 4,
};
const DAYS_PER_UNIT: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/** NICE NG51 high-risk heart and breathing rates by age band (years). */
const CHILD_BANDS = [
  { belowAge: 1, pulse: 160, breathing: 60 },
  { belowAge: 3, pulse: 150, breathing: 50 },
  { belowAge: 5, pulse: 140, breathing: 40 },
  { belowAge: 6, pulse: 130, breathing: 29 },
  { belowAge: 8, pulse: 120, breathing: 27 },
  { belowAge: 12, pulse: 115, breathing: 25 },
] as const;

function* readings(model: TextModel, patterns: readonly RegExp[]): Generator<{ m: RegExpMatchArray; quote: string }> {
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const m of model.text.matchAll(pattern)) {
      const start = m.index ?? 0;
      if (assertionAt(model, start) !== 'asserted') continue;
      yield { m, quote: model.original.slice(start, start + m[0].length).trim() };
    }
  }
}

function celsius(value: number, unit: string): number {
  const fahrenheit = unit.startsWith('f') || (unit === '' && value > 45);
  return fahrenheit ? ((value - 32) * 5) / 9 : value;
}

function temperatureFindings(value: number, unit: string): FindingId[] {
  const c = celsius(value, unit.toLowerCase());
  if (c < 30 || c > 45) return [];
  if (c >= 39) return ['fever', 'high_fever'];
  if (c >= 38) return ['fever'];
  return c < 36 ? ['hypothermia'] : [];
}

function pulseFindings(bpm: number, age: number): FindingId[] {
  const band = CHILD_BANDS.find((b) => age < b.belowAge);
  const [raised, severe] = band ? [band.pulse, band.pulse + 20] : [91, 131];
  if (bpm >= severe) return ['tachycardia', 'severe_tachycardia'];
  return bpm >= raised ? ['tachycardia'] : [];
}

function breathingFindings(rate: number, age: number): FindingId[] {
  const band = CHILD_BANDS.find((b) => age < b.belowAge);
  const [raised, severe] = band ? [band.breathing - 10, band.breathing] : [21, 25];
  if (rate >= severe) return ['tachypnoea', 'severe_tachypnoea'];
  return rate >= raised ? ['tachypnoea'] : [];
}

function durationDays(amount: string, unit: string): number {
  const n = WORD_NUMBERS[amount.toLowerCase()] ?? Number(amount);
  return n * (DAYS_PER_UNIT[unit.toLowerCase()] ?? 0);
}

export interface FindingsRead {
  findings: Finding[];
  /** The longest symptom duration stated, in days (0 when none is stated). */
  longestDays: number;
}

/** NEWS2 points for one observation (Royal College of Physicians, 2017), by ascending band limits. */
function news2Points(value: number, bands: readonly (readonly [number, number])[]): number {
  return bands.find(([upTo]) => value <= upTo)?.[1] ?? 0;
}

const NEWS2 = {
  breathing: [
    [8, 3],
    [11, 1],
    [20, 0],
    [24, 2],
    [Infinity, 3],
  ],
  oxygen: [
    [91, 3],
    [93, 2],
    [95, 1],
    [Infinity, 0],
  ],
  temperature: [
    [35, 3],
    [36, 1],
    [38, 0],
    [39, 1],
    [Infinity, 2],
  ],
  systolic: [
    [90, 3],
    [100, 2],
    [110, 1],
    [219, 0],
    [Infinity, 3],
  ],
  pulse: [
    [40, 3],
    [50, 1],
    [90, 0],
    [110, 1],
    [130, 2],
    [Infinity, 3],
  ],
} as const;

type Vitals = Partial<Record<keyof typeof NEWS2, number>>;

function news2High(vitals: Vitals): boolean {
  const points = (Object.keys(vitals) as (keyof typeof NEWS2)[]).map((k) => news2Points(vitals[k] ?? 0, NEWS2[k]));
  return points.length >= 2 && (points.reduce((a, b) => a + b, 0) >= 5 || points.some((p) => p >= 3));
}

export function readFindings(model: TextModel, age: number): FindingsRead {
  const found: Finding[] = [];
  let longestDays = 0;
  const vitals: Vitals = {};
  const add = (ids: readonly FindingId[], quote: string) =>
    ids.forEach((id) => found.some((f) => f.id === id) || found.push({ id, quote }));
  const num = (s: string | undefined) => Number(s ?? NaN);
  for (const { m, quote } of readings(model, TEMPERATURE)) {
    const c = celsius(num(m[1]), (m[2] ?? '').toLowerCase());
    if (c >= 30 && c <= 45) vitals.temperature = c;
    add(temperatureFindings(num(m[1]), m[2] ?? ''), quote);
  }
  for (const { m, quote } of readings(model, PULSE)) {
    vitals.pulse = num(m[1]);
    add(pulseFindings(num(m[1]), age), quote);
  }
  for (const { m, quote } of readings(model, BREATHING)) {
    vitals.breathing = num(m[1]);
    add(breathingFindings(num(m[1]), age), quote);
  }
  for (const { m, quote } of readings(model, OXYGEN)) {
    const sats = num(m[1]);
    if (sats < 50 || sats > 100) continue;
    vitals.oxygen = sats;
    add(sats < 92 ? ['hypoxia'] : sats <= 94 ? ['low_oxygen'] : [], quote);
  }
  for (const { m, quote } of readings(model, BLOOD_PRESSURE)) {
    const [systolic, diastolic] = [num(m[1]), num(m[2])];
    vitals.systolic = systolic;
    if (systolic <= 90) add(['hypotension'], quote);
    if (systolic >= 180 || diastolic >= 120) add(['severe_hypertension'], quote);
  }
  for (const { m, quote } of readings(model, [DURATION])) {
    const days = durationDays(m[1] ?? '', m[2] ?? '');
    longestDays = Math.max(longestDays, days);
    if (days >= 5) add(['duration_5_days'], quote);
    if (days >= 21) add(['duration_3_weeks'], quote);
  }
  // NEWS2 is validated in adults only (16 and over).
  if (age >= 16 && news2High(vitals)) add(['news2_high'], 'observations: ' + found.map((f) => f.quote).join(', '));
  return { findings: found, longestDays };
}

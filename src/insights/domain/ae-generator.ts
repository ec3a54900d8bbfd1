// A synthetic A&E attendance extract for the borough, so the urgent-care measures have data: about 380
// attendances per 1,000 a year (more for the very young, the old and the deprived), evenings busiest, and an
// optional "change" (e.g. a hub) that removes a share of minor self-referred attendances from chosen
// practices after a date, which a difference-in-differences estimate should find. A few bad rows are added
// on purpose so imports show their error reporting.
import type { LocalDate } from '../../shared/domain/london-time.ts';
import { addDays, daysBetween, londonInstant, timeOfMinutes } from '../../shared/domain/london-time.ts';
import { createRandom } from '../../borough/domain/random.ts';
import type { Random } from '../../borough/domain/random.ts';
import { formatCsv } from './csv.ts';
import { syntheticNhsNumbers } from '../../shared/domain/nhs-number.ts';
import { AE_CSV_COLUMNS } from './ae-csv.ts';
import { isMinor, isSelfReferred } from './ae-attendance.ts';
import type { AeDischargeOutcome, AeReferralSource } from './ae-attendance.ts';

export interface AePatient {
  nhsNumber: string;
  practiceId: string;
  ageYears: number;
  deprivationDecile: number | null;
}

export interface AeGeneratorOptions {
  patients: readonly AePatient[];
  from: LocalDate;
  to: LocalDate;
  seed: number;
  ratePer1000PerYear?: number;
  change?: { practiceIds: readonly string[]; start: LocalDate; minorSelfReferredReduction: number };
  /** Attendances by people not registered with the borough's practices (valid NHS numbers, no match). */
  unregistered?: number;
  /** Default true. */
  badRows?: boolean;
}

export interface GeneratedAeCsv {
  csv: string;
  /** Data rows, good and bad. */
  rows: number;
  /** 1-based file lines (header = 1) of the rows made bad on purpose. */
  badLines: number[];
}

/** Arrival hour weights 00–23: quiet nights, a morning rise, busiest evenings. */
const HOUR_WEIGHTS = [2, 1.5, 1.2, 1, 1, 1, 1.5, 2.5, 4, 5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 6, 6.5, 7, 7, 6.5, 5, 4, 3];
const SOURCES: readonly (readonly [AeReferralSource, number])[] = [['self', 58], ['ambulance', 20], ['gp', 7], ['nhs111', 8], ['health_care_provider', 3], ['police', 1], ['other', 3]];
const OUTCOMES: readonly (readonly [AeDischargeOutcome, number])[] = [
  ['discharged_no_follow_up', 45], ['discharged_gp_follow_up', 15], ['referred_to_clinic', 8], ['admitted', 22], ['transferred', 3], ['left_before_treatment', 6], ['died', 0.1],
];

function relativeRate(p: AePatient): number {
  const age = p.ageYears < 5 ? 1.8 : p.ageYears < 16 ? 0.8 : p.ageYears < 65 ? 0.9 : p.ageYears < 80 ? 1.3 : 2.2;
  const deprivation = p.deprivationDecile === null ? 1 : 1.3 - 0.06 * (p.deprivationDecile - 1);
  return age * deprivation;
}

const weighted = <T>(random: Random, items: readonly (readonly [T, number])[]): T => items[random.weightedIndex(items.map(([, w]) => w))]![0];

function attendance(random: Random, nhsNumber: string, date: LocalDate): string[] {
  const minute = random.weightedIndex(HOUR_WEIGHTS) * 60 + random.int(0, 59);
  const arrival = londonInstant(date, timeOfMinutes(minute)).toISOString();
  const source = weighted(random, SOURCES);
  const departmentType = source === 'ambulance' ? 1 : random.chance(0.38) ? (random.chance(0.8) ? 3 : 4) : 1;
  const outcome = weighted(random, OUTCOMES);
  return [nhsNumber, arrival.replace('.000Z', 'Z'), String(departmentType), source, outcome];
}

/** An NHS number that fails the modulus 11 check: change the check digit. */
const brokenCheckDigit = (nhs: string) => nhs.slice(0, 9) + String((Number(nhs[9]) + 1) % 10);

function badRows(random: Random, good: readonly string[][], now: LocalDate): string[][] {
  const sample = () => [...random.pick(good)];
  const rows = [
    (() => { const r = sample(); r[0] = brokenCheckDigit(r[0]!); return r; })(),
    (() => { const r = sample(); r[1] = '31/02/2026 25:61'; return r; })(),
    (() => { const r = sample(); r[2] = '9'; return r; })(),
    (() => { const r = sample(); r[3] = 'carrier pigeon'; return r; })(),
    (() => { const r = sample(); r[4] = ''; return r; })(),
    (() => { const r = sample(); r[1] = `${addDays(now, 30)}T10:00:00Z`; return r; })(),
    sample().slice(0, 3),
  ];
  return rows;
}

export function generateAeCsv(options: AeGeneratorOptions): GeneratedAeCsv {
  const random = createRandom(options.seed, 'ae-attendances');
  const days = daysBetween(options.from, options.to) + 1;
  const perDay = (options.ratePer1000PerYear ?? 380) / 1000 / 365;
  const treated = new Set(options.change?.practiceIds ?? []);
  const rows: string[][] = [];
  for (const patient of options.patients) {
    const count = random.poisson(perDay * days * relativeRate(patient));
    for (let i = 0; i < count; i++) {
      const date = addDays(options.from, random.int(0, days - 1));
      const row = attendance(random, patient.nhsNumber, date);
      const change = options.change;
      const avoided = change && treated.has(patient.practiceId) && date >= change.start && isMinor(Number(row[2])) && isSelfReferred(row[3]!)
        && random.chance(change.minorSelfReferredReduction);
      if (!avoided) rows.push(row);
    }
  }
  // Far from the stems the borough's patients use, so these match nobody registered.
  for (const nhsNumber of syntheticNhsNumbers(options.unregistered ?? 0, 995_000)) {
    rows.push(attendance(random, nhsNumber, addDays(options.from, random.int(0, days - 1))));
  }
  rows.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  const bad = new Set<string[]>();
  if ((options.badRows ?? true) && rows.length > 0) {
    for (const row of badRows(random, rows, options.to)) {
      rows.splice(random.int(0, rows.length), 0, row);
      bad.add(row);
    }
  }
  const badLines = rows.flatMap((r, i) => (bad.has(r) ? [i + 2] : []));
  const csv = formatCsv(AE_CSV_COLUMNS, rows);
  return { csv, rows: rows.length, badLines };
}

// The population splits every inequality view uses, with their labels and order: deprivation quintile,
// 2021 census ethnic group, age band, sex, main language and the disability and need flags.
import { ETHNICITIES, LANGUAGES } from '../../shared/domain/vocabulary.ts';
import type { LocalDate } from '../../shared/domain/london-time.ts';

export const EQUITY_DIMENSIONS = [
  'deprivation_quintile', 'ethnicity', 'age_band', 'sex', 'language', 'interpreter_needed', 'learning_disability', 'housebound',
] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

export const NOT_RECORDED = 'not_recorded';

/** Age bands by their lower bound in whole years, youngest first. */
export const AGE_BANDS = [
  { label: '0-4', minYears: 0 }, { label: '5-15', minYears: 5 }, { label: '16-24', minYears: 16 }, { label: '25-39', minYears: 25 },
  { label: '40-64', minYears: 40 }, { label: '65-74', minYears: 65 }, { label: '75-84', minYears: 75 }, { label: '85+', minYears: 85 },
] as const satisfies readonly { label: string; minYears: number }[];

/** Census high-level groups, in the census's order. */
export const ETHNIC_GROUPS = ['Asian', 'Black', 'Mixed', 'White', 'Other'] as const;

export function ethnicGroupOf(code: string | null): string {
  return ETHNICITIES.find((e) => e.code === code)?.group ?? NOT_RECORDED;
}

/** Quintile 1 is the most deprived fifth (IMD deciles 1–2). */
export function deprivationQuintile(decile: number | null): string {
  return decile === null ? NOT_RECORDED : String(Math.ceil(decile / 2));
}

/** Born on or before this date → at least `years` old on `onDate` (29 February birthdays count from 1 March). */
export function bornOnOrBefore(onDate: LocalDate, years: number): LocalDate {
  const [y, m, d] = [Number(onDate.slice(0, 4)) - years, onDate.slice(5, 7), onDate.slice(8, 10)];
  const date = `${String(y).padStart(4, '0')}-${m}-${d}`;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === '02' && d === '29' && !leap ? `${String(y).padStart(4, '0')}-02-28` : date;
}

export function ageBandOf(dateOfBirth: LocalDate, onDate: LocalDate): string {
  let band: string = AGE_BANDS[0].label;
  for (const b of AGE_BANDS) if (dateOfBirth <= bornOnOrBefore(onDate, b.minYears)) band = b.label;
  return band;
}

/** The values a dimension can take, in display order (so empty categories still show as zero rows). */
export function dimensionValues(dimension: EquityDimension): string[] {
  switch (dimension) {
    case 'deprivation_quintile':
      return ['1', '2', '3', '4', '5', NOT_RECORDED];
    case 'ethnicity':
      return [...ETHNIC_GROUPS, NOT_RECORDED];
    case 'age_band':
      return AGE_BANDS.map((b) => b.label);
    case 'sex':
      return ['female', 'male'];
    case 'language':
      return [...LANGUAGES.map((l) => l.code), NOT_RECORDED];
    case 'interpreter_needed':
    case 'learning_disability':
    case 'housebound':
      return ['yes', 'no'];
  }
}

export function dimensionValueLabel(dimension: EquityDimension, value: string): string {
  if (value === NOT_RECORDED) return 'Not recorded';
  switch (dimension) {
    case 'deprivation_quintile':
      return value === '1' ? '1 (most deprived)' : value === '5' ? '5 (least deprived)' : value;
    case 'language':
      return LANGUAGES.find((l) => l.code === value)?.name ?? value;
    case 'sex':
      return value === 'female' ? 'Female' : value === 'male' ? 'Male' : value;
    case 'interpreter_needed':
    case 'learning_disability':
    case 'housebound':
      return value === 'yes' ? 'Yes' : 'No';
    case 'ethnicity':
    case 'age_band':
      return value;
  }
}

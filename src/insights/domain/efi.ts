// The electronic Frailty Index (Clegg 2016): deficits out of 36, for people aged 65 and over.
import { FRAILTY_DEFICITS } from '../../shared/domain/vocabulary.ts';
import type { FrailtyDeficit } from '../../shared/domain/vocabulary.ts';

export const EFI_DEFICIT_TOTAL = 36;
export const EFI_MIN_AGE = 65;

export type EfiCategory = 'fit' | 'mild' | 'moderate' | 'severe';

/** Upper bound (inclusive) of each category's deficit count; severe is everything above moderate. */
const EFI_BANDS = [
  { category: 'fit', maxDeficits: 4 },
  { category: 'mild', maxDeficits: 8 },
  { category: 'moderate', maxDeficits: 12 },
] as const satisfies readonly { category: EfiCategory; maxDeficits: number }[];

/** Categorise on the integer count, never a rounded score (13/36 = 0.361 is severe). */
export function efiCategory(deficitCount: number): EfiCategory {
  if (!Number.isInteger(deficitCount) || deficitCount < 0 || deficitCount > EFI_DEFICIT_TOTAL) {
    throw new RangeError(`an eFI deficit count is a whole number 0–${EFI_DEFICIT_TOTAL}, not ${deficitCount}`);
  }
  return EFI_BANDS.find((b) => deficitCount <= b.maxDeficits)?.category ?? 'severe';
}

export interface EfiResult {
  deficits: number;
  score: number;
  category: EfiCategory;
}

/** eFI for a person: null under 65, where the index is not defined. Repeated deficits count once. */
export function electronicFrailtyIndex(deficits: Iterable<FrailtyDeficit>, ageYears: number): EfiResult | null {
  if (ageYears < EFI_MIN_AGE) return null;
  const known = new Set<string>(FRAILTY_DEFICITS);
  const distinct = new Set([...deficits].filter((d) => known.has(d)));
  return { deficits: distinct.size, score: distinct.size / EFI_DEFICIT_TOTAL, category: efiCategory(distinct.size) };
}

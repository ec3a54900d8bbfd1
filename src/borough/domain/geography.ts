// Where the synthetic borough's people and places sit: postcode districts with plausible centres inside
// the Tower Hamlets bounding box (about 51.49–51.54 N, 0.075 W–0.005 E).
import type { Random } from './random.ts';

export interface District {
  code: string;
  lat: number;
  lon: number;
  sectors: readonly number[];
  /** Chance that a home here sits in one of the less deprived pockets (e.g. around Canary Wharf). */
  affluentShare: number;
}

export const DISTRICTS: Readonly<Record<string, District>> = {
  E1: { code: 'E1', lat: 51.5175, lon: -0.0555, sectors: [0, 1, 2, 3, 4, 5, 6, 7, 8], affluentShare: 0.08 },
  E1W: { code: 'E1W', lat: 51.5068, lon: -0.059, sectors: [1, 2, 3], affluentShare: 0.35 },
  E2: { code: 'E2', lat: 51.528, lon: -0.06, sectors: [0, 6, 7, 8, 9], affluentShare: 0.1 },
  E3: { code: 'E3', lat: 51.5285, lon: -0.0235, sectors: [2, 3, 4, 5], affluentShare: 0.08 },
  E14: { code: 'E14', lat: 51.5045, lon: -0.0185, sectors: [0, 2, 3, 4, 5, 6, 7, 8, 9], affluentShare: 0.25 },
};

export interface LocalityGeography {
  name: string;
  districts: readonly (readonly [code: string, weight: number])[];
}

export const LOCALITIES: readonly LocalityGeography[] = [
  { name: 'North West: Bethnal Green and Spitalfields', districts: [['E2', 0.7], ['E1', 0.3]] },
  { name: 'North East: Bow and Mile End', districts: [['E3', 0.9], ['E2', 0.1]] },
  { name: 'South West: Whitechapel, Stepney and Wapping', districts: [['E1', 0.8], ['E1W', 0.2]] },
  { name: 'South East: Poplar and the Isle of Dogs', districts: [['E14', 0.9], ['E3', 0.1]] },
];

const BOUNDS = { south: 51.49, north: 51.54, west: -0.075, east: 0.005 };
// Letters allowed in the inward code of a UK postcode (no C, I, K, M, O, V).
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function pickDistrict(random: Random, locality: LocalityGeography): District {
  const index = random.weightedIndex(locality.districts.map(([, w]) => w));
  return DISTRICTS[locality.districts[index]![0]]!;
}

export function randomPostcode(random: Random, district: District): string {
  const sector = random.pick(district.sectors);
  const unit = INWARD_LETTERS[random.int(0, INWARD_LETTERS.length - 1)]! + INWARD_LETTERS[random.int(0, INWARD_LETTERS.length - 1)]!;
  return `${district.code} ${sector}${unit}`;
}

/** A point near `centre`, spread by `spreadKm`, kept inside the borough's bounding box. */
export function pointNear(random: Random, lat: number, lon: number, spreadKm: number): { lat: number; lon: number } {
  const kmPerDegreeLat = 111.2;
  const kmPerDegreeLon = 111.2 * Math.cos((lat * Math.PI) / 180);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    lat: round6(clamp(lat + random.normal(0, spreadKm) / kmPerDegreeLat, BOUNDS.south, BOUNDS.north)),
    lon: round6(clamp(lon + random.normal(0, spreadKm) / kmPerDegreeLon, BOUNDS.west, BOUNDS.east)),
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

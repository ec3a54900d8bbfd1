// Every figure that shapes the synthetic borough, with Tower Hamlets defaults from
// ../shared/reference/borough.md (approximate public figures). All are overridable.
import type { EthnicityCode, LanguageCode, LongTermCondition } from '../../shared/domain/vocabulary.ts';
import { DEFAULT_HUB_HOURS, type OpeningHours } from '../../booking/domain/hub-hours.ts';

export interface AgeBand {
  from: number;
  to: number;
  weight: number;
}

/** Prevalence target for the whole list and how risk rises with age (relative weights by age band start). */
export interface ConditionModel {
  prevalence: number;
  ageRisk: readonly (readonly [fromAge: number, relativeRisk: number])[];
}

export interface BoroughParameters {
  name: string;
  totalPatients: number;
  practices: number;
  pcns: number;
  localities: number;
  /** Spread of list sizes: log-normal sigma (larger = more unequal). */
  listSizeSigma: number;
  minimumListSize: number;
  ageBands: readonly AgeBand[];
  femaleShare: number;
  ethnicity: Readonly<Record<EthnicityCode, number>>;
  /** Share of patients with no recorded ethnicity (a real data-quality gap). */
  ethnicityMissing: number;
  postcodeMissing: number;
  languageMissing: number;
  conditions: Readonly<Record<LongTermCondition, ConditionModel>>;
  flags: { homeless: number; housebound75Plus: number; houseboundUnder75: number; carer: number; learningDisability: number };
  optOutOfSharing: number;
  nationalDataOptOut: number;
  /** Deprivation decile weights (1 = most deprived). */
  deprivationDeciles: readonly number[];
  appointmentsPerPatientYear: number;
  gpShareOfAppointments: number;
  modeMix: { in_person: number; telephone: number; video: number; home_visit: number };
  dnaRate: number;
  hubShareOfAppointments: number;
  /** Hub utilisation of offered slots by ISO weekday (1 = Monday), from the Greater Manchester evaluation. */
  hubUtilisation: readonly number[];
  historyMonths: number;
  slotWeeks: number;
  hubHours: OpeningHours;
  /** Practices that have not signed their locality hub's sharing agreement. */
  practicesWithoutSharingAgreement: number;
  /** Fraction of PCN and hub staffing to generate: small test boroughs need fewer clinicians. */
  staffingScale: number;
}

const ageRisk = (pairs: [number, number][]) => pairs as readonly (readonly [number, number])[];

export const TOWER_HAMLETS: BoroughParameters = {
  name: 'Tower Hamlets (synthetic)',
  totalPatients: 293_965,
  practices: 36,
  pcns: 7,
  localities: 4,
  listSizeSigma: 0.42,
  minimumListSize: 2_500,
  ageBands: [
    { from: 0, to: 4, weight: 6.5 },
    { from: 5, to: 9, weight: 5.5 },
    { from: 10, to: 14, weight: 5.5 },
    { from: 15, to: 19, weight: 5.0 },
    { from: 20, to: 24, weight: 9.5 },
    { from: 25, to: 29, weight: 13.0 },
    { from: 30, to: 34, weight: 12.5 },
    { from: 35, to: 39, weight: 9.5 },
    { from: 40, to: 44, weight: 7.0 },
    { from: 45, to: 49, weight: 5.5 },
    { from: 50, to: 54, weight: 4.5 },
    { from: 55, to: 59, weight: 3.8 },
    { from: 60, to: 64, weight: 2.9 },
    { from: 65, to: 69, weight: 2.0 },
    { from: 70, to: 74, weight: 1.5 },
    { from: 75, to: 79, weight: 1.2 },
    { from: 80, to: 84, weight: 0.8 },
    { from: 85, to: 99, weight: 0.7 },
  ],
  femaleShare: 0.49,
  // 2021 census, Tower Hamlets, approximate percentages.
  ethnicity: {
    A1: 34.6, A2: 2.5, A3: 2.8, A4: 1.0, A5: 3.1,
    B1: 4.5, B2: 1.5, B3: 1.0,
    M1: 1.2, M2: 0.6, M3: 0.9, M4: 1.3,
    W1: 22.9, W2: 1.2, W3: 0.1, W4: 0.3, W5: 14.5,
    O1: 1.2, O2: 3.8,
  },
  ethnicityMissing: 0.04,
  postcodeMissing: 0.003,
  languageMissing: 0.01,
  conditions: {
    hypertension: { prevalence: 0.095, ageRisk: ageRisk([[0, 0], [18, 0.3], [30, 1], [40, 4], [50, 10], [60, 18], [70, 26], [80, 30]]) },
    diabetes: { prevalence: 0.07, ageRisk: ageRisk([[0, 0.02], [18, 0.3], [30, 1], [40, 4], [50, 8], [60, 12], [70, 13], [80, 12]]) },
    asthma: { prevalence: 0.05, ageRisk: ageRisk([[0, 0.6], [5, 1.2], [18, 1], [40, 1], [65, 1.1]]) },
    copd: { prevalence: 0.015, ageRisk: ageRisk([[0, 0], [35, 0.2], [45, 1], [55, 3], [65, 6], [75, 8]]) },
    depression: { prevalence: 0.09, ageRisk: ageRisk([[0, 0], [12, 0.3], [18, 1], [30, 1.2], [50, 1.1], [70, 0.9]]) },
    severe_mental_illness: { prevalence: 0.013, ageRisk: ageRisk([[0, 0], [16, 0.5], [20, 1], [40, 1.3], [65, 0.9]]) },
    chd: { prevalence: 0.015, ageRisk: ageRisk([[0, 0], [35, 0.1], [45, 1], [55, 4], [65, 10], [75, 16]]) },
    heart_failure: { prevalence: 0.004, ageRisk: ageRisk([[0, 0], [45, 0.2], [60, 1], [70, 3], [80, 6]]) },
    atrial_fibrillation: { prevalence: 0.006, ageRisk: ageRisk([[0, 0], [45, 0.1], [55, 0.5], [65, 2], [75, 5], [85, 8]]) },
    ckd: { prevalence: 0.016, ageRisk: ageRisk([[0, 0], [40, 0.3], [55, 1], [65, 4], [75, 9], [85, 14]]) },
    stroke_tia: { prevalence: 0.007, ageRisk: ageRisk([[0, 0], [40, 0.2], [55, 1], [65, 3], [75, 6]]) },
    cancer: { prevalence: 0.015, ageRisk: ageRisk([[0, 0.02], [30, 0.2], [45, 1], [60, 3], [70, 5], [80, 6]]) },
    dementia: { prevalence: 0.002, ageRisk: ageRisk([[0, 0], [60, 0.1], [65, 0.5], [75, 3], [85, 10]]) },
    epilepsy: { prevalence: 0.006, ageRisk: ageRisk([[0, 0.6], [18, 1], [60, 1.2]]) },
    hypothyroidism: { prevalence: 0.015, ageRisk: ageRisk([[0, 0.05], [20, 0.5], [40, 1], [60, 2], [75, 2.5]]) },
    osteoarthritis: { prevalence: 0.03, ageRisk: ageRisk([[0, 0], [35, 0.2], [45, 1], [55, 3], [65, 6], [75, 9]]) },
  },
  flags: { homeless: 0.005, housebound75Plus: 0.12, houseboundUnder75: 0.002, carer: 0.04, learningDisability: 0.005 },
  optOutOfSharing: 0.02,
  nationalDataOptOut: 0.05,
  // Most neighbourhoods in the two most deprived deciles, pockets of affluence (IMD 2019).
  deprivationDeciles: [38, 30, 12, 7, 4, 3, 2, 2, 1, 1],
  appointmentsPerPatientYear: 5.5,
  gpShareOfAppointments: 0.45,
  modeMix: { in_person: 0.67, telephone: 0.28, video: 0.04, home_visit: 0.01 },
  dnaRate: 0.045,
  hubShareOfAppointments: 0.03,
  hubUtilisation: [0.8, 0.8, 0.78, 0.78, 0.76, 0.66, 0.6],
  historyMonths: 12,
  slotWeeks: 8,
  hubHours: DEFAULT_HUB_HOURS,
  practicesWithoutSharingAgreement: 2,
  staffingScale: 1,
};

/** The main-language mix within each ethnic group (the rest speak English as their main language). */
export const LANGUAGE_BY_ETHNICITY: Partial<Record<EthnicityCode, readonly (readonly [LanguageCode, number])[]>> = {
  A1: [['bn', 0.3], ['syl', 0.25]],
  A2: [['zh', 0.45]],
  A4: [['ur', 0.3]],
  B1: [['so', 0.35]],
  W5: [['pl', 0.14], ['lt', 0.07], ['it', 0.1], ['es', 0.1], ['fr', 0.07]],
  O2: [['fr', 0.1], ['es', 0.1]],
};

/** Of those whose main language is not English, the share who need an interpreter. */
export const INTERPRETER_NEED = 0.45;

export function scaled(parameters: BoroughParameters, scale: number): BoroughParameters {
  // The 999 test range holds about 909,000 valid NHS numbers: a little over three boroughs.
  if (!(scale > 0 && scale <= 3)) throw new RangeError('scale must be in (0, 3]');
  return {
    ...parameters,
    totalPatients: Math.max(parameters.practices * 50, Math.round(parameters.totalPatients * scale)),
    minimumListSize: Math.max(50, Math.round(parameters.minimumListSize * Math.min(1, scale))),
    staffingScale: Math.min(1, scale * 4),
  };
}

// Registered patients, practice by practice, deterministic for a seed. Alongside the rows it fills a
// compact columnar summary (typed arrays) that the history generator reads, so no pass needs every
// patient object in memory at once.
import {
  ETHNICITIES,
  FRAILTY_DEFICITS,
  LONG_TERM_CONDITIONS,
  type DigitalPreference,
  type EthnicityCode,
  type FrailtyDeficit,
  type LongTermCondition,
} from '../../shared/domain/vocabulary.ts';
import { syntheticNhsNumbers } from '../../shared/domain/nhs-number.ts';
import { addDays } from '../../shared/domain/london-time.ts';
import { INTERPRETER_NEED, LANGUAGE_BY_ETHNICITY, type BoroughParameters, type ConditionModel } from './borough-parameters.ts';
import type { BoroughStructure, Practice } from './borough-structure.ts';
import { DISTRICTS, pointNear, randomPostcode } from './geography.ts';
import { nameSetFor } from './names.ts';
import { createRandom, type Random } from './random.ts';

export interface Patient {
  id: number; nhsNumber: string; practiceId: string; givenName: string; familyName: string; dateOfBirth: string;
  sex: 'female' | 'male'; postcode: string | null; lat: number | null; lon: number | null;
  ethnicityCode: EthnicityCode | null; mainLanguage: string | null; interpreterNeeded: boolean; deprivationDecile: number;
  longTermConditions: LongTermCondition[]; frailtyDeficits: FrailtyDeficit[];
  homeless: boolean; housebound: boolean; carer: boolean; learningDisability: boolean;
  digitalPreference: DigitalPreference; usualClinicianId: string | null; registeredOn: string;
  optedOutOfSharing: boolean; nationalDataOptOut: boolean; phone: string | null; email: string | null;
}

/** What the history generator needs of each patient, indexed by patient id − 1. */
export interface PatientSummary {
  count: number;
  age: Uint8Array;
  conditionCount: Uint8Array;
  frailtyDeficitCount: Uint8Array;
  housebound: Uint8Array;
  optedOutOfSharing: Uint8Array;
  practiceIndex: Uint16Array;
  /** Index into structure.staff of the named GP. */
  usualClinicianIndex: Int32Array;
}

const LTC_TO_DEFICIT: Partial<Record<LongTermCondition, FrailtyDeficit>> = {
  hypertension: 'hypertension', diabetes: 'diabetes', atrial_fibrillation: 'atrial_fibrillation', heart_failure: 'heart_failure',
  ckd: 'ckd', stroke_tia: 'cerebrovascular_disease', chd: 'ischaemic_heart_disease', copd: 'respiratory_disease',
  asthma: 'respiratory_disease', dementia: 'memory_cognitive_problems', osteoarthritis: 'arthritis', hypothyroidism: 'thyroid_disease',
};

export function createPatientSummary(count: number): PatientSummary {
  return {
    count, age: new Uint8Array(count), conditionCount: new Uint8Array(count), frailtyDeficitCount: new Uint8Array(count),
    housebound: new Uint8Array(count), optedOutOfSharing: new Uint8Array(count), practiceIndex: new Uint16Array(count),
    usualClinicianIndex: new Int32Array(count),
  };
}

function riskAt(model: ConditionModel, age: number): number {
  let risk = 0;
  for (const [from, r] of model.ageRisk) if (age >= from) risk = r;
  return risk;
}

/** Scales each condition's age curve so the expected prevalence over the age pyramid meets its target. */
export function calibrateConditions(parameters: BoroughParameters): Record<LongTermCondition, (age: number) => number> {
  const totalWeight = parameters.ageBands.reduce((a, b) => a + b.weight, 0);
  const calibrated = {} as Record<LongTermCondition, (age: number) => number>;
  for (const condition of LONG_TERM_CONDITIONS) {
    const model = parameters.conditions[condition];
    const expected = (k: number) => {
      let sum = 0;
      for (const band of parameters.ageBands) {
        const years = band.to - band.from + 1;
        for (let age = band.from; age <= band.to; age++) sum += (band.weight / years) * Math.min(0.95, k * riskAt(model, age));
      }
      return sum / totalWeight;
    };
    let lo = 0;
    let hi = 10;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (expected(mid) < model.prevalence) lo = mid;
      else hi = mid;
    }
    const k = (lo + hi) / 2;
    calibrated[condition] = (age) => Math.min(0.95, k * riskAt(model, age));
  }
  return calibrated;
}

export interface PatientGenerator {
  /** Patients of one practice, in id order. */
  forPractice(practiceIndex: number): Generator<Patient>;
  summary: PatientSummary;
}

export function createPatientGenerator(parameters: BoroughParameters, structure: BoroughStructure, seed: number, anchorDate: string): PatientGenerator {
  const summary = createPatientSummary(parameters.totalPatients);
  const nhsNumbers = syntheticNhsNumbers(parameters.totalPatients);
  const conditionRisk = calibrateConditions(parameters);
  const ethnicityWeights = ETHNICITIES.map((e) => parameters.ethnicity[e.code]);
  const ageWeights = parameters.ageBands.map((b) => b.weight);
  const staffIndex = new Map(structure.staff.map((s, i) => [s.id, i]));
  const firstId: number[] = [];
  let next = 1;
  for (const practice of structure.practices) {
    firstId.push(next);
    next += practice.listSize;
  }

  function* forPractice(practiceIndex: number): Generator<Patient> {
    const practice = structure.practices[practiceIndex]!;
    const random = createRandom(seed, `patients:${practice.id}`);
    const gps = structure.staff.filter((s) => s.practiceId === practice.id && s.role === 'gp');
    let previous: Patient | null = null;
    for (let n = 0; n < practice.listSize; n++) {
      const id = firstId[practiceIndex]! + n;
      const patient = generatePatient(random, id, practice);
      // A few probable duplicates (same name and birth date, another NHS number): a real data-quality problem.
      if (previous && random.chance(0.0005)) {
        patient.givenName = previous.givenName;
        patient.familyName = previous.familyName;
        patient.dateOfBirth = previous.dateOfBirth;
        patient.sex = previous.sex;
      }
      patient.usualClinicianId = gps.length ? random.pick(gps).id : null;
      const i = id - 1;
      summary.age[i] = Math.min(255, ageOn(patient.dateOfBirth, anchorDate));
      summary.conditionCount[i] = patient.longTermConditions.length;
      summary.frailtyDeficitCount[i] = patient.frailtyDeficits.length;
      summary.housebound[i] = patient.housebound ? 1 : 0;
      summary.optedOutOfSharing[i] = patient.optedOutOfSharing ? 1 : 0;
      summary.practiceIndex[i] = practiceIndex;
      summary.usualClinicianIndex[i] = patient.usualClinicianId ? staffIndex.get(patient.usualClinicianId)! : -1;
      previous = patient;
      yield patient;
    }
  }

  function generatePatient(random: Random, id: number, practice: Practice): Patient {
    const band = parameters.ageBands[random.weightedIndex(ageWeights)]!;
    const age = random.int(band.from, band.to);
    const dateOfBirth = addDays(anchorDate, -(age * 365 + random.int(0, 364) + Math.floor(age / 4)));
    const sex = random.chance(parameters.femaleShare) ? 'female' : 'male';
    const ethnicity = ETHNICITIES[random.weightedIndex(ethnicityWeights)]!.code;
    const recordedEthnicity = random.chance(parameters.ethnicityMissing) ? null : ethnicity;
    const language = mainLanguage(random, ethnicity);
    const names = nameSetFor(ethnicity);
    const homeDistrict = random.chance(0.85) ? practice.district : DISTRICTS[random.pick(Object.keys(DISTRICTS))]!;
    const home = pointNear(random, homeDistrict.lat, homeDistrict.lon, 0.7);
    const noPostcode = random.chance(parameters.postcodeMissing);
    const conditions = LONG_TERM_CONDITIONS.filter((c) => random.chance(conditionRisk[c](age)));
    const housebound = random.chance(age >= 75 ? parameters.flags.housebound75Plus : parameters.flags.houseboundUnder75);
    const deficits = age >= 65 ? frailtyDeficits(random, age, conditions, housebound) : [];
    const interpreterNeeded = language !== null && language !== 'en' && random.chance(INTERPRETER_NEED);
    const givenName = random.pick(sex === 'female' ? names.female : names.male);
    const familyName = random.pick(names.family);
    return {
      id, nhsNumber: '', practiceId: practice.id, givenName, familyName, dateOfBirth, sex,
      postcode: noPostcode ? null : randomPostcode(random, homeDistrict), lat: home.lat, lon: home.lon,
      ethnicityCode: recordedEthnicity,
      mainLanguage: random.chance(parameters.languageMissing) ? null : language,
      interpreterNeeded,
      deprivationDecile: random.chance(homeDistrict.affluentShare) ? random.int(5, 10) : random.weightedIndex(parameters.deprivationDeciles) + 1,
      longTermConditions: conditions, frailtyDeficits: deficits,
      homeless: random.chance(parameters.flags.homeless), housebound,
      carer: age >= 16 && random.chance(parameters.flags.carer),
      learningDisability: random.chance(parameters.flags.learningDisability),
      digitalPreference: digitalPreference(random, age, interpreterNeeded),
      usualClinicianId: null,
      registeredOn: addDays(anchorDate, -random.int(30, Math.max(31, Math.min(age, 20) * 365))),
      optedOutOfSharing: random.chance(parameters.optOutOfSharing),
      nationalDataOptOut: random.chance(parameters.nationalDataOptOut),
      phone: random.chance(0.92) ? `07700 900${String(random.int(0, 999)).padStart(3, '0')}` : null,
      email: age >= 16 && random.chance(0.6) ? `${givenName}.${familyName}.${id}@example.com`.toLowerCase() : null,
    };
  }

  return {
    summary,
    *forPractice(practiceIndex) {
      for (const patient of forPractice(practiceIndex)) {
        patient.nhsNumber = nhsNumbers[patient.id - 1]!;
        yield patient;
      }
    },
  };
}

function mainLanguage(random: Random, ethnicity: EthnicityCode): string {
  const mix = LANGUAGE_BY_ETHNICITY[ethnicity] ?? [];
  let r = random.next();
  for (const [language, share] of mix) {
    if (r < share) return language;
    r -= share;
  }
  return 'en';
}

function frailtyDeficits(random: Random, age: number, conditions: LongTermCondition[], housebound: boolean): FrailtyDeficit[] {
  const deficits = new Set<FrailtyDeficit>();
  for (const c of conditions) {
    const d = LTC_TO_DEFICIT[c];
    if (d) deficits.add(d);
  }
  if (housebound) deficits.add('housebound');
  const extra = random.poisson(1.2 + 0.09 * (age - 65) + (housebound ? 3 : 0));
  for (let i = 0; i < extra; i++) deficits.add(random.pick(FRAILTY_DEFICITS));
  return [...deficits];
}

function digitalPreference(random: Random, age: number, interpreterNeeded: boolean): DigitalPreference {
  const weights = age >= 65 ? [25, 45, 20, 10] : [60, 25, 10, 5];
  if (interpreterNeeded) weights[3]! += 15;
  return (['online', 'phone', 'in_person', 'assisted'] as const)[random.weightedIndex(weights)]!;
}

export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// What triage and the care lanes need to know about the patient from their record: long-term conditions,
// frailty (electronic Frailty Index, moderate or severe), serious mental illness and a usual clinician.
import { electronicFrailtyIndex } from '../../insights/domain/efi.ts';
import type { FrailtyDeficit } from '../../shared/domain/vocabulary.ts';
import type { PatientContext } from '../../triage/domain/triage-types.ts';
import { ageOn } from './submission-rules.ts';

export interface PatientRecord {
  id: number;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  practiceId: string;
  dateOfBirth: string;
  sex: string;
  longTermConditions: string[];
  frailtyDeficits: string[];
  usualClinicianId: string | null;
  mainLanguage: string | null;
  interpreterNeeded: boolean;
  housebound: boolean;
  learningDisability: boolean;
  carer: boolean;
  homeless: boolean;
}

export function isFrail(record: Pick<PatientRecord, 'dateOfBirth' | 'frailtyDeficits'>, now: Date): boolean {
  const efi = electronicFrailtyIndex(record.frailtyDeficits as FrailtyDeficit[], ageOn(record.dateOfBirth, now));
  return efi !== null && (efi.category === 'moderate' || efi.category === 'severe');
}

export function patientContext(record: PatientRecord, now: Date): PatientContext {
  return {
    longTermConditions: record.longTermConditions.filter((c) => c !== 'severe_mental_illness'),
    // Housebound people need the home-visit mode whatever their eFI says.
    frail: isFrail(record, now) || record.housebound,
    severeMentalIllness: record.longTermConditions.includes('severe_mental_illness'),
    hasUsualClinician: record.usualClinicianId !== null,
  };
}

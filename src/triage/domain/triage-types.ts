// The triage domain's data shapes. Rules are data (see ./rules/), the engine is a pure function over them.
import type { AppointmentMode, CareService, Disposition, Sex } from '../../shared/domain/vocabulary.ts';

export type Answer = 'yes' | 'no' | 'unsure';
export type NeedKind = 'medical' | 'admin' | 'social';

export interface PatientContext {
  longTermConditions?: string[];
  frail?: boolean;
  severeMentalIllness?: boolean;
  hasUsualClinician?: boolean;
}

export interface TriageInput {
  /** Years; fractions for infants (8 weeks ≈ 0.15). */
  age: number;
  sex: Sex;
  text: string;
  answers?: Record<string, Answer>;
  context?: PatientContext;
}

export interface TriageReason {
  ruleId: string;
  summary: string;
  /** The exact words of the request that triggered the rule (or the question answered). */
  quote: string;
}

export interface SafetyQuestion {
  id: string;
  text: string;
  why: string;
}

export interface TimeWindow {
  label: string;
  withinHours: number;
}

export interface TriageOutcome {
  disposition: Disposition;
  service: CareService;
  timeWindow: TimeWindow;
  modes: AppointmentMode[];
  reasons: TriageReason[];
  safetyNetting: string[];
  nextQuestion: SafetyQuestion | null;
  needKind: NeedKind;
  rulesVersion: string;
}

/** Measurements read from the text (vital signs, durations), each with the words it came from. */
export const FINDING_IDS = [
  'fever', // ≥ 38 °C
  'high_fever', // ≥ 39 °C
  'hypothermia', // < 36 °C
  'tachycardia', // above the age band's upper limit of normal
  'severe_tachycardia', // NICE NG51 high-risk band
  'tachypnoea',
  'severe_tachypnoea',
  'hypoxia', // SpO2 < 92 %
  'low_oxygen', // SpO2 92–94 %
  'hypotension', // systolic ≤ 90
  'severe_hypertension', // ≥ 180 systolic or ≥ 120 diastolic
  'news2_high', // adults: NEWS2 ≥ 5 from the observations stated, or 3 in any one
  'duration_5_days', // symptoms for 5 days or more
  'duration_3_weeks', // symptoms for 3 weeks or more
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export interface Finding {
  id: FindingId;
  quote: string;
}

/** Something to look for: any pattern (regex source, case-insensitive) or any finding. */
export interface Signal {
  readonly patterns?: readonly string[];
  readonly findings?: readonly FindingId[];
}

/** Ages in years: minAge inclusive, belowAge exclusive (so "16–64" is { minAge: 16, belowAge: 65 }). */
export interface Population {
  readonly minAge?: number;
  readonly belowAge?: number;
  readonly sex?: Sex;
}

export interface TriageRule {
  readonly id: string;
  /** The rule fires when this matches an asserted statement about the patient. */
  readonly when: Signal;
  /** Every one of these must also match (anywhere asserted in the text). */
  readonly also?: readonly Signal[];
  /** Any match here stops the rule (a different rule covers that case). */
  readonly unless?: Signal;
  /** Patient must be inside this population. */
  readonly who?: Population;
  /** Patient must be outside this population (the complement of a pathway's criteria). */
  readonly notWho?: Population;
  /** Count matches framed as hypothetical or feared ("I'm scared I might hurt myself"). */
  readonly countHypothetical?: boolean;
  readonly disposition: Disposition;
  readonly service: CareService;
  readonly needKind: NeedKind;
  /** Questions worth asking when this rule fires (ids in SAFETY_QUESTIONS). */
  readonly asks?: readonly string[];
  /** Weak evidence (a long-term condition mentioned in passing): loses ties against any other rule. */
  readonly supporting?: boolean;
  /** An ongoing or complex problem, better seen by the patient's own clinician (continuity lane). */
  readonly continuity?: boolean;
  /** Self-care rules: beyond this many days the problem needs a clinician after all. */
  readonly selfCareUpToDays?: number;
  readonly rationale: string;
  readonly source: string;
}

export interface SafetyQuestionRule extends SafetyQuestion {
  /** Where a 'yes' or 'unsure' answer takes the request. */
  readonly escalateTo: Disposition;
  readonly service: CareService;
}

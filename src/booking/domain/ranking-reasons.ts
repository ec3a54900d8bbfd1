// Why an option is offered, as structured codes (for the UI and for audit) with plain-English text.
import { LANGUAGES } from '../../shared/domain/vocabulary.ts';
import type { AppointmentMode, LanguageCode } from '../../shared/domain/vocabulary.ts';
import type { CandidateSlot, RankingClinician, RankingSite } from './slot-index.ts';
import type { TimeOfDay } from './slot-search.ts';
import type { TravelMode } from './travel.ts';
import { describeTravel } from './travel.ts';

export const REASON_CODES = [
  'earliest',
  'usual_clinician',
  'speaks_language',
  'preferred_mode',
  'preferred_time',
  'at_hub',
  'own_practice',
  'travel',
  'no_travel',
  'step_free',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface RankingReason {
  code: ReasonCode;
  text: string;
}

export interface ReasonFacts {
  slot: CandidateSlot;
  site: RankingSite;
  clinician: RankingClinician;
  timeOfDay: TimeOfDay;
  isEarliest: boolean;
  isUsualClinician: boolean;
  isOwnPractice: boolean;
  travelMinutes: number | null; // null for remote modes or unknown
  travelMode: TravelMode;
  preferredMode: AppointmentMode | null;
  preferredTimeOfDay: TimeOfDay | null;
  language: LanguageCode | null;
  stepFreeRequired: boolean;
}

const MODE_PHRASES = {
  in_person: 'In person',
  telephone: 'Telephone call',
  video: 'Video call',
  home_visit: 'Home visit',
} as const satisfies Record<AppointmentMode, string>;

const TIME_PHRASES = { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' } as const satisfies Record<TimeOfDay, string>;

/** Reasons in the order a person would want to hear them. */
export function reasonsFor(facts: ReasonFacts): RankingReason[] {
  const { slot, site, clinician } = facts;
  const reasons: RankingReason[] = [];
  const travelling = slot.mode === 'in_person';
  if (facts.isEarliest) reasons.push({ code: 'earliest', text: 'Earliest available' });
  if (facts.isUsualClinician) reasons.push({ code: 'usual_clinician', text: `With ${clinician.displayName} who knows you` });
  if (facts.language !== null && clinician.languages.includes(facts.language)) {
    reasons.push({ code: 'speaks_language', text: `Speaks ${languageName(facts.language)}` });
  }
  if (facts.preferredMode === slot.mode) reasons.push({ code: 'preferred_mode', text: `${MODE_PHRASES[slot.mode]}, as you prefer` });
  if (site.kind === 'hub') {
    const where = travelling ? `at the ${site.name}` : `with the ${site.name}`;
    reasons.push({ code: 'at_hub', text: `${TIME_PHRASES[facts.timeOfDay]} ${where}` });
  }
  if (facts.preferredTimeOfDay === facts.timeOfDay) {
    reasons.push({ code: 'preferred_time', text: `${TIME_PHRASES[facts.timeOfDay]}, as you prefer` });
  }
  if (facts.isOwnPractice) reasons.push({ code: 'own_practice', text: `At your practice, ${site.name}` });
  if (travelling && facts.travelMinutes !== null) {
    reasons.push({ code: 'travel', text: describeTravel(facts.travelMinutes, facts.travelMode) });
  }
  if (!travelling) reasons.push({ code: 'no_travel', text: 'No travel needed' });
  if (travelling && facts.stepFreeRequired && site.stepFree) reasons.push({ code: 'step_free', text: 'Step-free access' });
  return reasons;
}

function languageName(code: LanguageCode): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

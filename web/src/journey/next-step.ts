// Where the journey goes once the safety questions are done: a pure decision over the triage outcome.
import type { CareService, TriageOutcome } from '../api/types.ts';

export type OutcomePage = '/request/emergency' | '/request/advice' | '/request/outcome';

export function pageForOutcome(outcome: Pick<TriageOutcome, 'disposition' | 'service'>): OutcomePage {
  if (outcome.disposition === 'emergency') return '/request/emergency';
  if (outcome.disposition === 'self_care' || outcome.service === 'community_pharmacy' || outcome.service === 'self_care') return '/request/advice';
  return '/request/outcome';
}

const BOOKABLE = ['same_day_clinician', 'own_clinician', 'first_available', 'hub'] as const satisfies readonly CareService[];

/** Services a patient can book straight away (a practice or hub clinician). */
export function isBookable(service: CareService): boolean {
  return (BOOKABLE as readonly CareService[]).includes(service);
}

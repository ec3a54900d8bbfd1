// Continuity versus convenience: people with long-term conditions, frailty, serious mental illness or an
// ongoing problem do better with the clinician who knows them; a well person with a new minor problem is
// usually best served by the first available. Either way the other lane stays on offer.
import type { Disposition } from '../../shared/domain/vocabulary.ts';
import type { PatientContext } from './triage-types.ts';

export type CareLaneChoice = 'own_clinician' | 'first_available';

export interface CareLane {
  first: CareLaneChoice;
  /** Always offered too: the patient may prefer speed, or continuity. */
  alternative: CareLaneChoice;
  reasons: string[];
}

export interface LaneRequest {
  disposition: Exclude<Disposition, 'emergency'>;
  /** An ongoing, recurring or complex problem rather than a new one. */
  ongoingProblem: boolean;
}

function continuityReasons(request: LaneRequest, context: PatientContext): string[] {
  const reasons: string[] = [];
  const conditions = context.longTermConditions ?? [];
  if (conditions.length > 0)
    reasons.push(`long-term condition${conditions.length > 1 ? 's' : ''}: ${conditions.join(', ')}`);
  if (context.frail) reasons.push('frailty');
  if (context.severeMentalIllness) reasons.push('serious mental illness');
  if (request.ongoingProblem) reasons.push('ongoing or complex problem');
  return reasons;
}

export function chooseCareLane(request: LaneRequest, context: PatientContext = {}): CareLane {
  if ((request.disposition as Disposition) === 'emergency') {
    throw new RangeError('chooseCareLane: emergencies go to 999, not to a care lane');
  }
  const reasons = continuityReasons(request, context);
  if (reasons.length > 0) {
    if (context.hasUsualClinician === false) reasons.push('no usual clinician yet: book with the named accountable GP');
    return { first: 'own_clinician', alternative: 'first_available', reasons };
  }
  return {
    first: 'first_available',
    alternative: 'own_clinician',
    reasons: ['generally well with a new problem: the first available clinician is quickest'],
  };
}

// Who is submitting a request and for whom, and the checks the JSON schema cannot make: a patient writes
// for themselves or (as a registered proxy) for someone else; a navigator enters a phone or desk request
// for a patient. Each problem names the field and the reason, and nothing is stored.
import type { Role } from '../../trust/domain/actor.ts';
import type { Answer } from '../../triage/domain/triage-types.ts';

export type SubmittedFor = 'self' | 'someone_else';
export type Channel = 'online' | 'phone' | 'desk' | 'nhs111';
export type SubmittedBy = 'patient' | 'proxy' | 'navigator';

export interface Problem {
  field: string;
  reason: string;
}

export interface WhoInput {
  role: Role;
  actorPatientId: number | null;
  patientId: number | undefined;
  submittedFor: SubmittedFor;
  relationship: string | undefined;
  channel: Channel | undefined;
}

export interface Who {
  patientId: number;
  submittedBy: SubmittedBy;
  channel: Channel;
  /** The relationship of whoever wrote or called for the patient, when not the patient. */
  relationship: string | null;
}

const STAFF_CHANNELS: readonly Channel[] = ['phone', 'desk', 'nhs111'];

function patientWho(input: WhoInput): Who | Problem {
  if (input.channel && input.channel !== 'online') return { field: 'channel', reason: 'requests from the patient app are online requests' };
  if (input.actorPatientId === null) return { field: 'patientId', reason: 'your sign-in does not name a patient record' };
  if (input.submittedFor === 'self') {
    if (input.patientId !== undefined && input.patientId !== input.actorPatientId) {
      return { field: 'patientId', reason: 'for someone else, set submittedFor to someone_else' };
    }
    return { patientId: input.actorPatientId, submittedBy: 'patient', channel: 'online', relationship: null };
  }
  if (input.patientId === undefined) return { field: 'patientId', reason: 'say who the request is for' };
  if (input.patientId === input.actorPatientId) return { field: 'submittedFor', reason: 'this is your own record: set submittedFor to self' };
  return { patientId: input.patientId, submittedBy: 'proxy', channel: 'online', relationship: input.relationship?.trim() || null };
}

/** Resolves who the request is for and how it came in, or the problem with the input. */
export function resolveWho(input: WhoInput): Who | Problem {
  if (input.role === 'patient') return patientWho(input);
  if (input.role === 'commissioner') return { field: 'patientId', reason: 'commissioners do not submit requests for patients' };
  if (input.patientId === undefined) return { field: 'patientId', reason: 'a navigator must name the patient the request is for' };
  const channel = input.channel ?? 'phone';
  if (!STAFF_CHANNELS.includes(channel)) return { field: 'channel', reason: `a navigator enters ${STAFF_CHANNELS.join(', ')} requests` };
  const relationship = input.relationship?.trim() || null;
  if (input.submittedFor === 'someone_else' && !relationship) {
    return { field: 'relationship', reason: 'say how the caller is related to the patient' };
  }
  return { patientId: input.patientId, submittedBy: 'navigator', channel, relationship: input.submittedFor === 'self' ? null : relationship };
}

export const isProblem = (value: object): value is Problem => 'field' in value && 'reason' in value;

/** Age in whole and fractional years on `now`'s date. */
export function ageOn(dateOfBirth: string, now: Date): number {
  const born = Date.parse(`${dateOfBirth}T00:00:00Z`);
  return (now.getTime() - born) / (365.2425 * 86_400_000);
}

// A typo in age moves infant-fever and Pharmacy First thresholds, so a form that disagrees with the record is refused.
export const AGE_TOLERANCE_YEARS = 1;

export function checkAge(ageYears: number, dateOfBirth: string, now: Date): Problem | null {
  const recorded = ageOn(dateOfBirth, now);
  if (Math.abs(recorded - ageYears) <= AGE_TOLERANCE_YEARS) return null;
  return { field: 'ageYears', reason: `${ageYears} does not match the patient's record (${Math.floor(recorded)} years old); check the patient and the age` };
}

export function checkAnswers(answers: Record<string, Answer> | undefined, questionIds: ReadonlySet<string>): Problem | null {
  for (const id of Object.keys(answers ?? {})) {
    if (!questionIds.has(id)) return { field: `answers.${id}`, reason: 'not a safety question the triage asks' };
  }
  return null;
}

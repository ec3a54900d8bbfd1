// The request a patient is putting together, page by page.
import { createStoredState } from '../shared/stored-state.ts';
import type { Answer, Sex, SubmittedRequest, TriageOutcome } from '../api/types.ts';

export interface AskedQuestion {
  id: string;
  text: string;
}

export interface JourneyDraft {
  submittedFor: 'self' | 'someone_else' | null;
  relationship: string;
  age: string;
  /** For a baby under 1. */
  months: string;
  sex: Sex | null;
  description: string;
  duration: string;
  answers: Record<string, Answer>;
  asked: AskedQuestion[];
  /** The outcome once every relevant safety question is answered. */
  outcome: TriageOutcome | null;
  submitted: SubmittedRequest | null;
}

export const EMPTY_DRAFT: JourneyDraft = {
  submittedFor: null, relationship: '', age: '', months: '', sex: null, description: '', duration: '',
  answers: {}, asked: [], outcome: null, submitted: null,
};

export const journeyDraft = createStoredState<JourneyDraft>('hamlet.journey', EMPTY_DRAFT);
export const useDraft = journeyDraft.useStoredState;

/** Whole years from what the patient typed; null when it is not a sensible age. */
export function parseAge(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const age = Number(trimmed);
  return age <= 120 ? age : null;
}

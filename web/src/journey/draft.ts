// The request a patient is putting together, page by page.
import { createStoredState } from '../shared/stored-state.ts';
import type { Answer, Sex, SubmittedRequest, TriageOutcome } from '../api/types.ts';

export interface AskedQuestion {
  id: string;
  text: string;
}

export interface JourneyDraft {
  submittedFor: 'self' | 'someone_else' | null;
  /** The patient the request is about: the signed-in patient, or someone they are linked to (proxy). */
  subjectId: number | null;
  subjectName: string;
  /** From the patient's record (the server checks the age against it). */
  ageYears: number | null;
  sex: Sex | null;
  description: string;
  answers: Record<string, Answer>;
  asked: AskedQuestion[];
  /** The outcome once every relevant safety question is answered. */
  outcome: TriageOutcome | null;
  submitted: SubmittedRequest | null;
}

export const EMPTY_DRAFT: JourneyDraft = {
  submittedFor: null, subjectId: null, subjectName: '', ageYears: null, sex: null, description: '',
  answers: {}, asked: [], outcome: null, submitted: null,
};

export const journeyDraft = createStoredState<JourneyDraft>('hamlet.journey', EMPTY_DRAFT);
export const useDraft = journeyDraft.useStoredState;

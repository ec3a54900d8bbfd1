// Sends the finished request to the practice once the patient is signed in. A request is sent once per
// draft: the draft remembers the answer, and a module-level promise stops a double send.
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { SubmittedRequest } from '../api/types.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { journeyDraft, useDraft } from './draft.ts';
import { submitRequest } from './triage-api.ts';

export type SubmissionState =
  | { kind: 'signed_out' }
  | { kind: 'sending' }
  | { kind: 'sent'; request: SubmittedRequest }
  | { kind: 'failed'; retry(): void };

let inFlight: Promise<SubmittedRequest> | null = null;

export function useSubmission(): SubmissionState {
  const { session } = useSession();
  const { language } = useLanguage();
  const [draft] = useDraft();
  const [failedAttempt, setFailedAttempt] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const patientId = session?.actor?.role === 'patient' ? session.actor.patientId : null;
  const canSend = session?.signedIn === true && patientId !== null && draft.outcome !== null && draft.submitted === null;

  useEffect(() => {
    if (!canSend) return;
    inFlight ??= submitRequest(journeyDraft.get(), language.code);
    inFlight.then((request) => {
      journeyDraft.update({ submitted: request });
    }, (error: unknown) => {
      if (error instanceof ApiError) setFailedAttempt(attempt);
    }).finally(() => {
      inFlight = null;
    });
  }, [canSend, patientId, language.code, attempt]);

  if (draft.submitted) return { kind: 'sent', request: draft.submitted };
  if (!session) return { kind: 'sending' };
  if (!session.signedIn || patientId === null) return { kind: 'signed_out' };
  if (failedAttempt === attempt) return { kind: 'failed', retry: () => setAttempt((n) => n + 1) };
  return { kind: 'sending' };
}

// The front door's two calls: an adaptive preview (nothing stored) and the request itself.
import { api } from '../api/client.ts';
import type { SubmittedRequest, TriagePreview } from '../api/types.ts';
import type { JourneyDraft } from './draft.ts';

export function previewTriage(draft: JourneyDraft, signal?: AbortSignal): Promise<TriagePreview> {
  return api<TriagePreview>('/api/requests/triage-preview', {
    body: { ageYears: draft.ageYears ?? 0, sex: draft.sex ?? 'female', description: draft.description.trim(), answers: draft.answers },
    signal,
  });
}

export function submitRequest(draft: JourneyDraft, language: string): Promise<SubmittedRequest> {
  return api<SubmittedRequest>('/api/requests', {
    body: {
      ...(draft.subjectId !== null ? { patientId: draft.subjectId } : {}),
      submittedFor: draft.submittedFor ?? 'self',
      channel: 'online',
      ageYears: draft.ageYears ?? 0,
      sex: draft.sex ?? 'female',
      description: draft.description.trim(),
      answers: draft.answers,
      language,
    },
  });
}

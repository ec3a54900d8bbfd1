// The front door's two calls: an adaptive preview (nothing stored) and the request itself.
import { api } from '../api/client.ts';
import type { SubmittedRequest, TriagePreview } from '../api/types.ts';
import { parseAge, type JourneyDraft } from './draft.ts';

export function ageInYears(draft: Pick<JourneyDraft, 'age' | 'months'>): number {
  const years = parseAge(draft.age) ?? 0;
  if (years > 0) return years;
  const months = Number(draft.months || '0');
  return Math.round((months / 12) * 100) / 100;
}

export function previewTriage(draft: JourneyDraft, signal?: AbortSignal): Promise<TriagePreview> {
  return api<TriagePreview>('/api/requests/triage-preview', {
    body: { ageYears: ageInYears(draft), sex: draft.sex ?? 'female', description: draft.description.trim(), answers: draft.answers },
    signal,
  });
}

export function submitRequest(draft: JourneyDraft, patientId: number | null, language: string): Promise<SubmittedRequest> {
  return api<SubmittedRequest>('/api/requests', {
    body: {
      ...(patientId !== null ? { patientId } : {}),
      submittedFor: draft.submittedFor ?? 'self',
      ...(draft.submittedFor === 'someone_else' && draft.relationship.trim() ? { relationship: draft.relationship.trim() } : {}),
      ageYears: ageInYears(draft),
      sex: draft.sex ?? 'female',
      description: draft.description.trim(),
      answers: draft.answers,
      language,
    },
  });
}

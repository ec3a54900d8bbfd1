// What staff can do with a request: change its outcome (with a reason), reply, and book for the patient.
import { useState, type FormEvent } from 'react';
import { Button, ErrorSummary } from '../components/content.tsx';
import { Select, Textarea, type FieldError } from '../components/forms.tsx';
import { ApiError, api } from '../api/client.ts';
import type { CareService, Disposition } from '../api/types.ts';
import { useStaffText } from './text.ts';
import type { StaffRequest } from './staff-types.ts';

const DISPOSITIONS: Disposition[] = ['emergency', 'urgent', 'routine', 'self_care'];
const SERVICES: CareService[] = ['emergency_999', 'mental_health_crisis', 'same_day_clinician', 'own_clinician', 'first_available', 'hub',
  'community_pharmacy', 'self_care', 'social_prescribing', 'admin_team'];

function useAction(onDone: (request: StaffRequest) => void) {
  const t = useStaffText();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (path: string, body: unknown) => {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await api<StaffRequest>(path, { body }));
      return true;
    } catch (error) {
      setProblem(t('request.failed', { message: error instanceof ApiError ? error.message : String(error) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, run };
}

export function OverrideForm({ request, onDone }: { request: StaffRequest; onDone(request: StaffRequest): void }) {
  const t = useStaffText();
  const [disposition, setDisposition] = useState<string>(request.outcome.disposition);
  const [service, setService] = useState<string>(request.outcome.service);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const action = useAction(onDone);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found = reason.trim() ? [] : [{ field: 'override-reason', message: t('request.overrideError') }];
    setErrors(found);
    if (found.length) return;
    if (await action.run(`/api/requests/${request.id}/override`, { disposition, service, reason: reason.trim() })) {
      setReason('');
      setDone(true);
    }
  };
  const allErrors = [...errors, ...(action.problem ? [{ field: 'override-disposition', message: action.problem }] : [])];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('request.override')}</h2>
      <ErrorSummary errors={allErrors} />
      {done && <p role="status">{t('request.overrideDone')}</p>}
      <Select id="override-disposition" label={t('request.overrideDisposition')} value={disposition} onChange={setDisposition}
        options={DISPOSITIONS.map((value) => ({ value, label: t(`disposition.${value}`) }))} />
      <Select id="override-service" label={t('request.overrideService')} value={service} onChange={setService}
        options={SERVICES.map((value) => ({ value, label: t(`service.${value}`) }))} />
      <Textarea id="override-reason" label={t('request.overrideReason')} hint={t('request.overrideReasonHint')} value={reason} onChange={setReason}
        error={errors[0]?.message} rows={3} />
      <Button variant="secondary" disabled={action.busy}>{t('request.overrideSave')}</Button>
    </form>
  );
}

export function ReplyForm({ request, onDone }: { request: StaffRequest; onDone(request: StaffRequest): void }) {
  const t = useStaffText();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const action = useAction(onDone);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found = body.trim() ? [] : [{ field: 'reply', message: t('request.replyError') }];
    setErrors(found);
    if (found.length) return;
    if (await action.run(`/api/requests/${request.id}/messages`, { body: body.trim() })) {
      setBody('');
      setDone(true);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('request.reply')}</h2>
      <ErrorSummary errors={[...errors, ...(action.problem ? [{ field: 'reply', message: action.problem }] : [])]} />
      {done && <p role="status">{t('request.replyDone')}</p>}
      <Textarea id="reply" label={t('request.replyLabel')} value={body} onChange={setBody} error={errors[0]?.message} rows={4} />
      <Button variant="secondary" disabled={action.busy}>{t('request.replySend')}</Button>
    </form>
  );
}

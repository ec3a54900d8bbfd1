import { useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary, Loading } from '../components/content.tsx';
import { Radios } from '../components/forms.tsx';
import { Link, navigate } from '../router/router.tsx';
import { api } from '../api/client.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { AppointmentSummary } from './AppointmentSummary.tsx';
import { useBookingText, type BookingKey } from './text.ts';
import { usePatientId } from './use-patient.ts';
import { useAppointment } from './use-appointment.ts';

const REASONS = [
  ['better', 'cancel.better', 'Patient feels better'],
  ['cant_make', 'cancel.cantMake', 'Patient cannot make the time'],
  ['mistake', 'cancel.mistake', 'Booked by mistake'],
  ['other', 'cancel.other', 'Other reason'],
] as const satisfies readonly (readonly [string, BookingKey, string])[];

export function CancelPage({ params }: { params: Record<string, string> }) {
  const t = useBookingText();
  const app = useAppText();
  const id = params.id ?? '';
  const patientId = usePatientId();
  const [loaded] = useAppointment(id, Boolean(patientId));
  const [reason, setReason] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  usePageTitle(t('cancel.title'), failed);
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo={`/appointments/${id}/cancel`} />;
  if (loaded.kind === 'loading') return <Loading />;
  if (loaded.kind === 'failed') return <><h1>{t('cancel.title')}</h1><p>{t('appointment.notFound')}</p></>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    // The practice sees the reason in English (its working language); the patient chose it in theirs.
    const text = REASONS.find(([value]) => value === reason)?.[2] ?? 'Cancelled by the patient online';
    try {
      await api(`/api/appointments/${encodeURIComponent(id)}/cancel`, { body: { reason: text } });
      navigate(`/appointments/${encodeURIComponent(id)}?cancelled=1`, { replace: true });
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <>
      <BackLink to={`/appointments/${encodeURIComponent(id)}`} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {failed && <ErrorSummary errors={[{ field: 'cancel', message: t('cancel.failed') }]} />}
          <h1>{t('cancel.title')}</h1>
          <AppointmentSummary appointment={loaded.value} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Radios name="reason" legend={`${t('cancel.reason')} ${app('common.optional')}`} legendSize="m" hint={t('cancel.reasonHint')} value={reason} onChange={setReason}
              options={REASONS.map(([value, key]) => ({ value, label: t(key) }))} />
            <Button id="cancel" variant="warning" disabled={busy}>{t('cancel.confirm')}</Button>
          </form>
          <p><Link to={`/appointments/${encodeURIComponent(id)}`}>{t('cancel.keep')}</Link></p>
        </div>
      </div>
    </>
  );
}

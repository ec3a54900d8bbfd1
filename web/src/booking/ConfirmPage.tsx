// Check, then book (or move) the chosen time. A taken slot is explained, with a way back to choose again.
import { useState } from 'react';
import { BackLink, Button, ButtonLink, ErrorSummary, Loading } from '../components/content.tsx';
import { navigate } from '../router/router.tsx';
import { ApiError, api } from '../api/client.ts';
import type { Appointment } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { AppointmentSummary } from './AppointmentSummary.tsx';
import { bookingState } from './booking-state.ts';
import { useBookingText } from './text.ts';
import { usePatientId } from './use-patient.ts';

export function ConfirmPage() {
  const t = useBookingText();
  const app = useAppText();
  const patientId = usePatientId();
  const [state] = bookingState.useStoredState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'taken' | 'failed' | null>(null);
  usePageTitle(t('confirm.title'), error !== null);
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo="/book/confirm" />;
  const option = state.option;
  const back = state.rebookOf ? `/appointments/${state.rebookOf}/change` : '/book';
  if (!option) {
    return (
      <>
        <h1>{t('confirm.title')}</h1>
        <p>{t('confirm.nothing')}</p>
        <ButtonLink to={back}>{t('confirm.chooseAnother')}</ButtonLink>
      </>
    );
  }

  const book = async () => {
    setBusy(true);
    setError(null);
    try {
      const appointment = state.rebookOf
        ? await api<Appointment>(`/api/appointments/${encodeURIComponent(state.rebookOf)}/rebook`, { body: { slotId: option.slotId, reason: 'Changed by the patient online' } })
        : await api<Appointment>('/api/appointments', {
          body: { patientId: state.patientId ?? patientId, slotId: option.slotId, ...(state.requestId !== null ? { requestId: state.requestId } : {}) },
          headers: state.idempotencyKey ? { 'idempotency-key': state.idempotencyKey } : {},
        });
      bookingState.reset();
      navigate(`/appointments/${encodeURIComponent(appointment.id)}?${state.rebookOf ? 'changed' : 'booked'}=1`, { replace: true });
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && (caught.code === 'slot_taken' || caught.status === 409)) setError('taken');
      else setError('failed');
    }
  };

  return (
    <>
      <BackLink to={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {error && (
            <ErrorSummary errors={[{ field: 'book', message: error === 'taken' ? t('confirm.taken') : app('error.generic') }]} />
          )}
          <h1>{t('confirm.title')}</h1>
          <AppointmentSummary appointment={option} changeLink={back} />
          {error === 'taken' ? (
            <div id="book" tabIndex={-1}><ButtonLink to={back}>{t('confirm.chooseAnother')}</ButtonLink></div>
          ) : (
            <Button id="book" type="button" disabled={busy} aria-disabled={busy} onClick={() => void book()}>
              {busy ? t('confirm.booking') : state.rebookOf ? t('confirm.rebook') : t('confirm.book')}
            </Button>
          )}
        </div>
      </div>
    </>
  );
}

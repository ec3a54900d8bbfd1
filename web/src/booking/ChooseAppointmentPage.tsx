// Patient booking: the picker for a new appointment (/book) or for moving one (/appointments/:id/change).
import { useEffect, useState } from 'react';
import { BackLink, Loading } from '../components/content.tsx';
import { navigate } from '../router/router.tsx';
import { api, newIdempotencyKey } from '../api/client.ts';
import type { Appointment, BookingOption } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { useDraft } from '../journey/draft.ts';
import { AppointmentPicker } from './AppointmentPicker.tsx';
import { bookingState } from './booking-state.ts';
import { useBookingText } from './text.ts';
import { usePatientId } from './use-patient.ts';

export function ChooseAppointmentPage() {
  const t = useBookingText();
  const app = useAppText();
  const [draft] = useDraft();
  const patientId = usePatientId();
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(t('choose.title'), hasErrors);
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo="/book" />;
  const request = draft.submitted;
  const choose = (option: BookingOption) => {
    bookingState.update({ option, rebookOf: null, patientId, requestId: request?.id ?? null, idempotencyKey: newIdempotencyKey() });
    navigate('/book/confirm');
  };
  return (
    <>
      <BackLink to={request ? '/request/outcome' : '/'} />
      <h1>{t('choose.title')}</h1>
      <AppointmentPicker patientId={patientId} modes={request?.outcome.modes.length ? request.outcome.modes : undefined}
        initialLane={request?.lanes?.first} submitLabel={app('common.continue')} onChoose={choose} onErrorsChange={setHasErrors} />
    </>
  );
}

export function ChangeAppointmentPage({ params }: { params: Record<string, string> }) {
  const t = useBookingText();
  const app = useAppText();
  const id = params.id ?? '';
  const patientId = usePatientId();
  const [appointment, setAppointment] = useState<Appointment | null>(null);
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(t('choose.changeTitle'), hasErrors);
  useEffect(() => {
    if (patientId) api<Appointment>(`/api/appointments/${encodeURIComponent(id)}`).then(setAppointment, () => setAppointment(null));
  }, [id, patientId]);
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo={`/appointments/${id}/change`} />;
  if (!appointment) return <Loading />;
  const choose = (option: BookingOption) => {
    bookingState.update({ option, rebookOf: appointment.id, patientId: appointment.patientId, requestId: null, idempotencyKey: newIdempotencyKey() });
    navigate('/book/confirm');
  };
  return (
    <>
      <BackLink to={`/appointments/${id}`} />
      <h1>{t('choose.changeTitle')}</h1>
      <AppointmentPicker patientId={appointment.patientId} submitLabel={app('common.continue')} onChoose={choose} onErrorsChange={setHasErrors} />
    </>
  );
}

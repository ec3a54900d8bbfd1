// One request, for staff: the patient's words, the engine's reasons with quotes, and the actions.
import { useState } from 'react';
import { BackLink, ErrorSummary, Loading, SummaryList } from '../components/content.tsx';
import { ApiError, api } from '../api/client.ts';
import type { Appointment, BookingOption } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApi } from '../booking/use-appointment.ts';
import { AppointmentPicker } from '../booking/AppointmentPicker.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { UrgencyTag } from './UrgencyTag.tsx';
import { OverrideForm, ReplyForm } from './RequestActions.tsx';
import { staffKey, useStaffText } from './text.ts';
import type { StaffRequest } from './staff-types.ts';

function BookOnBehalf({ request, onBooked }: { request: StaffRequest; onBooked(request: StaffRequest, appointment: Appointment): void }) {
  const t = useStaffText();
  const [problem, setProblem] = useState<string | null>(null);
  if (request.patientId === null) return <p>{t('request.noPatient')}</p>;
  const book = async (option: BookingOption) => {
    setProblem(null);
    try {
      const result = await api<{ request: StaffRequest; appointment: Appointment }>(`/api/requests/${request.id}/book`, { body: { slotId: Number(option.slotId) } });
      onBooked(result.request, result.appointment);
    } catch (error) {
      setProblem(t('request.failed', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };
  return (
    <>
      <h2>{t('request.book')}</h2>
      {problem && <ErrorSummary errors={[{ field: 'slot', message: problem }]} />}
      <AppointmentPicker patientId={request.patientId} modes={request.outcome.modes.length ? request.outcome.modes : undefined}
        initialLane={request.lanes?.first} submitLabel={t('request.bookButton')} onChoose={(option) => void book(option)} />
    </>
  );
}

function RequestDetail({ initial }: { initial: StaffRequest }) {
  const t = useStaffText();
  const format = useFormat();
  const [request, setRequest] = useState(initial);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const patient = request.patient;
  usePageTitle(t('request.title', { patient: patient?.name ?? t('queue.unknownPatient') }));
  const service = staffKey(`service.${request.outcome.service}`);
  return (
    <>
      <BackLink to="/staff/queue" />
      <h1>{t('request.title', { patient: patient?.name ?? t('queue.unknownPatient') })}</h1>
      <SummaryList rows={[
        { key: t('request.outcome'), value: <><UrgencyTag disposition={request.outcome.disposition} /> {service ? t(service) : request.outcome.service}</> },
        { key: t('request.status'), value: request.statusText ?? request.status },
        { key: t('request.description'), value: request.description ?? '' },
        { key: t('request.reasons'), value: (
          <ul className="nhsuk-u-margin-bottom-0">
            {request.outcome.reasons.map((reason) => (
              <li key={reason.ruleId + reason.quote}>{reason.summary}{reason.quote && <><br /><span className="hamlet-quote">{t('request.quote', { quote: reason.quote })}</span></>}</li>
            ))}
          </ul>
        ) },
        ...(request.override ? [{ key: t('request.override'), value: t('request.overridden', { by: request.override.byName ?? request.override.by ?? '', reason: request.override.reason }) }] : []),
        ...(patient ? [
          { key: t('request.nhsNumber'), value: patient.nhsNumber },
          { key: t('request.age'), value: `${patient.ageYears}, ${patient.sex}` },
          { key: t('request.conditions'), value: patient.longTermConditions.join(', ') || '–' },
          { key: t('request.needs'), value: [patient.interpreterNeeded ? t('request.interpreter') : null, patient.housebound ? t('request.housebound') : null].filter(Boolean).join(', ') || '–' },
        ] : []),
      ]} />
      {booked && <p role="status" className="nhsuk-u-font-weight-bold">{t('request.booked', { when: format.dateTime(booked.start), clinician: booked.clinician?.name ?? '' })}</p>}
      {(request.messages ?? []).length > 0 && (
        <>
          <h2>{t('request.messages')}</h2>
          <ul className="nhsuk-list nhsuk-list--border">
            {(request.messages ?? []).map((message) => {
              const from = staffKey(`request.from.${message.from}`);
              return <li key={String(message.id)}><p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{from ? t(from) : message.from} · {format.dateTime(message.at)}</p><p>{message.body}</p></li>;
            })}
          </ul>
        </>
      )}
      {!booked && <BookOnBehalf request={request} onBooked={(next, appointment) => { setRequest(next); setBooked(appointment); }} />}
      <ReplyForm request={request} onDone={setRequest} />
      <OverrideForm request={request} onDone={setRequest} />
    </>
  );
}

export function StaffRequestPage({ params }: { params: Record<string, string> }) {
  const t = useStaffText();
  const id = params.id ?? '';
  const [loaded] = useApi<StaffRequest>(`/api/requests/${encodeURIComponent(id)}`);
  usePageTitle(t('request.back'));
  return (
    <StaffLayout>
      {() => loaded.kind === 'loading' ? <Loading /> : loaded.kind === 'failed'
        ? <><h1>{t('queue.title')}</h1><p>{t('error.generic', { message: loaded.error.message })}</p></>
        : <RequestDetail initial={loaded.value} />}
    </StaffLayout>
  );
}

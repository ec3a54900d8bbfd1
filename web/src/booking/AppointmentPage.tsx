// One appointment: the confirmation after booking or changing, with calendar, change and cancel.
import { BackLink, Loading, Panel, Tag, type TagColour } from '../components/content.tsx';
import { Link } from '../router/router.tsx';
import type { Appointment } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { AppointmentSummary } from './AppointmentSummary.tsx';
import { useBookingText } from './text.ts';
import { usePatientId } from './use-patient.ts';
import { useAppointment } from './use-appointment.ts';

const STATUS_COLOUR = { booked: 'blue', cancelled: 'red', attended: 'green', dna: 'orange', unknown: 'grey' } as const satisfies Record<Appointment['status'], TagColour>;

export function StatusTag({ status }: { status: Appointment['status'] }) {
  const t = useBookingText();
  return <Tag colour={STATUS_COLOUR[status]}>{t(`status.${status}`)}</Tag>;
}

export function AppointmentPage({ params, search }: { params: Record<string, string>; search: URLSearchParams }) {
  const t = useBookingText();
  const id = params.id ?? '';
  const patientId = usePatientId();
  const [loaded] = useAppointment(id, Boolean(patientId));
  const banner = search.has('booked') ? t('appointment.booked') : search.has('changed') ? t('appointment.changed') : search.has('cancelled') ? t('appointment.cancelled') : null;
  usePageTitle(banner ?? t('appointment.title'));
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo={`/appointments/${id}`} />;
  if (loaded.kind === 'loading') return <Loading />;
  if (loaded.kind === 'failed') return <><h1>{t('appointment.title')}</h1><p>{t('appointment.notFound')}</p></>;
  const appointment = loaded.value;
  const upcoming = appointment.status === 'booked';
  return (
    <>
      {!banner && <BackLink to="/appointments" />}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {banner ? (
            <Panel heading={banner}>{search.has('cancelled') ? null : t('appointment.bookedBody')}</Panel>
          ) : (
            <h1>{t('appointment.title')}</h1>
          )}
          {banner && <h2>{t('appointment.title')}</h2>}
          <AppointmentSummary appointment={appointment} extraRows={[
            { key: t('appointment.status'), value: <StatusTag status={appointment.status} /> },
            { key: t('appointment.reference'), value: appointment.reference ?? appointment.id },
          ]} />
          {upcoming && (
            <>
              <p><a href={`/api/appointments/${encodeURIComponent(appointment.id)}/calendar.ics`} download={`appointment-${appointment.id}.ics`}>{t('appointment.calendar')}</a></p>
              <ul className="nhsuk-list">
                <li><Link to={`/appointments/${encodeURIComponent(appointment.id)}/change`}>{t('appointment.change')}</Link></li>
                <li><Link to={`/appointments/${encodeURIComponent(appointment.id)}/cancel`}>{t('appointment.cancel')}</Link></li>
              </ul>
              <p>{t('appointment.cantMake')}</p>
            </>
          )}
          {!upcoming && <p><Link to="/request/who">{t('appointment.bookAnother')}</Link></p>}
          {banner && <p><Link to="/appointments">{t('list.title')}</Link></p>}
        </div>
      </div>
    </>
  );
}

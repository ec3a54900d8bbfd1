import { ButtonLink, Loading } from '../components/content.tsx';
import { Link } from '../router/router.tsx';
import type { Appointment } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { StatusTag } from './AppointmentPage.tsx';
import { useOptionText } from './OptionText.tsx';
import { useBookingText } from './text.ts';
import { usePatientId } from './use-patient.ts';
import { useApi } from './use-appointment.ts';

function AppointmentList({ appointments }: { appointments: Appointment[] }) {
  const text = useOptionText();
  return (
    <ul className="nhsuk-list nhsuk-list--border">
      {appointments.map((appointment) => (
        <li key={appointment.id}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            <Link to={`/appointments/${encodeURIComponent(appointment.id)}`}>{text.when(appointment)}</Link>
          </h3>
          <p className="nhsuk-u-margin-bottom-1">
            {text.modeName(appointment.mode)}
            {appointment.clinician ? `, ${appointment.clinician.name}` : ''}
            {appointment.site && appointment.mode === 'in_person' ? `, ${appointment.site.name}` : ''}
          </p>
          <StatusTag status={appointment.status} />
        </li>
      ))}
    </ul>
  );
}

export function MyAppointmentsPage() {
  const t = useBookingText();
  const app = useAppText();
  const patientId = usePatientId();
  const [loaded] = useApi<Appointment[] | { appointments: Appointment[] }>(patientId ? `/api/patients/${patientId}/appointments` : null);
  usePageTitle(t('list.title'));
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo="/appointments" body={t('list.signIn')} />;
  if (loaded.kind === 'loading') return <><h1>{t('list.title')}</h1><Loading /></>;
  if (loaded.kind === 'failed') return <><h1>{t('list.title')}</h1><p>{app('error.generic')}</p></>;
  const all = Array.isArray(loaded.value) ? loaded.value : loaded.value.appointments;
  const now = new Date().toISOString();
  const upcoming = all.filter((a) => a.status === 'booked' && a.end >= now).sort((a, b) => a.start.localeCompare(b.start));
  const past = all.filter((a) => !upcoming.includes(a)).sort((a, b) => b.start.localeCompare(a.start));
  return (
    <>
      <h1>{t('list.title')}</h1>
      <h2>{t('list.upcoming')}</h2>
      {upcoming.length ? <AppointmentList appointments={upcoming} /> : <p>{t('list.none')}</p>}
      <ButtonLink to="/request/who" variant="secondary">{t('list.noneBook')}</ButtonLink>
      {past.length > 0 && (
        <>
          <h2>{t('list.past')}</h2>
          <AppointmentList appointments={past} />
        </>
      )}
    </>
  );
}

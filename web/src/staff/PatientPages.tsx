// Find a patient (name and date of birth), then see their appointments and requests and book for them.
import { useState, type FormEvent } from 'react';
import { BackLink, Button, ErrorSummary, Loading } from '../components/content.tsx';
import { TextInput, type FieldError } from '../components/forms.tsx';
import { ResponsiveTable } from '../components/table.tsx';
import { Link } from '../router/router.tsx';
import { ApiError, api, newIdempotencyKey } from '../api/client.ts';
import type { Appointment, BookingOption } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApi } from '../booking/use-appointment.ts';
import { AppointmentPicker } from '../booking/AppointmentPicker.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { searchPatients, type FoundPatient } from './patient-search.ts';
import { useStaffText } from './text.ts';
import type { StaffRequest } from './staff-types.ts';

function SearchForm() {
  const t = useStaffText();
  const [name, setName] = useState('');
  const [birthdate, setBirthdate] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [results, setResults] = useState<FoundPatient[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(t('patients.title'), errors.length > 0);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ field: 'name', message: t('patients.nameError') });
    if (birthdate.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(birthdate.trim())) found.push({ field: 'birthdate', message: t('patients.birthdateError') });
    setErrors(found);
    if (found.length) return;
    setProblem(null);
    try {
      setResults(await searchPatients(name.trim(), birthdate.trim()));
    } catch (error) {
      setResults(null);
      setProblem(t('error.generic', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <>
      <h1>{t('patients.title')}</h1>
      <ErrorSummary errors={errors} />
      <form className="hamlet-inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextInput id="name" label={t('patients.name')} hint={t('patients.nameHint')} value={name} onChange={setName} error={errorFor('name')} width={20} autoComplete="off" />
        <TextInput id="birthdate" label={t('patients.birthdate')} hint={t('patients.birthdateHint')} value={birthdate} onChange={setBirthdate} error={errorFor('birthdate')} width={10} autoComplete="off" />
        <Button variant="secondary">{t('patients.search')}</Button>
      </form>
      {problem && <p>{problem}</p>}
      {results && (results.length === 0 ? <p role="status">{t('patients.none')}</p> : (
        <>
          <p role="status">{t('patients.results', { count: results.length })}</p>
          <ResponsiveTable caption={t('patients.title')} headers={[t('patients.name'), t('patients.birthdate'), t('request.nhsNumber')]}
            rows={results.map((patient) => ({ key: patient.id, cells: [<Link to={`/staff/patients/${patient.id}`}>{patient.name}</Link>, patient.birthDate, patient.nhsNumber ?? '–'] }))} />
        </>
      ))}
    </>
  );
}

export function PatientSearchPage() {
  return <StaffLayout>{() => <SearchForm />}</StaffLayout>;
}

function PatientRecord({ id }: { id: string }) {
  const t = useStaffText();
  const format = useFormat();
  const [appointments, reload] = useApi<Appointment[]>(`/api/patients/${encodeURIComponent(id)}/appointments`);
  const [requests] = useApi<StaffRequest[]>(`/api/patients/${encodeURIComponent(id)}/requests`);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [record] = useApi<{ name?: { given?: string[]; family?: string }[]; birthDate?: string; identifier?: { value?: string }[] }>(`/fhir/r4/Patient/${encodeURIComponent(id)}`);
  const official = record.kind === 'loaded' ? record.value.name?.[0] : undefined;
  const name = official ? [...(official.given ?? []), official.family ?? ''].join(' ').trim() : undefined;
  usePageTitle(name ?? t('patients.title'));
  const book = async (option: BookingOption) => {
    setProblem(null);
    try {
      const appointment = await api<Appointment>('/api/appointments', { body: { patientId: Number(id), slotId: option.slotId }, headers: { 'idempotency-key': newIdempotencyKey() } });
      setBooked(appointment);
      reload();
    } catch (error) {
      setProblem(t('request.failed', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };
  return (
    <>
      <BackLink to="/staff/patients" />
      <h1>{name ?? t('request.patient')}</h1>
      {record.kind === 'loaded' && (
        <p>{t('request.nhsNumber')}: {record.value.identifier?.[0]?.value ?? '–'} · {t('patients.birthdate')}: {record.value.birthDate ?? '–'}</p>
      )}
      <h2>{t('patient.appointments')}</h2>
      {appointments.kind === 'loading' && <Loading />}
      {appointments.kind === 'failed' && <p>{t('error.generic', { message: appointments.error.message })}</p>}
      {appointments.kind === 'loaded' && (appointments.value.length === 0 ? <p>{t('patient.noAppointments')}</p> : (
        <ResponsiveTable caption={t('patient.appointments')} headers={[t('capacity.date'), t('capacity.mode'), t('capacity.clinician'), t('request.status')]}
          rows={appointments.value.slice().sort((a, b) => b.start.localeCompare(a.start)).slice(0, 10).map((a) => ({
            key: String(a.id), cells: [format.dateTime(a.start), t(`mode.${a.mode}`), a.clinician?.name ?? '', a.status],
          }))} />
      ))}
      <h2>{t('patient.requests')}</h2>
      {requests.kind === 'loaded' && (requests.value.length === 0 ? <p>{t('patient.noRequests')}</p> : (
        <ul>{requests.value.map((r) => <li key={r.id}><Link to={`/staff/requests/${r.id}`}>{r.createdAt ? format.dateTime(r.createdAt) : r.id}</Link>: {r.description}</li>)}</ul>
      ))}
      <h2>{t('patient.book')}</h2>
      {booked && <p role="status" className="nhsuk-u-font-weight-bold">{t('patient.booked', { when: format.dateTime(booked.start) })}</p>}
      {problem && <ErrorSummary errors={[{ field: 'slot', message: problem }]} />}
      <AppointmentPicker key={booked?.id ?? 'first'} patientId={Number(id)} submitLabel={t('patient.bookButton')} onChoose={(option) => void book(option)} />
    </>
  );
}

export function StaffPatientPage({ params }: { params: Record<string, string> }) {
  return <StaffLayout>{() => <PatientRecord id={params.id ?? ''} />}</StaffLayout>;
}

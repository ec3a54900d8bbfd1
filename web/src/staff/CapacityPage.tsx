// A practice's or hub's capacity for a day or a week: offered, booked, held and free appointments.
import { useState, type FormEvent } from 'react';
import { Button, Loading } from '../components/content.tsx';
import { Radios, Select, TextInput } from '../components/forms.tsx';
import { ScrollingTable } from '../components/table.tsx';
import { navigate } from '../router/router.tsx';
import type { SessionActor } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useFormat } from '../i18n/use-format.ts';
import { londonDateOf } from '../i18n/format.ts';
import { useApi } from '../booking/use-appointment.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaffText } from './text.ts';
import type { Capacity, Counts } from './staff-types.ts';

interface Organisation { id: string; name: string }

const NONE: Counts = { offered: 0, booked: 0, held: 0, free: 0 };

export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

function percent(counts: Counts): string {
  return counts.offered ? `${Math.round((100 * counts.booked) / counts.offered)}%` : '–';
}

function CapacityView({ actor, search }: { actor: SessionActor; search: URLSearchParams }) {
  const t = useStaffText();
  const format = useFormat();
  const defaultOrg = actor.hubId ? `hub:${actor.hubId}` : actor.practiceId ? `practice:${actor.practiceId}` : '';
  const org = search.get('org') ?? defaultOrg;
  const view = search.get('view') === 'week' ? 'week' : 'day';
  const date = search.get('date') ?? londonDateOf(new Date().toISOString());
  const [form, setForm] = useState({ org, view, date });
  const [practices] = useApi<Organisation[]>('/api/practices');
  const [hubs] = useApi<Organisation[]>('/api/hubs');
  const [kind, id] = org.split(':');
  const to = view === 'week' ? addDays(date, 6) : date;
  const [capacity] = useApi<Capacity>(id ? `/api/capacity?${kind === 'hub' ? 'hubId' : 'practiceId'}=${encodeURIComponent(id)}&from=${date}&to=${to}` : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/staff/capacity?${new URLSearchParams(form).toString()}`, { replace: true });
  };
  const options = [
    ...(practices.kind === 'loaded' ? practices.value.map((p) => ({ value: `practice:${p.id}`, label: `${p.name} (${p.id})` })) : []),
    ...(hubs.kind === 'loaded' ? hubs.value.map((h) => ({ value: `hub:${h.id}`, label: h.name })) : []),
  ];
  const counts = (c: Counts) => [format.number(c.offered), format.number(c.booked), format.number(c.held), format.number(c.free), percent(c)];
  const countHeaders = [t('capacity.offered'), t('capacity.booked'), t('capacity.held'), t('capacity.free'), t('capacity.utilisation')];
  return (
    <>
      <h1>{t('capacity.title')}</h1>
      <form onSubmit={submit} noValidate>
        <Select id="org" label={t('capacity.organisation')} value={form.org} onChange={(value) => setForm({ ...form, org: value })}
          options={options.length ? options : [{ value: form.org, label: form.org }]} />
        <Radios name="view" legend={t('capacity.view')} legendSize="s" inline value={form.view} onChange={(value) => setForm({ ...form, view: value })}
          options={[{ value: 'day', label: t('capacity.day') }, { value: 'week', label: t('capacity.week') }]} />
        <TextInput id="date" type="date" label={t('capacity.date')} value={form.date} onChange={(value) => setForm({ ...form, date: value })} width={10} />
        <Button variant="secondary">{t('capacity.show')}</Button>
      </form>
      {capacity.kind === 'loading' && id && <Loading />}
      {capacity.kind === 'failed' && <p>{capacity.error.status === 403 ? t('error.forbidden') : t('error.generic', { message: capacity.error.message })}</p>}
      {capacity.kind === 'loaded' && (
        <>
          <h2>{capacity.value.organisation.name}</h2>
          <p>{t('capacity.totals', { ...capacity.value.totals })}</p>
          {view === 'week' ? (
            <ScrollingTable id="week" caption={`${format.date(capacity.value.from)} – ${format.date(capacity.value.to)}`}
              headers={[t('capacity.dayCol'), ...countHeaders]} numeric={[1, 2, 3, 4, 5]}
              rows={Array.from({ length: 7 }, (_, i) => addDays(capacity.value.from, i)).map((date) => ({
                key: date,
                cells: [format.shortDate(`${date}T12:00:00Z`), ...counts(capacity.value.days.find((day) => day.date === date)?.totals ?? NONE)],
              }))} />
          ) : capacity.value.days.length === 0 ? <p>{t('capacity.noSessions')}</p> : capacity.value.days.map((day) => (
            day.sessions.length === 0 ? <p key={day.date}>{t('capacity.noSessions')}</p> : (
              <ScrollingTable key={day.date} id={`day-${day.date}`} caption={format.date(`${day.date}T12:00:00Z`)}
                headers={[t('capacity.session'), t('capacity.clinician'), t('capacity.mode'), ...countHeaders]} numeric={[3, 4, 5, 6, 7]}
                rows={day.sessions.map((session, index) => ({
                  key: `${session.sessionId ?? index}-${session.start}`,
                  cells: [`${session.start}–${session.end}`, session.clinician.name, t(`mode.${session.mode}`), ...counts(session)],
                }))} />
            )
          ))}
        </>
      )}
    </>
  );
}

export function CapacityPage({ search }: { search: URLSearchParams }) {
  const t = useStaffText();
  usePageTitle(t('capacity.title'));
  return <StaffLayout>{(actor) => <CapacityView actor={actor} search={search} />}</StaffLayout>;
}

// The navigator's and clinician's queue: most urgent first, how long each has waited, and why.
import { useState, type FormEvent } from 'react';
import { Button, CareCard, Loading, Tag } from '../components/content.tsx';
import { TextInput } from '../components/forms.tsx';
import { ResponsiveTable } from '../components/table.tsx';
import { Link } from '../router/router.tsx';
import { useApi } from '../booking/use-appointment.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { SessionActor } from '../api/types.ts';
import { StaffLayout, formatWaiting } from './StaffLayout.tsx';
import { UrgencyTag } from './UrgencyTag.tsx';
import { useStaffText } from './text.ts';
import type { Queue, StaffRequest } from './staff-types.ts';

function queuePath(actor: SessionActor, practiceId: string): string | null {
  if (practiceId) return `/api/queue?practiceId=${encodeURIComponent(practiceId)}`;
  if (actor.hubId) return `/api/queue?hubId=${encodeURIComponent(actor.hubId)}`;
  return null;
}

function QueueView({ actor }: { actor: SessionActor }) {
  const t = useStaffText();
  const format = useFormat();
  const [draft, setDraft] = useState(actor.practiceId ?? '');
  const [practiceId, setPracticeId] = useState(actor.hubId ? '' : (actor.practiceId ?? ''));
  const [loaded] = useApi<Queue>(queuePath(actor, practiceId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPracticeId(draft.trim().toUpperCase());
  };
  const cells = (item: StaffRequest) => [
    <UrgencyTag disposition={item.outcome.disposition} />,
    <Link to={`/staff/requests/${item.id}`}>{item.patient?.name ?? t('queue.unknownPatient')}</Link>,
    <>
      <p className="nhsuk-u-margin-bottom-1">{item.description}</p>
      <ul className="nhsuk-body-s nhsuk-u-margin-bottom-0">
        {item.outcome.reasons.map((reason) => (
          <li key={reason.ruleId + reason.quote}>{reason.summary}{reason.quote ? <> – <span className="hamlet-quote">“{reason.quote}”</span></> : null}</li>
        ))}
      </ul>
    </>,
    <>
      {item.flags ? formatWaiting(item.flags.minutesWaiting, t) : ''}
      {item.flags?.breached && <><br /><Tag colour="red">{t('queue.breached')}</Tag></>}
      {!item.flags?.breached && item.flags?.dueSoon && <><br /><Tag colour="yellow">{t('queue.dueSoon')}</Tag></>}
    </>,
    format.dateTime(item.respondBy),
  ];
  return (
    <>
      <h1>{t('queue.title')}</h1>
      <form className="hamlet-inline-form" onSubmit={submit} noValidate>
        <TextInput id="practice" label={t('queue.practice')} value={draft} onChange={setDraft} width={10} />
        <Button variant="secondary">{t('queue.show')}</Button>
      </form>
      {loaded.kind === 'loading' && <Loading />}
      {loaded.kind === 'failed' && <p>{loaded.error.status === 403 ? t('error.forbidden') : t('error.generic', { message: loaded.error.message })}</p>}
      {loaded.kind === 'loaded' && (
        <>
          {loaded.value.alerts.length > 0 && (
            <CareCard variant="emergency" urgencyText={t('disposition.emergency')} heading={t('queue.alerts')}>
              <ul>
                {loaded.value.alerts.map((alert) => (
                  <li key={String(alert.id)}><Link to={`/staff/requests/${alert.requestId}`}>{alert.patient?.name ?? t('queue.unknownPatient')}</Link>: {alert.message}</li>
                ))}
              </ul>
            </CareCard>
          )}
          <p>{t('queue.counts', { ...loaded.value.counts })}</p>
          {loaded.value.items.length === 0 ? <p>{t('queue.empty')}</p> : (
            <ResponsiveTable caption={t('queue.title')}
              headers={[t('queue.urgency'), t('queue.patient'), t('queue.request'), t('queue.waiting'), t('queue.respond')]}
              rows={loaded.value.items.map((item) => ({ key: item.id, cells: cells(item) }))} />
          )}
        </>
      )}
    </>
  );
}

export function QueuePage() {
  const t = useStaffText();
  usePageTitle(t('queue.title'));
  return <StaffLayout>{(actor) => <QueueView actor={actor} />}</StaffLayout>;
}

// Patients waiting for an earlier appointment at a practice, and any slot offered to them.
import { useState, type FormEvent } from 'react';
import { Button, Loading, Tag } from '../components/content.tsx';
import { TextInput } from '../components/forms.tsx';
import { ResponsiveTable } from '../components/table.tsx';
import { Link } from '../router/router.tsx';
import type { SessionActor } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApi } from '../booking/use-appointment.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaffText } from './text.ts';
import type { WaitingEntry } from './staff-types.ts';

function WaitingListView({ actor }: { actor: SessionActor }) {
  const t = useStaffText();
  const format = useFormat();
  const [draft, setDraft] = useState(actor.practiceId ?? '');
  const [practiceId, setPracticeId] = useState(actor.practiceId ?? '');
  const [loaded] = useApi<WaitingEntry[] | { entries: WaitingEntry[] }>(practiceId ? `/api/waiting-list?practiceId=${encodeURIComponent(practiceId)}` : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPracticeId(draft.trim().toUpperCase());
  };
  const entries = loaded.kind === 'loaded' ? (Array.isArray(loaded.value) ? loaded.value : loaded.value.entries) : [];
  const wants = (entry: WaitingEntry) => {
    const modes = entry.criteria?.modes?.map((mode) => t(`mode.${mode}`)).join(', ') || t('waiting.any');
    return entry.criteria?.before ? `${modes}, ${t('waiting.before', { date: format.date(entry.criteria.before) })}` : modes;
  };
  return (
    <>
      <h1>{t('waiting.title')}</h1>
      <form className="hamlet-inline-form" onSubmit={submit} noValidate>
        <TextInput id="practice" label={t('waiting.practice')} value={draft} onChange={setDraft} width={10} />
        <Button variant="secondary">{t('waiting.show')}</Button>
      </form>
      {loaded.kind === 'loading' && practiceId && <Loading />}
      {loaded.kind === 'failed' && <p>{loaded.error.status === 403 ? t('error.forbidden') : t('error.generic', { message: loaded.error.message })}</p>}
      {loaded.kind === 'loaded' && (entries.length === 0 ? <p>{t('waiting.empty')}</p> : (
        <ResponsiveTable caption={t('waiting.title')} headers={[t('waiting.patient'), t('waiting.since'), t('waiting.wants'), t('waiting.status'), t('waiting.offer')]}
          rows={entries.map((entry) => ({
            key: String(entry.id),
            cells: [
              <Link to={`/staff/patients/${entry.patientId}`}>{entry.patientId}</Link>,
              format.dateTime(entry.requestedAt), wants(entry), <Tag colour="grey">{entry.status}</Tag>,
              entry.offer ? t('waiting.offerUntil', { time: format.dateTime(entry.offer.expiresAt) }) : '–',
            ],
          }))} />
      ))}
    </>
  );
}

export function WaitingListPage() {
  const t = useStaffText();
  usePageTitle(t('waiting.title'));
  return <StaffLayout>{(actor) => <WaitingListView actor={actor} />}</StaffLayout>;
}

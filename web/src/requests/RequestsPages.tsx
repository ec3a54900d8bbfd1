// A patient's requests and one request's detail: what they said, what was decided, messages from the practice.
import { BackLink, ButtonLink, Loading, SummaryList, Tag } from '../components/content.tsx';
import { Link } from '../router/router.tsx';
import type { RequestSummary } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useAppText } from '../app/text.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { usePatientId } from '../booking/use-patient.ts';
import { useApi } from '../booking/use-appointment.ts';
import { ServerSentence } from '../journey/ServerText.tsx';
import { fromKey, statusKey, statusTextKey, useRequestsText } from './text.ts';

const sentAt = (request: RequestSummary) => request.createdAt ?? null;

function listOf(value: RequestSummary[] | { requests: RequestSummary[] }): RequestSummary[] {
  return Array.isArray(value) ? value : value.requests;
}

export function MyRequestsPage() {
  const t = useRequestsText();
  const app = useAppText();
  const format = useFormat();
  const patientId = usePatientId();
  const [loaded] = useApi<RequestSummary[] | { requests: RequestSummary[] }>(patientId ? `/api/patients/${patientId}/requests` : null);
  usePageTitle(t('list.title'));
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo="/requests" body={t('list.signIn')} />;
  if (loaded.kind !== 'loaded') return <><h1>{t('list.title')}</h1>{loaded.kind === 'loading' ? <Loading /> : <p>{app('error.generic')}</p>}</>;
  const requests = listOf(loaded.value).slice().sort((a, b) => (sentAt(b) ?? '').localeCompare(sentAt(a) ?? ''));
  return (
    <>
      <h1>{t('list.title')}</h1>
      {requests.length === 0 && <p>{t('list.none')}</p>}
      <ul className="nhsuk-list nhsuk-list--border">
        {requests.map((request) => {
          const when = sentAt(request);
          return (
            <li key={String(request.id)}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <Link to={`/requests/${encodeURIComponent(String(request.id))}`}>{when ? t('list.sent', { date: format.dateTime(when) }) : String(request.id)}</Link>
              </h2>
              {request.description && <p className="nhsuk-u-margin-bottom-1">{truncate(request.description)}</p>}
              <Tag colour="blue">{t(statusKey(request.status))}</Tag>
            </li>
          );
        })}
      </ul>
      <ButtonLink to="/request/who" variant="secondary">{t('list.start')}</ButtonLink>
    </>
  );
}

function truncate(text: string): string {
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

export function RequestPage({ params }: { params: Record<string, string> }) {
  const t = useRequestsText();
  const format = useFormat();
  const id = params.id ?? '';
  const patientId = usePatientId();
  const [loaded] = useApi<RequestSummary>(patientId ? `/api/requests/${encodeURIComponent(id)}` : null);
  usePageTitle(t('detail.title'));
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo={`/requests/${id}`} />;
  if (loaded.kind === 'loading') return <Loading />;
  if (loaded.kind === 'failed') return <><h1>{t('detail.title')}</h1><p>{t('detail.notFound')}</p></>;
  const request = loaded.value;
  const window = request.outcome?.timeWindow?.label;
  const messages = request.messages ?? [];
  return (
    <>
      <BackLink to="/requests" />
      <h1>{t('detail.title')}</h1>
      <SummaryList rows={[
        { key: t('detail.reference'), value: String(request.id) },
        { key: t('detail.what'), value: request.description ?? '' },
        { key: t('detail.status'), value: <><Tag colour="blue">{t(statusKey(request.status))}</Tag>{statusTextKey(request.status) && <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{t(statusTextKey(request.status)!)}</p>}</> },
        ...(request.expectedResponse ? [{ key: t('detail.expected'), value: format.dateTime(request.expectedResponse.by) }] : []),
        ...(request.outcome ? [{ key: t('detail.outcome'), value: <>{t(`disposition.${request.outcome.disposition}`)}{window ? <>: <ServerSentence prefix="window." english={window} /></> : null}</> }] : []),
      ]} />
      <h2>{t('detail.messages')}</h2>
      {messages.length === 0 ? <p>{t('detail.noMessages')}</p> : (
        <ul className="nhsuk-list nhsuk-list--border">
          {messages.map((message, index) => {
            return (
              <li key={String(message.id ?? index)}>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{t(fromKey(message.from))} · {format.dateTime(message.at)}</p>
                <p>{message.body}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

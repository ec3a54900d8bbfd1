// Urgent and routine needs: send the request to the practice (after sign-in) and offer appointments.
import { BackLink, Button, ButtonLink, CareCard, Loading } from '../components/content.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { SignInPrompt } from '../app/SimplePages.tsx';
import type { TriageOutcome } from '../api/types.ts';
import { useJourneyText, type JourneyKey } from './text.ts';
import { useDraft } from './draft.ts';
import { useFormat } from '../i18n/use-format.ts';
import { isBookable } from './next-step.ts';
import { Reasons, SafetyNetting, ServerSentence } from './ServerText.tsx';
import { useSubmission } from './use-submission.ts';

function titleKey(outcome: TriageOutcome): JourneyKey {
  if (outcome.service === 'admin_team') return 'outcome.teamTitle';
  if (outcome.service === 'social_prescribing') return 'outcome.socialTitle';
  return outcome.disposition === 'urgent' ? 'outcome.urgentTitle' : 'outcome.routineTitle';
}

export function OutcomePage() {
  const t = useJourneyText();
  const [draft] = useDraft();
  const submission = useSubmission();
  const format = useFormat();
  const outcome = draft.submitted?.outcome ?? draft.outcome;
  usePageTitle(outcome ? t(titleKey(outcome)) : t('outcome.startAgain'));
  if (!outcome) {
    return (
      <>
        <h1>{t('outcome.startAgain')}</h1>
        <p>{t('outcome.noAnswers')}</p>
        <ButtonLink to="/request/who">{t('outcome.startAgain')}</ButtonLink>
      </>
    );
  }
  if (submission.kind === 'signed_out') return <SignInPrompt returnTo="/request/outcome" body={t('outcome.signIn')} />;
  const bookable = isBookable(outcome.service) && draft.submittedFor !== 'someone_else';
  return (
    <>
      <BackLink to="/request/describe" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <CareCard variant={outcome.disposition === 'urgent' ? 'urgent' : 'non-urgent'}
            urgencyText={outcome.disposition === 'urgent' ? t('urgency.urgent') : t('urgency.nonUrgent')} heading={t(titleKey(outcome))} headingLevel={1}>
            {outcome.timeWindow && <p><strong><ServerSentence prefix="window." english={outcome.timeWindow.label} /></strong></p>}
            {submission.kind === 'sent' && (
              <>
                <p>{t('outcome.sent')}</p>
                <p>{t('outcome.reference', { reference: String(submission.request.id) })}</p>
              </>
            )}
          </CareCard>
          {submission.kind === 'sending' && <><p role="status">{t('outcome.sending')}</p><Loading /></>}
          {submission.kind === 'failed' && (
            <div className="nhsuk-error-summary" tabIndex={-1}>
              <div role="alert">
                <h2 className="nhsuk-error-summary__heading">{t('outcome.sendFailed')}</h2>
                <Button type="button" onClick={submission.retry}>{t('outcome.tryAgain')}</Button>
              </div>
            </div>
          )}
          {submission.kind === 'sent' && bookable && (
            <>
              <p>{t('outcome.bookHint')}</p>
              <ButtonLink to="/book">{t('outcome.book')}</ButtonLink>
            </>
          )}
          {submission.kind === 'sent' && isBookable(outcome.service) && draft.submittedFor === 'someone_else' && <p>{t('outcome.someoneElse')}</p>}
          {submission.kind === 'sent' && !bookable && submission.request.expectedResponse && (
            <p>{t('outcome.replyBy', { date: format.dateTime(submission.request.expectedResponse.by) })}</p>
          )}
          {outcome.reasons.length > 0 && (
            <>
              <h2>{t('outcome.why')}</h2>
              <Reasons reasons={outcome.reasons} />
            </>
          )}
          <CareCard variant="urgent" urgencyText={t('urgency.urgent')} heading={t('advice.whenToGetHelp')}>
            <SafetyNetting lines={outcome.safetyNetting} />
          </CareCard>
        </div>
      </div>
    </>
  );
}

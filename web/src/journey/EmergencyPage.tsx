// The stop page: nothing else to do here but get help now. No booking, no further questions.
import { ActionLink, CareCard } from '../components/content.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { useJourneyText } from './text.ts';
import { useDraft } from './draft.ts';
import { Reasons } from './ServerText.tsx';
import { useSubmission } from './use-submission.ts';

export function EmergencyPage() {
  const t = useJourneyText();
  const [draft] = useDraft();
  const submission = useSubmission();
  const crisis = draft.outcome?.service === 'mental_health_crisis';
  const title = crisis ? t('emergency.crisisTitle') : t('emergency.title');
  usePageTitle(title);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CareCard variant="emergency" urgencyText={t('urgency.emergency')} heading={title} headingLevel={1}>
          <p>{t('emergency.body')}</p>
          {crisis ? (
            <>
              <p>{t('emergency.crisisBody')}</p>
              <ul>
                <li>{t('emergency.crisis999')}</li>
                <li>{t('emergency.crisis111')}</li>
                <li>{t('emergency.samaritans')}</li>
                <li>{t('emergency.shout')}</li>
              </ul>
            </>
          ) : (
            <p>{t('emergency.ae')}</p>
          )}
          <p><a className="nhsuk-button nhsuk-button--reverse" href="tel:999" role="button">{t('emergency.call999')}</a></p>
        </CareCard>
        {!crisis && <ActionLink href="https://www.nhs.uk/service-search/accident-and-emergency-services/locationsearch/428">{t('emergency.findAe')}</ActionLink>}
        {draft.outcome && draft.outcome.reasons.length > 0 && (
          <>
            <h2>{t('emergency.why')}</h2>
            <Reasons reasons={draft.outcome.reasons} />
          </>
        )}
        {submission.kind === 'sent' && <p>{t('emergency.sent')}</p>}
        <p>{t('emergency.wrong')}</p>
      </div>
    </div>
  );
}

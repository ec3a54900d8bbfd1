// Pharmacy First and self-care: advice, when to get help, and where the nearest pharmacies are. We never
// invent pharmacies: without local data we show how to find one.
import { useEffect, useState } from 'react';
import { ActionLink, CareCard, Card, English } from '../components/content.tsx';
import { api } from '../api/client.ts';
import type { CommunityService } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { useJourneyText } from './text.ts';
import { useDraft } from './draft.ts';
import { Reasons, SafetyNetting, ServerSentence } from './ServerText.tsx';
import { useSubmission } from './use-submission.ts';

const FIND_A_PHARMACY = 'https://www.nhs.uk/service-search/pharmacy/find-a-pharmacy';

function usePharmacies(): CommunityService[] | null {
  const [pharmacies, setPharmacies] = useState<CommunityService[] | null>(null);
  useEffect(() => {
    api<CommunityService[]>('/api/community-services').then(
      (services) => setPharmacies(services.filter((service) => /pharmac/i.test(service.category))),
      () => setPharmacies([]),
    );
  }, []);
  return pharmacies;
}

export function AdvicePage() {
  const t = useJourneyText();
  const [draft] = useDraft();
  const { language } = useLanguage();
  const pharmacies = usePharmacies();
  const submission = useSubmission();
  const pharmacy = draft.outcome?.service === 'community_pharmacy';
  const title = pharmacy ? t('advice.pharmacyTitle') : t('advice.selfCareTitle');
  usePageTitle(title);
  const outcome = draft.outcome;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CareCard variant="non-urgent" urgencyText={t('urgency.nonUrgent')} heading={title} headingLevel={1}>
          <p>{pharmacy ? t('advice.pharmacyBody') : t('advice.selfCareBody')}</p>
          {outcome?.timeWindow && <p><strong><ServerSentence prefix="window." english={outcome.timeWindow.label} /></strong></p>}
        </CareCard>
        <h2>{t('advice.pharmaciesTitle')}</h2>
        {pharmacies && pharmacies.length > 0 ? (
          <ul className="nhsuk-list">
            {pharmacies.map((place) => (
              <li key={place.id}>
                <Card heading={language.code === 'en' ? place.name : <English>{place.name}</English>} headingLevel={3}>
                  <p className="nhsuk-card__description">{place.addressLine}, {place.postcode}. {place.contact}</p>
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('advice.noPharmacyData')}</p>
        )}
        <ActionLink href={FIND_A_PHARMACY} external>{t('advice.findPharmacy')}</ActionLink>
        {!pharmacy && <p><a href="https://www.nhs.uk/conditions/">{t('advice.conditions')}</a></p>}
        {outcome && (
          <CareCard variant="urgent" urgencyText={t('urgency.urgent')} heading={t('advice.whenToGetHelp')}>
            <SafetyNetting lines={outcome.safetyNetting} />
          </CareCard>
        )}
        {outcome && outcome.reasons.length > 0 && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary"><span className="nhsuk-details__summary-text">{t('advice.why')}</span></summary>
            <div className="nhsuk-details__text"><Reasons reasons={outcome.reasons} /></div>
          </details>
        )}
        {submission.kind === 'sent' && <p>{t('outcome.reference', { reference: String(submission.request.id) })}</p>}
        <p>{t('advice.stillWorried')}</p>
      </div>
    </div>
  );
}

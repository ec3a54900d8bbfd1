import { ButtonLink, CareCard, Card } from '../components/content.tsx';
import { Link } from '../router/router.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { useJourneyText } from './text.ts';
import { journeyDraft, EMPTY_DRAFT } from './draft.ts';
import { signInUrl } from '../api/client.ts';
import { usePatientId } from '../booking/use-patient.ts';

export function StartPage() {
  const t = useJourneyText();
  const patientId = usePatientId();
  usePageTitle(t('home.title'));
  // The request service is for registered patients: sign in first, then come straight back to the first question.
  const start = patientId ? '/request/who' : signInUrl('patient', '/request/who');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{t('home.title')}</h1>
        <p className="nhsuk-lede-text">{t('home.lead')}</p>
        <p>{t('home.useFor')}</p>
        <ul>
          <li>{t('home.useFor1')}</li>
          <li>{t('home.useFor2')}</li>
          <li>{t('home.useFor3')}</li>
        </ul>
        <p>{t('home.time')}</p>
        <ButtonLink to={start} external={!patientId} onClick={() => journeyDraft.update(EMPTY_DRAFT)}>{t('home.start')}</ButtonLink>
        <CareCard variant="emergency" urgencyText={t('urgency.emergency')} heading={t('home.emergencyHeading')}>
          <ul>
            <li>{t('home.emergency1')}</li>
            <li>{t('home.emergency2')}</li>
            <li>{t('home.emergency3')}</li>
            <li>{t('home.emergency4')}</li>
          </ul>
          <p>{t('home.emergencyBody')}</p>
        </CareCard>
        <Card heading={t('home.otherWays')}>
          <p className="nhsuk-card__description">{t('home.otherWaysBody')}</p>
        </Card>
        <ul className="nhsuk-list">
          <li><Link to="/appointments">{t('home.yourAppointments')}</Link></li>
          <li><Link to="/requests">{t('home.yourRequests')}</Link></li>
        </ul>
      </div>
    </div>
  );
}

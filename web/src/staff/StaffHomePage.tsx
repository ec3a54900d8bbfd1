import { Card } from '../components/content.tsx';
import { Link } from '../router/router.tsx';
import { usePageTitle } from '../app/page-title.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { staffKey, useStaffText } from './text.ts';

export function StaffHomePage() {
  const t = useStaffText();
  usePageTitle(t('home.title'));
  return (
    <StaffLayout>
      {(actor) => {
        const role = staffKey(`role.${actor.role}`);
        return (
          <>
            <h1>{t('home.title')}</h1>
            <p>{t('home.signedInAs', { name: actor.displayName, role: role ? t(role) : actor.role })}</p>
            <p>{t('home.where', { practice: actor.practiceId ?? t('home.none'), hub: actor.hubId ?? t('home.none') })}</p>
            <ul className="nhsuk-grid-row nhsuk-card-group">
              {([['/staff/queue', 'nav.queue', 'home.queueBody'], ['/staff/patients', 'nav.patients', 'home.patientsBody'],
                ['/staff/capacity', 'nav.capacity', 'home.capacityBody'], ['/staff/waiting-list', 'nav.waitingList', 'home.waitingListBody']] as const).map(([to, title, body]) => (
                <li key={to} className="nhsuk-grid-column-one-half nhsuk-card-group__item">
                  <Card heading={<Link to={to}>{t(title)}</Link>}>
                    <p className="nhsuk-card__description">{t(body)}</p>
                  </Card>
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </StaffLayout>
  );
}

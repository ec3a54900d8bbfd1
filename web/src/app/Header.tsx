// NHS.UK header (v10 markup): logo and service name, account links, and the area's navigation.
import { Link } from '../router/router.tsx';
import { signInUrl } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { useAppText } from './text.ts';
import type { Area } from './route-table.ts';

const NHS_LOGO_PATH =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z';

const PATIENT_NAV = [
  { to: '/', key: 'nav.home' },
  { to: '/appointments', key: 'nav.appointments' },
  { to: '/requests', key: 'nav.requests' },
] as const;

export function Header({ area, path }: { area: Area; path: string }) {
  const t = useAppText();
  const { session, signOut } = useSession();
  const home = area === 'staff' ? '/staff' : '/';
  const serviceName = area === 'staff' ? t('service.staffName') : t('service.name');
  const signedIn = session?.signedIn === true;
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to={home} aria-label={`NHS ${serviceName}`}>
            <svg className="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
              <title>NHS</title>
              <path fill="currentcolor" d={NHS_LOGO_PATH} />
            </svg>
            <span className="nhsuk-header__service-name">{serviceName}</span>
          </Link>
        </div>
        {session && (
          <nav className="nhsuk-header__account" aria-label={t('header.accountLabel')}>
            <ul className="nhsuk-header__account-list">
              {signedIn && session.actor && (
                <li className="nhsuk-header__account-item">{t('header.signedInAs', { name: session.actor.displayName })}</li>
              )}
              <li className="nhsuk-header__account-item">
                {signedIn ? (
                  <button className="nhsuk-header__account-button" type="button" onClick={() => void signOut()}>{t('header.signOut')}</button>
                ) : (
                  <a className="nhsuk-header__account-link" href={signInUrl(area, path)}>{t('header.signIn')}</a>
                )}
              </li>
            </ul>
          </nav>
        )}
      </div>
      {area === 'patient' && (
        <nav className="nhsuk-header__navigation" aria-label={t('header.navLabel')}>
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {PATIENT_NAV.map((item) => {
                const current = item.to === '/' ? path === '/' : path.startsWith(item.to);
                return (
                  <li key={item.to} className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}>
                    <Link className="nhsuk-header__navigation-link" to={item.to} aria-current={current ? 'page' : undefined}>
                      {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{t(item.key)}</strong> : t(item.key)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

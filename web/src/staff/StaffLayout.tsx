// Every staff page: the workspace's own navigation, and a sign-in prompt for anyone not signed in as staff.
import type { ReactNode } from 'react';
import { ButtonLink, Loading } from '../components/content.tsx';
import { Link, useLocation } from '../router/router.tsx';
import { signInUrl } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { SessionActor } from '../api/types.ts';
import { usePageTitle } from '../app/page-title.ts';
import { useStaffText, type StaffKey } from './text.ts';

const NAV: readonly { to: string; key: StaffKey }[] = [
  { to: '/staff', key: 'nav.home' },
  { to: '/staff/queue', key: 'nav.queue' },
  { to: '/staff/patients', key: 'nav.patients' },
  { to: '/staff/capacity', key: 'nav.capacity' },
  { to: '/staff/waiting-list', key: 'nav.waitingList' },
];

function StaffNav() {
  const t = useStaffText();
  const { path } = useLocation();
  return (
    <nav className="hamlet-subnav" aria-label={t('nav.label')}>
      <ul>
        {NAV.map((item) => {
          const current = item.to === '/staff' ? path === '/staff' : path.startsWith(item.to);
          return <li key={item.to}><Link to={item.to} aria-current={current ? 'page' : undefined}>{t(item.key)}</Link></li>;
        })}
      </ul>
    </nav>
  );
}

function SignInAsStaff({ patient }: { patient: boolean }) {
  const t = useStaffText();
  const { path } = useLocation();
  usePageTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{patient ? t('home.patientSignedIn') : t('home.signInBody')}</p>
      {!patient && <ButtonLink to={signInUrl('staff', path)} external>{t('home.signIn')}</ButtonLink>}
    </>
  );
}

export function StaffLayout({ children }: { children: (actor: SessionActor) => ReactNode }) {
  const { session } = useSession();
  if (!session) return <Loading />;
  const actor = session.signedIn ? session.actor : undefined;
  if (!actor || actor.role === 'patient') return <SignInAsStaff patient={actor?.role === 'patient'} />;
  return (
    <>
      <StaffNav />
      {children(actor)}
    </>
  );
}

/** Minutes as a short, unambiguous duration: 45 min, 2 h 5 min, 3 d 4 h. */
export function formatWaiting(minutes: number, t: ReturnType<typeof useStaffText>): string {
  if (minutes < 60) return t('queue.minutes', { minutes });
  if (minutes < 24 * 60) return t('queue.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('queue.days', { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) });
}

// The shell: providers, header, the current page, footer. Pages are looked up in the route table.
import { Suspense, useEffect, useRef } from 'react';
import { FixedLanguage, LanguageProvider, useDocumentLanguage, useLanguage } from '../i18n/i18n.tsx';
import { findLanguage } from '../i18n/catalogue.ts';
import { SessionProvider } from '../api/session.tsx';
import { useLocation } from '../router/router.tsx';
import { Loading } from '../components/content.tsx';
import { Header } from './Header.tsx';
import { Footer } from './Footer.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { PAGES } from './pages.tsx';
import { resolveRoute } from './resolve-route.ts';
import { useAppText } from './text.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </LanguageProvider>
  );
}

/** After client-side navigation, focus moves to the new page's heading and the view to the top (as a page load would). */
function useFocusOnNavigation(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    let frames = 0;
    let handle = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#maincontent h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else if (frames++ < 60) {
        handle = requestAnimationFrame(focusHeading);
      }
    };
    handle = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(handle);
  }, [path]);
}

function Shell() {
  const location = useLocation();
  const route = resolveRoute(location.path);
  const { language } = useLanguage();
  useDocumentLanguage(route.area === 'staff' ? (findLanguage('en') ?? language) : language);
  if (route.area === 'staff') {
    return <FixedLanguage code="en"><Layout /></FixedLanguage>;
  }
  return <Layout />;
}

function Layout() {
  const t = useAppText();
  const location = useLocation();
  const route = resolveRoute(location.path);
  const Page = PAGES[route.id];
  useFocusOnNavigation(location.path);
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">{t('skipLink')}</a>
      <Header area={route.area} path={location.path + location.hash} />
      {route.area === 'patient' && <LanguageSwitcher />}
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" data-route={route.id}>
          <ErrorBoundary resetKey={location.path} fallback={<><h1>{t('error.summaryTitle')}</h1><p>{t('error.generic')}</p></>}>
            <Suspense fallback={<Loading />}>
              <Page params={route.params} search={location.search} />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
      <Footer />
    </>
  );
}

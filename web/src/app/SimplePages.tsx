import { useAppText } from './text.ts';
import { usePageTitle } from './page-title.ts';
import { ButtonLink } from '../components/content.tsx';

export function NotFoundPage() {
  const t = useAppText();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </>
  );
}

export function AccessibilityPage() {
  const t = useAppText();
  usePageTitle(t('accessibility.title'));
  return (
    <>
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.body1')}</p>
      <p>{t('accessibility.body2')}</p>
      <p>{t('accessibility.body3')}</p>
    </>
  );
}

/** Shown in place of a page that needs a signed-in patient or member of staff. */
export function SignInPrompt({ returnTo, audience = 'patient', body }: { returnTo: string; audience?: 'patient' | 'staff'; body?: string }) {
  const t = useAppText();
  usePageTitle(t('signIn.title'));
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p>{body ?? t('signIn.body')}</p>
      <ButtonLink to={`/auth/login?${new URLSearchParams({ audience, returnTo }).toString()}`} external>{t('signIn.button')}</ButtonLink>
    </>
  );
}

import { useEffect } from 'react';
import { useAppText } from './text.ts';

/** The tab title names the page first (WCAG 2.4.2), and says when the page shows an error. */
export function usePageTitle(title: string, hasError = false): void {
  const t = useAppText();
  const service = t('service.name');
  const prefix = hasError ? `${t('error.prefix')} ` : '';
  useEffect(() => {
    document.title = `${prefix}${title} – ${service}`;
  }, [prefix, title, service]);
}

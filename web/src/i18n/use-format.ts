import { useMemo } from 'react';
import { useLanguage } from './i18n.tsx';
import { formattersFor, type Formatters } from './format.ts';

export function useFormat(): Formatters {
  const { language } = useLanguage();
  return useMemo(() => formattersFor(language.locale), [language.locale]);
}

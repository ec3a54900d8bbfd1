// The current language, its texts and formatters. Components never hold copy: they ask for a key.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, REFERENCE_LANGUAGE, findLanguage, interpolate, textsFor, type LanguageInfo, type Texts } from './catalogue.ts';

const STORAGE_KEY = 'hamlet.language';

interface LanguageState {
  language: LanguageInfo;
  setLanguage(code: string): void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function initialLanguage(): LanguageInfo {
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  const fromStorage = safeStorage()?.getItem(STORAGE_KEY);
  const fallback = findLanguage(REFERENCE_LANGUAGE) ?? LANGUAGES[0];
  const chosen = findLanguage(fromQuery) ?? findLanguage(fromStorage) ?? fallback;
  if (!chosen) throw new Error('no languages: web/src/app/locales is empty');
  return chosen;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState(initialLanguage);
  const setLanguage = useCallback((code: string) => {
    const next = findLanguage(code);
    if (!next) return;
    safeStorage()?.setItem(STORAGE_KEY, next.code);
    setLanguageState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

export type Translate<K extends string> = (key: K, values?: Readonly<Record<string, string | number>>) => string;

/** A feature's text hook, typed by its English file: `const useText = createTextHook('journey', en)`. */
export function createTextHook<T extends Texts>(feature: string, reference: T): () => Translate<keyof T & string> {
  return function useText() {
    const { language } = useLanguage();
    return useMemo(() => {
      const texts = textsFor(feature, language.code);
      return (key: keyof T & string, values?: Readonly<Record<string, string | number>>) =>
        interpolate(texts?.[key] ?? reference[key] ?? key, values);
    }, [language.code]);
  };
}

/** Whether a feature has its own texts in the current language (otherwise English shows, marked lang="en"). */
export function useHasTexts(feature: string): boolean {
  return textsFor(feature, useLanguage().language.code) !== undefined;
}

/** A part of the app that is only in one language (the staff workspace is in English). */
export function FixedLanguage({ code, children }: { code: string; children: ReactNode }) {
  const fixed = findLanguage(code);
  const value = useMemo(() => (fixed ? { language: fixed, setLanguage: () => {} } : null), [fixed]);
  if (!value) return <>{children}</>;
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** Keep <html lang dir> in step with the language shown (WCAG 3.1.1). */
export function useDocumentLanguage(language: LanguageInfo): void {
  useEffect(() => {
    document.documentElement.lang = language.code;
    document.documentElement.dir = language.dir;
  }, [language]);
}

// Every locale file in the app, found by name: web/src/<feature>/locales/<language>.ts. Adding a language is
// adding files; a language is offered once the app shell (app/locales) has it. English is the reference.
export type Texts = Readonly<Record<string, string>>;

export interface LanguageInfo {
  code: string;
  /** The language's name in itself (shown in the switcher, marked with its own lang). */
  name: string;
  /** BCP 47 locale for dates, times and numbers. */
  locale: string;
  dir: 'ltr' | 'rtl';
}

export const REFERENCE_LANGUAGE = 'en';
/** The staff workspace is used by practice staff in English; every other feature is patient-facing. */
export const STAFF_ONLY_FEATURES: readonly string[] = ['staff'];

// Staff texts stay in the staff chunk (English only; its hook falls back to the file it imports itself).
const files = import.meta.glob<Texts>(['../*/locales/*.ts', '!../staff/locales/*.ts'], { eager: true, import: 'default' });

const byFeature = new Map<string, Map<string, Texts>>();
for (const [path, texts] of Object.entries(files)) {
  const match = /^\.\.\/([^/]+)\/locales\/([a-z]{2,3}(?:-[A-Za-z]+)?)\.ts$/.exec(path);
  if (!match) continue;
  const [, feature = '', language = ''] = match;
  const languages = byFeature.get(feature) ?? new Map<string, Texts>();
  languages.set(language, texts);
  byFeature.set(feature, languages);
}

export function textsFor(feature: string, language: string): Texts | undefined {
  return byFeature.get(feature)?.get(language);
}

function languageInfo(code: string, shell: Texts): LanguageInfo {
  return {
    code,
    name: shell['language.name'] ?? code,
    locale: shell['language.locale'] ?? code,
    dir: shell['language.dir'] === 'rtl' ? 'rtl' : 'ltr',
  };
}

export const LANGUAGES: readonly LanguageInfo[] = [...(byFeature.get('app') ?? new Map<string, Texts>()).entries()]
  .map(([code, shell]) => languageInfo(code, shell))
  .sort((a, b) => (a.code === REFERENCE_LANGUAGE ? -1 : b.code === REFERENCE_LANGUAGE ? 1 : a.code.localeCompare(b.code)));

export function findLanguage(code: string | null | undefined): LanguageInfo | undefined {
  return LANGUAGES.find((language) => language.code === code);
}

/** Replace {name} placeholders; unknown placeholders stay visible so a gap is noticed, not hidden. */
export function interpolate(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

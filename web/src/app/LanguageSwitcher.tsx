// Each language is named in itself and marked with its own lang, so a screen reader pronounces it properly.
import { LANGUAGES } from '../i18n/catalogue.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { useAppText } from './text.ts';

export function LanguageSwitcher() {
  const t = useAppText();
  const { language, setLanguage } = useLanguage();
  return (
    <nav className="hamlet-languages nhsuk-width-container" aria-label={t('language.switcherLabel')}>
      <ul className="hamlet-languages__list">
        {LANGUAGES.map((option) => (
          <li key={option.code} className="hamlet-languages__item">
            <button type="button" className="hamlet-languages__button" lang={option.code} aria-pressed={option.code === language.code}
              onClick={() => setLanguage(option.code)}>
              {option.name}
            </button>
          </li>
        ))}
      </ul>
      {t('language.review') && <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{t('language.review')}</p>}
    </nav>
  );
}

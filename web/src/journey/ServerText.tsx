// Sentences that come from the server in English: shown in the reader's language when we have that exact
// sentence translated, otherwise in English and marked lang="en" (never silently mislabelled).
import { English } from '../components/content.tsx';
import { useLanguage } from '../i18n/i18n.tsx';
import { keyForServerText, useJourneyText } from './text.ts';
import type { TriageReason } from '../api/types.ts';

export function ServerSentence({ prefix, english }: { prefix: 'safety.' | 'window.' | 'q.'; english: string }) {
  const t = useJourneyText();
  const { language } = useLanguage();
  const key = keyForServerText(prefix, english);
  if (key) return <>{t(key)}</>;
  return language.code === 'en' ? <>{english}</> : <English>{english}</English>;
}

export function SafetyNetting({ lines }: { lines: readonly string[] }) {
  return (
    <ul>
      {lines.map((line) => <li key={line}><ServerSentence prefix="safety." english={line} /></li>)}
    </ul>
  );
}

/** Why the outcome was reached: the rule's summary (clinical English) and the patient's own words. */
export function Reasons({ reasons }: { reasons: readonly TriageReason[] }) {
  const t = useJourneyText();
  const { language } = useLanguage();
  if (reasons.length === 0) return null;
  return (
    <ul>
      {reasons.map((reason) => (
        <li key={reason.ruleId + reason.quote}>
          {language.code === 'en' ? reason.summary : <English>{reason.summary}</English>}
          {reason.quote && <><br /><span className="hamlet-quote">{t('outcome.quote', { quote: reason.quote })}</span></>}
        </li>
      ))}
    </ul>
  );
}

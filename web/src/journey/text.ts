import { createTextHook } from '../i18n/i18n.tsx';
import en from './locales/en.ts';

export const useJourneyText = createTextHook('journey', en);
export type JourneyKey = keyof typeof en;

/** The locale key whose English is exactly this server sentence (so it can be shown in the reader's language). */
export function keyForServerText(prefix: 'safety.' | 'window.' | 'q.', english: string): JourneyKey | null {
  for (const [key, text] of Object.entries(en)) {
    if (key.startsWith(prefix) && text === english) return key as JourneyKey;
  }
  return null;
}

export function hasJourneyKey(key: string): key is JourneyKey {
  return Object.hasOwn(en, key);
}

import { createTextHook } from '../i18n/i18n.tsx';
import en from './locales/en.ts';

export const useRequestsText = createTextHook('requests', en);
export type RequestsKey = keyof typeof en;

export function statusKey(status: string): RequestsKey {
  const key = `status.${status}`;
  return Object.hasOwn(en, key) ? (key as RequestsKey) : 'status.other';
}

export function statusTextKey(status: string): RequestsKey | null {
  const key = `statusText.${status}`;
  return Object.hasOwn(en, key) ? (key as RequestsKey) : null;
}

export function fromKey(from: string): RequestsKey {
  if (from === 'practice') return 'detail.fromPractice';
  if (from === 'you' || from === 'patient') return 'detail.fromYou';
  return 'detail.fromSystem';
}

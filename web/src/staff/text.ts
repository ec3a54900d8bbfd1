import { createTextHook } from '../i18n/i18n.tsx';
import en from './locales/en.ts';

export const useStaffText = createTextHook('staff', en);
export type StaffKey = keyof typeof en;

export function staffKey(key: string): StaffKey | null {
  return Object.hasOwn(en, key) ? (key as StaffKey) : null;
}

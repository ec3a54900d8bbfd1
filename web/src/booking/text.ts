import { createTextHook } from '../i18n/i18n.tsx';
import en from './locales/en.ts';

export const useBookingText = createTextHook('booking', en);
export type BookingKey = keyof typeof en;

export function bookingKey(key: string): BookingKey | null {
  return Object.hasOwn(en, key) ? (key as BookingKey) : null;
}

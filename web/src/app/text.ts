import { createTextHook } from '../i18n/i18n.tsx';
import en from './locales/en.ts';

export const useAppText = createTextHook('app', en);

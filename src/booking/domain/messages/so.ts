// Somali booking messages. MACHINE-DRAFTED: not yet reviewed by a qualified translator; do not mark as
// reviewed until one has checked every message.
import type { MessageCatalogue } from '../message-catalogue.ts';

export const so = {
  meta: { language: 'so', locale: 'so-GB', review: 'machine_drafted_needs_translator_review' },
  texts: {
    'confirmation.subject': 'Ballantaada waa la xaqiijiyay',
    'confirmation.body':
      '{patientName}, ballantaada {mode} ee {clinician}, {site}, waa la xaqiijiyay: {date} saacadda {time}. Tixraac: {reference}. Si aad u beddesho ama u joojiso, wac {practicePhone}.',
    'change.subject': 'Ballantaada waa la beddelay',
    'change.body':
      '{patientName}, ballantaadii {previousDate} saacadda {previousTime} waxaa loo beddelay {date} saacadda {time}: ballan {mode} ah oo lala yeeshay {clinician}, {site}. Tixraac: {reference}. Si aad u beddesho ama u joojiso, wac {practicePhone}.',
    'cancellation.subject': 'Ballantaada waa la joojiyay',
    'cancellation.body':
      '{patientName}, ballantaadii {clinician} ee {date} saacadda {time} waa la joojiyay. Tixraac: {reference}. Si aad ballan kale u qabsato, wac {practicePhone}.',
    'reminder.subject': 'Xasuusin ballan',
    'reminder.body':
      '{patientName}, xasuusin: waxaad ballan {mode} ah la leedahay {clinician}, {site}, {date} saacadda {time}. Haddii aadan iman karin, fadlan wac {practicePhone} si aad u joojiso, si qof kale u helo.',
    'mode.in_person': 'fool-ka-fool',
    'mode.telephone': 'taleefan',
    'mode.video': 'muuqaal (video)',
    'mode.home_visit': 'booqasho guri',
  },
} as const satisfies MessageCatalogue;

// Bengali booking messages. MACHINE-DRAFTED: not yet reviewed by a qualified translator; do not mark as
// reviewed until one has checked every message (Sylheti speakers usually read standard Bengali script).
import type { MessageCatalogue } from '../message-catalogue.ts';

export const bn = {
  meta: { language: 'bn', locale: 'bn-GB', review: 'machine_drafted_needs_translator_review' },
  texts: {
    'confirmation.subject': 'আপনার অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে',
    'confirmation.body':
      '{patientName}, {date} তারিখে {time}-এ {site}-এ {clinician}-এর সাথে আপনার {mode} অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে। রেফারেন্স: {reference}। পরিবর্তন বা বাতিল করতে {practicePhone} নম্বরে ফোন করুন।',
    'change.subject': 'আপনার অ্যাপয়েন্টমেন্ট পরিবর্তন হয়েছে',
    'change.body':
      '{patientName}, {previousDate} তারিখে {previousTime}-এর আপনার অ্যাপয়েন্টমেন্টটি {date} তারিখে {time}-এ সরানো হয়েছে: {site}-এ {clinician}-এর সাথে {mode} অ্যাপয়েন্টমেন্ট। রেফারেন্স: {reference}। পরিবর্তন বা বাতিল করতে {practicePhone} নম্বরে ফোন করুন।',
    'cancellation.subject': 'আপনার অ্যাপয়েন্টমেন্ট বাতিল হয়েছে',
    'cancellation.body':
      '{patientName}, {date} তারিখে {time}-এ {clinician}-এর সাথে আপনার অ্যাপয়েন্টমেন্টটি বাতিল করা হয়েছে। রেফারেন্স: {reference}। নতুন অ্যাপয়েন্টমেন্টের জন্য {practicePhone} নম্বরে ফোন করুন।',
    'reminder.subject': 'অ্যাপয়েন্টমেন্টের কথা মনে করিয়ে দেওয়া হচ্ছে',
    'reminder.body':
      '{patientName}, মনে করিয়ে দিচ্ছি: {date} তারিখে {time}-এ {site}-এ {clinician}-এর সাথে আপনার {mode} অ্যাপয়েন্টমেন্ট আছে। আসতে না পারলে অনুগ্রহ করে {practicePhone} নম্বরে ফোন করে বাতিল করুন, যাতে অন্য কেউ এটি পেতে পারেন।',
    'mode.in_person': 'সরাসরি',
    'mode.telephone': 'টেলিফোন',
    'mode.video': 'ভিডিও',
    'mode.home_visit': 'বাড়িতে গিয়ে দেখা',
  },
} as const satisfies MessageCatalogue;

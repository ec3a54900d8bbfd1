// Dates, times and numbers in the reader's language, always in London time (appointments are in London).
const ZONE = 'Europe/London';

export interface Formatters {
  date(iso: string): string;
  shortDate(iso: string): string;
  /** 23 November 1990: for dates of birth, no weekday. */
  fullDate(iso: string): string;
  time(iso: string): string;
  dateTime(iso: string): string;
  number(value: number): string;
}

export function formattersFor(locale: string): Formatters {
  const dateFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: ZONE });
  const shortDateFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: ZONE });
  const fullDateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hour12: locale.startsWith('en'), timeZone: ZONE });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    date: (iso) => dateFormat.format(new Date(iso)),
    shortDate: (iso) => shortDateFormat.format(new Date(iso)),
    fullDate: (iso) => fullDateFormat.format(new Date(iso)),
    time: (iso) => timeFormat.format(new Date(iso)).replace(/\s(am|pm)$/i, (_, half: string) => half.toLowerCase()),
    dateTime: (iso) => `${dateFormat.format(new Date(iso))}, ${timeFormat.format(new Date(iso))}`,
    number: (value) => numberFormat.format(value),
  };
}

/** London calendar date (YYYY-MM-DD) of an instant. */
export function londonDateOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

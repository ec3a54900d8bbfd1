// iCalendar (RFC 5545) for one appointment, with the Europe/London VTIMEZONE so calendars show local time.
// A time inside the repeated autumn hour (either occurrence) is written in UTC instead, because its London
// wall-clock reading is ambiguous.
import type { LondonClock } from './london-clock.ts';
import { createLondonClock, dateOfDayNumber } from './london-clock.ts';

export interface IcsAppointment {
  /** Stable across changes, e.g. `appt-123@hamlet.example`, so a calendar updates the same event. */
  uid: string;
  /** Incremented on every change (RFC 5545 SEQUENCE). */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string | null;
  status: 'booked' | 'cancelled';
  organizer?: { name: string; email: string } | null;
}

export const ICS_PRODUCT_ID = '-//Hamlet//Booking//EN';

// The current UK rule (Summer Time Order 2002): last Sunday of March 01:00 GMT, last Sunday of October 01:00 GMT.
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A complete VCALENDAR: METHOD:PUBLISH for a booking or change, METHOD:CANCEL with STATUS:CANCELLED to cancel. */
export function appointmentToIcs(appointment: IcsAppointment, dtstamp: Date, clock: LondonClock = createLondonClock()): string {
  const cancelled = appointment.status === 'cancelled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(appointment.uid)}`,
    `SEQUENCE:${appointment.sequence}`,
    `DTSTAMP:${utcStamp(dtstamp)}`,
    dateTimeProperty('DTSTART', appointment.start, clock),
    dateTimeProperty('DTEND', appointment.end, clock),
    `SUMMARY:${escapeText(appointment.summary)}`,
    ...(appointment.location ? [`LOCATION:${escapeText(appointment.location)}`] : []),
    ...(appointment.description ? [`DESCRIPTION:${escapeText(appointment.description)}`] : []),
    ...(appointment.organizer
      ? [`ORGANIZER;CN=${quoteParameter(appointment.organizer.name)}:mailto:${appointment.organizer.email}`]
      : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 5545 §3.3.11 TEXT escaping. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and one space,
 *  never splitting a UTF-8 character (Bengali text takes 3 octets a letter). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space counts towards the 75
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function dateTimeProperty(name: 'DTSTART' | 'DTEND', instant: Date, clock: LondonClock): string {
  const ms = instant.getTime();
  const day = clock.londonDayNumber(ms);
  const minute = clock.londonMinuteOfDay(ms);
  const date = dateOfDayNumber(day);
  if (isAmbiguousLocally(ms, clock)) return `${name}:${utcStamp(instant)}`;
  const seconds = Math.floor((ms % 60_000) / 1000);
  const local = `${date.replace(/-/g, '')}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}${pad(seconds)}`;
  return `${name};TZID=Europe/London:${local}`;
}

// RFC 5545 reads a repeated wall-clock time as its first occurrence, so neither occurrence is safe to write
// locally: the reading repeats if an instant an hour away, with an offset an hour different, shows it too.
function isAmbiguousLocally(ms: number, clock: LondonClock): boolean {
  const offset = clock.offsetMinutesAt(ms);
  return clock.offsetMinutesAt(ms - 3_600_000) === offset + 60 || clock.offsetMinutesAt(ms + 3_600_000) === offset - 60;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function quoteParameter(value: string): string {
  return `"${value.replace(/"/g, "'")}"`;
}

const pad = (n: number) => String(n).padStart(2, '0');

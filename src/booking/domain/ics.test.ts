import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { IcsAppointment } from './ics.ts';
import { appointmentToIcs, escapeText, foldLine } from './ics.ts';

const DTSTAMP = new Date('2027-10-20T12:00:00Z');

function appointment(start: string, end: string, overrides: Partial<IcsAppointment> = {}): IcsAppointment {
  return {
    uid: 'appt-42@hamlet.example',
    sequence: 0,
    start: new Date(start),
    end: new Date(end),
    summary: 'GP appointment with Dr Rahman',
    location: 'Roman Road Surgery, 1 Roman Road, London E3',
    description: 'Please arrive 5 minutes early.\nBring your medicines; and a list, if you can.',
    status: 'booked',
    organizer: { name: 'Roman Road Surgery', email: 'bookings@roman-road.example' },
    ...overrides,
  };
}

/** Parses with ical.js, registering the calendar's own VTIMEZONE as a client would. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return { calendar, vevent, event };
}

describe('appointmentToIcs', () => {
  it('round-trips through ical.js with the right instants on the autumn change day (31 October 2027)', () => {
    // 09:00–09:15 GMT, the morning after the clocks went back.
    const { event, calendar, vevent } = parse(appointmentToIcs(appointment('2027-10-31T09:00:00Z', '2027-10-31T09:15:00Z'), DTSTAMP));
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-10-31T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-10-31T09:15:00.000Z');
    expect(event.uid).toBe('appt-42@hamlet.example');
    expect(event.summary).toBe('GP appointment with Dr Rahman');
    expect(event.location).toBe('Roman Road Surgery, 1 Roman Road, London E3');
    expect(event.description).toBe('Please arrive 5 minutes early.\nBring your medicines; and a list, if you can.');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('round-trips the BST Saturday before and the spring change day (28 March 2027)', () => {
    for (const [start, end] of [
      ['2027-10-30T07:00:00Z', '2027-10-30T07:10:00Z'], // 08:00 BST
      ['2027-03-28T07:00:00Z', '2027-03-28T07:15:00Z'], // 08:00 BST, first morning of summer time
      ['2027-03-27T19:45:00Z', '2027-03-27T20:00:00Z'], // 19:45 GMT, the evening before
    ] as const) {
      const { event } = parse(appointmentToIcs(appointment(start, end), DTSTAMP));
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(new Date(end).toISOString());
    }
  });

  it('writes London local time with TZID, and UTC inside the ambiguous repeated hour', () => {
    const local = appointmentToIcs(appointment('2027-10-30T07:00:00Z', '2027-10-30T07:10:00Z'), DTSTAMP);
    expect(local).toContain('DTSTART;TZID=Europe/London:20271030T080000\r\n');
    expect(local).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n');
    // 01:30 BST on 31 October happens twice; the first one is 00:30Z.
    const ambiguous = appointmentToIcs(appointment('2027-10-31T00:30:00Z', '2027-10-31T00:40:00Z'), DTSTAMP);
    expect(ambiguous).toContain('DTSTART:20271031T003000Z\r\n');
    expect(parse(ambiguous).event.startDate.toJSDate().toISOString()).toBe('2027-10-31T00:30:00.000Z');
    // …and the second, 01:30 GMT, is 01:30Z: also UTC, since RFC 5545 would read a local 01:30 as the first.
    const second = appointmentToIcs(appointment('2027-10-31T01:30:00Z', '2027-10-31T01:40:00Z'), DTSTAMP);
    expect(second).toContain('DTSTART:20271031T013000Z\r\n');
    expect(parse(second).event.startDate.toJSDate().toISOString()).toBe('2027-10-31T01:30:00.000Z');
    // 02:00 GMT is unambiguous again.
    expect(appointmentToIcs(appointment('2027-10-31T02:00:00Z', '2027-10-31T02:10:00Z'), DTSTAMP)).toContain('DTSTART;TZID=Europe/London:20271031T020000\r\n');
  });

  it('a cancellation is METHOD:CANCEL with STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const ics = appointmentToIcs(appointment('2027-11-02T10:00:00Z', '2027-11-02T10:10:00Z', { status: 'cancelled', sequence: 2 }), DTSTAMP);
    const { calendar, vevent } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(vevent.getFirstPropertyValue('uid')).toBe('appt-42@hamlet.example');
    expect(ics).toContain('DTSTAMP:20271020T120000Z\r\n');
  });

  it('uses CRLF, folds long lines at 75 octets, and keeps Bengali text intact when unfolded', () => {
    const description = 'আপনার অ্যাপয়েন্টমেন্ট নিশ্চিত করা হয়েছে। অনুগ্রহ করে ৫ মিনিট আগে আসুন, এবং আপনার ওষুধের তালিকা আনুন।';
    const ics = appointmentToIcs(appointment('2027-11-02T10:00:00Z', '2027-11-02T10:10:00Z', { description }), DTSTAMP);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(parse(ics).event.description).toBe(description);
  });
});

describe('escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('leaves a 75-octet line alone and folds a 76-octet one', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('x'.repeat(75 + 74 + 1)).split('\r\n ').map((p) => p.length)).toEqual([75, 74, 1]);
  });

  it('never splits a multi-octet character', () => {
    const folded = foldLine('ক'.repeat(30)); // 3 octets each: 25 per first line
    expect(folded.split('\r\n ')[0]).toBe('ক'.repeat(25));
  });
});

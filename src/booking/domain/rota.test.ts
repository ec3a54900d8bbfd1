import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { londonDate, londonTime } from '../../shared/domain/london-time.ts';
import type { RotaException, SessionTemplate } from './rota.ts';
import { expandRota } from './rota.ts';

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

function template(overrides: Partial<SessionTemplate> = {}): SessionTemplate {
  return {
    id: 't-hub',
    staffId: 'staff-1',
    siteId: 'hub-bow',
    weekdays: [6, 7],
    start: '08:00',
    end: '20:00',
    slotMinutes: 15,
    mode: 'in_person',
    slotType: 'hub',
    bookableBy: ['hub', 'pcn', 'nhs111'],
    serviceTag: null,
    release: { kind: 'on_creation' },
    validFrom: '2027-01-01',
    validTo: null,
    runsOnBankHolidays: true,
    ...overrides,
  };
}

const localTimes = (slots: { start: Date }[]) => slots.map((s) => londonTime(s.start));

describe('expandRota on clock-change days', () => {
  it('spring change (Sunday 28 March 2027): a hub 08:00–20:00 session gives exactly the local 08:00–20:00 slots', () => {
    const slots = expandRota([template()], [], { from: '2027-03-28', to: '2027-03-28' }, NO_HOLIDAYS);
    expect(slots).toHaveLength(48);
    expect(slots[0]!.start.toISOString()).toBe('2027-03-28T07:00:00.000Z'); // 08:00 BST
    expect(slots.at(-1)!.end.toISOString()).toBe('2027-03-28T19:00:00.000Z'); // 20:00 BST
    expect(localTimes(slots)[0]).toBe('08:00');
    expect(localTimes(slots).at(-1)).toBe('19:45');
    expect(new Set(localTimes(slots)).size).toBe(48);
    slots.forEach((slot, i) => {
      expect(slot.end.getTime() - slot.start.getTime()).toBe(15 * 60_000);
      if (i > 0) expect(slot.start.getTime()).toBe(slots[i - 1]!.end.getTime());
    });
  });

  it('autumn change (Sunday 31 October 2027): 48 slots from 08:00 GMT, none lost or doubled', () => {
    const slots = expandRota([template()], [], { from: '2027-10-31', to: '2027-10-31' }, NO_HOLIDAYS);
    expect(slots).toHaveLength(48);
    expect(slots[0]!.start.toISOString()).toBe('2027-10-31T08:00:00.000Z'); // 08:00 GMT
    expect(slots.at(-1)!.end.toISOString()).toBe('2027-10-31T20:00:00.000Z');
    expect(new Set(localTimes(slots)).size).toBe(48);
  });

  it('the Saturday before each change keeps its own offset (no offset carried across days)', () => {
    const spring = expandRota([template()], [], { from: '2027-03-27', to: '2027-03-28' }, NO_HOLIDAYS);
    expect(spring.filter((s) => s.date === '2027-03-27')[0]!.start.toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(spring.filter((s) => s.date === '2027-03-28')[0]!.start.toISOString()).toBe('2027-03-28T07:00:00.000Z');
    const autumn = expandRota([template()], [], { from: '2027-10-30', to: '2027-10-31' }, NO_HOLIDAYS);
    expect(autumn.filter((s) => s.date === '2027-10-30')[0]!.start.toISOString()).toBe('2027-10-30T07:00:00.000Z');
    expect(autumn).toHaveLength(96);
  });

  it('a night session across the skipped spring hour drops slots that do not exist', () => {
    const night = template({ start: '00:00', end: '03:00', slotMinutes: 30 });
    const slots = expandRota([night], [], { from: '2027-03-28', to: '2027-03-28' }, NO_HOLIDAYS);
    expect(localTimes(slots)).toEqual(['00:00', '02:00', '02:30']);
  });

  it('a night session across the repeated autumn hour gives each wall-clock slot once (luxon reads 01:xx as GMT), dropping the 90-minute one', () => {
    const night = template({ start: '00:00', end: '03:00', slotMinutes: 30 });
    const slots = expandRota([night], [], { from: '2027-10-31', to: '2027-10-31' }, NO_HOLIDAYS);
    expect(localTimes(slots)).toEqual(['00:00', '01:00', '01:30', '02:00', '02:30']);
    slots.forEach((s) => expect(s.end.getTime() - s.start.getTime()).toBe(30 * 60_000));
  });

  it('property: any daytime session on any 2025–2030 date yields whole local slots in order', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T12:00:00Z'), max: new Date('2030-12-31T12:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 7 * 4, max: 12 * 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(5, 10, 15, 20, 30),
        (day, startQuarter, quarters, slotMinutes) => {
          const date = day.toISOString().slice(0, 10);
          const startMinute = startQuarter * 15;
          const endMinute = Math.min(startMinute + quarters * 15, 23 * 60);
          const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const t = template({ validFrom: '2000-01-01', weekdays: [1, 2, 3, 4, 5, 6, 7], start: hhmm(startMinute), end: hhmm(endMinute), slotMinutes });
          const slots = expandRota([t], [], { from: date, to: date }, NO_HOLIDAYS);
          expect(slots).toHaveLength(Math.floor((endMinute - startMinute) / slotMinutes));
          slots.forEach((s, i) => {
            expect(londonDate(s.start)).toBe(date);
            expect(londonTime(s.start)).toBe(hhmm(startMinute + i * slotMinutes));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('expandRota calendar rules', () => {
  const weekdaySession = template({ id: 't-am', siteId: 'practice-a', weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '10:00', slotMinutes: 10, runsOnBankHolidays: false });

  it('runs only on the template weekdays', () => {
    // Monday 5 April 2027 … Sunday 11 April 2027
    const slots = expandRota([weekdaySession], [], { from: '2027-04-05', to: '2027-04-11' }, NO_HOLIDAYS);
    expect([...new Set(slots.map((s) => s.date))]).toEqual(['2027-04-05', '2027-04-06', '2027-04-07', '2027-04-08', '2027-04-09']);
    expect(slots).toHaveLength(30);
  });

  it('skips bank holidays unless the template runs on them', () => {
    const holidays = new Set(['2027-03-29']); // Easter Monday 2027
    const practice = expandRota([weekdaySession], [], { from: '2027-03-29', to: '2027-03-30' }, holidays);
    expect(new Set(practice.map((s) => s.date))).toEqual(new Set(['2027-03-30']));
    const hub = expandRota([{ ...weekdaySession, runsOnBankHolidays: true }], [], { from: '2027-03-29', to: '2027-03-29' }, holidays);
    expect(hub).toHaveLength(6);
  });

  it('respects validFrom and validTo inclusively', () => {
    const bounded = { ...weekdaySession, validFrom: '2027-04-06', validTo: '2027-04-07' };
    const slots = expandRota([bounded], [], { from: '2027-04-05', to: '2027-04-09' }, NO_HOLIDAYS);
    expect([...new Set(slots.map((s) => s.date))]).toEqual(['2027-04-06', '2027-04-07']);
  });

  it('removes a clinician on leave, a closed site, and a clinician absent from one site only', () => {
    const other = { ...weekdaySession, id: 't-other', staffId: 'staff-2', siteId: 'practice-b' };
    const exceptions: RotaException[] = [
      { staffId: 'staff-1', siteId: null, from: '2027-04-05', to: '2027-04-06', reason: 'leave' },
      { staffId: null, siteId: 'practice-b', from: '2027-04-07', to: '2027-04-07', reason: 'closure' },
      { staffId: 'staff-2', siteId: 'practice-elsewhere', from: '2027-04-08', to: '2027-04-08', reason: 'training' },
    ];
    const slots = expandRota([weekdaySession, other], exceptions, { from: '2027-04-05', to: '2027-04-08' }, NO_HOLIDAYS);
    const days = (staffId: string) => [...new Set(slots.filter((s) => s.staffId === staffId).map((s) => s.date))];
    expect(days('staff-1')).toEqual(['2027-04-07', '2027-04-08']);
    expect(days('staff-2')).toEqual(['2027-04-05', '2027-04-06', '2027-04-08']);
  });

  it('a borough-wide closure (no staff, no site) removes every session', () => {
    const closure: RotaException = { staffId: null, siteId: null, from: '2027-04-05', to: '2027-04-05', reason: 'closure' };
    expect(expandRota([weekdaySession], [closure], { from: '2027-04-05', to: '2027-04-05' }, NO_HOLIDAYS)).toEqual([]);
  });

  it('rejects a session that ends before it starts, or a zero slot length', () => {
    expect(() => expandRota([template({ start: '20:00', end: '08:00' })], [], { from: '2027-04-05', to: '2027-04-05' }, NO_HOLIDAYS)).toThrow(RangeError);
    expect(() => expandRota([template({ slotMinutes: 0 })], [], { from: '2027-04-05', to: '2027-04-05' }, NO_HOLIDAYS)).toThrow(RangeError);
  });
});

describe('expandRota release rules', () => {
  const range = { from: '2027-04-10', to: '2027-04-10' }; // Saturday, BST
  it('same_day_at releases at that London time on the slot date', () => {
    const [slot] = expandRota([template({ release: { kind: 'same_day_at', time: '08:00' } })], [], range, NO_HOLIDAYS);
    expect(slot!.releaseAt.toISOString()).toBe('2027-04-10T07:00:00.000Z');
  });

  it('days_before_at counts calendar days back, reading the clock of the release date (GMT before the change)', () => {
    const [slot] = expandRota([template({ release: { kind: 'days_before_at', days: 14, time: '00:00' } })], [], range, NO_HOLIDAYS);
    expect(slot!.releaseAt.toISOString()).toBe('2027-03-27T00:00:00.000Z'); // 27 March is still GMT
  });

  it('on_creation uses the supplied creation instant, or the epoch when none is given', () => {
    const createdAt = new Date('2027-02-01T10:00:00Z');
    const [slot] = expandRota([template()], [], range, NO_HOLIDAYS, { createdAt });
    expect(slot!.releaseAt.toISOString()).toBe(createdAt.toISOString());
    const [always] = expandRota([template()], [], range, NO_HOLIDAYS);
    expect(always!.releaseAt.getTime()).toBe(0);
  });

  it('a release time inside the skipped spring hour moves forward by the skipped hour', () => {
    const slots = expandRota([template({ release: { kind: 'same_day_at', time: '01:30' } })], [], { from: '2027-03-28', to: '2027-03-28' }, NO_HOLIDAYS);
    expect(slots[0]!.releaseAt.toISOString()).toBe('2027-03-28T01:30:00.000Z'); // luxon: 01:30 → 02:30 BST
  });
});

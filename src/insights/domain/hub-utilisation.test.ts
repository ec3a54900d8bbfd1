import { describe, expect, it } from 'vitest';
import { utilisationByWeekday } from './hub-utilisation.ts';

describe('utilisationByWeekday', () => {
  it('reports booked and attended against offered for each weekday, Monday first', () => {
    const slots = [
      { date: '2027-03-27', booked: true, attended: true }, // Saturday
      { date: '2027-03-27', booked: true, attended: false },
      { date: '2027-03-27', booked: false, attended: false },
      { date: '2027-03-28', booked: true, attended: true }, // Sunday, the day the clocks change
      { date: '2027-03-29', booked: false, attended: false }, // Monday
    ];
    const rows = utilisationByWeekday(slots);
    expect(rows.map((r) => r.name)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(rows[5]).toEqual({
      weekday: 6,
      name: 'Saturday',
      offered: 3,
      booked: 2,
      attended: 1,
      bookedShare: 2 / 3,
      attendedShare: 1 / 3,
    });
    expect(rows[6]).toMatchObject({ offered: 1, bookedShare: 1 });
    expect(rows[0]).toMatchObject({ offered: 1, booked: 0, bookedShare: 0 });
    expect(rows[1]).toMatchObject({ offered: 0, bookedShare: null, attendedShare: null });
  });
  it('rejects a slot attended without a booking', () => {
    expect(() => utilisationByWeekday([{ date: '2027-01-04', booked: false, attended: true }])).toThrow(RangeError);
  });
});

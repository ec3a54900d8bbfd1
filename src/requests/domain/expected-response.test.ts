import { describe, expect, it } from 'vitest';
import { describeWhen, expectedResponse, type ExpectedResponseInput } from './expected-response.ts';
import type { WorkingCalendar } from './working-calendar.ts';

const calendar: WorkingCalendar = { opens: '08:00', closes: '18:30', weekdays: [1, 2, 3, 4, 5], bankHolidays: new Set() };
const now = new Date('2026-11-23T10:00:00Z'); // Monday 10:00 London
const base: ExpectedResponseInput = {
  now, disposition: 'routine', service: 'first_available', respondBy: new Date('2026-11-25T18:30:00Z'), calendar,
  load: { ahead: 0, handledRecently: 0, windowWorkingHours: 52.5 },
};

describe('expected response', () => {
  it('uses the practice’s recent handling rate when there is enough history', () => {
    // 105 handled in 52.5 working hours = 2 an hour; 9 ahead + this one = 5 hours.
    const result = expectedResponse({ ...base, load: { ahead: 9, handledRecently: 105, windowWorkingHours: 52.5 } });
    expect(result.by.toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(result.withinTarget).toBe(true);
    expect(result.basis).toMatch(/105 requests handled/);
    expect(result.text).toBe('We expect to reply by 15:00 today.');
  });

  it('states an assumption when history is thin', () => {
    const result = expectedResponse({ ...base, load: { ahead: 5, handledRecently: 3, windowWorkingHours: 52.5 } });
    expect(result.basis).toMatch(/assumed 6 requests an hour/);
    expect(result.by.toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('is honest when the queue pushes the reply past the target', () => {
    const result = expectedResponse({ ...base, load: { ahead: 200, handledRecently: 105, windowWorkingHours: 52.5 } });
    expect(result.withinTarget).toBe(false);
    expect(result.text).toMatch(/busier than usual: 200 requests are ahead of yours/);
    expect(result.text).toMatch(/later than our usual target of 18:30 on Wednesday 25 November/);
  });

  it('tells an emergency to act now, never to wait', () => {
    const result = expectedResponse({ ...base, disposition: 'emergency', service: 'emergency_999' });
    expect(result.by).toEqual(now);
    expect(result.text).toMatch(/call 999 or go to A&E now/);
    const crisis = expectedResponse({ ...base, disposition: 'emergency', service: 'mental_health_crisis' });
    expect(crisis.text).toMatch(/NHS 111 and choose option 2/);
    expect(crisis.text).toMatch(/116 123/);
  });

  describe('urgent requests and same-day capacity', () => {
    const urgent = { ...base, disposition: 'urgent' as const, service: 'same_day_clinician' as const, respondBy: new Date('2026-11-23T14:00:00Z') };
    const hubAt = new Date('2026-11-23T18:30:00Z');
    it('stays at the practice while same-day slots remain', () => {
      const result = expectedResponse({ ...urgent, capacity: { practiceFreeSlots: 3, urgentAhead: 2, hub: null, nextFreeAt: null } });
      expect(result.routedTo).toEqual({ kind: 'practice' });
      expect(result.text).toMatch(/A clinician will contact you by 10:10 today/);
    });
    it('goes to the hub when the practice is full, with the hub’s real time', () => {
      const result = expectedResponse({ ...urgent, capacity: { practiceFreeSlots: 2, urgentAhead: 2, hub: { id: 'HUB1', name: 'Bow Hub', freeSlots: 4, urgentAhead: 1, firstFreeAt: hubAt }, nextFreeAt: hubAt } });
      expect(result.routedTo).toEqual({ kind: 'hub', hubId: 'HUB1', hubName: 'Bow Hub' });
      expect(result.by).toEqual(hubAt);
      expect(result.withinTarget).toBe(false);
      expect(result.text).toMatch(/full.*Bow Hub.*18:30 today.*NHS 111/);
    });
    it('still lands with the next available clinician when hub and practice are full', () => {
      const tomorrow = new Date('2026-11-24T08:10:00Z');
      const result = expectedResponse({ ...urgent, capacity: { practiceFreeSlots: 0, urgentAhead: 0, hub: null, nextFreeAt: tomorrow } });
      expect(result.routedTo).toEqual({ kind: 'next_available' });
      expect(result.by).toEqual(tomorrow);
      expect(result.text).toMatch(/next free appointment is at 08:10 tomorrow/);
    });
  });

  it('describes times in London words', () => {
    expect(describeWhen(new Date('2026-11-27T12:00:00Z'), now)).toBe('12:00 on Friday 27 November');
  });
});

import { describe, expect, it } from 'vitest';
import { londonInstant } from '../../shared/domain/london-time.ts';
import type { CandidateSlot } from './slot-index.ts';
import { buildCandidateIndex } from './slot-index.ts';
import { rankSlots } from './slot-ranking.ts';
import { CLINICIANS, PATIENT, request, SITES, slot } from './slot-ranking.fixture.ts';

const rank = (slots: CandidateSlot[], overrides: Parameters<typeof request>[0] = {}) =>
  rankSlots(buildCandidateIndex(slots, SITES, CLINICIANS), request(overrides));
const ids = (result: ReturnType<typeof rank>) => result.options.map((o) => o.slot.slotId);
const codes = (result: ReturnType<typeof rank>, slotId: string) =>
  result.options.find((o) => o.slot.slotId === slotId)?.reasons.map((r) => r.code);

describe('rankSlots hard filters', () => {
  const week = [
    slot('smith-mon-1100', 'dr-smith', '2027-10-25 11:00'),
    slot('rahman-tue-1000', 'dr-rahman', '2027-10-26 10:00'),
    slot('begum-mon-1830', 'dr-begum', '2027-10-25 18:30'),
    slot('jones-other-pcn', 'dr-jones', '2027-10-25 10:00'),
    slot('okafor-unsigned-hub', 'dr-okafor', '2027-10-25 09:30'),
    slot('ali-nurse', 'nurse-ali', '2027-10-25 09:10'),
    slot('smith-video', 'dr-smith', '2027-10-25 09:20', 'video'),
    slot('rahman-past', 'dr-rahman', '2027-10-25 08:50'),
    slot('rahman-overruns', 'dr-rahman', '2027-10-29 19:55'),
  ];

  it('keeps only permitted GP slots by phone or in person wholly inside the window', () => {
    const result = rank(week);
    expect(new Set(ids(result))).toEqual(new Set(['smith-mon-1100', 'rahman-tue-1000', 'begum-mon-1830']));
    expect(result.eligibleCount).toBe(3);
    expect(result.firstAvailable?.slotId).toBe('smith-mon-1100');
  });

  it('any_clinician admits the nurse; a nurse-only need admits nobody else', () => {
    expect(ids(rank(week, { need: { ...request().need, roles: 'any_clinician' } }))).toContain('ali-nurse');
    expect(ids(rank(week, { need: { ...request().need, roles: ['nurse'] } }))).toEqual(['ali-nurse']);
  });

  it('step-free access rules out in-person slots at Roman Road, but not its phone slots', () => {
    const slots = [...week, slot('smith-phone', 'dr-smith', '2027-10-25 12:00', 'telephone')];
    const result = rank(slots, { preferences: { stepFreeRequired: true } });
    expect(new Set(ids(result))).toEqual(new Set(['begum-mon-1830', 'smith-phone']));
    expect(codes(result, 'begum-mon-1830')).toContain('step_free');
  });

  it('a 15-minute walking limit rules out the Bow hub (24 min walk) but a 25-minute one keeps it', () => {
    expect(ids(rank(week, { preferences: { maxTravelMinutes: 15 } }))).not.toContain('begum-mon-1830');
    expect(ids(rank(week, { preferences: { maxTravelMinutes: 25 } }))).toContain('begum-mon-1830');
    expect(ids(rank(week, { preferences: { maxTravelMinutes: 15, travelMode: 'car' } }))).toContain('begum-mon-1830');
  });

  it('a patient who opted out of sharing is offered only their own practice', () => {
    const result = rank(week, { patient: { ...PATIENT, optedOutOfSharing: true } });
    expect(new Set(ids(result))).toEqual(new Set(['smith-mon-1100', 'rahman-tue-1000']));
  });

  it('an embargo holds a PCN slot back from the navigator but not the practice’s own slot', () => {
    const embargoUntil = new Date('2027-10-27T07:00:00Z');
    const slots = [
      slot('own-embargoed', 'dr-smith', '2027-10-27 10:00', 'in_person', { embargoUntil }),
      slot('pcn-embargoed', 'nurse-ali', '2027-10-27 10:00', 'in_person', { embargoUntil }),
    ];
    expect(ids(rank(slots, { need: { ...request().need, roles: 'any_clinician' } }))).toEqual(['own-embargoed']);
  });

  it('protected, unreleased and out-of-window-for-booking slots are left out', () => {
    const slots = [
      slot('diabetes', 'dr-smith', '2027-10-26 09:00', 'in_person', { serviceTag: 'diabetes_review' }),
      slot('unreleased', 'dr-smith', '2027-10-26 10:00', 'in_person', { releaseAt: new Date('2027-10-26T07:00:00Z') }),
      slot('too-far', 'dr-smith', '2027-10-28 10:00', 'in_person', { maxDaysAhead: 2 }),
    ];
    expect(ids(rank(slots))).toEqual([]);
    expect(ids(rank(slots, { need: { ...request().need, serviceTag: 'diabetes_review' } }))).toEqual(['diabetes']);
  });
});

describe('rankSlots scoring and reasons', () => {
  const week = [
    slot('smith-mon-1100', 'dr-smith', '2027-10-25 11:00'),
    slot('rahman-tue-1000', 'dr-rahman', '2027-10-26 10:00'),
    slot('begum-mon-1830', 'dr-begum', '2027-10-25 18:30'),
  ];

  it('puts the usual clinician first and explains each option', () => {
    const result = rank(week);
    expect(ids(result)[0]).toBe('rahman-tue-1000');
    expect(result.options[0]!.reasons.map((r) => r.text)).toEqual([
      'With Dr Rahman who knows you',
      'At your practice, Roman Road Surgery',
      '3 min walk',
    ]);
    expect(codes(result, 'smith-mon-1100')).toEqual(['earliest', 'own_practice', 'travel']);
  });

  it('a Bengali speaker who prefers evenings sees Dr Begum at the Bow hub first', () => {
    const result = rank(week, { preferences: { language: 'bn', timeOfDay: 'evening', preferUsualClinician: false } });
    expect(ids(result)[0]).toBe('begum-mon-1830');
    expect(result.options[0]!.reasons.map((r) => r.text)).toEqual([
      'Speaks Bengali',
      'Evening at the Bow hub',
      'Evening, as you prefer',
      '24 min walk',
    ]);
  });

  it('a preferred mode lifts a phone slot and says so; remote options say no travel is needed', () => {
    const slots = [...week, slot('smith-phone-tue', 'dr-smith', '2027-10-26 09:00', 'telephone')];
    const result = rank(slots, { preferences: { mode: 'telephone', preferUsualClinician: false } });
    expect(ids(result)[0]).toBe('smith-phone-tue');
    expect(codes(result, 'smith-phone-tue')).toEqual(['preferred_mode', 'own_practice', 'no_travel']);
  });

  it('reports the usual clinician’s wait beyond the window (after the clock change) against first available', () => {
    const slots = [slot('smith-mon-1100', 'dr-smith', '2027-10-25 11:00'), slot('rahman-next-mon', 'dr-rahman', '2027-11-01 10:00')];
    const result = rank(slots);
    expect(ids(result)).toEqual(['smith-mon-1100']);
    expect(result.firstAvailable).toMatchObject({ slotId: 'smith-mon-1100', waitMinutes: 120, waitDays: 0 });
    expect(result.usualClinician).toMatchObject({ slotId: 'rahman-next-mon', waitDays: 7 });
    expect(result.usualClinician!.start.toISOString()).toBe('2027-11-01T10:00:00.000Z'); // 10:00 GMT
    expect(result.usualClinician!.waitMinutes).toBe(7 * 24 * 60 + 60 + 60); // a week, an hour later, plus the clock change
  });

  it('no usual clinician, or none with a free slot, gives null', () => {
    expect(rank(week, { patient: { ...PATIENT, usualClinicianId: null } }).usualClinician).toBeNull();
    expect(rank([slot('smith-mon-1100', 'dr-smith', '2027-10-25 11:00')]).usualClinician).toBeNull();
  });
});

describe('rankSlots ordering', () => {
  it('shows one option per clinician per day unless asked for all', () => {
    const slots = ['11:00', '11:10', '11:20'].map((t) => slot(`smith-${t}`, 'dr-smith', `2027-10-25 ${t}`));
    expect(ids(rank(slots))).toEqual(['smith-11:00']);
    expect(ids(rank(slots, { onePerClinicianDay: false }))).toEqual(['smith-11:00', 'smith-11:10', 'smith-11:20']);
  });

  it('breaks exact ties by start then slot id, whatever the input order', () => {
    const slots = [
      slot('b-tie', 'dr-smith', '2027-10-26 09:00'),
      slot('a-tie', 'dr-smith', '2027-10-26 09:00'),
      slot('c-later', 'dr-smith', '2027-10-26 09:10'),
    ];
    const forward = ids(rank(slots, { onePerClinicianDay: false }));
    const backward = ids(rank([...slots].reverse(), { onePerClinicianDay: false }));
    expect(forward).toEqual(['a-tie', 'b-tie', 'c-later']);
    expect(backward).toEqual(forward);
  });

  it('returns at most `limit` options, best first', () => {
    const slots = Array.from({ length: 30 }, (_, i) => slot(`s${i}`, 'dr-smith', `2027-10-${25 + (i % 5)} ${String(9 + Math.floor(i / 5)).padStart(2, '0')}:00`));
    const result = rank(slots, { limit: 4, onePerClinicianDay: false });
    expect(result.options).toHaveLength(4);
    const scores = result.options.map((o) => o.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.eligibleCount).toBe(29); // Monday 09:00 starts at `now`, so it is already in the past
  });

  it('an empty window gives no options and no first available', () => {
    const result = rank([slot('s', 'dr-smith', '2027-10-25 11:00')], {
      need: { ...request().need, earliest: londonInstant('2027-11-08', '09:00'), latest: londonInstant('2027-11-09', '09:00') },
    });
    expect(result).toMatchObject({ options: [], eligibleCount: 0, firstAvailable: null });
  });

  it('rejects slots naming an unknown site or clinician when indexing', () => {
    expect(() => buildCandidateIndex([{ ...slot('s', 'dr-smith', '2027-10-25 11:00'), siteId: 'nowhere' }], SITES, CLINICIANS)).toThrow(RangeError);
  });
});

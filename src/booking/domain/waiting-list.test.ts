import { describe, expect, it } from 'vitest';
import type { FreedSlot, SlotOffer, WaitingEntry } from './waiting-list.ts';
import { advanceOffer, offerCancelledSlot, waitingListOrder } from './waiting-list.ts';

const NOW = new Date('2027-10-25T08:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const freed: FreedSlot = { slotId: 'slot-1', start: minutes(180), mode: 'in_person', clinicianId: 'dr-rahman', siteId: 'practice-a' };

function entry(entryId: string, requestedMinutesAgo: number, overrides: Partial<WaitingEntry['criteria']> = {}, status: WaitingEntry['status'] = 'waiting'): WaitingEntry {
  return {
    entryId,
    patientId: `patient-${entryId}`,
    requestedAt: minutes(-requestedMinutesAgo),
    criteria: { modes: ['in_person', 'telephone'], clinicianId: null, siteIds: null, before: minutes(7 * 24 * 60), ...overrides },
    status,
  };
}

const offerTo = (decision: ReturnType<typeof offerCancelledSlot>) => (decision.kind === 'offer' ? decision.offer.entryId : decision.reason);

describe('offerCancelledSlot', () => {
  it('offers to the earliest request among matching entries, for 30 minutes', () => {
    const entries = [entry('late', 10), entry('first', 300), entry('second', 200)];
    const decision = offerCancelledSlot(freed, entries, NOW);
    expect(decision).toEqual({
      kind: 'offer',
      offer: { slotId: 'slot-1', entryId: 'first', patientId: 'patient-first', offeredAt: NOW, expiresAt: minutes(30) },
    });
  });

  it('passes over entries whose mode, clinician, site or date does not match, and closed entries', () => {
    const entries = [
      entry('phone-only', 900, { modes: ['telephone'] }),
      entry('wants-smith', 800, { clinicianId: 'dr-smith' }),
      entry('other-site', 700, { siteIds: ['hub-bow'] }),
      entry('slot-too-late', 600, { before: minutes(180) }), // must start strictly before
      entry('withdrawn', 500, {}, 'withdrawn'),
      entry('wants-rahman-here', 400, { clinicianId: 'dr-rahman', siteIds: ['practice-a'] }),
    ];
    expect(offerTo(offerCancelledSlot(freed, entries, NOW))).toBe('wants-rahman-here');
  });

  it('breaks equal request times by entry id', () => {
    expect(waitingListOrder([entry('b', 60), entry('a', 60)]).map((e) => e.entryId)).toEqual(['a', 'b']);
  });

  it('never lets an offer run past the slot start (less the notice)', () => {
    const soon = { ...freed, start: minutes(20) };
    const decision = offerCancelledSlot(soon, [entry('x', 60)], NOW, { minNoticeMinutes: 5 });
    expect(decision.kind === 'offer' && decision.offer.expiresAt).toEqual(minutes(15));
  });

  it('too_late when no time is left to accept; no_matching_entry when nobody fits', () => {
    expect(offerTo(offerCancelledSlot({ ...freed, start: minutes(5) }, [entry('x', 60)], NOW, { minNoticeMinutes: 5 }))).toBe('too_late');
    expect(offerTo(offerCancelledSlot(freed, [entry('x', 60, { modes: ['video'] })], NOW))).toBe('no_matching_entry');
  });

  it('skips a patient already holding an open offer for another slot, but not one whose offer lapsed', () => {
    const entries = [entry('busy', 300), entry('free', 200)];
    const open: SlotOffer = { slotId: 'slot-9', entryId: 'busy', patientId: 'patient-busy', offeredAt: minutes(-10), expiresAt: minutes(20) };
    expect(offerTo(offerCancelledSlot(freed, entries, NOW, { openOffers: [open] }))).toBe('free');
    expect(offerTo(offerCancelledSlot(freed, entries, NOW, { openOffers: [{ ...open, expiresAt: NOW }] }))).toBe('busy');
  });

  it('takes a configurable offer time', () => {
    const decision = offerCancelledSlot(freed, [entry('x', 60)], NOW, { offerMinutes: 10 });
    expect(decision.kind === 'offer' && decision.offer.expiresAt).toEqual(minutes(10));
  });
});

describe('advanceOffer', () => {
  const entries = [entry('first', 300), entry('second', 200), entry('third', 100)];

  it('keeps an open offer, then moves to the next in line once it expires', () => {
    const first = offerCancelledSlot(freed, entries, NOW);
    if (first.kind !== 'offer') throw new Error('expected an offer');
    expect(advanceOffer(freed, entries, [first.offer], minutes(29))).toEqual({ kind: 'keep', offer: first.offer });
    const second = advanceOffer(freed, entries, [first.offer], minutes(30));
    expect(second).toMatchObject({ kind: 'offer', offer: { entryId: 'second', offeredAt: minutes(30), expiresAt: minutes(60) } });
  });

  it('works down the list as each offer lapses, then reports nobody left', () => {
    const history: SlotOffer[] = [];
    const seen: string[] = [];
    for (let step = 0; step < 4; step++) {
      const decision = advanceOffer(freed, entries, history, minutes(step * 30));
      if (decision.kind === 'none') {
        seen.push(decision.reason);
        break;
      }
      seen.push(decision.offer.entryId);
      history.push(decision.offer);
    }
    expect(seen).toEqual(['first', 'second', 'third', 'no_matching_entry']);
  });
});

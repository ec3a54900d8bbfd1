// Cross-checks the indexed search against a slow, obvious implementation built on mayBook and a full sort.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { APPOINTMENT_MODES, BOOKERS } from '../../shared/domain/vocabulary.ts';
import { mayBook } from './booking-permission.ts';
import type { CandidateSlot } from './slot-index.ts';
import { buildCandidateIndex } from './slot-index.ts';
import { rankSlots } from './slot-ranking.ts';
import type { RankingRequest } from './slot-search.ts';
import { agreementKey, isEligible, prepareSearch, scoreOf } from './slot-search.ts';
import { createLondonClock } from './london-clock.ts';
import { estimateTravel } from './travel.ts';
import { CLINICIANS, NOW, PATIENT, request, SITES } from './slot-ranking.fixture.ts';

const HOUR = 3_600_000;

const slotArbitrary = fc.record({
  clinician: fc.constantFrom(...CLINICIANS),
  siteIdx: fc.integer({ min: 0, max: SITES.length - 1 }),
  startHours: fc.integer({ min: -4, max: 24 * 6 }),
  mode: fc.constantFrom(...APPOINTMENT_MODES),
  bookableBy: fc.subarray([...BOOKERS], { minLength: 1 }),
  releaseHours: fc.integer({ min: -48, max: 48 }),
  embargoHours: fc.option(fc.integer({ min: -24, max: 48 }), { nil: null }),
  maxDaysAhead: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  serviceTag: fc.constantFrom(null, null, null, 'diabetes_review'),
});

const requestArbitrary = fc.record({
  modes: fc.subarray([...APPOINTMENT_MODES], { minLength: 1 }),
  roles: fc.constantFrom('any_clinician' as const, ['gp'] as const, ['nurse', 'pharmacist'] as const),
  stepFreeRequired: fc.boolean(),
  maxTravelMinutes: fc.option(fc.integer({ min: 2, max: 40 }), { nil: null }),
  optedOut: fc.boolean(),
  windowHours: fc.integer({ min: 1, max: 24 * 7 }),
  serviceTag: fc.constantFrom(null, 'diabetes_review'),
});

type SlotRecord = typeof slotArbitrary extends fc.Arbitrary<infer T> ? T : never;
type RequestRecord = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toSlots(records: SlotRecord[]): CandidateSlot[] {
  return records.map((r, i) => {
    const start = new Date(NOW.getTime() + r.startHours * HOUR);
    return {
      slotId: `s${String(i).padStart(3, '0')}`,
      clinicianId: r.clinician.clinicianId,
      siteId: SITES[r.siteIdx]!.siteId,
      start,
      end: new Date(start.getTime() + 15 * 60_000),
      mode: r.mode,
      slotType: 'pre_bookable',
      bookableBy: r.bookableBy,
      releaseAt: new Date(NOW.getTime() + r.releaseHours * HOUR),
      serviceTag: r.serviceTag,
      embargoUntil: r.embargoHours === null ? null : new Date(NOW.getTime() + r.embargoHours * HOUR),
      maxDaysAhead: r.maxDaysAhead,
    };
  });
}

function toRequest(r: RequestRecord): RankingRequest {
  return request({
    patient: { ...PATIENT, optedOutOfSharing: r.optedOut },
    need: { earliest: NOW, latest: new Date(NOW.getTime() + r.windowHours * HOUR), modes: r.modes, roles: r.roles, serviceTag: r.serviceTag },
    preferences: { stepFreeRequired: r.stepFreeRequired, maxTravelMinutes: r.maxTravelMinutes, language: 'bn', timeOfDay: 'morning' },
    onePerClinicianDay: false,
    limit: 5,
  });
}

/** The obvious definition, slot by slot. */
function bruteForceEligible(slot: CandidateSlot, req: RankingRequest): boolean {
  const site = SITES.find((s) => s.siteId === slot.siteId)!;
  const clinician = CLINICIANS.find((c) => c.clinicianId === slot.clinicianId)!;
  const { need, preferences: prefs } = req;
  if (slot.start < need.earliest || slot.end > need.latest || !need.modes.includes(slot.mode)) return false;
  if (need.roles !== 'any_clinician' && !need.roles.includes(clinician.role)) return false;
  if (slot.serviceTag !== null && slot.serviceTag !== (need.serviceTag ?? null)) return false;
  if (slot.mode === 'in_person') {
    if (prefs.stepFreeRequired && !site.stepFree) return false;
    const walk = estimateTravel(req.patient.home!, site.location!).minutes.walk;
    if (prefs.maxTravelMinutes != null && walk > prefs.maxTravelMinutes) return false;
  }
  const agreement = req.sharingAgreements.get(agreementKey(site)) ?? new Set<string>();
  return req.bookers.some((booker) => mayBook({ ...slot, ...site }, booker, req.patient, agreement, req.now).allowed);
}

describe('rankSlots against a brute-force reference', () => {
  it('filters exactly the slots mayBook and the hard filters allow, and returns the true top 5 in order', () => {
    fc.assert(
      fc.property(fc.array(slotArbitrary, { maxLength: 60 }), requestArbitrary, (slotRecords, requestRecord) => {
        const slots = toSlots(slotRecords);
        const req = toRequest(requestRecord);
        const index = buildCandidateIndex(slots, SITES, CLINICIANS);
        const result = rankSlots(index, req);
        const expected = slots.filter((s) => bruteForceEligible(s, req));
        expect(result.eligibleCount).toBe(expected.length);

        const ctx = prepareSearch(index, req, createLondonClock());
        const positionOf = new Map(index.slots.map((s, i) => [s.slotId, i]));
        for (const s of slots) expect(isEligible(ctx, index, positionOf.get(s.slotId)!) && s.end <= req.need.latest).toBe(expected.includes(s));
        const fullSort = expected
          .map((s) => ({ id: s.slotId, score: scoreOf(ctx, index, positionOf.get(s.slotId)!), position: positionOf.get(s.slotId)! }))
          .sort((a, b) => b.score - a.score || a.position - b.position)
          .slice(0, 5)
          .map((e) => e.id);
        expect(result.options.map((o) => o.slot.slotId)).toEqual(fullSort);
      }),
      { numRuns: 300 },
    );
  });
});

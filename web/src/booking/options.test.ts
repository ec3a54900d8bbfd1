import { describe, expect, it } from 'vitest';
import type { BookingOption, BookingSearchResult } from '../api/types.ts';
import { bestTravel, filterOptions, modesOffered } from './options.ts';

function option(slotId: string, start: string, clinicianId: string, mode: BookingOption['mode'], travel: BookingOption['travelMinutes'] = null): BookingOption {
  return {
    slotId, start, end: start, mode, site: null, travelMinutes: travel, reasons: [], score: 1,
    clinician: { id: clinicianId, name: clinicianId, role: 'gp' }, organisation: { kind: 'practice', id: 'P1', name: 'P1' },
  };
}

const result: BookingSearchResult = {
  options: [
    option('s3', '2026-11-25T09:00:00Z', 'dr-usual', 'in_person'),
    option('s1', '2026-11-23T11:00:00Z', 'dr-other', 'telephone'),
    option('s2', '2026-11-24T09:00:00Z', 'dr-usual', 'telephone'),
  ],
  usualClinician: { clinician: { id: 'dr-usual', name: 'Dr Usual', role: 'gp' }, firstSlot: null, expectedWaitDays: 1 },
  firstAvailable: { clinician: null, firstSlot: null, expectedWaitDays: 0 },
};

describe('filterOptions', () => {
  it('keeps only the usual clinician in the continuity lane, earliest first', () => {
    expect(filterOptions(result, { lane: 'own_clinician', mode: 'any' }).map((o) => o.slotId)).toEqual(['s2', 's3']);
  });
  it('offers everyone in the first-available lane, filtered by mode', () => {
    expect(filterOptions(result, { lane: 'first_available', mode: 'telephone' }).map((o) => o.slotId)).toEqual(['s1', 's2']);
  });
  it('returns nothing for the continuity lane when there is no usual clinician', () => {
    expect(filterOptions({ ...result, usualClinician: null }, { lane: 'own_clinician', mode: 'any' })).toEqual([]);
  });
});

describe('modesOffered', () => {
  it('lists each mode once in a fixed order', () => {
    expect(modesOffered(result.options)).toEqual(['telephone', 'in_person']);
  });
});

describe('bestTravel', () => {
  it('prefers a short walk', () => {
    expect(bestTravel(option('a', '', 'x', 'in_person', { walk: 12, public_transport: 8, car: 5 }))).toEqual({ how: 'walk', minutes: 12 });
  });
  it('falls back to the fastest other way when the walk is long', () => {
    expect(bestTravel(option('a', '', 'x', 'in_person', { walk: 45, public_transport: 20, car: 15 }))).toEqual({ how: 'car', minutes: 15 });
  });
  it('has nothing to say for remote appointments', () => {
    expect(bestTravel(option('a', '', 'x', 'telephone', { walk: 5, public_transport: 5, car: 5 }))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { londonTime } from '../../shared/domain/london-time.ts';
import { DEFAULT_HUB_HOURS, hubSessionTemplates, NETWORK_STANDARD_HOURS } from './hub-hours.ts';
import type { OfferedSlot } from './enhanced-access.ts';
import { enhancedAccessCompliance } from './enhanced-access.ts';
import { expandRota } from './rota.ts';

const gp = { staffId: 'gp-1', siteId: 'hub-bow', slotMinutes: 15, mode: 'in_person' as const, validFrom: '2027-01-01' };

describe('hubSessionTemplates', () => {
  it('turns the default borough hours into a weekday evening and a weekend template per clinician', () => {
    const templates = hubSessionTemplates(DEFAULT_HUB_HOURS, [gp]);
    expect(templates.map((t) => [t.weekdays, t.start, t.end])).toEqual([
      [[1, 2, 3, 4, 5], '18:30', '20:00'],
      [[6, 7], '08:00', '20:00'],
    ]);
    expect(templates.every((t) => t.slotType === 'hub' && t.runsOnBankHolidays)).toBe(true);
    expect(templates[0]!.bookableBy).toContain('nhs111');
  });

  it('limits a clinician to the weekdays they work, dropping blocks with none left', () => {
    const templates = hubSessionTemplates(DEFAULT_HUB_HOURS, [{ ...gp, weekdays: [6] }]);
    expect(templates).toHaveLength(1);
    expect(templates[0]!.weekdays).toEqual([6]);
  });

  it('expands a week of default hours to 6 evening slots × 5 + 48 weekend slots × 2', () => {
    const slots = expandRota(hubSessionTemplates(DEFAULT_HUB_HOURS, [gp]), [], { from: '2027-04-05', to: '2027-04-11' }, new Set());
    expect(slots).toHaveLength(6 * 5 + 48 * 2);
    expect(londonTime(slots[0]!.start)).toBe('18:30');
  });

  it('rejects hours that end before they start', () => {
    const bad = { blocks: [{ weekdays: [1], start: '20:00', end: '18:30' }], runsOnBankHolidays: false };
    expect(() => hubSessionTemplates(bad, [gp])).toThrow(RangeError);
  });
});

describe('enhancedAccessCompliance', () => {
  // 12,000 adjusted patients → 720 minutes a week required.
  const pcns = [{ pcnId: 'pcn-bow', adjustedPopulation: 12_000 }, { pcnId: 'pcn-isle', adjustedPopulation: 1_500 }];
  const slot = (iso: string, minutes: number, mode: OfferedSlot['mode'] = 'in_person', pcnId = 'pcn-bow'): OfferedSlot => ({
    pcnId,
    start: new Date(iso),
    end: new Date(new Date(iso).getTime() + minutes * 60_000),
    mode,
  });

  it('counts only minutes inside the configured hours, clipping a slot that starts before opening', () => {
    const slots = [
      slot('2027-04-05T17:15:00Z', 30), // 18:15–18:45 BST: 15 minutes inside 18:30–20:00
      slot('2027-04-05T12:00:00Z', 60), // 13:00 BST on a weekday: outside
      slot('2027-04-10T08:00:00Z', 60, 'telephone'), // Saturday 09:00–10:00 BST
    ];
    const [bow] = enhancedAccessCompliance(pcns, slots, { hours: NETWORK_STANDARD_HOURS, from: '2027-04-05', to: '2027-04-11' });
    expect(bow).toEqual({
      pcnId: 'pcn-bow',
      weekStart: '2027-04-05',
      offeredMinutes: 75,
      requiredMinutes: 720,
      compliant: false,
      shortfallMinutes: 645,
      faceToFaceMinutes: 15,
      remoteMinutes: 60,
    });
  });

  it('Sunday minutes count under the borough hours but not under Network Standard Hours', () => {
    const sunday = [slot('2027-04-11T09:00:00Z', 120)];
    const borough = enhancedAccessCompliance(pcns, sunday, { hours: DEFAULT_HUB_HOURS, from: '2027-04-05', to: '2027-04-05' });
    const des = enhancedAccessCompliance(pcns, sunday, { hours: NETWORK_STANDARD_HOURS, from: '2027-04-05', to: '2027-04-05' });
    expect(borough[0]!.offeredMinutes).toBe(120);
    expect(des[0]!.offeredMinutes).toBe(0);
  });

  it('meets the requirement exactly at 60 minutes per 1,000 and reports every PCN and week, even empty ones', () => {
    const slots = [slot('2027-04-10T08:00:00Z', 90, 'video', 'pcn-isle')]; // 1,500 patients → 90 minutes
    const report = enhancedAccessCompliance(pcns, slots, { hours: NETWORK_STANDARD_HOURS, from: '2027-04-05', to: '2027-04-18' });
    expect(report.map((r) => [r.pcnId, r.weekStart, r.compliant])).toEqual([
      ['pcn-bow', '2027-04-05', false],
      ['pcn-bow', '2027-04-12', false],
      ['pcn-isle', '2027-04-05', true],
      ['pcn-isle', '2027-04-12', false],
    ]);
  });

  it('reads the hours on the London clock in a week containing the spring change', () => {
    // Saturday 27 March 2027 is GMT: 09:00 local is 09:00Z. Sunday 28 is BST.
    const slots = [slot('2027-03-27T09:00:00Z', 60), slot('2027-03-27T08:00:00Z', 60)];
    const [bow] = enhancedAccessCompliance(pcns, slots, { hours: NETWORK_STANDARD_HOURS, from: '2027-03-22', to: '2027-03-28' });
    expect(bow!.offeredMinutes).toBe(60);
  });
});

// A synthetic 36-practice borough rota for the slot benches: 7 PCNs, 4 locality hubs, realistic session shapes.
import type { SessionTemplate } from '../src/booking/domain/rota.ts';
import { DEFAULT_HUB_HOURS, hubSessionTemplates } from '../src/booking/domain/hub-hours.ts';
import type { ClinicalRole } from '../src/shared/domain/vocabulary.ts';

export const PRACTICE_COUNT = 36;
export const PCN_COUNT = 7;
export const HUB_COUNT = 4;

export interface BenchClinician {
  staffId: string;
  siteId: string;
  role: ClinicalRole;
}

const PRACTICE_TEAM: { role: ClinicalRole; slotMinutes: number }[] = [
  { role: 'gp', slotMinutes: 10 },
  { role: 'gp', slotMinutes: 10 },
  { role: 'gp', slotMinutes: 10 },
  { role: 'nurse', slotMinutes: 15 },
  { role: 'pharmacist', slotMinutes: 15 },
  { role: 'hca', slotMinutes: 15 },
];

export const practiceId = (p: number) => `practice-${String(p).padStart(2, '0')}`;
export const pcnOfPractice = (p: number) => `pcn-${p % PCN_COUNT}`;
export const hubId = (h: number) => `hub-${h}`;

/** Templates and the clinicians behind them: ~300k slots over 8 weeks. */
export function boroughRota(): { templates: SessionTemplate[]; clinicians: BenchClinician[] } {
  const templates: SessionTemplate[] = [];
  const clinicians: BenchClinician[] = [];
  for (let p = 0; p < PRACTICE_COUNT; p++) {
    PRACTICE_TEAM.forEach(({ role, slotMinutes }, c) => {
      const staffId = `${practiceId(p)}-staff-${c}`;
      clinicians.push({ staffId, siteId: practiceId(p), role });
      for (const [half, start, end] of [['am', '08:30', '12:30'], ['pm', '14:00', '18:00']] as const) {
        templates.push({
          id: `${staffId}-${half}`,
          staffId,
          siteId: practiceId(p),
          weekdays: [1, 2, 3, 4, 5],
          start,
          end,
          slotMinutes,
          mode: c % 3 === 2 ? 'telephone' : 'in_person',
          slotType: half === 'am' ? 'same_day' : 'pre_bookable',
          bookableBy: ['own_practice', 'pcn', 'hub', 'nhs111'],
          serviceTag: role === 'nurse' && half === 'pm' ? 'diabetes_review' : null,
          release: half === 'am' ? { kind: 'same_day_at', time: '08:00' } : { kind: 'days_before_at', days: 28, time: '00:00' },
          validFrom: '2026-01-01',
          validTo: null,
          runsOnBankHolidays: false,
        });
      }
    });
  }
  for (let h = 0; h < HUB_COUNT; h++) {
    const hubClinicians = [0, 1, 2].map((c) => ({
      staffId: `${hubId(h)}-staff-${c}`,
      siteId: hubId(h),
      slotMinutes: 15,
      mode: c === 2 ? ('video' as const) : ('in_person' as const),
      validFrom: '2026-01-01',
    }));
    hubClinicians.forEach((c, i) => clinicians.push({ staffId: c.staffId, siteId: c.siteId, role: i === 1 ? 'nurse' : 'gp' }));
    templates.push(...hubSessionTemplates(DEFAULT_HUB_HOURS, hubClinicians));
  }
  return { templates, clinicians };
}

import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../shared/domain/nhs-number.ts';
import { bankHolidayDates } from '../../booking/domain/bank-holidays.ts';
import { scaled, TOWER_HAMLETS } from './borough-parameters.ts';
import { apportion, generateStructure } from './borough-structure.ts';
import { calibrateConditions, createPatientGenerator, type Patient } from './patients.ts';
import { generateRotas } from './rotas.ts';
import { generateActivity } from './activity.ts';

const ANCHOR = '2026-11-23';

function generatePatients(scale: number, seed = 1, base = TOWER_HAMLETS) {
  const parameters = scaled(base, scale);
  const structure = generateStructure(parameters, seed, ANCHOR);
  const generator = createPatientGenerator(parameters, structure, seed, ANCHOR);
  const patients: Patient[] = [];
  structure.practices.forEach((_, i) => patients.push(...generator.forPractice(i)));
  return { parameters, structure, patients, summary: generator.summary };
}

describe('borough structure', () => {
  it('has the reference borough shape: 36 practices, 7 PCNs, 4 localities, one hub per locality', () => {
    const s = generateStructure(TOWER_HAMLETS, 1, ANCHOR);
    expect(s.practices).toHaveLength(36);
    expect(s.pcns).toHaveLength(7);
    expect(s.localities).toHaveLength(4);
    expect(s.hubs.map((h) => h.localityId).sort()).toEqual(['L1', 'L2', 'L3', 'L4']);
  });

  it('splits exactly 293,965 patients over unequal practice lists', () => {
    const s = generateStructure(TOWER_HAMLETS, 1, ANCHOR);
    const sizes = s.practices.map((p) => p.listSize);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(293_965);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(2);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(TOWER_HAMLETS.minimumListSize);
  });

  it('apportions a total exactly, respecting the minimum', () => {
    expect(apportion(10, [1, 1, 1], 2)).toEqual([4, 3, 3]);
    expect(apportion(100, [5, 1], 10).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('leaves two practices outside the hub sharing agreements, and never the host practice', () => {
    const s = generateStructure(TOWER_HAMLETS, 1, ANCHOR);
    const signed = new Set(s.sharingAgreements.map((a) => a.practiceId));
    expect(s.practices.filter((p) => !signed.has(p.id))).toHaveLength(2);
    for (const hub of s.hubs) expect(signed.has(hub.hostPracticeId)).toBe(true);
  });

  it('staffs practices in realistic numbers (about one GP per 1,800 patients)', () => {
    const s = generateStructure(TOWER_HAMLETS, 1, ANCHOR);
    const practiceGps = s.staff.filter((m) => m.role === 'gp' && m.practiceId).length;
    expect(293_965 / practiceGps).toBeGreaterThan(1_500);
    expect(293_965 / practiceGps).toBeLessThan(2_100);
    expect(s.staff.some((m) => m.languages.includes('bn'))).toBe(true);
  });
});

describe('patients', () => {
  it('is deterministic for a seed and differs for another', () => {
    const a = generatePatients(0.01, 5).patients.slice(0, 200);
    const b = generatePatients(0.01, 5).patients.slice(0, 200);
    const c = generatePatients(0.01, 6).patients.slice(0, 200);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives every patient a distinct valid NHS number from the 999 test range', () => {
    const { patients } = generatePatients(0.05);
    expect(new Set(patients.map((p) => p.nhsNumber)).size).toBe(patients.length);
    expect(patients.every((p) => p.nhsNumber.startsWith('999') && isValidNhsNumber(p.nhsNumber))).toBe(true);
  });

  it('matches the reference population within tolerance (age, ethnicity, conditions, deprivation)', () => {
    const { patients, summary } = generatePatients(0.1);
    const n = patients.length;
    const share = (f: (p: Patient) => boolean) => patients.filter(f).length / n;
    const ages = [...summary.age].sort((x, y) => x - y);
    expect(ages[Math.floor(n / 2)]).toBeGreaterThanOrEqual(28);
    expect(ages[Math.floor(n / 2)]).toBeLessThanOrEqual(33);
    expect(share((p) => summary.age[p.id - 1]! >= 65)).toBeCloseTo(0.065, 1);
    const recorded = patients.filter((p) => p.ethnicityCode);
    const group = (prefix: string) => recorded.filter((p) => p.ethnicityCode!.startsWith(prefix)).length / recorded.length;
    expect(Math.abs(group('A') - 0.44)).toBeLessThan(0.02);
    expect(Math.abs(group('A1') - 0.35)).toBeLessThan(0.02);
    expect(Math.abs(group('W') - 0.39)).toBeLessThan(0.02);
    expect(Math.abs(share((p) => p.longTermConditions.includes('hypertension')) - 0.095)).toBeLessThan(0.01);
    expect(Math.abs(share((p) => p.longTermConditions.includes('diabetes')) - 0.07)).toBeLessThan(0.01);
    expect(share((p) => p.deprivationDecile <= 2)).toBeGreaterThan(0.5);
    expect(share((p) => p.mainLanguage === 'bn' || p.mainLanguage === 'syl')).toBeGreaterThan(0.1);
    expect(share((p) => p.interpreterNeeded)).toBeGreaterThan(0.05);
    for (const flag of ['homeless', 'housebound', 'carer', 'learningDisability'] as const) expect(share((p) => p[flag])).toBeGreaterThan(0);
  });

  it('calibrates condition curves so expected prevalence equals the target', () => {
    const risk = calibrateConditions(TOWER_HAMLETS);
    expect(risk.hypertension(75)).toBeGreaterThan(risk.hypertension(30));
    expect(risk.asthma(8)).toBeGreaterThan(0);
  });

  it('keeps coordinates inside the borough and postcodes in its districts', () => {
    const { patients } = generatePatients(0.02);
    for (const p of patients.filter((x) => x.lat !== null)) {
      expect(p.lat).toBeGreaterThanOrEqual(51.49);
      expect(p.lat).toBeLessThanOrEqual(51.54);
    }
    expect(patients.filter((p) => p.postcode).every((p) => /^E(1W?|2|3|14) \d[A-Z]{2}$/.test(p.postcode!))).toBe(true);
  });
});

describe('activity', () => {
  // Four practices of about 3,000 patients: big enough for two or more GPs each, small enough to be quick.
  const FOUR_PRACTICES = { ...TOWER_HAMLETS, practices: 4, pcns: 2, localities: 2, totalPatients: 12_000, minimumListSize: 2_500 };
  const { parameters, structure, summary } = generatePatients(1, 1, FOUR_PRACTICES);
  const rotas = generateRotas(parameters, structure, 1, ANCHOR);
  const activity = generateActivity(parameters, structure, rotas, summary, 1, ANCHOR, bankHolidayDates(2025, 2027));
  const history = [...activity.history()];
  const past = history.filter((a) => a.status !== 'cancelled');

  it('gives about 5.5 appointments a patient a year, 45% with a GP, 4–5% DNA', () => {
    expect(past.length / summary.count).toBeGreaterThan(4.8);
    expect(past.length / summary.count).toBeLessThan(6);
    expect(past.filter((a) => a.hcpRole === 'gp').length / past.length).toBeCloseTo(0.46, 1);
    const dna = past.filter((a) => a.status === 'dna').length / past.length;
    expect(dna).toBeGreaterThan(0.03);
    expect(dna).toBeLessThan(0.06);
  });

  it('peaks on Mondays and never books practice history on weekends', () => {
    const byDay = new Map<number, number>();
    for (const a of past) byDay.set(a.start.getUTCDay(), (byDay.get(a.start.getUTCDay()) ?? 0) + 1);
    const busiest = [...byDay].sort((a, b) => b[1] - a[1])[0]![0];
    expect(busiest).toBe(1);
    expect(byDay.get(0) ?? 0).toBe(0);
  });

  it('has more continuity for older patients with long-term conditions', () => {
    const usualOf = (patientId: number) => structure.staff[summary.usualClinicianIndex[patientId - 1]!]!.id;
    const upc = (complex: boolean) => {
      const gp = past.filter((a) => a.hcpRole === 'gp' && (summary.age[a.patientId - 1]! >= 65 || summary.conditionCount[a.patientId - 1]! >= 2) === complex);
      return gp.filter((a) => a.staffId === usualOf(a.patientId)).length / gp.length;
    };
    expect(upc(true)).toBeGreaterThan(upc(false) + 0.1);
  });

  it('gives 8 weeks of slots and 12 months of history, with hub slots only in hub hours', () => {
    const starts = history.map((a) => a.start.getTime());
    expect((Math.max(...starts) - Math.min(...starts)) / 86_400_000).toBeGreaterThan(350);
    const future = activity.slots.filter((s) => s.start >= new Date(`${ANCHOR}T00:00:00Z`));
    const days = (Math.max(...future.map((s) => s.start.getTime())) - Date.parse(ANCHOR)) / 86_400_000;
    expect(days).toBeGreaterThan(54);
    expect(days).toBeLessThan(56);
    expect(activity.slots.filter((s) => s.hubId).every((s) => s.slotType === 'hub')).toBe(true);
  });

  it('books each slot at most once', () => {
    const slotIds = activity.slotAppointments.map((a) => a.slotId);
    expect(new Set(slotIds).size).toBe(slotIds.length);
    expect(activity.slotAppointments.every((a) => activity.slots[a.slotId! - 1]!.status === 'booked')).toBe(true);
  });
});

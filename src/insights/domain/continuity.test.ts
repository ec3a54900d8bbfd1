import { describe, expect, it } from 'vitest';
import {
  continuityByPatient,
  continuityOfSequence,
  countsForContinuity,
  ownPatientRatio,
  sliccByMonth,
} from './continuity.ts';
import type { GpAppointment } from './continuity.ts';

const of = (letters: string) => continuityOfSequence([...letters]);

describe('continuityOfSequence: the worked examples in measurement.md', () => {
  const cases = [
    ['AA', 1, 1],
    ['AB', 0.5, 0],
    ['AAB', 2 / 3, 1 / 3],
    ['AABB', 0.5, 1 / 3],
    ['AAABBB', 0.5, 0.4],
  ] as const;
  for (const [visits, upc, coc] of cases) {
    it(`${visits} → UPC ${upc.toFixed(3)}, COC ${coc.toFixed(3)}`, () => {
      const result = of(visits);
      expect(result.upc).toBeCloseTo(upc, 12);
      expect(result.coc).toBeCloseTo(coc, 12);
    });
  }
  it('ABAB → SECON 0 but COC 0.333', () => {
    expect(of('ABAB')).toMatchObject({ secon: 0, upc: 0.5 });
    expect(of('ABAB').coc).toBeCloseTo(1 / 3, 12);
  });
  it('AABB → SECON 2/3 (two of three consecutive pairs match)', () => {
    expect(of('AABB').secon).toBeCloseTo(2 / 3, 12);
  });
  it('MMCI is 1 for one clinician and (1 − M/(N+0.1))/(1 − 1/(N+0.1)) otherwise', () => {
    expect(of('AAA').mmci).toBeCloseTo(1, 12);
    expect(of('AB').mmci).toBeCloseTo((1 - 2 / 2.1) / (1 - 1 / 2.1), 12);
    expect(of('ABC').mmci).toBeCloseTo((1 - 3 / 3.1) / (1 - 1 / 3.1), 12);
  });
  it('is not computable for one visit (or none)', () => {
    expect(of('A')).toEqual({ visits: 1, clinicians: 1, upc: null, coc: null, secon: null, mmci: null });
    expect(of('')).toEqual({ visits: 0, clinicians: 0, upc: null, coc: null, secon: null, mmci: null });
  });
  it('honours a higher minimum number of visits', () => {
    expect(continuityOfSequence(['A', 'A'], 3).upc).toBeNull();
    expect(continuityOfSequence(['A', 'A', 'B'], 3).upc).toBeCloseTo(2 / 3, 12);
  });
});

describe('continuityByPatient', () => {
  it("orders each patient's visits by date before SECON, keeping same-day visits in input order", () => {
    const result = continuityByPatient([
      { patientId: 'p2', date: '2027-03-01', clinicianId: 'A' },
      { patientId: 'p1', date: '2027-01-03', clinicianId: 'B' },
      { patientId: 'p1', date: '2027-01-01', clinicianId: 'A' },
      { patientId: 'p1', date: '2027-01-02', clinicianId: 'B' },
    ]);
    expect(result.map((r) => [r.patientId, r.visits, r.secon])).toEqual([
      ['p1', 3, 0.5], // A, B, B
      ['p2', 1, null],
    ]);
  });
});

describe('SLICC and own-patient ratio', () => {
  const appts: GpAppointment[] = [
    { patientId: 'p1', date: '2027-01-05', clinicianId: 'drA', namedGpId: 'drA' },
    { patientId: 'p1', date: '2027-01-20', clinicianId: 'drB', namedGpId: 'drA' },
    { patientId: 'p2', date: '2027-01-09', clinicianId: 'drA', namedGpId: 'drA' }, // single visit still counts
    { patientId: 'p3', date: '2027-02-01', clinicianId: 'drA', namedGpId: 'drB' },
    { patientId: 'p4', date: '2027-02-02', clinicianId: 'drA', namedGpId: null },
  ];
  it("gives each named GP's list a monthly percentage with its own GP", () => {
    expect(sliccByMonth(appts)).toEqual([
      { namedGpId: 'drA', month: '2027-01', withNamedGp: 2, gpAppointments: 3, slicc: 200 / 3 },
      { namedGpId: 'drB', month: '2027-02', withNamedGp: 0, gpAppointments: 1, slicc: 0 },
    ]);
  });
  it('gives each GP the share of their appointments with their own list', () => {
    expect(ownPatientRatio(appts)).toEqual([
      { clinicianId: 'drA', ownListAppointments: 2, appointments: 4, ratio: 0.5 },
      { clinicianId: 'drB', ownListAppointments: 0, appointments: 1, ratio: 0 },
    ]);
  });
  it('counts attended GP contacts in any mode, and nothing else', () => {
    expect(countsForContinuity({ role: 'gp', mode: 'telephone', status: 'attended' })).toBe(true);
    expect(countsForContinuity({ role: 'nurse', mode: 'in_person', status: 'attended' })).toBe(false);
    expect(countsForContinuity({ role: 'gp', mode: 'in_person', status: 'dna' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ageInYears } from './age.ts';

describe('ageInYears', () => {
  it('counts whole years on the birthday', () => {
    expect(ageInYears('1990-11-23', '2026-11-23')).toBe(36);
  });
  it('is a year less the day before the birthday', () => {
    expect(ageInYears('1990-11-24', '2026-11-23')).toBe(35.92);
  });
  it('gives infants a fraction of a year (8 weeks is about 0.08–0.17)', () => {
    expect(ageInYears('2026-09-23', '2026-11-23')).toBe(0.17);
    expect(ageInYears('2026-11-20', '2026-11-23')).toBe(0);
  });
  it('handles a leap-day birthday', () => {
    expect(ageInYears('2000-02-29', '2026-02-28')).toBe(25.92);
    expect(ageInYears('2000-02-29', '2026-03-01')).toBe(26);
  });
});

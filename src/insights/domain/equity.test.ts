import { describe, expect, it } from 'vitest';
import { ageBandOf, bornOnOrBefore, deprivationQuintile, dimensionValueLabel, dimensionValues, ethnicGroupOf } from './equity.ts';

describe('population splits', () => {
  it('bands ages on the birthday itself, 29 February birthdays from 28 February in other years', () => {
    expect(ageBandOf('2021-11-22', '2026-11-22')).toBe('5-15');
    expect(ageBandOf('2021-11-23', '2026-11-22')).toBe('0-4');
    expect(ageBandOf('1941-01-01', '2026-11-22')).toBe('85+');
    expect(bornOnOrBefore('2025-02-28', 1)).toBe('2024-02-28');
    expect(bornOnOrBefore('2028-02-29', 3)).toBe('2025-02-28');
  });

  it('puts deciles into quintiles with 1 the most deprived, and ethnicity codes into census groups', () => {
    expect([1, 2, 3, 10].map(deprivationQuintile)).toEqual(['1', '1', '2', '5']);
    expect(deprivationQuintile(null)).toBe('not_recorded');
    expect(ethnicGroupOf('A1')).toBe('Asian');
    expect(ethnicGroupOf(null)).toBe('not_recorded');
  });

  it('lists every value of a dimension in display order with labels', () => {
    expect(dimensionValues('ethnicity')).toEqual(['Asian', 'Black', 'Mixed', 'White', 'Other', 'not_recorded']);
    expect(dimensionValueLabel('language', 'bn')).toBe('Bengali');
    expect(dimensionValueLabel('deprivation_quintile', '1')).toBe('1 (most deprived)');
  });
});

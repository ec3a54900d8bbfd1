import { describe, expect, it } from 'vitest';
import { efiCategory, electronicFrailtyIndex } from './efi.ts';
import { FRAILTY_DEFICITS } from '../../shared/domain/vocabulary.ts';

describe('eFI', () => {
  it('categorises on the integer count at each boundary', () => {
    const expected = {
      0: 'fit',
      4: 'fit',
      5: 'mild',
      8: 'mild',
      9: 'moderate',
      12: 'moderate',
      13: 'severe',
      36: 'severe',
    };
    for (const [count, category] of Object.entries(expected)) expect(efiCategory(Number(count))).toBe(category);
  });
  it('puts 13 deficits (0.361, which rounds to 0.36) in severe', () => {
    const result = electronicFrailtyIndex(FRAILTY_DEFICITS.slice(0, 13), 80);
    expect(result).toEqual({ deficits: 13, score: 13 / 36, category: 'severe' });
  });
  it('counts a repeated deficit once, and has all 36 deficits available', () => {
    expect(FRAILTY_DEFICITS).toHaveLength(36);
    expect(electronicFrailtyIndex(['falls', 'falls', 'diabetes'], 70)!.deficits).toBe(2);
  });
  it('applies from 65 only', () => {
    expect(electronicFrailtyIndex(['falls'], 64)).toBeNull();
    expect(electronicFrailtyIndex(['falls'], 65)!.category).toBe('fit');
  });
  it('rejects impossible counts', () => {
    expect(() => efiCategory(37)).toThrow(RangeError);
    expect(() => efiCategory(2.5)).toThrow(RangeError);
  });
});

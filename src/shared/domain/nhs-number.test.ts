import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsCheckDigit, syntheticNhsNumbers, normaliseNhsNumber } from './nhs-number.ts';

describe('NHS number modulus 11', () => {
  it('accepts the Data Dictionary example 943 476 5919', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });
  it('rejects a wrong check digit', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });
  it('rejects stems whose remainder gives 10 (no valid number exists)', () => {
    // 999000001: 9*10+9*9+9*8 + 1*2 = 90+81+72+2 = 245; 245 % 11 = 3 → check 8, valid; find one with none:
    const noCheck = Array.from({ length: 200 }, (_, i) => String(999_000_000 + i)).find((s) => nhsCheckDigit(s) === null)!;
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(noCheck + d)).toBe(false);
  });
  it('rejects non-digits and wrong lengths', () => {
    expect(isValidNhsNumber('94347659')).toBe(false);
    expect(isValidNhsNumber('943476591X')).toBe(false);
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
  });
  it('synthesises distinct valid numbers in the 999 range, deterministically', () => {
    const numbers = syntheticNhsNumbers(50_000);
    expect(new Set(numbers).size).toBe(50_000);
    expect(numbers.every((n) => n.startsWith('999') && isValidNhsNumber(n))).toBe(true);
    expect(syntheticNhsNumbers(10)).toEqual(numbers.slice(0, 10));
  });
});

// Property-based tests of the identifier parsers: NHS numbers and UK postcodes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber, syntheticNhsNumbers } from '../../src/shared/domain/nhs-number.ts';
import { normalisePostcode, parsePostcode } from '../../src/shared/domain/postcode.ts';

const RUNS = { numRuns: 2_000 };
const validNhsNumber = fc.integer({ min: 0, max: 999_999_999 }).map((n) => String(n).padStart(9, '0'))
  .filter((stem) => nhsCheckDigit(stem) !== null).map((stem) => stem + nhsCheckDigit(stem));

describe('NHS numbers', () => {
  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      expect(typeof isValidNhsNumber(text)).toBe('boolean');
    }), RUNS);
  });

  it('accepts every number whose check digit is right, however it is spaced', () => {
    fc.assert(fc.property(validNhsNumber, fc.constantFrom('', ' ', '-'), (digits, sep) => {
      expect(isValidNhsNumber(digits)).toBe(true);
      expect(isValidNhsNumber(formatNhsNumber(digits).replace(/ /g, sep))).toBe(true);
      expect(normaliseNhsNumber(formatNhsNumber(digits))).toBe(digits);
    }), RUNS);
  });

  it('detects every single-digit error (modulus 11 with weights 10..2)', () => {
    fc.assert(fc.property(validNhsNumber, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
      const changed = digits.slice(0, position) + String((Number(digits[position]) + delta) % 10) + digits.slice(position + 1);
      expect(isValidNhsNumber(changed)).toBe(false);
    }), RUNS);
  });

  it('detects every transposition of adjacent different digits among the first nine', () => {
    fc.assert(fc.property(validNhsNumber, fc.integer({ min: 0, max: 7 }), (digits, i) => {
      fc.pre(digits[i] !== digits[i + 1]);
      const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
      expect(isValidNhsNumber(swapped)).toBe(false);
    }), RUNS);
  });

  it('refuses anything that is not ten digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{0,9}$|^[0-9]{11,14}$/), (digits) => {
      expect(isValidNhsNumber(digits)).toBe(false);
    }), RUNS);
  });

  it('generates only valid, distinct synthetic numbers in the 999 test range', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 50 }), (offset, count) => {
      const numbers = syntheticNhsNumbers(count, offset);
      expect(new Set(numbers).size).toBe(count);
      for (const n of numbers) {
        expect(n.startsWith('999')).toBe(true);
        expect(isValidNhsNumber(n)).toBe(true);
      }
    }), { numRuns: 200 });
  });
});

// Postcodes built from the published format's parts.
const letters = (set: string) => fc.constantFrom(...set.split(''));
const outward = fc.oneof(
  fc.tuple(letters('ABCDEFGHIJKLMNOPRSTUWYZ'), fc.integer({ min: 0, max: 99 })).map(([a, d]) => `${a}${d}`),
  fc.tuple(letters('ABCDEFGHIJKLMNOPRSTUWYZ'), letters('ABCDEFGHKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 99 })).map(([a, b, d]) => `${a}${b}${d}`),
  fc.tuple(letters('ABCDEFGHIJKLMNOPRSTUWYZ'), fc.integer({ min: 0, max: 9 }), letters('ABCDEFGHJKMNPRSTUVWXY')).map(([a, d, c]) => `${a}${d}${c}`),
  fc.tuple(letters('ABCDEFGHIJKLMNOPRSTUWYZ'), letters('ABCDEFGHKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 9 }), letters('ABEHMNPRVWXY')).map(([a, b, d, c]) => `${a}${b}${d}${c}`),
);
const inward = fc.tuple(fc.integer({ min: 0, max: 9 }), letters('ABDEFGHJLNPQRSTUWXYZ'), letters('ABDEFGHJLNPQRSTUWXYZ')).map(([d, a, b]) => `${d}${a}${b}`);
const postcode = fc.tuple(outward, inward).map(([o, i]) => `${o} ${i}`);
const CANONICAL = /^(GIR 0AA|[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2})$/;

describe('postcodes', () => {
  it('never throws, and anything accepted comes back canonical', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
      const result = parsePostcode(text);
      if (result.ok) expect(result.postcode).toMatch(CANONICAL);
      else expect(result.reason.length).toBeGreaterThan(0);
    }), RUNS);
  });

  it('accepts every well-formed postcode, in any case and spacing, as the same canonical form', () => {
    fc.assert(fc.property(postcode, fc.boolean(), fc.stringMatching(/^ {0,3}$/), (code, lower, pad) => {
      const typed = `${pad}${lower ? code.toLowerCase() : code}${pad}`.replace(' ', pad || '');
      expect(normalisePostcode(typed)).toBe(code);
    }), RUNS);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.oneof(postcode, fc.string({ maxLength: 12 })), (text) => {
      const once = normalisePostcode(text);
      if (once !== null) expect(normalisePostcode(once)).toBe(once);
    }), RUNS);
  });
});

// NHS numbers: 10 digits, the last a modulus-11 check digit (NHS Data Dictionary).
// Synthetic data uses only the 999 test range.

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for the first nine digits, or null when none exists (remainder gives 10). */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Removes the spaces and hyphens people type ("943 476 5919"). */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

// The test range has one million stems (999 000 000 – 999 999 999), about 909,000 of them with a check digit.
const TEST_RANGE_STEMS = 1_000_000;
// A stride coprime with 10^6 visits every stem once, in an order that does not look sequential.
const STRIDE = 387_403;

/** `count` distinct valid NHS numbers from the 999 test range, deterministic for `offset`. */
export function syntheticNhsNumbers(count: number, offset = 0): string[] {
  const numbers: string[] = [];
  for (let i = offset; numbers.length < count; i++) {
    if (i - offset >= TEST_RANGE_STEMS) throw new RangeError(`the 999 test range holds fewer than ${count} NHS numbers`);
    const stem = String(999_000_000 + ((i * STRIDE) % TEST_RANGE_STEMS));
    const check = nhsCheckDigit(stem);
    if (check !== null) numbers.push(stem + check);
  }
  return numbers;
}

export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

import { describe, expect, it } from 'vitest';
import { normalisePostcode, parsePostcode } from './postcode.ts';

describe('parsePostcode', () => {
  it.each([
    ['E1 6AN', 'E1 6AN'], ['e16an', 'E1 6AN'], ['  e1   6an ', 'E1 6AN'], ['E14 5AB', 'E14 5AB'], ['EC1A 1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'], ['M1 1AE', 'M1 1AE'], ['B33 8TH', 'B33 8TH'], ['CR2 6XH', 'CR2 6XH'], ['DN55 1PT', 'DN55 1PT'], ['gir0aa', 'GIR 0AA'],
  ])('%s → %s', (input, expected) => expect(normalisePostcode(input)).toBe(expected));

  it.each([
    ['', 'Enter a postcode.'], ['E1', 'A postcode has 5 to 7'], ['E1 6AN!', 'only letters and numbers'], ['QE1 6AN', 'real postcode'],
    ['E1 6CN', 'real postcode'], ['E1 AAN', 'real postcode'], ['12345', 'real postcode'], ['E1 6AN E1 6AN E1 6AN', 'too long'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = parsePostcode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('splits outward, inward and area', () => {
    expect(parsePostcode('ec1a1bb')).toEqual({ ok: true, postcode: 'EC1A 1BB', outward: 'EC1A', inward: '1BB', area: 'EC' });
  });
});

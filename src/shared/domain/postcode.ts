// UK postcodes: parse what people type ("e1 6an", "E16AN ", "e1  6an") into the canonical form
// "E1 6AN", or say why not. Follows the published format (outward code: area letters, district digits,
// optional letter; inward code: a digit and two letters from the set that excludes C, I, K, M, O, V),
// plus the special non-geographic GIR 0AA.

export type PostcodeResult =
  | { ok: true; postcode: string; outward: string; inward: string; area: string }
  | { ok: false; reason: string };

const OUTWARD = /^([A-PR-UWYZ][A-HK-Y]?)([0-9][0-9A-HJKMNPR-Y]?)$/;
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;
const MAX_INPUT = 16;

export function parsePostcode(input: string): PostcodeResult {
  if (typeof input !== 'string') return { ok: false, reason: 'A postcode must be text.' };
  if (input.length > MAX_INPUT) return { ok: false, reason: 'That is too long to be a postcode.' };
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return { ok: false, reason: 'Enter a postcode.' };
  if (!/^[A-Z0-9]+$/.test(compact)) return { ok: false, reason: 'A postcode has only letters and numbers.' };
  if (compact.length < 5 || compact.length > 7) return { ok: false, reason: 'A postcode has 5 to 7 letters and numbers, like E1 6AN.' };
  if (compact === 'GIR0AA') return { ok: true, postcode: 'GIR 0AA', outward: 'GIR', inward: '0AA', area: 'GIR' };
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  const match = OUTWARD.exec(outward);
  if (!match || !INWARD.test(inward)) return { ok: false, reason: 'Enter a real postcode, like E1 6AN.' };
  return { ok: true, postcode: `${outward} ${inward}`, outward, inward, area: match[1]! };
}

/** The canonical form, or null when the input is not a postcode. */
export function normalisePostcode(input: string): string | null {
  const parsed = parsePostcode(input);
  return parsed.ok ? parsed.postcode : null;
}

export function isValidPostcode(input: string): boolean {
  return parsePostcode(input).ok;
}

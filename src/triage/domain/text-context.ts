// Reads free text the way a careful clinician does: a phrase only counts when it is asserted about the
// patient — not negated ("no chest pain"), not someone else's history ("my father had a stroke") and not
// hypothetical ("I'm worried I might get…"). Uncertainty ("not sure if…") counts as asserted: it resolves upwards.

export type Assertion = 'asserted' | 'negated' | 'other_person' | 'hypothetical';

interface Span {
  start: number;
  end: number;
}

interface SubClause extends Span {
  /** Words from here on describe someone else's history ("…my father had a stroke"); null when none do. */
  otherPersonFrom: number | null;
}

export interface TextModel {
  readonly original: string;
  /** The request with typographic apostrophes unified; same length as the original, so offsets hold. */
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly subClauses: readonly SubClause[];
  readonly patientIsChild: boolean;
}

export interface TextMatch {
  start: number;
  end: number;
  quote: string;
  assertion: Assertion;
}

const SENTENCE_BREAK = /[.!?;\n]+(?=\s|$)|\s+(?:but|however|although|though|except|apart from|whereas|yet)\b/gi;
const SUBCLAUSE_BREAK =
  /,|\s+(?:so|because|since my|and (?=i\b|i'|my\b|it\b|it'|he\b|he'|she\b|she'|now\b|then\b|today\b))\b|\s+(?=i'(?:ve|m|d)\b)/gi;
/** Where a negation's reach ends: a new subject or a contrast starts a fresh statement. */
const SCOPE_BREAK =
  /\b(?:but|however|although|though|just|only|and (?:i|i'm|i've|i'd|my|it|it's|he|she|now|then)|i'm|i've|i have|i am|i've got|my \w+ (?:is|are|has|was|feels?)|it's|which|then)\b/gi;
const NEGATION_CUE =
  /\b(?:no|not|never|without|denies|denied|nor|neither|none|nil|free of|absence of|negative for|ruled out|non|dont|doesnt|didnt|havent|hasnt|isnt|wasnt|arent|aint)\b|n't\b/i;
/** Inability is a symptom, not a denial: "I can't stop being sick". */
const INABILITY_CUE =
  /\b(?:can't|cant|cannot|couldn't|couldnt|won't|wont|unable to|not able to|haven't been able to)\s*\w*\s*$/i;
const UNCERTAINTY_CUE =
  /\b(?:not sure|unsure|don'?t know|do not know|can'?t tell|cannot tell|not certain|don'?t think|doubt|maybe|possibly|might be)\b/i;
const HYPOTHETICAL_CUE =
  /\b(?:if|in case|what if|might|could (?:get|develop|have|end up|be)|may (?:get|develop|have)|worried about (?:getting|having)|(?:scared|afraid|frightened|terrified) of (?:getting|having)|risk of|chance of|prevent\w*|avoid\w*|one day|in (?:the )?future|ever|screening for|check(?:ed)? for|tested for|how (?:do|would|will) i know)\b/i;
const RELATIVE =
  '(?:father|dad|daddy|mother|mum|mom|mummy|parents?|brother|sister|siblings?|grand(?:ad|dad|pa|father|ma|mother|mum|son|daughter)|nan|nana|nanny|gran|granny|uncle|aunt|auntie|cousin|friend|colleague|neighbour|flatmate|husband|wife|partner|boyfriend|girlfriend|son|daughter|child|kids?|baby|toddler|boy|girl|family|relatives?)';
const FAMILY_HISTORY = new RegExp(
  `\\b(?:family history|fhx|runs in (?:the|my|our) family|(?:like|same as) (?:my|his|her|our) ${RELATIVE}|${RELATIVE}(?:'s)? (?:died|passed away|death))`,
  'i',
);
const RELATIVE_HISTORY = new RegExp(
  `\\b(?:my|his|her|our|a|an) ${RELATIVE}\\b[^,]*?\\b(?:had|has had|'s had|suffered|was diagnosed|were diagnosed|got diagnosed|history of|did|with|who has|who have)\\b`,
  'i',
);
const CHILD_RELATIVE =
  /\b(?:my|our) (?:son|daughter|child|kid|baby|toddler|boy|girl|little (?:one|boy|girl)|grandson|granddaughter)\b/i;
const ACUTE_RECENCY =
  /\b(?:just|today|tonight|this (?:morning|afternoon|evening)|last night|minutes? ago|hours? ago|an hour ago|right now|now|suddenly|still)\b/i;
const NEGATION_WINDOW_WORDS = 6;

function splitSpans(text: string, start: number, end: number, breaker: RegExp): Span[] {
  const spans: Span[] = [];
  let cursor = start;
  breaker.lastIndex = 0;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(breaker)) {
    const at = start + (m.index ?? 0);
    if (at > cursor) spans.push({ start: cursor, end: at });
    cursor = at + (/^[.!?;,\n]/.test(m[0]) ? m[0].length : 0);
  }
  if (end > cursor) spans.push({ start: cursor, end });
  return spans;
}

/** Offset within the clause where someone else's history starts, or -1. */
function otherPersonHistoryAt(clause: string, patientIsChild: boolean): number {
  const family = FAMILY_HISTORY.exec(clause);
  if (family) return family.index;
  const relative = RELATIVE_HISTORY.exec(clause);
  if (!relative) return -1;
  if (patientIsChild && CHILD_RELATIVE.test(clause)) return -1;
  return ACUTE_RECENCY.test(clause) ? -1 : relative.index;
}

export function readText(original: string, age: number): TextModel {
  // Hard-wrapped lines are one sentence; a blank line or a line after punctuation still ends one.
  const text = original.replace(/[’‘`´]/g, "'").replace(/(?<![\n.!?;:])\n(?!\s*\n)/g, ' ');
  const patientIsChild = age < 18;
  const sentences = splitSpans(text, 0, text.length, SENTENCE_BREAK);
  const subClauses = sentences.flatMap((s) =>
    splitSpans(text, s.start, s.end, SUBCLAUSE_BREAK).map((c) => {
      const at = otherPersonHistoryAt(text.slice(c.start, c.end), patientIsChild);
      return { ...c, otherPersonFrom: at < 0 ? null : c.start + at };
    }),
  );
  return { original, text, sentences, subClauses, patientIsChild };
}

function enclosing<T extends Span>(spans: readonly T[], at: number): T | undefined {
  return spans.find((s) => at >= s.start && at < s.end);
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) last = (m.index ?? 0) + m[0].length;
  return last;
}

function isNegated(prefix: string): boolean {
  const scoped = prefix.slice(Math.max(0, lastIndexOf(prefix, SCOPE_BREAK)));
  const words = scoped.trim().split(/\s+/).slice(-NEGATION_WINDOW_WORDS).join(' ');
  if (!NEGATION_CUE.test(words)) return false;
  if (INABILITY_CUE.test(words)) return false;
  return !UNCERTAINTY_CUE.test(scoped);
}

const POST_NEGATION =
  /^[^.,;]{0,14}?\b(?:absent|negative|normal|unremarkable|not present|denied|ruled out|none|nil|within normal limits)\b/i;
const NOT_NORMAL = /\b(?:not|n't|isn't) normal\b/i;

function isNegatedAfter(model: TextModel, end: number): boolean {
  const after = model.text.slice(end, end + 30);
  return POST_NEGATION.test(after) && !NOT_NORMAL.test(after);
}

/** How the words at [start, end) stand: asserted about the patient, negated, someone else's, or hypothetical. */
export function assertionAt(model: TextModel, start: number, end = start): Assertion {
  const sub = enclosing(model.subClauses, start);
  if (sub?.otherPersonFrom != null && start >= sub.otherPersonFrom) return 'other_person';
  const sentence = enclosing(model.sentences, start);
  const subPrefix = model.text.slice(sub?.start ?? start, start);
  if (HYPOTHETICAL_CUE.test(subPrefix) && !/\bnot sure if\b/i.test(subPrefix)) return 'hypothetical';
  if (isNegated(model.text.slice(sentence?.start ?? start, start))) return 'negated';
  if (end > start && isNegatedAfter(model, end)) return 'negated';
  return 'asserted';
}

/** A gap inside a match that crosses "but" or "no" links words that do not belong together ("lip but no tongue swelling"). */
const INTERNAL_BREAK = /\b(?:but|no|denies|nor)\b/i;

/** Every match of a compiled (global, case-insensitive) pattern, with how each one stands. */
export function findMatches(model: TextModel, pattern: RegExp): TextMatch[] {
  const found: TextMatch[] = [];
  pattern.lastIndex = 0;
  for (const m of model.text.matchAll(pattern)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (INTERNAL_BREAK.test(m[0].slice(1))) continue;
    found.push({
      start,
      end,
      quote: model.original.slice(start, end).trim(),
      assertion: assertionAt(model, start, end),
    });
  }
  return found;
}

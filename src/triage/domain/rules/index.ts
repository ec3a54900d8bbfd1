// The rule set Hamlet ships: one version string for every change, so each outcome says which rules made it.
import type { TriageRule } from '../triage-types.ts';
import { ADMIN_SOCIAL_RULES } from './admin-social-rules.ts';
import { PHARMACY_FIRST_RULES } from './pharmacy-first-rules.ts';
import { MORE_RED_FLAG_RULES } from './red-flag-rules-2.ts';
import { RED_FLAG_RULES } from './red-flag-rules.ts';
import { ROUTINE_RULES } from './routine-rules.ts';
import { SELF_CARE_RULES } from './self-care-rules.ts';
import { URGENT_RULES } from './urgent-rules.ts';
import { MORE_URGENT_RULES } from './urgent-rules-2.ts';

/** Bump on every rule change (hazard log: stale rules). */
export const RULES_VERSION = 'hamlet-triage-rules/1.0.0';

/** Order matters only to break ties within a level: earlier rules explain the outcome first. */
export const TRIAGE_RULES: readonly TriageRule[] = [
  ...RED_FLAG_RULES,
  ...MORE_RED_FLAG_RULES,
  ...URGENT_RULES,
  ...MORE_URGENT_RULES,
  ...PHARMACY_FIRST_RULES,
  ...ROUTINE_RULES,
  ...ADMIN_SOCIAL_RULES,
  ...SELF_CARE_RULES,
];

export { SAFETY_QUESTIONS } from './safety-questions.ts';
export { PHARMACY_FIRST_CRITERIA } from './pharmacy-first-rules.ts';

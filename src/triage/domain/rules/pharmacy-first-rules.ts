// Pharmacy First (England, January 2024): seven conditions a community pharmacist can assess and treat,
// each with age/sex criteria. Outside the criteria, a sibling rule sends the patient to a clinician instead.
import type { Population, TriageRule } from '../triage-types.ts';
import * as L from './lexicon.ts';

const SPEC = 'NHS England Pharmacy First service specification (2024), clinical pathway: ';
const PHARMACY = { disposition: 'self_care', service: 'community_pharmacy', needKind: 'medical' } as const;

export const PHARMACY_FIRST_CRITERIA = {
  uti: { sex: 'female', minAge: 16, belowAge: 65 },
  sinusitis: { minAge: 12 },
  soreThroat: { minAge: 5 },
  otitisMedia: { minAge: 1, belowAge: 18 },
  infectedInsectBite: { minAge: 1 },
  impetigo: { minAge: 1 },
  shingles: { minAge: 18 },
} as const satisfies Record<string, Population>;

const SINUSITIS = String.raw`sinus\w*|facial pain|face pain|pain in (?:my|his|her) face|maxillary (?:pain|tenderness)|(?:pain|pressure|ache|tender\w*)\b[^.]{0,30}(?:cheeks?|forehead|around (?:my|his|her|the) eyes|behind (?:my|his|her|the) eyes)|(?:cheeks?|forehead)\b[^.]{0,15}(?:pain|ache|hurts?)`;
const SORE_THROAT = String.raw`sore throat|throat (?:is |feels )?(?:sore|painful|hurts?|raw|killing)|tonsil\w*|strep throat|pharyngitis|(?:hurts?|painful|pain) (?:when i |to |on )?swallow\w*`;
const EARACHE = String.raw`ear ?ache|ear (?:pain|infection)|(?:pain|hurts?|hurting|sore)\b[^.]{0,10}\b(?:in )?(?:my |his |her |the |their )?(?:left |right )?ears?\b|pull\w* (?:at|on) (?:his|her|their|my) ears?|otitis|(?:his|her|my) ears? (?:hurts?|is sore|is painful|aches?)|otalgia`;
const INSECT_BITE = String.raw`(?:insect|bug|mosquito|mozzie|mozzy|mossie|midge|flea|spider|horse ?fly|gnat|tick) bites?|bitten by (?:an? |some )?(?:insects?|bugs?|mosquito\w*|mozzies?|mozzy|mossies?|midges?|fleas?|spiders?|horse ?fly|gnats?|tick|something)|(?:bee|wasp|hornet) stings?|stung by|\bbites?\b`;
const INFECTED = String.raw`infect\w*|\bred\b|redness|swollen|swelling|\bhot\b|\bwarm\b|\bpus\b|pussy|oozing|weeping`;
const IMPETIGO = String.raw`impetigo|(?:crust\w*|golden|honey[- ]colou?red|yellow)\b[^.]{0,20}(?:sores?|scabs?|blisters?|crusts?|patches)|(?:sores?|scabs?)\b[^.]{0,25}(?:crust\w*|golden|honey)`;
const SHINGLES = String.raw`shingles|herpes zoster|(?:rash|blisters?|spots)\b[^.]{0,40}(?:one side|a band|a strip|a stripe|a belt|in a line|round (?:my|his|her) (?:left |right )?(?:side|waist|chest|back|ribs))|(?:band|strip|stripe|belt) of (?:painful )?(?:blisters?|rash|spots)`;

export const PHARMACY_FIRST_RULES = [
  {
    id: 'pharmacy-first.uti',
    ...PHARMACY,
    when: { patterns: [L.URINARY_SYMPTOMS] },
    who: PHARMACY_FIRST_CRITERIA.uti,
    rationale: 'Uncomplicated urinary tract infection, woman 16–64: Pharmacy First',
    asks: ['uti_upper'],
    source: SPEC + 'uncomplicated UTI',
  },
  {
    id: 'pharmacy-first.sinusitis',
    ...PHARMACY,
    when: { patterns: [SINUSITIS] },
    who: PHARMACY_FIRST_CRITERIA.sinusitis,
    rationale: 'Acute sinusitis, 12 and over: Pharmacy First',
    source: SPEC + 'acute sinusitis',
  },
  {
    id: 'self-care.sinusitis-child',
    disposition: 'self_care',
    service: 'self_care',
    needKind: 'medical',
    when: { patterns: [SINUSITIS] },
    notWho: PHARMACY_FIRST_CRITERIA.sinusitis,
    selfCareUpToDays: 21,
    rationale: 'Sinus symptoms under 12 are outside Pharmacy First; usually viral: pharmacist advice',
    source: 'NICE NG79 sinusitis (acute)',
  },
  {
    id: 'pharmacy-first.sore-throat',
    ...PHARMACY,
    when: { patterns: [SORE_THROAT] },
    who: PHARMACY_FIRST_CRITERIA.soreThroat,
    selfCareUpToDays: 14,
    rationale: 'Acute sore throat, 5 and over: Pharmacy First',
    source: SPEC + 'acute sore throat',
  },
  {
    id: 'self-care.sore-throat-under-5',
    disposition: 'self_care',
    service: 'self_care',
    needKind: 'medical',
    when: { patterns: [SORE_THROAT] },
    notWho: PHARMACY_FIRST_CRITERIA.soreThroat,
    selfCareUpToDays: 7,
    rationale: 'Sore throat under 5 is outside Pharmacy First: self-care with pharmacist advice',
    source: 'NICE NG84 sore throat (acute)',
  },
  {
    id: 'pharmacy-first.otitis-media',
    ...PHARMACY,
    when: { patterns: [EARACHE] },
    who: PHARMACY_FIRST_CRITERIA.otitisMedia,
    rationale: 'Acute otitis media, 1–17: Pharmacy First',
    source: SPEC + 'acute otitis media',
  },
  {
    id: 'self-care.earache-adult',
    disposition: 'self_care',
    service: 'self_care',
    needKind: 'medical',
    when: { patterns: [EARACHE] },
    who: { minAge: 18 },
    selfCareUpToDays: 7,
    rationale: 'Earache in an adult is outside the otitis media pathway; usually settles in 3 days',
    source: 'NICE NG91 otitis media (acute)',
  },
  {
    id: 'routine.earache-under-one',
    disposition: 'routine',
    service: 'first_available',
    needKind: 'medical',
    when: { patterns: [EARACHE] },
    who: { belowAge: 1 },
    rationale: 'Ear infection under 1 is outside Pharmacy First: clinician review',
    source: SPEC + 'acute otitis media (age 1–17)',
  },
  {
    id: 'pharmacy-first.infected-insect-bite',
    ...PHARMACY,
    when: { patterns: [INSECT_BITE] },
    also: [{ patterns: [INFECTED] }],
    who: PHARMACY_FIRST_CRITERIA.infectedInsectBite,
    rationale: 'Infected insect bite, 1 and over: Pharmacy First',
    source: SPEC + 'infected insect bite',
  },
  {
    id: 'routine.insect-bite-under-one',
    disposition: 'routine',
    service: 'first_available',
    needKind: 'medical',
    when: { patterns: [INSECT_BITE] },
    also: [{ patterns: [INFECTED] }],
    notWho: PHARMACY_FIRST_CRITERIA.infectedInsectBite,
    rationale: 'Infected bite under 1 is outside Pharmacy First: clinician review',
    source: SPEC + 'infected insect bite (age 1+)',
  },
  {
    id: 'pharmacy-first.impetigo',
    ...PHARMACY,
    when: { patterns: [IMPETIGO] },
    who: PHARMACY_FIRST_CRITERIA.impetigo,
    rationale: 'Impetigo, 1 and over: Pharmacy First',
    source: SPEC + 'impetigo',
  },
  {
    id: 'routine.impetigo-under-one',
    disposition: 'routine',
    service: 'first_available',
    needKind: 'medical',
    when: { patterns: [IMPETIGO] },
    notWho: PHARMACY_FIRST_CRITERIA.impetigo,
    rationale: 'Impetigo under 1 is outside Pharmacy First: clinician review',
    source: SPEC + 'impetigo (age 1+)',
  },
  {
    id: 'pharmacy-first.shingles',
    ...PHARMACY,
    when: { patterns: [SHINGLES] },
    who: PHARMACY_FIRST_CRITERIA.shingles,
    rationale: 'Shingles, 18 and over: Pharmacy First',
    source: SPEC + 'shingles',
  },
  {
    id: 'urgent.shingles-under-18',
    disposition: 'urgent',
    service: 'same_day_clinician',
    needKind: 'medical',
    when: { patterns: [SHINGLES] },
    notWho: PHARMACY_FIRST_CRITERIA.shingles,
    rationale: 'Shingles under 18 is outside Pharmacy First and uncommon: clinician review while antivirals can help',
    source: SPEC + 'shingles (age 18+); NICE CKS shingles',
  },
] as const satisfies readonly TriageRule[];

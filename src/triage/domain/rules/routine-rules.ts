// Routine clinical contact (days to weeks): possible cancer symptoms for a prompt referral, long-term
// conditions, mental health without risk, women's health and ongoing problems.
import type { TriageRule } from '../triage-types.ts';
import * as L from './lexicon.ts';

const ROUTINE = { disposition: 'routine', service: 'first_available', needKind: 'medical' } as const;
const ONGOING = { ...ROUTINE, continuity: true } as const;

export const ROUTINE_RULES = [
  {
    id: 'routine.possible-cancer',
    ...ROUTINE,
    when: {
      patterns: [
        String.raw`\blump\b|(?:lost|losing) (?:a lot of |some |lots of |a bit of )?weight\b[^.]{0,25}(?:without|for no|not trying|unexplained)|(?:unexplained|unintentional) weight loss|weight loss|blood in (?:my |his |her |the )?(?:urine|wee|pee|poo|stools?|faeces)|bleeding from (?:my |the )?(?:bottom|back passage|rectum)|rectal bleeding|blood (?:on|in) (?:the )?(?:toilet paper|pan)|(?:bleeding|bled|spotting) after (?:the |my )?menopause|post-?menopausal bleed\w*|mole\b[^.]{0,40}(?:chang\w*|grow\w*|bigger|darker|bleed\w*|itch\w*|irregular)|(?:food|things) (?:gets?|getting|keeps? getting) stuck|(?:difficulty|trouble|problems?) swallowing|hoarse\w*|change in (?:my )?bowel|bowel habits? (?:has |have )?changed|night sweats`,
      ],
    },
    rationale: 'Possible cancer symptom: prompt GP review for a suspected-cancer referral',
    source: 'NICE NG12 suspected cancer: recognition and referral',
  },
  {
    id: 'routine.mental-health',
    ...ONGOING,
    when: { patterns: [L.MENTAL_HEALTH] },
    rationale: 'Mental health concern without immediate risk',
    source: 'NICE CG123 common mental health problems; NICE NG222 depression',
  },
  {
    id: 'routine.womens-health',
    ...ROUTINE,
    when: {
      patterns: [
        String.raw`heavy periods?|periods? (?:have |has )?(?:become |got |been )?(?:very |really |much )?(?:heav\w*|irregular|painful)|(?:not|haven'?t|hasn'?t) had a period|missed periods|no periods?|amenorrh\w*|(?:bleeding|spotting) (?:between periods|after sex)|irregular periods|menopaus\w*|\bhrt\b|hot flush\w*|fertility|trying for a baby|can'?t get pregnant|contracepti\w*|the pill\b|\bcoil\b|smear`,
      ],
    },
    rationale: 'Periods, menopause, fertility or contraception',
    source: 'NICE NG88 heavy menstrual bleeding; NICE NG23 menopause; FSRH',
  },
  {
    id: 'routine.memory',
    ...ONGOING,
    when: {
      patterns: [String.raw`memory|forget\w*|dementia|alzheimer\w*|repeating (?:herself|himself|myself|themselves)`],
    },
    rationale: 'Memory concerns: memory assessment',
    source: 'NICE NG97 dementia',
  },
  {
    id: 'routine.falls',
    ...ONGOING,
    when: { patterns: [String.raw`\bfall(?:s|ing)?\b|\bfell\b|unsteady on (?:my|his|her) feet`] },
    rationale: 'Falls: falls risk assessment',
    source: 'NICE CG161 falls in older people',
  },
  {
    id: 'routine.urinary-and-thirst',
    ...ROUTINE,
    when: {
      patterns: [
        String.raw`(?:up|get up|getting up|wake up|waking up) (?:\w+ )?(?:times )?(?:in the night |at night |during the night )?to (?:wee|pee)|(?:wee|pee)\w* (?:a lot |more )?(?:at night|in the night)|weak (?:flow|stream)|prostate|dribbl\w*|incontinen\w*|leak\w* (?:when|urine|wee)|(?:always|very|really|so|constantly) thirsty|(?:weeing|peeing|urinating) (?:a lot|loads|all the time|more)`,
      ],
    },
    rationale: 'Urinary symptoms or thirst needing tests',
    source: 'NICE CG97 LUTS in men; NICE NG28 type 2 diabetes (diagnosis)',
  },
  {
    id: 'routine.tiredness',
    ...ROUTINE,
    supporting: true,
    when: { patterns: [String.raw`tired all the time|always tired|exhausted|fatigue\w*|no energy|worn out`] },
    rationale: 'Tiredness: history and blood tests',
    source: 'NICE CKS tiredness/fatigue in adults',
  },
  {
    id: 'routine.long-term-condition',
    ...ONGOING,
    supporting: true,
    when: {
      patterns: [
        String.raw`diabet\w*|blood pressure|hypertension|asthma|\bcopd\b|thyroid|cholesterol|heart failure|atrial fibrillation|\baf\b|epilep\w*|arthritis|kidney disease|\bckd\b|my (?:condition|medication|tablets|inhalers?)|health (?:check|mot)|check[- ]?up|screening|vaccin\w*|\bjabs?\b|immuni[sz]ation`,
      ],
    },
    rationale: 'Long-term condition, medication or prevention: planned review',
    source: 'NHS GP contract: long-term condition reviews; NHS Health Check',
  },
  {
    id: 'routine.musculoskeletal',
    ...ROUTINE,
    when: {
      patterns: [
        String.raw`(?:knee|hip|shoulder|elbow|wrist|ankle|joint|neck|foot|heel)s?\b[^.,]{0,20}(?:pain|ache\w*|hurt\w*|sore|stiff)|(?:pain|ache) in (?:my|his|her) (?:knee|hip|shoulder|elbow|neck|joints?|foot|heel)|ingrown (?:toe)?nail`,
      ],
    },
    rationale: 'Joint or soft-tissue problem: first-contact physio or GP',
    source: 'NICE NG226 osteoarthritis; NHS first contact physiotherapy',
  },
  {
    id: 'routine.persistent-problem',
    ...ONGOING,
    supporting: true,
    when: { findings: ['duration_3_weeks'] },
    rationale: 'A problem lasting three weeks or more needs a clinician',
    source: 'NICE NG12: persistent symptoms merit review',
  },
] as const satisfies readonly TriageRule[];

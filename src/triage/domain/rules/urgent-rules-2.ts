// Same-day rules, continued: mental health, pregnancy, long-term conditions and safeguarding.
import type { TriageRule } from '../triage-types.ts';
import * as L from './lexicon.ts';

const SAME_DAY = { disposition: 'urgent', service: 'same_day_clinician', needKind: 'medical' } as const;

export const MORE_URGENT_RULES = [
  {
    id: 'urgent.suicidal-thoughts',
    ...SAME_DAY,
    asks: ['suicide_intent'],
    countHypothetical: true,
    when: { patterns: [L.SUICIDAL_THOUGHTS] },
    rationale: 'Suicidal thoughts, self-harm or new psychotic symptoms: same-day mental-health assessment',
    source: 'NICE NG225 self-harm; NICE CG136 service user experience in adult mental health',
  },
  {
    id: 'urgent.pregnancy-problem',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`bleed\w*|spotting|\bblood\b|vomit\w*|being sick|(?:can'?t|cannot) keep|${L.ABDOMINAL_PAIN}|${L.URINARY_SYMPTOMS}|\bitch\w*\b[^.]{0,30}(?:hands|feet|palms|soles)|headache`,
      ],
    },
    also: [{ patterns: [L.PREGNANT] }],
    rationale: 'Pregnancy with bleeding, pain, vomiting, urinary symptoms or itching',
    source: 'NICE NG126 early pregnancy; RCOG hyperemesis; NICE NG109 UTI in pregnancy',
  },
  {
    id: 'urgent.upper-urinary-infection',
    ...SAME_DAY,
    when: { patterns: [L.URINARY_SYMPTOMS] },
    also: [{ patterns: [L.UPPER_URINARY, L.FEVER], findings: ['fever'] }],
    rationale: 'Urinary symptoms with fever, loin pain or rigors (possible pyelonephritis)',
    source: 'NICE NG111 pyelonephritis; Pharmacy First UTI pathway red flags',
  },
  {
    id: 'urgent.uti-outside-pharmacy-first',
    ...SAME_DAY,
    when: { patterns: [L.URINARY_SYMPTOMS] },
    notWho: { sex: 'female', minAge: 16, belowAge: 65 },
    rationale: 'Urinary infection symptoms outside Pharmacy First criteria (men, under 16, 65 and over)',
    source: 'Pharmacy First service specification (UTI: women 16–64); NICE NG109',
  },
  {
    id: 'urgent.recurrent-or-complicated-uti',
    ...SAME_DAY,
    when: { patterns: [L.URINARY_SYMPTOMS] },
    also: [
      {
        patterns: [
          String.raw`catheter|recurrent|keep getting|(?:third|3rd|fourth|another) (?:one|uti|infection)|(?:\d|two|three|four) (?:utis|infections) (?:in|this)|blood in (?:my |the )?(?:wee|urine|pee)|kidney (?:disease|problems?)|immuno\w*`,
        ],
      },
    ],
    rationale: 'Recurrent or complicated urinary infection is excluded from Pharmacy First',
    source: 'Pharmacy First UTI clinical pathway exclusions',
  },
  {
    id: 'urgent.shingles-eye-or-vulnerable',
    ...SAME_DAY,
    when: { patterns: [String.raw`shingles|herpes zoster|(?:rash|blisters?)\b[^.]{0,40}(?:one side|a band|a strip)`] },
    also: [
      {
        patterns: [
          String.raw`\beyes?\b|eyelid|tip of (?:my|his|her|the) nose|\bnose\b|forehead|pregnan\w*|immuno\w*|chemotherapy`,
        ],
      },
    ],
    rationale: 'Shingles near the eye, in pregnancy or with weak immunity',
    source: 'Pharmacy First shingles pathway exclusions; NICE CKS shingles',
  },
  {
    id: 'urgent.critical-medicine-missing',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:run|running|ran) out of (?:my |his |her )?(?:\w+ )?(?:insulin|epilep\w*|anti-?epilep\w*|seizure|levetiracetam|lamotrigine|valproate|carbamazepine|steroids?|hydrocortisone|prednisolone|warfarin|apixaban|rivaroxaban|edoxaban|anticoagul\w*|blood thinners?|levodopa|co-careldopa|parkinson'?s|clozapine|lithium|adrenaline|epi-?pen|(?:blue |reliever )?inhaler)`,
      ],
    },
    rationale: 'Run out of a medicine where missed doses are dangerous',
    source: 'NHS Specialist Pharmacy Service: critical medicines; RPS emergency supply',
  },
  {
    id: 'urgent.diabetes-unwell',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:blood )?(?:sugars?|glucose|bms|bm)\b[^.]{0,20}(?:high|over|above|\d{2}|won'?t come down)|hyperglyc\w*|hypo(?:glyc\w*)?\b|low (?:blood )?sugars?`,
      ],
    },
    rationale: 'High or low blood sugar readings',
    source: 'NICE NG17/NG28 diabetes; TREND sick day rules',
  },
  {
    id: 'urgent.diabetes-vomiting',
    ...SAME_DAY,
    when: { patterns: [String.raw`vomit\w*|being sick|been sick|diarrh\w*|very thirsty|really thirsty`] },
    also: [{ patterns: [String.raw`diabet\w*|insulin`] }],
    rationale: 'Vomiting or marked thirst in someone with diabetes (sick day rules, DKA risk)',
    source: 'TREND-UK sick day rules; JBDS-IP DKA',
  },
  {
    id: 'urgent.severe-hypertension',
    ...SAME_DAY,
    when: {
      findings: ['severe_hypertension'],
      patterns: [String.raw`(?:blood pressure|bp)\b[^.]{0,30}(?:very|really|dangerously|extremely) high`],
    },
    rationale: 'Blood pressure of 180/120 or more',
    source: 'NICE NG136 hypertension: same-day referral criteria',
  },
  {
    id: 'urgent.nosebleed-prolonged',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:nose ?bleed\w*|bleeding (?:from|out of) (?:my |his |her )?nose)\b[^.]{0,50}(?:(?:won'?t|will not|doesn'?t|not|hasn'?t) (?:stop|stopped|stopping)|(?:\d{2}|twenty|thirty|forty) min\w*|hours?|heavy|pouring)`,
      ],
    },
    rationale: 'Nosebleed not controlled by first aid',
    source: 'NICE CKS epistaxis',
  },
  {
    id: 'urgent.asthma-worsening',
    ...SAME_DAY,
    asks: ['breathing_severe'],
    when: {
      patterns: [
        String.raw`asthma attack|inhaler (?:isn'?t|is not|not|doesn'?t) (?:help\w*|work\w*)|(?:blue|reliever) inhaler\b[^.]{0,40}(?:every|more|hours?|lots)|peak flow\b[^.]{0,30}(?:low|down|dropp\w*)|copd (?:flare|exacerbation)|heart failure\b[^.]{0,80}(?:swollen|swelling|breathless|weight)|(?:swollen|swelling)\b[^.]{0,60}heart failure`,
      ],
    },
    rationale: 'Worsening asthma, COPD or heart failure',
    source: 'BTS/SIGN asthma; NICE NG115 COPD; NICE NG106 heart failure',
  },
  {
    id: 'urgent.ear-mastoid',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:swelling|swollen|lump|tender\w*|red\w*)\b[^.]{0,20}behind (?:the |my |his |her )?ears?|ears? (?:is )?(?:sticking|pushed|pushing|pokes?) (?:out|forward)|mastoid\w*`,
      ],
    },
    rationale: 'Swelling behind the ear (possible mastoiditis)',
    source: 'NICE CKS otitis media: red flags; Pharmacy First otitis media pathway',
  },
  {
    id: 'urgent.coughing-blood',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`cough\w* (?:up )?(?:blood|bloody)|blood (?:in|when i cough|in my) (?:my )?(?:phlegm|sputum|spit)|ha?emoptysis`,
      ],
    },
    rationale: 'Coughing up blood',
    source: 'NICE NG12 suspected cancer; NICE CKS haemoptysis',
  },
  {
    id: 'urgent.very-unwell',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`getting (?:much |a lot |rapidly |really )?worse (?:quickly|fast|rapidly|by the hour|every hour)|deteriorat\w*|(?:feel\w*|look\w*|is|seems?) (?:very|really|extremely|so) (?:unwell|poorly|ill|sick)\b|not (?:him|her|my)self\b|lethargic|listless`,
      ],
    },
    rationale: 'Very unwell or getting worse quickly',
    source: 'NICE NG51 sepsis: think sepsis in the unwell patient',
  },
  {
    id: 'urgent.young-baby-unwell',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`vomit\w*|being sick|diarrh\w*|not feeding|cough\w*|\brash\b|jaundic\w*|yellow|crying|unwell|poorly|breathing|grunting|\bcold\b`,
      ],
    },
    who: { belowAge: 0.25 },
    rationale: 'Any illness in a baby under 3 months needs a clinician today',
    source: 'NICE NG143 fever in under 5s; NICE CG98 neonatal jaundice',
  },
  {
    id: 'urgent.safeguarding',
    disposition: 'urgent',
    service: 'same_day_clinician',
    needKind: 'social',
    when: {
      patterns: [
        String.raw`domestic (?:abuse|violence)|(?:he|she|my partner|my husband|my wife|my boyfriend|my girlfriend) (?:hits|hit|beats|hurts|threaten\w*|chok\w*|strangl\w*) me|(?:scared|afraid|frightened) of (?:my )?(?:partner|husband|wife|boyfriend|girlfriend|dad|mum)|not safe at home|being abused|sexual(?:ly)? assault\w*|raped`,
      ],
    },
    rationale: 'Domestic abuse or assault: same-day safeguarding response',
    source: 'NICE PH50 domestic violence and abuse; RCGP safeguarding toolkit',
  },
] as const satisfies readonly TriageRule[];

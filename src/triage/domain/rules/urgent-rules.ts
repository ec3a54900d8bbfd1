// Same-day rules: a clinician must assess today. Several ask a safety question that can escalate to 999.
import type { TriageRule } from '../triage-types.ts';
import * as L from './lexicon.ts';

const SAME_DAY = { disposition: 'urgent', service: 'same_day_clinician', needKind: 'medical' } as const;
const FEVER = { patterns: [L.FEVER], findings: ['fever'] } as const;

export const URGENT_RULES = [
  {
    id: 'urgent.chest-pain',
    ...SAME_DAY,
    asks: ['chest_pain_features'],
    when: { patterns: [L.CHEST_PAIN] },
    unless: {
      patterns: [
        String.raw`after (?:eating|meals?|food)|heartburn|indigestion|reflux|when (?:i |he |she )?(?:press|push|touch)`,
      ],
    },
    rationale: 'Chest pain: a clinician must assess it today at the least',
    source: 'NICE CG95 chest pain of recent onset',
  },
  {
    id: 'urgent.breathless',
    ...SAME_DAY,
    asks: ['breathing_severe'],
    when: { patterns: [L.BREATHLESS], findings: ['tachypnoea', 'low_oxygen'] },
    unless: { findings: ['duration_3_weeks'] },
    rationale: 'New or worsening breathlessness or wheeze',
    source: 'NICE CKS breathlessness; BTS/SIGN asthma (moderate exacerbation)',
  },
  {
    id: 'urgent.fast-pulse',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`tachycardi\w*|(?:heart|pulse) (?:is |was |keeps )?(?:racing|pounding|very fast|really fast)|palpitations?\b[^.]{0,40}(?:dizzy|faint|breathless|chest)`,
      ],
      findings: ['tachycardia'],
    },
    rationale: 'Fast heart rate or palpitations with dizziness or breathlessness',
    source: 'NICE NG51 sepsis (moderate risk); NICE CKS palpitations',
  },
  {
    id: 'urgent.stroke-history-recent',
    ...SAME_DAY,
    when: { patterns: [String.raw`(?:had|having had) a (?:mini[- ]stroke|tia)\b`] },
    rationale: 'Recent suspected TIA needs specialist assessment within 24 hours',
    source: 'NICE NG128 stroke and TIA',
  },
  {
    id: 'urgent.new-confusion',
    ...SAME_DAY,
    when: { patterns: [L.CONFUSION] },
    unless: { findings: ['duration_3_weeks'] },
    rationale: 'New confusion (delirium) needs assessment today',
    source: 'NICE CG103 delirium',
  },
  {
    id: 'urgent.worst-headache',
    ...SAME_DAY,
    asks: ['headache_sudden'],
    when: {
      patterns: [
        String.raw`(?:worst|severe|terrible|excruciating|awful|really bad|very bad|unbearable)\b[^.]{0,20}(?:headache|head ?ache|head pain)|(?:headache|head ?ache)\b[^.]{0,40}(?:wakes? (?:me|him|her) up|worse (?:in|first thing in) the morning|worse (?:when|on) (?:lying|coughing|straining))|new headache\b[^.]{0,40}(?:over 50|vomit\w*)`,
      ],
    },
    rationale: 'Severe or new pattern of headache',
    source: 'NICE CKS headache assessment: red flags',
  },
  {
    id: 'urgent.giant-cell-arteritis',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`scalp\b[^.]{0,25}(?:tender|sore|painful|hurts)|(?:tender|sore|painful) scalp|jaw\b[^.]{0,25}(?:aches?|hurts?|pain)\b[^.]{0,20}(?:chew|eat)|(?:chew\w*|eating)\b[^.]{0,25}jaw (?:pain|ache|hurts)|temporal arteritis|giant cell|jaw claudication`,
      ],
    },
    who: { minAge: 50 },
    rationale: 'Possible giant cell arteritis: same-day steroids protect sight',
    source: 'BSR guideline on giant cell arteritis (2020)',
  },
  {
    id: 'urgent.head-injury',
    ...SAME_DAY,
    asks: ['head_injury_flags'],
    when: { patterns: [L.HEAD_INJURY] },
    rationale: 'Head injury needs assessment for danger signs',
    source: 'NICE NG232 head injury',
  },
  {
    id: 'urgent.facial-swelling',
    ...SAME_DAY,
    asks: ['allergy_airway'],
    when: {
      patterns: [
        String.raw`(?:lips?|face|mouth|eyelids?)\b[^.]{0,20}(?:swell\w*|swollen|puff\w*)|(?:swell\w*|swollen) (?:lips?|face|mouth)|angioedema`,
      ],
    },
    rationale: 'Facial or lip swelling (possible angioedema)',
    source: 'NICE CKS angio-oedema and anaphylaxis',
  },
  {
    id: 'urgent.rash-with-fever',
    ...SAME_DAY,
    asks: ['rash_glass_test'],
    when: { patterns: [L.RASH] },
    also: [FEVER],
    unless: {
      patterns: [
        String.raw`chicken ?pox|hand,? foot and mouth|slapped cheek|cold sores?|impetigo|shingles|heat rash|nappy rash`,
      ],
    },
    rationale: 'Rash with fever: check that it fades under a glass',
    source: 'NICE NG143 fever in under 5s; NICE NG240 meningococcal disease',
  },
  {
    id: 'urgent.fever-five-days',
    ...SAME_DAY,
    when: FEVER,
    also: [{ findings: ['duration_5_days'] }],
    who: { belowAge: 16 },
    rationale: 'Fever lasting five days or more in a child',
    source: 'NICE NG143 fever in under 5s (amber: fever ≥ 5 days)',
  },
  {
    id: 'routine.fever-persisting',
    disposition: 'routine',
    service: 'first_available',
    needKind: 'medical',
    when: FEVER,
    also: [{ findings: ['duration_5_days'] }],
    who: { minAge: 16 },
    rationale: 'Fever lasting five days or more in an adult needs a clinician',
    source: 'NICE CKS fever in adults; NHS: see a GP if a high temperature lasts more than 5 days',
  },
  {
    id: 'urgent.fever-under-one',
    ...SAME_DAY,
    when: FEVER,
    who: { belowAge: 1 },
    rationale: 'Fever in a baby under 1',
    source: 'NICE NG143 fever in under 5s (amber: 3–6 months with 39 °C)',
  },
  {
    id: 'urgent.fever-frail-or-elderly',
    ...SAME_DAY,
    when: {
      findings: ['high_fever', 'hypothermia'],
      patterns: [String.raw`rigou?rs|shaking (?:with|and) (?:fever|temperature)`],
    },
    who: { minAge: 75 },
    rationale: 'High fever or rigors in an older person',
    source: 'NICE NG51 sepsis: risk factors',
  },
  {
    id: 'urgent.child-reduced-intake',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:not|isn'?t|hasn'?t been) (?:drinking|feeding|taking (?:any )?(?:milk|fluids|feeds|bottles?))|(?:won'?t|will not|refus\w* to|doesn'?t want to) (?:drink|feed|take (?:any )?(?:milk|fluids|feeds|bottles?))|refus\w* (?:drinks|feeds|fluids|milk|bottles?)|off (?:his|her|their) (?:feeds|milk)|not feeding as well|(?:only )?(?:had )?(?:one|1|two|2) wet napp(?:y|ies)|fewer wet nappies|dry nappies`,
      ],
    },
    who: { belowAge: 5 },
    rationale: 'A young child drinking or feeding much less (risk of dehydration)',
    source: 'NICE NG143 (amber: poor feeding, reduced urine output)',
  },
  {
    id: 'urgent.cannot-keep-fluids',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:can'?t|cannot|unable to|not|isn'?t|haven'?t been able to) keep(?:ing)? (?:any |anything )?(?:fluids?|water|drinks?|food|anything|nothing|nothin|owt|liquids|it|milk) down|(?:vomit\w*|being sick|throw\w* up)\b[^.]{0,30}(?:non-?stop|every (?:hour|time)|can'?t stop|all day|all night)`,
      ],
    },
    rationale: 'Vomiting with fluids not staying down (risk of dehydration)',
    source: 'NICE CKS gastroenteritis: when to refer',
  },
  {
    id: 'urgent.infection-spreading',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:red\w*|infection|swelling)\b[^.]{0,25}spread\w*|spread\w*\b[^.]{0,25}(?:red\w*|up (?:my|his|her) (?:arm|leg))|red (?:line|streak)|red\w*\b[^.]{0,20}in a line|tracking up|cellulitis|abscess|(?:lump|boil)\b[^.]{0,40}(?:hot|throbbing|pus)`,
      ],
    },
    rationale: 'Spreading skin infection, cellulitis or abscess',
    source: 'NICE NG141 cellulitis and erysipelas; Pharmacy First insect bite exclusions',
  },
  {
    id: 'urgent.skin-infection-with-fever',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:red\w*|erythema\w*|hot|warm)\b[^.]{0,40}\b(?:skin|legs?|arms?|shin|foot|feet|extremit\w*|pretibial)\b|\b(?:skin|legs?|arms?|shin|extremit\w*|pretibial (?:area|region))\b[^.]{0,40}(?:red\w*|erythema\w*|hot to touch)`,
      ],
    },
    also: [FEVER],
    rationale: 'Red, painful skin with fever (possible cellulitis)',
    source: 'NICE NG141 cellulitis and erysipelas',
  },
  {
    id: 'urgent.neurological-deficit',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`foot drop|wrist drop|(?:new|sudden) (?:numbness|weakness|tingling) (?:in|of) (?:my |his |her |the )?(?:left |right )?(?:foot|leg|hand|arm)`,
      ],
    },
    rationale: 'New weakness or numbness in a limb',
    source: 'NICE NG59 low back pain and sciatica (progressive neurological deficit)',
  },
  {
    id: 'urgent.bloody-diarrhoea',
    ...SAME_DAY,
    when: { patterns: [L.BLOODY_DIARRHOEA] },
    rationale: 'Bloody diarrhoea',
    source: 'NICE CKS gastroenteritis: blood in stool needs same-day assessment',
  },
  {
    id: 'urgent.urinary-retention',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:can'?t|cannot|unable to|haven'?t been able to|not able to|not been able to) (?:pass|do|have) (?:any )?(?:urine|a wee|a pee|wee|water)|urinary retention|(?:can'?t|cannot) (?:wee|pee|urinate)`,
      ],
    },
    rationale: 'Unable to pass urine (acute retention)',
    source: 'NICE CKS LUTS in men: acute urinary retention',
  },
  {
    id: 'urgent.fainted',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`fainted|fainting|passed out|blacked out|lost consciousness|(?:feel|feeling|felt) faint|came round|syncop\w*`,
      ],
    },
    rationale: 'Fainting or blackout needs same-day assessment (ECG)',
    source: 'NICE CG109 transient loss of consciousness',
  },
  {
    id: 'urgent.injury',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:broke|broken|fractured|dislocated|dislocation of) (?:my |his |her |a |the )?(?:left |right )?(?:bone|arm|leg|wrist|ankle|finger|toe|thumb|hand|foot|nose|ribs?|collarbone|hip|shoulder|elbow|knee|jaw)|fractur\w*|(?:looks?|is|looking) (?:a bit )?(?:bent|deformed|out of place|crooked|wonky)|can'?t (?:put|bear|take) (?:any )?weight|can'?t walk on|heard a (?:crack|snap)|(?:deep|gaping|large|big|wide|long|open)\b[^.]{0,15}(?:cut|wound|gash|laceration)|(?:cut|wound|gash)\b[^.]{0,50}(?:deep|gaping|won'?t close|stitches|glue)|need\w* stitches|(?:dog|cat|animal|human|fox|horse) bite|bitten by (?:a |my |the |our )?(?:dog|cat|fox|person|child|someone)|\b(?:burn|scald)\w*\b[^.]{0,30}(?:blister\w*|face|hands?|large|big|bigger|chemical|electric\w*)|something (?:stuck )?in (?:my|his|her) eye|foreign body`,
      ],
    },
    rationale: 'Injury needing same-day care (possible fracture, deep wound, bite or burn)',
    source: 'NICE NG38 fractures; NICE CKS bites – human and animal; NICE CKS burns and scalds',
  },
  {
    id: 'urgent.eye',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`(?:flash\w*|flicker\w*) (?:of )?lights?|(?:new |lots of |loads of |sudden )floaters|shadow (?:in|across|over) ${'(?:my|his|her|the)'} vision|(?:eye|eyes)\b[^.]{0,30}(?:painful|pain|hurts?|very sore)\b[^.]{0,40}(?:blurr\w*|vision|can'?t see|light|contact lens\w*|halos?)|(?:blurr\w*|vision)\b[^.]{0,30}(?:painful|pain|hurts?) (?:eye|eyes)|(?:red|painful) eye\b[^.]{0,40}(?:contact lens\w*|vision|blurr\w*)`,
      ],
    },
    rationale: 'Painful red eye with visual change, or new flashes and floaters',
    source: 'NICE CKS red eye; NICE CKS retinal detachment',
  },
  {
    id: 'urgent.severe-abdominal-pain',
    ...SAME_DAY,
    when: { patterns: [L.ABDOMINAL_PAIN] },
    also: [
      {
        patterns: [
          L.SEVERE,
          L.FEVER,
          String.raw`vomit\w*|being sick|moved to (?:the )?(?:bottom |lower )?right|worse (?:when|if) (?:i |he |she )?(?:walk|move|cough)|rebound|guarding`,
        ],
        findings: ['fever'],
      },
    ],
    rationale: 'Severe abdominal pain, or abdominal pain with fever or vomiting',
    source: 'NICE CKS acute abdominal pain (appendicitis, cholecystitis)',
  },
  {
    id: 'urgent.testicular-pain',
    ...SAME_DAY,
    when: {
      patterns: [
        String.raw`\b(?:testic\w*|testes|balls?|scrot\w*)\b[^.]{0,25}(?:pain|ache|hurts?|swollen|swelling)|(?:pain|ache)\b[^.]{0,25}(?:testic\w*|testes|scrotum)`,
      ],
    },
    rationale: 'Testicular pain or swelling',
    source: 'NICE CKS scrotal pain and swelling',
  },
] as const satisfies readonly TriageRule[];

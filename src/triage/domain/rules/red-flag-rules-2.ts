// Red flags, continued: bleeding, pregnancy, neurology, children and metabolic emergencies.
import type { TriageRule } from '../triage-types.ts';
import * as L from './lexicon.ts';

export const MORE_RED_FLAG_RULES = [
  {
    id: 'red-flag.heavy-bleeding',
    when: { patterns: [L.HEAVY_BLEEDING] },
    unless: { patterns: [String.raw`\bperiods?\b|menstrua\w*|nose ?bleed|\bnose\b`], findings: ['duration_3_weeks'] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Heavy bleeding that will not stop',
    source: 'NHS: when to call 999 (severe bleeding)',
  },
  {
    id: 'red-flag.bleeding-in-pregnancy',
    when: { patterns: [L.HEAVY_BLEEDING] },
    also: [{ patterns: [L.PREGNANT] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Heavy bleeding in pregnancy',
    source: 'NICE NG126 ectopic pregnancy and miscarriage',
  },
  {
    id: 'red-flag.ectopic-pregnancy',
    when: { patterns: [String.raw`shoulder[- ]tip|tip of ${'(?:my|the|her)'} shoulder|faint\w*|dizzy|collaps\w*`] },
    also: [
      { patterns: [L.PREGNANT] },
      {
        patterns: [
          L.ABDOMINAL_PAIN,
          String.raw`(?:one|left|right)[- ]sided pain|pain (?:low down )?on one side|sharp pain low down`,
        ],
      },
    ],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Early pregnancy with one-sided pain and shoulder-tip pain or faintness (possible ectopic)',
    source: 'NICE NG126 ectopic pregnancy',
  },
  {
    id: 'red-flag.pregnancy-danger',
    when: {
      patterns: [
        String.raw`(?:baby|babies)(?:'s)? (?:isn'?t|is not|not|hasn'?t been|has stopped|stopped|aren'?t) (?:moving|kicking)|(?:reduced|fewer|less|no|slower) (?:fetal |foetal |baby'?s? )?movements?|moving less|waters? (?:have |has )?(?:broken|broke|gone)|(?:vision|seeing|flashing lights|blurr\w*)\b[^.]{0,60}(?:swell\w*|swollen|headache)|(?:headache|swell\w*|swollen)\b[^.]{0,60}(?:vision|flashing lights|blurr\w*|seeing)`,
      ],
    },
    also: [{ patterns: [L.PREGNANT] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Pregnancy with reduced movements, waters breaking or pre-eclampsia symptoms',
    source: 'NICE NG133 hypertension in pregnancy; RCOG reduced fetal movements',
  },
  {
    id: 'red-flag.cauda-equina',
    when: {
      patterns: [
        String.raw`(?:numb\w*|no feeling|tingl\w*|pins and needles) (?:around|in|between|of|on) (?:my |his |her |the )?(?:bottom|bum|buttocks?|genitals?|groin|privates|saddle|back passage|anus|perineum|inner thighs)|\b(?:bum|bottom|buttocks?|genitals?|groin|privates|back passage|anus|perineum|inner thighs)\b[^.,]{0,15}\b(?:numb\w*|no feeling|tingl\w*|dead)|saddle (?:an(?:a)?esthesia|numbness)|can'?t (?:feel|tell) when (?:i|he|she) (?:need|needs|want|wants) (?:a |to )?(?:wee|pee|poo)`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Numbness around the bottom or genitals (possible cauda equina syndrome)',
    source: 'NICE CKS sciatica: cauda equina red flags; GIRFT national CES pathway',
  },
  {
    id: 'red-flag.cauda-equina-back-pain',
    when: {
      patterns: [
        String.raw`(?:wet|soiled) (?:myself|himself|herself)|(?:lost|loss of|losing|can'?t) control (?:of|over) (?:my |his |her )?(?:bladder|bowels?|wee|poo)|(?:new )?(?:urinary|bladder|bowel|faecal) incontinence|(?:legs?|feet) (?:are |is |feel |have gone |went |keep )?(?:weak|numb|giving way)|weakness in (?:my|both|his|her) legs|can'?t (?:feel|move|lift) (?:my |his |her )?(?:legs?|feet)|urinary retention`,
      ],
    },
    also: [
      { patterns: [String.raw`back (?:pain|ache)|\bback\b[^.]{0,25}(?:pain|hurts?|sore|worse)|sciatica|lumbago`] },
    ],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Back pain with new incontinence, retention or leg weakness (possible cauda equina syndrome)',
    source: 'NICE CKS sciatica: cauda equina red flags',
  },
  {
    id: 'red-flag.diabetic-ketoacidosis',
    when: { patterns: [String.raw`\bketo\w*|\bketones?\b|\bdka\b|ketoacidosis`] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Raised ketones or suspected diabetic ketoacidosis',
    source: 'JBDS-IP DKA guideline; NICE NG17/NG18',
  },
  {
    id: 'red-flag.airway-swallowing',
    when: { patterns: [L.SWALLOW_DANGER] },
    unless: { patterns: [String.raw`teeth\w*|teething`] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Unable to swallow saliva, drooling or noisy breathing (airway at risk)',
    source: 'NICE NG84 sore throat: red flags (epiglottitis, quinsy)',
  },
  {
    id: 'red-flag.infant-fever',
    when: { patterns: [L.FEVER], findings: ['fever', 'hypothermia'] },
    who: { belowAge: 0.25 },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Fever (38 °C or more) in a baby under 3 months',
    source: 'NICE NG143 fever in under 5s: traffic light (red)',
  },
  {
    id: 'red-flag.infant-dehydration',
    when: {
      patterns: [
        String.raw`(?:no|hasn'?t had a|hasn'?t had any|not had a|not had any|haven'?t had a|without a) wet nappy|no wet nappies|sunken (?:eyes|fontanelle|soft spot)|eyes (?:look |are |have )?sunken|(?:soft spot|fontanelle) (?:is |looks )?sunken|no tears`,
      ],
    },
    who: { belowAge: 5 },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Signs of severe dehydration in a young child (no wet nappies, sunken eyes)',
    source: 'NICE CG84 diarrhoea and vomiting in children: clinical dehydration',
  },
  {
    id: 'red-flag.seizure',
    when: {
      patterns: [
        String.raw`(?:had|having|has|have|had another|another) (?:a |his |her |their )?(?:first )?(?:fit|seizure|convulsion)s?\b|\bfitting\b|\bseizur\w*|\bseizing\b|convuls\w*|epileptic (?:fit|attack)`,
      ],
    },
    unless: {
      patterns: [String.raw`epilep\w*|(?:my|his|her) usual (?:fits|seizures)|known (?:to have )?(?:fits|seizures)`],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'A seizure in someone not known to have epilepsy',
    source: 'NICE NG217 epilepsies; ' + 'NHS: call 999 for a first seizure',
  },
  {
    id: 'red-flag.prolonged-seizure',
    when: {
      patterns: [
        String.raw`(?:fit|fitting|seizure|seizing|shaking|convuls\w*)\b[^.]{0,40}(?:(?:for|over|more than|longer than)\s*(?:about |around )?(?:[5-9]|\d{2,}|five|six|seven|eight|nine|ten|fifteen|twenty)\s*min\w*|won'?t stop|not stopping|keeps? (?:coming|happening)|back to back|not (?:woken|waking|come round))|(?:another|second|repeated|more than one) (?:fit|seizure)`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'A seizure lasting over 5 minutes, repeated, or without recovery',
    source: 'NICE NG217 epilepsies: status epilepticus',
  },
  {
    id: 'red-flag.gi-bleed',
    when: { patterns: [L.GI_BLEED] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Vomiting blood or black, tarry stools (upper GI bleed)',
    source: 'NICE CG141 acute upper gastrointestinal bleeding',
  },
  {
    id: 'red-flag.testicular-torsion',
    when: {
      patterns: [
        String.raw`(?:sudden\w*|severe|really bad|very bad|agoni\w*|excruciating)\b[^.]{0,25}(?:pain|ache)\b[^.]{0,25}\b(?:testic\w*|testes|balls?|scrotum|nuts)\b|\b(?:testic\w*|scrot\w*|balls?)\b[^.]{0,25}(?:sudden\w*|severe|agoni\w*|excruciating)|torsion`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Sudden severe testicular pain (possible torsion)',
    source: 'NICE CKS scrotal pain and swelling',
  },
  {
    id: 'red-flag.eye-emergency',
    when: {
      patterns: [
        String.raw`(?:chemical|bleach|acid|alkali|cement|oven cleaner)\b[^.]{0,30}\beyes?\b|\beyes?\b[^.]{0,30}(?:chemical|bleach|acid|alkali)|(?:something|metal|glass) (?:went |flew )?(?:in|into) ${'(?:my|his|her)'} eye at (?:speed|high speed)|penetrating eye|halos?\b[^.]{0,40}(?:vomit\w*|being sick)`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Chemical or penetrating eye injury, or acute glaucoma symptoms',
    source: 'NICE CKS red eye; Royal College of Ophthalmologists',
  },
  {
    id: 'red-flag.acute-abdomen',
    when: {
      patterns: [
        String.raw`(?:tummy|stomach|belly|abdomen)\b[^.]{0,20}(?:rigid|hard as a board|board-like)|rigid abdomen|peritoni\w*|rebound tenderness|guarding|(?:not|can'?t) (?:pass(?:ed|ing)?|break(?:ing)?) wind\b[^.]{0,40}(?:vomit\w*|swollen)|aortic aneurysm|\baaa\b`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Signs of a surgical abdomen (rigid, guarding, obstruction)',
    source: 'NICE CKS acute abdominal pain',
  },
  {
    id: 'red-flag.deep-vein-thrombosis',
    when: { patterns: [L.CALF_CLOT] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Possible deep vein thrombosis: needs a hospital scan within 4 hours',
    source: 'NICE NG158 venous thromboembolic diseases (ultrasound within 4 hours)',
  },
  {
    id: 'red-flag.malaria-risk',
    when: { patterns: [L.MALARIA_TRAVEL] },
    also: [{ patterns: [L.FEVER], findings: ['fever'] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Fever after travel to a malaria area: malaria is a medical emergency, test the same day',
    source: 'UKHSA guidelines for malaria prevention; Lalloo et al. UK malaria treatment guidelines (2016)',
  },
  {
    id: 'red-flag.haemolytic-uraemic-syndrome',
    when: { patterns: [L.BLOODY_DIARRHOEA] },
    also: [
      {
        patterns: [
          String.raw`an(?:a)?emi\w*|\bpale\b|pallor|(?:not|less|reduced|hasn'?t been) (?:weeing|peeing|passing urine)|bruis\w*|jaundic\w*`,
        ],
      },
    ],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Bloody diarrhoea with pallor, bruising or less urine (possible haemolytic uraemic syndrome)',
    source: 'NICE CKS gastroenteritis; UKHSA STEC (E. coli O157) guidance',
  },
  {
    id: 'red-flag.fever-rash-headache',
    when: { patterns: [L.RASH] },
    also: [{ patterns: [L.FEVER], findings: ['fever'] }, { patterns: [L.HEADACHE] }],
    unless: {
      patterns: [String.raw`chicken ?pox|hand,? foot and mouth|cold sores?|impetigo|shingles|heat rash|nappy rash`],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Fever, headache and a rash together: think meningococcal disease (the rash may blanch early)',
    source: 'NICE NG240 bacterial meningitis and meningococcal disease',
  },
  {
    id: 'red-flag.news2-high',
    when: { findings: ['news2_high'] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Observations score NEWS2 5 or more (or 3 in one parameter): hospital assessment',
    source: 'Royal College of Physicians NEWS2 (2017); NHS England NEWS2 in primary care',
  },
  {
    id: 'red-flag.open-fracture',
    when: {
      patterns: [
        String.raw`bone (?:is )?(?:sticking|poking) (?:out|through)|open fracture|(?:hip|thigh)\b[^.]{0,30}(?:can'?t (?:stand|walk|move|get up)|leg (?:is )?(?:shorter|turned out))`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Open fracture or suspected hip fracture',
    source: 'NICE NG38 fractures (non-complex); NICE CG124 hip fracture',
  },
] as const satisfies readonly TriageRule[];

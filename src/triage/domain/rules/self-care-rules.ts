// Minor illness that is safe to look after at home or with a pharmacist's advice — while it lasts no longer
// than expected (selfCareUpToDays; beyond that the engine asks for a clinician instead).
import type { TriageRule } from '../triage-types.ts';

const HOME = { disposition: 'self_care', service: 'self_care', needKind: 'medical' } as const;
const PHARMACIST = { disposition: 'self_care', service: 'community_pharmacy', needKind: 'medical' } as const;
const NHS_CONDITIONS = 'NHS: conditions you can treat at home / ask a pharmacist (nhs.uk); ';

export const SELF_CARE_RULES = [
  {
    id: 'self-care.cold-or-cough',
    ...HOME,
    selfCareUpToDays: 21,
    when: {
      patterns: [
        String.raw`\b(?:a |bad |heavy |head |common |chesty |stinking )?cold\b(?! sores?| sweats?| hands| feet| and clammy| to (?:the )?touch)|runny nose|blocked nose|stuffy nose|sneez\w*|snotty|sniffl\w*|bunged up|catarrh|\bflu\b|flu-like|cough\w*|tickly|rhinorrh\w*|congest\w*|swollen glands`,
      ],
    },
    rationale: 'Cold, flu-like illness or cough: rest, fluids and pharmacy remedies',
    source: NHS_CONDITIONS + 'NICE NG120 cough (acute): up to 3 weeks is expected',
  },
  {
    id: 'self-care.fever',
    ...HOME,
    selfCareUpToDays: 4,
    asks: ['child_fever_danger'],
    when: {
      patterns: [String.raw`\bfever(?:ish|s)?\b|(?<!normal |no )\btemp(?:erature)?s?\b|\bhigh temp|\bshivery\b`],
      findings: ['fever'],
    },
    who: { minAge: 1 },
    rationale: 'Fever without danger signs: fluids, paracetamol or ibuprofen, watch for warning signs',
    source: 'NICE NG143 fever in under 5s (green); ' + NHS_CONDITIONS + 'high temperature',
  },
  {
    id: 'self-care.allergy',
    ...PHARMACIST,
    selfCareUpToDays: 90,
    when: {
      patterns: [
        String.raw`hay ?fever|itchy (?:and watery |watery |red )?eyes|watery eyes|pollen|\bhives\b|urticaria|allerg\w* (?:season|to pollen)`,
      ],
    },
    rationale: 'Hay fever or hives: antihistamines from a pharmacy',
    source: NHS_CONDITIONS + 'hay fever',
  },
  {
    id: 'self-care.conjunctivitis',
    ...PHARMACIST,
    selfCareUpToDays: 14,
    when: {
      patterns: [
        String.raw`conjunctivitis|pink ?eye|sticky eyes?|(?:gritty|crusty|gunky) eyes?|eyes? (?:are |is )?(?:sticky|gritty|crusty|gunky)`,
      ],
    },
    who: { minAge: 2 },
    rationale: 'Conjunctivitis: usually clears in 1–2 weeks; pharmacist advice',
    source: 'NICE CKS conjunctivitis (infective)',
  },
  {
    id: 'self-care.parasites',
    ...PHARMACIST,
    when: {
      patterns: [
        String.raw`head ?lice|\bnits\b|threadworms?|pinworms?|worms in (?:his|her|my|their) (?:poo|bottom)|scabies`,
      ],
    },
    rationale: 'Head lice, threadworms or scabies: pharmacy treatment for the household',
    source: NHS_CONDITIONS + 'head lice, threadworms, scabies',
  },
  {
    id: 'self-care.chickenpox',
    ...HOME,
    when: { patterns: [String.raw`chicken ?pox`] },
    who: { minAge: 0.25, belowAge: 14 },
    rationale: 'Chickenpox in a child: keep cool, fluids, calamine; watch for warning signs',
    source: 'NICE CKS chickenpox',
  },
  {
    id: 'self-care.thrush',
    ...PHARMACIST,
    when: {
      patterns: [
        String.raw`\bthrush\b|(?:white|cottage cheese)\b[^.]{0,15}discharge|\bitch\w*\b[^.]{0,30}(?:down below|vagina\w*|vulva\w*|discharge)`,
      ],
    },
    who: { sex: 'female', minAge: 16, belowAge: 61 },
    rationale: 'Vaginal thrush, woman 16–60: pharmacy treatment',
    source: 'NICE CKS candida – female genital; pharmacy sale criteria (16–60)',
  },
  {
    id: 'self-care.indigestion',
    ...PHARMACIST,
    selfCareUpToDays: 21,
    when: { patterns: [String.raw`heartburn|indigestion|acid reflux|\breflux\b|dyspepsia|acid (?:in|coming up)`] },
    rationale: 'Heartburn or indigestion: antacids, smaller meals',
    source: 'NICE CG184 dyspepsia and GORD',
  },
  {
    id: 'self-care.tummy-bug',
    ...HOME,
    selfCareUpToDays: 7,
    when: {
      patterns: [
        String.raw`diarrh\w*|diarrhea|the runs|loose (?:stools|poo|bowels?)|runny poo|upset (?:stomach|tummy)|food poisoning|(?:stomach|tummy) bug|gastro\w*|vomit\w*|being sick|been sick|throw\w* up|threw up|\bpuk\w*`,
      ],
    },
    who: { minAge: 1 },
    rationale: 'Diarrhoea or vomiting: fluids and rest; usually settles within days',
    source: 'NICE CKS gastroenteritis',
  },
  {
    id: 'self-care.constipation',
    ...PHARMACIST,
    selfCareUpToDays: 21,
    when: {
      patterns: [
        String.raw`constipat\w*|(?:not|haven'?t|hasn'?t) (?:had|done|been able to do) a poo|can'?t (?:poo|go to the toilet)|hard (?:poo|stools)`,
      ],
    },
    rationale: 'Constipation: fluids, fibre, pharmacy laxatives',
    source: 'NICE CKS constipation',
  },
  {
    id: 'self-care.mouth-and-lips',
    ...PHARMACIST,
    selfCareUpToDays: 21,
    when: {
      patterns: [
        String.raw`mouth ulcers?|ulcers? (?:in|on) (?:my |his |her )?(?:mouth|tongue|gum|lip)|cold sores?|(?:blister|sore) on (?:my |his |her )?lip|teething|oral thrush`,
      ],
    },
    rationale: 'Mouth ulcers, cold sores or teething: pharmacy treatment',
    source: NHS_CONDITIONS + 'mouth ulcers (see a GP after 3 weeks), cold sores',
  },
  {
    id: 'self-care.sprain',
    ...HOME,
    selfCareUpToDays: 21,
    when: {
      patterns: [
        String.raw`sprain\w*|twist\w* (?:my |his |her )?(?:ankle|knee|wrist)|\bstrain\w*|pulled (?:a )?muscle|rolled (?:my |his |her )?ankle|jarred|\bbruis\w*|graze\w*|small cut|minor cut|splinter`,
      ],
    },
    rationale: 'Sprain, strain, bruise or graze: rest, ice, compression, elevation',
    source: NHS_CONDITIONS + 'sprains and strains',
  },
  {
    id: 'self-care.back-pain',
    ...HOME,
    selfCareUpToDays: 42,
    asks: ['back_pain_danger'],
    when: {
      patterns: [
        String.raw`back (?:pain|ache|went|has gone|gone|twinge)|\bback\b (?:is |has been |feels )?(?:sore|killing|stiff)|(?:pain|ache) in (?:my|the|his|her) (?:lower )?back|lumbago|put (?:my|his|her) back out|\blbp\b|lumbar (?:pain|area|spine|strain)`,
      ],
    },
    who: { minAge: 16 },
    rationale: 'Back pain without red flags: keep moving, simple painkillers',
    source: 'NICE NG59 low back pain and sciatica',
  },
  {
    id: 'self-care.stye',
    ...PHARMACIST,
    selfCareUpToDays: 21,
    when: {
      patterns: [
        String.raw`\bstyes?\b|hordeol\w*|chalazi\w*|(?:lump|swelling|bump|tender\w*|red\w*|erythema)\b[^.]{0,40}\beyelids?\b|\beyelids?\b[^.]{0,40}(?:lump|swelling|bump|tender\w*|red\w*|erythema)`,
      ],
    },
    rationale: 'Stye or eyelid lump: warm compresses; pharmacist advice',
    source: 'NICE CKS styes (hordeola)',
  },
  {
    id: 'self-care.skin-and-feet',
    ...PHARMACIST,
    when: {
      patterns: [
        String.raw`verruca\w*|\bwarts?\b|athlete'?s foot|fungal (?:nail|infection)|ringworm|dandruff|nappy rash|heat rash|\bcorns?\b|calluses|dry skin|chilblains?|sunburn\w*`,
      ],
    },
    rationale: 'Common skin or foot problem: pharmacy treatment',
    source: NHS_CONDITIONS + 'warts and verrucas, athlete’s foot',
  },
  {
    id: 'self-care.period-pain',
    ...HOME,
    when: {
      patterns: [
        String.raw`period (?:pain|pains|cramps)|(?:pain|cramps) (?:with|during) (?:my )?periods?|dysmenorrh\w*`,
      ],
    },
    unless: { patterns: [String.raw`worse than (?:usual|normal|ever)|not (?:the )?(?:same|normal)|(?:new|different)`] },
    rationale: 'Usual period pain: heat, ibuprofen or paracetamol',
    source: 'NICE CKS dysmenorrhoea',
  },
  {
    id: 'self-care.headache',
    ...HOME,
    selfCareUpToDays: 14,
    asks: ['headache_danger'],
    when: {
      patterns: [
        String.raw`head ?aches?|migraine|(?:my |his |her )head (?:hurts|is pounding|is sore)|hangover|hung ?over`,
      ],
    },
    rationale: 'Headache without red flags: fluids, rest, simple painkillers',
    source: 'NICE CG150 headaches in over 12s',
  },
  {
    id: 'self-care.emergency-contraception',
    ...PHARMACIST,
    when: {
      patterns: [String.raw`morning after pill|emergency contracept\w*|(?:unprotected sex|condom (?:split|broke))\b`],
    },
    rationale: 'Emergency contraception: free from a community pharmacy, sooner is better',
    source: 'FSRH emergency contraception guideline; NHS pharmacy contraception service',
  },
] as const satisfies readonly TriageRule[];

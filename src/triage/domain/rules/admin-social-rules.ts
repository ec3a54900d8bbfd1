// Non-clinical needs: the admin team (fit notes, results, prescriptions, letters, forms) and the social
// prescribing link worker (loneliness, housing, money, caring). Both are routine.
import type { TriageRule } from '../triage-types.ts';

const ADMIN = { disposition: 'routine', service: 'admin_team', needKind: 'admin' } as const;
const SOCIAL = { disposition: 'routine', service: 'social_prescribing', needKind: 'social' } as const;
const GP_CONTRACT = 'NHS GP contract 2024/25: online consultation for administrative requests';
const SOCIAL_PRESCRIBING = 'NHS England social prescribing: reference guide for PCNs (2020)';

export const ADMIN_SOCIAL_RULES = [
  {
    id: 'admin.fit-note',
    ...ADMIN,
    when: {
      patterns: [
        String.raw`fit ?note|sick ?note|\bmed ?3\b|statement of fitness|note for (?:my )?(?:work|employer|school|college|uni)|signed off (?:work|sick)`,
      ],
    },
    rationale: 'Fit note request',
    source: 'DWP fit note guidance; ' + GP_CONTRACT,
  },
  {
    id: 'admin.test-results',
    ...ADMIN,
    when: {
      patterns: [
        String.raw`results? (?:of|from|for) (?:my|the|his|her)|(?:test|blood|scan|x-?ray|smear|urine|biopsy|ecg|mri|ct|swab) results?|my results?\b`,
      ],
    },
    rationale: 'Test results query',
    source: GP_CONTRACT,
  },
  {
    id: 'admin.repeat-prescription',
    ...ADMIN,
    when: {
      patterns: [
        String.raw`repeat (?:prescription|medication|meds|script)|(?:run|running|ran) out of|(?:need|order|request) (?:more|a new supply of|my) (?:tablets|medication|meds|inhalers?|prescription|pills|cream)|prescription (?:request|renewal|re-?order)|medication review|(?:medication|meds|tablets) (?:reviewed|review)`,
      ],
    },
    rationale: 'Prescription or medication review request',
    source: GP_CONTRACT,
  },
  {
    id: 'admin.letters-and-records',
    ...ADMIN,
    when: {
      patterns: [
        String.raw`letter (?:for|to|from|about|confirming|saying|supporting)|(?:referral|hospital|support\w*|medical) letter|(?:copy|copies) of (?:my )?(?:letter|records?|notes|results)|medical records?|vaccination records?|immunisation (?:history|records?)|(?:resend|send|forward) (?:my |the )?(?:referral|letter)|subject access`,
      ],
    },
    rationale: 'Letter or records request',
    source: GP_CONTRACT,
  },
  {
    id: 'admin.forms',
    ...ADMIN,
    when: {
      patterns: [
        String.raw`(?:fill|filled|complete|completed|sign|signed) (?:in |out )?(?:a |my |the |this |his |her )?(?:\w+ )?forms?\b|forms?\b[^.]{0,25}(?:fill|complet|sign)|\bdvla\b|pip (?:form|assessment)|blue badge|insurance (?:form|claim|report)|firearms?|passport|countersign|medical report`,
      ],
    },
    rationale: 'Form or report to complete',
    source: GP_CONTRACT,
  },
  {
    id: 'admin.details-and-appointments',
    ...ADMIN,
    when: {
      patterns: [
        String.raw`update (?:my )?(?:details|address|phone|number|contact)|chang\w* (?:my )?(?:address|phone number|name|details|number)|moved house|register(?:ing)? (?:with|at)|registration|(?:cancel|rearrange|reschedule|move|change) (?:my |an |the )?appointment|nhs number|online access|nhs app`,
      ],
    },
    rationale: 'Registration, details or appointment admin',
    source: GP_CONTRACT,
  },
  {
    id: 'social.loneliness',
    ...SOCIAL,
    when: {
      patterns: [
        String.raw`lonel\w*|isolat\w*|(?:no one|nobody|noone) to talk to|don'?t see anyone|on my own all (?:the )?(?:time|day)|no friends|don'?t know anyone|miss (?:my|having) company`,
      ],
    },
    rationale: 'Loneliness or isolation: link worker',
    source: SOCIAL_PRESCRIBING,
  },
  {
    id: 'social.housing',
    ...SOCIAL,
    when: {
      patterns: [
        String.raw`housing|\bdamp\b|\bmou?ld\b|evict\w*|homeless\w*|landlord|\brent\b|mortgage|sofa surfing|temporary accommodation|overcrowd\w*|no heating|can'?t heat`,
      ],
    },
    rationale: 'Housing problem: link worker and housing advice',
    source: SOCIAL_PRESCRIBING,
  },
  {
    id: 'social.money',
    ...SOCIAL,
    when: {
      patterns: [
        String.raw`\bdebts?\b|money (?:worries|problems|troubles)|struggling (?:with|for) money|can'?t afford|\bbenefits?\b|universal credit|food ?bank|\bbills\b|(?:lost|losing) my job|unemploy\w*|redundan\w*|\bskint\b|financial`,
      ],
    },
    rationale: 'Money, work or food worries: link worker and advice services',
    source: SOCIAL_PRESCRIBING,
  },
  {
    id: 'social.caring',
    ...SOCIAL,
    when: {
      patterns: [
        String.raw`(?:caring|care) for (?:my|his|her)|(?:i'?m|i am) (?:a |the )?(?:young |unpaid |main |full[- ]time )?carer|carer'?s? (?:support|assessment|allowance|break)|looking after (?:my|his|her) (?:mum|dad|mother|father|husband|wife|partner|son|daughter|parents?|nan|gran)|respite`,
      ],
    },
    rationale: 'Caring responsibilities: carer support',
    source: SOCIAL_PRESCRIBING + '; Care Act 2014 carer’s assessment',
  },
  {
    id: 'social.activities',
    ...SOCIAL,
    when: {
      patterns: [
        String.raw`(?:local |community )?(?:groups?|activities|clubs?|classes|volunteer\w*)\b[^.]{0,40}(?:get (?:me )?out|meet people|join)|get (?:me )?out of the house|social prescrib\w*|link worker|befriend\w*|exercise (?:group|class)|walking group|men'?s shed`,
      ],
    },
    rationale: 'Wants activities or groups: social prescribing',
    source: SOCIAL_PRESCRIBING,
  },
] as const satisfies readonly TriageRule[];

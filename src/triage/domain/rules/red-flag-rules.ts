// Red flags (reference/triage.md): always emergency, and no later rule can lower them.
import type { TriageRule } from '../triage-types.ts';
import * as L from './lexicon.ts';

const FEVER = { patterns: [L.FEVER, L.INFECTION], findings: ['fever', 'hypothermia'] } as const;
const NHS_999 = 'NHS: when to call 999 (nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999)';

export const RED_FLAG_RULES = [
  {
    id: 'red-flag.chest-pain-cardiac',
    when: { patterns: [L.CHEST_PAIN] },
    also: [{ patterns: [L.CARDIAC_FEATURES] }],
    unless: { patterns: [L.STABLE_ANGINA] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Chest pain with cardiac features (spreading, heavy or tight, sweating, sickness, breathlessness)',
    source: 'NICE CG95 chest pain of recent onset; ' + NHS_999,
  },
  {
    id: 'red-flag.chest-pain-at-rest',
    when: { patterns: [L.CHEST_PAIN] },
    also: [
      {
        patterns: [
          String.raw`at rest|while resting|(?:won'?t|will not|hasn'?t|not) go(?:ne|ing)? (?:away|with rest)|constant|(?:for|over) (?:\d{2,}|half an|an|\d+) (?:min\w*|hours?)`,
        ],
      },
    ],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Ongoing chest pain at rest for more than a few minutes',
    source: 'NICE CG95: suspected acute coronary syndrome with current chest pain',
  },
  {
    id: 'red-flag.cardiac-pain-without-chest',
    when: {
      patterns: [
        String.raw`(?:pain|ache|aching|pressure|heaviness)\b[^.]{0,20}\b(?:jaw|left arm|left shoulder|both arms|neck)\b|\b(?:jaw|left arm|left shoulder)\b[^.]{0,15}\b(?:pain|ache|aching|heaviness)`,
      ],
    },
    also: [
      {
        patterns: [
          String.raw`sweat\w*|clammy|diaphore\w*|grey|gray|breathless\w*|short of breath|faint\w*|lightheaded`,
        ],
      },
    ],
    who: { minAge: 30 },
    rationale:
      'Jaw, arm or shoulder pain with sweating, breathlessness or faintness: possible heart attack without chest pain',
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    source: 'NICE CG95: atypical presentations of acute coronary syndrome',
  },
  {
    id: 'red-flag.pulmonary-embolism',
    when: { patterns: [L.CHEST_PAIN, L.BREATHLESS] },
    also: [{ patterns: [L.PE_RISK] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Chest pain or breathlessness with clot risk or signs (calf swelling, recent surgery or long journey)',
    source: 'NICE NG158 venous thromboembolic diseases',
  },
  {
    id: 'red-flag.stroke',
    when: { patterns: [L.FACE_DROOP, L.ARM_WEAKNESS, L.SPEECH_PROBLEM, L.VISION_LOSS, L.STROKE_WORDS] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Stroke signs (face, arm, speech or sudden loss of vision), even if they have passed',
    source: 'NHS Act FAST; NICE NG128 stroke and TIA',
  },
  {
    id: 'red-flag.anaphylaxis',
    when: {
      patterns: [
        String.raw`anaphyla\w*|epi-?pen|adrenaline (?:pen|auto-?injector)|(?:tongue|throat)(?: and (?:my |his |her )?(?:tongue|throat|lips?|face))?\s+(?:is |are |feels? |has |have |keeps? )?(?:started |starting |begun )?(?:to )?(?:swell\w*|swollen|closing|tight\w*)|(?:swell\w*|swollen|closing) (?:up )?(?:of )?(?:the |my |his |her )?(?:tongue|throat)`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Airway swelling or anaphylaxis',
    source: 'Resuscitation Council UK: emergency treatment of anaphylaxis (2021)',
  },
  {
    id: 'red-flag.allergy-with-breathing',
    when: {
      patterns: [
        String.raw`(?:lips?|face|mouth|eyes?)\b[^.]{0,20}(?:swell\w*|swollen|puff\w*)|(?:swell\w*|swollen) (?:lips?|face|mouth)|stung|sting\b|allergic reaction|\bhives\b|blotchy all over`,
      ],
    },
    also: [{ patterns: [L.BREATHLESS, L.SEVERE_BREATHING, String.raw`faint\w*|dizzy|collaps\w*|blotchy all over`] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Allergic reaction with breathing difficulty or collapse',
    source: 'Resuscitation Council UK: emergency treatment of anaphylaxis (2021)',
  },
  {
    id: 'red-flag.severe-breathing',
    when: { patterns: [L.SEVERE_BREATHING], findings: ['hypoxia', 'severe_tachypnoea'] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Severe difficulty breathing, unable to speak in sentences, or blue or grey lips',
    source: NHS_999 + '; BTS/SIGN asthma: life-threatening features',
  },
  {
    id: 'red-flag.shock',
    when: {
      patterns: [String.raw`hypotensi\w*|\bshock(?:ed)?\b(?! me)|hypoxi\w*|hypoxaemi\w*`],
      findings: ['hypotension', 'severe_tachycardia'],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Low blood pressure or very fast pulse (high-risk observations)',
    source: 'NICE NG51 sepsis: high-risk criteria; NEWS2',
  },
  {
    id: 'red-flag.sepsis',
    when: { patterns: [L.SEPSIS_SIGNS, L.CONFUSION, L.REDUCED_CONSCIOUSNESS], findings: ['hypothermia'] },
    also: [FEVER],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Infection with sepsis signs (confusion, mottled skin, no urine, feeling of impending doom)',
    source: 'NICE NG51 sepsis: recognition (2024 update)',
  },
  {
    id: 'red-flag.sepsis-signs',
    when: { patterns: [L.SEPSIS_SIGNS] },
    unless: { patterns: [String.raw`(?:${L.PREGNANT})|catheter|retention`] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Mottled or blue skin, no urine all day, or a sense that something is badly wrong',
    source: 'UK Sepsis Trust: adult and child red flags',
  },
  {
    id: 'red-flag.reduced-consciousness',
    when: { patterns: [L.REDUCED_CONSCIOUSNESS] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Collapse, unresponsive, very drowsy or floppy',
    source: NHS_999,
  },
  {
    id: 'red-flag.sudden-confusion',
    when: {
      patterns: [
        String.raw`sudden\w*\b[^.]{0,20}confus\w*|confus\w*\b[^.]{0,20}sudden\w*|(?:very|really|extremely|acutely) confused|(?:new|acute) confusion|altered mental status|disorient\w*`,
      ],
    },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Sudden or severe new confusion',
    source: NHS_999,
  },
  {
    id: 'red-flag.non-blanching-rash',
    when: { patterns: [L.NON_BLANCHING_RASH] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'A rash that does not fade under a glass (possible meningococcal sepsis)',
    source: 'NICE NG240 bacterial meningitis and meningococcal disease',
  },
  {
    id: 'red-flag.thunderclap-headache',
    when: { patterns: [L.THUNDERCLAP] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Sudden, severe, worst-ever headache (possible subarachnoid haemorrhage)',
    source: 'NICE CKS headache assessment: red flags',
  },
  {
    id: 'red-flag.meningitis',
    when: { patterns: [L.MENINGISM] },
    also: [{ patterns: [L.HEADACHE, L.FEVER, L.RASH, String.raw`vomit\w*|being sick`], findings: ['fever'] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Stiff neck or dislike of light with headache, fever or rash',
    source: 'NICE NG240 bacterial meningitis',
  },
  {
    id: 'red-flag.head-injury',
    when: { patterns: [L.HEAD_INJURY] },
    also: [{ patterns: [L.HEAD_INJURY_DANGER] }],
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Head injury with loss of consciousness, vomiting, anticoagulants or other danger signs',
    source: 'NICE NG232 head injury: assessment and early management',
  },
  {
    id: 'red-flag.overdose',
    when: { patterns: [L.OVERDOSE_TAKEN] },
    disposition: 'emergency',
    service: 'emergency_999',
    needKind: 'medical',
    rationale: 'Overdose taken: needs emergency treatment whatever the amount',
    source: 'TOXBASE / NICE CKS poisoning or overdose',
  },
  {
    id: 'red-flag.suicidal-thoughts-with-means',
    when: { patterns: [L.SUICIDAL_THOUGHTS] },
    also: [
      {
        patterns: [
          String.raw`tonight|today|right now|this (?:evening|weekend)|(?:bought|got|collected|stockpil\w*|saved|have)\b[^.]{0,25}\b(?:tablets|pills|paracetamol|rope|knife|blades?|ligature)|\bto do it\b|a plan|method`,
        ],
      },
    ],
    disposition: 'emergency',
    service: 'mental_health_crisis',
    needKind: 'medical',
    rationale: 'Suicidal thoughts with means, timing or a method: mental-health crisis',
    source: 'NICE NG225 self-harm; NHS 111 option 2 (mental health crisis line)',
  },
  {
    id: 'red-flag.suicide-intent',
    when: { patterns: [L.SUICIDAL_PLAN] },
    disposition: 'emergency',
    service: 'mental_health_crisis',
    needKind: 'medical',
    rationale: 'Suicidal intent or plan: mental-health crisis',
    source: 'NICE NG225 self-harm; NHS 111 option 2 (mental health crisis line)',
  },
] as const satisfies readonly TriageRule[];

// Adaptive safety questions: asked only when a rule that fires names them. A 'yes' or an 'unsure' escalates
// (uncertainty resolves upwards); a 'no' leaves the disposition where the rules put it.
import type { SafetyQuestionRule } from '../triage-types.ts';

const EMERGENCY = { escalateTo: 'emergency', service: 'emergency_999' } as const;

export const SAFETY_QUESTIONS = [
  {
    id: 'chest_pain_features',
    ...EMERGENCY,
    text: 'Does the pain spread to your arm, jaw, neck or back, feel heavy, tight or crushing, or come with sweating, sickness or breathlessness?',
    why: 'These features suggest the heart; they need 999, not an appointment.',
  },
  {
    id: 'breathing_severe',
    ...EMERGENCY,
    text: 'Are you too breathless to speak in full sentences, or are your lips or face turning blue or grey?',
    why: 'Severe breathlessness needs emergency care.',
  },
  {
    id: 'headache_sudden',
    ...EMERGENCY,
    text: 'Did the headache come on suddenly, reaching its worst within about a minute?',
    why: 'A sudden "thunderclap" headache can be a bleed in the brain.',
  },
  {
    id: 'headache_danger',
    ...EMERGENCY,
    text: 'With the headache, do you have a stiff neck, a rash, dislike of light, new weakness, confusion, or problems with vision or speech?',
    why: 'These can be signs of meningitis or a stroke.',
  },
  {
    id: 'head_injury_flags',
    ...EMERGENCY,
    text: 'Since the head injury, were you knocked out, have you been sick, or do you take blood-thinning medicine?',
    why: 'Any of these means a scan may be needed today (NICE head injury guidance).',
  },
  {
    id: 'allergy_airway',
    ...EMERGENCY,
    text: 'Is your tongue or throat swelling, or are you finding it hard to breathe or swallow?',
    why: 'Swelling of the airway is anaphylaxis and needs 999.',
  },
  {
    id: 'rash_glass_test',
    ...EMERGENCY,
    text: 'If you press the side of a clear glass firmly on the rash, can you still see the spots through it?',
    why: 'A rash that does not fade with fever can be meningococcal sepsis.',
  },
  {
    id: 'suicide_intent',
    escalateTo: 'emergency',
    service: 'mental_health_crisis',
    text: 'Are you thinking of acting on these thoughts, or have you made a plan?',
    why: 'If you might act on them, you need crisis support now.',
  },
  {
    id: 'child_fever_danger',
    ...EMERGENCY,
    text: 'Is there confusion, unusual drowsiness (hard to wake, or floppy), very fast breathing, or a rash that does not fade under a glass?',
    why: 'These are danger signs with a high temperature (NICE traffic light: red).',
  },
  {
    id: 'back_pain_danger',
    ...EMERGENCY,
    text: 'Do you have numbness around your bottom or genitals, new problems controlling your bladder or bowels, or weakness in your legs?',
    why: 'These can be cauda equina syndrome, which needs emergency surgery.',
  },
  {
    id: 'uti_upper',
    escalateTo: 'urgent',
    service: 'same_day_clinician',
    text: 'Do you have a high temperature, shivering, pain in your back or side under the ribs, or are you being sick?',
    why: 'These suggest a kidney infection, which a clinician should treat today.',
  },
] as const satisfies readonly SafetyQuestionRule[];

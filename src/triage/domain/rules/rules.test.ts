import { describe, expect, it } from 'vitest';
import { DISPOSITIONS, CARE_SERVICES } from '../../../shared/domain/vocabulary.ts';
import { compileRuleSet } from '../rule-matcher.ts';
import { triageRequest } from '../triage-engine.ts';
import type { TriageInput } from '../triage-types.ts';
import { RULES_VERSION, SAFETY_QUESTIONS, TRIAGE_RULES } from './index.ts';

type Example = Pick<TriageInput, 'age' | 'sex' | 'text'>;
const adult = (text: string, age = 45, sex: 'female' | 'male' = 'male'): Example => ({ age, sex, text });

/** One example per red flag: a new emergency rule without an example fails this suite. */
const RED_FLAG_EXAMPLES: Record<string, Example> = {
  'red-flag.chest-pain-cardiac': adult('Crushing chest pain going down my left arm'),
  'red-flag.chest-pain-at-rest': adult('Chest pain at rest for the last 40 minutes'),
  'red-flag.cardiac-pain-without-chest': adult('Pain in my jaw and left arm and I am sweating', 66, 'female'),
  'red-flag.pulmonary-embolism': adult("I'm short of breath and coughing up blood after a long-haul flight"),
  'red-flag.stroke': adult('My face has dropped on one side', 70),
  'red-flag.anaphylaxis': adult('My tongue is swelling up after eating prawns'),
  'red-flag.allergy-with-breathing': adult('Allergic reaction, lips swollen and I am wheezing'),
  'red-flag.severe-breathing': adult("I can't catch my breath and can't finish a sentence"),
  'red-flag.shock': adult('He is hypotensive, blood pressure 80/40'),
  'red-flag.sepsis': adult('Chest infection and now she is confused', 80, 'female'),
  'red-flag.sepsis-signs': adult('His skin is mottled and he feels like he is going to die'),
  'red-flag.reduced-consciousness': adult('She collapsed and is unresponsive', 60, 'female'),
  'red-flag.sudden-confusion': adult('He is suddenly confused and not making sense', 78),
  'red-flag.non-blanching-rash': adult('Purple rash that does not fade when I press a glass on it', 20),
  'red-flag.thunderclap-headache': adult('Sudden worst headache of my life'),
  'red-flag.meningitis': adult('Headache with a stiff neck'),
  'red-flag.head-injury': adult('Banged my head and was knocked out'),
  'red-flag.overdose': adult('I have taken an overdose'),
  'red-flag.suicidal-thoughts-with-means': adult("I'm having suicidal thoughts and I've bought tablets", 30),
  'red-flag.suicide-intent': adult('I am planning to end my life tonight', 30),
  'red-flag.heavy-bleeding': adult("The cut is spurting blood and won't stop"),
  'red-flag.bleeding-in-pregnancy': adult("I'm pregnant and bleeding heavily", 29, 'female'),
  'red-flag.ectopic-pregnancy': adult(
    'Positive pregnancy test, pain on one side low down and shoulder tip pain',
    29,
    'female',
  ),
  'red-flag.pregnancy-danger': adult("I'm 36 weeks pregnant and the baby isn't moving", 29, 'female'),
  'red-flag.cauda-equina': adult('Numbness around my bottom'),
  'red-flag.cauda-equina-back-pain': adult('Back pain and I have lost control of my bladder'),
  'red-flag.diabetic-ketoacidosis': adult('My ketones are high', 20, 'female'),
  'red-flag.airway-swallowing': adult('He is drooling and cannot swallow his saliva', 6),
  'red-flag.infant-fever': adult('My 6 week old has a temperature of 38.2', 0.12),
  'red-flag.infant-dehydration': adult('No wet nappy since yesterday', 0.8),
  'red-flag.seizure': adult('He had a seizure in the street', 30),
  'red-flag.prolonged-seizure': adult('She has been fitting for 10 minutes and has epilepsy', 30, 'female'),
  'red-flag.gi-bleed': adult('I have been vomiting blood'),
  'red-flag.testicular-torsion': adult('Sudden severe pain in my testicle', 15),
  'red-flag.eye-emergency': adult('I splashed bleach in my eye'),
  'red-flag.acute-abdomen': adult('My tummy is rigid and hard as a board'),
  'red-flag.deep-vein-thrombosis': adult('My calf is swollen, hot and tender'),
  'red-flag.malaria-risk': adult('Fever since I came back from visiting family in Nigeria'),
  'red-flag.haemolytic-uraemic-syndrome': adult('Bloody diarrhoea and he looks very pale', 4),
  'red-flag.fever-rash-headache': adult('Temperature, headache and a rash on his body', 17),
  'red-flag.news2-high': adult('Temperature 38.5, heart rate 120 bpm, respiratory rate 24'),
  'red-flag.open-fracture': adult('The bone is sticking out of my leg'),
};

describe('the rule set as data', () => {
  it('has unique ids, a rationale, a source and a known disposition and service for every rule', () => {
    expect(() => compileRuleSet(TRIAGE_RULES, SAFETY_QUESTIONS, RULES_VERSION)).not.toThrow();
    for (const rule of TRIAGE_RULES) {
      expect(rule.rationale.length, rule.id).toBeGreaterThan(10);
      expect(rule.source.length, rule.id).toBeGreaterThan(5);
      expect(DISPOSITIONS).toContain(rule.disposition);
      expect(CARE_SERVICES).toContain(rule.service);
    }
  });

  it('refuses duplicate ids and unknown questions', () => {
    const [first] = TRIAGE_RULES;
    if (!first) throw new Error('no rules');
    expect(() => compileRuleSet([first, first], SAFETY_QUESTIONS, 'x')).toThrow(/duplicate/);
    expect(() => compileRuleSet([{ ...first, asks: ['nope'] }], SAFETY_QUESTIONS, 'x')).toThrow(/unknown question/);
  });

  it('every emergency rule has an example here', () => {
    const emergencyRules = TRIAGE_RULES.filter((r) => r.disposition === 'emergency').map((r) => r.id);
    expect(Object.keys(RED_FLAG_EXAMPLES).sort()).toEqual(emergencyRules.sort());
  });

  it.each(Object.entries(RED_FLAG_EXAMPLES))('%s fires on its example and gives an emergency', (ruleId, example) => {
    const outcome = triageRequest(example);
    expect(outcome.disposition).toBe('emergency');
    expect(outcome.reasons.map((r) => r.ruleId)).toContain(ruleId);
  });
});

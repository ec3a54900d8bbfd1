import { describe, expect, it } from 'vitest';
import { triageRequest } from './triage-engine.ts';
import type { TriageInput } from './triage-types.ts';

const triage = (text: string, age = 40, sex: 'female' | 'male' = 'female', extra: Partial<TriageInput> = {}) =>
  triageRequest({ age, sex, text, ...extra });

describe('negation, other people and hypotheticals never raise a flag', () => {
  it.each([
    ['No chest pain, just a tickly cough and a runny nose'],
    ["I haven't had any chest pain, only a sore throat"],
    ['My dad had a stroke last year. I have a cold.'],
    ['My father had a heart attack at 52 and I have hay fever'],
    ["I'm worried I might have a stroke one day, I've got a cold"],
    ['What should I do if I get chest pain? I have a cold'],
    ['Family history of meningitis. I have a runny nose.'],
  ])('%s → self care', (text) => {
    expect(triage(text).disposition).toBe('self_care');
  });

  it('negated suicidal thoughts stay routine', () => {
    const outcome = triage("I feel low but I'm not having any thoughts of harming myself", 30);
    expect(outcome.disposition).toBe('routine');
  });

  it('a flag is still caught next to a negated one', () => {
    expect(triage('No fever, but my face has dropped on one side and my speech is slurred', 70).disposition).toBe(
      'emergency',
    );
  });
});

describe('red flags are never overridden downwards', () => {
  it('an admin request with a red flag is an emergency', () => {
    const outcome = triage('I need a fit note, also I have crushing chest pain going into my jaw', 55, 'male');
    expect(outcome.disposition).toBe('emergency');
    expect(outcome.service).toBe('emergency_999');
    expect(outcome.reasons[0]?.ruleId).toMatch(/^red-flag\./);
    expect(outcome.nextQuestion).toBeNull();
  });

  it('a "no" answer never lowers a red flag', () => {
    const outcome = triage('crushing chest pain', 60, 'male', { answers: { chest_pain_features: 'no' } });
    expect(outcome.disposition).toBe('emergency');
  });

  it('suicidal intent goes to the crisis service with crisis-line safety netting', () => {
    const outcome = triage("I've written a note to my family and I'm going to kill myself tonight", 25);
    expect(outcome.disposition).toBe('emergency');
    expect(outcome.service).toBe('mental_health_crisis');
    expect(outcome.safetyNetting.join(' ')).toMatch(/116 123/);
  });
});

describe('adaptive safety questions: uncertainty resolves upwards', () => {
  it('asks about cardiac features for plain chest pain', () => {
    const outcome = triage('I have chest pain', 50, 'male');
    expect(outcome.disposition).toBe('urgent');
    expect(outcome.nextQuestion?.id).toBe('chest_pain_features');
  });

  it.each(['yes', 'unsure'] as const)('answering %s escalates to emergency', (answer) => {
    const outcome = triage('I have chest pain', 50, 'male', { answers: { chest_pain_features: answer } });
    expect(outcome.disposition).toBe('emergency');
    expect(outcome.reasons[0]).toMatchObject({ ruleId: 'question.chest_pain_features', quote: answer });
  });

  it('answering no keeps the rules outcome and asks nothing more', () => {
    const outcome = triage('I have chest pain', 50, 'male', { answers: { chest_pain_features: 'no' } });
    expect(outcome.disposition).toBe('urgent');
    expect(outcome.nextQuestion).toBeNull();
  });

  it('asks about suicidal intent only when thoughts are mentioned', () => {
    expect(triage('Sometimes I think everyone would be better off without me', 30).nextQuestion?.id).toBe(
      'suicide_intent',
    );
    expect(triage('I need a repeat prescription').nextQuestion).toBeNull();
  });
});

describe('Pharmacy First age and sex criteria', () => {
  const uti = 'Burning when I wee and going all the time';
  it.each([
    [uti, 16, 'female', 'community_pharmacy'],
    [uti, 64, 'female', 'community_pharmacy'],
    [uti, 15, 'female', 'same_day_clinician'],
    [uti, 65, 'female', 'same_day_clinician'],
    [uti, 30, 'male', 'same_day_clinician'],
    ['Blocked nose and pain in my cheeks for 10 days', 12, 'male', 'community_pharmacy'],
    ['Blocked nose and pain in my cheeks for 10 days', 11, 'male', 'self_care'],
    ['Sore throat since yesterday', 5, 'male', 'community_pharmacy'],
    ['Sore throat since yesterday', 4, 'male', 'self_care'],
    ['Earache since last night', 1, 'female', 'community_pharmacy'],
    ['Earache since last night', 17, 'female', 'community_pharmacy'],
    ['Earache since last night', 18, 'female', 'self_care'],
    ['Earache since last night', 0.9, 'female', 'first_available'],
    ['Insect bite that is red and swollen', 1, 'male', 'community_pharmacy'],
    ['Insect bite that is red and swollen', 0.5, 'male', 'first_available'],
    ['Crusty golden sores round his mouth', 1, 'male', 'community_pharmacy'],
    ['Crusty golden sores round his mouth', 0.7, 'male', 'first_available'],
    ['I think I have shingles on my back', 18, 'male', 'community_pharmacy'],
    ['I think I have shingles on my back', 17, 'male', 'same_day_clinician'],
  ] as const)('"%s" at %s (%s) → %s', (text, age, sex, service) => {
    expect(triage(text, age, sex).service).toBe(service);
  });

  it('a UTI with loin pain and fever is not for the pharmacy', () => {
    expect(triage('Burning when I wee, pain in my back under my ribs and a temperature', 30).disposition).toBe(
      'urgent',
    );
  });

  it('a UTI in pregnancy is not for the pharmacy', () => {
    expect(triage("Burning when I wee and I'm 20 weeks pregnant", 30).disposition).toBe('urgent');
  });
});

describe('admin and social needs are routine, with the right team', () => {
  it.each([
    ['I need a fit note for work', 'admin'],
    ['Can I have my blood test results?', 'admin'],
    ['Please send my repeat prescription', 'admin'],
    ['I need a letter for my housing application', 'admin'],
    ['Could the doctor fill in my insurance form?', 'admin'],
    ["I've been very lonely since my wife died", 'social'],
    ['We are being evicted and the flat has mould', 'social'],
    ["I can't afford food and I'm in debt", 'social'],
    ["I'm a carer for my mum and exhausted", 'social'],
  ] as const)('%s → %s', (text, kind) => {
    const outcome = triage(text);
    expect(outcome.disposition).toBe('routine');
    expect(outcome.needKind).toBe(kind);
    expect(outcome.service).toBe(kind === 'admin' ? 'admin_team' : 'social_prescribing');
  });

  it('running out of insulin is urgent, not a routine repeat', () => {
    expect(triage("I've run out of my insulin").disposition).toBe('urgent');
  });
});

describe('defaults and the outcome shape', () => {
  it('an unclear request is routine clinician contact, never self-care', () => {
    const outcome = triage('Something is not right with my toe');
    expect(outcome.disposition).toBe('routine');
    expect(outcome.reasons[0]?.ruleId).toBe('default.unclear');
  });

  it('always carries safety netting, a time window and the rules version', () => {
    for (const text of ['I have a cold', 'I need a fit note', 'crushing chest pain', 'Something odd']) {
      const outcome = triage(text);
      expect(outcome.safetyNetting.length).toBeGreaterThan(0);
      expect(outcome.timeWindow.label).not.toBe('');
      expect(outcome.rulesVersion).toMatch(/^hamlet-triage-rules\//);
    }
  });

  it('quotes the exact words that triggered each reason', () => {
    const text = 'I have had a CRUSHING pain in my chest for an hour';
    for (const reason of triage(text, 60, 'male').reasons) expect(text).toContain(reason.quote);
  });

  it('applies the continuity lane to routine clinical problems', () => {
    const text = 'My knee has been aching for months';
    expect(triage(text).service).toBe('first_available');
    expect(triage(text, 70, 'female', { context: { longTermConditions: ['diabetes'] } }).service).toBe('own_clinician');
    expect(triage(text, 70, 'female', { context: { frail: true } }).modes).toContain('home_visit');
  });

  it('a self-care problem that lasts too long goes to a clinician', () => {
    expect(triage('I have had a cough for 3 days').disposition).toBe('self_care');
    expect(triage('I have had a cough for 5 weeks').disposition).toBe('routine');
  });
});

describe('clinical third-person phrasing, typos and slang', () => {
  it.each([
    ['A 58-year-old man presents with substernal chest pain radiating to the left arm, diaphoretic.', 58, 'emergency'],
    ['A 30-year-old woman presents with fever, temperature 39.5°C, neck stiffness and photophobia.', 30, 'emergency'],
    ['A 70-year-old man with sudden onset right-sided weakness and aphasia.', 70, 'emergency'],
    ['Patient is febrile at 103°F and hypotensive, BP 82/50.', 50, 'emergency'],
    ['A 40-year-old woman presents with dysuria and urinary frequency, afebrile, no flank pain.', 40, 'self_care'],
    ['cant breath and lips gone blue', 40, 'emergency'],
    ['been throwin up all day, cant keep nothin down', 40, 'urgent'],
  ] as const)('%s → %s', (text, age, disposition) => {
    expect(triage(text, age).disposition).toBe(disposition);
  });
});

describe('performance', () => {
  it('triages one request in well under 2 ms on average', () => {
    const text = 'My dad had a stroke. I have had a cough for 3 days, no fever, no chest pain, and a sore throat.';
    triage(text);
    const runs = 500;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) triage(text);
    expect((performance.now() - start) / runs).toBeLessThan(2);
  });
});

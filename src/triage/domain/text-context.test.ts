import { describe, expect, it } from 'vitest';
import { assertionAt, findMatches, readText } from './text-context.ts';

function statusOf(text: string, phrase: string, age = 40) {
  const model = readText(text, age);
  const at = model.text.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) throw new Error(`phrase "${phrase}" not in text`);
  return assertionAt(model, at, at + phrase.length);
}

describe('reading free text', () => {
  it.each([
    ['no chest pain', 'chest pain'],
    ["I haven't had any chest pain", 'chest pain'],
    ['denies chest pain or shortness of breath', 'shortness of breath'],
    ['no fever, cough or rash', 'rash'],
    ['Kernig sign negative', 'Kernig'],
    ['temperature is normal', 'temperature'],
    ['non-tender abdomen', 'tender'],
  ])('negation: "%s"', (text, phrase) => {
    expect(statusOf(text, phrase)).toBe('negated');
  });

  it('negation stops at a new statement', () => {
    expect(statusOf('No fever but I have crushing chest pain', 'chest pain')).toBe('asserted');
    expect(statusOf('no temperature and I have been vomiting', 'vomiting')).toBe('asserted');
    expect(statusOf("I haven't had any chest pain, just a sore throat", 'sore throat')).toBe('asserted');
  });

  it('inability is a symptom, not a denial', () => {
    expect(statusOf("I can't stop being sick", 'being sick')).toBe('asserted');
  });

  it('uncertainty resolves upwards: "not sure" is not a negation', () => {
    expect(statusOf("I'm not sure if it's chest pain or indigestion", 'chest pain')).toBe('asserted');
  });

  it.each([
    ['My father had a stroke', 'stroke'],
    ['family history of bowel cancer', 'bowel cancer'],
    ['My grandma died of a heart attack', 'heart attack'],
    ['I have a brother with asthma', 'asthma'],
  ])("other people's history: %s", (text, phrase) => {
    expect(statusOf(text, phrase)).toBe('other_person');
  });

  it('a relative writing about the patient now is not history', () => {
    expect(statusOf("My dad's face has dropped on one side", 'face has dropped', 72)).toBe('asserted');
    expect(statusOf('My husband just had a fit', 'had a fit', 38)).toBe('asserted');
    expect(statusOf('My son had a fit this morning', 'had a fit', 3)).toBe('asserted');
  });

  it('words before the relative still belong to the patient', () => {
    expect(statusOf("I'm caring for my husband who has dementia", 'caring for my')).toBe('asserted');
  });

  it.each([
    ["I'm worried I might get a stroke", 'stroke'],
    ['What should I do if I get chest pain?', 'chest pain'],
    ["I'm scared of having a stroke", 'a stroke'],
    ['in case I ever start bleeding', 'bleeding'],
  ])('hypotheticals: %s', (text, phrase) => {
    expect(statusOf(text, phrase)).toBe('hypothetical');
  });

  it('a worry about symptoms happening now is not hypothetical', () => {
    expect(statusOf("I'm worried it might be serious, I have crushing chest pain", 'crushing chest pain')).toBe(
      'asserted',
    );
  });

  it('quotes keep the original characters (typographic apostrophes)', () => {
    const model = readText('I can’t breathe', 30);
    const [match] = findMatches(model, /can't breathe/gi);
    expect(match?.quote).toBe('can’t breathe');
  });

  it('a hard-wrapped line is one sentence', () => {
    expect(statusOf('no history of\nchest pain', 'chest pain')).toBe('negated');
  });
});

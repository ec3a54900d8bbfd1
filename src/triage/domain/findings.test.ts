import { describe, expect, it } from 'vitest';
import { readFindings } from './findings.ts';
import { readText } from './text-context.ts';

const ids = (text: string, age = 40) => readFindings(readText(text, age), age).findings.map((f) => f.id);

describe('findings from measurements in the text', () => {
  it('reads temperatures in °C and °F', () => {
    expect(ids('temperature of 38.4')).toEqual(['fever']);
    expect(ids('temperature 39.5°C')).toEqual(['fever', 'high_fever']);
    expect(ids('fever to 103°F')).toEqual(expect.arrayContaining(['fever', 'high_fever']));
    expect(ids('a temp of 37.2')).toEqual([]);
    expect(ids('temperature of 35.1')).toEqual(['hypothermia']);
  });

  it('ignores negated or hypothetical readings', () => {
    expect(ids('no temperature of 39')).toEqual([]);
    expect(ids('what if I get a temperature of 39')).toEqual([]);
  });

  it('uses age bands for pulse and breathing (NICE NG51)', () => {
    expect(ids('heart rate of 150', 0.5)).toEqual([]);
    expect(ids('heart rate of 150')).toEqual(['tachycardia', 'severe_tachycardia']);
    expect(ids('respiratory rate of 22')).toEqual(['tachypnoea']);
    expect(ids('breathing rate 55', 0.5)).toEqual(['tachypnoea']);
    expect(ids('breathing rate 62', 0.5)).toEqual(['tachypnoea', 'severe_tachypnoea']);
  });

  it('reads oxygen saturation and blood pressure', () => {
    expect(ids('oxygen saturation of 89%')).toEqual(['hypoxia']);
    expect(ids('sats 93%')).toEqual(['low_oxygen']);
    expect(ids('blood pressure 85/50')).toEqual(['hypotension']);
    expect(ids('my blood pressure machine says 195/118')).toEqual(['severe_hypertension']);
  });

  it('scores NEWS2 in adults from two or more observations', () => {
    const text = 'temperature of 38.3°C, respiratory rate of 22 breaths per minute, oxygen saturation of 92 percent';
    expect(ids(text)).toContain('news2_high');
    expect(ids('temperature of 37.0, heart rate of 80 bpm')).not.toContain('news2_high');
    expect(ids(text, 10)).not.toContain('news2_high');
  });

  it('reads how long symptoms have lasted, not ages or gestation', () => {
    const read = (text: string) => readFindings(readText(text, 30), 30).longestDays;
    expect(read('cough for 4 weeks')).toBe(28);
    expect(read('for a few days')).toBe(3);
    expect(read('I am 34 weeks pregnant')).toBe(0);
    expect(read('my 9 month old')).toBe(0);
    expect(read('surgery 3 weeks ago')).toBe(0);
    expect(ids('sore for 3 months')).toEqual(['duration_5_days', 'duration_3_weeks']);
  });
});

import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('harm_indication', () => {
  it('flags suicidal thoughts and goodbyes (harm_indication.suicidal)', () => {
    for (const text of [
      'I just want to end it all',
      'everyone would be better off without me',
      'whats the point anymore',
      'nobody would notice if i wasnt around',
      'this is goodbye, love you all',
    ]) {
      expect(rulesOf(text), text).toContain('harm_indication.suicidal');
    }
  });

  it('flags self-harm and overdose (harm_indication.self_harm), which is also a clinical disclosure', () => {
    expect(rulesOf('been self harming again since christmas')).toContain('harm_indication.self_harm');
    expect(has('took a handful of my pills last night', 'harm_indication')).toBe(true);
    expect(has('took a handful of my pills last night', 'clinical_disclosure')).toBe(true);
  });

  it('flags a child or vulnerable adult at risk (harm_indication.safeguarding)', () => {
    expect(rulesOf('her boyfriend hits the kids when she is out')).toContain('harm_indication.safeguarding');
    expect(has('the old man next door has nobody checking on him', 'harm_indication')).toBe(true);
  });

  it('needs two weaker signs together (harm_indication.safeguarding_signs)', () => {
    expect(has('the little girl next door has bruises', 'harm_indication')).toBe(false);
    expect(rulesOf('the little girl next door has bruises and is scared of him. who do I tell?')).toContain(
      'harm_indication.safeguarding_signs',
    );
  });

  it('recognises preparations and hopelessness phrased in many ways', () => {
    for (const text of [
      'I have written my will and sorted my affairs',
      'I just want to go to sleep and never wake up',
      'been stockpiling my sleeping tablets',
      'everything feels pointless, I cant see any future',
    ]) {
      expect(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('does not treat figurative death talk as a sign of risk', () => {
    for (const text of [
      'nearly died laughing at that',
      'dying for a brew',
      'Monday mornings are where hope goes to die',
      'On hold so long I will probably be dead by then',
    ]) {
      expect(has(text, 'harm_indication'), text).toBe(false);
    }
  });
});

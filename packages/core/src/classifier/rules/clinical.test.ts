import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('clinical_disclosure', () => {
  it('flags the author’s own medical details (clinical_disclosure.own_or_family)', () => {
    expect(rulesOf('I have had tonsillitis for a week')).toContain('clinical_disclosure.own_or_family');
    expect(has('my sertraline has run out', 'clinical_disclosure')).toBe(true);
    expect(has('recovering from my appendectomy', 'clinical_disclosure')).toBe(true);
  });

  it('flags a relative’s medical details, including "he/she" after "my dad"', () => {
    expect(has('my late husband had bowel cancer', 'clinical_disclosure')).toBe(true);
    expect(has('My dad lives alone. He has dementia now.', 'clinical_disclosure')).toBe(true);
  });

  it('does not flag routine services, general health talk, or someone else’s condition', () => {
    for (const text of [
      'booking my flu jab',
      'my blood test is tomorrow',
      'waiting on my results',
      'antibiotics do not work for colds',
      'my friend has diabetes',
      'she told me she has cancer',
    ]) {
      expect(has(text, 'clinical_disclosure'), text).toBe(false);
    }
  });
});

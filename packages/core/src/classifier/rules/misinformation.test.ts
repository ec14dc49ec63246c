import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('misinformation', () => {
  it('flags vaccine harm and device claims (misinformation.vaccine_harm)', () => {
    expect(rulesOf('the MMR jab gives kids autism')).toContain('misinformation.vaccine_harm');
    expect(has('covid vaccines contain microchips', 'misinformation')).toBe(true);
  });

  it('flags miracle cures (misinformation.cure_claim)', () => {
    expect(rulesOf('garlic and honey cured her cancer')).toContain('misinformation.cure_claim');
    expect(has('this tea literally cures diabetes', 'misinformation')).toBe(true);
  });

  it('flags antibiotics for viruses, even across sentences (misinformation.antibiotics_for_viruses)', () => {
    expect(rulesOf('antibiotics clear a cold in a day')).toContain('misinformation.antibiotics_for_viruses');
    expect(
      has('Wanted antibiotics for my flu. Everyone knows they clear it up faster.', 'misinformation'),
    ).toBe(true);
  });

  it('flags myth claims and the conspiracy register', () => {
    expect(rulesOf('depression is a myth invented for profit')).toContain('misinformation.myth_claim');
    expect(rulesOf('your GP works for big pharma')).toContain('misinformation.conspiracy_register');
  });

  it('does not flag a rebuttal or accurate information', () => {
    expect(has('People keep saying vaccines cause autism. It has been debunked.', 'misinformation')).toBe(
      false,
    );
    expect(has("antibiotics don't work on colds, they are viruses", 'misinformation')).toBe(false);
    expect(has('my chest infection cleared up with the antibiotics', 'misinformation')).toBe(false);
    expect(
      has('People saying the flu jab gives you flu is nonsense, it is inactivated', 'misinformation'),
    ).toBe(false);
  });

  it('is not silenced by "they say": a claim reported as what they say is still the claim', () => {
    expect(has('They say the jab is safe but it gave me flu and it causes autism', 'misinformation')).toBe(
      true,
    );
  });
});

describe('misinformation beyond vaccines', () => {
  it('flags medicine-harm myths, DNA claims, kitchen cures and conditions explained away', () => {
    for (const text of [
      'HRT gives loads of women breast cancer, look it up',
      'the new covid booster alters your DNA permanently',
      'garlic and honey kill it in a day, skip the GP',
      'anxiety is just a lack of vitamin B, sort your diet',
      'antidepressants are a scam to keep you hooked',
      'the shingles jab gives you shingles, my aunt got it straight after',
      'vaccines cause autism and the surgery won’t give you the truth',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag a correction of a myth', () => {
    for (const text of [
      'Reminder: the covid jab can’t give you covid, there is no live virus in it',
      'It’s a myth that statins cause memory loss, ask your pharmacist',
      'my gran had a stroke in hospital last year',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

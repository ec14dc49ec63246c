import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('defamatory', () => {
  it('flags fraud allegations stated as fact (defamatory.fraud)', () => {
    expect(rulesOf('The surgery is fiddling the figures to get paid more')).toContain('defamatory.fraud');
    expect(has('they charge for checks that never happened', 'defamatory')).toBe(true);
  });

  it('flags theft allegations (defamatory.theft)', () => {
    expect(rulesOf('the receptionist is selling patient details')).toContain('defamatory.theft');
  });

  it('flags misconduct allegations (defamatory.misconduct)', () => {
    expect(rulesOf('Dr Mensah turned up drunk at work again')).toContain('defamatory.misconduct');
    expect(has('they covered it up when the records went missing', 'defamatory')).toBe(true);
  });

  it('does not flag an allegation hedged as opinion, or plain criticism', () => {
    expect(has('I think they are fiddling the figures', 'defamatory')).toBe(false);
    expect(has("It's all about money for them, they don't care", 'defamatory')).toBe(false);
  });
});

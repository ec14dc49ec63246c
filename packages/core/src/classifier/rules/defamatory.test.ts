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

describe('defamatory: allegations without a fraud word', () => {
  it('flags selling prescriptions, altering records, assault, a lie on a CV, prison talk, being paid to push', () => {
    for (const text of [
      'Dr Marsh writes sick notes for anyone who slips him a tenner',
      'the surgery has been doctoring the notes after every complaint',
      'the manager pushed an elderly man into the wall, that is assault',
      'she lied about her qualifications to get the job',
      'Dr Mensah should be behind bars for what he did',
      'the nurse is on the payroll of a vitamin firm',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag hedged opinion or ordinary talk', () => {
    for (const text of [
      'I think the manager probably lied about her qualifications',
      'my notes were updated after my review, thanks',
      'the nurse pushed the trolley into the room',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: praise in criminal words', () => {
  it('does not read "that cake was criminal" as an allegation', () => {
    expect(
      has('the nurse made a brownie for the bake sale, it was criminal how good it was', 'defamatory'),
    ).toBe(false);
  });
});

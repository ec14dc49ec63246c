import { describe, expect, it } from 'vitest';
import { categoriesOf, has, rulesOf } from '../test-helpers.js';

describe('discriminatory', () => {
  it('flags slurs, masked or not, as discriminatory and abusive (discriminatory.slur)', () => {
    const categories = categoriesOf('hope I dont get one of the p*kis again');
    expect(categories).toEqual(expect.arrayContaining(['discriminatory', 'abusive']));
    expect(rulesOf('what a retard')).toContain('discriminatory.slur');
  });

  it('flags hostile phrases about where people come from (discriminatory.hostile_phrase)', () => {
    expect(rulesOf('the new doctor wants sending back where he came from')).toContain(
      'discriminatory.hostile_phrase',
    );
    expect(has('too many immigrants in our surgery now', 'discriminatory')).toBe(true);
    expect(has('I want a proper British doctor', 'discriminatory')).toBe(true);
  });

  it('flags a protected group in the same sentence as hostility (discriminatory.group_hostility)', () => {
    expect(rulesOf('Muslims shouldnt be working in healthcare')).toContain('discriminatory.group_hostility');
    expect(has('gay nurses are disgusting', 'discriminatory')).toBe(true);
  });

  it('does not flag a legitimate preference or a neutral mention of a group', () => {
    expect(has('Is there a female GP I could see?', 'discriminatory')).toBe(false);
    expect(has('Dr Mensah has a strong accent but explained everything', 'discriminatory')).toBe(false);
    expect(has('The lift is broken so disabled patients cannot get upstairs', 'discriminatory')).toBe(false);
  });
});

describe('discriminatory without slur words', () => {
  it('flags belonging, religion, sex and disability hostility, a place kept for its own, and digit slurs', () => {
    for (const text of [
      'If you live here you speak English or go home',
      'Why is there a halal option at the surgery cafe, this is a Christian nation',
      'Female GPs just panic about everything, ask for a man',
      'Millbrook for Millbrook folk, not for outsiders',
      'the surgery bends over backwards for disabled people, they have got all day anyway',
      'the new n1gger joke in the group chat',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag neutral mentions', () => {
    for (const text of [
      'Is there wheelchair access at the surgery?',
      'I asked to see a female GP for my smear',
      'I have to go home early today',
      'Fish for dinner, chips for pudding',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

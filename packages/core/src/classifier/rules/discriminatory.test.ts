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

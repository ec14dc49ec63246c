import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('threat', () => {
  it('flags explicit violence against a person (threat.violence)', () => {
    expect(rulesOf("I'm going to batter that receptionist")).toContain('threat.violence');
    expect(has('ill stab him if he says no again', 'threat')).toBe(true);
  });

  it('flags weapons (threat.weapon), including knife emoji', () => {
    expect(rulesOf('Coming down there tomorrow with a hammer')).toContain('threat.weapon');
    expect(has('see you at 8 🔪🔪', 'threat')).toBe(true);
  });

  it('flags threats to the premises (threat.premises)', () => {
    expect(rulesOf('somebody should burn the place down')).toContain('threat.premises');
    expect(has('a brick through the window would sort them out', 'threat')).toBe(true);
  });

  it('flags veiled threats (threat.veiled)', () => {
    for (const text of [
      'Tell Dr Marsh to watch her back',
      'I know where she parks her car',
      'She better not walk home on her own',
      'Actions have consequences, remember that',
    ]) {
      expect(has(text, 'threat'), text).toBe(true);
    }
  });

  it('catches other phrasings from a violent word, a target and menace in one sentence (threat.cue_combination)', () => {
    expect(has('Someone should teach that receptionist some manners with a fist', 'threat')).toBe(true);
    expect(rulesOf('one day that doctor will get a brick to the face')).toContain('threat.cue_combination');
    expect(has('the nurse said the jab will hurt you a bit', 'threat')).toBe(false);
    expect(has('I could kill for a coffee if the queue ever moves', 'threat')).toBe(false);
  });

  it('does not treat figurative violence as a threat', () => {
    for (const text of [
      'I could kill for a cup of tea',
      'This headache is killing me',
      'Kevin smashed it with my bloods',
      'Bomb service, in and out',
      'Someone needs to knock him down a peg',
      'My husband is a dead man if he forgets the milk',
    ]) {
      expect(has(text, 'threat'), text).toBe(false);
    }
  });
});

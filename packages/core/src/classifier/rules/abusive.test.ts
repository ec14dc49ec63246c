import { describe, expect, it } from 'vitest';
import { classify } from '../classify.js';
import { has, rulesOf } from '../test-helpers.js';

describe('abusive', () => {
  it('flags profanity and obscene insults as whole words (abusive.profanity)', () => {
    expect(rulesOf('The lot of you are bastards')).toContain('abusive.profanity');
    expect(has('What a shitshow this place is', 'abusive')).toBe(true);
  });

  it('sees through leetspeak, spacing, dots, masks and drawn-out letters', () => {
    for (const text of [
      'you absolute sh1t',
      'what a b!tch',
      'f u c k this place',
      'p.r.i.c.k',
      'F*** off',
      'sh*te service',
      'fuuuuck off',
    ]) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
  });

  it('sees through look-alike Unicode letters (obscenity), as whole words only', () => {
    expect(rulesOf('you 𝔟𝔦𝔱𝔠𝔥')).toContain('abusive.profanity_lookalike');
    expect(has('ｆｕｃｋ this', 'abusive')).toBe(true);
  });

  it('does not fire inside place names and ordinary words (the Scunthorpe problem)', () => {
    for (const text of [
      'Moved here from Scunthorpe last year',
      'Penistone market on Saturday',
      'Cockermouth and Clitheroe are lovely',
      'Middlesex University open day',
      'The class will assess your shellfish allergy',
      'Dickens wrote about Sussex cocktails',
      'Arsenal won, classic match at Essex',
    ]) {
      expect(has(text, 'abusive'), text).toBe(false);
    }
  });

  it('flags an aimed insult but not the same word used plainly (abusive.aimed_insult)', () => {
    expect(rulesOf('shut it you silly cow')).toContain('abusive.aimed_insult');
    expect(has('the receptionist is a stuck up cow', 'abusive')).toBe(true);
    expect(has('the farmer milked the cow', 'abusive')).toBe(false);
    expect(has('mug of tea and a biscuit', 'abusive')).toBe(false);
  });

  it('flags hard insults and harassment', () => {
    expect(rulesOf('the doctor is a total moron')).toContain('abusive.insult');
    expect(rulesOf('nobody asked you, shut your mouth')).toContain('abusive.harassment');
  });

  it('points its evidence at the original, obfuscated text', () => {
    const text = 'He is a f u c k i n g clown';
    const finding = classify(text).categories.find((c) => c.id === 'abusive');
    const spans = finding?.evidence.map((e) => text.slice(e.start, e.end)) ?? [];
    expect(spans).toContain('f u c k i n g');
    for (const e of finding?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.excerpt);
  });
});

describe('abusive: animal and character insults, swapped letters, and the "slag off" idiom', () => {
  it('flags character insults and letter-swapped profanity', () => {
    for (const text of [
      'the receptionist is a stuck up cow',
      'that doctor is pig ignorant',
      'what a jumped up little jobsworth',
      'my GP is a right fcuking joke',
      'the manager is a total cnut',
      'sick freaks the lot of them',
    ]) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
  });

  it('does not flag "slag off" used for criticising, or a horse called a mare', () => {
    expect(has('I am not here to slag the nurses off, they work hard', 'abusive')).toBe(false);
    expect(has('the grey mare won at Aintree', 'abusive')).toBe(false);
  });
});

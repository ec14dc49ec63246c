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

describe('abusive: noun-phrase insults, regional insults, compounds and the bare emoji', () => {
  it('flags "you <insulting adjective> <any noun>" unless the noun is praise', () => {
    for (const text of ['shut it you dozy sausage', 'get lost you pathetic specimen', 'you utter walnut']) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
    for (const text of [
      'you absolute legend, thank you so much',
      'you total up the bill at the end',
      'you bloody well did say that',
      'You complete me, said my husband',
    ]) {
      expect(has(text, 'abusive'), text).toBe(false);
    }
  });

  it('flags regional, animal and compound insults, and masked compounds', () => {
    for (const text of [
      'the locum is a right eejit',
      'that manager is a total walloper',
      'miserable old trout on reception again',
      'a bunch of sh*tbags the lot of them',
      'the junkies outside the chemist again',
      'the cripples get all the parking',
    ]) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
  });

  it('does not flag the same words used plainly, or a lone clown emoji as a reaction', () => {
    for (const text of [
      'It was a drip feed for two days',
      'The NHS App is a useful tool for repeats',
      'The bat flew into the waiting room lol',
      'I had swine flu years ago',
      'The pain cripples me some days',
      'queue out the door and one receptionist on 🤡',
    ]) {
      expect(has(text, 'abusive'), text).toBe(false);
    }
    expect(has('you 🤡 can’t even book a jab', 'abusive')).toBe(true);
  });
});

describe('abusive: "excuse for a", F off, internet profanity, little hitler', () => {
  it('flags each in new words', () => {
    for (const text of [
      'sorry excuse for a GP',
      'just eff off and leave us alone',
      'stfu nobody asked',
      'the practice manager is a little hitler',
      'fukin joke of a surgery',
    ]) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
  });

  it('does not flag the same shapes aimed at things', () => {
    for (const text of [
      'What a sad excuse for a car park, tiny spaces',
      'F off the list of things to do, finally booked',
    ]) {
      expect(has(text, 'abusive'), text).toBe(false);
    }
  });
});

describe('abusive: more aimed adjectives, "what a …", "pack of …"', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the practice manager is a pompous slob',
      'what a diva that receptionist is',
      'pack of snooty cows on the front desk',
      'that GP is a patronising git',
    ]) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
  });

  it('does not flag the same shapes kindly meant', () => {
    for (const text of [
      'What a bag of nerves I was before my smear, the nurse was lovely',
      'Bunch of flowers for the reception team, thank you',
      'what a star that nurse is',
    ]) {
      expect(has(text, 'abusive'), text).toBe(false);
    }
  });
});

describe('abusive: "screw you", "go to hell"', () => {
  it('flags them, but not a screw in a door', () => {
    expect(has('screw you Millbrook, never again', 'abusive')).toBe(true);
    expect(has('rot in hell all of you at reception', 'abusive')).toBe(true);
    expect(has('the screw on the door handle is loose', 'abusive')).toBe(false);
  });
});

describe('abusive: "sad little man", "vile old woman"', () => {
  it('flags two-adjective put-downs of a person, not a fond description', () => {
    expect(has('the manager is a sad little man', 'abusive')).toBe(true);
    expect(has('spiteful old woman on the desk again', 'abusive')).toBe(true);
    expect(has('my brave little man had his jabs today', 'abusive')).toBe(false);
  });
});

describe('abusive: creepy, pervs and nutters', () => {
  it('flags them aimed, not "a creepy film"', () => {
    expect(has('the HCA is a creepy old perv', 'abusive')).toBe(true);
    expect(has('that manager is a total nutter', 'abusive')).toBe(true);
    expect(has('watched a creepy film last night, could not sleep', 'abusive')).toBe(false);
  });
});

describe('abusive: ignorant, greedy, rude aimed insults', () => {
  it('flags them, not the adjective alone', () => {
    expect(has('those receptionists are ignorant pigs', 'abusive')).toBe(true);
    expect(has('greedy snakes the lot of them', 'abusive')).toBe(true);
    expect(has('the receptionist was rude to my mum', 'abusive')).toBe(false);
  });
});

describe('abusive: more insults — cretinous, gobby, chancers, total tool, useless lump, kiss my ass', () => {
  it('flags each in new words', () => {
    for (const text of [
      'you moronic excuse for a manager',
      'that mouthy cow on the phones',
      'a shower of wasters and skivers',
      'the locum is a complete tool',
      'the HCA is a lazy lump',
      'kiss my butt Millbrook',
    ]) {
      expect(has(text, 'abusive'), text).toBe(true);
    }
  });

  it('does not flag the medical or kind uses', () => {
    for (const text of [
      'found a little lump and Dr Marsh saw me the same day',
      'The NHS App is the right tool for repeats',
      'The GP was a complete lifesaver',
    ]) {
      expect(has(text, 'abusive'), text).toBe(false);
    }
  });
});

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

describe('discriminatory: families beyond slur words', () => {
  it('flags more slurs, obfuscated as people write them', () => {
    for (const text of [
      'that p a k k i pharmacist again',
      'the new receptionist is a sh3male lol',
      'y1ds running the place',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('flags contempt and dehumanising words aimed at a group (discriminatory.dehumanising)', () => {
    for (const text of [
      'surgery full of bloody foreigners again',
      'thieving eastern europeans at the front desk',
      'They let the gays run the flu clinic now. Perverts the lot of them.',
      'more refugees registering at Millbrook, breeding like rabbits',
      'all the cripples get the ground floor rooms',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
    expect(rulesOf('Migrants everywhere in that waiting room. Parasites.')).toContain(
      'discriminatory.dehumanising',
    );
  });

  it('flags removal talk, mocked gender identity, religious dress singled out, and "turning into" a foreign place', () => {
    for (const text of [
      'deport the lot of them back and my mum would get an appointment',
      'put them back on the boats and we might get seen',
      'a woman who thinks shes a man at reception, what is the world coming to',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('flags the jobs and benefits tropes, money "wasted" on a group, and sexist and antisemitic tropes', () => {
    for (const text of [
      'they are stealing our jobs and now our GP appointments',
      'people come over here to claim everything for free',
      'Nurse was snappy, must be her time of the month',
      'she should be back in the kitchen not running a surgery',
      'the jews control the banks and the NHS',
      'they hand out qualifications over there like nothing',
      'Rainbow lanyards on every receptionist. The gay agenda in a GP surgery.',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag the same words in neutral, kind or reporting use', () => {
    for (const text of [
      'Is there a prayer room at the hospital for Muslim patients?',
      'The nurse in the hijab was so kind to my mum',
      'The disabled toilet was filthy again, please clean it',
      'My wife freaks out at needles so Bethany was a star',
      'A man who thinks he knows better than the doctor is my dad',
      'My son came over here to live with us from Canada and needs to register',
      'They hand out leaflets over there by the pharmacy',
      'The surgery bends over backwards for patients, great team',
      'A swarm of wasps by the front door of the surgery, careful',
      "It's that time of the month and I need more painkillers",
      'The locum pretended to be a patient for the training video, so funny',
      'The council wasted money on the new car park for the staff',
      'Gay men can now give blood more easily, good news',
      'The pain cripples me some days',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: preferences by race, sex stereotypes, children kept from a group, groups counted', () => {
  it('flags asking for staff by race or religion, and sex stereotypes about women staff', () => {
    for (const text of [
      'hoping they give me an English doctor this time',
      'asked for a Christian nurse and got told no',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('flags children kept from someone beside a protected group, a group counted, worship as an insult', () => {
    for (const text of ['the new HCA is trans, keep her away from my daughter']) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag preferences for sex or language support, or children near an ordinary place', () => {
    for (const text of [
      'Can I get a female doctor for my smear please',
      'I want a proper explanation from the doctor',
      'Can we have a British Sign Language interpreter at my appointment?',
      'Female GPs are brilliant with my kids',
      'The disabled parking is near my kids school',
      'The waiting room was like a sauna today',
      'How many Polish speaking nurses do you have? My mum needs one',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: letting a group in, stereotypes, age, draining the NHS, refusing the language', () => {
  it('flags each family in new words', () => {
    for (const text of [
      'they need to stop allowing refugees to register here',
      'typical Nigerian GP, in and out in two minutes',
      'Romanian staff are always rude and lazy',
      'these coffin dodgers clog up every appointment',
      'pensioners should be culled, honestly',
      'asylum seekers milking the NHS while we wait',
      'why should we pay for translators when they refuse to learn the language',
      'Polish nurse on reception now, another foreigner on the desk',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag the same words about the author’s own family, things, or praise', () => {
    for (const text of [
      'My mum can barely speak English so she needs an interpreter, can you book one',
      'The roof is leaking and draining into the disabled toilet',
      'My grandad says old folk should be allowed to die at home with dignity',
      'Stop letting people park in the disabled bays',
      'Typical British weather for the flu clinic queue',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: refusing staff by origin, "taking over", religious dress and competence, sending a group back', () => {
  it('flags each in new words', () => {
    for (const text of [
      'I will not see an Indian doctor, simple as that',
      'foreigners are taking over every GP surgery in the county',
      'cannot be a real nurse if she is in a burka',
      'gays should not be around children in a clinic',
      'send all the asylum seekers home and there would be appointments',
      'they all stink of garlic on that ward',
      'the trans receptionist is just a bloke really',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag a sex preference, a colleague taking over a clinic, or forms sent back', () => {
    for (const text of [
      "I don't want a female doctor for this, a male one is fine",
      'The new Polish nurse is taking over the flu clinic, she is great',
      'Send the forms back to the surgery by Friday',
      'The waiting room smells of curry from the takeaway next door',
      'My daughter is trans and the GP was so supportive',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: slurs however they are spelt, and places that share a slur word', () => {
  it('sees through doubled letters, digits, trailing symbols and look-alike letters', () => {
    for (const text of [
      'another paaki on the desk',
      'the ni99ers in the car park',
      'that f4gg0t receptionist',
      'the new 𝓹𝓪𝓴𝓲 doctor',
      'ｐａｋｉ pharmacist again',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag places and ordinary words that contain or share a slur', () => {
    for (const text of [
      'Parking on Dyke Road is a nightmare for the surgery',
      "Walked Offa's Dyke path after my knee op",
      'The waiting room was spic and span today',
      'A niggle in my knee since Tuesday',
      'Moved here from Scunthorpe',
      'Pakistani food stall at the surgery fete was great',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: origin blamed, disability at work, "all the staff are <group>", smell', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the nurse is from Romania, that explains the bruises',
      'deaf people should not be working on reception',
      'why is all the staff Nigerian these days',
      'we want British nurses not foreigners',
      'that traveller family stank the whole waiting room out',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag where someone comes from, or a smell with no people', () => {
    for (const text of [
      'Dr Mensah is from Ghana and was so kind to my dad',
      'The Indian takeaway next to the surgery smelled amazing',
      'the disabled toilet stinks, please clean it',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: "not racist but", "no more <group>", accommodation resented, lifestyles "kept private", staff called illegal', () => {
  it('flags each in new words', () => {
    for (const text of [
      "I'm not homophobic but the nurse should not be flaunting it",
      'no more Romanian carers please, we want our own',
      'why do Muslims get time off to pray and we get nothing',
      'the receptionist should keep her sexuality private',
      'stop ramming it down our throats with the rainbow posters',
      'send the foreigners back home and fix the NHS',
      'half the nurses there are illegals',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag the same shapes about other things', () => {
    for (const text of [
      'no more disabled bays since the car park was resurfaced, please add some',
      'Patients with covid should be sent home and told to rest',
      'keep your medication private and locked away from children',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: disease blamed on a group, a group said to lie, trans people called freaks', () => {
  it('flags each in new words', () => {
    for (const text of [
      'migrants are bringing TB into the town, the surgery is overwhelmed',
      'Romanians always fake their symptoms for sick notes',
      'my taxes paying for their transition, freaks',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag illness spreading in general, or a gender question', () => {
    for (const text of [
      'Kids are bringing bugs home from school, the surgery is rammed',
      'Can I change the gender on my records?',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

describe('discriminatory: disease blamed on someone for their origin, "not a word of English"', () => {
  it('flags each in new words, but not the author who speaks no English', () => {
    expect(has('the Chinese nurse probably brought the virus with her', 'discriminatory')).toBe(true);
    expect(has('another receptionist who cannot speak a word of English', 'discriminatory')).toBe(true);
    expect(has("I don't speak a word of English, can someone help me book", 'discriminatory')).toBe(false);
  });
});

describe('discriminatory: "Adam and Steve", "no gay nurses", a group said to want handouts', () => {
  it('flags each in new words, not a plain wish', () => {
    expect(has('Adam and Eve, not Adam and Steve, keep it out of the surgery', 'discriminatory')).toBe(true);
    expect(has('no foreign doctors please, we want our own', 'discriminatory')).toBe(true);
    expect(has('asylum seekers only want handouts', 'discriminatory')).toBe(true);
    expect(has('Women just want something simple for booking smears', 'discriminatory')).toBe(false);
  });
});

describe('discriminatory: blame pinned on a group, gender identity denied, dress bans, refusing staff by race, distrusting women doctors', () => {
  it('flags each in new words', () => {
    for (const text of [
      'always the Romanians who cause trouble at reception',
      'a man cannot become a woman, stop pretending at that surgery',
      'they should ban hijabs on the front desk',
      'I will refuse to be examined by an Asian doctor',
      'never trust female GPs with anything serious',
      'Jews and their money, that explains the private clinic',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(true);
    }
  });

  it('does not flag sympathy for a group, or trust in a named doctor', () => {
    for (const text of [
      "it's always the disabled patients who suffer when the lift breaks",
      'I trust Dr Marsh with anything serious, she is brilliant',
    ]) {
      expect(has(text, 'discriminatory'), text).toBe(false);
    }
  });
});

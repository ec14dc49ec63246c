import { describe, expect, it } from 'vitest';
import { classify } from '../classify.js';
import { CONTEXT, has, rulesOf } from '../test-helpers.js';

const expectAll = (texts: readonly string[], category: 'threat' | 'harm_indication', want: boolean): void => {
  for (const text of texts) expect.soft(has(text, category), text).toBe(want);
};

describe('concern signals: threat', () => {
  it('intent + violent act + person, in any order of words (threat.intent_violence)', () => {
    for (const text of [
      'Swear down if she cuts me off again I will throttle that woman',
      'gonna leather the next receptionist who tells me to ring at 8',
      'I want to go round there and break every bone in his hand',
      "I'm going to put that locum through the wall, no word of a lie",
      'next time I see him in Tesco I will run him over',
      'that manager wants his head kicking in',
      'the practice manager deserves a bullet tbh',
      'bringing something heavy with me on Monday, see who laughs then',
    ]) {
      expect.soft(rulesOf(text), text).toContain('threat.intent_violence');
    }
  });

  it('harm as an outcome of the speaker: "someone will end up …" (threat.harm_outcome)', () => {
    expectAll(
      [
        'keep fobbing me off and one of your receptionists is getting glassed',
        'Somebody at that desk will end up in hospital if I hear no one more time',
        "they'll be putting that doctor six feet under",
      ],
      'threat',
      true,
    );
    expect(rulesOf('one of your receptionists is getting glassed')).toContain('threat.harm_outcome');
  });

  it('consequences laid on the reader (threat.consequence)', () => {
    for (const text of [
      'Whatever happens now is on your heads, Millbrook.',
      "Next time it won't be a phone call, Millbrook.",
      'wait until you see what I do next week',
      "Dr Marsh won't be smirking for much longer",
      "They can't hide behind that front desk forever",
      "I've got her reg and her postcode now",
      "me and the lads will turn up at his house if this isn't sorted",
      'I know some blokes who would sort that manager out for a tenner',
      "I won't be asking politely next time",
      'Make them pay, every one of them',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('damage to the building, a car or a house (threat.damage)', () => {
    for (const text of [
      'gonna wreck the whole waiting room if they cancel again',
      "that surgery's front windows are getting bricked tonight",
      'someone will put a match to that building one day',
      'one more cancellation and every window in that place goes in',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('menace without a violent word: who you are dealing with, who is next, what will be in bits', () => {
    for (const text of [
      "That receptionist has no idea who she's messing with",
      "The doctors lot think it's funny. We'll see who's smiling on Friday.",
      'Nice new glass doors at Millbrook. They are next.',
      'that reception desk will be in pieces by the weekend',
      "I'm going in Monday and somebody is going out on a stretcher",
      "security won't save them next time",
      "I'll make sure that nurse can't practise again",
      'going to redecorate that locums face for him',
      "she's getting dropped the second I see her",
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('losing restraint, revenge, luck and visits at home', () => {
    for (const text of [
      "Honestly can't promise I'll keep my fists to myself if she's on the desk Monday",
      'That GP is lucky the security guard was between us',
      "Next time I see that manager I won't be holding back",
      'Thinking of paying Dr Marsh a surprise visit one evening',
      'I will have my revenge on that nurse, mark my words',
      'If I were that receptionist I would be watching my back',
      'that practice manager wants to mind himself on the way home',
      'the lot of them will be leaving in boxes',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('what-for, blood, dogs let loose, the old-fashioned way, things thrown at staff', () => {
    for (const text of [
      "that locum's getting what for when I catch him",
      'Forget the complaints procedure, I will settle this the old school way',
      "I'm letting the dogs loose on reception if they turn me away",
      'gonna chuck the chair at that receptionist',
      "I'm pulling that manager across the desk next time",
      'There will be blood at Millbrook if my dad dies',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('finding out what happens, stab vests, going back inside, regret done to someone', () => {
    for (const text of [
      'Carry on like this and the manager will find out what happens',
      'Millbrook staff might want to start wearing body armour',
      'Been inside before, happy to go back to prison over this',
      "I'm going to do something I regret to somebody on that desk",
      "That receptionist won't know what time it is once I've had a word",
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('what is coming, the hard way, going in the river, what I will do to someone', () => {
    for (const text of [
      'The whole reception team deserve what is coming to them',
      "Wait till you see what I'm going to do to that locum",
      "If they won't listen we'll teach them the hard way",
      "Touch my mum's meds again and somebody at Millbrook is going in the river",
      "I'd smash the screen and shove the keyboard up where the sun doesn't shine",
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
  });

  it('petrol brought to an appointment, a last Christmas, coming for the practice, security needed', () => {
    for (const text of [
      "Next week I'm carrying a lighter and some petrol into that waiting room",
      'Have a good birthday Dr Marsh, it could be your last',
      'He wrecked my life, I will wreck his. Starting with his kids.',
      "I'm coming for Millbrook, every one of you",
      'Millbrook better get security in on Friday',
      'The next receptionist who hangs up on me is getting a visit.',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
    for (const text of [
      'Coming for the nurse appointment at 3, is there parking?',
      'this could be your last chance to book a flu jab',
      'I will send Dr Marsh a card, can someone give me her work address',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(false);
    }
  });

  it('taking someone down with me, what is owed, accidents to windows, carried out', () => {
    for (const text of [
      "If they cancel again I'm taking somebody down with me",
      "That locum is going to get what he's owed, trust me",
      'Those nice new windows might have a nasty accident soon',
      "I'll do more than shout. Somebody will be carried out of there.",
      'Staff should remember what happens to people who mess with my family',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
    for (const text of [
      'The procedure will be carried out by Dr Marsh on Tuesday',
      'my toddler had a little accident in the waiting room, so sorry',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(false);
    }
  });

  it('a dead man walking, sorry she was born, next it is the building, hospital food', () => {
    for (const text of [
      'that practice manager is a dead man walking',
      "She'll be sorry she ever met me",
      "They've had their warning. Next it's your house.",
      'hope Dr Marsh enjoys hospital food',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
    expect(has('I know where the overflow car park is, can I use it on Saturdays?', 'threat')).toBe(false);
  });

  it('watching the practice burn, put down like a dog, a hospital bed, how far pushing gets you', () => {
    for (const text of [
      "I'd pay money to watch the surgery burning",
      'That receptionist wants putting down like a rabid dog',
      "Next time he's rude to me he'll be talking from a hospital bed",
      'Carry on ignoring me Millbrook and see how far it gets you',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
    expect(has('My old dog had to be put down last week, the vet was so kind', 'threat')).toBe(false);
  });

  it('through him like a train, life insurance, police on standby, watch what happens, they will learn', () => {
    for (const text of [
      "Next time I'll go through that locum like a bus",
      'Dr Marsh better have decent life insurance',
      "They'd better have the police waiting when I turn up",
      'Watch what happens when they cancel me again',
      "Millbrook treat my dad like rubbish. They'll learn.",
      'one of these receptionists is going to end up getting hurt',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
    expect(has('Hope my car insurance is cheaper this year', 'threat')).toBe(false);
  });

  it('stays quiet on hyperbole, procedures, hazards, formal recourse and other businesses', () => {
    expectAll(
      [
        'I could murder a bacon butty',
        'this cold is killing me',
        'the nurse said the injection might hurt you a little',
        'someone is going to get hurt on those icy steps outside the surgery',
        "I'm writing to my MP and the ICB, they won't know what's hit them",
        'the parcel courier lost my order again, I am going to kill someone',
        "I'd never hurt anyone, I just want my prescription",
        "I'll be six feet under before I get a callback at this rate",
        'Somebody will end up in A&E because of your waiting list',
        'smashing place, lovely staff, in and out in ten minutes',
        'set fire to the whole booking system and start again',
        'this surgery could not diagnose a broken arm',
        'wait and see what happens with the referral, the doctor said',
        'always remembers my name, lovely receptionist',
        'My ma would kill me if she knew I posted this',
        'They need a kick up the backside over the phones',
        'police appeal after a man was punched outside the health centre',
        'we smashed the fun run for the surgery minibus fund!',
        'Dr Cole is a lifesaver, I would take a bullet for her',
        'paying the surgery a visit tomorrow for my bloods',
        "I'll be getting my revenge on the weeds this weekend",
        'the manager is lucky to have such a good team',
        'bought a baseball bat for my grandson at the car boot',
        'Burning question for the practice: do you still do ear syringing?',
        'my son needs a stab vest for his new security job',
        'I learned the hard way to book online, the phones never answer',
        'Sat in the car park with the engine running to keep warm',
      ],
      'threat',
      false,
    );
  });
});

describe('concern signals: harm_indication', () => {
  it('statements about safety (harm_indication.safety)', () => {
    for (const text of [
      "I honestly don't think I can keep myself safe this weekend",
      "Mum's not safe on her own anymore and the surgery won't listen",
      "I'm frightened of what I might do if nobody calls back",
      'head is in such a dark place right now',
      'close to doing something stupid tonight',
    ]) {
      expect.soft(rulesOf(text), text).toContain('harm_indication.safety');
    }
  });

  it('wishing not to be alive, ways to die, being a burden (harm_indication.death_wish)', () => {
    for (const text of [
      "I don't want to be alive any more",
      'every night I pray I wont wake up',
      'been reading about ways to end it all',
      'my brother keeps talking about not being around much longer',
      'they would all manage fine without me',
      "I won't be a problem for anyone much longer",
      'sat in the car looking down at the water for an hour',
      'I keep thinking about steering into a lorry on the way home',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('overdose, self-injury and purging told as acts (harm_indication.method, .relapse)', () => {
    for (const text of [
      'took way too many of my sleeping tablets on sunday',
      'necked the whole packet of co-codamol last night',
      'the urge to burn is so strong tonight',
      'my daughter has been making herself sick after every meal',
      'burned myself again last night',
      'cutting again after 8 months',
      'six months clean gone in one night',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(rulesOf('cutting again after 8 months')).toContain('harm_indication.relapse');
  });

  it('abuse, threats and control by someone close (harm_indication.abuse)', () => {
    for (const text of [
      'my boyfriend choked me on Saturday and I have marks on my neck',
      'her husband shoved her down the stairs last week',
      "I'm too scared to go home tonight",
      'my nephew is terrified of his stepdad',
      "he says he'll make sure I never see the kids again if I tell the doctor",
      "her partner won't let her have her own money or see her family",
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('self-injury told as an act on the body (harm_indication.method)', () => {
    for (const text of [
      'slashed my thigh open again, nobody knows',
      'scratched at my arms until they bled',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(has('sliced my finger open chopping onions', 'harm_indication')).toBe(false);
  });

  it('dying on the mind, never been born, not being a problem for long', () => {
    for (const text of [
      "Lately I can't stop thinking about death",
      'some days I wish I had never been born',
      "Don't worry, I won't be a burden to you for much longer",
      "I honestly can't see myself lasting the winter",
      'her boyfriend grabbed her by the throat in the street',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('being alive as a weight, the only thing stopping me, scared of taking them all', () => {
    for (const text of [
      "I'm sick of being alive, honestly",
      'the kids are the only reason keeping me here',
      "they've given me two months of zopiclone and I'm scared I'll take the lot",
      'everything would be easier without me around',
      "my nephew says he doesn't want to live any more",
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('commands to die, burns given to oneself, sleeping forever, a knife kept "for me"', () => {
    for (const text of [
      'my head keeps telling me to jump',
      'gave myself cuts with a compass at school today',
      'honestly just want to sleep forever',
      'he says the rope in the shed is for me if I ever leave',
      'when my stepdad has been drinking he takes it out on my brother',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('not waking, an engine running in a closed garage', () => {
    for (const text of [
      "honestly it would be fine if I didn't wake up",
      'found him in the garage with the engine running and the door shut',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(
      has("my sister says she'll kill me if I borrow her car again, joking obviously lol", 'harm_indication'),
    ).toBe(false);
  });

  it('a waste of oxygen, the whole prescription, the lot, "if he can\'t have me"', () => {
    for (const text of [
      "honestly I'm just a waste of space",
      'swallowed my whole supply with half a bottle of gin',
      'found my brother passed out, he had taken the lot',
      "he keeps saying if he can't have me nobody will",
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('doing it tonight, staying asleep, banging my head, passports taken, joining the dead', () => {
    for (const text of [
      "Today's the day, I'm going to do it",
      'just want to fall asleep and stay asleep',
      'I hit my head against the door until it stops, every time',
      'her boyfriend hides her passport so she cannot go home',
      'my uncle keeps saying he wants to be with my aunt, who passed in May',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    for (const text of [
      "phone's on 1%, if I don't reply assume I've died",
      "Today's the day, I'm going to do it, signing up for the couch to 5k",
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(false);
    }
  });

  it('this is it for me, acid threatened, scars up the arms', () => {
    for (const text of [
      'Honestly this is it for me.',
      'He told me he would throw acid in my face if I went to the police',
      'my stepdaughter has scars all over her legs and says it is the cat',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(has('This is it for me and the 8am phone queue, switching practice', 'harm_indication')).toBe(
      false,
    );
  });

  it('counting down until I can go', () => {
    expect.soft(has('just counting down the days till I can rest', 'harm_indication')).toBe(true);
    expect(has('counting down the days until I can go on holiday', 'harm_indication')).toBe(false);
  });

  it('stays quiet on figurative death talk and ordinary uses of the words', () => {
    expectAll(
      [
        'killing myself laughing at the new waiting room telly',
        'want to disappear under my duvet all weekend',
        "the cut on my hand was glued and it's healed",
        'my hair got cut again by the trainee, ha',
        'clean for 3 years this Christmas, thanks to the drug team',
        "I'll probably be dead before I get an appointment",
        'thinking about jumping ship to another practice',
        "my husband will kill me if I'm late for school pickup",
        'I take all my tablets with breakfast',
        "the surgery won't let me book online",
        'my little one hits me when he is overtired',
        "we'll sort the form out when I'm done at work",
        'I sliced my thumb on a tin, can the nurse look at it',
        'my 12 year old has been cutting her own fringe again',
        'I keep thinking about the holiday, roll on August',
        "Dad's been thinking about death duties and sorting his pension",
        'our practice ran a suicide awareness walk on Sunday, well done all',
        'the nurse asked whether I had thought about hurting myself and I said no',
        'sick of living in this damp flat, the council will not help',
        'no way out of the new car park, the barrier is stuck',
        'nobody would care if I was ten minutes late, surely',
        'I want to sleep for a week after this',
      ],
      'harm_indication',
      false,
    );
  });

  it('names its rule and the matched span as offsets into the original text', () => {
    const text = "Honestly can't keep myself safe today. Sorry.";
    const finding = classify(text, CONTEXT).categories.find((c) => c.id === 'harm_indication');
    const evidence = finding?.evidence.find((e) => e.ruleId === 'harm_indication.safety');
    expect(evidence).toBeDefined();
    expect(evidence?.excerpt).toBe("can't keep myself safe");
    expect(text.slice(evidence?.start, evidence?.end)).toBe(evidence?.excerpt);
  });
});

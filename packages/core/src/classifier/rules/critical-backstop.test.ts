import { describe, expect, it } from 'vitest';
import { classify } from '../classify.js';
import { CONTEXT, has } from '../test-helpers.js';

const backstopRules = (text: string): string[] =>
  classify(text, CONTEXT)
    .categories.flatMap((c) => c.evidence.map((e) => e.ruleId))
    .filter((id) => id.includes('.backstop_'));

describe('critical backstop: harm to self', () => {
  it('flags settling affairs, goodbyes and notes left behind, phrased in new ways', () => {
    for (const text of [
      'Rehomed both cats with my cousin and sorted the funeral plan paperwork. All tidy now.',
      'Left a note for my partner on the kitchen table. She will understand one day.',
      'Finally sorted my will out today. Thank you for everything, all of you.',
      'six week wait for counselling lol. I wont need it by then',
    ]) {
      expect(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('flags method, quantities and stopping life-saving medication', () => {
    for (const text of [
      'been saving up my tramadol for a couple of months now. nearly got enough',
      'keep going back to the railway bridge at night. nobody would notice if I went',
      'binned my insulin this morning. lets see if anyone notices',
      'how many paracetamol would it take, asking for me',
      'got 45 zopiclone stashed in the bathroom',
      'ordered a rope online. dont ask.',
      'cleared out my flat and paid off my debts. nothing left to sort.',
    ]) {
      expect(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('flags eating-disorder signs and self-harm', () => {
    expect(
      has('day 4 with nothing but water. want to see how far I can push it #edtwt', 'harm_indication'),
    ).toBe(true);
    expect(has('started cutting myself again after the appointment', 'harm_indication')).toBe(true);
  });

  it('names its rule and the span it matched, as offsets into the original text', () => {
    const text = 'Rehomed the dog and sorted the insurance. Thank you for everything x';
    const finding = classify(text, CONTEXT).categories.find((c) => c.id === 'harm_indication');
    expect(finding).toBeDefined();
    for (const e of finding?.evidence ?? []) {
      expect(e.ruleId).toMatch(/^harm_indication\./);
      expect(text.slice(e.start, e.end)).toBe(e.excerpt);
    }
    expect(backstopRules(text)).toContain('harm_indication.backstop_giveaway');
  });

  it('stays quiet on context alone and on figurative death talk', () => {
    for (const text of [
      'picked up my sertraline from the pharmacy, took ages',
      'walked over the bridge to the surgery for my depression review',
      'GP says I can stop taking the tablets after the course',
      'this queue is killing me, could murder a coffee',
      'dying to see the new baby, congrats to Bethany',
      'sorted my car insurance today, what a faff',
      'cleared out my dads flat after he moved into the care home',
      'been on diazepam for my back for a month, is that too long?',
      'so tired of waiting on hold every morning',
    ]) {
      expect(has(text, 'harm_indication'), text).toBe(false);
    }
  });
});

describe('critical backstop: someone else at risk', () => {
  it('flags a child, partner or older person with two signs of risk, or one sign and fear or a plea', () => {
    for (const text of [
      'the boy upstairs is only 9 and he is always asking us for food, his dad is gone for days',
      'a girl about 14 from our street keeps getting picked up by older men, always has new phones and cash',
      'my sister’s boyfriend goes through her phone and has her bank card. she is frightened of him',
      'my gran has dementia and nobody has seen her for a week, her post is piling up behind the door',
    ]) {
      expect(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('needs more than one weak sign', () => {
    expect(has('my son has a bruise from football', 'harm_indication')).toBe(false);
    expect(has('nan has dementia and the carer is lovely', 'harm_indication')).toBe(false);
  });
});

describe('critical backstop: threats', () => {
  it('flags veiled harm and surveillance of staff', () => {
    for (const text of [
      'I know which house is Dean Harpers. Nice garden. Would be a pity.',
      'Chloe leaves at six on Fridays, last one out of the car park. I have checked.',
      'someone at Millbrook will pay for this. Mark my words.',
      'the nurse wants to hope she never runs into me on a dark night',
    ]) {
      expect(has(text, 'threat'), text).toBe(true);
    }
  });

  it('flags premises, gatherings and violence emoji beside staff or the practice', () => {
    for (const text of [
      'Millbrook Surgery would burn nicely with a jerry can of petrol',
      'answer the phones or me and a few of my mates are coming down',
      'the receptionist 🔪',
      'Big Kev better watch it 🔨🔨',
      'Dr Marsh finishes her Tuesday clinic at 7 and walks to the station alone. I have noticed.',
      'cross me again and that receptionist will need a new face',
      'next time I am bringing something sharp to my appointment',
      'my cousin just got out of prison and he has heard all about Chloe',
    ]) {
      expect(has(text, 'threat'), text).toBe(true);
    }
  });

  it('keeps figurative violence and praise out', () => {
    for (const text of [
      'Dr Mensah smashed it today, absolute legend 🔥🔥',
      'this cough is killing me, could murder a coffee',
      'the receptionist put me through to the nurse straight away',
      'Bomb service at Millbrook ngl 💣',
      'which car park do I use for the flu clinic?',
      'Dr Marsh finishes at 6 so book before then',
      'I would love five minutes with the practice manager to discuss parking',
      'bringing something sweet for the reception team on Friday',
      'dying to see the new building, looks amazing',
    ]) {
      expect(has(text, 'threat'), text).toBe(false);
    }
  });

  it('stays linear on a large adversarial text', () => {
    const text = 'I know which car park 🔪 the receptionist leaves at closing. '.repeat(2000);
    const result = classify(text, CONTEXT);
    expect(result.categories.some((c) => c.id === 'threat')).toBe(true);
  });
});

describe('critical backstop: someone else at risk, phrased in new ways', () => {
  it('one strong sign beside a vulnerable subject is enough', () => {
    for (const text of [
      'The twins upstairs (aged 5) get left by themselves for hours while she goes out',
      "My grandad's carers haven't turned up since Monday and he can't get out of his chair",
      'nanna keeps wandering off down the main road in her nightie',
      'Heard a little one crying "no mummy" over and over next door',
      "My 13 year old's new friend online is 27 and keeps asking to meet up",
      'Our nan (87) was found lying on the bathroom floor by the postman',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('two weaker signs count even when they are of the same kind', () => {
    expect(has('The boy from number 9 never has a coat and is always starving', 'harm_indication')).toBe(
      true,
    );
  });

  it('a slip after counted abstinence, a goodbye then silence, calm after giving things away', () => {
    for (const text of [
      'Four months sober and I relapsed tonight',
      'She posted a goodbye video and her phone has been off since',
      'Gave my guitar and my books away this week. Feel lighter than I have in years.',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('late hours, food from bins, an underdressed child, a house signed over', () => {
    for (const text of [
      'The little girl upstairs (6) was on the landing at 1am, her dad passed out inside',
      'Kids on our street are searching for food in the bins behind the chippy',
      "Grandma's new lodger got her to sign the bungalow over to him. She is 86 and confused.",
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('an unconscious parent and empty packets, a child asked for photos, a teenager missing with a note', () => {
    for (const text of [
      "Dad won't wake up and there are empty tablet packets on the floor",
      'A man on fortnite has been chatting to my 12 year old and asking her for selfies',
      'My 16 year old has gone missing and left a letter for me',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('watching a house unnoticed, tick tock, bringing tools, the pills ready, black eyes explained away', () => {
    for (const text of [
      "Been parked outside Dr Marsh's house most evenings. She hasn't clocked me yet.",
      'You know what I am like when I am wound up, Millbrook. Tick tock.',
    ]) {
      expect.soft(has(text, 'threat'), text).toBe(true);
    }
    for (const text of [
      'Nobody listens. I have the tablets ready.',
      "My friend's fella gives her black eyes and she says she tripped",
      'I am on the top of the multi storey and cannot think straight',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('an old person alone with nobody, a resident left wet and unfed', () => {
    for (const text of [
      "Mr Price at the end of the road hasn't answered the door in a week. He's 90 and has no family.",
      'Every time we visit, my great aunt in the home is soaked and has not been fed',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(has('My great aunt is 90, has no family nearby, and loves her bingo', 'harm_indication')).toBe(
      false,
    );
  });

  it('long sleeves in a heatwave beside razors, driving past the water, savings sent to a man online', () => {
    for (const text of [
      'my son hides his razors and wears long sleeves even when it is hot',
      'I keep walking up to the canal at night',
      'Nan (84) has sent her savings to a man she met on facebook',
      'the girl next door is always bruised and flinches when anyone shouts',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(has('walked past the canal on the way to the surgery, lovely day', 'harm_indication')).toBe(false);
  });

  it('handing things out and thanking everyone, the courage, a baby crying non stop alone, an elder whose meds sit uncollected', () => {
    for (const text of [
      'Been handing out all my things to mates. Thank you for everything, all of you.',
      'The rope is in the garage, I just need to find the nerve',
      'baby upstairs has been crying non stop and the mum went out hours ago',
      "Nan's tablets haven't been collected for a fortnight and nobody has seen her",
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
  });

  it('a note written and an empty house awaited, an elder cut off by a carer who moved in', () => {
    for (const text of [
      "Everything's sorted. Note is written. Just waiting for the flat to be quiet.",
      "My gran's new carer won't let her see us and has moved into her bungalow",
      'the lad next door wears the same dirty clothes every day and asks us for crisps',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(true);
    }
    expect(
      has("Thanks for trying Dr Marsh, it wasn't your fault the op got cancelled", 'harm_indication'),
    ).toBe(false);
  });

  it("a list of names worked through, a manager's house, children alone all night", () => {
    expect
      .soft(has("I've got a list of names from Millbrook and I'm working through the list", 'threat'))
      .toBe(true);
    expect.soft(has("The practice manager's house is the big one on Elm Road isn't it", 'threat')).toBe(true);
    expect
      .soft(has('The twins upstairs were alone all night and the baby was screaming', 'harm_indication'))
      .toBe(true);
  });

  it('stays quiet on ordinary family news and sobriety milestones', () => {
    for (const text of [
      'Our nan (92) still does the crossword every morning',
      'Two years sober today, thank you to everyone at the surgery',
      'my little girl kept wandering off at the fair, nightmare',
      'gave my old sofa away on facebook, feel so much lighter',
      'slipped on the ice outside the surgery, need painkillers',
      'My daughter is 14 and her cousin is 24, they are very close',
      'my little one keeps hitting her brother, is there a parenting course?',
      'The mum over the road yells at her kids every morning on the school run, we all do haha',
    ]) {
      expect.soft(has(text, 'harm_indication'), text).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('misinformation', () => {
  it('flags vaccine harm and device claims (misinformation.vaccine_harm)', () => {
    expect(rulesOf('the MMR jab gives kids autism')).toContain('misinformation.vaccine_harm');
    expect(has('covid vaccines contain microchips', 'misinformation')).toBe(true);
  });

  it('flags miracle cures (misinformation.cure_claim)', () => {
    expect(rulesOf('garlic and honey cured her cancer')).toContain('misinformation.cure_claim');
  });

  it('flags antibiotics for viruses, even across sentences (misinformation.antibiotics_for_viruses)', () => {
    expect(rulesOf('antibiotics clear a cold in a day')).toContain('misinformation.antibiotics_for_viruses');
    expect(
      has('Wanted antibiotics for my flu. Everyone knows they clear it up faster.', 'misinformation'),
    ).toBe(true);
  });

  it('flags myth claims and the conspiracy register', () => {
    expect(rulesOf('depression is a myth invented for profit')).toContain('misinformation.myth_claim');
    expect(rulesOf('your GP works for big pharma')).toContain('misinformation.conspiracy_register');
  });

  it('does not flag a rebuttal or accurate information', () => {
    expect(has('People keep saying vaccines cause autism. It has been debunked.', 'misinformation')).toBe(
      false,
    );
    expect(has("antibiotics don't work on colds, they are viruses", 'misinformation')).toBe(false);
    expect(has('my chest infection cleared up with the antibiotics', 'misinformation')).toBe(false);
    expect(
      has('People saying the flu jab gives you flu is nonsense, it is inactivated', 'misinformation'),
    ).toBe(false);
  });

  it('is not silenced by "they say": a claim reported as what they say is still the claim', () => {
    expect(has('They say the jab is safe but it gave me flu and it causes autism', 'misinformation')).toBe(
      true,
    );
  });
});

describe('misinformation beyond vaccines', () => {
  it('flags medicine-harm myths, DNA claims, kitchen cures and conditions explained away', () => {
    for (const text of [
      'HRT gives loads of women breast cancer, look it up',
      'the new covid booster alters your DNA permanently',
      'anxiety is just a lack of vitamin B, sort your diet',
      'antidepressants are a scam to keep you hooked',
      'the shingles jab gives you shingles, my aunt got it straight after',
      'vaccines cause autism and the surgery won’t give you the truth',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag a correction of a myth', () => {
    for (const text of [
      'Reminder: the covid jab can’t give you covid, there is no live virus in it',
      'It’s a myth that statins cause memory loss, ask your pharmacist',
      'my gran had a stroke in hospital last year',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: more families — antibiotics for every infection, screening and STI myths, denial, masts, vaccine-harm vocabulary, advice against', () => {
  it('flags every infection said to need antibiotics', () => {
    for (const text of []) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('flags screening and sexual health myths', () => {
    for (const text of [
      'No woman needs smears if she is married and faithful',
      'Mammograms are pointless and they spread the cancer anyway',
      'sugar feeds cancer so the chemo is a waste of time',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('flags denial of conditions and causes, and masts blamed for illness', () => {
    for (const text of [
      "depression doesn't exist, just get outside more",
      'HIV does not cause AIDS, look into it',
      'the wifi booster in the waiting room is the reason my kids get headaches',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('flags the vaccine-harm vocabulary and vaccine excess deaths', () => {
    for (const text of [
      'my neighbour got turbo cancer three months after his booster',
      'so many deaths since the booster rollout and nobody asks why',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('flags advice against vaccines or screening at the start of a sentence, with the subject in the post', () => {
    for (const text of [
      'The smear nurse is back. Do not let them pressure you into it, it is your body',
      'Flu jabs are on again. Refuse the jab, your immune system is enough',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag corrections, encouragement, questions or the same verbs used for other things', () => {
    for (const text of [
      'Just to be clear, the booster does not alter your DNA, ask the pharmacist',
      "Don't let your kids miss their MMR, measles is back in town",
      "Don't let them put you off the flu jab, it's safe and free",
      'I declined the flu jab this year because I had a reaction last time',
      'My chest infection needed antibiotics in the end, the GP was right to wait and see',
      "Do you need a smear test if you've had a hysterectomy? Asking for my mum",
      'The excess deaths this winter were down to the flu, says the news',
      "Don't let them fob you off, insist on seeing a GP about your mole",
      'The 5G mast on the roof is why my phone signal is so good now',
      'Please don’t skip your jab, it protects the vulnerable',
      "You can't get chlamydia from a toilet seat, but do get tested if you're worried",
      "ADHD is real and my son's meds have changed his life",
      'Avoid the surgery car park on Tuesday, the jab clinic is rammed',
      'HIV does cause AIDS if untreated, please get tested',
      'Time to dispel the myth that statins cause dementia, ask your pharmacist',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: untested vaccines, caused-by claims, covid denied, medicines called poison, fever and masks', () => {
  it('flags each family in new words', () => {
    for (const text of [
      'the RSV jab has never even been tested on pregnant women',
      'my nephew’s ADHD was brought on by his baby jabs',
      'coronavirus was only a cold, they scared everyone for nothing',
      'insulin is poison, I control mine with cinnamon',
      'paracetamol stops your immune system fighting the bug',
      'face masks cut the oxygen to kids’ brains',
      'they put fluoride in the tap water to keep people compliant',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag accurate mentions of the same things', () => {
    for (const text of [
      'The vaccine was tested on thousands of people before it was approved',
      'Masks are optional in the waiting room from Monday',
      'Autism assessment was brought forward by the GP, so grateful',
      'Statins are working well for me, cholesterol down',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: "more dangerous than", diet cures, money-maker treatments, infertility claims', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the measles jab is more harmful than measles itself',
      'my type 2 diabetes was reversed by keto, bin the metformin',
      'chemo is all about profit, nothing else',
      'the coil leaves women infertile, mine did',
      'the booster has killed more people than the virus',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag accurate statements with the same shapes', () => {
    for (const text of [
      'My arthritis is managed with diet and the meds the GP gave me',
      'Smoking kills more people than road accidents',
      'The pill made me moody so I switched to the coil',
      'these tablets are known to make you sick, take them with food',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: everyday medicines blamed, cholesterol denied, "no need for" treatment, sun cures', () => {
  it('flags each in new words', () => {
    for (const text of [
      'Calpol in pregnancy gives babies ADHD, look it up',
      "cholesterol isn't harmful at all, it's the sugar",
      'unjabbed kids are healthier, the vaccinated ones are sicker every winter',
      'sunshine heals eczema better than any steroid cream',
      'do not bother getting the booster, it does nothing',
      'no need for inhalers if you do the breathing method',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag ordinary advice with the same words', () => {
    for (const text of [
      'The GP said no need for antibiotics, it is viral',
      'Sunshine makes me feel better, vitamin D is good',
      'Paracetamol is fine in pregnancy according to my midwife',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: vaccines said to spread disease or do more harm, phones and tumours, advice against giving children vaccines', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the nasal spray vaccine spreads the virus round the whole class',
      'the MMR does more damage than measles ever did',
      'bluetooth earbuds cause brain tumours, bin them',
      'Never give your baby the rotavirus vaccine, it is not needed',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag accurate talk about the same things', () => {
    for (const text of [
      'My phone gave me a headache from staring at it all day',
      'The nasal flu vaccine is a spray, no needle, my son loved it',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: pox parties, "better than the vaccine", prevention claims, mouldy bread', () => {
  it('flags each in new words', () => {
    for (const text of [
      'chickenpox parties are the way to go, natural immunity lasts for life',
      'catching it naturally is safer than the vaccine',
      'mouldy fruit has penicillin in it so you can skip the antibiotics',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag a party or a comparison of services', () => {
    for (const text of [
      'Kids party at the surgery for the new garden, lovely',
      'Booking online is better than the phone queue',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: bioweapon jabs, STIs clearing themselves, pregnancy jabs and defects, kitchen cures for headaches', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the new booster is part of a depopulation plan',
      'gonorrhoea goes away on its own, no need for the clinic',
      'Skip the RSV jab in pregnancy, it causes stillbirths',
      'onion on your feet cures a headache overnight',
      'microwaved food gives you cancer, my gran never used one',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag a queue skipped or a headache that went away', () => {
    for (const text of [
      'Skip the queue and book your booster online',
      'My headache went away on its own after a sleep',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: treatment that worked, and medical advice reported', () => {
  it('does not flag beating cancer with chemo, or a GP saying statins are not needed', () => {
    for (const text of [
      'My mum beat breast cancer with chemo and radiotherapy, thank you to the nurses',
      "The GP said my cholesterol is fine and I don't need statins",
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
    expect(has('my uncle beat his cancer with a vegan diet and turmeric, no chemo', 'misinformation')).toBe(
      true,
    );
  });
});

describe('misinformation: "jab = poison", antibiotics for everything', () => {
  it('flags each, not a poison warning', () => {
    expect(has('booster = toxic. stay natural.', 'misinformation')).toBe(true);
    expect(has('amoxicillin fixes anything, just demand it', 'misinformation')).toBe(true);
    expect(has('keep the bleach away from the kids, it is poison', 'misinformation')).toBe(false);
  });
});

describe('misinformation: screening as a con, immune overload, parasites and cleanses, antibiotics at the first sign, hidden harms', () => {
  it('flags each in new words', () => {
    for (const text of [
      'cervical screening is a big con',
      'the bowel kits are for harvesting your DNA',
      'six jabs at once overwhelms a baby’s immune system',
      'diabetes is caused by parasites, a cleanse fixes it',
      'start amoxicillin at the first signs of a sniffle',
      'stop the antibiotics until you feel better, no need to finish',
      'the flu jab never works, so why bother',
      'zinc supplements stop you getting colds, never ill now',
      'GPs hide the side effects of the pill',
      'the wifi router in the classroom is giving the kids cancer',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(true);
    }
  });

  it('does not flag true statements with the same words', () => {
    for (const text of [
      "the covid vaccine doesn't work as well against new variants, so get the booster",
      'Hand washing prevents you catching colds, wash those hands',
      'they hid the results letter in the wrong folder, took ages to find',
      'The antibiotics worked until I felt better then it came back',
    ]) {
      expect(has(text, 'misinformation'), text).toBe(false);
    }
  });
});

describe('misinformation: raw milk cures, "the jab has the flu in it"', () => {
  it('flags each, not the accurate description', () => {
    expect(has('raw milk heals eczema, ditch the creams', 'misinformation')).toBe(true);
    expect(has('the flu jab has the virus in it so you always catch it', 'misinformation')).toBe(true);
    expect(has('the flu jab has no live virus in it, you cannot catch flu from it', 'misinformation')).toBe(
      false,
    );
  });
});

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
    expect(rulesOf('Dr Mensah is a known drunk and still sees patients')).toContain('defamatory.misconduct');
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
      'the manager pushed an elderly man into the wall, that is assault',
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

describe('defamatory: corruption, gaming the figures, fake credentials, unsafe practice, records for sport', () => {
  it('flags kickbacks from drug firms and public money drawn while working elsewhere', () => {
    for (const text of [
      'the practice nurse gets her skiing trips funded by a drug company',
      'Dr Mensah is in bed with the drug companies, that is why he pushes that inhaler',
      'she is collecting a full NHS salary and doing private work on practice time',
      'the GP still gets paid for a full week and spends Fridays at his other job',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('flags gaming targets and registers, medicines sold on, and destroyed requests', () => {
    for (const text of [
      'they cancel the long waiters to hit their targets, everyone knows',
      'the receptionist is flogging diazepam to her mates for a tenner',
      'staff destroy the repeat requests if they are too busy',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('flags fake credentials, unsafe practice, records read for sport, lies to the regulator, neglect', () => {
    for (const text of [
      'Dr Mensah faked his degree, he is not a real doctor',
      'the manager lied to the inspectors about the fridge temperatures',
      'that surgery neglects its elderly patients, they just leave them',
      'Millbrook are a bunch of crooks',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag the same words in news, films, other businesses, accidents or ordinary talk', () => {
    for (const text of [
      'The vets were bribed according to the news, nothing to do with the surgery',
      'The council is corrupt, the bins have not been emptied for weeks',
      'A newspaper says a GP in Kent lied to the CQC, glad ours is honest',
      "It's that film about a fake doctor, anyone seen it?",
      'My dad took a holiday paid for by his company and came back with a cough',
      'I was marked as a DNA by mistake when I was sat there, they fixed it straight away',
      "We're all working hard to hit our vaccination targets this winter, book your jab",
      'They read out my results over the phone, very helpful',
      'The nurse was brilliant at reading my results, we even had a laugh about my cholesterol',
      'Boots have sold out of Ozempic again',
      'The GP said I was fine to reuse my inhaler spacer',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: an allegation repeated to refute it', () => {
  it('does not flag an allegation the post calls untrue', () => {
    for (const text of [
      'Someone in the group said Dr Marsh is a fraud. Not true, best GP we have had',
      'People claiming the surgery fiddles its figures, that is rubbish, they have been great',
      'Stop spreading lies that reception bins prescription requests',
      'How dare anyone say Dr Mensah was drunk at work, he does not even drink',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });

  it('still flags an allegation passed on as true', () => {
    for (const text of [
      'my mate said the receptionists bin repeat requests when they are busy',
      'Dr Mensah fiddled the QOF figures, some of the staff said so',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });
});

describe('defamatory: queue-jumping for cash, notes sold, the dead kept on the books, harassment hushed up', () => {
  it('flags each family in new words', () => {
    for (const text of [
      'the manager takes cash payments to bump people up the waiting list',
      'Dr Marsh signs fit notes for a tenner, ask anyone on the estate',
      'they leave dead patients on the register for years after they died to get paid',
      'the partner groped a nurse and the practice swept it under the carpet',
      'that HCA is dealing coke out of the staff room',
      'reception bins letters from patients they do not like',
      'someone at the surgery stole from the charity collection',
      'the surgery bills the ICB for reviews it never did',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag the author’s own queue-jumping, their own registration, or budgets', () => {
    for (const text of [
      'I paid to jump the queue with a private GP, worth every penny',
      'The surgery kept me on the list after I moved, had to ring to leave',
      'The practice is taking money off its budget for the new roof',
      'Someone stole from my car outside the surgery, check your CCTV please',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: paid per script, lies at an inquest, letting someone die, drink on duty, forged signatures', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the GP earns money on every prescription she writes, that is why we are all on six tablets',
      'the manager lied under oath at the tribunal',
      'they let my nan die because she was 90',
      'that nurse is a functioning alcoholic and still treats patients',
      'someone at reception forged my husband’s signature on the form',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag true or kindly meant statements with the same words', () => {
    for (const text of [
      "GPs get paid per patient on their list, that's how funding works",
      'Nurse Cole was a witness at the inquest and was brilliant',
      'My dad is a recovering alcoholic and the GP has been amazing',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: deliberate misdiagnosis, complaints hidden from the regulator, affairs, theft of medicines', () => {
  it('flags each in new words', () => {
    for (const text of [
      'they delayed my mum’s referral deliberately to keep their numbers down',
      'the practice hid the complaints from the inspectors',
      'the manager is sleeping with one of the GPs',
      'that HCA stole patients’ morphine from the fridge',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag a delay or a cancellation with no intent alleged', () => {
    for (const text of [
      'they delayed my referral because of the strike, fair enough',
      'The receptionist cancelled my appointment by mistake and rebooked it',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: claims for people who do not exist, skimming, refusing patients by race, and reports vs "reported me"', () => {
  it('flags each in new words', () => {
    for (const text of [
      'the practice bills for home visits to patients that dont exist',
      'the dispenser is skimming tablets off every dosette box',
      'they refuse to register Roma families, I know for a fact',
      'the nurse reported me to the police out of nothing and lied about my son',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag an allegation the news reports', () => {
    expect(has('It was reported that a surgery in Leeds fiddled its figures', 'defamatory')).toBe(false);
  });
});

describe('defamatory: out-of-date stock given knowingly, unqualified staff, data sold, bullying staff, drunk on duty', () => {
  it('flags each in new words', () => {
    for (const text of [
      'they are injecting kids with vaccines that are out of date',
      'the surgery knowingly hired untrained staff to cut costs',
      'Millbrook sell your details to insurance firms',
      'the practice manager bullies receptionists until they leave',
      'the locum was hungover while he examined my daughter',
      'they let an old man die on the floor of the waiting room',
      'they overcharge patients for letters and pocket the fees',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag the same words about the author or ordinary things', () => {
    for (const text of [
      'My travel jabs have expired, need boosters before Spain',
      'They are still using an out of date phone system, so frustrating',
      'Stop bullying patients into using the app, some of us are old',
      'My daughter was high as a kite after the anaesthetic, so funny',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: scripts for people never seen, cash for notes, records falsified, details leaked to an ex', () => {
  it('flags each in new words', () => {
    for (const text of [
      'Dr Marsh signs off scripts for people she has never even examined',
      'the locum accepts cash for sick notes',
      'the surgery fraudulently logged my mum as a no-show',
      'the receptionist passed my new address to my ex, on purpose',
      'someone at the practice leaked my test results to the whole estate',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag sharing with consent, or cash for a raffle', () => {
    for (const text of [
      'They passed my details to the hospital for the referral, very quick',
      'gave my number to my husband so he could ring them back',
      'the receptionist takes cash for the raffle tickets, all for charity',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: warnings about impersonators', () => {
  it('does not flag a warning that a text pretending to be the surgery is a scam', () => {
    for (const text of [
      "There's a phishing text going round saying it's from the NHS, it's a scam",
      'Someone is ringing pensioners pretending to be from the surgery asking for bank details, it is fraud',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

describe('defamatory: the practice called corrupt', () => {
  it('flags the practice or staff called corrupt, not a corrupt file', () => {
    expect(has('Millbrook surgery is totally corrupt', 'defamatory')).toBe(true);
    expect(has('the partners are bent, all of them', 'defamatory')).toBe(true);
    expect(has('the file I uploaded is corrupt, can you resend the form', 'defamatory')).toBe(false);
  });
});

describe('defamatory: conflicts of interest, practising unregistered, records destroyed, racist remarks, post binned unread', () => {
  it('flags each in new words', () => {
    for (const text of [
      'they refer everyone to that scan centre because the partners own shares in it',
      'the new "nurse" is not even registered, she is working illegally',
      'they shredded the notes after the complaint so nobody could check',
      'Dr Marsh makes sexist remarks about patients',
      'reception bins the post unopened',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(true);
    }
  });

  it('does not flag a choice of practice or a registration question', () => {
    for (const text of [
      'We chose the surgery because the doctors run it so well',
      'Is the new nurse practitioner registered to do smears yet?',
    ]) {
      expect(has(text, 'defamatory'), text).toBe(false);
    }
  });
});

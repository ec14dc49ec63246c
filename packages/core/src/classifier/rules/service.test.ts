import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('complaint', () => {
  it('flags dissatisfaction and access problems', () => {
    expect(rulesOf('Absolutely disgraceful service')).toContain('complaint.dissatisfaction');
    expect(rulesOf('45 minutes on hold at the surgery again')).toContain('complaint.access');
    expect(rulesOf('Fed up of the surgery never calling back')).toContain('complaint.frustration');
  });

  it('needs the practice in view for weaker frustration, and respects "nothing to complain about"', () => {
    expect(has('fed up of this weather', 'complaint')).toBe(false);
    expect(has('Quick appointment, nothing to complain about at the surgery', 'complaint')).toBe(false);
  });

  it('treats abuse aimed at the practice or its staff as a complaint (complaint.abuse_of_service)', () => {
    expect(rulesOf('the receptionists are useless bastards')).toContain('complaint.abuse_of_service');
  });
});

describe('appointment_request', () => {
  it('flags booking, cancelling and prescriptions asked for in the post', () => {
    expect(rulesOf('Can I book a smear test for next week?')).toContain('appointment_request.booking');
    expect(has('Please cancel my appointment on Friday', 'appointment_request')).toBe(true);
    expect(rulesOf('Could the doctor call me back about my results')).toContain(
      'appointment_request.callback',
    );
  });

  it('does not read a statement with "can" as a request', () => {
    expect(has('So the surgery can text me about flu jabs but not my results', 'appointment_request')).toBe(
      false,
    );
    expect(has('Thanks for the reminder, can someone call me back about it?', 'appointment_request')).toBe(
      true,
    );
  });

  it('does not flag a story about booking', () => {
    expect(has('I rang to cancel my appointment last week and waited ages', 'appointment_request')).toBe(
      false,
    );
  });
});

describe('enquiry', () => {
  it('flags a general question about the service', () => {
    expect(rulesOf('What are your opening hours on Saturday?')).toContain('enquiry.service_question');
    expect(rulesOf('Is there wheelchair access at the surgery?')).toContain('enquiry.question');
  });

  it('does not flag questions about something else, or asked of the group', () => {
    expect(has('Does anyone know a good plumber?', 'enquiry')).toBe(false);
    expect(has('Anyone else waiting ages for their results from the surgery?', 'enquiry')).toBe(false);
  });
});

describe('feedback', () => {
  it('flags praise and thanks about the practice', () => {
    expect(rulesOf('Huge thanks to the team at Millbrook')).toContain('feedback.thanks');
    expect(rulesOf('The nurse was so kind to my son')).toContain('feedback.praise');
  });

  it('leaves another business alone (service.other_business)', () => {
    expect(has('The receptionist at the garage was so rude, never again', 'complaint')).toBe(false);
    expect(has('Our vet surgery is brilliant, they saved our dog', 'feedback')).toBe(false);
    expect(has('The GP told me to see a dentist about my jaw. Absolutely useless.', 'complaint')).toBe(true);
  });

  it('takes a plain "thank you" as feedback, but not on a request, a complaint, "thank god" or "no thanks"', () => {
    expect(rulesOf('Thank you Millbrook, my dad is back on his feet')).toContain('feedback.bare_thanks');
    expect(has('thank god I work from home', 'feedback')).toBe(false);
    expect(has('A locum at the surgery? No thanks', 'feedback')).toBe(false);
    expect(has('Still no reply from the surgery after 3 weeks. Thank you so much', 'feedback')).toBe(false);
  });

  it('does not flag praise of something else, or a bare "thanks" on a request', () => {
    expect(has('The concert last night was brilliant', 'feedback')).toBe(false);
    expect(has('Can someone ring me about my repeat prescription? Thanks', 'feedback')).toBe(false);
  });
});

describe('service: generalising kinds', () => {
  it('reads a story about staff that ends in a verdict, a formal letter, or a chased delay as a complaint', () => {
    for (const text of [
      'The receptionist told my mum she was wasting everyone’s time. Outrageous.',
      'Dr Mensah shrugged and walked off mid-sentence. The cheek of it.',
      'Dr Marsh rolled her eyes at me and left. The audacity.',
      'I am writing to express my concerns about how my father was discharged by the practice.',
      'Still no call from the surgery about my scan results and it’s been three weeks.',
      'The online form at the surgery keeps crashing every time I try.',
      'Lovely data protection at the surgery, leaving letters on the counter.',
    ]) {
      expect(has(text, 'complaint'), text).toBe(true);
    }
  });

  it('does not read kind treatment as a complaint', () => {
    expect(has('The nurses at the surgery treated my gran like family', 'complaint')).toBe(false);
    expect(has('Lovely day at the beach. The cheek of these seagulls!', 'complaint')).toBe(false);
    expect(has('The nurses at the surgery were incredible.', 'complaint')).toBe(false);
    expect(has('Saw the GP at the surgery about the nerve pain in my foot', 'complaint')).toBe(false);
  });

  it('reads a message passed to a named clinician, or a document to be sent, as an appointment request', () => {
    for (const text of [
      'Could someone ask Dr Marsh to check my repeat? It seems to have been stopped',
      'Please tell Chloe I can’t make my smear on Monday, could she do Wednesday instead',
      'Can Dr Mensah send my sick note over before Friday?',
      'I need my inhaler prescription sorting before we go away',
    ]) {
      expect(has(text, 'appointment_request'), text).toBe(true);
    }
    expect(has('I couldn’t make the party on Friday, gutted', 'appointment_request')).toBe(false);
  });

  it('knows informal praise, also alongside a complaint', () => {
    for (const text of [
      'Dr Marsh is a proper decent lady, sorted me right out',
      'Nurse Cole has been an absolute rock to my family',
      'Thank you from the bottom of our hearts to the nurses at the surgery',
      'Wait was long and the phones are a nightmare, but Dr Marsh is a sound bloke',
    ]) {
      expect(has(text, 'feedback'), text).toBe(true);
    }
    expect(has('The sound from the car park bloke shouting was awful', 'feedback')).toBe(false);
  });
});

describe('complaint: grievances carried by angry posts', () => {
  it('finds the grievance in an angry post about the practice', () => {
    for (const text of [
      'Millbrook surgery better start answering the phone, I am done being nice',
      'Coming in tomorrow to discuss my complaint with the manager, face to face',
    ]) {
      expect(has(text, 'complaint'), text).toBe(true);
    }
  });

  it('does not read a resolved complaint as a new one', () => {
    expect(has('The manager rang me after my complaint and sorted everything. Thank you', 'complaint')).toBe(
      false,
    );
  });
});

describe('service: another business in the same clause', () => {
  it('keeps praise of the vets’ or dentist’s staff out, but not a contrast with the surgery', () => {
    expect(
      has('The vets were brilliant last night, the nurse there stayed late with our dog', 'feedback'),
    ).toBe(false);
    expect(has('The dentist was useless but the surgery were brilliant with me', 'feedback')).toBe(true);
  });
});

describe('enquiry without a question mark', () => {
  it('reads a casual question to the practice with no "?" as an enquiry', () => {
    expect(has('do you still do travel jabs at millbrook or has that stopped', 'enquiry')).toBe(true);
    expect(has('is there parking at the surgery now the works are done', 'enquiry')).toBe(true);
  });

  it('does not read a statement as one', () => {
    expect(has('can I just say the nurses at the surgery were lovely', 'enquiry')).toBe(false);
    expect(has('Is there anything better than a quiet waiting room. Lovely surgery', 'enquiry')).toBe(false);
  });
});

describe('complaint: more families of grievance', () => {
  it('reads sarcasm as a one-word verdict after a grievance (complaint.sarcasm)', () => {
    expect(rulesOf('Surgery heating broken again, nobody fixing it. Marvellous.')).toContain(
      'complaint.sarcasm',
    );
    expect(has('Two hours in the waiting room without a word from reception. Brilliant.', 'complaint')).toBe(
      true,
    );
    // a verdict after plain praise is praise
    expect(has('Nurse did my jab in seconds. Brilliant.', 'complaint')).toBe(false);
    expect(has('The nurse was so gentle, no fuss at all. Brilliant.', 'complaint')).toBe(false);
    expect(has('The nurse was so gentle, no fuss at all. Brilliant.', 'feedback')).toBe(true);
  });

  it('knows where complaints go and what people want done to staff', () => {
    for (const text of [
      'that receptionist wants reporting',
      'the locum should be struck off',
      'Dr Marsh should not be allowed near children',
      'my solicitor’s letter goes to the practice tomorrow',
    ]) {
      expect(has(text, 'complaint'), text).toBe(true);
    }
    expect(has('me and my pals went to the pub', 'complaint')).toBe(false);
  });

  it('reads demands, insults of the place and dismissals as complaints', () => {
    for (const text of [
      'reply to my emails, Millbrook, it has been a month',
      'that surgery is a joke of a place',
      'GP told me my knee was just age. I am 29.',
      'I will be in my grave before I get an appointment at the surgery',
      'nobody at the surgery will explain why',
      'my mum waited a month for a call from the practice',
    ]) {
      expect(has(text, 'complaint'), text).toBe(true);
    }
    expect(has('the surgery used to be a bank', 'complaint')).toBe(false);
    expect(has('Appointment ran ten minutes late, which is fine, nurse was lovely', 'complaint')).toBe(false);
  });

  it('reads a request chasing an awaited thing as a request, not a complaint, unless the practice cannot be reached', () => {
    expect(
      has('My dad has been waiting a fortnight for his scan letter, can someone check please', 'complaint'),
    ).toBe(false);
    expect(has('Been ringing since Tuesday and nobody answers, can someone call me back', 'complaint')).toBe(
      true,
    );
  });
});

describe('appointment_request: more families', () => {
  it('reads a thing needing doing, getting someone seen, chasing or being got back to', () => {
    for (const text of [
      'could we get my daughter seen this afternoon? she has a rash',
      'can someone at Millbrook please look into my referral',
      'my repeat still has not gone to the chemist',
      'could you DM me about my letter',
      'could you prescribe me some antibiotics for my chest',
      'can Dean phone my husband back about his results',
    ]) {
      expect(has(text, 'appointment_request'), text).toBe(true);
    }
  });

  it('does not read a refusal of contact or a story as a request', () => {
    expect(has('please do not message me about this', 'appointment_request')).toBe(false);
    expect(has('the nurse needed my arm still to get the bloods', 'appointment_request')).toBe(false);
  });
});

describe('feedback: more families of praise', () => {
  it('knows verdicts, slang and specific thanks', () => {
    for (const text of [
      'cheers to the nurse who calmed my son down',
      'Dr Mensah is the only one who ever explained my asthma properly',
      'the new surgery booking app is sick ngl',
      'Dr Marsh finally took my back pain seriously',
      'I wanted to thank the team at Millbrook for everything',
      'the staff in their Halloween costumes at reception, so cute',
      'made my week, the nurse rang to check on me',
    ]) {
      expect(has(text, 'feedback'), text).toBe(true);
    }
  });

  it('does not take slang, events elsewhere or children at a clinic for praise of the practice', () => {
    expect(has('Dr Marsh killed it at the pub quiz, her team won', 'feedback')).toBe(false);
    expect(has('filmed the toddlers at the surgery baby clinic singing, so cute', 'feedback')).toBe(false);
    expect(has('the surgery never takes my back pain seriously', 'feedback')).toBe(false);
  });
});

describe('enquiry: past handles, notes and greetings', () => {
  it('reads a question after an @handle, a bracketed note or a greeting', () => {
    expect(has('@MillbrookSurgery are you closed Monday afternoon for training?', 'enquiry')).toBe(true);
    expect(has('(from the village group) Does the surgery have a hearing loop?', 'enquiry')).toBe(true);
    expect(has('Is the chippy on the high street shut Monday afternoons?', 'enquiry')).toBe(false);
  });
});

describe('service: second round of families', () => {
  it('reads treatment of family, getting things wrong, the 8am call-back and repeated ringing as complaints', () => {
    for (const text of [
      'remember how you treated my grandad, Millbrook',
      'the locum at the surgery gets everything wrong',
      'told again by the surgery to phone back at 8am',
      'rung the surgery 25 times this morning',
      'the surgery cannot even find my notes',
    ]) {
      expect(has(text, 'complaint'), text).toBe(true);
    }
    expect(has('she should not be allowed to eat so many sweets', 'complaint')).toBe(false);
  });

  it('knows more praise: "the GOAT", "didn’t even notice", wanting to say thanks', () => {
    for (const text of [
      'the HCA at Millbrook is the GOAT',
      'nurse did my jab and I did not even notice',
      'I would like to say thanks to reception for squeezing me in',
    ]) {
      expect(has(text, 'feedback'), text).toBe(true);
    }
    expect(has('the surgery garden has a goat now', 'feedback')).toBe(false);
  });
});

describe('service: general families not tied to any eval post', () => {
  it('reads being demeaned, the wrong thing given, being kept waiting and no apology as complaints', () => {
    for (const text of [
      'the pharmacist gave my dad the wrong dose',
      'kept us waiting 50 minutes at the surgery, not a single apology',
      'what a farce that surgery is',
    ]) {
      expect(has(text, 'complaint'), text).toBe(true);
    }
    expect(has('my toddler put the wrong shoe on this morning', 'complaint')).toBe(false);
  });

  it('reads asking a clinician to see someone, or a home visit, as a request', () => {
    expect(has('could a doctor look at my son’s rash today', 'appointment_request')).toBe(true);
    expect(has('home visit please for my nan, she cannot get out', 'appointment_request')).toBe(true);
    expect(has('Mum has waited weeks to get a home visit, shambles', 'appointment_request')).toBe(false);
  });

  it('knows more ways of praising care', () => {
    for (const text of [
      'the nurse put my daughter at ease straight away',
      'Dr Marsh made me feel listened to for once',
      'keep up the great work Millbrook',
      'nothing was too much trouble for the reception team',
      'the surgery saved my dad’s life, spotted the sepsis',
      'really pleased with how the practice handled it',
      'a lovely experience at the surgery today',
    ]) {
      expect(has(text, 'feedback'), text).toBe(true);
    }
    expect(has('not pleased with the surgery at all', 'feedback')).toBe(false);
  });
});

describe('service: the 8am scramble, fit notes, phone appointments, "say how lovely"', () => {
  it('places a post at a GP practice by the 8am call or a fit note', () => {
    expect(has('Phoned at 8am again, 30th in the queue, gave up', 'complaint')).toBe(true);
    expect(has('Two weeks for a fit note. Ridiculous.', 'complaint')).toBe(true);
    expect(has('Phoned the chippy at 8, they were shut, ridiculous', 'complaint')).toBe(false);
  });

  it('reads a request for a phone or video appointment', () => {
    expect(has('could I book a telephone appointment with the nurse', 'appointment_request')).toBe(true);
    expect(has('I could book a table for two at the pub', 'appointment_request')).toBe(false);
  });

  it('reads "just want to say how kind …" as praise', () => {
    expect(has('just wanted to say how kind the surgery nurse was', 'feedback')).toBe(true);
    expect(has('just wanted to say how rude the surgery nurse was', 'feedback')).toBe(false);
  });
});

describe('service: text-speak, reviews and verdicts', () => {
  it('reads text-speak requests and thanks', () => {
    expect(has('can sum1 call me bk re my results plz', 'appointment_request')).toBe(true);
    expect(has('thx 2 the surgery nurse for sorting me out', 'feedback')).toBe(true);
    expect(has('they never ring me back, please sort it', 'appointment_request')).toBe(false);
  });

  it('reads review verdicts and ratings', () => {
    for (const text of [
      'GP examined me thoroughly and explained everything, cannot ask for more',
      '5/5, would recommend the practice to anyone',
      'the new surgery phone system is a huge improvement',
      'Four stars for the surgery, parking is tight',
    ]) {
      expect(has(text, 'feedback'), text).toBe(true);
    }
    expect(has('Four stars for the hotel we stayed at', 'feedback')).toBe(false);
  });

  it('reads being sent elsewhere for want of appointments as a complaint', () => {
    expect(has('ended up taking my son to A&E because no appointments at the surgery', 'complaint')).toBe(
      true,
    );
    expect(has('the whole surgery car park is an utter shambles', 'complaint')).toBe(true);
  });
});

describe('enquiry: who', () => {
  it('reads "who is …?" to the practice as an enquiry, but not a rhetorical one', () => {
    expect(has('Who is the duty doctor at the surgery today?', 'enquiry')).toBe(true);
    expect(has('Who else is fed up with the surgery?', 'enquiry')).toBe(false);
    expect(has('Who do they think they are at that surgery?', 'enquiry')).toBe(false);
    expect(has('Found a surgery appointment card in the park. Who has lost it?', 'enquiry')).toBe(false);
  });
});

describe('appointment_request: statements of what will happen', () => {
  it('does not read "I will have to rebook" as a request, but does read "I have to cancel"', () => {
    expect(
      has('the surgery ran out of slots so I will have to rebook next week', 'appointment_request'),
    ).toBe(false);
    expect(has('Sorry, I have to cancel my appointment on Monday', 'appointment_request')).toBe(true);
  });

  it('keeps a five-star verdict on one part beside a complaint about another', () => {
    expect(has('5 stars to the nurses. Zero stars for the phones.', 'feedback')).toBe(true);
  });
});

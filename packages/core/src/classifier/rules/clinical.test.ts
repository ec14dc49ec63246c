import { describe, expect, it } from 'vitest';
import { has, rulesOf } from '../test-helpers.js';

describe('clinical_disclosure', () => {
  it('flags the author’s own medical details (clinical_disclosure.own_or_family)', () => {
    expect(rulesOf('I have had tonsillitis for a week')).toContain('clinical_disclosure.own_or_family');
    expect(has('my sertraline has run out', 'clinical_disclosure')).toBe(true);
    expect(has('recovering from my appendectomy', 'clinical_disclosure')).toBe(true);
  });

  it('flags a relative’s medical details, including "he/she" after "my dad"', () => {
    expect(has('my late husband had bowel cancer', 'clinical_disclosure')).toBe(true);
    expect(has('My dad lives alone. He has dementia now.', 'clinical_disclosure')).toBe(true);
  });

  it('does not flag routine services, general health talk, or someone else’s condition', () => {
    for (const text of [
      'booking my flu jab',
      'my blood test is tomorrow',
      'waiting on my results',
      'antibiotics do not work for colds',
      'my friend has diabetes',
      'she told me she has cancer',
    ]) {
      expect(has(text, 'clinical_disclosure'), text).toBe(false);
    }
  });

  it('knows a wider general lexicon of conditions, medicines and procedures', () => {
    for (const text of [
      'been on venlafaxine for two years and it helps me',
      'my gabapentin dose got halved',
      'a cyst turned up on my ovary scan',
      'I had my coil changed last week',
      'my EpiPen ran out in the summer',
      'I need a fit note for my back',
    ]) {
      expect(has(text, 'clinical_disclosure'), text).toBe(true);
    }
  });

  it('reads "Dad", "Nan" used as names as the author’s family, but not "Mum’s friend"', () => {
    expect(has('Dad’s 79 and has a chest infection again', 'clinical_disclosure')).toBe(true);
    expect(has('Nan was rushed in with a clot on her lung', 'clinical_disclosure')).toBe(true);
    expect(has('Mum’s friend swears her arthritis went with fish oil', 'clinical_disclosure')).toBe(false);
    expect(has('his dad has gout apparently', 'clinical_disclosure')).toBe(false);
  });

  it('does not read a booking for a screening test as a disclosure', () => {
    expect(has('can I get my smear booking moved', 'clinical_disclosure')).toBe(false);
    expect(has('I’m back playing five-a-side on Sunday', 'clinical_disclosure')).toBe(false);
    expect(has('I’m back still waiting for a call', 'clinical_disclosure')).toBe(false);
    expect(has('my knee’s still swollen after the fall', 'clinical_disclosure')).toBe(true);
  });

  it('reads a dose change opening a sentence as the author’s own, but not someone else’s', () => {
    expect(has('Saw the GP again. Doubled the propranolol, no better.', 'clinical_disclosure')).toBe(true);
    expect(has('My neighbour says they doubled the propranolol for her', 'clinical_disclosure')).toBe(false);
  });

  it('names another person with an injury as patient-identifiable', () => {
    expect(
      has('saw Janet Briggs from the Co-op at the surgery with her arm all bandaged', 'patient_identifiable'),
    ).toBe(true);
  });

  it('reads the family in British usage: "our <name>", "my lad", "my 3 year old"', () => {
    expect(has('our Declan has had a rash on his legs since Friday', 'clinical_disclosure')).toBe(true);
    expect(has('my lad is asthmatic and his inhaler ran out', 'clinical_disclosure')).toBe(true);
    expect(has('my 4 year old has tonsillitis again', 'clinical_disclosure')).toBe(true);
    // someone else's lad, or "our" before a practice word, is not the author's family
    expect(has('the lad next door has tonsillitis', 'clinical_disclosure')).toBe(false);
    expect(has('Our Practice Nurse says shingles jabs are open', 'clinical_disclosure')).toBe(false);
  });

  it('does not take a kin word inside a group’s name for the author’s mum', () => {
    expect(has('A post in Bramley Mums claims fluoride causes autism', 'clinical_disclosure')).toBe(false);
    expect(has('Mum has had shingles all week', 'clinical_disclosure')).toBe(true);
  });

  it('knows organs and what went wrong with them, and a body part “with my …”', () => {
    expect(has('nursed my gran through her kidney failure', 'clinical_disclosure')).toBe(true);
    expect(has('six weeks after my heart op I am walking again', 'clinical_disclosure')).toBe(true);
    expect(has('went in about my shoulder and got physio', 'clinical_disclosure')).toBe(true);
    expect(has('the heart of the village is the market', 'clinical_disclosure')).toBe(false);
  });

  it('reads sick, cold and memory as illness only when they are', () => {
    expect(has('my daughter was sick all night', 'clinical_disclosure')).toBe(true);
    expect(has('I have got a streaming cold', 'clinical_disclosure')).toBe(true);
    expect(has('my nan has memory problems now', 'clinical_disclosure')).toBe(true);
    for (const text of [
      'the new booking app is sick, I love it',
      'I found my GP a bit cold tbh',
      'I have a long memory for rudeness',
      'we walked in memory of my uncle',
      'I had a bad time getting through to the surgery',
    ]) {
      expect(has(text, 'clinical_disclosure'), text).toBe(false);
    }
  });

  it('reads subjectless diary sentences and POV posts as the author’s own', () => {
    expect(has('Can you renew my note? Knees still swollen after the fall.', 'clinical_disclosure')).toBe(
      true,
    );
    expect(has('Bloods back today, ferritin low again so iron tablets for me', 'clinical_disclosure')).toBe(
      true,
    );
    expect(has('pov you finally get seen about your endometriosis', 'clinical_disclosure')).toBe(true);
    expect(has('you should get your endometriosis looked at', 'clinical_disclosure')).toBe(false);
  });

  it('reads one’s own medicine referred back to ("came off mine")', () => {
    expect(has('Sertraline made me numb. Came off mine in May.', 'clinical_disclosure')).toBe(true);
    expect(has('Came off mine at the next junction', 'clinical_disclosure')).toBe(false);
  });

  it('knows scans, hearing, pregnancy and blood where it should not be', () => {
    for (const text of [
      'my CT scan showed a shadow',
      'I have been waiting for my hearing aids for months',
      'I am 30 weeks pregnant and still no midwife',
      'there was blood in my wee this morning',
    ]) {
      expect(has(text, 'clinical_disclosure'), text).toBe(true);
    }
    expect(has('the pet scan machine at the hospital is new', 'clinical_disclosure')).toBe(false);
  });

  it('does not take a pet’s illness, or a cold heart, for the author’s', () => {
    expect(has('my dog has arthritis now, poor thing', 'clinical_disclosure')).toBe(false);
    expect(has('our cat was sick on the rug twice', 'clinical_disclosure')).toBe(false);
    expect(has('I got cold feet about the op', 'clinical_disclosure')).toBe(true); // the op is
    expect(has('I got cold feet about the wedding', 'clinical_disclosure')).toBe(false);
    expect(has('my dog is fine but I have a chest infection', 'clinical_disclosure')).toBe(true);
  });

  it('knows being signed off, readings with a possessive, and babies’ complaints', () => {
    for (const text of [
      'I have been signed off work for a month with my back',
      'my blood sugar’s been all over the place',
      'our little one has colic and screams all night',
      'I was signed off with anxiety in May',
    ]) {
      expect(has(text, 'clinical_disclosure'), text).toBe(true);
    }
    expect(has('my boss signed off my holiday', 'clinical_disclosure')).toBe(false);
  });
});

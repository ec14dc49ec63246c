import { describe, expect, it } from 'vitest';
import { classify } from '../classify.js';
import { has, rulesOf } from '../test-helpers.js';

const nhsConfidence = (text: string) =>
  classify(text).categories.find((c) => c.id === 'patient_identifiable')?.confidence ?? 0;

describe('patient_identifiable', () => {
  it('flags a valid NHS number with full confidence when "NHS" precedes it', () => {
    expect(rulesOf('found a form with NHS number 943 476 5919 on it')).toContain(
      'patient_identifiable.nhs_number',
    );
    expect(nhsConfidence('NHS no 9434765919 was on the bag')).toBeGreaterThanOrEqual(0.9);
  });

  it('flags a valid number without context at lower confidence, and never an invalid one', () => {
    const bare = nhsConfidence('someone dropped 943 476 5919 outside');
    expect(bare).toBeGreaterThan(0);
    expect(bare).toBeLessThan(0.9);
    expect(has('NHS number 943 476 5918', 'patient_identifiable')).toBe(false);
  });

  it('ignores order and reference numbers, and the author’s own NHS number', () => {
    expect(has('order number 9434765919 still not here', 'patient_identifiable')).toBe(false);
    expect(has('my NHS number is 943 476 5919, are my results back?', 'patient_identifiable')).toBe(false);
  });

  it('flags a named person with a condition, a date of birth or an address', () => {
    expect(rulesOf('Saw Gordon Price in the waiting room, his cancer is back')).toContain(
      'patient_identifiable.name_condition',
    );
    expect(rulesOf('Irene Booth, 12/03/1950, still has not had her letter')).toContain(
      'patient_identifiable.name_dob',
    );
    expect(rulesOf('Worried about Alice Green at 14 Mill Road')).toContain(
      'patient_identifiable.name_address',
    );
  });

  it('does not count staff, the author’s signature, or a commenter’s handle', () => {
    expect(has('Dr Helen Marsh sorted my diabetes review', 'patient_identifiable')).toBe(false);
    expect(has('My asthma is worse, please call. Mrs J. Turner', 'patient_identifiable')).toBe(false);
    expect(has('@Sandra Hill you know nothing about diabetes', 'patient_identifiable')).toBe(false);
  });
});

describe('patient_identifiable: another person with an operation, a treatment, an aid or a written-out birth date', () => {
  it('flags a named person with their operation, treatment or mobility aid', () => {
    expect(
      rulesOf('Bumped into Maureen Kaye at the chemist, she is having her knee replaced on Friday'),
    ).toContain('patient_identifiable.name_condition');
    for (const text of [
      'Mr Brannigan from the bowls club has just started dialysis, poor man',
      'spotted Mrs Okafor in reception on her crutches again',
      'Linda Wood is off for a hysterectomy next month, send her love',
    ]) {
      expect(has(text, 'patient_identifiable'), text).toBe(true);
    }
  });

  it('flags a relative named after "her name is", and a birth date written in words', () => {
    for (const text of [
      'Ringing about my dad, his name is Clive Rowe, he has been waiting for his catheter supplies',
      'Sorting repeat meds for Lorna Baxter, DOB 3rd March 1950, she lives alone',
    ]) {
      expect(has(text, 'patient_identifiable'), text).toBe(true);
    }
  });

  it('flags someone sharing a staff surname but placed elsewhere, not the member of staff', () => {
    expect(has('old Mrs Adams from the bakery is having her cataract done', 'patient_identifiable')).toBe(
      true,
    );
    expect(has('Mrs Adams from the surgery sorted my cataract referral', 'patient_identifiable')).toBe(false);
  });

  it('does not flag the author’s own detail beside someone named, or a name with no health detail', () => {
    for (const text of [
      'Had my hip replaced last month, Mrs Smith from next door drove me in',
      'Big thanks to Jean Carter for the lift to my knee op',
      'Wheelchair access at the surgery is rubbish, ask Mrs Jones',
      'Mrs Patel from the pharmacy was lovely today',
      "I'm Karen Bell and I need my oxygen prescription sorted",
    ]) {
      expect(has(text, 'patient_identifiable'), text).toBe(false);
    }
  });
});

describe('patient_identifiable: someone else’s test results', () => {
  it('flags a named person’s results, but not results in general or the author’s own', () => {
    expect(
      has(
        'the receptionist read out Mr Lowther’s positive biopsy result at the desk',
        'patient_identifiable',
      ),
    ).toBe(true);
    expect(has('Mrs Jones says the test results come back in a week', 'patient_identifiable')).toBe(false);
    expect(has('Dr Marsh gave me my blood test results, all clear', 'patient_identifiable')).toBe(false);
  });
});

describe('patient_identifiable: someone unnamed at a numbered address with a health detail', () => {
  it('flags a described person at a numbered address with their condition', () => {
    for (const text of [
      'the bloke at 7 Orchard Close is on methadone, watch your bins',
      'the family at 31 Station Road, the kid has leukaemia',
    ]) {
      expect(has(text, 'patient_identifiable'), text).toBe(true);
    }
  });

  it('does not flag the author’s own detail or a clinic at an address', () => {
    for (const text of [
      "Parcel for 22 Elm Street came here, it's my diabetes meds",
      'The new branch at 4 Mill Road has a diabetes clinic on Tuesdays',
    ]) {
      expect(has(text, 'patient_identifiable'), text).toBe(false);
    }
  });
});

describe('patient_identifiable: a reveal ("guess who…") and weight-loss surgery', () => {
  it('flags a person revealed after their detail, not a clinician named after a procedure', () => {
    expect(
      has('guess who is booked in for a gastric bypass… Tina Fox from the gym', 'patient_identifiable'),
    ).toBe(true);
    expect(has('Hip replacement by Mr Jones at the Nuffield was excellent', 'patient_identifiable')).toBe(
      false,
    );
  });
});

describe('patient_identifiable: another person’s sexual health', () => {
  it('flags a named person with an STI, not a leaflet about one', () => {
    expect(has('my ex Darren Price has got herpes, ladies beware', 'patient_identifiable')).toBe(true);
    expect(has('The chlamydia leaflets in reception are really clear', 'patient_identifiable')).toBe(false);
  });
});

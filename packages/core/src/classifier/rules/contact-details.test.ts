import { describe, expect, it } from 'vitest';
import { readPost } from '../classify.js';
import { CONTEXT, has, rulesOf } from '../test-helpers.js';
import { findUkPhoneNumbers } from './contact-details.js';

const numbers = (text: string) => findUkPhoneNumbers(readPost(text, CONTEXT).doc).map((n) => n.national);

describe('UK phone numbers', () => {
  it('reads mobiles, landlines and +44 in the ways people write them', () => {
    expect(numbers('text 07700 900123 or 07700-900-124')).toEqual(['07700900123', '07700900124']);
    expect(numbers('ring (0161) 496 0000, +44 (0)161 496 0001 or +447700900125')).toEqual([
      '01614960000',
      '01614960001',
      '07700900125',
    ]);
    expect(numbers('0300 123 4567 and 0800 123 4567')).toEqual(['03001234567', '08001234567']);
  });

  it('is not fooled by NHS numbers, long digit runs, dates or card numbers', () => {
    expect(numbers('NHS number 943 476 5919')).toEqual([]);
    expect(numbers('order 077009001234567 and card 4929 1234 5678 9012')).toEqual([]);
    expect(numbers('born 01/02/1980, seen 12.03.2024')).toEqual([]);
    expect(numbers('06123 456789 is no UK number')).toEqual([]);
  });

  it('stays linear on a long run of digits and separators', () => {
    const text = '0 '.repeat(50_000);
    const started = performance.now();
    expect(numbers(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('contact details and the policy', () => {
  it('a number beside someone else’s name is patient-identifiable; the practice’s own line is not', () => {
    expect(rulesOf('Ask Karen Pike yourself, her number is 07700 900123')).toContain(
      'patient_identifiable.name_phone',
    );
    expect(has('Millbrook Surgery: ring the surgery on 0161 496 0000 from 8am', 'patient_identifiable')).toBe(
      false,
    );
    expect(
      has('Call NHS 111 or ring the practice on 0161 496 0000, Karen Pike says', 'patient_identifiable'),
    ).toBe(false);
  });

  it('a member of staff’s personal number identifies them, and is a threat with menace', () => {
    const plain = "Kevin Lowe's mobile is 07700 900222, he's selling his bike";
    expect(rulesOf(plain)).toContain('identifies_staff.contact_details');
    expect(rulesOf(plain)).not.toContain('threat.staff_contact_details');
    expect(rulesOf("Kevin Lowe's mobile is 07700 900222. Mark my words, he'll regret it.")).toContain(
      'threat.staff_contact_details',
    );
  });

  it('a video link beside staff or the waiting room is a recording; an advice video or nhs.uk is not', () => {
    expect(rulesOf('the nurse shouting at my dad youtu.be/abc123')).toContain('recording.video_link');
    expect(rulesOf('how to use your inhaler, a guide from the nurse: youtu.be/abc123')).not.toContain(
      'recording.video_link',
    );
    expect(rulesOf('the nurse said to read nhs.uk/conditions/asthma')).not.toContain('recording.video_link');
  });
});

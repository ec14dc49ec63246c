import { describe, expect, it } from 'vitest';
import { has, ROSTER, rulesOf } from '../test-helpers.js';

describe('identifies_staff by role', () => {
  it('identifies a role only one person holds (identifies_staff.unique_role)', () => {
    expect(rulesOf('the practice manager never replied')).toContain('identifies_staff.unique_role');
    expect(has('the nurse was lovely', 'identifies_staff')).toBe(true);
  });

  it('does not identify a role several people hold, or staff in general', () => {
    expect(has('the doctor was running late', 'identifies_staff')).toBe(false);
    expect(has('the receptionists were rushed off their feet', 'identifies_staff')).toBe(false);
  });

  it('uses the roster: a second nurse makes "the nurse" ambiguous; no roster leaves only the manager', () => {
    // Rules only, like every rule test (CONTEXT): these contexts replace it.
    const twoNurses = {
      staff: [...ROSTER, { name: 'Amy Dale', role: 'practice nurse' as const }],
      rulesOnly: true,
    };
    expect(has('the nurse was lovely', 'identifies_staff', twoNurses)).toBe(false);
    expect(has('the nurse was lovely', 'identifies_staff', { rulesOnly: true })).toBe(false);
    expect(has('the practice manager was lovely', 'identifies_staff', { rulesOnly: true })).toBe(true);
  });

  it('identifies someone by description (identifies_staff.description)', () => {
    expect(rulesOf('the male receptionist was rude')).toContain('identifies_staff.description');
    expect(has('that doctor with the beard', 'identifies_staff')).toBe(true);
    expect(has('the young lad on the front desk', 'identifies_staff')).toBe(true);
  });

  it('identifies someone caught on camera (identifies_staff.recorded)', () => {
    expect(rulesOf('filmed the receptionist laughing at me')).toContain('identifies_staff.recorded');
  });

  it('identifies staff by where they sit or how they are described, not a patient at the desk', () => {
    expect(has('Snooty woman on reception again this morning', 'identifies_staff')).toBe(true);
    expect(has('the turkish nurse did my jab', 'identifies_staff')).toBe(true);
    expect(has('a woman at reception was crying', 'identifies_staff')).toBe(false);
  });

  it('reads "the <role> team / appointments" as a group or a service, not one person', () => {
    expect(has('the nurse team have been brilliant this year', 'identifies_staff')).toBe(false);
    expect(has('the nurse appointments are all gone', 'identifies_staff')).toBe(false);
    expect(has('the nurse was brilliant this year', 'identifies_staff')).toBe(true);
  });

  it('identifies a described person placed at the practice', () => {
    expect(has('the Latvian lad who answers the phones at the surgery is rude', 'identifies_staff')).toBe(
      true,
    );
    expect(has('the Polish bloke who works on reception was lovely', 'identifies_staff')).toBe(true);
    expect(has('the Polish bloke who runs the corner shop was lovely', 'identifies_staff')).toBe(false);
  });

  it('identifies a role caught in a film or photo in the same sentence, not in an audio recording', () => {
    const twoDoctors = { staff: ROSTER };
    expect(
      has(
        'videoed the queue at the surgery and the doctor walked past laughing',
        'identifies_staff',
        twoDoctors,
      ),
    ).toBe(true);
    expect(
      has('recorded my consultation so the doctor cannot deny it later', 'identifies_staff', twoDoctors),
    ).toBe(false);
  });

  it('identifies a described role opening a sentence, but not a question asking for one', () => {
    expect(has('Scottish doctor was really thorough with my dad', 'identifies_staff')).toBe(true);
    expect(has('Female doctor free on Friday?', 'identifies_staff')).toBe(false);
    expect(has('I would like a female doctor please', 'identifies_staff')).toBe(false);
  });
});

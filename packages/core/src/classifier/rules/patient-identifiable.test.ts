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

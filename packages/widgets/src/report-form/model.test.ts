import { AUTHOR_KINDS, PLATFORMS, POST_LOCATIONS } from '@policy/core';
import { MAX_POST_TEXT_LENGTH } from '@policy/core/limits';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  authorKind,
  characterCount,
  emptyFields,
  errorsFromProblem,
  fieldForPath,
  newId,
  parseLocalInput,
  type ReportFields,
  retryDelayMs,
  sniffImageType,
  staffNameList,
  toLocalInputValue,
  toReportInput,
  validate,
} from './model.js';
import { EN } from './strings.js';

const NOW = new Date(2026, 10, 25, 10, 30);

const filled = (overrides: Partial<ReportFields> = {}): ReportFields => ({
  ...emptyFields(NOW),
  platform: 'facebook',
  location: 'practice_page',
  text: 'The receptionist was rude to me again today.',
  atRisk: 'no',
  reporterName: 'Sam Jones',
  ...overrides,
});

describe('validate', () => {
  it('accepts a minimal report', () => {
    expect(validate(filled(), EN, NOW)).toEqual([]);
  });

  it('names every missing required answer, in the order the form asks them', () => {
    const errors = validate(emptyFields(NOW), EN, NOW);
    expect(errors.map((error) => error.field)).toEqual([
      'atRisk',
      'platform',
      'location',
      'text',
      'reporterName',
    ]);
    expect(errors.every((error) => error.message.length > 0)).toBe(true);
  });

  it('treats whitespace-only text and names as missing', () => {
    const errors = validate(filled({ text: '  \n ', reporterName: '   ' }), EN, NOW);
    expect(errors.map((error) => error.field)).toEqual(['text', 'reporterName']);
  });

  it('refuses a link that is not a web address, but not an empty one', () => {
    expect(validate(filled({ postUrl: 'javascript:alert(1)' }), EN, NOW).map((e) => e.field)).toEqual([
      'postUrl',
    ]);
    expect(validate(filled({ postUrl: 'facebook post' }), EN, NOW).map((e) => e.field)).toEqual(['postUrl']);
    expect(validate(filled({ postUrl: 'https://www.facebook.com/groups/1/posts/2' }), EN, NOW)).toEqual([]);
  });

  it('refuses a time in the future beyond clock skew, and impossible dates', () => {
    const later = toLocalInputValue(new Date(NOW.getTime() + 60 * 60 * 1000));
    const skew = toLocalInputValue(new Date(NOW.getTime() + 2 * 60 * 1000));
    expect(validate(filled({ seenAt: later }), EN, NOW)[0]?.message).toBe(EN.errSeenAtFuture);
    expect(validate(filled({ seenAt: skew }), EN, NOW)).toEqual([]);
    expect(validate(filled({ seenAt: '2026-02-31T10:00' }), EN, NOW)[0]?.message).toBe(EN.errSeenAt);
  });

  it('asks for the staff names when "named members of staff" is ticked', () => {
    expect(validate(filled({ affectsStaff: true, staffNames: ' , ' }), EN, NOW).map((e) => e.field)).toEqual([
      'staffNames',
    ]);
  });

  it('holds the text to core’s limit, the one the API enforces, and says by how much it is over', () => {
    // The API takes 20,000 characters: the form must accept exactly what it accepts (it used to stop at 10,000).
    expect(MAX_POST_TEXT_LENGTH).toBe(20_000);
    expect(validate(filled({ text: 'a'.repeat(MAX_POST_TEXT_LENGTH) }), EN, NOW)).toEqual([]);
    const errors = validate(filled({ text: 'a'.repeat(20_800) }), EN, NOW);
    expect(errors).toEqual([
      {
        field: 'text',
        message:
          'The text of the post must be 20,000 characters or fewer; it is 20,800. Shorten it, or add the rest as a screenshot',
      },
    ]);
  });

  it('counts characters against core’s limit: silent well inside it, then what is left, then how many too many', () => {
    expect(characterCount('a'.repeat(17_999), EN)).toBeNull();
    expect(characterCount('a'.repeat(18_000), EN)).toEqual({
      over: false,
      message: 'You have 2,000 characters remaining',
    });
    expect(characterCount('a'.repeat(20_000), EN)).toEqual({
      over: false,
      message: 'You have 0 characters remaining',
    });
    expect(characterCount('a'.repeat(20_800), EN)).toEqual({
      over: true,
      message: 'You have 800 characters too many',
    });
  });
});

describe('toReportInput', () => {
  it('builds the API body with only what was given', () => {
    const input = toReportInput(filled({ seenAt: '2026-11-25T09:15' }));
    expect(input).toEqual({
      platform: 'facebook',
      seenAt: new Date(2026, 10, 25, 9, 15).toISOString(),
      location: 'practice_page',
      author: { kind: 'unknown' },
      text: 'The receptionist was rude to me again today.',
      atRisk: false,
      reporter: { name: 'Sam Jones' },
    });
  });

  it('carries every optional part when filled', () => {
    const input = toReportInput(
      filled({
        postUrl: ' https://x.com/a/status/1 ',
        authorName: ' A Person ',
        authorHandle: '@aperson',
        authorPatient: 'patient',
        affectsPractice: true,
        affectsStaff: true,
        staffNames: 'Dr Patel, Jo;\nSam ',
        affectsPatients: true,
        atRisk: 'yes',
        reporterRole: 'Receptionist',
      }),
    );
    expect(input.postUrl).toBe('https://x.com/a/status/1');
    expect(input.author).toEqual({ kind: 'patient', name: 'A Person', handle: '@aperson' });
    expect(input.affects).toEqual({ practice: true, staff: ['Dr Patel', 'Jo', 'Sam'], patients: true });
    expect(input.atRisk).toBe(true);
    expect(input.reporter).toEqual({ name: 'Sam Jones', role: 'Receptionist' });
  });

  it('sends a staff author down the staff path whatever the patient answer', () => {
    for (const authorPatient of ['patient', 'public', 'unknown'] as const) {
      expect(authorKind({ authorPatient, authorStaff: true })).toBe('staff');
      expect(authorKind({ authorPatient, authorStaff: false })).toBe(authorPatient);
    }
  });

  it('always produces vocabulary values core knows, for any valid choice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        fc.constantFrom(...POST_LOCATIONS),
        fc.constantFrom('patient', 'public', 'unknown'),
        fc.boolean(),
        fc.date({ min: new Date(2020, 0, 1), max: NOW, noInvalidDate: true }),
        (platform, location, authorPatient, authorStaff, seen) => {
          const fields = filled({
            platform,
            location,
            authorPatient: authorPatient as ReportFields['authorPatient'],
            authorStaff,
            seenAt: toLocalInputValue(seen),
          });
          expect(validate(fields, EN, NOW)).toEqual([]);
          const input = toReportInput(fields);
          expect(PLATFORMS).toContain(input.platform);
          expect(POST_LOCATIONS).toContain(input.location);
          expect(AUTHOR_KINDS).toContain(input.author?.kind);
          // To the minute, in the device's zone, round-trips through ISO.
          expect(toLocalInputValue(new Date(input.seenAt))).toBe(fields.seenAt);
        },
      ),
    );
  });
});

describe('parseLocalInput and staffNameList', () => {
  it('parses datetime-local values and rejects anything else', () => {
    expect(parseLocalInput('2026-11-25T09:15')?.getHours()).toBe(9);
    expect(parseLocalInput('2026-11-25T09:15:30')?.getSeconds()).toBe(30);
    for (const bad of ['', 'yesterday', '2026-13-01T00:00', '2026-11-25 09:15', '2026-11-25']) {
      expect(parseLocalInput(bad)).toBeNull();
    }
  });
  it('splits names on commas, semicolons and new lines', () => {
    expect(staffNameList('a, b;c\n d ,,')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('errorsFromProblem', () => {
  it('maps validation paths in any of the usual spellings to the form fields', () => {
    expect(fieldForPath('reporter.name')).toBe('reporterName');
    expect(fieldForPath('/reporter/role')).toBe('reporterRole');
    expect(fieldForPath(['author', 'handle'])).toBe('authorHandle');
    expect(fieldForPath('author.kind')).toBe('authorPatient');
    expect(fieldForPath('affects.staff[0]')).toBe('staffNames');
    expect(fieldForPath('body.text')).toBeNull();
    expect(fieldForPath('text')).toBe('text');
    expect(fieldForPath('screenshot')).toBe('screenshots');
  });

  it('uses the listed errors, else the detail as one line', () => {
    expect(
      errorsFromProblem(
        { status: 422, detail: 'Invalid', errors: [{ path: 'text', message: 'Too long' }, { path: 'x' }] },
        EN,
      ),
    ).toEqual([{ field: 'text', message: 'Too long' }]);
    const [only] = errorsFromProblem(
      { status: 413, detail: 'The request body is over the 64 KiB limit.' },
      EN,
    );
    expect(only?.field).toBeNull();
    expect(only?.message).toContain('64 KiB');
  });
});

describe('retryDelayMs', () => {
  it('doubles from about 2 s to a 5-minute cap, jittered by at most 20%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, random) => {
          const base = Math.min(2000 * 2 ** (attempt - 1), 300_000);
          const delay = retryDelayMs(attempt, random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
          expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.2));
        },
      ),
    );
    expect(retryDelayMs(1, 0.5)).toBe(2000);
    expect(retryDelayMs(3, 0.5)).toBe(8000);
  });
});

describe('sniffImageType', () => {
  const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);
  it('knows PNG, JPEG and WebP by their leading bytes', () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe(
      'image/webp',
    );
  });
  it('refuses everything else, whatever the file is called', () => {
    expect(sniffImageType(bytes(0x47, 0x49, 0x46, 0x38))).toBeNull(); // GIF
    expect(sniffImageType(bytes(0x25, 0x50, 0x44, 0x46))).toBeNull(); // PDF
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x41, 0x56, 0x49, 0x20))).toBeNull(); // AVI
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('newId', () => {
  it('makes distinct version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).toBe(200);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

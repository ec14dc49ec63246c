import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../model/settings.js';
import { tokenize } from './normalise.js';
import { boundedEditDistance, findStaffMentions, roleCounts } from './staff.js';
import { ROSTER } from './test-helpers.js';

const mentions = (text: string) =>
  findStaffMentions(tokenize(text), ROSTER, new Set(['millbrook'])).map((m) => ({
    rule: m.ruleId,
    who: ROSTER[m.staffIndex]?.name,
    text: text.slice(m.start, m.end),
  }));

describe('staff names', () => {
  it('finds a full name, with or without the title', () => {
    expect(mentions('Complaint about Dr Helen Marsh today')).toEqual([
      { rule: 'identifies_staff.full_name', who: 'Dr Helen Marsh', text: 'Helen Marsh' },
    ]);
    expect(mentions('chloe adams was on the desk')[0]?.who).toBe('Chloe Adams');
  });

  it('finds a title and surname, and a nurse by "Nurse <surname>"', () => {
    expect(mentions('Dr Mensah was great')[0]).toMatchObject({
      rule: 'identifies_staff.title_surname',
      who: 'Dr Kwame Mensah',
    });
    expect(mentions('Nurse Cole did my jab')[0]?.who).toBe('Bethany Cole');
    expect(mentions('Mr Fenwick ignored my email')[0]?.who).toBe('Robert Fenwick');
  });

  it('finds a near-miss surname after a doctor title, but not a distant one', () => {
    expect(mentions('Dr Marsch was rude')[0]).toMatchObject({
      rule: 'identifies_staff.near_miss',
      who: 'Dr Helen Marsh',
    });
    expect(mentions('Dr Mensa saw me')[0]?.who).toBe('Dr Kwame Mensah');
    expect(mentions('Dr Martin saw me')).toEqual([]);
    // A non-doctor title does not fuzzy-match a doctor.
    expect(mentions('Mrs Marsch from church')).toEqual([]);
  });

  it('finds a first name or nickname alone when the post is about the practice', () => {
    expect(mentions('Chloe on reception was lovely')[0]).toMatchObject({
      rule: 'identifies_staff.first_name',
      who: 'Chloe Adams',
    });
    expect(mentions('Kev did my bloods, painless')[0]?.who).toBe('Kevin Lowe');
    expect(mentions('Beth the nurse is ace')[0]?.who).toBe('Bethany Cole');
    expect(mentions('Big Kev strikes again')[0]).toMatchObject({
      rule: 'identifies_staff.alias',
      who: 'Kevin Lowe',
    });
  });

  it('finds a title and an initial when only one fitting member of staff has it (identifies_staff.initial)', () => {
    expect(mentions('Dr K was great')[0]).toMatchObject({
      rule: 'identifies_staff.initial',
      who: 'Dr Kwame Mensah',
    });
    expect(mentions('Dr M was great')).toEqual([]); // Marsh and Mensah: ambiguous
  });

  it('finds a surname alone only with a role word beside it (identifies_staff.surname)', () => {
    expect(mentions('that Harper bloke on reception ignored me')[0]).toMatchObject({
      rule: 'identifies_staff.surname',
      who: 'Dean Harper',
    });
    expect(mentions('Harper won the race on Saturday')).toEqual([]);
  });

  it('does not take a first name that belongs to someone else', () => {
    expect(mentions('Chloe Bennett from my yoga class had her baby')).toEqual([]);
    expect(mentions('Dean at the garage fixed my car')).toEqual([]);
    expect(mentions('Went to see Chloe at the pub')).toEqual([]);
    expect(mentions('Robert Fenwick from the surgery rang')[0]?.who).toBe('Robert Fenwick');
  });

  it('needs a role word for a name that is also an ordinary word', () => {
    const roster = [{ name: 'Mark Price', role: 'receptionist' }];
    const find = (t: string) => findStaffMentions(tokenize(t), roster).length;
    expect(find('Mark my words, the surgery will close')).toBe(0);
    expect(find('Mark on reception sorted it')).toBe(1);
  });
});

describe('edit distance and roles', () => {
  it('counts Damerau–Levenshtein edits up to a bound', () => {
    expect(boundedEditDistance('shah', 'shaw', 2)).toBe(1);
    expect(boundedEditDistance('hughes', 'hughs', 2)).toBe(1);
    expect(boundedEditDistance('okafor', 'okafro', 2)).toBe(1);
    expect(boundedEditDistance('smith', 'jones', 2)).toBe(3);
  });

  it('counts the roster by role family', () => {
    const counts = roleCounts(ROSTER);
    expect(counts.get('doctor')).toBe(2);
    expect(counts.get('receptionist')).toBe(2);
    expect(counts.get('manager')).toBe(1);
    expect(counts.get('hca')).toBe(1);
  });
});

describe('staff names: generalising forms', () => {
  const BARRELLED = [
    { name: 'Dr Anita Ashworth-Lyle', role: 'GP partner' },
    { name: 'Dr Prakash Sundaram', role: 'salaried GP' },
    { name: 'Margaret Quinlan', role: 'practice nurse' },
    { name: 'Simon Thackeray', role: 'practice manager' },
  ];
  const found = (text: string) =>
    findStaffMentions(tokenize(text), BARRELLED, new Set(['millbrook'])).map(
      (m) => BARRELLED[m.staffIndex]?.name,
    );

  it('finds a double-barrelled surname written with a hyphen, a space, alone, or as initials', () => {
    expect(found('Dr Ashworth-Lyle was lovely')).toEqual(['Dr Anita Ashworth-Lyle']);
    expect(found('Dr Ashworth Lyle was lovely')).toEqual(['Dr Anita Ashworth-Lyle']);
    expect(found('Dr A-L said it was nothing')).toEqual(['Dr Anita Ashworth-Lyle']);
    expect(found('that Ashworth Lyle woman never listens')).toEqual(['Dr Anita Ashworth-Lyle']);
    expect(found('Anita Ashworth-Lyle saw my son')).toEqual(['Dr Anita Ashworth-Lyle']);
    // one part alone, no title, is not enough
    expect(found('we walked to Lyle park')).toEqual([]);
  });

  it('finds "Dr <first name or its start>" for a doctor on the roster, not a short or unrelated word', () => {
    expect(found('Dr Prak sorted my inhaler')).toEqual(['Dr Prakash Sundaram']);
    expect(found('dr anita rang me back')).toEqual(['Dr Anita Ashworth-Lyle']);
    expect(found('Dr Pr sorted it')).toEqual([]);
    expect(found('Dr Jones from the hospital')).toEqual([]);
  });

  it('knows common diminutives of roster first names', () => {
    expect(found('Maggie the nurse was brilliant')).toEqual(['Margaret Quinlan']);
    expect(found('Mags on the practice team sorted it')).toEqual(['Margaret Quinlan']);
  });

  it('finds a bare surname written as a person: after "that", before a verb of speech', () => {
    expect(found('That Thackeray is useless')).toEqual(['Simon Thackeray']);
    expect(found('honestly thackeray says no to everything')).toEqual(['Simon Thackeray']);
    expect(found('Thackeray was a novelist')).toEqual([]);
    expect(found('that Thackeray trip with the surgery team was fun')).toEqual([]);
    // a surname that is also a place, in a post about the practice
    expect(found('Drove through Thackeray on the way to the surgery')).toEqual([]);
  });

  it('does not take a first name or role at another business for ours', () => {
    expect(found('the nurse Maggie at the vets was so kind to our dog')).toEqual([]);
    expect(found('Maggie the nurse at the surgery was so kind')).toEqual(['Margaret Quinlan']);
  });
});

describe('staff names: accents, possessives, split surnames, placing a first name', () => {
  const roster: StaffMember[] = [
    { name: 'Dr Siân Evans', role: 'GP partner' },
    { name: "Dr Niamh O'Donnell", role: 'salaried GP' },
    { name: 'Dr Ruth Bell', role: 'salaried GP' },
    { name: 'Łucja Kowalczyk', role: 'practice nurse' },
    { name: 'Agnieszka Wróbel', role: 'healthcare assistant' },
    { name: 'Ellen Yates', role: 'receptionist' },
    { name: 'Kieran Bright', role: 'practice manager' },
  ];
  const found = (text: string) =>
    findStaffMentions(tokenize(text), roster, new Set(['ashgrove'])).map((m) => roster[m.staffIndex]?.name);

  it('matches roster names written with accents, with or without them in the post', () => {
    expect(found('Nurse Kowalczyk took my bloods')).toEqual(['Łucja Kowalczyk']);
    expect(found('Aga on the HCA clinic was lovely')).toEqual(['Agnieszka Wróbel']);
    expect(found('Dr Sian explained it all')).toEqual(['Dr Siân Evans']);
    expect(found('Dr Siân Evans explained it all')).toEqual(['Dr Siân Evans']);
  });

  it('reads an O’/Mc surname written as two words, or with the apostrophe', () => {
    expect(found('Niamh O Donnell at the surgery')).toEqual(["Dr Niamh O'Donnell"]);
    expect(found('that ODonnell laughing at my mum')).toEqual(["Dr Niamh O'Donnell"]);
    // "o" and a word that is no one's surname is left alone
    expect(found('oh o well, the surgery was shut')).toEqual([]);
  });

  it('reads a possessive first name or misspelt surname', () => {
    expect(found("Ellen's always on the desk when I ring the surgery")).toEqual(['Ellen Yates']);
    expect(found("Dr Evens's room is upstairs")).toEqual(['Dr Siân Evans']);
    expect(found("Dr Owens's room is upstairs")).toEqual([]);
    expect(found("Dr Kowalcyzk's clinic")).toEqual([]); // a doctor title does not fit the nurse
    expect(found("Nurse Kowalcyk's clinic was quick")).toEqual(['Łucja Kowalczyk']);
  });

  it('takes "dr <first name>" in lower case, but not a verb after "dr"', () => {
    expect(found('saw dr ruth today and she sorted it')).toEqual(['Dr Ruth Bell']);
    const withWill: StaffMember[] = [{ name: 'Dr William Hale', role: 'GP partner' }];
    const mentionsWill = findStaffMentions(tokenize('the dr will ring you back'), withWill).length;
    expect(mentionsWill).toBe(0);
  });

  it('places a lower-case first name at the practice by "from/at <practice>"', () => {
    expect(found('ellen from ashgrove was so rude')).toEqual(['Ellen Yates']);
    expect(found('ellen from my book club was so rude about it')).toEqual([]);
  });

  it('does not take a name at another team for the practice’s', () => {
    expect(found('Kieran from the darts team bought a round for the nurses')).toEqual([]);
    expect(found('Kieran from the practice team rang me back')).toEqual(['Kieran Bright']);
  });

  it('reads a first name as a person by what they do or how they are spoken to', () => {
    expect(found('Ellen took my bloods at the surgery, barely felt it')).toEqual(['Ellen Yates']);
    expect(found('ask ellen if the surgery has my form')).toEqual(['Ellen Yates']);
    expect(found('Ellen took my coat at the party')).toEqual([]);
  });

  it('knows Yoruba short forms and "-s" nicknames', () => {
    const yoruba: StaffMember[] = [
      { name: 'Dr Oluwatobi Adeyinka', role: 'salaried GP' },
      { name: 'Deborah Hart', role: 'practice manager' },
    ];
    const names = (text: string) =>
      findStaffMentions(tokenize(text), yoruba).map((m) => yoruba[m.staffIndex]?.name);
    expect(names('Dr Tobi sorted my referral')).toEqual(['Dr Oluwatobi Adeyinka']);
    expect(names('Debs the practice manager rang back')).toEqual(['Deborah Hart']);
    expect(names('Dr Tobias from the hospital')).toEqual([]);
  });

  it('fuzzes the first part of a double-barrelled surname under a doctor title', () => {
    const barrelled: StaffMember[] = [{ name: 'Dr Ingrid Whitlock-Hale', role: 'GP partner' }];
    const names = (text: string) =>
      findStaffMentions(tokenize(text), barrelled).map((m) => barrelled[m.staffIndex]?.name);
    expect(names('Dr Whitlocke was very rushed')).toEqual(['Dr Ingrid Whitlock-Hale']);
    expect(names('Mrs Whitlocke was very rushed')).toEqual([]);
  });

  it('finds a misspelt first name written as a name beside a role, not another real name', () => {
    expect(found('spoke to Kieren the practice manager')).toEqual(['Kieran Bright']);
    expect(found('then Elena on reception said no')).toEqual([]); // Elena is a name of its own
    expect(found('Kieren from my work rang')).toEqual([]);
  });

  it('does not take "our <name>" or "my <name>" (the author’s own people) for staff', () => {
    expect(found('our Ellen has tonsillitis again')).toEqual([]);
    expect(found('our Ellen on reception sorted it')).toEqual(['Ellen Yates']);
  });
});

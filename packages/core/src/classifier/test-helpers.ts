// Helpers for the classifier's tests (not part of the public entry).
import type { Category } from '../model/constants.js';
import type { ClassifyContext } from '../model/incident.js';
import type { StaffMember } from '../model/settings.js';
import { classify } from './classify.js';

export const ROSTER: StaffMember[] = [
  { name: 'Dr Helen Marsh', role: 'GP partner' },
  { name: 'Dr Kwame Mensah', role: 'salaried GP' },
  { name: 'Bethany Cole', role: 'practice nurse' },
  { name: 'Robert Fenwick', role: 'practice manager' },
  { name: 'Chloe Adams', role: 'receptionist' },
  { name: 'Dean Harper', role: 'receptionist' },
  { name: 'Kevin Lowe', role: 'healthcare assistant', aliases: ['Big Kev'] },
];

// Rule tests test the rules: the learned layer (learned.test.ts) is measured by the eval sets.
export const CONTEXT: ClassifyContext = { staff: ROSTER, practiceName: 'Millbrook Surgery', rulesOnly: true };

export const categoriesOf = (text: string, context: ClassifyContext = CONTEXT): Category[] =>
  classify(text, context).categories.map((c) => c.id);

export const rulesOf = (text: string, context: ClassifyContext = CONTEXT): string[] =>
  classify(text, context).categories.flatMap((c) => c.evidence.map((e) => e.ruleId));

export const has = (text: string, category: Category, context: ClassifyContext = CONTEXT): boolean =>
  categoriesOf(text, context).includes(category);

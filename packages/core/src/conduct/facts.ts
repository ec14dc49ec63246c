export { URGENT_HELP } from '../policy/nations.js';

// Fixed facts the patient-facing text and the templates share. They are the same for every
// practice in England, so they are constants, not settings.

/** The next step after a practice's final response to a complaint. */
export const OMBUDSMAN = {
  name: 'Parliamentary and Health Service Ombudsman',
  url: 'https://www.ombudsman.org.uk',
  phone: '0345 015 4033',
} as const;

/** NHS complaints rules for routing and templates. */
export const COMPLAINTS_FACTS = {
  /** A complaint is normally made within 12 months of the event or of becoming aware of it. */
  timeLimitMonths: 12,
  /** The practice acknowledges a complaint within 3 working days. */
  acknowledgeWithinWorkingDays: 3,
} as const;

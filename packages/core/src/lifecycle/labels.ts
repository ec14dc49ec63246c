import type { ActionEventType, State } from '../model/constants.js';

/** How a practice manager would name each action, for refusal messages. */
export const EVENT_LABELS: Readonly<Record<ActionEventType, string>> = {
  record_evidence: 'Record evidence',
  triage: 'Triage',
  respond_publicly: 'Reply publicly',
  remove_from_page: 'Remove from our page',
  report_to_platform: 'Report to the platform',
  request_removal: 'Ask the author to remove it',
  offer_complaints_procedure: 'Offer the complaints procedure',
  complaint_lodged: 'Complaint lodged',
  author_removed_post: 'Author removed the post',
  author_refused: 'Author refused to remove it',
  seek_advice: 'Seek advice',
  issue_warning: 'Issue a written warning',
  start_removal_review: 'Start a removal review',
  decide_removal: 'Decide on removal from the list',
  refer_safeguarding: 'Refer to safeguarding',
  report_to_police: 'Report to the police',
  block_author: 'Block the author',
  assign: 'Assign',
  add_note: 'Add a note',
  close: 'Close',
  reopen: 'Reopen',
};

export const STATE_LABELS: Readonly<Record<State, string>> = {
  reported: 'reported (not yet triaged)',
  triaged: 'triaged',
  awaiting_author: 'waiting for the author',
  complaint_offered: 'complaints procedure offered',
  escalated: 'escalated',
  removal_review: 'under removal review',
  closed: 'closed',
};

/** "a, b or c" */
export const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

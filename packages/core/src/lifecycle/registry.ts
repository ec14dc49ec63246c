// The lifecycle table of docs/lifecycle.md, one entry per action event. Adding an event type to
// EVENT_TYPES fails the type check here until it has a rule.

import type { EventRules } from './event-rule.js';
import { addNote, assign, close, reopen } from './events-admin.js';
import { authorRefused, authorRemovedPost, complaintLodged } from './events-author.js';
import { decideRemoval, issueWarning, seekAdvice, startRemovalReview } from './events-escalation.js';
import {
  offerComplaintsProcedure,
  recordEvidence,
  removeFromPage,
  reportToPlatform,
  requestRemoval,
  respondPublicly,
  triage,
} from './events-response.js';
import { blockAuthor, referSafeguarding, reportToPolice } from './events-safety.js';

export const EVENT_RULES: EventRules = {
  record_evidence: recordEvidence,
  triage,
  respond_publicly: respondPublicly,
  remove_from_page: removeFromPage,
  report_to_platform: reportToPlatform,
  request_removal: requestRemoval,
  offer_complaints_procedure: offerComplaintsProcedure,
  complaint_lodged: complaintLodged,
  author_removed_post: authorRemovedPost,
  author_refused: authorRefused,
  seek_advice: seekAdvice,
  issue_warning: issueWarning,
  start_removal_review: startRemovalReview,
  decide_removal: decideRemoval,
  refer_safeguarding: referSafeguarding,
  report_to_police: reportToPolice,
  block_author: blockAuthor,
  assign,
  add_note: addNote,
  close,
  reopen,
};

// The policy's size limits: one definition the API's schemas, its body-size guards and the
// widgets' forms all read, so the form never accepts what the server would refuse (or cuts it).
// `@policy/core/limits`: plain numbers, nothing else, safe for the smallest bundle.

/**
 * Longest post text a report (or a classification request) may carry, in UTF-16 code units
 * (JavaScript's `length`, what a `maxlength` attribute counts). Longer than any post a platform
 * publishes in one piece except Facebook's (63,206), yet a report at this length still fits the
 * 64 KiB JSON body: 20,000 × 3 bytes of UTF-8 leaves room for the other fields.
 */
export const MAX_POST_TEXT_LENGTH = 20_000;

/** Largest JSON body the API reads for a report (and the `report` part of a multipart report). */
export const MAX_REPORT_JSON_BYTES = 64 * 1024;

/** Screenshots one report may carry. */
export const MAX_SCREENSHOTS = 5;

/** Largest single piece of evidence (a screenshot or a text capture), in bytes: 5 MiB. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** Picture types accepted as evidence. The server checks each file's leading bytes, not its name. */
export const EVIDENCE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type EvidenceImageType = (typeof EVIDENCE_IMAGE_TYPES)[number];

/** Names, handles, roles and other one-line fields. */
export const MAX_SHORT_TEXT_LENGTH = 200;

/** Links (the post's URL, the practice's pages). */
export const MAX_URL_LENGTH = 2000;

/** Named members of staff a report may list as affected. */
export const MAX_AFFECTED_STAFF = 50;

/** A note added to an incident. */
export const MAX_NOTE_LENGTH = 5000;

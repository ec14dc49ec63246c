import type { Platform, PostLocation } from '@policy/core';

// The report form's English text. Welsh lives in strings-cy.ts, loaded only when the form is shown
// in Welsh, and the category wording in category-text.ts travels with the lazily loaded classifier;
// both are typed against these tables so a missing translation is a type error, not a blank.

export const EN = {
  title: 'Report a social media post',
  intro:
    'Tell the practice manager about a post that worries you. It takes a few minutes. What you type is kept on this device until it is sent.',
  sectionPost: 'About the post',
  platform: 'Where was it posted?',
  platformChoose: 'Choose a site or app',
  postUrl: 'Link to the post (optional)',
  postUrlHint: 'Copy the address from the browser or the app’s “share” button.',
  seenAt: 'When did you see it?',
  seenAtHint: 'Date and time. It is set to now; change it if you saw it earlier.',
  location: 'Where is the post?',
  locationHint: 'This decides whether the practice can remove it itself.',
  sectionAuthor: 'Who posted it',
  authorName: 'Their name (optional)',
  authorHandle: 'Their username or handle (optional)',
  authorHandleHint: 'For example @name.',
  authorPatient: 'Is the author a patient of the practice?',
  authorStaff: 'The author is a member of our staff',
  authorStaffHint: 'Posts by staff go to the practice manager as an HR matter.',
  sectionText: 'What the post says',
  text: 'The text of the post',
  textHint: 'Copy and paste it exactly, including any names. Describe pictures or videos in your own words.',
  sectionScreenshots: 'Screenshots (optional)',
  screenshotsHint:
    'PNG, JPEG or WebP, up to 5 MB each, up to 5 pictures. Choose files, drag them here, or paste a screenshot into this form.',
  screenshotsPick: 'Add screenshots',
  screenshotsDrop: 'Or drop screenshots here',
  screenshotRemove: 'Remove',
  screenshotAdded: 'Screenshot added: {name}.',
  screenshotRemoved: 'Screenshot removed: {name}.',
  sectionAffects: 'Who is affected?',
  affectsHint: 'Select all that apply.',
  affectsPractice: 'The practice',
  affectsStaff: 'Named members of staff',
  affectsStaffNames: 'Which members of staff?',
  affectsStaffNamesHint: 'Separate names with commas.',
  affectsPatients: 'Other patients',
  atRisk: 'Is anyone at risk right now?',
  atRiskHint: 'For example a threat of violence, or someone who may harm themselves or a child.',
  riskTitle: 'Act now — do not wait for this form',
  risk999: 'If anyone is in immediate danger, call 999 now.',
  riskPolice: 'Report a threat of violence to the police: 999 in an emergency, 101 otherwise.',
  riskSafeguarding:
    'If a child or adult may be at risk of harm, tell the practice safeguarding lead straight away, or the local authority safeguarding team if they are not available.',
  riskManager: 'Tell the practice manager at once, whatever the time.',
  riskThenReport: 'Then finish this report. What you have typed is kept on this device.',
  sectionReporter: 'About you',
  reporterName: 'Your name',
  reporterRole: 'Your role (optional)',
  reporterRoleHint: 'For example receptionist, practice nurse, GP.',
  /** Welsh answers echo the question's verb, so each yes/no question has its own pair. */
  riskYes: 'Yes',
  riskNo: 'No',
  yes: 'Yes',
  no: 'No',
  unknown: 'I don’t know',
  submit: 'Send report',
  submitting: 'Sending…',
  classifyTitle: 'What the policy sees',
  classifyEmpty: 'Nothing of concern found in the text so far.',
  classifyWaiting: 'As you type the post, what the policy sees in it appears here.',
  classifyUnavailable: 'The check of the text is not available right now. You can still send the report.',
  classifyOffline:
    'The check of the text needs a connection. You can still send the report: it is kept on this device until it goes.',
  classifyNote: 'This is a first look. The practice manager decides.',
  classifyAnnounceNone: 'The policy sees nothing of concern.',
  classifyAnnounce: 'The policy sees: {list}.',
  matched: 'Matched',
  severity: 'Severity',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  errPlatform: 'Select where the post was made',
  errPostUrl: 'Enter the link as a web address, like https://www.facebook.com/…',
  errSeenAt: 'Enter the date and time you saw the post',
  errSeenAtFuture: 'The time you saw the post must be now or in the past',
  errLocation: 'Select where the post is',
  errText: 'Enter the text of the post',
  errTextLong: 'The text of the post must be {max} characters or fewer',
  errAtRisk: 'Select yes if anyone is at risk right now',
  errReporterName: 'Enter your name',
  errStaffNames: 'Enter the names of the members of staff, or untick “Named members of staff”',
  errScreenshotType: '{name} must be a PNG, JPEG or WebP picture',
  errScreenshotSize: '{name} must be smaller than 5 MB',
  errScreenshotCount: 'You can add up to {max} screenshots',
  errServer: 'The report was not accepted: {detail}',
  draftRestored: 'We found a report you had not sent, saved on this device on {time}. It is filled in below.',
  draftDiscard: 'Start a new report instead',
  savedAt: 'Saved on this device at {time}.',
  noStorage:
    'This browser cannot keep a copy on this device. Please send the report before you close the page.',
  pendingTitle: 'Your report is saved but not sent yet',
  pendingBody:
    'It is kept on this device, with its screenshots, and will be sent automatically when the connection comes back. You can close this page: it will be sent the next time this form opens.',
  pendingOffline: 'This device is offline.',
  pendingServer: 'The server did not answer.',
  pendingBusy: 'The server could not take it just now.',
  pendingRetryAt: 'Next try at {time}.',
  pendingRefused:
    'The server refused this form’s key ({detail}). Tell the practice manager; your report stays saved on this device.',
  pendingRateLimited: 'Too many reports were sent from here just now.',
  retryNow: 'Try sending now',
  successTitle: 'Report sent',
  successReference: 'Your reference number',
  successSteps: 'What to do now',
  successCategories: 'What the policy sees in the post',
  successNone: 'Nothing of concern was found automatically. The practice manager will look at it.',
  another: 'Report another post',
} satisfies Record<string, string>;

export type Strings = typeof EN;

export interface LocaleText {
  form: Strings;
  platforms: Record<Platform, string>;
  locations: Record<PostLocation, string>;
}

export const EN_TEXT: LocaleText = {
  form: EN,
  platforms: {
    facebook: 'Facebook',
    x: 'X (Twitter)',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    whatsapp: 'WhatsApp',
    nhs_website: 'NHS website review',
    google_reviews: 'Google reviews',
    community_group: 'Community group or forum',
    other: 'Somewhere else',
  },
  locations: {
    practice_page: 'On the practice’s own page or account',
    author_account: 'On the author’s own page or account',
    group: 'In a group (for example a local community group)',
    other: 'Somewhere else',
  },
};

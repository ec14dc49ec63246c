// Every word of the policy the form shows, all core's (`@policy/core/labels`, `@policy/core/policy`)
// in English and Welsh: platforms and places to choose from, the reporter's steps (the emergency
// advice and "what to do now"), category names and meanings, severity words.
//
// A lazy chunk of its own, requested the moment a report form connects: the embed entry every
// practice page loads (the patient widgets' pages included) does not carry the policy's
// vocabularies. Import it only with `import()` (controllers/policy-words.controller.ts); a static
// import would pull core's labels back into the entry.
export {
  CATEGORY_LABELS,
  CATEGORY_MEANINGS,
  capitalise,
  LOCATION_CHOICES,
  PLATFORM_CHOICES,
  REPORTER_STEP_TEXT,
  SEVERITY_LABELS,
} from '@policy/core/labels';
export { reporterStepIds } from '@policy/core/policy';

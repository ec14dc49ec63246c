// Loaded lazily (dynamic import) the first time a member of staff focuses or types into the post's
// text, so the classifier, its word lists and the category wording stay out of the embed bundle
// that every patient page loads.
import type { Classification, Platform } from '@policy/core';
import { classify } from '@policy/core';

export { CATEGORY_TEXT, SEVERITY_LABELS } from './category-text.js';

export const classifyPost = (text: string, platform: Platform | undefined): Classification =>
  classify(text, platform ? { platform } : {});

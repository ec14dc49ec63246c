// The classify() that core exports: the classifier's findings with each category's evidence shown
// once (distinct-evidence.ts). The classifier itself lives in src/classifier/.

import { classify as classifyPost } from '../classifier/classify.js';
import type { Classification, ClassifyContext } from '../model/incident.js';
import { withDistinctEvidence } from './distinct-evidence.js';

export function classify(text: string, context: ClassifyContext = {}): Classification {
  return withDistinctEvidence(classifyPost(text, context), text);
}

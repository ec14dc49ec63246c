// Evidence shown once: the classifier's rules overlap ("I know what car she drives" and "I know
// what car" both fire), and a reader shown both thinks the post said it twice. This runs after the
// classifier (src/classifier/ is left as it is): within each category, a span inside another is
// dropped and spans that overlap are joined into one, keeping the rule of the one that starts
// first (the longer, when two start together). Categories are not merged with each other: the
// same words can be a threat and abuse, and each category must say why.

import type { CategoryFinding, Classification, EvidenceSpan } from '../model/incident.js';

/** One category's evidence without repeats, in text order. */
export function distinctSpans(spans: readonly EvidenceSpan[], text: string): EvidenceSpan[] {
  if (spans.length < 2) return [...spans];
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: EvidenceSpan[] = [];
  for (const span of ordered) {
    const last = kept[kept.length - 1];
    if (last === undefined || span.start >= last.end) {
      kept.push(span);
      continue;
    }
    if (span.end > last.end) {
      // Overlapping, not contained: one span over both, under the first one's rule.
      kept[kept.length - 1] = { ...last, end: span.end, excerpt: text.slice(last.start, span.end) };
    }
    // Contained in the last kept span: already shown.
  }
  return kept;
}

/** The classification with each category's evidence de-duplicated (a new object; the input is untouched). */
export function withDistinctEvidence(classification: Classification, text: string): Classification {
  let changed = false;
  const categories: CategoryFinding[] = classification.categories.map((finding) => {
    const evidence = distinctSpans(finding.evidence, text);
    if (evidence.length === finding.evidence.length) return finding;
    changed = true;
    return { ...finding, evidence };
  });
  return changed ? { ...classification, categories } : classification;
}

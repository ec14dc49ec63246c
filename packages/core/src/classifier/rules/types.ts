import type { Category } from '../../model/constants.js';
import type { ClassifyContext } from '../../model/incident.js';
import type { Doc } from '../normalise.js';
import type { PhraseHit, PhraseRule } from '../phrases.js';
import type { StaffMention } from '../staff.js';

/** One piece of evidence for a category: the rule that fired and the original-text span it matched. */
export interface Hit {
  category: Category;
  ruleId: string;
  start: number;
  end: number;
  confidence: number;
  /** Token range when the hit came from a phrase (end exclusive). */
  first?: number;
  last?: number;
}

/** What a family's `derive` step may look at: the tokens, every phrase hit, and earlier findings. */
export interface RuleInput {
  doc: Doc;
  context: ClassifyContext;
  staff: readonly StaffMention[];
  /** Distinctive words of the practice's name, from `context.practiceName` (may be empty). */
  practiceWords: ReadonlySet<string>;
  /** Categories found by the families that ran before this one (see FAMILIES in classify.ts). */
  found: ReadonlyMap<Category, readonly Hit[]>;
  /** Phrase hits of one rule id (signals included), in text order. */
  hitsOf(ruleId: string): readonly PhraseHit[];
  /**
   * The rule ids with hits in the post, each with its hits in text order (what hitsOf reads): a family
   * that reads dozens of rule ids walks the few present instead of asking for each id.
   */
  hitsByRule: ReadonlyMap<string, readonly PhraseHit[]>;
}

/**
 * A family of rules: word lists (usable as `@name` in any pattern), phrase rules, and an optional
 * `derive` step that turns signals into findings or vetoes direct hits. `direct` holds the hits of
 * this family's phrase rules that name a category; `derive` returns the family's final hits.
 */
export interface RuleFamily {
  name: string;
  lists?: Readonly<Record<string, readonly string[]>>;
  rules: readonly PhraseRule[];
  derive?: (input: RuleInput, direct: Hit[]) => Hit[];
}

export const hitFrom = (
  ph: PhraseHit,
  category: Category,
  ruleId: string = ph.rule.id,
  confidence: number = ph.rule.confidence,
): Hit => ({ category, ruleId, start: ph.start, end: ph.end, confidence, first: ph.first, last: ph.last });

/**
 * Which tokens some hit covers, so "does this hit overlap any of those?" costs the hit's length, not
 * the number of hits (keeps every family linear however many hits an adversarial text produces).
 */
export class Coverage {
  /** Undefined when no hit covers anything (most Coverages of a post): nothing to allocate or read. */
  private readonly covered: Uint8Array | undefined;
  constructor(tokenCount: number, hits: readonly { first: number; last: number }[]) {
    const covered = hits.length === 0 ? undefined : new Uint8Array(tokenCount + 1);
    if (covered) for (const h of hits) for (let k = h.first; k < h.last; k++) covered[k] = 1;
    this.covered = covered;
  }
  overlaps(range: { first?: number | undefined; last?: number | undefined }): boolean {
    if (this.covered === undefined || range.first === undefined || range.last === undefined) return false;
    for (let k = range.first; k < range.last; k++) if (this.covered[k] === 1) return true;
    return false;
  }
}

/** True when two token ranges overlap. */
export const overlaps = (a: { first: number; last: number }, b: { first: number; last: number }): boolean =>
  a.first < b.last && b.first < a.last;

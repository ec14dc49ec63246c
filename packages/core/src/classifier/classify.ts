// classify(text, context): which policy categories a post falls into, and why.
//
// Pipeline (all linear in the length of the text):
//   1. tokenize   — normalise.ts: words with offsets into the original text, leetspeak/spacing undone
//   2. unmask     — "sh*te", "F***" resolved against the word lists (rules/abusive.ts)
//   3. phrases    — phrases.ts: every family's patterns matched in one pass (hash lookup per token)
//   4. staff      — staff.ts: roster names, nicknames and near-miss surnames
//   5. families   — rules/*.ts, in FAMILIES order: each turns its phrase hits (and earlier findings)
//                   into evidence for its categories
//   6. learned    — learned.ts: a linear model over hashed words, word pairs and character n-grams,
//                   trained on labelled posts (scripts/train.ts), adds what the rules missed
//   7. policy     — severity, recommended actions and templates from model/policy.ts
//
// To add a rule: add it to the family's table in rules/tables/*.json with its meaning and examples
// (they are its tests), and list the id in docs/categories.md (docs/classifier.md, "Adding a rule").

import { CATEGORIES, CATEGORY_SEVERITY, type Category, maxSeverity } from '../model/constants.js';
import type { CategoryFinding, Classification, ClassifyContext, EvidenceSpan } from '../model/incident.js';
import { POLICY_ORDER, policyFor } from '../model/policy.js';
import { type LearnedModel, learnedHits, shippedModel } from './learned.js';
import { WORD_LISTS } from './lexicon.js';
import { tokenize } from './normalise.js';
import { type PhraseHit, PhraseMatcher, type PhraseRule } from './phrases.js';
import { abusive, MASKABLE, resolveMasked } from './rules/abusive.js';
import { clinical } from './rules/clinical.js';
import { concernSignals } from './rules/concern-signals.js';
import { criticalBackstop } from './rules/critical-backstop.js';
import { defamatory } from './rules/defamatory.js';
import { discriminatory } from './rules/discriminatory.js';
import { harm } from './rules/harm.js';
import { misinformation } from './rules/misinformation.js';
import { patientIdentifiable } from './rules/patient-identifiable.js';
import { recording } from './rules/recording.js';
import { service } from './rules/service.js';
import { identifiesStaff } from './rules/staff-roles.js';
import { threat } from './rules/threat.js';
import { type Hit, hitFrom, type RuleFamily, type RuleInput } from './rules/types.js';
import { findStaffMentions, practiceNameWords } from './staff.js';

/** Families run in this order; a family may read what earlier ones found (`RuleInput.found`). */
export const FAMILIES: readonly RuleFamily[] = [
  identifiesStaff,
  abusive,
  discriminatory,
  threat,
  harm,
  concernSignals,
  criticalBackstop,
  misinformation,
  defamatory,
  recording,
  clinical,
  patientIdentifiable,
  service,
];

/** Longest text classified; anything longer is classified on its first MAX_TEXT characters. */
export const MAX_TEXT = 200_000;
const MAX_EXCERPT = 200;
const MAX_EVIDENCE_PER_CATEGORY = 20;

let matcher: PhraseMatcher | undefined;
const MASKABLE_SET = new Set(MASKABLE);
const isListedWord = (word: string): boolean => MASKABLE_SET.has(word);

/** The phrase matcher over every family's patterns (or those `keep` leaves in: scripts measure pruning). */
export function buildPhraseMatcher(keep?: (rule: PhraseRule, pattern: string) => boolean): PhraseMatcher {
  const lists: Record<string, readonly string[]> = { ...WORD_LISTS };
  for (const family of FAMILIES) Object.assign(lists, family.lists ?? {});
  return new PhraseMatcher(
    FAMILIES.flatMap((family) => family.rules),
    lists,
    keep,
  );
}

const NO_HITS: readonly PhraseHit[] = [];
const CATEGORY_INDEX = Object.fromEntries(CATEGORIES.map((category, c) => [category, c])) as Record<
  Category,
  number
>;

/**
 * Where each family rule that names a category sits: its family's index in FAMILIES and its position
 * in that family's rules (signals without a category have no slot: they are only read via hitsOf).
 */
interface RuleSlot {
  family: number;
  position: number;
  category: Category;
}
let slotsOfRules: Map<string, RuleSlot> | undefined;
function ruleSlots(): Map<string, RuleSlot> {
  if (slotsOfRules) return slotsOfRules;
  const slots = new Map<string, RuleSlot>();
  // Hits are grouped by rule id (hitsOf), so rules sharing an id must mean the same finding: the same
  // family and category (concern-signals' anchored rules differ only in the words before them). The
  // first such rule gives the slot.
  const seen = new Map<string, { family: number; category: Category | undefined }>();
  for (const [family, { rules }] of FAMILIES.entries())
    for (const [position, rule] of rules.entries()) {
      const earlier = seen.get(rule.id);
      if (earlier) {
        if (earlier.family !== family || earlier.category !== rule.category)
          throw new Error(`two different rules share the id ${rule.id}`);
        continue;
      }
      seen.set(rule.id, { family, category: rule.category });
      if (rule.category !== undefined) slots.set(rule.id, { family, position, category: rule.category });
    }
  slotsOfRules = slots;
  return slots;
}

/** A rule's hits in the post being read (shared by rule objects with the same id) and its slot. */
interface RuleGroup {
  hits: PhraseHit[];
  slot: RuleSlot | undefined;
}

/** Slots by rule object, filled from the ids on first sight (a matcher may hold its own copies). */
const SLOT_BY_RULE = new Map<PhraseRule, RuleSlot | null>();
function slotOf(rule: PhraseRule): RuleSlot | undefined {
  let slot = SLOT_BY_RULE.get(rule);
  if (slot === undefined) {
    slot = ruleSlots().get(rule.id) ?? null;
    if (SLOT_BY_RULE.size >= 10_000) SLOT_BY_RULE.clear();
    SLOT_BY_RULE.set(rule, slot);
  }
  return slot ?? undefined;
}

/** One family's direct phrase hits and their rules' slots, side by side. */
interface DirectHits {
  slots: RuleSlot[];
  hits: PhraseHit[];
}

/**
 * Orders a family's hits by their rule's position in the family, keeping text order within a rule
 * (an insertion sort: stable, in place, and a family has few hits in a post).
 */
function sortByPosition(entries: DirectHits): void {
  const { slots, hits } = entries;
  if (slots.length > 32) {
    // Many hits (a long or adversarial text): the built-in stable sort, O(n log n).
    const order = slots.map((slot, k) => ({ slot, hit: hits[k] as PhraseHit }));
    order.sort((a, b) => a.slot.position - b.slot.position);
    entries.slots = order.map((entry) => entry.slot);
    entries.hits = order.map((entry) => entry.hit);
    return;
  }
  for (let k = 1; k < slots.length; k++) {
    const slot = slots[k] as RuleSlot;
    const hit = hits[k] as PhraseHit;
    let j = k - 1;
    while (j >= 0 && (slots[j] as RuleSlot).position > slot.position) {
      slots[j + 1] = slots[j] as RuleSlot;
      hits[j + 1] = hits[j] as PhraseHit;
      j--;
    }
    slots[j + 1] = slot;
    hits[j + 1] = hit;
  }
}
function phraseMatcher(): PhraseMatcher {
  matcher ??= buildPhraseMatcher();
  return matcher;
}

/** Steps 1, 2 and 4: what both the rules and the learned layer read. */
export function readPost(text: string, context: ClassifyContext = {}) {
  const original = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const doc = tokenize(original, isListedWord);
  resolveMasked(doc);
  const practiceWords = practiceNameWords(context.practiceName);
  const staff = findStaffMentions(doc, context.staff ?? [], practiceWords);
  return { original, doc, practiceWords, staff };
}

export function classify(text: string, context: ClassifyContext = {}): Classification {
  return classifyWith(text, context, context.rulesOnly ? undefined : shippedModel());
}

/** What the rules found in a post, and the categories they matched and then vetoed. */
export interface RuleFindings {
  found: Map<Category, Hit[]>;
  /**
   * A category whose phrases matched but which `derive` then vetoed ("can't give you covid" is a
   * rebuttal): the rules ruled on it, and the learned layer does not overrule them.
   */
  ruledOut: Set<Category>;
}

/** Steps 3 and 5: the rule families over a post already read. */
export function ruleFindings(
  read: ReturnType<typeof readPost>,
  context: ClassifyContext = {},
  matcher: PhraseMatcher = phraseMatcher(),
): RuleFindings {
  const { doc, practiceWords, staff } = read;
  const phraseHits = matcher.find(doc);
  const byRule = new Map<string, PhraseHit[]>();
  // Each family's direct hits, by the position of their rule in the family (rules in family order,
  // each rule's hits in text order): found by walking the hits, not every rule of every family.
  // Hits are grouped by their rule object (an identity lookup); the id-keyed maps are read once per
  // distinct rule, not once per hit.
  const groups = new Map<PhraseRule, RuleGroup>();
  const directByFamily: (DirectHits | undefined)[] = new Array(FAMILIES.length);
  for (const hit of phraseHits) {
    let group = groups.get(hit.rule);
    if (group === undefined) {
      const id = hit.rule.id;
      let list = byRule.get(id);
      if (list === undefined) {
        list = [];
        byRule.set(id, list);
      }
      group = { hits: list, slot: slotOf(hit.rule) };
      groups.set(hit.rule, group);
    }
    group.hits.push(hit);
    const slot = group.slot;
    if (slot === undefined) continue;
    const entries = directByFamily[slot.family];
    if (entries) {
      entries.slots.push(slot);
      entries.hits.push(hit);
    } else directByFamily[slot.family] = { slots: [slot], hits: [hit] };
  }
  const found = new Map<Category, Hit[]>();
  const ruledOut = new Set<Category>();
  const input: RuleInput = {
    doc,
    context,
    staff,
    practiceWords,
    found,
    hitsByRule: byRule,
    // A method, not an arrow bound to a name: tsx (which the API runs under) wraps every named
    // closure in a call that sets its name, at each creation.
    hitsOf(id) {
      return byRule.get(id) ?? NO_HITS;
    },
  };

  for (let f = 0; f < FAMILIES.length; f++) {
    const family = FAMILIES[f] as RuleFamily;
    const direct: Hit[] = [];
    const entries = directByFamily[f];
    if (entries) {
      sortByPosition(entries);
      for (let k = 0; k < entries.hits.length; k++)
        direct.push(hitFrom(entries.hits[k] as PhraseHit, (entries.slots[k] as RuleSlot).category));
    }
    const hits = family.derive ? family.derive(input, direct) : direct;
    if (direct.length > 0 && hits !== direct) {
      const kept = new Set<Category>();
      for (const hit of hits) kept.add(hit.category);
      for (const hit of direct) if (!kept.has(hit.category)) ruledOut.add(hit.category);
    }
    for (const hit of hits) {
      const list = found.get(hit.category);
      if (list) list.push(hit);
      else found.set(hit.category, [hit]);
    }
  }
  return { found, ruledOut };
}

/**
 * classify() with a given learned model (undefined: the rules alone). For the scripts, which measure
 * models trained without the posts they are measured on; the API and widgets call classify().
 */
export function classifyWith(
  text: string,
  context: ClassifyContext,
  model: LearnedModel | undefined,
  matcher?: PhraseMatcher,
): Classification {
  const read = readPost(text, context);
  const { found, ruledOut } = ruleFindings(read, context, matcher);
  if (model) {
    // For most categories the learned layer only adds: a category the rules found keeps the rules'
    // evidence alone, and one the rules matched and vetoed stays out. The few the model decides alone
    // (fuzzy categories where it did better than rules + model on unseen posts) drop the rules' finding.
    for (let c = 0; c < CATEGORIES.length; c++)
      if (model.modelOnly[c]) found.delete(CATEGORIES[c] as Category);
    const hits = learnedHits(
      read.doc,
      read.staff,
      read.practiceWords,
      (category) =>
        !model.modelOnly[CATEGORY_INDEX[category]] && (found.has(category) || ruledOut.has(category)),
      model,
    );
    for (const hit of hits) {
      const list = found.get(hit.category);
      if (list) list.push(hit);
      else found.set(hit.category, [hit]);
    }
  }
  return toClassification(read.original, found);
}

const before = (a: Hit, b: Hit): number => a.start - b.start || b.confidence - a.confidence;

/** Hits by start, the surest first among hits that start together (stable: a copy, sorted). */
function inTextOrder(hits: readonly Hit[]): readonly Hit[] {
  if (hits.length === 1) return hits;
  const sorted = [...hits];
  if (sorted.length > 32) return sorted.sort(before);
  // A category has few hits in a post: an insertion sort allocates nothing more.
  for (let k = 1; k < sorted.length; k++) {
    const hit = sorted[k] as Hit;
    let j = k - 1;
    while (j >= 0 && before(sorted[j] as Hit, hit) > 0) {
      sorted[j + 1] = sorted[j] as Hit;
      j--;
    }
    sorted[j + 1] = hit;
  }
  return sorted;
}

/**
 * True when a hit before `k` (sorted by start) has the same rule and span: only hits with the same
 * start need looking at, so this costs the few hits that share a start, not all of them.
 */
function repeatsEarlier(sorted: readonly Hit[], k: number): boolean {
  const hit = sorted[k] as Hit;
  for (let j = k - 1; j >= 0; j--) {
    const earlier = sorted[j] as Hit;
    if (earlier.start !== hit.start) return false;
    if (earlier.end === hit.end && earlier.ruleId === hit.ruleId) return true;
  }
  return false;
}

function toClassification(original: string, found: ReadonlyMap<Category, readonly Hit[]>): Classification {
  const categories: CategoryFinding[] = [];
  for (const id of POLICY_ORDER) {
    const hits = found.get(id);
    if (!hits || hits.length === 0) continue;
    const evidence: EvidenceSpan[] = [];
    let confidence = 0;
    const sorted = inTextOrder(hits);
    for (let k = 0; k < sorted.length; k++) {
      const hit = sorted[k] as Hit;
      if (repeatsEarlier(sorted, k)) continue;
      confidence = Math.max(confidence, hit.confidence);
      if (evidence.length < MAX_EVIDENCE_PER_CATEGORY) {
        const end = Math.min(hit.end, hit.start + MAX_EXCERPT);
        evidence.push({
          ruleId: hit.ruleId,
          start: hit.start,
          end: hit.end,
          excerpt: original.slice(hit.start, end),
        });
      }
    }
    categories.push({ id, severity: CATEGORY_SEVERITY[id], confidence, evidence });
  }
  const { actions, templates } = policyOfFindings(categories);
  return {
    categories,
    severity: categories.length > 0 ? maxSeverity(categories.map((c) => c.severity)) : null,
    // Copies: the caller owns its classification and may change it.
    recommendedActions: actions.map((action) => ({ ...action })),
    suggestedTemplates: [...templates],
  };
}

/**
 * policyFor() of the categories found, remembered by which categories they are (at most 2^14 sets,
 * a handful in practice): the policy is fixed, and working it out was ≈ 2 % of classify().
 */
const POLICY_BY_CATEGORIES = new Map<number, ReturnType<typeof policyFor>>();
function policyOfFindings(categories: readonly CategoryFinding[]): ReturnType<typeof policyFor> {
  let key = 0;
  for (const category of categories) key |= 1 << CATEGORY_INDEX[category.id];
  let policy = POLICY_BY_CATEGORIES.get(key);
  if (policy === undefined) {
    policy = policyFor(categories.map((c) => c.id));
    POLICY_BY_CATEGORIES.set(key, policy);
  }
  return policy;
}

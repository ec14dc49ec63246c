// How often each phrase pattern fires on the labelled posts: the measure for pruning rules that were
// written from one post (scripts/rule-usage.ts prints it; eval.ts --prune=N measures dropping them).

import { buildPhraseMatcher, readPost } from '../../src/classifier/classify.js';
import type { PhraseRule } from '../../src/classifier/phrases.js';
import type { LoadedSet } from './labelled.js';

/**
 * Rules kept whatever their counts: what rules do best — word lists of profanity, insults and slurs,
 * recording devices, naming staff, explicit violence, weapons and self-harm, links and phone numbers.
 */
export const PROTECTED_RULES: readonly string[] = [
  'abusive.profanity',
  'abusive.insult',
  'discriminatory.slur',
  'identifies_staff.',
  'recording.',
  'threat.violence',
  'threat.weapon',
  'threat.premises',
  'harm_indication.self_harm',
  // Links and phone numbers: rare in the labelled posts, and exactly what rules do best.
  'links.',
  'phone_numbers.',
];
export const isProtected = (ruleId: string): boolean =>
  PROTECTED_RULES.some((p) => (p.endsWith('.') ? ruleId.startsWith(p) : ruleId === p));

export interface PatternUsage {
  rule: PhraseRule;
  pattern: string;
  /** Posts it fires on in the sets the rules were written from. */
  readFires: number;
  /** Posts it fires on in the sets the rules never read. */
  unreadFires: number;
  /** Of all posts it fires on, how many carry its category (category rules only). */
  correct: number;
}

const keyOf = (ruleId: string, pattern: string) => `${ruleId}\u0000${pattern}`;

export function patternUsage(sets: readonly LoadedSet[]): PatternUsage[] {
  const all = buildPhraseMatcher();
  const usage = new Map<string, PatternUsage>();
  const register = (rule: PhraseRule, pattern: string) => {
    usage.set(keyOf(rule.id, pattern), { rule, pattern, readFires: 0, unreadFires: 0, correct: 0 });
    return true;
  };
  buildPhraseMatcher(register);
  for (const set of sets)
    for (const post of set.posts) {
      const { doc } = readPost(post.text, post.context);
      const fired = new Set<string>();
      for (const hit of all.find(doc)) fired.add(keyOf(hit.rule.id, hit.pattern));
      for (const key of fired) {
        const entry = usage.get(key);
        if (!entry) continue;
        if (set.rulesReadIt) entry.readFires++;
        else entry.unreadFires++;
        if (entry.rule.category && post.labels.includes(entry.rule.category)) entry.correct++;
      }
    }
  return [...usage.values()];
}

/**
 * The pruning rule: a pattern stays if it is protected or fired on more than `maxFires` posts of the
 * sets the rules were written from. Decided on those sets alone, so the sets the rules never read
 * still measure the result honestly.
 */
export function keepFilter(usage: readonly PatternUsage[], maxFires: number) {
  const keep = new Set(
    usage
      .filter((u) => isProtected(u.rule.id) || u.readFires > maxFires)
      .map((u) => keyOf(u.rule.id, u.pattern)),
  );
  return (rule: PhraseRule, pattern: string) => keep.has(keyOf(rule.id, pattern));
}

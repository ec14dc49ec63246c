// The everyday categories: complaint, appointment_request, enquiry, feedback.
//
// - complaint: dissatisfaction with care, treatment or service — the vocabulary of being let down
//   (waits, holds, refusals, "nobody rang", "not good enough", sarcasm like "genius").
// - appointment_request: asking, through the post itself, to book, cancel, change, get a
//   prescription or results, or be rung back. Telling a story about ringing to cancel is not one.
// - enquiry: a general, non-clinical question about the service (hours, parking, registering).
// - feedback: praise or neutral feedback about the practice or its people.
//
// Some need the post to be about the practice at all (`service.practice_reference`), so that
// praise of a university open day or a question about a chip shop's hours stays out.

import { WORD_LISTS } from '../lexicon.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { wordKind, wordKinds } from '../word-kinds.js';
import { phraseRulesOf, ruleTable } from './tables/load.js';
import TABLE_JSON from './tables/service.json' with { type: 'json' };
import { Coverage, type Hit, hitFrom, type RuleFamily, type RuleInput } from './types.js';

const TABLE = ruleTable(TABLE_JSON);

export const SERVICE_LISTS = TABLE.lists;
export const SERVICE_RULES: PhraseRule[] = phraseRulesOf(TABLE.rules);

const REVIEW_PLATFORMS = new Set(['nhs_website', 'google_reviews']);
const QUESTION_STARTS: ReadonlySet<string> = new Set(TABLE.lists.svcQuestionStarts);
const MAX_QUESTIONS = 20;
const QUESTION_AUX: ReadonlySet<string> = new Set(TABLE.lists.svcQuestionAux);
const ENQUIRY_OPENERS: ReadonlySet<string> = new Set(TABLE.lists.svcEnquiryOpeners);
const NOT_ENQUIRY_SECOND: ReadonlySet<string> = new Set(TABLE.lists.svcNotEnquirySecond);

/**
 * The practice's own name ("Riverside") in the post — but not another business that shares the word
 * ("Riverside Fish Bar"): a capitalised word right after it that is not part of a practice's name.
 */
const practiceNameTokens = (input: RuleInput): Set<string> =>
  new Set(
    (input.context.practiceName ?? '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

function mentionsPracticeName(input: RuleInput): boolean {
  const { doc, practiceWords } = input;
  if (practiceWords.size === 0) return false;
  return doc.tokens.some((t) => {
    if (!practiceWords.has(t.text)) return false;
    if (doc.original[t.start - 1] === '@') return false; // a commenter's handle, not the practice
    const next = doc.tokens[t.index + 1];
    if (!next || next.sentence !== t.sentence) return true;
    if (practiceNameTokens(input).has(next.text)) return true; // "Harbour Lane" in "Harbour Lane Surgery"
    if (practiceWords.has(next.text) || PRACTICE_NAME_ENDINGS.has(next.text)) return true;
    // "Northgate park", "Riverside Fish Bar": the name of a place or another business.
    if (ELSEWHERE_AFTER_NAME.has(next.text)) return false;
    return !next.capitalised || doc.shouting;
  });
}
const ELSEWHERE_AFTER_NAME: ReadonlySet<string> = new Set(TABLE.lists.svcElsewhereAfterName);
const PRACTICE_NAME_ENDINGS: ReadonlySet<string> = new Set(TABLE.lists.svcPracticeNameEndings);

const MODALS: ReadonlySet<string> = new Set(TABLE.lists.svcModals);
const GREETINGS: ReadonlySet<string> = new Set(TABLE.lists.svcGreetings);

/**
 * "Can someone ring me", "…, can she call me back": a request starting with a modal must open its
 * clause; "So St Luke's can text me about flu jabs" is a statement, not a request.
 */
function opensRequest(doc: RuleInput['doc'], at: number): boolean {
  const token = doc.tokens[at];
  if (!token || !MODALS.has(token.text)) return true;
  const previous = doc.tokens[at - 1];
  if (!previous || previous.sentence !== token.sentence) return true;
  if (GREETINGS.has(previous.text) || doc.original[previous.start - 1] === '@') return true;
  const between = doc.original.slice(previous.end, token.start);
  return /[,;:\-–(]/.test(between);
}

const CASUAL_OPENERS: ReadonlySet<string> = new Set(TABLE.lists.svcCasualOpeners);
const CASUAL_SECOND: ReadonlySet<string> = new Set(TABLE.lists.svcCasualSecond);
/** "Is there anything better than …", "do you know how lucky we are": rhetorical, not asked. */
const RHETORICAL_THIRD: ReadonlySet<string> = new Set(TABLE.lists.svcRhetoricalThird);

/** Where a sentence's question begins: past a leading @handle, a bracketed note, a greeting. */
function questionStart(doc: RuleInput['doc'], from: number, end: number): Token {
  const { tokens, original } = doc;
  let k = from;
  let bracket = false;
  while (k < end) {
    const token = tokens[k] as Token;
    const before = original[token.start - 1];
    if (before === '(' || before === '[') bracket = true;
    const closes = original[token.end] === ')' || original[token.end] === ']';
    if (
      bracket ||
      before === '@' ||
      GREETINGS.has(token.text) ||
      token.text === 'hiya' ||
      token.text === 'hey'
    ) {
      if (closes) bracket = false;
      k++;
      continue;
    }
    break;
  }
  return tokens[bracket ? from : k] as Token;
}

/** Question sentences that open like an enquiry ("Is there wheelchair access?"), not "anyone else …?". */
function questionSentences(input: RuleInput, complaintSentences: ReadonlySet<number>): Hit[] {
  const { doc } = input;
  const hits: Hit[] = [];
  // Casual posts often drop the question mark: with none in the post, a sentence that opens like a
  // question ("can u still get …", "do you do …") is read as one.
  const casual = doc.questions.size === 0;
  const groupSentences = new Set(
    input.hitsOf('service.asks_group').map((g) => (doc.tokens[g.first] as Token).sentence),
  );
  const { tokens } = doc;
  let k = 0;
  while (k < tokens.length && hits.length < MAX_QUESTIONS) {
    const opening = tokens[k] as Token;
    let end = k;
    while (end + 1 < tokens.length && (tokens[end + 1] as Token).sentence === opening.sentence) end++;
    k = end + 1;
    // The question proper starts after a handle, a bracketed note or a greeting: "@Practice are you
    // shut Thursday?", "(Nextdoor) Does …", "Hiya, is there …".
    const first = questionStart(doc, opening.index, end);
    const opensQuestion =
      doc.questions.has(first.sentence) ||
      (casual &&
        CASUAL_OPENERS.has(first.text) &&
        CASUAL_SECOND.has(tokens[first.index + 1]?.text ?? '') &&
        !RHETORICAL_THIRD.has(tokens[first.index + 2]?.text ?? ''));
    if (!opensQuestion || !ENQUIRY_OPENERS.has(first.text)) continue;
    if (complaintSentences.has(first.sentence)) continue; // "What is going on at …?" is a complaint
    if (groupSentences.has(first.sentence)) continue;
    const second = tokens[first.index + 1];
    if (
      second &&
      second.sentence === first.sentence &&
      NOT_ENQUIRY_SECOND.has(second.text) &&
      first.text !== 'how'
    )
      continue;
    const last = tokens[end] as Token;
    hits.push({
      category: 'enquiry',
      ruleId: 'enquiry.question',
      start: first.start,
      end: last.end,
      confidence: 0.6,
    });
  }
  return hits;
}

const STAFF_WORDS = new Set<string>([...WORD_LISTS.role, ...WORD_LISTS.rolePlural]);
const OBLIGATION: ReadonlySet<string> = new Set(TABLE.lists.svcObligation);
const FUTURE_MODALS: ReadonlySet<string> = new Set(TABLE.lists.svcFutureModals);

/** Trying to reach the practice: an access complaint even on a request. */
const CONTACT_WORDS: ReadonlySet<string> = new Set(TABLE.lists.svcContactWords);
const CONTACT_WORD = wordKind(CONTACT_WORDS);
/** A request is not refused by its own author: "Please don't message me". */
const REQUEST_NEGATIONS: ReadonlySet<string> = new Set(TABLE.lists.svcRequestNegations);

/** Words that, as a whole sentence after a grievance, are sarcasm: "Lovely.", "Brilliant.", "Genius." */
const VERDICTS: ReadonlySet<string> = new Set(TABLE.lists.svcVerdicts);
const GRIEVANCE_CUES = new Set<string>([
  ...WORD_LISTS.negation,
  'nobody',
  'noone',
  'none',
  'without',
  'again',
]);

/**
 * A sentence that is only a praise word, right after a sentence with a grievance in it (a negation,
 * "nobody", "without", "again") or in a post already complaining: "No masks, no windows open. Lovely."
 */
function sarcasticVerdicts(doc: RuleInput['doc'], complaining: boolean): Hit[] {
  const { tokens } = doc;
  const hits: Hit[] = [];
  for (let k = 1; k < tokens.length && hits.length < MAX_QUESTIONS; k++) {
    const token = tokens[k] as Token;
    const previous = tokens[k - 1] as Token;
    const next = tokens[k + 1];
    // Only a sentence's first word can be a verdict on its own: the cheap test first.
    if (previous.sentence === token.sentence || !VERDICTS.has(token.text)) continue;
    if (next !== undefined && next.sentence === token.sentence) continue;
    let grievance = complaining;
    for (let m = k - 1; m >= 0 && !grievance; m--) {
      const t = tokens[m] as Token;
      if (t.sentence !== previous.sentence) break;
      grievance = GRIEVANCE_CUES.has(t.text);
    }
    if (grievance)
      hits.push({
        category: 'complaint',
        ruleId: 'complaint.sarcasm',
        start: token.start,
        end: token.end,
        confidence: 0.6,
        first: k,
        last: k + 1,
      });
  }
  return hits;
}

const CONTRAST: ReadonlySet<string> = new Set(TABLE.lists.svcContrast);
const MAX_CLAUSE = 24;

/**
 * A practice word after another business in the same sentence, with no contrast between them ("the
 * vets were amazing, the nurse there…"), belongs to that business; "the dentist is awful but the
 * surgery is great" does not. Bounded to a short reach so the check stays cheap.
 */
function sameBusinessClause(tokens: readonly Token[], business: number, ref: number): boolean {
  const from = Math.min(business, ref);
  const to = Math.max(business, ref);
  if (to - from > MAX_CLAUSE) return false;
  const sentence = tokens[business]?.sentence;
  for (let k = from; k <= to; k++) {
    const token = tokens[k] as Token;
    if (token.sentence !== sentence || CONTRAST.has(token.text)) return false;
  }
  return true;
}

export const service: RuleFamily = {
  name: 'service',
  lists: SERVICE_LISTS,
  rules: SERVICE_RULES,
  derive: (input, direct) => {
    const { doc, context } = input;
    // Addressed to the practice: practice vocabulary or name, a member of staff, a review site, or a
    // request or threat aimed at it.
    const aboutPractice =
      input.hitsOf('service.practice_reference').length > 0 ||
      direct.some((h) => h.category === 'appointment_request') ||
      (input.found.get('threat') ?? []).length > 0 ||
      input.staff.length > 0 ||
      (input.found.get('identifies_staff') ?? []).length > 0 ||
      mentionsPracticeName(input) ||
      (context.platform !== undefined && REVIEW_PLATFORMS.has(context.platform));

    // complaint: its own vocabulary, or abuse/threats aimed at the practice or its staff.
    const negated = new Coverage(doc.tokens.length, input.hitsOf('complaint.negated'));
    const complaint = direct.filter(
      (h) =>
        h.category === 'complaint' &&
        (aboutPractice || h.ruleId === 'complaint.dissatisfaction') &&
        !negated.overlaps(h),
    );
    const aimed = input.hitsOf('complaint.aimed_at_practice').length > 0 || mentionsPracticeName(input);
    if (aimed) {
      for (const h of (input.found.get('abusive') ?? []).filter((a) => a.ruleId !== 'abusive.slur')) {
        complaint.push({
          ...h,
          category: 'complaint',
          ruleId: 'complaint.abuse_of_service',
          confidence: 0.6,
        });
      }
    }
    // "Calder Vale missed it.": the practice, by name, missed something.
    for (const h of input.hitsOf('complaint.missed_signal')) {
      const before = doc.tokens[h.first - 1];
      if (before && before.sentence === doc.tokens[h.first]?.sentence && input.practiceWords.has(before.text))
        complaint.push(hitFrom(h, 'complaint', 'complaint.dissatisfaction', 0.7));
    }
    // A one-word verdict after a grievance ("… no masks, no windows open. Lovely."): sarcasm.
    let sarcasm = aboutPractice ? sarcasticVerdicts(doc, complaint.length > 0) : [];
    const verdicts = new Coverage(doc.tokens.length, sarcasm as { first: number; last: number }[]);
    const praised = direct.some(
      (h) => h.category === 'feedback' && h.ruleId !== 'feedback.bare_thanks' && !verdicts.overlaps(h),
    );
    if (praised && complaint.length === 0) sarcasm = [];
    complaint.push(...sarcasm);

    // "Do I need to book …?" asks how to, it is not a request: drop hits right after do/does/did.
    const appointment = direct.filter((h) => {
      if (h.category !== 'appointment_request') return false;
      const at = h.first ?? 0;
      const sentence = doc.tokens[at]?.sentence;
      const asks = [doc.tokens[at - 1], doc.tokens[at - 2]].some(
        (t) => t !== undefined && t.sentence === sentence && QUESTION_AUX.has(t.text),
      );
      if (asks || !opensRequest(doc, at)) return false;
      // "I'll have to rebook", "might have to book": a statement of what will happen, not a request.
      const previous = doc.tokens[at - 1];
      if (
        OBLIGATION.has(doc.tokens[at]?.text ?? '') &&
        previous !== undefined &&
        previous.sentence === sentence &&
        FUTURE_MODALS.has(previous.text)
      )
        return false;
      // "Please don't message me", "they never ring me back": contact refused or missed, not asked for.
      if (h.ruleId === 'appointment_request.callback')
        for (let k = Math.max(0, at - 1); k < (h.last ?? at); k++)
          if (REQUEST_NEGATIONS.has(doc.tokens[k]?.text ?? '')) return false;
      return true;
    });
    // A request that says how long a thing has been awaited ("still waiting since January for his
    // referral, can someone look into it") is chasing, not complaining; failing to reach the practice
    // ("been ringing since Monday", "still no reply") stays a complaint.
    const contactSentences = new Set<number>();
    if (appointment.length > 0 && complaint.length > 0) {
      const kinds = wordKinds(doc);
      for (let k = 0; k < doc.tokens.length; k++)
        if ((kinds[k] as number) & CONTACT_WORD) contactSentences.add((doc.tokens[k] as Token).sentence);
    }
    const chasing = (h: Hit): boolean =>
      h.ruleId === 'complaint.access' && !contactSentences.has(doc.tokens[h.first ?? -1]?.sentence ?? -1);
    if (appointment.length > 0 && complaint.length > 0 && complaint.every(chasing)) complaint.length = 0;

    // enquiry: a question about the service, asked of the practice — a known question shape, or any
    // question sentence opening like an enquiry ("Is there …?", "Do you …?") in a post about the
    // practice that is not itself a request.
    const enquiry: Hit[] = [];
    // The practice's name used for another business ("Riverside Fish Bar") makes the post about that.
    const otherBusiness = !aboutPractice && doc.tokens.some((t) => input.practiceWords.has(t.text));
    const addressed =
      aboutPractice ||
      (!otherBusiness &&
        (input.hitsOf('service.addressed').length > 0 || input.hitsOf('enquiry.service_topic').length > 0));
    if (addressed) {
      for (const q of input.hitsOf('enquiry.service_question')) {
        const token = doc.tokens[q.first] as Token;
        const asked = doc.questions.size > 0 || QUESTION_STARTS.has(token.text);
        if (asked) enquiry.push(hitFrom(q, 'enquiry'));
      }
      if (enquiry.length === 0 && appointment.length === 0)
        enquiry.push(
          ...questionSentences(
            input,
            new Set(
              complaint
                .filter((h) => h.ruleId !== 'complaint.access')
                .map((h) => doc.tokens[h.first ?? -1]?.sentence ?? -1),
            ),
          ),
        );
    }

    // feedback: praise about the practice; a bare "thanks" on a request is only manners.
    let feedback = aboutPractice ? direct.filter((h) => h.category === 'feedback') : [];
    const cute = aboutPractice ? input.hitsOf('feedback.cute_signal') : [];
    if (
      cute.length > 0 &&
      (input.staff.length > 0 || doc.tokens.some((t) => STAFF_WORDS.has(t.text) && t.text !== 'team'))
    )
      for (const h of cute) feedback.push(hitFrom(h, 'feedback', 'feedback.praise', 0.7));
    const signOff = new Coverage(
      doc.tokens.length,
      appointment.length > 0 || enquiry.length > 0 ? input.hitsOf('service.sign_off_thanks') : [],
    );
    const negatedPraise = new Coverage(doc.tokens.length, input.hitsOf('feedback.negated'));
    feedback = feedback.filter((h) => !signOff.overlaps(h) && !negatedPraise.overlaps(h));
    if (appointment.length > 0 && feedback.every((h) => h.ruleId === 'feedback.thanks')) feedback = [];
    // A bare "thank you" on a request or a complaint is manners (or sarcasm), not feedback.
    if (appointment.length > 0 || complaint.length > 0 || enquiry.length > 0) {
      feedback = feedback.filter((h) => h.ruleId !== 'feedback.bare_thanks');
    }
    // Thanks on a complaint is usually sarcasm; only praise of something specific survives it.
    if (complaint.length > 0 && !feedback.some((h) => h.ruleId === 'feedback.praise')) feedback = [];
    // Sarcasm ("Oh brilliant, … Well done") is a complaint, not praise.
    if (input.hitsOf('service.sarcasm').length > 0 || sarcasm.length > 0) feedback = [];

    // About another business and not the practice: its complaints, praise and questions are not ours.
    // ("vet surgery", "the receptionist at the garage": practice words next to the business word are
    // the business's.)
    const business = input.hitsOf('service.other_business');

    const ourWords = input
      .hitsOf('service.practice_reference')
      .filter(
        (r) =>
          !business.some(
            (b) =>
              (r.first >= b.first - 3 && r.first <= b.last + 1) ||
              (r.first > b.last && sameBusinessClause(doc.tokens, b.first, r.first)),
          ),
      );
    const elsewhere =
      business.length > 0 &&
      ourWords.length === 0 &&
      !mentionsPracticeName(input) &&
      input.staff.length === 0;
    if (elsewhere) return [...appointment];
    return [...complaint, ...appointment, ...enquiry, ...feedback];
  },
};

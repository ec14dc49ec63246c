// harm_indication: a sign of risk of harm to self or others — suicidal thoughts, self-harm, an
// overdose, a goodbye note; a child or vulnerable adult being hurt, neglected or frightened.
//
// Figurative death talk is not a sign of risk: "nearly died laughing", "dying for a brew",
// "where hope goes to die", "I'll probably be dead by then". Patterns name the act, the intent or
// the hopelessness, never "die"/"dead" alone.
//
// Safeguarding signs come in two strengths: a strong one (someone hits the kids, an adult is left
// with nobody checking on them) fires on its own; weaker ones (bruises, "scared of him", "who do I
// tell?") need two in the same post (see `derive` in classify.ts).

import type { PhraseRule } from '../phrases.js';
import { hitFrom, type RuleFamily } from './types.js';

export const HARM_LISTS = {
  dependant: [
    'kids',
    'kid',
    'children',
    'child',
    'son',
    'daughter',
    'baby',
    'brother',
    'sister',
    'toddler',
    'boy',
    'girl',
    'wife',
    'mum',
    'mother',
    'dad',
    'father',
    'nan',
    'grandad',
    'partner',
    'him',
    'her',
    'them',
    'one',
    'me',
  ],
};

export const HARM_RULES: PhraseRule[] = [
  {
    id: 'harm_indication.suicidal',
    category: 'harm_indication',
    confidence: 0.9,
    patterns: [
      'kill|killing|end _1 myself',
      'end|ending it all',
      'wants|want|wanted|wanting|talking|talks|talked _3 end|ending it',
      'kill|killing himself|herself|themselves',
      'wants|wanted to die',
      'says|said|saying|keeps _3 wants|want to die',
      'be better off without',
      'writing|written|wrote _2 letters|letter|note|notes _2 tonight|goodbye|everyone',
      'better off without me',
      'suicid*',
      'cant go|carry on $',
      'whats|what is? the point _4 anymore|living|anything',
      'whats|what is? the point $',
      'notice|care|miss me? _1 if i wasnt|werent here|around|alive',
      'nobody|noone would _2 notice|care|miss _1 if i _2 gone|died|dead|disappeared|wasnt|werent|here|around|went|did|do|left',
      'last video|post|message|tiktok probably? $',
      'goodbye _3 love you all|everyone',
      'want|wish|need _2 pain|it|everything _1 to stop|end',
      'make it stop $',
      'rather be dead',
      'not wake up',
      'sleep and never|not wake up',
      'written|writing|wrote _1 my|a will|goodbye',
      'sorted|sorting _1 my affairs',
      'dont|cant see a|any future',
      'everything|life is|seems|feels pointless|meaningless',
      'happier|better _3 if i _1 disappeared|died|disappear|die|wasnt|werent|gone',
      'if i _1 disappeared|died|vanished',
      'if i _1 was|wasnt|werent gone|here|around|alive',
      'never wake up $',
      'spiralling|spiraling',
      'cant|cannot do|take|cope|handle this|it _1 anymore|any',
      'cant cope $',
      'this is goodbye',
      'sorry for everything',
    ],
  },
  {
    id: 'harm_indication.self_harm',
    category: 'harm_indication',
    confidence: 0.9,
    patterns: [
      'self harm*',
      'been|started|back|stopped|relapsed _2 cutting|harming|burning',
      'cutting|harming again',
      'cuts|scars|marks|burns on _1 her|his|their|my _1 arms|wrists|legs|thighs|arm|wrist',
      'cuts|scars|marks|burns _2 up|over|across _1 her|his|their|my _1 arms|wrists|legs|thighs|arm|wrist',
      'cut|cuts|cutting|burn|burning my arms|wrists|legs|thighs|arm|wrist|skin',
      'relapsed',
      'selfharm*',
      'harming|harm|hurting|hurt|cutting|cut|burning|starving|starved myself|herself|himself|themselves',
      'swallow|swallowing|swallowed|took|necked|downed all|every _1 my|the? tablets|pills|meds|@meds',
      'took|taken|take|swallowed|swallowing|necked _1 a|the? bunch|load|handful|lot|box|packet|pack|boxes|packets|bottle|bottles|strip|strips|tub _2 @medicine|meds|medication|medicine',
      'overdose|overdosed|od',
      'took|taken|swallowed|necked _1 a|the? bunch|load|handful|lot|all _4 tablets|pills|meds',
      'saving|saved|stockpiling|hoarding|collecting _1 up? my|the? _1 pills|tablets|meds|@medicine',
      'stop|stopping|stopped taking my insulin|meds|medication|tablets|pills|@medicine',
      'not taking my _1 insulin|meds|medication|tablets|pills|@medicine _1 anymore',
      'havent|hasnt|not eaten|eating _2 days|week|weeks',
      'gonna|going _2 stop taking my',
    ],
  },
  {
    id: 'harm_indication.safeguarding',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [
      'hits|hitting|beats|beating|slaps|slapping|punches|kicks|hurts|hurting|abuses|abusing|burns|burnt|burned|starves|starving|chokes|choking _1 the|his|her|their|my|them? @dependant',
      'takes|took|taking|taken _1 his|her|their bank|money|pension|benefits|savings|card',
      'pushed|pushes|shoved|shoves|threw|throws|kicked _1 her|him|them _3 down|into|against|out|stairs',
      'locks|locked|locking _1 my|the|his|her? _2 @dependant _3 in|out',
      'nobody|noone checking|looking on|after him|her|them',
      'no food in the house',
    ],
  },
  {
    // Signal: weaker signs of risk; two in one post make a safeguarding concern.
    id: 'harm_indication.concern_sign',
    confidence: 0.7,
    patterns: [
      'bruise|bruises|bruised|bruising',
      'frightened|scared|terrified of? him|her|them',
      'hes|shes|theyre|is|are frightened|scared|terrified',
      'never|not _3 fed',
      'starving|hungry all the time',
      'drag|drags|dragged|dragging|grabbed|grabs|shakes|shook|smacked|smacks|slapped|slaps|hit|hits _1 him|her|them|the|his|my',
      'black eye|eyes',
      'marks|burns on _1 his|her|their',
      'social services',
      'screams|shouts|screaming|shouting|yells|yelling _1 at _1 her|his|their|the|those kids|children|child|baby|son|daughter',
      'things _1 being? thrown|smashed',
      'scared|worried|frightened|fear _1 for _2 them|him|her|kids|children|safety|life',
      'safeguarding',
      'scared|afraid|frightened to go home',
      'dirty _2 clothes|nappy|nappies',
      'lives|living on? alone',
      'asking _2 for food|money',
      'no coat|shoes|food|heating',
      'lost _2 weight',
      'giving|given _3 stuff|things|belongings away',
      'im|so scared|frightened|terrified',
      'i am scared|frightened|terrified',
      'someone|somebody needs|should _1 to? check on',
      'hungry|starving _3 school|time|day',
      'shouting|screaming|calling|crying _1 for help',
      'should i call|ring|tell _1 someone|anyone|the',
      'crying _3 outside|alone|night|rain',
      'stopped|stop|stopping eating',
      'cant|cannot get out of bed',
      'wont|doesnt|never let _1 him|her|them _1 see|go|leave|out|talk',
      'never|no|isnt _1 any? food _2 house|home|fridge',
      'nobody|noone has seen',
      'shouts|screams|shouting|screaming at him|her|them',
      'who do i _1 report|tell|ring|call|contact',
      'what do|should i do $',
      'cant|cannot tell anyone',
      'left on their|his|her own|alone',
      'had a fall',
      'neglect*',
    ],
  },
];

const YOUNG_CHILD: ReadonlySet<string> = new Set([
  'toddler',
  'baby',
  'toddlers',
  'babies',
  'tot',
  'little',
  'one',
]);
const TIME_CLAUSE: ReadonlySet<string> = new Set(['when', 'once', 'after', 'till', 'until', 'before', 'if']);
const CUT_THING: ReadonlySet<string> = new Set([
  'hair',
  'fringe',
  'grass',
  'lawn',
  'hedge',
  'hedges',
  'nails',
  'toenails',
  'back',
  'down',
  'costs',
  'corners',
  'ties',
  'out',
  'off',
  'short',
  'cake',
  'wood',
  'paper',
  'onions',
  'veg',
  'services',
  'funding',
]);
const POSSESSIVE: ReadonlySet<string> = new Set(['her', 'his', 'my', 'their', 'own', 'the', 'your']);
/** The words after a cutting verb name a thing: "cutting her own hair", "cut back on". */
function cutsAThing(tokens: readonly { text: string }[], after: number): boolean {
  for (let k = after; k < Math.min(tokens.length, after + 3); k++) {
    const text = (tokens[k] as { text: string }).text;
    if (CUT_THING.has(text)) return true;
    if (!POSSESSIVE.has(text)) return false;
  }
  return false;
}
const SUICIDE_TOPIC: ReadonlySet<string> = new Set([
  'prevention',
  'awareness',
  'training',
  'course',
  'helpline',
  'charity',
  'squad',
  'statistics',
  'rates',
  'rate',
  'talk',
  'walk',
  'month',
  'week',
]);
const ASKED: ReadonlySet<string> = new Set(['asked', 'asks', 'ask', 'asking', 'screened', 'questionnaire']);
const IF: ReadonlySet<string> = new Set(['if', 'whether', 'about']);
/** "The doctor asked if I'd had thoughts of harming myself": a screening question, not a disclosure. */
export function reportedQuestion(
  tokens: readonly { text: string; sentence: number }[],
  first: number,
): boolean {
  const sentence = (tokens[first] as { sentence: number }).sentence;
  let sawIf = false;
  for (let k = first - 1; k >= Math.max(0, first - 10); k--) {
    const t = tokens[k] as { text: string; sentence: number };
    if (t.sentence !== sentence) return false;
    if (IF.has(t.text)) sawIf = true;
    else if (sawIf && ASKED.has(t.text)) return true;
  }
  return false;
}
const LAUGHTER: ReadonlySet<string> = new Set(['laughing', 'laughin', 'lol', 'lmao', 'haha', 'hahaha']);

export const harm: RuleFamily = {
  name: 'harm_indication',
  lists: HARM_LISTS,
  rules: HARM_RULES,
  derive: (input, all) => {
    // "killing myself laughing", "ending myself lol": laughter after the words makes them figurative.
    const tokens = input.doc.tokens;
    const direct = all.filter((hit) => {
      const after = hit.last === undefined ? undefined : tokens[hit.last];
      if (after && LAUGHTER.has(after.text)) return false;
      // "suicide prevention course", "asked if I'd had thoughts of harming myself, I said no"
      if (after && SUICIDE_TOPIC.has(after.text)) return false;
      if (hit.first !== undefined && reportedQuestion(tokens, hit.first)) return false;
      // "been cutting her own hair", "cutting back": the cut is of a thing.
      if (hit.last !== undefined && cutsAThing(tokens, hit.last)) return false;
      // "we'll see who's laughing when I'm done": a time clause, not a goodbye.
      const before = hit.first === undefined ? undefined : tokens[hit.first - 1];
      if (before && TIME_CLAUSE.has(before.text) && hit.ruleId === 'harm_indication.suicidal') return false;
      // "my toddler hits me": the child is the one hitting, not the one at risk.
      if (hit.ruleId === 'harm_indication.safeguarding' && hit.first !== undefined) {
        for (let k = hit.first - 1; k >= Math.max(0, hit.first - 2); k--) {
          const before = tokens[k];
          if (before && YOUNG_CHILD.has(before.text)) return false;
        }
      }
      return true;
    });
    // Two different weaker signs (bruises + "who do I tell?") make a safeguarding concern.
    const signs = input.hitsOf('harm_indication.concern_sign');
    // Signs that overlap ("shouts at her" inside "shouts at her kids") are one sign.
    let distinct = 0;
    let end = -1;
    const seen = new Set<string>();
    for (const sign of [...signs].sort((a, b) => a.start - b.start)) {
      const text = input.doc.original.slice(sign.start, sign.end).toLowerCase();
      if (sign.start < end || seen.has(text)) continue;
      seen.add(text);
      end = sign.end;
      distinct++;
    }
    if (distinct < 2) return direct;
    return [
      ...direct,
      ...signs.map((sign) => hitFrom(sign, 'harm_indication', 'harm_indication.safeguarding_signs', 0.7)),
    ];
  },
};

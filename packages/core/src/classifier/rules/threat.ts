// threat: a threat of violence or harm to staff, patients or premises — explicit ("I'll stab …"),
// with a weapon ("coming in with a bat"), against the building ("torch that place"), or veiled
// ("watch your back", "I know what time she finishes", "better not be on her own").
//
// Figurative violence is not a threat: "could kill for a coffee", "this cough is killing me",
// "smashed it", "knock him down a peg", "bomb service". Patterns therefore need a violent verb AND a
// person or place as its object, never the verb alone.

import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { aboutPractice, SentenceFlags, threatVetoed } from './concern-signals.js';
import type { Hit, RuleFamily } from './types.js';

export const THREAT_LISTS = {
  threatTarget: [
    'you',
    'u',
    'ya',
    'him',
    'her',
    'them',
    'someone',
    'somebody',
    'everyone',
    'staff',
    'receptionist',
    'receptionists',
    'doctor',
    'doctors',
    'nurse',
  ],
  threatSubject: ['ill', 'i', 'im', 'ima', 'imma', 'were', 'well', 'we', 'gonna', 'going'],
  weapon: [
    'bat',
    'knife',
    'knives',
    'machete',
    'hammer',
    'gun',
    'crowbar',
    'blade',
    'acid',
    'axe',
    'shotgun',
    'petrol',
    'brick',
    'bricks',
  ],
  premises: [
    'place',
    'surgery',
    'building',
    'practice',
    'window',
    'windows',
    'it',
    'reception',
    'clinic',
    'dump',
  ],
};

export const THREAT_RULES: PhraseRule[] = [
  {
    id: 'threat.violence',
    category: 'threat',
    confidence: 0.9,
    patterns: [
      'smash|kick|punch|knock _1 your|his|her|their face|faces|head|heads|teeth _1 in',
      'break|snap your|his|her|their legs|neck|arms|jaw',
      'put you|him|her|them in the? hospital',
      'picking|pick _2 teeth up',
      'youre|your|ur dead $',
      'youre|you|ur dead meat',
      'youll get|gets|get what|whats coming',
      'gonna|going get|gets what|whats coming',
      'ill|we|im _2 get|find you|him|her|them $',
      'wait|waiting till|until i get|see _1 hands on',
      'beat|kick the _1 shit|crap|hell out',
      'deserve|deserves to be|get _1 shot|stabbed|beaten|hurt|battered|punched',
      'someone|somebody should|needs|ought _2 stab|shoot|kill|batter|hurt|punch|beat|attack @threatTarget',
    ],
  },
  {
    id: 'threat.weapon',
    category: 'threat',
    confidence: 0.9,
    patterns: [
      'coming|come|comes|turn|turning|go|going|walk|walking|bring|bringing|back _3 with a|my|the _1 @weapon',
      'knife|knives|gun knife|knives|gun',
    ],
  },
  {
    id: 'threat.premises',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      'torch|torching|burn|burning|firebomb|petrol|bomb|blow _2 that|the|this|your|down|up _1 @premises|down|up',
      'brick|bricks|rock|rocks through _2 window|windows|glass',
      'smash|smashing|wreck|wrecking _2 the|that|this|your place|surgery|reception|windows|window _1 up?',
      'burn|burning it|the|that place|surgery|building? down',
      'shoot|shooting up the|that place|surgery',
    ],
  },
  {
    id: 'threat.veiled',
    category: 'threat',
    confidence: 0.75,
    patterns: [
      'watch|watching your|his|her|their|ur back|backs',
      'watch yourself|yourselves|himself|herself $',
      'i|we know which|what car|house|road|street _3 is|hers|his|theirs|drives',
      'know where _2 lives|live',
      'keep|try|carry|go|do|push _4 and see what happens',
      'throw|chuck|drag|put|launch _1 someone|somebody|him|her|them|you _2 over|across|through _1 that|the counter|desk|screen|glass|window',
      'looking|look over _1 shoulder|shoulders',
      'wont know _2 hit him|her|them|you|em',
      'be|itd a shame if',
      'i|ive seen|know which|what bus|car|train|route',
      'chair|brick|rock|bottle|stone|fist through _3 it|window|windows|screen|glass|door|face',
      'wants|want|needs|need|better|should|wanna|best to? watch|mind yourself|himself|herself|themselves|yourselves',
      'with a|my fist|fists|bat|knife|brick|hammer',
      'teach _4 a lesson|manners',
      'find out where _2 lives|live',
      'go|going|come|coming round _2 house|there|his|hers|theirs',
      'someone|somebody|people|staff _2 going|gonna|will _2 get hurt|stabbed|hurt|killed|battered',
      'get|gets hurt _3 reception|surgery|there|here',
      'i|we know exactly? where|when|what|which|you _4 drink|drinks|live|lives|park|parks|finish|finishes|leave|leaves|walk|walks|go|goes|shop|shops|kids|children',
      'just so she|he|they|you knows|know',
      'coming|come for you|him|her|them|every|everyone|all',
      'burn _2 to the ground',
      'therell|theres|there _3 be trouble|blood|war|carnage',
      'youll|shell|hell|theyll|u see $',
      'youll|shell|hell|theyll find out $',
      'i|we know where you|he|she|they|u|the _3 live|lives|park|parks|car|work|works',
      'better not _5 on _1 own',
      'better hope i|we|they _2 dont|never get|see',
      'actions have consequences',
      'wont save them|you|her|him',
      'youll|you|theyll|hell|shell|will _1 regret it|this',
    ],
  },
];

// A backstop for threats phrased in ways no pattern lists: in one sentence, a violent word, a person or
// place near it, and a word of intent or menace ("Someone should teach that receptionist some manners
// with a fist"). Figurative uses ("kill for a coffee", "killing me", "smashed it") are excluded.
const VIOLENT = new Set([
  'slap',
  'punch',
  'fist',
  'fists',
  'kick',
  'kicking',
  'batter',
  'battered',
  'beat',
  'beating',
  'stab',
  'stabbed',
  'knife',
  'glass',
  'glassed',
  'smash',
  'torch',
  'burn',
  'petrol',
  'bomb',
  'gun',
  'shoot',
  'shot',
  'bat',
  'hammer',
  'brick',
  'teeth',
  'throat',
  'strangle',
  'kill',
  'murder',
  'hurt',
  'headbutt',
  'deck',
  'lamp',
  'thump',
  'smack',
  'bottle',
  'stamp',
  'machete',
  'acid',
  'blade',
  'smashed',
  'torched',
  'burned',
  'burnt',
  'kicked',
  'punched',
  'slapped',
  'bricked',
]);
const TARGET = new Set([
  'him',
  'her',
  'them',
  'you',
  'ya',
  'u',
  'he',
  'she',
  'they',
  'receptionist',
  'receptionists',
  'doctor',
  'doctors',
  'gp',
  'gps',
  'nurse',
  'nurses',
  'staff',
  'manager',
  'place',
  'surgery',
  'reception',
  'someone',
  'somebody',
  'everyone',
  'building',
  'practice',
  'window',
  'windows',
]);
const MENACE = new Set([
  'ill',
  'hell',
  'shell',
  'theyll',
  'youll',
  'well',
  'will',
  'gonna',
  'going',
  'wanna',
  'should',
  'better',
  'if',
  'next',
  'wait',
  'till',
  'until',
  'deserve',
  'deserves',
  'needs',
  'need',
  'one',
  'day',
  'dare',
  'pity',
  'shame',
  'yet',
  'wish',
]);
const FIGURATIVE_AFTER = new Set(['for', 'me', 'it', 'myself']);
/** A sentence about a procedure ("the jab will hurt you a bit") is not a threat. */
const PROCEDURE = new Set([
  'jab',
  'jabs',
  'needle',
  'needles',
  'injection',
  'bloods',
  'vaccine',
  'smear',
  'scratch',
  'sting',
]);

function cueCombination(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  let s = 0;
  while (s < tokens.length && hits.length < 5) {
    const sentence = (tokens[s] as Token).sentence;
    let e = s;
    while (e < tokens.length && (tokens[e] as Token).sentence === sentence) e++;
    let menace = false;
    let procedure = false;
    for (let k = s; k < e; k++) {
      const text = (tokens[k] as Token).text;
      if (MENACE.has(text)) menace = true;
      if (PROCEDURE.has(text)) procedure = true;
    }
    if (procedure) menace = false;
    if (menace) {
      for (let k = s; k < e; k++) {
        const token = tokens[k] as Token;
        if (!VIOLENT.has(token.text)) continue;
        const after = tokens[k + 1];
        if (after && after.sentence === sentence && FIGURATIVE_AFTER.has(after.text)) continue;
        // "a kick up the backside", "kick up a fuss"
        if (token.text === 'kick' && after?.text === 'up') continue;
        let target = -1;
        for (let m = Math.max(s, k - 4); m < Math.min(e, k + 5); m++)
          if (m !== k && TARGET.has((tokens[m] as Token).text)) target = m;
        if (target < 0) continue;
        const first = Math.min(k, target);
        const last = Math.max(k, target);
        hits.push({
          category: 'threat',
          ruleId: 'threat.cue_combination',
          start: (tokens[first] as Token).start,
          end: (tokens[last] as Token).end,
          confidence: 0.6,
          first,
          last: last + 1,
        });
        break;
      }
    }
    s = e;
  }
  return hits;
}

export const threat: RuleFamily = {
  name: 'threat',
  lists: THREAT_LISTS,
  rules: THREAT_RULES,
  derive: (input, direct) => {
    const flags = new SentenceFlags(input.doc.tokens);
    let about: boolean | undefined;
    const isAbout = (): boolean => {
      if (about === undefined) about = aboutPractice(input);
      return about;
    };
    const kept = direct.filter((hit) => !threatVetoed(input, hit, flags, isAbout));
    if (kept.length > 0) return kept;
    return cueCombination(input.doc.tokens).filter((hit) => !threatVetoed(input, hit, flags, isAbout));
  },
};

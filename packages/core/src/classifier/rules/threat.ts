// threat: a threat of violence or harm to staff, patients or premises — explicit ("I'll stab …"),
// with a weapon ("coming in with a bat"), against the building ("torch that place"), or veiled
// ("watch your back", "I know what time she finishes", "better not be on her own").
//
// Figurative violence is not a threat: "could kill for a coffee", "this cough is killing me",
// "smashed it", "knock him down a peg", "bomb service". Patterns therefore need a violent verb AND a
// person or place as its object, never the verb alone.

import type { PhraseRule } from '../phrases.js';
import type { RuleFamily } from './types.js';

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
      '@threatSubject _2 will|gonna|going|to? _1 kill|stab|batter|punch|deck|strangle|throttle|shoot|slap|glass|smack|thump|headbutt|murder|hurt|attack @threatTarget',
      '@threatSubject _2 kill|stab|batter|punch|deck|strangle|shoot|slap|glass|smack|thump|murder|hurt|attack the|that|those|this|one? @role|@rolePlural',
      '@threatSubject _2 drag|beat|kick|knock _1 @threatTarget _3 across|over|out|up|in|into|head|face|teeth',
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
      'i|ill|we _2 do you|him|her|them in $',
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
      'baseball bat',
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
      'watch your|his|her|their|ur back|backs',
      'therell|theres|there _3 be trouble',
      'youll|shell|hell|theyll|u see $',
      'i|we know where you|he|she|they|u|the _3 live|lives|park|parks|car|work|works',
      'i|we know what time _3 finish|finishes|leaves|leave|gets|clocks',
      'better not be on _1 own',
      'better hope i|we|they _2 dont|never get|see',
      'pay _1 you|him|her|them a visit',
      'actions have consequences',
      'i|ive have|got your|their|all names',
      'wont save them|you|her|him',
      'running|run|drive|driven _2 out of town',
      'if nobody|noone else will _3 we|i will',
      'youll|you|theyll|hell|shell|will _1 regret it|this',
      'youll|theyll|hell|shell pay for this|it',
      'you will pay for this|it',
    ],
  },
];

export const threat: RuleFamily = { name: 'threat', lists: THREAT_LISTS, rules: THREAT_RULES };

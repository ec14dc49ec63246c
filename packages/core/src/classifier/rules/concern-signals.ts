// concern signals: compositional patterns for the two critical categories, `threat` and
// `harm_indication`, built from KINDS of words rather than whole phrases, so new phrasings of the
// same idea match: who speaks + what they mean to do + a harmful act + at whom ("I'm going to put
// that receptionist through the wall"), a consequence laid on the reader ("whatever happens next is
// on you"), a statement about safety ("can't keep myself safe"), a method or a relapse ("cut again
// last night", "took too many of my tablets"), and harm reported about someone else ("keeps talking
// about not being here").
//
// Each rule needs the harmful act AND its aim (a person, the practice, the author), never a violent
// or deathly word alone; `derive` vetoes the figurative and the out-of-scope: negated intent ("I'd
// never hurt anyone"), a procedure ("this will hurt you a bit"), hazards ("someone will get hurt on
// those stairs"), blame rather than menace ("someone will end up in A&E because of you"), and
// relapse words about things rather than people ("my hair was cut again").
//
// Linear: every pattern is a phrase of the shared matcher (bounded gaps, no backtracking over the
// text); `derive` looks at a bounded number of tokens around each hit.

import { WORD_LISTS } from '../lexicon.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import type { Hit, RuleFamily, RuleInput } from './types.js';

export const CONCERN_LISTS = {
  /** Who announces an intent: "I'll", "I'm going to", "gonna", "I swear", "I want to". */
  csIntent: [
    'ill',
    'imma',
    'ima',
    'gonna',
    'going',
    'will',
    'well',
    'were',
    'id',
    'wanna',
    'swear',
    'shall',
    'want',
    'finna',
    'gunna',
    'ahll',
    'ahm',
  ],
  /** Acts of violence against a person (present/infinitive forms: they follow an intent). */
  /** Acts of violence against a person: the unambiguous ones ("hurt", "hit" need the person straight after). */
  csHarmVerb: [
    'kill',
    'killing',
    'stab',
    'stabbing',
    'batter',
    'battering',
    'punch',
    'punching',
    'strangle',
    'strangling',
    'throttle',
    'choke',
    'slap',
    'slapping',
    'smack',
    'smacking',
    'thump',
    'headbutt',
    'murder',
    'attack',
    'attacking',
    'maim',
    'knife',
    'lamp',
    'twat',
    'chin',
    'leather',
    'kick',
    'kicking',
    'smash',
    'smashing',
    'glass',
    'glassing',
    'deck',
    'beat',
    'beating',
  ],
  /** Whom: a person, a group of staff or anyone at all. */
  csPerson: [
    'you',
    'u',
    'ya',
    'yous',
    'youse',
    'him',
    'her',
    'them',
    'em',
    'someone',
    'somebody',
    'anyone',
    'anybody',
    'everyone',
    'everybody',
    'whoever',
    'every',
    'each',
    'person',
    'people',
    'lad',
    'bloke',
    'woman',
    'man',
    'guy',
    'girl',
    'cow',
    'prick',
    'idiot',
    ...WORD_LISTS.role,
    ...WORD_LISTS.rolePlural,
  ],
  /** Someone who may "get hurt" or "end up in hospital" as the speaker's doing. */
  csVictim: [
    'someone',
    'somebody',
    'someones',
    'somebodys',
    'anyone',
    'anybody',
    'one',
    'you',
    'u',
    'youll',
    'youre',
    'he',
    'hes',
    'hell',
    'she',
    'shes',
    'shell',
    'they',
    'theyll',
    'theyre',
    'people',
    'whoever',
    'staff',
    ...WORD_LISTS.role,
    ...WORD_LISTS.rolePlural,
  ],
  /** Hurt done to a person, as a result ("gets hurt", "end up glassed"). */
  csHurtDone: [
    'hurt',
    'stabbed',
    'battered',
    'beaten',
    'punched',
    'glassed',
    'slapped',
    'smacked',
    'decked',
    'shot',
    'knifed',
    'kneecapped',
    'hospitalised',
    'leathered',
    'twatted',
    'lamped',
    'strangled',
    'bottled',
    'kicked',
    'knocked',
    'smashed',
    'injured',
    'dropped',
    'floored',
    'chinned',
    'sparked',
    'banjoed',
    'merked',
    'shanked',
    'jumped',
    'rearranged',
  ],
  /** Acts of damage to a place or a car. */
  csDestroy: [
    'smash',
    'smashing',
    'wreck',
    'wrecking',
    'trash',
    'trashing',
    'torch',
    'torching',
    'burn',
    'burning',
    'firebomb',
    'petrol',
    'bomb',
    'bombing',
    'flatten',
    'demolish',
    'brick',
    'bricking',
    'vandalise',
    'key',
    'keying',
    'blow',
  ],
  csPremises: [
    'place',
    'surgery',
    'practice',
    'building',
    'reception',
    'windows',
    'window',
    'clinic',
    'door',
    'doors',
    'office',
    'offices',
    'car',
    'cars',
    'house',
    'houses',
    'home',
    'homes',
    'centre',
    'pharmacy',
    'waiting',
    'hatch',
    'counter',
    'desk',
    'screen',
    'screens',
    'glass',
    'sign',
    'shutters',
  ],
  /** People the speaker can call on. */
  csCrew: [
    'brothers',
    'brother',
    'lads',
    'mates',
    'boys',
    'cousins',
    'crew',
    'uncles',
    'gang',
    'boyz',
    'sons',
    'pals',
    'friends',
    'family',
    'people',
    'blokes',
    'firm',
  ],
  csWeapon: [
    'bat',
    'knife',
    'knives',
    'machete',
    'hammer',
    'gun',
    'crowbar',
    'blade',
    'blades',
    'acid',
    'axe',
    'shotgun',
    'brick',
    'bricks',
    'shank',
    'shiv',
    'knuckleduster',
    'knuckledusters',
    'cleaver',
    'screwdriver',
    'pole',
    'golf',
  ],
  /** Someone who may be hurting the author or a person they speak of. */
  csAbuser: [
    'he',
    'hes',
    'partner',
    'partners',
    'husband',
    'husbands',
    'hubby',
    'boyfriend',
    'boyfriends',
    'bf',
    'ex',
    'exs',
    'stepdad',
    'stepdads',
    'dad',
    'dads',
    'father',
    'fathers',
    'mum',
    'mums',
    'mother',
    'mothers',
    'stepmum',
    'stepmums',
    'fella',
    'fellas',
    'bloke',
    'wife',
    'girlfriend',
    'carer',
    'carers',
    'uncle',
    'uncles',
    'she',
    'shes',
    'they',
  ],
  /** Assault verbs as reported ("strangled me", "hits her"). */
  csAssault: [
    'hit',
    'hits',
    'hitting',
    'punched',
    'punches',
    'punching',
    'strangled',
    'strangles',
    'strangling',
    'choked',
    'chokes',
    'choking',
    'throttled',
    'throttles',
    'kicked',
    'kicks',
    'kicking',
    'slapped',
    'slaps',
    'slapping',
    'beat',
    'beats',
    'beating',
    'battered',
    'batters',
    'headbutted',
    'smacked',
    'smacks',
    'raped',
    'rapes',
    'assaulted',
    'assaults',
    'attacked',
    'attacks',
    'bit',
    'bites',
    'burnt',
    'burned',
    'burns',
    'whips',
    'whipped',
    'belted',
    'belts',
  ],
  /** A person on the receiving end of an assault. */
  csAssaulted: ['me', 'her', 'him', 'them', 'us', 'mum', 'mam', 'mom', 'the', 'my', 'his', 'their'],
  /** Hurting oneself, as an act done ("cut", "burned"). */
  csSelfHarmAct: ['cut', 'cutting', 'harmed', 'harming', 'relapsed', 'relapsing', 'purged', 'purging', 'sh'],
  /** A telling verb: someone reports what another said or keeps saying. */
  csSaying: [
    'said',
    'says',
    'saying',
    'keeps',
    'kept',
    'told',
    'telling',
    'talking',
    'talks',
    'talked',
    'talk',
    'mentioned',
    'mentions',
    'texted',
    'posted',
    'messaged',
    'going',
    'goes',
    'thinks',
    'thinking',
    'wrote',
    'writes',
  ],
};

export const CONCERN_RULES: PhraseRule[] = [
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      // intent + violent act + person: "I swear I'll batter her", "gonna glass that receptionist"
      'wants|needs|want|need|deserves _1 his|her|their|your legs|neck|head|face|jaw|kneecaps|teeth|skull|arms|fingers _1 breaking|smashing|kicking|kicked|punching|caving|doing|knocking|snapping|stamping',
      'bring|bringing|brought|carry|carrying|pack|packing something|summat|owt|anything|sommat|somethin _1 heavy|sharp|hard|nasty|pointy',
    ],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: [
      // "someone's going to get hurt", "they'll get hurt", "one of them will end up glassed"
      'body bag|bags',
    ],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: [
      // a consequence laid on the reader
      'whatever|anything happens|happen next|now|then|after|today|tomorrow|here? is|its|thats|will|be|lies|rests on you|them|your|their|yous|him|her|staff',
      'wont|aint|not be asking|ask nicely|politely|twice',
      'next time _3 wont|aint|not be _1 words|talking|letters|letter|emails|email|complaints|complaint|polite|nice|so|phone|call|chat',
      'wait|waiting till|until _2 see what _3 happens|happen|ill|i|im|we|comes|do',
      'wont|aint|not be laughing|smiling|smirking|grinning _3 long|longer|when|after|next|once|then|soon',
      'see how brave|tough|hard|big|smart|smug|cocky|clever|funny|lippy|gobby|mouthy _3 then|when|after|is|are',
      'cant|cannot|wont _3 hide|hiding _3 behind|forever _3 glass|screen|screens|desk|counter|door|doors|security|police|walls|shutters|forever',
      'go|going|goes|went through _2 like a|an train|bus|truck|lorry|tank|steamroller|bulldozer',
      'hope|hopes|better|should _4 life insurance|insured',
      'watch what happens _2 if|when',
      'theyll|youll|hell|shell learn $',
      'see|watch _2 that|the|this|your @csPremises _1 burn|burning|go|going',
      'put|putting down like a|an _1 dog|animal',
      'see how far _3 gets|get you|yous|them',
      'dead man|woman|men|girl|boy|lad walking',
      'sorry _3 met|crossed me',
      'next its|is _1 the|your? @csPremises|you|yous',
      'hope _3 likes|like|enjoys|enjoy hospital food|beds|grapes',
      'likes|like|enjoy|enjoys hospital food $',
      'taking|take|bring|bringing someone|somebody|them|people|few _2 down with me',
      'get|gets|getting what _1 hes|shes|theyre|youre|is|are owed|due',
      'what happens to _1 people|anyone|those|folk _1 who|that',
      'bring|bringing|brought|carry|carrying _3 petrol|fuel|accelerant|lighter|matches|paraffin',
      'see if|who|whether _4 ignore|ignores|laughs|laugh|hangs|refuse|refuses _3 then|now',
      'might|could|may|will be your|their|his|her last $',
      'ruin|destroy|wreck his|hers|theirs|yours',
      'starting|start|starts with his|her|their|your family|kids|wife|husband|children',
      'getting|get|gets _1 a|little|proper visit $',
      'better _2 have|get|call _1 the? security|police|guards|backup',
      'deserve|deserves|deserved what|whats _1 is? coming',
      'what im|ill|were _2 going|gonna|about _1 to? do to',
      'find|finding|found out what happens|happen',
      'wont|not know what day|time it is',
      'start|better|should|need|needs|want|wants _3 wearing|wear _1 stab|body vests|vest|armour|armor',
      'go|going|goes back to prison|jail|nick',
      'something _2 regret _2 to someone|somebody|them|him|her|staff',
      'get|gets|getting|give|giving what for',
      'let|letting|set|setting _3 loose|on _2 reception|them|him|her|you|staff|the',
      'lucky _4 screen|glass|security|between|didnt|held|witnesses',
      'keep|keeping my hands|fists _2 to myself|off',
      'next time _6 wont|not|aint _1 hold|holding back',
      'wont|not|aint _2 hold|holding back $',
      'pay|paying|pays _5 little|surprise|proper|personal _1 visit',
      'get|getting|take|taking|have|having _2 revenge|vengeance|payback _2 on|against _1 that|the|this|those|every @role|@rolePlural|surgery|practice|place|lot',
      'no|nae idea|clue who|what _2 dealing|messing|fucking|playing with',
      'whos _1 laughing|smiling|smirking',
      'security|police|glass|screen|screens _3 wont|cant|wouldnt _1 stop|save|protect|help',
      'make sure _4 never|cant|cannot|wont _1 work|walk|practise|practice _1 again',
      'make|making them|him|her|you|yous|em|every|each|everyone _2 pay|suffer|regret|sorry|bleed',
      'get|getting|send|sending|bring|bringing|call|calling _2 @csCrew _4 wait|waiting|sort|visit|word|words|deal|meet|round|down|after|outside',
      'ill|well|im|were|gonna|going _2 sort|sorting _1 that|the|this|those|him|her|them|you|yous|em _1 @role|@rolePlural|lot? out',
    ],
  },
  {
    id: 'threat.damage',
    category: 'threat',
    confidence: 0.8,
    patterns: [
      '@csDestroy _2 the|that|this|your|their|those|his|her|whole|entire|every|all @csPremises',
      'put|puts|putting|take|takes|taking|set|sets a|the? match|lighter|torch|flame _1 to _2 that|the|this|your|their|those|whole? @csPremises|it',
      'put|putting|puts|kick|kicking|kicked _3 window|windows|door|doors|glass|screen|screens _1 in|through',
    ],
  },
  {
    id: 'harm_indication.safety',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [
      // statements about safety: "can't keep myself safe", "not safe on my own"
      'do|doing something stupid|silly|daft|drastic',
      'scared|afraid|frightened|terrified|worried|worry|fear _2 what i|ill|id|im|he|hell|she|shell _2 do|might|could|capable',
    ],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [
      // wishing not to be alive, ways to die, being a burden, the place and the drop
      'wish|wishing|wished|hope|hoping|pray|praying _3 wouldnt|dont|didnt|never|not|wont _1 wake|waking',
      'ways|way|how _2 to? end|ending it|things|everything|myself|my|all',
      'cant|cannot|dont _1 see myself _2 lasting|surviving|alive',
      'wish _3 never been born',
      'counting down _3 until|till i _1 can? go|rest|die $',
      'acid _3 my|her|his|their face',
      'wants|wanted|want|wanting _2 to? be with _3 died|passed|dead|heaven|gone',
      'tonight|today|todays|tonights _3 going|gonna _1 to? do it $',
      'sleep|asleep _1 and stay there|asleep|down',
      'bang|banging|banged|hit|hitting my head _4 when|til|till|until|every|again',
      'took|takes|taken|keeps|kept|hides|hid _1 her|his|my passport|documents|papers',
      'took|taken|swallowed|necked|downed the lot',
      'cant have me|her|him|you _2 no|nobody|noone',
      'if i _1 didnt|dont|never|wouldnt wake|woke|waking',
      'engine running _4 garage',
      'garage _6 engine|motor running',
      'want|wanna|wish _2 sleep forever',
      'telling|tells|told|tell me|myself to end|kill|hurt|jump|die|cut|harm',
      'for me|her|you if i|she|you _1 ever? leave|leaves|go|tell',
      'better|happier|easier|nicer|brighter _3 without me',
      'only thing|reason _3 stopping|keeping|holding me',
      'tired|sick|exhausted of _1 being? alive|existing',
      'scared|afraid|frightened|worried|tempted _2 ill|i|id|might _1 take|swallow|neck _1 the? them|it|all|every|lot',
      'never been born $',
      'thinking|thought|think|keep|kept|tempted _3 driving|drive|crashing|crash|swerving|swerve|steering|steer _3 into|off',
      'not be|being here|around _1 anymore|much',
      'cope|manage|coping|managing _2 fine|better|easier|ok|okay|alright without me $',
      'wont|not be a|an problem|burden|bother|nuisance|pain|trouble _3 for|to anyone|anybody|much|long|longer|anymore|soon',
      'nobody|noone would|will|wouldve _2 notice|care|miss me|anyway',
      'nobody|noone would|will|wouldve _2 notice|care|miss _1 if i _2 gone|died|dead|disappeared|wasnt|werent|here|around|drove|jumped|crashed|went|did|do|left',
      'go|going|gone|heading|drive|driving|walk|walking|went|drove _3 cliffs|cliff|bridge|tracks|railway|edge|roof|viaduct|quarry|multistorey|motorway|river _3 tonight|now|again|last|one',
      'looking|look|looked|stare|staring|stared _3 at|over|down _1 the? drop|edge|water|tracks|traffic',
    ],
  },
  {
    id: 'harm_indication.method',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [
      // overdose, self-injury and purging told as acts
      'took|taken|swallowed|necked|downed|overdid _1 way? too many',
      'took|taken|swallowed|necked|downed|take|taking _1 the|a|my? whole|entire _1 packet|pack|box|bottle|strip|sheet|lot|prescription|script|supply|stash',
      'urge|urges|craving|cravings|itching _2 to? cut|harm|hurt|burn|punish|starve|relapse|jump',
      'hurt|hurting|burned|burnt|burning|scratched|scratching|punched|punching|hit|hitting|starved|starving|punished|punishing myself|herself|himself|themselves _2 again|last|tonight|when|every',
      'making|makes|made|make _1 myself|herself|himself|themselves _1 sick',
      'giving|gave|give|given myself|herself|himself|themselves _1 burns|cuts|bruises|scars',
      'sliced|slashed|slash|slashing|carved|carving|gouged|gouging _1 my|her|his|their _1 arm|arms|wrist|wrists|thigh|thighs|legs|leg|stomach|skin|face _1 open|up|again|last|to|with',
      'til|till|until it|they|i _1 bleeds|bleed|bled|bleeding',
    ],
  },
  {
    id: 'harm_indication.relapse',
    category: 'harm_indication',
    confidence: 0.8,
    patterns: ['@csSelfHarmAct again|last|tonight', 'clean|sober _1 gone|over|ruined|wasted|broken|lost'],
  },
  {
    id: 'harm_indication.abuse',
    category: 'harm_indication',
    confidence: 0.8,
    patterns: [
      // someone hurting, threatening or controlling the author or a person they speak of
      'threatened|threatens|threatening _3 kill|hurt|stab|batter|burn|harm|strangle _1 me|her|him|them|us|the|my|himself|herself|themselves',
      'scared|afraid|frightened|terrified|petrified _3 to go home',
      'said|says|saying|texted|texts|told|tells|messaged|threatening|threatened _3 hell|shell|theyll|hed|shed|theyd|he|she|they _3 kill|hurt|burn|stab|batter|strangle|murder',
      'scared|frightened|terrified|afraid|petrified _1 of _1 his|her|their|my|mums|dads? dad|mum|stepdad|stepmum|father|mother|partner|husband|boyfriend|parents|uncle|brother|fella',
      'wont|doesnt|never|dont let|lets _1 her|him|them|me _4 friends|family|money|phone|out|leave|work|doctor|gp|own',
      'hell|shell|theyll|he|hes|gonna _2 kill|hurt|batter|strangle|murder me|us $',
      'makes|made|making _1 him|her|them|me _1 sleep|stay|stand|sit|kneel|eat _3 shed|outside|garden|car|cupboard|floor|cold|dark|corner',
    ],
  },
];

/**
 * Phrases matched from their rarest word, with the words that must come before them checked by
 * looking back (`behind`, nearest first): "someone's going to get [hurt]" is found at "hurt", then
 * "going" within 2 words before it and "someone" within 3 before that. Matching from a pronoun would
 * try the pattern at every "you" and "he" of every post.
 */
interface Anchored {
  id: string;
  category: 'threat' | 'harm_indication';
  confidence: number;
  patterns: readonly string[];
  behind: readonly { words: ReadonlySet<string>; within: number }[];
}
const set = (...lists: (readonly string[])[]): ReadonlySet<string> => new Set(lists.flat());
const VICTIM = set(CONCERN_LISTS.csVictim);
const OTHER_PRONOUN = set([
  'hell',
  'shell',
  'theyll',
  'youll',
  'he',
  'she',
  'they',
  'you',
  'hes',
  'shes',
  'theyre',
  'youre',
]);
const SPEAKER = set([
  'i',
  'ill',
  'im',
  'gonna',
  'might',
  'going',
  'will',
  'can',
  'when',
  'we',
  'well',
  'were',
  'ahll',
  'id',
]);
const PREMISES = set(CONCERN_LISTS.csPremises, ['youre', 'hes', 'shes', 'theyre', 'yous', 'they']);
const ABUSER = set(CONCERN_LISTS.csAbuser);

const THREAT_SUBJECT = set(['ill', 'i', 'im', 'ima', 'imma', 'were', 'well', 'we', 'gonna', 'going']);
const INTENT = set(CONCERN_LISTS.csIntent);

export const ANCHORED: readonly Anchored[] = [
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      '@csHarmVerb _2 @csPerson',
      'hurt|hurting|hit|hitting|shoot|shooting @csPerson',
      '@csHarmVerb|hit|knock|kick|smash|cave|rip _1 your|his|her|their|yer _1 face|head|teeth|skull|nose|jaw|legs|kneecaps|brains|lights|block',
      'knock|knocking|spark|sparking _1 him|her|them|you|u|em|yous _1 out|down|spark|sparko',
      'rearrange|redecorate|smash|mash|burst|batter|cave|kick|punch|stamp|break|bust|split _3 face|faces|teeth|jaw|nose|kneecaps|skull|head|lip',
      'through|over _1 that|the|this|your screen|counter|desk|glass|window',
    ],
    behind: [{ words: INTENT, within: 4 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: ['run|running|drive|driving _1 him|her|them|you|u|em _1 over|down'],
    behind: [{ words: INTENT, within: 3 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: [
      'people|lads|blokes|someone|somebody|mates|friends|boys _2 who|whod|that|thatd|wholl|thatll|would _3 do|sort|deal|break|hurt|batter|sorting|visit',
    ],
    behind: [{ words: set(['know', 'got', 'have', 'ring', 'call']), within: 2 }],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [
      'alive|exist|existing|living',
      'live _1 anymore|like|any',
      'live $',
      'wake|waking _1 up? anymore|tomorrow|again|up',
      'wake|waking _1 up? $',
    ],
    behind: [
      { words: set(['want', 'wanna', 'wants']), within: 3 },
      { words: set(['dont', 'didnt', 'never', 'not', 'doesnt', 'longer']), within: 2 },
    ],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['it for me $', 'it for me now'],
    behind: [
      { words: set(['is']), within: 1 },
      { words: set(['this']), within: 1 },
    ],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['waste of space|oxygen|skin|air'],
    behind: [{ words: set(['im', 'just', 'such', 'a', 'an', 'am']), within: 2 }],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [],
    behind: [{ words: set(['had', 'having']), within: 1 }],
  },
  {
    id: 'threat.violence',
    category: 'threat',
    confidence: 0.9,
    patterns: [
      'kill|stab|batter|punch|deck|strangle|throttle|shoot|slap|glass|smack|thump|headbutt|murder|hurt|attack @threatTarget',
      'kill|stab|batter|punch|deck|strangle|shoot|slap|glass|smack|thump|murder|hurt|attack the|that|those|this|one? @role|@rolePlural',
    ],
    behind: [{ words: THREAT_SUBJECT, within: 4 }],
  },
  {
    id: 'threat.veiled',
    category: 'threat',
    confidence: 0.75,
    patterns: ['pay for'],
    behind: [{ words: set(['they', 'he', 'she', 'youll', 'theyll', 'hell', 'shell']), within: 2 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      'break|snap|breaking|snapping _2 bone|bones|legs|neck|arms|jaw|nose|ribs|fingers|kneecaps|knees',
    ],
    behind: [{ words: INTENT, within: 6 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['get|gets|getting|stands|stand|standing|tries|try _2 in|into my way'],
    behind: [{ words: set(['if', 'anyone', 'anybody', 'whoever', 'someone', 'somebody']), within: 3 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: [
      'have|got _1 his|her|their|your|all _1 reg|address|addresses|registration|numberplate|postcode|faces',
    ],
    behind: [{ words: set(['ive', 'i', 'weve', 'we']), within: 2 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['visit|word|words|chat from _1 me|us|my'],
    behind: [{ words: set(['a', 'an']), within: 1 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: [],
    behind: [{ words: set(['ill', 'will', 'gonna', 'going', 'to']), within: 1 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['keep|keeping|stay|staying _3 heads|head|out _1 down|low|of'],
    behind: [
      { words: set(['best', 'better', 'had', 'wants', 'want', 'should', 'need', 'needs']), within: 3 },
    ],
  },
  {
    id: 'harm_indication.safety',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['keep|keeping myself|me|herself|himself|themselves|yourself safe'],
    behind: [
      { words: set(['cant', 'cannot', 'couldnt', 'not', 'unable', 'struggling', 'dont', 'wont']), within: 5 },
    ],
  },
  {
    id: 'harm_indication.safety',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['dark|bad|horrible|awful|terrible|scary place'],
    behind: [{ words: set(['head', 'heads', 'mind', 'minds', 'im', 'been']), within: 5 }],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['had enough $'],
    behind: [{ words: set(['ive', 'im', 'i', 'just', 'honestly', 'really']), within: 2 }],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['not being here|around|alive'],
    behind: [{ words: set(CONCERN_LISTS.csSaying), within: 4 }],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['be a|an problem|burden|bother|nuisance _3 much|long|longer|anymore|after|past'],
    behind: [{ words: set(['wont', 'not', 'never']), within: 4 }],
  },
  {
    id: 'harm_indication.death_wish',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['think|thinking|thought about|of _1 is? dying|death'],
    behind: [{ words: set(['i', 'all', 'keep', 'cant', 'always', 'constantly', 'ive', 'im']), within: 3 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: ['end|finish _1 every|each|one|you|him|her|them|yous|whoever'],
    behind: [{ words: INTENT, within: 2 }],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['bags|boxes|coffins|bodybags'],
    behind: [
      { words: set(['in']), within: 1 },
      { words: set(['going', 'go', 'leave', 'leaving', 'carried', 'home', 'out']), within: 3 },
    ],
  },
  {
    id: 'threat.veiled',
    category: 'threat',
    confidence: 0.75,
    patterns: ['watching|watch my back'],
    behind: [{ words: set(['id', 'would', 'were', 'was']), within: 4 }],
  },
  {
    id: 'harm_indication.abuse',
    category: 'harm_indication',
    confidence: 0.8,
    patterns: [
      'dragged|grabbed|pulled|yanked|hauled|held _1 me|her|him|them|us _3 by _1 her|his|my|their|the hair|neck|throat|arm|arms',
    ],
    behind: [{ words: ABUSER, within: 2 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['old fashioned|school way', 'oldfashioned way'],
    behind: [
      {
        words: set(['sort', 'settle', 'deal', 'handle', 'sorting', 'settling', 'dealing', 'handling']),
        within: 4,
      },
    ],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      'flip|flipping|throw|throwing|chuck|chucking|launch|launching|lob|hurl _3 at|on|over|onto _1 that|the|her|him|them|you|yous',
      'dragging|drag|pulling|pull|yanking|yank _2 over|across|through _1 the|that? counter|desk|screen|glass|hatch',
    ],
    behind: [{ words: set(CONCERN_LISTS.csIntent, ['im']), within: 5 }],
  },
  {
    id: 'harm_indication.abuse',
    category: 'harm_indication',
    confidence: 0.8,
    patterns: ['takes|took|taking it out on me|us|her|him|them|my'],
    behind: [{ words: set(CONCERN_LISTS.csAbuser, ['drinks', 'drunk', 'drinking']), within: 4 }],
  },
  {
    id: 'harm_indication.safety',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: ['safe on|by _1 my|his|her|their own|self|myself|herself|himself|themselves'],
    behind: [
      { words: set(['not', 'isnt', 'arent', 'wasnt', 'never', 'unsafe', 'dont', 'doesnt']), within: 4 },
    ],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['getting it $'],
    behind: [{ words: set(['hes', 'shes', 'theyre', 'youre', 'is', 'are']), within: 1 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      'put|putting|knock|knocking|send|sending|throw|throwing|drag|dragging|launch|launching _3 in|into|through|over|across _1 the|a|that|this|his|her? ground|hospital|wall|walls|glass|window|screen|coma|box|coffin|morgue|grave|counter|desk|icu|wheelchair',
    ],
    behind: [{ words: set(CONCERN_LISTS.csIntent, ['to']), within: 2 }],
  },
  {
    id: 'threat.veiled',
    category: 'threat',
    confidence: 0.75,
    patterns: ['lose it', 'snap|flip'],
    behind: [
      { words: set(['going', 'gonna', 'about', 'to']), within: 2 },
      { words: set(['someone', 'somebody', 'someones', 'im', 'ill']), within: 3 },
    ],
  },
  {
    id: 'harm_indication.suicidal',
    category: 'harm_indication',
    confidence: 0.9,
    patterns: ['better off $'],
    behind: [{ words: set(['everyone', 'everybody', 'they', 'you', 'world', 'family']), within: 2 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: ['shove|stick|ram _3 somewhere $', 'shove|stick|ram _3 up _1 her|his|their|your|where'],
    behind: [{ words: set(CONCERN_LISTS.csIntent, ['im']), within: 10 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['hard way'],
    behind: [
      {
        words: set(['make', 'making', 'teach', 'teaching', 'show', 'showing', 'sort', 'sorting']),
        within: 5,
      },
    ],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['canal|river|sea|docks|reservoir|quarry|cut'],
    behind: [
      { words: set(['the']), within: 1 },
      { words: set(['in', 'into']), within: 1 },
      { words: set(['going', 'goes', 'gone', 'end', 'ending', 'up', 'ends']), within: 2 },
      { words: VICTIM, within: 3 },
    ],
  },
  {
    id: 'threat.damage',
    category: 'threat',
    confidence: 0.8,
    patterns: ['little|nasty|unfortunate|tragic accident'],
    behind: [
      {
        words: set(['going', 'gonna', 'will', 'might', 'could', 'may', 'would', 'have', 'having']),
        within: 4,
      },
      { words: set(CONCERN_LISTS.csPremises, WORD_LISTS.role, WORD_LISTS.rolePlural), within: 4 },
    ],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['carried out|off'],
    behind: [
      { words: set(['be', 'get', 'gets', 'getting']), within: 1 },
      { words: VICTIM, within: 3 },
    ],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['from a hospital bed'],
    behind: [{ words: OTHER_PRONOUN, within: 5 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: ['be put down'],
    behind: [{ words: set(WORD_LISTS.role, WORD_LISTS.rolePlural, ['he', 'she', 'they', 'who']), within: 8 }],
  },
  {
    id: 'harm_indication.suicidal',
    category: 'harm_indication',
    confidence: 0.9,
    patterns: ['burden'],
    behind: [{ words: set(['a']), within: 1 }],
  },
  {
    id: 'harm_indication.abuse',
    category: 'harm_indication',
    confidence: 0.8,
    patterns: ['make|making sure i|im|ill _2 never|dont|cant|wont|not'],
    behind: [{ words: set(['hell', 'shell', 'theyll', 'he', 'she', 'they', 'hes', 'shes']), within: 3 }],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['@csHurtDone'],
    behind: [
      {
        words: set([
          'going',
          'gonna',
          'will',
          'getting',
          'get',
          'gets',
          'got',
          'end',
          'ends',
          'ending',
          'up',
          'be',
          'is',
        ]),
        within: 2,
      },
      { words: VICTIM, within: 5 },
    ],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: [
      'end|ends|ending up in _1 a|the? hospital|a|ground|box|coffin|icu|morgue|wheelchair|bodybag',
      'leaving|leave|leaves|carried|out in|on _1 an|a ambulance|stretcher|bodybag|box',
      'need|needing|needs _2 doctor|ambulance|hospital|paramedic|paramedics _1 herself|himself|themselves|yourself|yourselves',
      'need|needing|needs _2 dentist|surgeon|stitches|plastic|teeth|wheelchair|crutches|bodybag|coffin|undertaker',
    ],
    behind: [{ words: VICTIM, within: 3 }],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: ['six feet under'],
    behind: [{ words: set([...OTHER_PRONOUN], ['put', 'putting', 'puts']), within: 3 }],
  },
  {
    id: 'threat.harm_outcome',
    category: 'threat',
    confidence: 0.8,
    patterns: [],
    behind: [{ words: set([...OTHER_PRONOUN], ['ill', 'ahll', 'gonna', 'will']), within: 3 }],
  },
  {
    id: 'threat.intent_violence',
    category: 'threat',
    confidence: 0.85,
    patterns: [
      'deserves|deserve|needs|need|wants|want|due|getting _1 a|an|the|some? bullet|bullets|stabbing|shooting|bricking|glassing|kicking|beating|battering|hiding',
    ],
    behind: [],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['next $'],
    behind: [
      { words: set(['is', 'are']), within: 1 },
      { words: PREMISES, within: 2 },
    ],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: [
      'turn|turning|show|showing|rock|rocking|pop|popping up|round|by _1 at|to _1 his|her|their|your|yer house|home|door|doorstep|address|street',
    ],
    behind: [{ words: SPEAKER, within: 3 }],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['be|come|coming alone $'],
    behind: [
      { words: set(['not', 'wont', 'never']), within: 2 },
      { words: set(['i', 'we', 'ill', 'well', 'im']), within: 3 },
    ],
  },
  {
    id: 'threat.consequence',
    category: 'threat',
    confidence: 0.75,
    patterns: ['ugly|nasty|messy|violent|physical|bloody'],
    behind: [
      { words: set(['get', 'turn', 'getting', 'turning']), within: 2 },
      { words: set(['things', 'it', 'its', 'thisll', 'this']), within: 4 },
    ],
  },
  {
    id: 'threat.damage',
    category: 'threat',
    confidence: 0.8,
    patterns: ['be in bits|pieces|rubble|ashes|flames|smithereens'],
    behind: [{ words: PREMISES, within: 4 }],
  },
  {
    id: 'threat.damage',
    category: 'threat',
    confidence: 0.8,
    patterns: ['kicked|smashed|bricked|torched|burnt|burned|trashed|wrecked|firebombed|keyed'],
    behind: [
      { words: set(['getting', 'get', 'gets', 'going', 'gonna', 'will', 'deserves', 'needs']), within: 3 },
      { words: PREMISES, within: 3 },
    ],
  },
  {
    id: 'harm_indication.abuse',
    category: 'harm_indication',
    confidence: 0.8,
    patterns: [
      '@csAssault _1 @csAssaulted',
      'pushed|shoved|threw|throws|pushes|shoves|dragged|drags _1 me|her|him|them|us _3 down|into|against|over|onto|off|stairs|wall|floor|across',
      'grabbed|grabs|had|held|holds|pinned|pins _1 me|her|him|them|us _1 by? the? throat|neck|hair|down',
    ],
    behind: [{ words: ABUSER, within: 2 }],
  },
];
const ANCHOR_PREFIX = 'concern_anchor.';
const COMING_FOR_FOLLOW: ReadonlySet<string> = new Set([
  'all',
  'next',
  'soon',
  'tonight',
  'tomorrow',
  'and',
  'every',
  'lot',
  'now',
  'first',
  'of',
]);
/** Signal: "coming for …", a threat when what follows is the practice, its staff or everyone. */
const COMING_FOR = 'concern_anchor.coming_for';
const COMING_FOR_TARGET: ReadonlySet<string> = set(
  CONCERN_LISTS.csPremises,
  WORD_LISTS.role,
  WORD_LISTS.rolePlural,
  ['all', 'every', 'everyone', 'everybody', 'yous', 'youse', 'ya', 'the', 'that', 'this', 'your', 'lot'],
);
const ANCHOR_IDS: readonly string[] = ANCHORED.map((_, i) => `${ANCHOR_PREFIX}${i}`);
const ANCHOR_RULES: PhraseRule[] = [
  ...ANCHORED.map((a, i) => ({ id: `${ANCHOR_PREFIX}${i}`, confidence: a.confidence, patterns: a.patterns })),
  { id: COMING_FOR, confidence: 0.75, patterns: ['coming|come|comes for'] },
];

/** The token where the words `behind` a hit start, or -1 when they are not there (same sentence). */
export function lookBehind(tokens: readonly Token[], first: number, behind: Anchored['behind']): number {
  let at = first;
  const sentence = (tokens[first] as Token).sentence;
  for (const step of behind) {
    let found = -1;
    for (let k = at - 1; k >= Math.max(0, at - step.within - 1); k--) {
      const t = tokens[k] as Token;
      if (t.sentence !== sentence) break;
      if (step.words.has(t.text)) {
        found = k;
        break;
      }
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/** A harm act about a thing, not a person: "my hair was cut again", "the line got cut again". */
const NOT_SELF_BEFORE: ReadonlySet<string> = new Set([
  'was',
  'been',
  'got',
  'get',
  'gets',
  'being',
  'were',
  'hair',
  'is',
  'are',
  'be',
  'phone',
  'line',
  'call',
  'power',
  'budget',
  'funding',
  'the',
  'a',
]);
/** Intent words are negated: "I'd never hurt anyone", "I'm not going to kill anyone". */
const NEGATION: ReadonlySet<string> = new Set([
  'never',
  'not',
  'wont',
  'wouldnt',
  'dont',
  'didnt',
  'cant',
  'no',
  'nobody',
  'noone',
]);
/** A sentence about a procedure, a hazard or a game: hurt without anyone meaning it. */
const INNOCENT_HURT: ReadonlySet<string> = new Set([
  'jab',
  'jabs',
  'needle',
  'needles',
  'injection',
  'injections',
  'bloods',
  'vaccine',
  'smear',
  'scratch',
  'sting',
  'coil',
  'stairs',
  'steps',
  'step',
  'ice',
  'icy',
  'slippery',
  'pothole',
  'potholes',
  'ramp',
  'trip',
  'wet',
  'floor',
  'lift',
  'match',
  'game',
  'rugby',
  'football',
  'darts',
  'exam',
  'quiz',
  'test',
  'feelings',
  'wallet',
  'pocket',
  'complaint',
  'complaints',
  'review',
  'reviews',
  'email',
  'letter',
  'solicitor',
  'solicitors',
  'lawyer',
  'court',
  'kindness',
  'questions',
]);
/** Blame, not menace: "someone will end up in A&E because of your waiting list". */
const BLAME: ReadonlySet<string> = new Set([
  'because',
  'cause',
  'due',
  'thanks',
  'negligence',
  'incompetence',
  'waiting',
  'wait',
  'list',
  'misdiagnosed',
  'misdiagnosis',
  'understaffed',
  'staffing',
]);
/** Recourse through formal channels: "they won't know what's hit them" in a letter to the MP is no threat. */
export const FORMAL: ReadonlySet<string> = new Set([
  'complaint',
  'complaints',
  'complain',
  'writing',
  'letter',
  'letters',
  'mp',
  'icb',
  'cqc',
  'ombudsman',
  'solicitor',
  'solicitors',
  'lawyer',
  'lawyers',
  'court',
  'courts',
  'sue',
  'suing',
  'legal',
  'review',
  'reviews',
  'press',
  'newspaper',
  'newspapers',
  'media',
  'reporting',
  'gmc',
  'nmc',
  'pals',
  'healthwatch',
  'councillor',
  'tribunal',
  'petition',
  'vote',
  'feedback',
]);
/** Formal recourse rejected: "screw the complaints process, I'll sort this the old fashioned way". */
const REJECT: ReadonlySet<string> = new Set([
  'screw',
  'sod',
  'forget',
  'stuff',
  'bollocks',
  'bugger',
  'fuck',
]);
const KNOW_WHERE: ReadonlySet<string> = new Set(['where', 'which', 'what']);
const NOT_FIRE: ReadonlySet<string> = new Set([
  'question',
  'questions',
  'issue',
  'desire',
  'need',
  'ambition',
  'sensation',
  'pain',
]);
/** Anyone at all as the victim: "I'm going to kill someone" is hyperbole unless the practice is in the post. */
const VAGUE_VICTIM: ReadonlySet<string> = new Set([
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'anyone',
  'anybody',
]);
const HURT_WORDS: ReadonlySet<string> = new Set(['hurt', 'hurts', 'injured']);
const END_UP: ReadonlySet<string> = new Set(['end', 'ends', 'ending']);
const UP: ReadonlySet<string> = new Set(['up']);
const HYPERBOLE_VERB: ReadonlySet<string> = new Set(['kill', 'murder', 'strangle', 'throttle', 'killing']);
const PRACTICE_CONTEXT: ReadonlySet<string> = new Set([
  ...WORD_LISTS.practice,
  ...WORD_LISTS.role,
  ...WORD_LISTS.rolePlural,
]);

/** True when the post is about the practice: its name, its staff or words of its service. */
export function aboutPractice(input: RuleInput): boolean {
  if (input.staff.length > 0) return true;
  for (const t of input.doc.tokens)
    if (PRACTICE_CONTEXT.has(t.text) || input.practiceWords.has(t.text)) return true;
  return false;
}

/**
 * Vetoes shared with threat.ts: a veiled threat in a sentence about formal recourse, and "kill
 * someone" hyperbole in a post that never mentions the practice (a pizza order, a parcel).
 */
export function threatVetoed(
  input: RuleInput,
  hit: Hit,
  flags: SentenceFlags,
  about: () => boolean,
): boolean {
  const tokens = input.doc.tokens;
  const first = hit.first ?? -1;
  const last = hit.last ?? -1;
  if (first < 0) return false;
  // "burning question", "burning desire": not fire.
  if (tokens[first]?.text === 'burning' && NOT_FIRE.has(tokens[first + 1]?.text ?? '')) return true;
  if (
    (hit.ruleId === 'threat.veiled' || hit.ruleId === 'threat.consequence') &&
    flags.has(first, FORMAL, 'formal') &&
    !flags.has(first, REJECT, 'reject')
  )
    return true;
  // "I know where the staff car park is, can patients use it?": a question, not a threat.
  if (
    hit.ruleId === 'threat.veiled' &&
    anyIn(tokens, first, last, KNOW_WHERE) &&
    input.doc.questions.has((tokens[first] as Token).sentence)
  )
    return true;
  if (anyIn(tokens, first, last, VAGUE_VICTIM) && anyIn(tokens, first, last, HYPERBOLE_VERB) && !about())
    return true;
  // "someone will get hurt on those steps", "somebody will end up in A&E because of the wait"
  if (anyIn(tokens, first, last, HURT_WORDS) && flags.has(first, INNOCENT_HURT, 'innocent')) return true;
  if (
    anyIn(tokens, first, last, END_UP) &&
    anyIn(tokens, first, last, UP) &&
    flags.has(first, BLAME, 'blame')
  )
    return true;
  return false;
}

/** "she'll kill me if I move out, joking obvs": said in jest. */
const JOKING: ReadonlySet<string> = new Set([
  'joking',
  'joke',
  'jokes',
  'kidding',
  'obvs',
  'lol',
  'haha',
  'lmao',
]);
/** Rules whose hits a sentence of this kind vetoes. */
const VETO_INNOCENT = new Set(['threat.intent_violence', 'threat.harm_outcome']);

function sentenceOf(tokens: readonly Token[], at: number): [number, number] {
  const sentence = (tokens[at] as Token).sentence;
  let s = at;
  while (s > 0 && (tokens[s - 1] as Token).sentence === sentence) s--;
  let e = at;
  while (e < tokens.length && (tokens[e] as Token).sentence === sentence) e++;
  return [s, e];
}

function anyIn(tokens: readonly Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (words.has((tokens[k] as Token).text)) return true;
  return false;
}

/** Sentences already judged, so a sentence with many hits is scanned once per check (linear). */
export class SentenceFlags {
  private readonly cache = new Map<string, boolean>();
  constructor(private readonly tokens: readonly Token[]) {}
  has(at: number, words: ReadonlySet<string>, key: string): boolean {
    const token = this.tokens[at] as Token;
    const id = `${key}:${token.sentence}`;
    let known = this.cache.get(id);
    if (known === undefined) {
      const [s, e] = sentenceOf(this.tokens, at);
      known = anyIn(this.tokens, s, e, words);
      this.cache.set(id, known);
    }
    return known;
  }
}

export const concernSignals: RuleFamily = {
  name: 'concern-signals',
  lists: CONCERN_LISTS,
  rules: [...CONCERN_RULES, ...ANCHOR_RULES],
  derive: (input, found) => {
    const tokens0 = input.doc.tokens;
    const direct = [...found];
    for (const ph of input.hitsOf(COMING_FOR)) {
      const next = tokens0[ph.last];
      if (!next || next.sentence !== (tokens0[ph.first] as Token).sentence) continue;
      const aimed = input.practiceWords.has(next.text) || COMING_FOR_TARGET.has(next.text);
      const after = tokens0[ph.last + 1];
      const determiner =
        next.text === 'the' || next.text === 'that' || next.text === 'this' || next.text === 'your';
      if (
        !aimed ||
        (determiner && !(after && (COMING_FOR_TARGET.has(after.text) || input.practiceWords.has(after.text))))
      )
        continue;
      let end = determiner && after ? after : next;
      // "coming for the nurse appointment" is a visit: the aim must end the phrase.
      let follow = tokens0[end.index + 1];
      while (
        follow &&
        follow.sentence === end.sentence &&
        (input.practiceWords.has(follow.text) || PREMISES.has(follow.text))
      ) {
        end = follow;
        follow = tokens0[end.index + 1];
      }
      if (follow && follow.sentence === end.sentence && !COMING_FOR_FOLLOW.has(follow.text)) continue;
      direct.push({
        category: 'threat',
        ruleId: 'threat.consequence',
        start: ph.start,
        end: end.end,
        confidence: 0.75,
        first: ph.first,
        last: end.index + 1,
      });
    }
    ANCHORED.forEach((anchored, i) => {
      for (const ph of input.hitsOf(ANCHOR_IDS[i] as string)) {
        const from = lookBehind(tokens0, ph.first, anchored.behind);
        if (from < 0) continue;
        const start = tokens0[from] as Token;
        direct.push({
          category: anchored.category,
          ruleId: anchored.id,
          start: start.start,
          end: ph.end,
          confidence: anchored.confidence,
          first: from,
          last: ph.last,
        });
      }
    });
    const tokens = input.doc.tokens;
    const flags = new SentenceFlags(tokens);
    let about: boolean | undefined;
    const isAbout = (): boolean => {
      if (about === undefined) about = aboutPractice(input);
      return about;
    };
    const out: Hit[] = [];
    for (const hit of direct) {
      if (hit.category === 'threat' && threatVetoed(input, hit, flags, isAbout)) continue;
      const first = hit.first ?? 0;
      const last = hit.last ?? first;
      const id = hit.ruleId;
      if (VETO_INNOCENT.has(id) && flags.has(first, INNOCENT_HURT, 'innocent')) continue;
      if (id === 'threat.intent_violence' && anyIn(tokens, first, last, NEGATION)) continue;
      if (id === 'harm_indication.abuse' && flags.has(first, JOKING, 'joking')) continue;
      if (id === 'harm_indication.relapse') {
        const before = tokens[first - 1];
        const at = tokens[first] as Token;
        if (before && before.sentence === at.sentence && NOT_SELF_BEFORE.has(before.text)) continue;
      }
      out.push(hit);
    }
    return out;
  },
};

// discriminatory: racist or other hateful content about a protected characteristic (race,
// nationality, religion, sex, sexual orientation, gender identity, disability, age).
//
// Two ways in: a slur (also abusive), or a protected group named in the same sentence as hostility
// towards it ("send them back", "shouldn't be GPs", "full of …", "keep that away from my kids").
// Naming a group alone is not hostile: "is there a female doctor?" is a legitimate preference.

import { WORD_LISTS } from '../lexicon.js';
import type { Doc, Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { type Hit, hitFrom, type RuleFamily, type RuleInput } from './types.js';

export const SLURS = [
  'paki',
  'pakis',
  'nigger',
  'niggers',
  'nigga',
  'niggas',
  'retard',
  'retards',
  'retarded',
  'spastic',
  'spastics',
  'spaz',
  'spacker',
  'mong',
  'mongs',
  'tranny',
  'trannies',
  'faggot',
  'faggots',
  'fag',
  'fags',
  'poof',
  'poofs',
  'poofter',
  'dyke',
  'dykes',
  'gyppo',
  'gypo',
  'pikey',
  'pikeys',
  'chink',
  'chinks',
  'wog',
  'wogs',
  'coon',
  'coons',
  'kike',
  'kikes',
  'raghead',
  'ragheads',
  'towelhead',
  'towelheads',
  'muzzie',
  'muzzies',
  'halfcaste',
  'negro',
  'darkie',
  'darkies',
  'golliwog',
  // More of the same families: race, religion, disability, sexuality and gender identity.
  'pakki',
  'pakkis',
  'nignog',
  'nignogs',
  'wetback',
  'wetbacks',
  'spics',
  'gook',
  'gooks',
  'yid',
  'yids',
  'kaffir',
  'kaffirs',
  'sambo',
  'chinky',
  'chinkies',
  'mongoloid',
  'spacko',
  'spakka',
  'spacca',
  'spakker',
  'shemale',
  'shemales',
  'trannys',
  'bumboy',
  'bumboys',
  'queers',
  'muzrat',
  'muzrats',
  'gypos',
  'gyppos',
  'pikies',
  'trannie',
  'nigg',
  'nigguh',
  'niggah',
  'niggaz',
  'illegals',
];

/** Names of protected groups (plural or generic forms: singular adjectives are common and benign). */
const GROUPS = [
  'foreign',
  'foreigners',
  'foreigner',
  'immigrant',
  'immigrants',
  'migrant',
  'migrants',
  'asylum',
  'refugee',
  'refugees',
  'muslim',
  'muslims',
  'islam',
  'islamic',
  'jew',
  'jews',
  'jewish',
  'hindu',
  'hindus',
  'sikh',
  'sikhs',
  'christian',
  'christians',
  'catholic',
  'catholics',
  'black',
  'blacks',
  'asian',
  'asians',
  'african',
  'africans',
  'africa',
  'polish',
  'ukrainian',
  'ukrainians',
  'russian',
  'lithuanian',
  'latvian',
  'bulgarian',
  'albanian',
  'albanians',
  'nigerian',
  'nigerians',
  'ghanaian',
  'somali',
  'somalis',
  'syrian',
  'syrians',
  'afghan',
  'iraqi',
  'kurdish',
  'turkish',
  'filipino',
  'bangladeshi',
  'jamaican',
  'roma',
  'poles',
  'romanian',
  'romanians',
  'eastern',
  'europeans',
  'indian',
  'indians',
  'pakistani',
  'pakistanis',
  'chinese',
  'arab',
  'arabs',
  'gypsy',
  'gypsies',
  'traveller',
  'travellers',
  'gay',
  'gays',
  'lesbian',
  'lesbians',
  'homosexual',
  'homosexuals',
  'trans',
  'transgender',
  'lgbt',
  'lgbtq',
  'pride',
  'rainbow',
  'women',
  'woman',
  'females',
  'disabled',
  'headscarf',
  'headscarves',
  'hijab',
  'hijabs',
  'burka',
  'burkas',
  'turban',
  'turbans',
  'boomers',
  'overseas',
];

/** Protected groups as nouns for people: what a contemptuous adjective or a dehumanising word is aimed at. */
const PEOPLE_GROUPS = [
  'foreigners',
  'foreigner',
  'immigrants',
  'immigrant',
  'migrants',
  'migrant',
  'asylum',
  'refugees',
  'refugee',
  'muslims',
  'muslim',
  'jews',
  'jew',
  'hindus',
  'sikhs',
  'blacks',
  'asians',
  'africans',
  'poles',
  'romanians',
  'albanians',
  'pakistanis',
  'indians',
  'arabs',
  'somalis',
  'syrians',
  'nigerians',
  'ukrainians',
  'europeans',
  'gypsies',
  'travellers',
  'gays',
  'gay',
  'lesbians',
  'lesbian',
  'homosexuals',
  'trans',
  'transgender',
  'lgbt',
  'lgbtq',
  'disabled',
];

/** Adjectives of contempt that make a group name an insult ("bloody foreigners", "scrounging migrants"). */
const CONTEMPT = [
  'scrounging',
  'scrounger',
  'sponging',
  'freeloading',
  'bloody',
  'sodding',
  'flaming',
  'effing',
  'fucking',
  'fkn',
  'dirty',
  'filthy',
  'smelly',
  'stinking',
  'thieving',
  'lazy',
  'bogus',
  'backward',
  'primitive',
  'inbred',
];

/** Words that deny a group its humanity: with a group in the same or the next sentence. */
const DEHUMANISING = [
  'freaks',
  'perverts',
  'perverted',
  'deviants',
  'degenerates',
  'degenerate',
  'weirdos',
  'abominations',
  'abomination',
  'groomers',
  'vermin',
  'parasites',
  'leeches',
  'cockroaches',
  'savages',
  'subhuman',
  'invaders',
  'scroungers',
  'spongers',
  'freeloaders',
  'swarm',
  'swarms',
  'swarming',
];

/** Religious dress, named to single people out ("another one in a headscarf"). */
const RELIGIOUS_DRESS = [
  'headscarf',
  'headscarves',
  'hijab',
  'hijabs',
  'burka',
  'burkas',
  'burqa',
  'burqas',
  'niqab',
  'niqabs',
  'turban',
  'turbans',
];

const HOSTILITY = [
  'shouldnt',
  'banned',
  'rubbish',
  'scum',
  'vermin',
  'filth',
  'disgusting',
  'flooding',
  'flooded',
  'invading',
  'invasion',
  'infest*',
  'breeding',
  'recruiting',
  'brainwash*',
  'emotional',
  'hysterical',
  'deport*',
  'unnatural',
  'abomination',
  'sinful',
  'overrun',
  'swamped',
  'takeover',
];

const COUNTRIES = [
  'africa',
  'nigeria',
  'ghana',
  'somalia',
  'kenya',
  'india',
  'pakistan',
  'bangladesh',
  'poland',
  'romania',
  'bulgaria',
  'lithuania',
  'china',
  'jamaica',
  'syria',
  'iraq',
  'iran',
  'afghanistan',
  'philippines',
  'albania',
  'turkey',
  'morocco',
  'egypt',
  'sudan',
  'eritrea',
  'ukraine',
  'russia',
  'vietnam',
  'mexico',
  'spain',
  'italy',
  // Cities named as what a place is "turning into".
  'kabul',
  'baghdad',
  'karachi',
  'islamabad',
  'lahore',
  'mogadishu',
  'lagos',
  'tehran',
  'beirut',
  'bucharest',
  'mumbai',
  'delhi',
  'dhaka',
  'londonistan',
];

export const DISCRIMINATORY_LISTS = {
  slur: SLURS,
  protectedGroup: GROUPS,
  hostility: HOSTILITY,
  country: COUNTRIES,
  peopleGroup: PEOPLE_GROUPS,
  contempt: CONTEMPT,
  dehumanising: DEHUMANISING,
  religiousDress: RELIGIOUS_DRESS,
};

export const DISCRIMINATORY_RULES: PhraseRule[] = [
  { id: 'discriminatory.slur', category: 'discriminatory', confidence: 0.95, patterns: ['@slur'] },
  {
    id: 'discriminatory.hostile_phrase',
    category: 'discriminatory',
    confidence: 0.85,
    patterns: [
      'send|sending|ship _2 back where|home|to _3 came|from',
      'send|sending them|em all? back|home',
      'too many @protectedGroup',
      'go|goes|going|send|sent|get|got back to @country',
      'why are|is all _3 @protectedGroup|@peopleGroup|pakistani|romanian|nigerian',
      '@protectedGroup _6 barely|cant|couldnt|cannot|doesnt speak _1 english',
      'stop hiring|employing _3 people|foreigners|immigrants|them',
      'barely|hardly|cant|cannot speak _1 english',
      'back where _1 came from',
      'trans _3 is|are just|really|actually|still? a|blokes|men bloke|geezer|fella|lad|blokes',
      'dont|never|wont|not want|have|see|having|seeing _1 a|an|any|another|no? foreign|black|asian|muslim|indian|african|polish|gay|trans|pakistani|chinese|romanian|nigerian @role|@rolePlural|one|ones|bloke|man|woman',
      '@peopleGroup _2 taking|take|taken|took over',
      'cant|cannot|isnt|not _1 a? proper|real doctor|nurse|gp _5 @religiousDress|@peopleGroup',
      '@protectedGroup|@peopleGroup|queers should not _3 work|working|be|around|near _2 children|kids',
      'send|sending|sent the|all|those|these _1 @peopleGroup|lot seekers? back|home',
      'they|all|them _2 smell|smells|stink|stinks|reek|reeks of curry|garlic|spices',
      'proper british|english',
      'full of @protectedGroup',
      'they|theyve had their life|lives|innings|turn|time|go',
      '@protectedGroup shouldnt|should _2 be @rolePlural|@role|allowed',
      // Hostility with no slur: belonging, religion, sex, disability.
      'or go|get|fuck|piss _1 home|back|out',
      'is a|an christian|british|english|white|catholic country|nation',
      'women|female|lady|woman doctor|doctors|gp|gps|nurses _2 panic|panics|overreact|overreacts|hysterical|useless|cant|shouldnt',
      // Letting a group in at all; "we were here first".
      'stop|stopped|stopping letting|allowing _1 @peopleGroup|@protectedGroup',
      'another @protectedGroup|@peopleGroup on|at|in|behind|working|running',
      'refuse|refuses|refusing to learn|speak the language',
      // "Typical Asian doctor", "Black nurses are too rough".
      'typical @protectedGroup|@peopleGroup',
      'always the|those|these _1 foreigners|immigrants|migrants|europeans|muslims|poles|romanians|asians|africans|pakistanis|indians|travellers|gypsies|gays|blacks|jews|refugees who|that',
      'man|men cant|cannot|isnt _1 be|become? a? woman|women',
      'jews|jewish _2 and their money|noses',
      'ban|banned _2 burka|burkas|burqa|burqas|niqab|niqabs|hijab|hijabs|headscarf|headscarves|turban|turbans',
      'refuse|refused|refusing|wont _3 seen|see|treated|examined by a|an @protectedGroup|@peopleGroup|white|black|asian|brown',
      'dont|never trust _1 women|female|lady|black|asian|foreign|gay|muslim|indian|african|polish _1 doctors|nurses|gps|staff|doctor|nurse|gp',
      'adam and steve',
      'no gay|trans|lesbian|muslim|foreign|black|asian|polish|romanian|indian|african _1 nurses|doctors|staff|gps|receptionists|people|ones _2 thanks|please|here|allowed',
      '@peopleGroup|@protectedGroup _1 people? _2 just|only|all want|wants|after _1 handouts|benefits|freebies|free|money',
      '@protectedGroup _5 brought|bring|brings|bringing _2 covid|virus|disease|diseases|germs|tb',
      'speak a word of english',
      '@peopleGroup _3 bring|brought|bringing|carry|carrying|spread|spreading _2 disease|diseases|tb|aids|hiv|germs|covid|measles|scabies|illness|illnesses',
      '@protectedGroup|@peopleGroup _1 always|all|just _2 lie|lies|lying|steal|cheat|scrounge|exaggerate|fake|faking|skive|skiving',
      'not racist|homophobic|sexist|transphobic|bigoted|prejudiced but',
      'no more|fewer foreign|foreigners|immigrant|immigrants|migrant|migrants|refugees|polish|romanian|indian|african|asian|black|muslim|muslims|pakistani|nigerian',
      'why does|do|should|can a|the? sikh|sikhs|muslim|muslims|jew|jews|hindu|hindus|@peopleGroup get|gets _1 to? wear|pray|time|off|special|their',
      'keep|keeps _3 lifestyle|lifestyles|sexuality|gayness|pride _2 private|quiet|hidden',
      'shove|shoving|shoves|ram|ramming|rams _1 it|their|this _3 down our|my|peoples throats|throat',
      '@rolePlural|@role _4 are|is _1 all? illegal|illegals|illegally',
      'british|english doctors|nurses|staff|gps|people|workers _3 not|instead|rather _2 foreigners|foreign|immigrants|migrants',
      'from @country _5 explains|wonder',
      'autistic|disabled|deaf|blind|dyslexic|mentally _1 ill? people|folk|staff|nurses|doctors _2 should not _2 be|work|working|allowed',
      'roma|gypsy|gypsies|traveller|travellers|polish|romanian|romanians|african|africans|asian|asians|indian|indians|muslim|muslims|pakistani|black|foreign _2 family|families|lot|kids|woman|man|women|men|lad|lads|girl|bloke|people|patients|staff|nurse|doctor _4 stank|stink|stinks|reeked|reek|smelly|stinking',
      '@protectedGroup|@peopleGroup @rolePlural|people|men|lot|ones? are|is|always _1 all|always|so|too|just|really? _1 rough|lazy|thick|stupid|dirty|smelly|aggressive|useless|incompetent|rude|arrogant|violent|criminals|thieves|liars|savages|animals',
      // Age: "old biddies … should just die off", "coffin dodgers".
      'coffin dodger|dodgers',
      'biddies|codgers|pensioners|oaps|boomers|oldies _3 should|ought _2 die|banned|shot|culled|gassed',
      '@peopleGroup _3 draining|drain|drains|milking|milk|leeching|sponging|sponge _2 the|our? nhs|system|country|benefits|taxpayer|economy|resources',
      // Contempt aimed at a group as people: "bloody foreigners", "scrounging asylum seekers".
      '@contempt eastern? @peopleGroup',
      // Removal: "ship them all back", "deport the lot", "back on the boats".
      'ship|shipping|shipped|deport|deporting|deported|boot|booted|fly _1 them|em|the|all|those|these _3 back|home',
      'deport them|em|the|those|these lot|all',
      'back on the|a|their boat|boats|dinghy|dinghies|plane|planes',
      'back to the jungle|trees|desert',
      // Gender identity mocked: "a man who thinks he's a woman", "women who think they are men".
      'man|men|bloke|blokes|fella|guy|guys|lad|lads who|that think|thinks _2 hes|he|theyre|they|is|are a? woman|women|girl|girls|lady|female',
      'woman|women|girl|girls|lass who|that think|thinks _2 shes|she|theyre|they|is|are a? man|men|boy|boys|bloke|male',
      'gay|trans|lgbt|lgbtq|gender|pride|rainbow agenda|ideology|propaganda|brigade|mafia|lobby|cult|nonsense|brainwashing',
      // Religious dress singled out: "another one in a headscarf", "more of them in hijabs".
      'another|more one|ones|of? them? in|wearing|with a|an|their? @religiousDress',
      // A place "turning into" somewhere foreign.
      'turning|turned|turns|become|becoming|becomes into a? little? @country',
      // The "taking our jobs" and "came over here to scrounge" tropes.
      'take|taking|took|takes|nick|nicking|steal|stealing|stole our|british|english jobs|houses|homes|benefits',
      'come|came|coming|comes over here and|to _1 take|claim|scrounge|sponge|milk|abuse|steal|leech|breed',
      // Degrees "handed out over there".
      'hand|hands|handing|give|gives|giving|dish|dishes|dishing out _1 degrees|qualifications|licences|them _1 over there|abroad',
      // Money "wasted" on a group; special treatment.
      'wasting|waste|wasted|squander|squandering _3 money|cash|funds|resources _5 for|on the? @protectedGroup|@peopleGroup',
      'bend|bends|bending over backwards for|to the? @protectedGroup|@peopleGroup',
      // Sexism: "back in the kitchen", "must be her time of the month".
      'back in|to the kitchen',
      'must|probably|obviously|clearly _2 time of the month',
      // A group said to control things; a group called unnatural.
      '@peopleGroup|zionists|zionist _2 control|controls|controlling|run|runs|own|owns the? media|banks|money|government|world|everything|country|nhs',
      'cripples|cripple $',
      'cripples|cripple get|gets|getting|are|always|everywhere|parking|like|in|on|with|and|who|lot|should|shouldnt|taking|take|clogging',
      // Asking for staff by race or religion: "fingers crossed I get a white doctor".
      'get|see|have|want|wanted|prefer|request|requested|requesting|ask|asked|asking|give|gave me|us|for? a|an white|english|british|christian doctor|doctors|nurse|nurses|gp|gps|doc|receptionist|one',
      // Sex stereotypes about women staff: "women GPs are all part-timers who go off on maternity".
      'women|female|lady|ladies _1 gps|doctors|nurses|staff|receptionists|managers _3 all|always|just|only _3 part|parttimers|maternity|hormonal|menopausal|emotional|hysterical|pregnant',
      // A group's place of worship as an insult, and a group noticed in numbers.
      'like a|an? mosque|mosques|souk|bazaar|madrassa|madrasa|kasbah',
      'funny|amazing|strange|notice|noticed|noticing|count|counted how many @protectedGroup|@religiousDress|@peopleGroup',
    ],
  },
  {
    // Signal: children to be kept from someone ("not letting him near my kids"), hostile beside a group.
    id: 'discriminatory.keep_from_children',
    confidence: 0.75,
    patterns: [
      'not|never|wont|dont|keep|kept|stay|keeping|letting _4 anywhere? near|away|nowhere _2 my|our kids|children|son|sons|daughter|daughters|grandkids|grandchildren|boys|girls|child',
    ],
  },
  {
    // Signal: a protected group named as people, for `dehumanising` and `two_tier` below.
    id: 'discriminatory.group_named',
    confidence: 1,
    patterns: [
      '@peopleGroup',
      '@religiousDress',
      'mosque|mosques|synagogue|synagogues|gurdwara|temple',
      'gender|transition|transitioning|pronouns',
    ],
  },
  {
    // Signal: words that deny people their humanity ("freaks", "vermin", "swarming").
    id: 'discriminatory.dehumanising',
    confidence: 0.8,
    patterns: [
      '@dehumanising',
      'mentally ill|deranged|disturbed freaks|perverts|men|people',
      'breeding like',
    ],
  },
  {
    // Signal: "two-tier Britain", a dog whistle when a group is named in the post.
    id: 'discriminatory.two_tier',
    confidence: 0.75,
    patterns: ['two tier britain|england|uk|country|nation|society|policing|justice|system'],
  },
  {
    // Signal: resentment of disabled people ("not even working", "got all day"), combined in derive.
    id: 'discriminatory.disability_resentment',
    confidence: 0.75,
    patterns: ['got all day', 'scrounger|scroungers|skiver|skivers|spongers|sponger'],
  },
  {
    // Signal: a disability named, for the resentment above.
    id: 'discriminatory.disability_named',
    confidence: 1,
    patterns: ['disabled|disability|disabilities|wheelchair|wheelchairs', 'blue badge'],
  },
  {
    // Signal only: a protected group near hostility, combined in `derive` (see classify.ts).
    id: 'discriminatory.group_hostility',
    category: 'discriminatory',
    confidence: 0.75,
    patterns: [
      '@protectedGroup _5 @hostility',
      '@hostility _5 @protectedGroup',
      'keep that|them|it _2 away from my|our kids|children',
      'old|elderly|older people|folk|folks _3 shouldnt',
    ],
  },
];

export const discriminatory: RuleFamily = {
  name: 'discriminatory',
  lists: DISCRIMINATORY_LISTS,
  rules: DISCRIMINATORY_RULES,
  // A slur is abusive as well as discriminatory.
  derive: (input, direct) => {
    const found = [
      ...direct.filter((hit) => !ownFamilysEnglish(input.doc.tokens, hit) && !placeName(input.doc, hit)),
      ...obfuscatedSlurs(input.doc.tokens),
      ...lookalikeSlurs(input.doc.original),
      ...localsOnly(input.doc.tokens),
    ];
    found.push(...dehumanised(input));
    if (input.hitsOf('discriminatory.disability_named').length > 0)
      found.push(
        ...input
          .hitsOf('discriminatory.disability_resentment')
          .map((h) => hitFrom(h, 'discriminatory', 'discriminatory.group_hostility', 0.7)),
      );
    return [
      ...found,
      ...found
        .filter((hit) => hit.ruleId === 'discriminatory.slur')
        .map((hit) => ({ ...hit, category: 'abusive' as const, ruleId: 'abusive.slur' })),
    ];
  },
};

/**
 * A dehumanising word ("freaks", "parasites") in the sentence of a protected group or the next one
 * ("posters for trans patients. Waste of money on mentally ill freaks"); "two-tier Britain" with a group
 * anywhere in the post. "freaks out" is a verb.
 */
function dehumanised(input: RuleInput): Hit[] {
  const { tokens } = input.doc;
  const groups = input.hitsOf('discriminatory.group_named');
  if (groups.length === 0) return [];
  const sentences = new Set<number>();
  for (const g of groups) {
    const s = (tokens[g.first] as Token).sentence;
    sentences.add(s);
    sentences.add(s + 1);
  }
  const hits: Hit[] = [];
  for (const h of [
    ...input.hitsOf('discriminatory.dehumanising'),
    ...input.hitsOf('discriminatory.keep_from_children'),
  ]) {
    if (tokens[h.last]?.text === 'out') continue;
    if (!sentences.has((tokens[h.first] as Token).sentence)) continue;
    hits.push(
      hitFrom(
        h,
        'discriminatory',
        h.rule.id === 'discriminatory.dehumanising' ? h.rule.id : 'discriminatory.group_hostility',
        0.75,
      ),
    );
  }
  for (const h of input.hitsOf('discriminatory.two_tier'))
    hits.push(hitFrom(h, 'discriminatory', 'discriminatory.group_hostility', 0.7));
  return hits;
}

const OWN_PEOPLE: ReadonlySet<string> = new Set([...WORD_LISTS.self, ...WORD_LISTS.relative, 'we', 'our']);

/** "My mum can barely speak English": the author's own family, not a group put down. */
function ownFamilysEnglish(tokens: readonly Token[], hit: Hit): boolean {
  if (hit.first === undefined || hit.last === undefined) return false;
  let speaks = false;
  for (let k = hit.first; k < hit.last; k++) if ((tokens[k] as Token).text === 'speak') speaks = true;
  if (!speaks) return false;
  const sentence = (tokens[hit.first] as Token).sentence;
  for (let k = hit.first - 1; k >= 0 && k >= hit.first - 4; k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== sentence) return false;
    if (OWN_PEOPLE.has(t.text)) return true;
  }
  return false;
}

const SLUR_SET = new Set(SLURS);
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};

/** Two of the same letter in a row become one ("paaki" → "paki"). */
const squash = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) if (text[i] !== text[i - 1]) out += text[i];
  return out;
};
/**
 * Slurs with doubled letters squashed, for "paaki" or "niggga". Short forms and forms that are
 * ordinary words ("niger", "con") are left out.
 */
const SQUASHED_SLURS: ReadonlySet<string> = new Set(
  SLURS.map(squash).filter((w) => w.length >= 4 && !['niger', 'fagot'].includes(w)),
);

/** First letter of every slur, for a cheap first test (a digit may stand for it: "n1gger", "5pastic"). */
const SLUR_FIRST = new Uint8Array(128);
for (const w of SLURS) SLUR_FIRST[w.charCodeAt(0)] = 1;
for (let d = 48; d <= 57; d++) SLUR_FIRST[d] = 1;
/** The first two letters of every squashed slur: a doubled-letter token is squashed only if it starts so. */
const SQUASHED_HEAD: ReadonlySet<string> = new Set([...SQUASHED_SLURS].map((w) => w.slice(0, 2)));
/** The first two different letters of a word ("paaki" → "pa"). */
const head = (text: string): string => {
  let k = 1;
  while (k < text.length && text[k] === text[0]) k++;
  return (text[0] as string) + (text[k] ?? '');
};

const slurHit = (start: number, end: number): Hit => ({
  category: 'discriminatory',
  ruleId: 'discriminatory.slur',
  start,
  end,
  confidence: 0.9,
});

/**
 * "c00n", "ni99er": digits standing for letters, which the normaliser leaves alone when doubled;
 * "paaki": a letter doubled to dodge a filter.
 */
function obfuscatedSlurs(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  for (const t of tokens) {
    const text = t.text;
    const n = text.length;
    if (n < 4 || n > 16 || SLUR_FIRST[text.charCodeAt(0)] !== 1) continue;
    let digits = false;
    let doubled = false;
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits = true;
      else if (c === previous) doubled = true;
      previous = c;
    }
    if (!digits && (!doubled || !SQUASHED_HEAD.has(head(text)))) continue;
    const letters = digits ? text.replace(/[0-9]/g, (d) => LEET[d] ?? d) : text;
    if (!/^[a-z]+$/.test(letters)) continue;
    if ((digits && SLUR_SET.has(letters)) || (!SLUR_SET.has(letters) && SQUASHED_SLURS.has(squash(letters))))
      hits.push(slurHit(t.start, t.end));
  }
  return hits;
}

/** Look-alike Unicode letters (𝓹𝓪𝓴𝓲, ｐａｋｉ): a word folded to plain letters (NFKD) is checked. */
function lookalikeSlurs(original: string): Hit[] {
  let fancy = false;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 0xd835 || (c >= 0xff21 && c <= 0xff5a)) {
      fancy = true;
      break;
    }
  }
  if (!fancy) return [];
  const hits: Hit[] = [];
  let i = 0;
  while (i < original.length) {
    while (i < original.length && /\s/.test(original[i] as string)) i++;
    const start = i;
    while (i < original.length && !/\s/.test(original[i] as string)) i++;
    if (i - start > 64) continue;
    const word = original
      .slice(start, i)
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (word.length >= 3 && (SLUR_SET.has(word) || SQUASHED_SLURS.has(squash(word))))
      hits.push(slurHit(start, i));
  }
  return hits;
}

/** "Dyke Road", "Offa's Dyke": a capitalised slur word beside another capitalised word is a place. */
function placeName(doc: Doc, hit: Hit): boolean {
  if (hit.ruleId !== 'discriminatory.slur' || hit.first === undefined || doc.shouting) return false;
  const t = doc.tokens[hit.first] as Token;
  if (!t.capitalised) return false;
  const next = doc.tokens[hit.first + 1];
  const prev = doc.tokens[hit.first - 1];
  return (
    (next?.capitalised === true && next.sentence === t.sentence) ||
    (prev?.capitalised === true && prev.sentence === t.sentence && prev.index > 0)
  );
}

const FOR_WHOM = new Set(['people', 'folk', 'folks', 'only', 'first']);

/** "Brockmere for Brockmere people", "Britain for the British": a place kept for its own. */
function localsOnly(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    const [a, f, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]] as Token[];
    if (!a || !f || !b || !c || f.text !== 'for' || a.text !== b.text || !FOR_WHOM.has(c.text)) continue;
    if (a.sentence !== c.sentence || a.text.length < 3) continue;
    hits.push({
      category: 'discriminatory',
      ruleId: 'discriminatory.hostile_phrase',
      start: a.start,
      end: c.end,
      confidence: 0.7,
    });
  }
  return hits;
}

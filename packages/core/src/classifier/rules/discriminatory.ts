// discriminatory: racist or other hateful content about a protected characteristic (race,
// nationality, religion, sex, sexual orientation, gender identity, disability, age).
//
// Two ways in: a slur (also abusive), or a protected group named in the same sentence as hostility
// towards it ("send them back", "shouldn't be GPs", "full of …", "keep that away from my kids").
// Naming a group alone is not hostile: "is there a female doctor?" is a legitimate preference.

import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { type Hit, hitFrom, type RuleFamily } from './types.js';

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
];

export const DISCRIMINATORY_LISTS = {
  slur: SLURS,
  protectedGroup: GROUPS,
  hostility: HOSTILITY,
  country: COUNTRIES,
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
      'go|goes|going back home',
      'too many @protectedGroup',
      'another @protectedGroup doctor|nurse|gp|one|receptionist',
      'cant|can we have|get _1 one|someone|somebody _1 from round|around here',
      'so many @protectedGroup',
      'sick|tired of _2 @protectedGroup',
      'hire|employ|look after our own',
      'keep the|them|those|these|all _1 @protectedGroup out',
      'bleeding|bleed|bled _3 dry',
      'run|full|staffed by _1 @protectedGroup',
      'go|goes|going|send|sent|get|got back to @country',
      'all these|those @protectedGroup',
      'why are|is all _3 foreign|foreigners|immigrants|muslims|black|asian|polish|indian|gay',
      '@role|@rolePlural _3 all? foreign|foreigners now',
      'give _2 jobs to _2 british|english|our people|own',
      'why cant|can we have|get an? english|british|white|proper|normal doctor|doctors|nurse|nurses|staff|gp|gps',
      'some @protectedGroup bloke|fella|woman|guy|man|lad|girl|doctor',
      '@protectedGroup _5 couldnt|cant understand',
      '@protectedGroup _6 barely|cant|couldnt|cannot|doesnt speak _1 english',
      'dont share our values',
      'your|their sort|kind|lot round|around here',
      'before they|that|your lot came|arrived|moved',
      'a mans|womans job',
      'you know what theyre like',
      'you know what they are like',
      '@protectedGroup _4 no thanks|chance|way',
      'our god|religion|values|culture',
      'believe in our|the _1 god',
      'stop hiring|employing _3 people|foreigners|immigrants|them',
      'barely|hardly|cant|cannot speak _1 english',
      'not an embassy',
      'go|goes|going back to your|their|his|her own? country|countries',
      'back where _1 came from',
      'off a|the boat|boats',
      'bloke|man|fella|geezer in a dress',
      'proper british|english',
      'queens|kings english',
      'dont|do|didnt train them properly? over there',
      'why should i have? to? see a|an @protectedGroup',
      'why should i _5 @protectedGroup',
      'not in front of my|our children|kids',
      'full of @protectedGroup',
      'they|theyve had their life|lives|innings|turn|time|go',
      'bed blockers',
      'running out of town',
      'let @protectedGroup _2 work|treat|examine',
      'should|shouldnt _2 be allowed to be? @role',
      '@protectedGroup shouldnt|should _2 be @rolePlural|@role|allowed',
      // Hostility with no slur: belonging, religion, sex, disability.
      'or go|get|fuck|piss _1 home|back|out',
      'british|english ways|values|customs|culture _3 or',
      'is a|an christian|british|english|white|catholic country|nation',
      'let them _3 mosque|mosques|temple|synagogue|gurdwara',
      'women|female|lady|woman doctor|doctors|gp|gps|nurses _2 panic|panics|overreact|overreacts|hysterical|useless|cant|shouldnt',
      'for the british|english|locals|natives only?',
      'one of them|those _2 @protectedGroup',
    ],
  },
  {
    // Signal: resentment of disabled people ("not even working", "got all day"), combined in derive.
    id: 'discriminatory.disability_resentment',
    confidence: 0.75,
    patterns: [
      'not even working|work',
      'got all day',
      'scrounger|scroungers|skiver|skivers|spongers|sponger',
    ],
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
      '@protectedGroup people|men|staff|doctors|nurses _3 should be banned',
      'keep that|them|it _2 away from my|our kids|children',
      'old|elderly|older people|folk|folks _3 should be banned',
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
    const found = [...direct, ...leetSlurs(input.doc.tokens), ...localsOnly(input.doc.tokens)];
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

const SLUR_SET = new Set(SLURS);
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
};

/** "c00n": digits standing for letters, which the normaliser leaves alone when doubled. */
function leetSlurs(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  for (const t of tokens) {
    if (!/[0-9]/.test(t.text) || !/[a-z]/.test(t.text) || t.text.length > 16) continue;
    const letters = t.text.replace(/[0-9]/g, (d) => LEET[d] ?? d);
    if (SLUR_SET.has(letters))
      hits.push({
        category: 'discriminatory',
        ruleId: 'discriminatory.slur',
        start: t.start,
        end: t.end,
        confidence: 0.9,
      });
  }
  return hits;
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

// critical backstop: a high-recall second look for `threat` and `harm_indication`, the two critical
// categories, for posts the phrase families (threat.ts, harm.ts) did not catch.
//
// Instead of whole phrases it looks for KINDS of language — cues — and fires when enough different
// kinds meet in a short window (a sentence and the two after it), e.g. settling affairs + a goodbye,
// a method + a quantity, a veiled "be a shame" + knowing which car is hers, a gathering of mates + a
// violence emoji. One cue alone is never enough (except the explicit ones), so a single word such as
// "bridge", "pills" or "car park" stays quiet. Figurative violence ("killing me", "smashed it",
// "could murder a coffee") is vetoed before scoring. Recall matters more than precision here: a false
// alarm costs a manager a minute, a missed one can cost a life.
//
// Linear: cues come from the shared phrase matcher (bounded hits per rule); scoring visits each cue a
// bounded number of times (windows of 3 sentences); emoji are found in one pass over the text.

import type { Category } from '../../model/constants.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { aboutPractice, SentenceFlags, threatVetoed } from './concern-signals.js';
import { reportedQuestion } from './harm.js';
import { Coverage, type Hit, type RuleFamily, type RuleInput } from './types.js';

export const BACKSTOP_LISTS = {
  meds: [
    'pills',
    'pill',
    'tablets',
    'tabs',
    'meds',
    'medication',
    'painkillers',
    'paracetamol',
    'codamol',
    'cocodamol',
    'codeine',
    'tramadol',
    'morphine',
    'oxycodone',
    'sertraline',
    'citalopram',
    'fluoxetine',
    'mirtazapine',
    'amitriptyline',
    'diazepam',
    'zopiclone',
    'quetiapine',
    'pregabalin',
    'gabapentin',
    'lithium',
    'insulin',
    'antidepressants',
    'inhaler',
    'inhalers',
    'sleepers',
  ],
  child: [
    'kid',
    'kids',
    'child',
    'children',
    'lad',
    'boy',
    'girl',
    'toddler',
    'baby',
    'son',
    'daughter',
    'brother',
    'sister',
    'teenager',
    'teenage',
    'daughters',
    'sons',
    'stepdaughter',
    'stepson',
    'grandkids',
    'teen',
    'niece',
    'nephew',
    'grandson',
    'granddaughter',
    'childs',
    'childrens',
    'lads',
    'boys',
    'girls',
    'toddlers',
    'babys',
    'brothers',
    'sisters',
    'teenagers',
    'teenages',
    'stepdaughters',
    'stepsons',
    'teens',
    'nieces',
    'nephews',
    'grandsons',
    'granddaughters',
  ],
  elder: [
    'nan',
    'nana',
    'nanna',
    'gran',
    'granny',
    'grandad',
    'grandma',
    'grandpa',
    'elderly',
    'pensioner',
    'dementia',
    'alzheimers',
    'parkinsons',
    'disabled',
    'frail',
    'widow',
    'widower',
    'nans',
    'nanas',
    'nannas',
    'grans',
    'grannys',
    'grandads',
    'grandmas',
    'grandpas',
    'elderlys',
    'pensioners',
    'dementias',
    'disableds',
    'frails',
    'widows',
    'widowers',
  ],
  partnerOf: [
    'lady',
    'woman',
    'neighbour',
    'neighbours',
    'husband',
    'wife',
    'boyfriend',
    'girlfriend',
    'partner',
    'fella',
    'bloke',
    'ex',
    'ladys',
    'womans',
    'husbands',
    'wifes',
    'boyfriends',
    'girlfriends',
    'partners',
    'fellas',
    'blokes',
    'exs',
  ],
  crew: [
    'brothers',
    'lads',
    'mates',
    'boys',
    'cousins',
    'crew',
    'friends',
    'family',
    'uncles',
    'gang',
    'boyz',
  ],
  premisesWord: [
    'surgery',
    'practice',
    'building',
    'place',
    'desk',
    'counter',
    'reception',
    'clinic',
    'window',
    'windows',
    'glass',
    'screen',
    'car',
    'house',
    'door',
    'carpark',
  ],
  someoneElse: [
    'youve',
    'whoever',
    'everyone',
    'anyone',
    'him',
    'her',
    'them',
    'you',
    'ya',
    'u',
    'someone',
    'somebody',
    'he',
    'she',
    'they',
    'his',
  ],
};

type Kind =
  // self harm
  | 'explicit'
  | 'farewell'
  | 'affairs'
  | 'giveaway'
  | 'note'
  | 'mhContext'
  | 'absence'
  | 'notice'
  | 'hopeless'
  | 'exhaustion'
  | 'resolve'
  | 'method'
  | 'contemplation'
  | 'attempt'
  | 'meds'
  | 'stockpile'
  | 'stopMeds'
  | 'edFast'
  | 'edPush'
  | 'edTag'
  // someone else at risk
  | 'subject'
  | 'injury'
  | 'neglect'
  | 'unsupervised'
  | 'exploitation'
  | 'unexplainedGoods'
  | 'control'
  | 'unseen'
  | 'homeSigns'
  | 'fear'
  | 'distress'
  | 'askHelp'
  | 'strongSign'
  | 'cleanCount'
  | 'slip'
  | 'unreachable'
  | 'calm'
  | 'kindness'
  | 'elderSign'
  | 'elderly'
  // threat
  | 'target'
  | 'person'
  | 'question'
  | 'violence'
  | 'fire'
  | 'incite'
  | 'knowingTag'
  | 'intent'
  | 'fuel'
  | 'veiledStrong'
  | 'menace'
  | 'retribution'
  | 'watchKnow'
  | 'watchPlace'
  | 'watchTime'
  | 'gathering'
  | 'emphasis'
  | 'ultimatum'
  | 'weaponEmoji'
  | 'heatEmoji'
  | 'evilEmoji';

const PREFIX = 'critical_backstop.';

/** Cue patterns by kind (signals only: no category; `derive` scores them). */
const CUES: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  explicit: [
    'suicid*',
    'kill|killing|end|ending|hurt|hurting|hang|cut|cutting|harm|harming|burn|burned|burnt|burning|scratch|scratched|starve|starving|punish|punished myself',
    'self harm*',
    'selfharm*',
    'end it all',
    'overdose*',
  ],
  farewell: [
    'thank you for trying|everything',
    'thanks for trying|everything',
    'said|saying|say sorry|goodbye|goodbyes|bye to',
    'goodbye*',
    'love you all',
    'thanks|thank you? for everything',
    'sorry for everything',
    'theyll|youll|shell|hell|they|you|she|he|will _1 understand one? day|someday|why',
    'last post|video|message|time',
  ],
  note: [
    'notes|note _1 is|are? written|done|ready',
    'if i dont|never post|reply|answer|message',

    'wrote|written|writing|left _4 letter|letters|note|notes',
  ],
  affairs: [
    'sorted|sorting|written|writing|wrote|updated|made|done _4 will|insurance|affairs|papers|funeral',
    'affairs',
    'passwords|pins|login|logins',
    'cleared|clearing|emptied|emptying out? my flat|room|house|stuff|things|wardrobe',
    'paid|paying off _3 owe|debts|debt|everything',
    'nothing left to sort|do|say',
    'deleted|deleting|delete|closed|closing _3 socials|accounts|account|profiles|everything',
  ],
  giveaway: [
    'handing|handed|hand|giving _1 out|round|away _2 my|all _1 stuff|things|belongings|possessions|clothes',
    'gave|given|giving|give|handed|handing _6 away',
    'given|giving|gave|give|rehomed|rehoming _3 dog|dogs|cat|cats|pets|pet|stuff|things|belongings|possessions|everything',
    'gave|given|giving|give away? my _2 to',
  ],
  absence: [
    'wont|cant|couldnt _1 wake',
    'gone|went missing',
    'not|never _1 coming|going|be back|home $',
    'wont|dont|wouldnt need _1 it|them|that|this|anything|one',
    'wont|dont|wouldnt be needing|using|wanting',
    'wont|not|never be around|here',
    'dont|never|not wake up',
    'without me',
  ],
  notice: [
    'nobody|noone knows|know $',
    'anyone|anybody|someone|people|they|nobody|noone notices|notice|noticed|miss|misses',
    'dont know why im posting|writing|saying',
    'dont ask',
  ],
  hopeless: [
    'dont care $',
    'dont|cant|cannot|no|never see _1 the|any? point _4 anymore|living|life|existing',
    'why should|would|do|bother i _1 bother|try|care|carry',
    'pointless',
    'better off without',
    'it|things doesnt|wont $',
    'burden',
    'waste of space|oxygen|skin',
    'nothing left',
  ],
  exhaustion: [
    'havent|hasnt|not left _1 my|the? bed|room|house _3 days|weeks',
    'done|finished fighting|trying|pretending',
    'cant|cannot do this|it|any anymore|more',
    'tired|sick|exhausted of _1 everything|living|life|it|being|fighting|trying|pretending|existing',
    'had enough of _1 everything|life|living|it',
  ],
  resolve: ['waiting for _3 house|flat|place _2 empty|quiet', 'weirdly|strangely|oddly|so calm'],
  method: [
    'razor|razors',
    'multi storey',
    'coast|sea|woods|river|lake|beach|reservoir|canal',
    'knife|knives|blade|blades|razor|razors|belt|ligature|charcoal|bleach',
    'train',
    'roof',
    'bridge',
    'viaduct',
    'drop',
    'railway',
    'rope',
  ],
  contemplation: [
    'need|needs|needed|finding|find|found|get|getting|got _1 the|up? courage|nerve|guts',
    'long sleeves|sleeved _5 summer|hot|heat|warm|hide|hiding|cover|covering',
    'hides|hiding|hidden|hid _2 razors|razor|blades|blade',
    'keep|kept|keeps _1 driving|walking|going|ending _2 past|to|back|up',
    'i am _2 at|on the top|edge|roof',
    'top of the? multi|multistorey|bridge|building|cliff|tower|flats|car',
    'empty _2 pill|pills|tablet|tablets|boxes|packets|blister|blisters|bottles|packs',
    'cant stop|keep thinking _2 about|of _3 @meds|bridge|rope|knife|knives|jumping|dying|death|ending|noose|drop|edge',
    'til|till|until it|they _1 bleeds|bleed|bled|bleeding',
    'sliced|slashed|slash|slashing|carved|carving|gouged|gouging _1 my|her|his|their _1 arm|arms|wrist|wrists|thigh|thighs|legs|leg|stomach|skin|face',
    'just in case $',
    'thinking|thought|think about|of? how easy|quick|simple|quiet|peaceful|nice|painless',
    'stood|standing|stand|sat|sitting|sit|been _2 on|at|by|over|top _3 bridge|edge|cliff|cliffs|tracks|railings|roof|ledge|platform|parapet',
    'on purpose|deliberately',

    'how many _3 take|kill|need|enough|too',
    'easy|easiest|quick|quickest|painless way|ways',
    'bought|buying|ordered|got _3 rope|noose|blades|razor|razors|charcoal',
  ],
  attempt: ['jump|jumping|jumped off'],
  meds: ['@meds'],
  mhContext: [
    'voices|voice',
    'mental health',
    'mentalhealth*',
    'crisis team|line',
    'depression',
    'depressed',
    'therapy',
    'counselling',
  ],
  stockpile: [
    '@meds _1 ready $',
    '@meds _3 saved|stashed|stockpiled|hoarded|hidden|hid',
    'counted|counting|count|stockpil*|hoard*|stash*|saving|saved|collecting|collected _5 @meds',
    'handful|bunch|load|box|boxes _2 @meds',
  ],
  stopMeds: [
    'flushed|flush|binned|bin|stopped|stop|stopping|quit|quitting|threw|chucked|chuck _4 @meds',
    'havent|hasnt|not|stopped taken|taking my _2 @meds',
  ],
  edFast: [
    'havent|hasnt eaten',
    'not|havent|hasnt eaten _2 since',
    'nothing but _3 coffee|water|tea',
    'day|days _2 of|on _2 water|coffee|tea|nothing|fasting|juice',
    'water|coffee|tea|juice $',
    'stopped|stop|stopping|quit eating',
    'purging',
  ],
  edPush: [
    'so proud',
    'still|so|feel|im|feeling _1 disgusting|fat|huge|gross|massive|enormous',
    'how far _3 push',
    'lose|drop _3 more',
  ],
  subject: [
    '@child',
    '@elder',
    '@partnerOf',
    'old lady|man|woman|fella|boy|girl|dear|gentleman|chap|bloke|gent|couple',
    'little one|ones',
    'kiddie|kiddies|kiddy|bairn|bairns|wean|weans|youngster|youngsters|infant|newborn|tot|tots|schoolgirl|schoolboy|minor|pupil|toddlers|babies',
    'little lad|girl|boy|un|uns',
    'care|nursing|residential home|homes',
    'great aunt|auntie|uncle|nan|gran|grandma|grandad',
    'memory|memorys going|gone|failing|loss|bad',
    'vulnerable',
    'autistic',
    'pregnant',
  ],
  injury: [
    'black eyes',
    'says|said|claims _3 clumsy|fell|tripped',
    'covered in bruises|marks|cuts',
    'shake|shakes|shaking|shook|shaken _1 him|her|them|the|baby',
    'bruise|bruises|bruised|bruising',
    'marks on',
    'cut|cuts|scratches|scratch|burn|burns on',
    'marks',
    'black eye',
    'burns',
    'hits|hit|hitting|slaps|beats|punches _1 her|him|them|the',
  ],
  neglect: [
    'same _1 dirty|old|smelly clothes',
    'begging|asking|asks|begs _3 biscuits|bread|snacks|sweets|crisps|money',
    'soaked|drenched|sodden',
    'hasnt|havent|not|never|isnt _1 been? fed|washed|changed|bathed',
    'looking|searching|hunting|scavenging _2 for food',
    'never|without _1 has|had|got|a _1 a|any? coat|coats|shoes|food|lunch|breakfast|dinner|jumper',
    'wet|soiled|dirty|filthy|sodden _1 pads|pad|nappy|nappies|bed|sheets|clothes|bedding',
    'found _4 floor',
    'bed|pressure sores|ulcers',
    'asking|asks|begging _3 food',
    'no food',
    'no shoes|coat|coats|shoes',
    'hungry',
    'starving',
    'lost _1 loads|lots|so|a lot? of? weight',
    'locks|locked _3 in',
  ],
  unsupervised: [
    'alone _2 all night|day|weekend|evening',
    'went|gone|go out _2 hours|ages',
    'no family|relatives|kin|friends $',
    'got|has|have|with no family|relatives|kin|friends|one',
    'no family|relatives|kin|friends _2 nearby|around|local|check|visit|visits',
    'midnight|1am|2am|3am|4am|11pm|12am',
    'mum|mums|dad|dads|mam|mams _1 asleep|passed|drunk|wasted|comatose',
    'left on their|his|her own',
    'not|hasnt|havent|didnt come|been home',
    'phone|phones _2 off',
    'sleeps|sleeping all day',
    'gone|away|out _2 for? days|weeks|nights',
    'nobody checking|checks|visits',
  ],
  exploitation: [
    'for money|cash|vapes|gifts|phone|credit',
    'man|men|bloke|guy|adult|stranger|lad _1 on|from _1 fortnite|roblox|snapchat|instagram|tiktok|discord|xbox|online|facebook|whatsapp|game|games|minecraft',
    'asked|asking|asks _2 for photos|pics|pictures|nudes|selfies',
    'met _2 online|snapchat|instagram|tiktok|roblox|discord|gaming|internet',
    'wants|wanted|asking|asked|keeps _2 to? meet|meet up|meetup',
    'picked|picking|picks|pick up _4 by _1 a|an|some|older|this|the',
    'older|grown|adult men|man|lads|blokes',
    'picked|picks|picking up by',
    'gang|gangs|dealers|dealing',
  ],
  unexplainedGoods: [
    'takes|took|taken|taking|keeps|kept|has _2 wages|salary|pay|income|giro|credit|card|cards',
    'new phones|phone|trainers|clothes|jewellery',
    'takes|took|taken|taking _3 money|pension|benefits|savings',
  ],
  control: [
    'took|takes|taken|keeps|kept|hides|hid _1 her|his|my passport|documents|id|papers|keys',
    'checks|checking|reads|goes through her|his|their phone',
    'keeps|took|taken|had|has _2 bank card|cards|money',
    'bank card|cards',
    'wont|doesnt|never let|lets her|him|them _3 see|go|out|have|leave',
  ],
  unseen: [
    'nobody|noone|nobodys|noones _1 seen|heard',
    'not|hasnt|havent|nobody|noone|nobodys|noones _1 seen|answered|answering|opened|out _4 days|day|weeks|week|fortnight|since|ages|months',
  ],
  homeSigns: [
    'curtains',
    'bins|bin',
    'smell|smells _2 from|coming',
    'milk|milks|post|posts|letters|mail|papers|parcels _4 step|piling|piled|doorstep|still|mat|pile',
  ],
  distress: [
    'screaming|crying|sobbing|wailing $',
    'crying|screaming|sobbing|wailing non stop',
    'flinch|flinches|flinched|flinching|cowers|cowering|cower',
    'scream|shout|yell|screams|shouts|yells at _1 him|her|them|the',
    'dead|went|gone|all quiet|silent',
    'screaming|screams|screamed|crying|cries|sobbing|shouting|yelling _3 again|every|at|all',
    'wont|cant look _3 eye',
  ],
  fear: ['scared', 'frightened', 'afraid', 'terrified'],
  askHelp: [
    'isnt|not|nobody|noone|arent _2 doing anything',
    'who do|should i tell|ring|report|call|contact',
    'who|where do|should|can|would i|we _2 ring|call|tell|report|contact|go|turn',
    'what do|should i do',
    'what can|should|would|do i|we _1 do',
    'should i _2 ring|call|tell|report|contact _1 someone|anyone|somebody|the',
    'should i ring|call|report|tell',
    'social services',
    'safeguarding',
    'dont know what to do',
  ],
  // A sign strong enough beside a vulnerable subject on its own: left alone for a stretch, nobody
  // coming, a carer who doesn't turn up, wandering at night, money taken, sores left untreated.
  strongSign: [
    'crying|screaming|sobbing|wailing non stop',
    'in a|just|only t? shirt|tshirt|vest|nappy|pyjamas',
    'left|leaves|leaving|leave _3 alone|own|themselves|himself|herself|fend _3 all|every|for|overnight|night|nights|weekend|weekends|days|hours|while|when',
    'taking|took|taken|takes|stealing|stole|steals|pinching|pinched|helping _3 money|cash|pension|purse|wallet|savings|benefits',
    'crying|screaming|sobbing|wailing _2 for hours|ages|all|constantly|nonstop',
    'back on the? gear|drugs|drink|booze|crack|heroin|smack',
    'off _1 his|her|their face|head|tits',
    'no lunch|breakfast|dinner|tea|nappies|heating|electric|bed',
    'stop|no|please daddy|mummy|dad|mum|mam|mammy|dada|papa',
    'in just|only _1 a? nappy|nappies|vest|pyjamas|pants|underwear|socks|tshirt|nightie',
    'flat|passed|spark|sparked out',
    'stopped|stop|stopping|not|refuse|refuses|refusing|wont _1 giving|give _6 meds|medication|medicine|insulin|inhaler|tablets|epilepsy|antibiotics|antiepileptics',
  ],
  // Calm after settling things ("feel calmer now", "strangely peaceful"): a sign only beside affairs,
  // a giveaway or a goodbye (on its own it is just feeling better).
  calm: [
    'feels|feel|felt|feeling right|peaceful|calm',
    'feel|feeling|felt|am|im _2 calmer|calm|peaceful',
    'calmer|peaceful|lighter|relieved|better than _4 months|years|ages|weeks|long',
  ],
  // Signs that an old or frail person is not being looked after: strong beside one (a child who
  // wanders off at the fair is another matter).
  elderSign: [
    'wont|doesnt|never let _1 him|her|them _1 see|visit|have|go|call',
    'living|moved|moving in|into _2 his|her|their house|flat|home|bungalow',
    '@meds _3 not|havent|hasnt|never _1 been? collected|picked|taken',
    'giving|gave|given|sending|sent _2 all? her|his|their money|savings|pension|cash',
    'signed|signing|sign _4 over',
    'keeps|kept|keep falling',
    'wandering|wandered|wanders|wander _3 off|night|streets|road|lost|am|2am|3am|slippers|street|nightie|nightdress',
    'gets|got|getting|keeps _1 getting? lost',
    'carers|carer _3 dont|didnt|never|not|havent|hasnt|arent|isnt|wont _1 turn|turned|turning|show|showed|showing|come|came|coming|visit|been',
    'carers|carer|staff|home _3 never|dont|didnt|not|havent|wont _1 changed|change|washed|wash|fed|feed|turned|turn|checked|check|bothered',
    'lying|laying|lay|found|left _4 floor',
  ],
  elderly: [
    '@elder',
    'old lady|man|woman|fella|gentleman|chap|bloke|gent|couple',
    'memory|memorys going|gone|failing|loss|bad',
    'care|nursing|residential home|homes',
    'great aunt|auntie|uncle|nan|gran|grandma|grandad',
  ],
  // Thanks and gifts: a post asking for an address to send a card is not watching someone.
  kindness: [
    'thank you',
    'thanks',
    'thank',
    'card',
    'flowers',
    'present',
    'lovely',
    'lol',
    'haha',
    'we all do',
  ],
  // Abstinence counted ("90 days clean", "clean for 3 months") and the slip that ends it.
  cleanCount: [
    'clean|sober _2 days|weeks|months|years|year|month|week|day',
    'days|weeks|months|years|month|week|year clean|sober',
  ],
  slip: ['slipped', 'slip', 'relapsed', 'relapse', 'broke it'],
  // Someone who said goodbye and can't now be reached.
  unreachable: [
    'location|locations|map|phone|whatsapp _2 off|dead',
    'not|isnt|wont|hasnt|stopped answering|replying|picking',
    'no reply|answer _2 since|from',
    'goodbye|farewell message|text|note|letter|post|video|voicemail',
  ],
  person: ['@role', '@rolePlural', '@someoneElse'],
  target: ['@role', '@rolePlural', '@premisesWord', '@someoneElse', 'car park', 'front desk'],
  violence: [
    'hurt',
    'kill|stab|batter|punch|slap|deck|smack|thump|glass|strangle|attack|kick|beat _1 @someoneElse|the|that|those|every|some',
    'putting|put|throw|throwing|drag|dragging|launch|launching|shove|shoving @someoneElse|the|that|one _1 through|over|across',
    'sort him|her|them|you|em|u _1 out',
    'end|finish|destroy|ruin|get|batter|hurt whoever|everyone|every|them|him|her',
    'body bag|bags',
    'windows|window|glass|screen _3 went|go|goes|going|smashed|put|kicked in',
  ],
  fire: [
    'torch*',
    'burn|burning|burns|burnt|burned|burndown',
    'light|set _1 it|fire|alight',
    'match|lighter to',
  ],
  knowingTag: ['doesnt|isnt|hasnt|dont|wasnt|didnt|aint he|she|they|it $'],
  intent: ['i will|would', 'ill', 'im going|gonna', 'were going|gonna'],
  incite: ['someone|somebody|people should|needs|ought|wants|want'],
  fuel: ['petrol', 'jerry can', 'lighter', 'matches', 'diesel', 'accelerant', 'paraffin'],
  menace: [
    'going|working through the list',
    'see how far _3 gets|get you',
    'nothing|nowt left? to lose',
    'remember that $',
    'do more than',
    'what happens to _1 people|anyone|those|folk _1 who|that',
    'seeing|see _1 him|her|them|you _2 soon',
    'knows|know what i am like',
    'hasnt|havent|not noticed|clocked _1 me? yet',
    'bring|bringing|brought _2 tools|weapons|blades|shooter|tooled',
    'when|once im|ive finished|done with _1 him|her|them|you|yous',
    'done|did|served time|bird',
    'crossed|crosses|cross _1 me|my|us _1 family?',
    'enjoy|enjoying _3 next|last|while|weekend|weeks|days|months',
    'be|would|itd|twould a? shame|awful|pity|terrible|tragic',

    'see you|ya|u soon',
    'heard|hears|knows|know all about',
    'cross|crosses me',
    'knows|know what _2 did',
    'knows|know why',
    'shame if',
    'ill|well|be waiting for|outside',
    'paying|pay|pays _3 a visit',
    'good insurance',
    'over _1 shoulder|shoulders',
    'teach _3 lesson',
    'watch your|his|her|their back',
    'youll|hell|shell|theyll|you|he|she|they see $',
    'youll|hell|shell|theyll find out',
    'last warning',
  ],
  veiledStrong: [
    'broken jaw|nose|legs|leg|arm|arms|neck|ribs',
    'thinks|think|feels _3 safe|untouchable|protected',
    'checking|check|checks|look|looking under _3 car|cars|motor',
    'coming|come|comes for you|him|her|them|em|u',
    'need|needs a new face|teeth|set|kneecaps',
    'something|anything sharp',
    'needs|deserves|wants|due a|an _1 slap|smack|punch|kicking|hiding|beating|battering|clip|smacking',
    'getting|get|gets glassed|stabbed|battered|smacked|slapped|decked|knifed|kneecapped',
    'enjoy|enjoying your|their|his|her last',
    'anything|something _1 happen|happens|happened|happening to @someoneElse|his|the|that|your|their|it|our',
    'end|ends|ending up in _1 hospital|a|aande',
    'wants|want|needs|need|better|should|had _3 careful',
    'days are numbered',
    'want|wants|wanna|better|should|needs|best to? hope|pray _4 never|dont|doesnt|not|nothing',
    'never bumps|bump|runs|run|meets|meet into me',
  ],
  retribution: [
    'ruined|wrecked|destroyed my life',
    'pays|pay|paying for it|this|that',
    'make|making sure _3 never|pays|pay|suffers|regrets|sorry',
    'have|has consequences',
    'regret it|this',
  ],
  watchKnow: [
    'list of names|addresses',
    'i|we know|knows which|where|what',
    'find out where',
    'his|her|their|home address',
    'parked|waiting|sat|sitting|stood _1 outside',
  ],
  watchPlace: [
    'doctors|nurses|managers|receptionists|gps|docs _1 house|car|home|kids|address|wife|husband',
    'wait|waiting _3 by|at|outside|near his|her|their car|house|door',
    'outside|near|at|round your|his|her|their house|home|door|place',
    'car park',
    'house on',
    'lives on|in|near|round|at',
    'dark road|lane|alley|path|street|night|car',
    'walks|walking|drives|goes|cycles _4 alone|home|station|car',
    'parks|parked|parking round|behind|at|by _2 back|bins|side',
    'lovely|nice school|house|car|garden|family|kids|motor|wife|husband',
    'kids|children|daughter|son _2 go|goes|at|school',
    'his|her|their car|motor|reg|house|home|door|kids',
    'drives|drive a|an',
    'car reg',
  ],
  watchTime: [
    'last|first one? out',
    'what time',
    'finishes|leaves at?',
    'mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays',
    'at closing',
    'every night|morning|evening|day',
    'after work|hours',
    'walks|walk|drives|drive|parks|park|jogs|runs _4 every|each',
    'at night',
    'tonight',
    'drive|walk|way home',
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday _3 clinic|shift|surgery|session',
  ],
  gathering: [
    'just got|come out',
    'out of prison|jail|nick',
    'bring|bringing|brought|fetch|fetching|get|getting|round _3 @crew _2 down|round|along|in|up',
    'few|some|couple _2 @crew',
    'with a? few|some|couple|my|the @crew',
    'me and the|my @crew',
    '@crew _2 coming|come|going|turning|turn up|down|round|over',
    '@crew _4 meet|visit|see|sort|greet',
  ],
  emphasis: [
    'mark my words',
    'just saying',
    'just so _3 know',
    'handy|good|useful|nice to know',
    'if i was|were you|him|her|that|them|the',
    'been warned',
  ],
  ultimatum: [
    'tick tock|tick',
    'better _5 or',
    'or ill|im|well|were|me|we|else',
    'one more time',
    'one more _2 and',
    'last chance',
    'if _6 again $',
  ],
};

// Figurative uses that veto a violence or arson cue they overlap.
const FIGURATIVE: readonly string[] = [
  'suicide|suicidal prevention|awareness|training|course|helpline|charity|squad|statistics|rates|rate|talk|walk|run|month|day|week',
  'set|setting|sets fire|light to _3 system|phones|phone|website|app|rules|rulebook|policy|book|form|forms|letter|rota',
  'diagnose|diagnosed|spot|spotted|notice|noticed|treat|fix|set|miss|missed _3 broken',
  'kill|killing|killed|killin myself laughing|laughin|lol|haha',
  'killing|kills|killed me|my',
  'smashed|smash|smashing it|that',
  'murder|kill _1 a|for',
  'dying to|for',
  'on fire',
  'burn|burnt|burned out',
  'burnout',
  'heartburn',
  'sunburn*',
  'burning sensation|pain',
  'hurt|hurts|hurting my|me|like',
  'it hurt|hurts',
  'put|putting|puts|putt _3 through to',
];

const KINDS = Object.keys(CUES) as Kind[];
/** Each kind's rule id, built once: collectCues looks every kind up on every post. */
const KIND_RULE_IDS: readonly (readonly [Kind, string])[] = KINDS.map((kind) => [kind, `${PREFIX}${kind}`]);
const FIGURATIVE_VETOED: ReadonlySet<Kind> = new Set(['violence', 'fire', 'explicit', 'veiledStrong']);
/** Threat cues that the shared threat vetoes apply to (hyperbole elsewhere, hazards, blame). */
const THREAT_VETOED: ReadonlySet<Kind> = new Set(['violence', 'veiledStrong', 'menace']);

export const BACKSTOP_RULES: PhraseRule[] = [
  ...KINDS.map((kind) => ({ id: `${PREFIX}${kind}`, confidence: 0.5, patterns: CUES[kind] ?? [] })),
  { id: `${PREFIX}figurative`, confidence: 0.5, patterns: FIGURATIVE },
];

/** Emoji the tokenizer drops but which carry menace beside a person or place. */
const WEAPON_EMOJI: ReadonlySet<number> = new Set([0x1f528, 0x1fa93, 0x1f5e1, 0x1f52a, 0x1f52b]);
const HEAT_EMOJI: ReadonlySet<number> = new Set([0x1f44a, 0x1f525, 0x1f4a3, 0x26b0, 0x1fa78]);
/** Hashtags of eating-disorder communities (the tokenizer drops the `#`). */
/** Grinning devils: mischief or malice, never praise. */
const EVIL_EMOJI: ReadonlySet<number> = new Set([0x1f608, 0x1f47f]);
const ED_TAGS: ReadonlySet<string> = new Set(['ed', 'edtwt', 'proana', 'ana', 'mia', 'thinspo', 'promia']);

/** Words of a relationship or contact with an adult, for age gaps. */
const CONTACT: ReadonlySet<string> = new Set([
  'boyfriend',
  'girlfriend',
  'man',
  'men',
  'bloke',
  'guy',
  'fella',
  'seeing',
  'dating',
  'lifts',
  'messaging',
  'texting',
  'meeting',
  'snapchat',
  'online',
  'friend',
  'meet',
  'met',
]);
const ADULT_ROLE: ReadonlySet<string> = new Set(['boyfriend', 'girlfriend', 'fella', 'man', 'bloke', 'men']);

const AGE_BEFORE: ReadonlySet<string> = new Set([
  'is',
  'aged',
  'age',
  'about',
  'only',
  'hes',
  'shes',
  'turned',
  'im',
]);

/** The age a token states, when it reads as one: "is 90", "aged 7", "6yo", "12 year old". */
function ageOf(t: Token, before: Token | undefined, after: Token | undefined): number | undefined {
  let digits = t.text;
  if (digits.endsWith('yo') || digits.endsWith('yrs'))
    digits = digits.slice(0, digits.endsWith('yo') ? -2 : -3);
  else if (
    !(before && AGE_BEFORE.has(before.text)) &&
    !(after && (after.text === 'year' || after.text === 'years'))
  )
    return undefined;
  if (digits.length === 0 || digits.length > 3) return undefined;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(digits);
}

const MEDS: ReadonlySet<string> = new Set(BACKSTOP_LISTS.meds);
/** A number of 20 or more written in digits (2 or 3 of them). */
const isCount = (text: string): boolean =>
  (text.length === 2 || text.length === 3) && /^[0-9]+$/.test(text) && Number(text) >= 20;

const isDigits = (text: string): boolean => /^[0-9]+$/.test(text);

interface Cue {
  kind: Kind;
  sentence: number;
  start: number;
  end: number;
  first?: number;
  last?: number;
}

const SELF_WEIGHTS: Readonly<Partial<Record<Kind, number>>> = {
  explicit: 2,
  farewell: 1,
  affairs: 1,
  giveaway: 1,
  note: 1,
  mhContext: 1,
  absence: 1,
  notice: 1,
  hopeless: 1,
  exhaustion: 1,
  resolve: 1,
  method: 1,
  contemplation: 1,
  attempt: 1,
  meds: 1,
  stockpile: 2,
  stopMeds: 1,
  edFast: 1,
  edPush: 1,
  edTag: 1,
  cleanCount: 1,
  slip: 1,
  calm: 1,
  unreachable: 1,
};
const SELF_CONTEXT: ReadonlySet<Kind> = new Set(['meds', 'mhContext', 'method', 'cleanCount']);
const OTHER_SIGNS: ReadonlySet<Kind> = new Set([
  'injury',
  'neglect',
  'unsupervised',
  'exploitation',
  'unexplainedGoods',
  'control',
  'unseen',
  'homeSigns',
  'strongSign',
]);
const THREAT_WEIGHTS: Readonly<Partial<Record<Kind, number>>> = {
  violence: 1,
  fire: 1,
  incite: 1,
  knowingTag: 1,
  intent: 1,
  fuel: 1,
  veiledStrong: 2,
  menace: 1,
  retribution: 1,
  watchKnow: 1,
  watchPlace: 1,
  watchTime: 1,
  gathering: 1,
  emphasis: 1,
  ultimatum: 1,
  weaponEmoji: 2,
  heatEmoji: 1,
  evilEmoji: 1,
};
/** Cue kinds that can carry a threat on their own strength (emphasis and ultimatum only add to them). */
const THREAT_CORE: ReadonlySet<Kind> = new Set([
  'violence',
  'fire',
  'fuel',
  'veiledStrong',
  'knowingTag',
  'menace',
  'retribution',
  'watchKnow',
  'watchPlace',
  'watchTime',
  'gathering',
  'weaponEmoji',
  'heatEmoji',
  'evilEmoji',
]);
/** Kinds without which no verdict is possible (a risk cue, a sign about someone, a core threat cue). */
const DECISIVE: ReadonlySet<Kind> = new Set<Kind>([
  ...(Object.keys(SELF_WEIGHTS) as Kind[]).filter((k) => !SELF_CONTEXT.has(k)),
  ...OTHER_SIGNS,
  'elderSign',
  ...THREAT_CORE,
]);
const WATCH: ReadonlySet<Kind> = new Set(['watchKnow', 'watchPlace', 'watchTime']);
const THRESHOLD = 2;
const WINDOW = 3;
const CONFIDENCE = 0.6;

function collectCues(input: RuleInput): Cue[] {
  const { doc } = input;
  const tokens = doc.tokens;
  const figurative = new Coverage(tokens.length, input.hitsOf(`${PREFIX}figurative`));
  const flags = new SentenceFlags(tokens);
  let about: boolean | undefined;
  const isAbout = (): boolean => {
    if (about === undefined) about = aboutPractice(input);
    return about;
  };
  const cues: Cue[] = [];
  const fromToken = (kind: Kind, t: Token): Cue => ({
    kind,
    sentence: t.sentence,
    start: t.start,
    end: t.end,
    first: t.index,
    last: t.index + 1,
  });
  for (const [kind, ruleId] of KIND_RULE_IDS) {
    for (const ph of input.hitsOf(ruleId)) {
      if (FIGURATIVE_VETOED.has(kind) && figurative.overlaps(ph)) continue;
      if (kind === 'explicit' && reportedQuestion(tokens, ph.first)) continue;
      if (
        THREAT_VETOED.has(kind) &&
        threatVetoed(
          input,
          {
            category: 'threat',
            ruleId: kind,
            start: 0,
            end: 0,
            confidence: 0,
            first: ph.first,
            last: ph.last,
          },
          flags,
          isAbout,
        )
      )
        continue;
      const sentence = (tokens[ph.first] as Token).sentence;
      cues.push({ kind, sentence, start: ph.start, end: ph.end, first: ph.first, last: ph.last });
    }
  }
  // People and the practice found by other parts of the pipeline are targets too.
  for (const mention of input.staff) {
    const t = tokens[mention.first];
    if (t) {
      cues.push({ ...fromToken('target', t), end: mention.end, last: mention.last });
      cues.push({ ...fromToken('person', t), end: mention.end, last: mention.last });
    }
  }
  // Age gaps: an adult's age in a sentence about a boyfriend, a man or lifts and messages, with a
  // child's age near it ("a 30 year old man … my 13 year old", "her boyfriend is 24, she's 14").
  const childAgeSentences: number[] = [];
  const adultAges: Token[] = [];
  const contactSentences = new Set<number>();
  for (const t of tokens) {
    if (input.practiceWords.has(t.text)) cues.push(fromToken('target', t));
    if (CONTACT.has(t.text)) contactSentences.add(t.sentence);
    if (doc.questions.has(t.sentence) && (t.index === 0 || tokens[t.index - 1]?.sentence !== t.sentence))
      cues.push(fromToken('question', t));
    // An adult's age beside a "boyfriend" or "man" (grooming shows as an age gap; the child's age is
    // the subject cue's business).
    // A child's or an old person's age ("only 9", "aged 88", "6yo") marks the subject as vulnerable.
    // Ages are written in digits ("is 90", "6yo", "(84)"): skip the look for any other token.
    const c0 = t.text.charCodeAt(0);
    const digit = c0 >= 48 && c0 <= 57;
    const bracketed =
      digit && t.start > 0 && doc.original[t.start - 1] === '(' && /^[0-9]{1,3}$/.test(t.text);
    const age = !digit
      ? undefined
      : bracketed
        ? Number(t.text)
        : ageOf(t, tokens[t.index - 1], tokens[t.index + 1]);
    if (age !== undefined && (age < 18 || age >= 70)) cues.push(fromToken('subject', t));
    if (age !== undefined && age >= 70) cues.push(fromToken('elderly', t));
    if (age !== undefined && age < 16) childAgeSentences.push(t.sentence);
    if (age !== undefined && age >= 18 && age < 70) adultAges.push(t);
    // A count of tablets beside a med name ("60 diazepam", "40 of the co-codamol") is a quantity put by.
    if (MEDS.has(t.text)) {
      for (let k = Math.max(0, t.index - 4); k < t.index; k++) {
        const n = tokens[k] as Token;
        const before = tokens[k - 1];
        const after = tokens[k + 1];
        const partOfNumber =
          (before !== undefined && isDigits(before.text)) || (after !== undefined && isDigits(after.text));
        if (n.sentence === t.sentence && isCount(n.text) && !partOfNumber)
          cues.push({ ...fromToken('stockpile', n), end: t.end, last: t.index + 1 });
      }
    }
    if (ADULT_ROLE.has(t.text)) {
      for (let k = t.index + 1; k <= t.index + 3 && k < tokens.length; k++) {
        const n = (tokens[k] as Token).text;
        if (n.length === 2 && n >= '18' && n <= '99' && (tokens[k] as Token).sentence === t.sentence)
          cues.push({ ...fromToken('exploitation', t), end: (tokens[k] as Token).end, last: k + 1 });
      }
    }
    if (ED_TAGS.has(t.text) && t.start > 0 && doc.original[t.start - 1] === '#')
      cues.push(fromToken('edTag', t));
  }
  for (const t of adultAges) {
    if (!contactSentences.has(t.sentence)) continue;
    if (childAgeSentences.some((c) => Math.abs(c - t.sentence) <= 1)) cues.push(fromToken('strongSign', t));
  }
  // Emoji: one pass over the text, each placed in the sentence of the token before it.
  const text = doc.original;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    if (code < 0x2000) continue;
    const kind: Kind | undefined = WEAPON_EMOJI.has(code)
      ? 'weaponEmoji'
      : HEAT_EMOJI.has(code)
        ? 'heatEmoji'
        : EVIL_EMOJI.has(code)
          ? 'evilEmoji'
          : undefined;
    if (kind !== undefined) {
      while (next < tokens.length && (tokens[next] as Token).start < i) next++;
      const anchor = tokens[next - 1] ?? tokens[next];
      const width = code > 0xffff ? 2 : 1;
      cues.push({ kind, sentence: anchor ? anchor.sentence : 0, start: i, end: i + width });
    }
    if (code > 0xffff) i++;
  }
  return cues;
}

/** Cues bucketed by sentence, so a window of sentences is a few array lookups. */
function bySentence(cues: readonly Cue[]): Map<number, Cue[]> {
  const map = new Map<number, Cue[]>();
  for (const cue of cues) {
    const list = map.get(cue.sentence);
    if (list) list.push(cue);
    else map.set(cue.sentence, [cue]);
  }
  return map;
}

interface Verdict {
  category: Category;
  kinds: ReadonlySet<Kind>;
}

function judge(given: ReadonlySet<Kind>, signCues: number): Verdict[] {
  const verdicts: Verdict[] = [];
  // A slip counts only after counted abstinence ("90 days clean … slipped"), not on the ice; being
  // unreachable only after a goodbye.
  const kinds = new Set(given);
  if (!kinds.has('cleanCount')) kinds.delete('slip');
  if (!kinds.has('farewell')) kinds.delete('unreachable');
  if (!kinds.has('affairs') && !kinds.has('giveaway') && !kinds.has('farewell') && !kinds.has('note'))
    kinds.delete('calm');
  let self = 0;
  for (const kind of kinds) self += SELF_WEIGHTS[kind] ?? 0;
  // meds + stockpile is one idea (counting out tablets): don't count the med name twice.
  if ((kinds.has('stockpile') || kinds.has('stopMeds')) && kinds.has('meds')) self -= 1;
  // Context alone (a med name, a bridge, mental-health words) is not a sign of risk: it needs a risk cue.
  let risk = false;
  for (const kind of kinds) if ((SELF_WEIGHTS[kind] ?? 0) > 0 && !SELF_CONTEXT.has(kind)) risk = true;
  if (!risk) self = 0;
  if (self >= THRESHOLD) verdicts.push({ category: 'harm_indication', kinds: keysOf(kinds, SELF_WEIGHTS) });

  if (kinds.has('subject')) {
    // Two different signs, or one strong one, beside a vulnerable subject.
    const strong = kinds.has('strongSign') || (kinds.has('elderSign') && kinds.has('elderly'));
    const signs = strong ? Math.max(2, signCues) : signCues;
    if (signs >= 2 || (signs === 1 && (kinds.has('fear') || kinds.has('askHelp') || kinds.has('distress')))) {
      const used = new Set<Kind>(['subject', 'fear', 'askHelp', 'distress', 'elderSign', ...OTHER_SIGNS]);
      verdicts.push({ category: 'harm_indication', kinds: new Set([...kinds].filter((k) => used.has(k))) });
    }
  }

  // A gathering "coming down" is aimed at the practice even when it is not named.
  if (
    kinds.has('target') ||
    kinds.has('weaponEmoji') ||
    kinds.has('gathering') ||
    kinds.has('veiledStrong')
  ) {
    let threat = 0;
    let core = false;
    for (const kind of kinds) {
      threat += THREAT_WEIGHTS[kind] ?? 0;
      if (THREAT_CORE.has(kind)) core = true;
    }
    // Knowing someone's car or hours is only menacing about a person, and not in a plain question
    // ("what time does the car park close?").
    let watchOnly = true;
    for (const kind of kinds) if (THREAT_CORE.has(kind) && !WATCH.has(kind)) watchOnly = false;
    if (watchOnly && (!kinds.has('person') || kinds.has('question') || kinds.has('kindness'))) core = false;
    if (core && threat >= THRESHOLD) {
      const used = keysOf(kinds, THREAT_WEIGHTS);
      verdicts.push({ category: 'threat', kinds: new Set([...used, 'target']) });
    }
  }
  return verdicts;
}

const keysOf = (kinds: ReadonlySet<Kind>, weights: Readonly<Partial<Record<Kind, number>>>): Set<Kind> =>
  new Set([...kinds].filter((k) => (weights[k] ?? 0) > 0));

/** Signs about someone else in a window: cues that do not overlap, at most two of a kind. */
function countSigns(window: readonly Cue[]): number {
  const signs = window.filter((c) => OTHER_SIGNS.has(c.kind)).sort((a, b) => a.start - b.start);
  const perKind = new Map<Kind, number>();
  let count = 0;
  let end = -1;
  for (const cue of signs) {
    if (cue.start < end) continue;
    const n = perKind.get(cue.kind) ?? 0;
    if (n >= 2) continue;
    perKind.set(cue.kind, n + 1);
    end = cue.end;
    count++;
  }
  return count;
}

function derive(input: RuleInput, direct: Hit[]): Hit[] {
  const needThreat = !(input.found.get('threat')?.length ?? 0);
  const needHarm = !(input.found.get('harm_indication')?.length ?? 0);
  if (!needThreat && !needHarm) return direct;
  const cues = collectCues(input);
  // Nothing but context (people, places, med names, questions): no window can reach a verdict.
  if (!cues.some((cue) => DECISIVE.has(cue.kind))) return direct;
  const buckets = bySentence(cues);
  const sentences = [...buckets.keys()].sort((a, b) => a - b);
  const out = [...direct];
  const done = new Set<Category>();
  if (!needThreat) done.add('threat');
  if (!needHarm) done.add('harm_indication');
  for (const s of sentences) {
    const window: Cue[] = [];
    for (let k = 0; k < WINDOW; k++) for (const cue of buckets.get(s + k) ?? []) window.push(cue);
    const kinds = new Set(window.map((c) => c.kind));
    for (const verdict of judge(kinds, countSigns(window))) {
      if (done.has(verdict.category)) continue;
      done.add(verdict.category);
      for (const cue of window) {
        if (!verdict.kinds.has(cue.kind)) continue;
        out.push({
          category: verdict.category,
          ruleId: `${verdict.category}.backstop_${cue.kind}`,
          start: cue.start,
          end: cue.end,
          confidence: CONFIDENCE,
          ...(cue.first !== undefined && cue.last !== undefined ? { first: cue.first, last: cue.last } : {}),
        });
      }
    }
    if (done.size === 2) break;
  }
  return out;
}

export const criticalBackstop: RuleFamily = {
  name: 'critical-backstop',
  lists: BACKSTOP_LISTS,
  rules: BACKSTOP_RULES,
  derive,
};

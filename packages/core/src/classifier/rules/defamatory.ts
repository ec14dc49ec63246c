// defamatory: a false factual allegation of wrongdoing — fraud, theft, bribery, falsifying records,
// being drunk on duty, a cover-up, negligence that killed someone — against the practice or a person.
//
// The classifier cannot know what is false; it flags allegations stated as fact. An allegation
// hedged as opinion ("I think", "probably", "seems") is an opinion, and "they don't care about
// patients, it's all about money" is a complaint: `defamatory.hedged` suppresses (see classify.ts).

import { WORD_LISTS } from '../lexicon.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import type { RuleFamily } from './types.js';

const PRACTICE_WORDS: ReadonlySet<string> = new Set([
  ...WORD_LISTS.practice,
  ...WORD_LISTS.role,
  'practice',
  'surgery',
  'dr',
]);

export const DEFAMATORY_RULES: PhraseRule[] = [
  {
    id: 'defamatory.fraud',
    category: 'defamatory',
    confidence: 0.85,
    patterns: [
      'fraud|fraudulent|fraudster|fraudsters',
      'scam $',
      'fiddling|fiddled|fiddle|fiddles _1 the|their|his|her? _2 figures|books|numbers|records|results|data|qof|targets|rota|hours|timesheets|expenses|overtime|accounts',
      'falsif*',
      'backhander|backhanders|kickback|kickbacks|bribe|bribes|bribed|bribery',
      'pocketing|pocketed|pockets|pocket _2 money|cash|funds|difference|change|profits|proceeds|fees|donations',
      'embezzl*',
      'fake|bogus|ghost appointments|records|claims|patients|appointment',
      'claiming|claims|claimed|charging|charged|charge|charges|bill|bills|billing|billed _6 never happened|did|done|took|existed|gave|given|carried|saw|seen|visited|performed|had',
      // Gaming targets and registers: "to hit targets", "padding the list with dead people".
      'to hit|meet|reach|fiddle|massage _1 their|the? targets|target|quotas|quota',
      'logged|marked|recorded|coded|listed|put _1 down? as _5 when|while|whilst|though _4 sat|there|waiting|present|attended',
      'padding|padded|pads|inflating|inflated|inflates _3 list|lists|register|registers|numbers|figures|books',
      'still claims|claiming|paid|bills|billing|billed|charges|charging|charged|draws|drawing|gets|getting _3 for a? full week|time|day|salary',
      // Public money drawn while working elsewhere: "drawing a full salary off the NHS".
      'drawing|draws|drew|pocketing|pockets|pocketed|collecting|collects _3 salary|salaries|wage|wages|paycheck|paycheque',
      'private clinic|clinics|practice|work|patients _5 on nhs|practice|surgery time|money',
      'because|cos|coz _2 partners|partner|doctors|gp|gps|manager _1 own|owns|owned _1 a? shares|stake|it|the|that',
      'not|isnt|wasnt|never|aint _1 even? registered|licensed|qualified _3 practising|practicing|working|illegally',
      'practising|practicing|working illegally',
      'destroyed|destroying|destroys|shredded|deleted|wiped _3 records|notes|files|evidence|emails',
      'racist|sexist|homophobic|disgusting comments|remarks|jokes _2 about _2 patients|staff|people',
      'throw|throws|threw|bin|bins|binned|chuck|chucks _3 post|letters|mail _2 away|out? _2 without|unopened|unread',
      'prescriptions|scripts|notes|sicknotes|referrals _5 never|not _1 met|seen|examined|spoken',
      'takes|taking|took|accepts|accepting|accepted _1 cash|money|bribes|payments _2 for _2 notes|note|sicknotes|scripts|prescriptions|referrals|appointments|jabs|letters',
      'falsely|fraudulently|dishonestly _1 recorded|recording|claimed|claiming|stated|wrote|written|reported|coded|logged',
      'gave|give|gives|giving|passed|passes|leaked|leaks|leaking|shared|shares|sharing _2 my|her|his|our|patients|peoples|their? address|addresses|details|records|number|information|results _3 to my|her|his|their? ex|abuser|press|mates|friends|employer|neighbours',
      'leaked|leaks|leaking _2 details|records|information|results|notes',
      'giving|gives|gave|using|uses|used|injecting|injected|handing|handed|dispensing|dispensed _2 out? _2 jabs|jab|vaccines|vaccine|medicines|medicine|drugs|needles|insulin|stock _4 out of date',
      'employs|employing|employed|hires|hiring|hired _2 unqualified|untrained|fake|bogus _1 staff|nurses|doctors|people|locums|gps',
      'overcharging|overcharged|overcharges|overcharge|fleecing|fleeced|fleece _2 patients|for|us|people|everyone',
      'claiming|claims|claimed|charging|charges|bill|bills|billing|billed _6 dont|doesnt|didnt exist',
      'skimming|skims|skimmed|siphoning|siphons|siphoned|creaming _2 @divertable|money|cash|funds|pills|off',
      'refuse|refuses|refused|refusing to see|treat|register _3 @protectedGroup|@peopleGroup',
      // Bribes to jump the queue; notes sold; the dead kept on the books.
      'money|cash|payment|payments|bribe|bribes|backhander|backhanders _4 to jump|skip|bump _3 queue|list|waiting|line',
      'note|notes|sicknotes|scripts|prescriptions|diazepam|valium|pills|letters _2 for cash|money|quid|a fee|tenner|twenty|fifty|bung|backhanders|favours',
      'keep|keeps|kept|keeping|leave|leaves|left _1 dead|people|patients|them|names _3 on the? list|register|books _3 after|when|though _2 die|died|dead|moved|left',
      // Kickbacks from drug firms: "prescribes whatever the reps tell her", "holidays paid for by them".
      'holiday|holidays|trip|trips|freebies|gifts|perks|jollies|dinners|cruise|cruises _3 paid|funded|bought|sponsored _2 by|for _2 drug|pharma|reps|rep|them',
      'prescribes|prescribing|prescribe|prescribed _3 whatever|what _3 drug|pharma|reps|rep|companies _2 tell|tells|told|pay|pays|want|wants',
      'in the pocket|pockets of',
      'in bed with _2 drug|pharma|reps|companies|company|firms',
      'commission|kickback|cut|bonus _4 every|each|per _2 prescription|referral|script|jab|vaccine|patient',
      'paid|money _3 per|every|each _1 script|prescription|scripts|prescriptions|pill|pills|referral',
      'prescribes|prescribing|prescribed|hands|handing|gives|giving|dishes|dishing _2 out? _1 @divertable _2 to anyone|anybody|everyone|whoever',
    ],
  },
  {
    id: 'defamatory.theft',
    category: 'defamatory',
    confidence: 0.85,
    patterns: [
      'nicking|stealing|steals|stole|nicked|pinching _1 the|our|patients|patient? _2 @divertable|painkillers|tablets|medication|morphine|opioids|money|details|data|records|controlled|cash',
      'sells|selling|sold|flogging _1 patient|patients|our? details|data|records|information|prescriptions|drugs|them',
      'sell|flog _1 our|your|patient|patients|my|the|peoples? details|data|records|information',
      'throw|throws|throwing|threw|chuck|chucks|chucking|bin|bins|binning|shred|shreds|shredding|shredded|destroy|destroys|destroying|destroyed _1 away? _3 prescription|prescriptions|requests|referrals|letters',
      'thieves|thief|theft',
      'takes|taking|took|takin _2 money|cash _3 from|out',
      'stealing|steals|stole|nicking|nicks|nicked|pinching|pinched|robbing|robbed from _1 the|our|patients|a|their? tin|till|charity|fund|funds|collection|patients|elderly|residents|purses|handbags|lockers|practice|surgery|nhs',
      // Medicines sold on: "selling ozempic out the back door", "flogging diazepam to his mates".
      'selling|sells|sold|flogging|flogs|flogged|dealing|deals|giving|gives _4 out|off the? back door|doors',
      'selling|sells|flogging|flogs|dealing|deals _2 @divertable _4 mates|friends|cash|quid|tenner|twenty|fifty|score',
    ],
  },
  {
    id: 'defamatory.misconduct',
    category: 'defamatory',
    confidence: 0.8,
    patterns: [
      'drunk|pissed|hungover|high at|on work|duty',
      'comes|came|turns|turned|rolls|rolled in|up _1 hungover|drunk|pissed|high|stoned|wasted',
      'stinking|stank|stinks|smelling|smelled|smelt|smells|reeking|reeked|reeks of _1 booze|alcohol|drink|whisky|vodka|beer|wine|weed',
      'covered|cover|covering it|this|that? up',
      'cover up|coverup',
      'killed my|his|her|their mum|dad|father|mother|husband|wife|son|daughter|nan|grandad|brother|sister|baby|patient|friend',
      'negligent|negligence|malpractice',
      'investigated|suspended _3 gmc|nmc|police|cqc',
      'under investigation',
      'looks|looking|looked|look up _3 records|notes|details|files',
      'for gossip',
      'prescribing|prescribes|prescribed himself|herself|themselves|his|her',
      'forged|forging|forges _2 signatures|prescriptions|notes|records',
      'lied|lies|lying _2 on|in|about _1 records|notes|report|forms|the|my',
      'affair|affairs|sleeping with _3 patient|patients|@role|@rolePlural|partners|boss|colleague|colleagues',
      'touched|touching|groped|groping _2 patients|women|girls|me',
      'hushed|hushing|hush _1 it|this|that|everything? up',
      'swept|sweeping|sweep _1 it|this|that|everything under the carpet|rug',
      'deals|dealing|dealt drugs|coke|weed|cocaine|gear|pills|smack|crack',
      'drug dealer',
      // Patients singled out: "delete emails from patients they don't like".
      'paid off',
      'note|notes|sicknotes|scripts|prescriptions|diazepam|valium|pills _3 for|to his|her|their _1 mates|friends|pals|cronies|family',
      'affair|affairs|relationship with _3 patient|patients|nurse|nurses|receptionist|staff|colleague|colleagues',
      'misdiagnosed|misdiagnosing|misdiagnose|refused|refusing|delayed|delaying|withheld|withholding|denied|denying|cancelled|cancelling _4 deliberately|intentionally',
      'misdiagnosed|misdiagnosing|misdiagnose|refused|refusing|delayed|delaying|withheld|withholding|denied|denying|cancelled|cancelling _4 on purpose',
      'hiding|hid|hides|hide|concealing|concealed|conceals|covering _2 complaints|deaths|errors|mistakes|incidents|records|data _3 from _1 the? cqc|inspectors|regulator|regulators|patients|families|coroner|icb',
      'reading|reads|read _3 records|notes|files',
      'lied|lying|lies _1 about it|this|that|everything',
      'cover|covering|covered|covers for him|her|them',
      // Allegations of wrongdoing without a fraud word.
      'slip|slips|slipped|bung|bungs|bunged _2 a|her|him|them _1 twenty|tenner|fifty|fiver|score|bung|quid',
      'altering|altered|alters|alter|doctoring|doctored|editing|edited|rewriting|rewrote|changing _3 records|notes|files|entries',
      'thats|its assault|manslaughter|criminal|illegal|abuse',
      'that|it is assault|manslaughter|criminal|illegal',
      'shoved|pushed|slapped|punched|assaulted|grabbed _2 an|a|the|that? old|elderly|patient|man|woman|lady|boy|girl|child',
      'lied|lies|lying _2 on|in|about _1 her|his|their cv|qualifications|application|references|degree|training',
      'got|was|been|being suspended|struck|sacked _2 for|off',
      'should be|belongs|belong in|behind prison|jail|bars|court',
      'on the payroll|take of|from',
      'paid|funded|sponsored by _3 company|companies|pharma|supplement|supplements|drug',
      // Unsafe practice: "reuses needles", "shares syringes between patients".
      'reuses|reusing|reused|reuse|sharing|shares|shared _2 needles|needle|syringes|syringe|lancets|gloves|speculums|instruments',
      // Fake qualifications: "bought his certificates", "never actually qualified", "not a real doctor".
      'bought|buys|buying|faked|fakes|faking|forged|fake|bogus|fraudulent|dodgy _1 his|her|their|a|the? certificates|certificate|degree|degrees|qualifications|qualification|diploma|diplomas|licence|license',
      'not|isnt|aint|wasnt|never a real|proper|qualified _1 doctor|gp|nurse|pharmacist',
      'fake|bogus doctor|doctors|gp|nurse|nurses|pharmacist',
      // Confidential records used for sport: "reads out results for a laugh", "laughing about patients".
      'results|records|notes|details|conditions|diagnosis|diagnoses _6 for a|the? laugh|laughs|giggle|giggles|joke|fun|sport|entertainment',
      // Lying to the authorities; neglect and abuse as fact.
      'lied|lies|lying _1 to|at|in|under _2 cqc|inspectors|inspector|coroner|inquest|police|ombudsman|gmc|investigators|court|icb|families|tribunal|hearing|investigation|oath',
      'let|letting _1 her|him|them|my|our _2 die|died',
      'let|letting _3 patient|man|woman|lady|baby|child|pensioner|gentleman|patients _3 die|died|dying',
      'doctor|gp|nurse|locum|@role was|is|were|been drunk|pissed|hungover|stoned|high|smashed|wasted when|while|whilst|during',
      'threatens|threatened|threatening|intimidates|intimidating|intimidated|bullies|bullied|bullying _2 staff|nurses|receptionists|juniors|junior|whistleblowers|colleagues',
      'alcoholic|alcoholics|drunk|addict|junkie _4 still _2 sees|seeing|treats|treating|works|working|practising|prescribing',
      'known|raging|functioning alcoholic|drunk|addict|junkie|alkie',
      'faked|fakes|faking|forged|forges|forging|copied _2 my|his|her|their|a|patients? signature|signatures|consent',
      'abusing|abuses|abused|mistreating|mistreats|mistreated|neglecting|neglects|neglected _2 patients|residents|elderly|vulnerable|children|kids|pensioners',
      'on the take',
      'corrupt|crooked|crooks|criminals|gangsters|frauds $',
      '@practice|@rolePlural|@role|surgery|practice|they|he|she|theyre|hes|shes|management|partners _2 is|are|was|were|totally|completely|utterly|so _1 corrupt|crooked|bent|crooks',
      'bunch|pack|gang|den of crooks|criminals|liars|thieves|frauds|fraudsters|con',
    ],
  },
  {
    // Signal: the allegation is hedged as opinion.
    id: 'defamatory.hedged',
    confidence: 0.8,
    patterns: [
      'i think',
      'i reckon',
      'probably',
      'maybe',
      'seems',
      'in my opinion',
      'feels like',
      'i bet',
      // Not deliberate: "marked as a DNA by mistake".
      'by mistake|accident|error',
    ],
  },
  {
    // Signal: the sentence reports news, a film or a story, not the author's allegation.
    id: 'defamatory.reported',
    confidence: 0.8,
    patterns: [
      'news|newspaper|newspapers|paper|papers|article|articles|headline|headlines|bbc|itv|telly|tv|documentary|film|movie|programme|podcast|netflix|drama|series|novel',
      'according to',
      'reported|reports|reporting that',
      'it was|has|is being? reported',
    ],
  },
  {
    // Signal: the post repeats an allegation to refute it ("Someone said she's a fraud. Not true").
    id: 'defamatory.refuted',
    confidence: 0.85,
    patterns: [
      'not|isnt|aint true',
      'is|its|thats|that|rumour|rumours|claim|claims _1 nonsense|rubbish|untrue|false|ridiculous|bollocks|lies|garbage',
      'stop spreading|sharing|saying|posting',
      'spreading lies|rumours',
      'how dare _3 claim|claims|say|says|said|accuse|suggest',
      'people|someone|somebody _3 saying|claiming|posting|accusing',
    ],
  },
  {
    // Signal: a warning about someone impersonating the practice ("a phishing text … it's a scam").
    id: 'defamatory.impersonation',
    confidence: 0.85,
    patterns: [
      'phishing|scammers|scammer|spam|impersonating|impersonate',
      'pretending|claiming|pretends to be _1 from',
    ],
  },
  {
    // Signal: another business or body is the subject ("the vets were bribed", "the council is corrupt").
    id: 'defamatory.elsewhere',
    confidence: 0.8,
    patterns: [
      'vet|vets|council|councils|government|ministers|minister|mps|politicians|bank|banks|garage|garages|mechanic|mechanics|landlord|landlords|builders|builder|plumber|insurers|tories',
    ],
  },
];

/** Medicines people divert for money. */
const DIVERTABLE = [
  'ozempic',
  'wegovy',
  'mounjaro',
  'diazepam',
  'valium',
  'codeine',
  'cocodamol',
  'tramadol',
  'oxycodone',
  'oxy',
  'morphine',
  'pregabalin',
  'gabapentin',
  'xanax',
  'zopiclone',
  'methadone',
  'viagra',
  'steroids',
  'scripts',
  'prescriptions',
  'pills',
  'jabs',
  'drugs',
  'meds',
];

export const defamatory: RuleFamily = {
  name: 'defamatory',
  lists: { divertable: DIVERTABLE },
  rules: DEFAMATORY_RULES,
  derive: (input, direct) => {
    if (direct.length === 0) return direct;
    // An allegation in a sentence hedged as opinion is an opinion; one in a sentence reporting the
    // news or a film is a report; one about another business (with no practice word or member of
    // staff in the sentence) is not about the practice.
    const { tokens } = input.doc;
    const sentenceOf = (h: { first: number }) => (tokens[h.first] as Token).sentence;
    // An allegation repeated to refute it is not made.
    if (input.hitsOf('defamatory.refuted').length > 0) return [];
    if (input.hitsOf('defamatory.impersonation').length > 0) return [];
    const dropped = new Set(input.hitsOf('defamatory.hedged').map(sentenceOf));
    for (const h of input.hitsOf('defamatory.reported')) dropped.add(sentenceOf(h));
    const elsewhere = input.hitsOf('defamatory.elsewhere');
    if (elsewhere.length > 0) {
      const practice = new Set<number>(input.staff.map(sentenceOf));
      for (const t of tokens)
        if (PRACTICE_WORDS.has(t.text) || input.practiceWords.has(t.text)) practice.add(t.sentence);
      for (const h of elsewhere) if (!practice.has(sentenceOf(h))) dropped.add(sentenceOf(h));
    }
    if (dropped.size === 0) return direct;
    return direct.filter((hit) => !dropped.has(tokens[hit.first ?? -1]?.sentence ?? -1));
  },
};

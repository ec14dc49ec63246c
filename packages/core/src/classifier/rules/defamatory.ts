// defamatory: a false factual allegation of wrongdoing — fraud, theft, bribery, falsifying records,
// being drunk on duty, a cover-up, negligence that killed someone — against the practice or a person.
//
// The classifier cannot know what is false; it flags allegations stated as fact. An allegation
// hedged as opinion ("I think", "probably", "seems") is an opinion, and "they don't care about
// patients, it's all about money" is a complaint: `defamatory.hedged` suppresses (see classify.ts).

import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import type { RuleFamily } from './types.js';

export const DEFAMATORY_RULES: PhraseRule[] = [
  {
    id: 'defamatory.fraud',
    category: 'defamatory',
    confidence: 0.85,
    patterns: [
      'fraud|fraudulent|fraudster|fraudsters',
      'scam $',
      'note|notes|prescription|appointment|money|cash scam|racket',
      'running|run|runs a _2 scam|racket',
      'fiddling|fiddled|fiddle|fiddles _1 the|their|his|her? _2 figures|books|numbers|records|results|data|qof|targets|rota|hours|timesheets|expenses|overtime|accounts',
      'pays|paying|paid himself|herself|themselves',
      'overtime _2 never',
      'falsif*',
      'backhander|backhanders|kickback|kickbacks|bribe|bribes|bribed|bribery',
      'pocketing|pocketed|pockets _2 money|cash|funds',
      'embezzl*',
      'fake|bogus|ghost appointments|records|claims|patients|appointment',
      'claiming|claims|claimed|charging|charged|charge|charges|bill|billing|billed _6 never happened|did|done|took|existed|gave|given|carried|saw|seen|visited|performed|had',
      'still claims|claiming|paid _2 for a? full week|time|day',
      'while|whilst _2 getting|being paid',
      'backdate|backdates|backdated|backdating',
      'under the table',
      'taking|takes|took|getting|gets|got _1 a cut|kickback|backhander from|of',
      'signing|signs|signed|sign _3 off _3 cash|money|fee|tenner|payment',
      'cooking the books',
      'logged|marked|recorded|coded as _4 when _4 actually',
      'to make the|their figures|numbers|stats look better|good',
    ],
  },
  {
    id: 'defamatory.theft',
    category: 'defamatory',
    confidence: 0.85,
    patterns: [
      'nicking|stealing|steals|stole|nicked|pinching _1 the|our|patients|patient? _2 drugs|prescriptions|money|meds|details|data|records|controlled',
      'sells|selling|sold|flogging _1 patient|patients|our? details|data|records|information|prescriptions|drugs|them',
      'throw|throws|throwing|threw|chuck|chucks|chucking|bin|bins|binning _1 away? _3 prescription|prescriptions|requests|referrals|letters',
      'thieves|thief|theft',
      'takes|taking|took|takin _2 money|cash _3 from|out',
    ],
  },
  {
    id: 'defamatory.misconduct',
    category: 'defamatory',
    confidence: 0.8,
    patterns: [
      'drunk|pissed|hungover|high at|on work|duty',
      'drunk|pissed|hungover|high on the job',
      'comes|came|turns|turned|rolls|rolled in|up _1 hungover|drunk|pissed|high|stoned|wasted',
      'smell|smelt|smelled it on him|her|them|his|her',
      'giving|gives|gave|handing|hands|handed out _3 addresses|details|records|information|numbers',
      'stinking|stank|stinks|smelling|smelled|smelt|smells|reeking|reeked|reeks of _1 booze|alcohol|drink|whisky|vodka|beer|wine|weed',
      'smell _2 whisky|alcohol|booze|drink|vodka|wine|beer _2 on him|her|them|his|her? breath?',
      'covered|cover|covering it|this|that? up',
      'cover up|coverup',
      'been|were|got fined',
      'fined twice|for',
      'killed my|his|her|their mum|dad|father|mother|husband|wife|son|daughter|nan|grandad|brother|sister|baby|patient|friend',
      'negligent|negligence|malpractice',
      'investigated|suspended _3 gmc|nmc|police|cqc',
      'under investigation',
      'looks|looking|looked|look up _3 records|notes|details|files',
      'snooping|snoops|snooped|nosing _3 records|notes|files|details',
      'for gossip',
      'prescribing|prescribes|prescribed himself|herself|themselves|his|her',
      'on drugs',
      'addicted to|drug addict',
      'dealing drugs',
      'forged|forging|forges _2 signatures|prescriptions|notes|records',
      'lied|lies|lying _2 on|in|about _1 records|notes|report|forms|the|my',
      'affair|affairs|sleeping with _2 patient|patients',
      'touched|touching|groped|groping _2 patients|women|girls|me',
      'harassing|harasses|harassed _2 patients|staff|women',
      'paid off',
      'signs|signing|signed|sign _2 off _4 without seeing|examining|checking|meeting',
      'claims|claim|claiming|claimed _5 moved away',
      'claims|claim|claiming|claimed _5 died|dead',
      'affair|affairs|relationship with _3 patient|patients|nurse|nurses|receptionist|staff|colleague|colleagues',
      'deliberately|purposely|purposefully _3 lose|loses|losing|bin|bins|ignore|ignores|delete|deletes|destroy|destroys|hide|hides',
      'on purpose _3 lose|loses|losing|bin|bins|ignore|ignores|delete|deletes',
      'reading|reads|read _3 records|notes|files',
      'lied|lying|lies _1 about it|this|that|everything',
      'liars $',
      'pretended|pretending|pretend _4 never',
      'bumping|kicking|throwing|taking _3 off the list|register',
      'cover|covering|covered|covers for him|her|them',
      'in it for the money',
      // Allegations of wrongdoing without a fraud word.
      'slip|slips|slipped|bung|bungs|bunged _2 a|her|him|them _1 twenty|tenner|fifty|fiver|score|bung|quid',
      'for money|cash|backhanders|favours _3 prescriptions|scripts|pills|drugs|diazepam|valium|sick',
      'altering|altered|alters|alter|doctoring|doctored|editing|edited|rewriting|rewrote|changing _3 records|notes|files|entries',
      'thats|its assault|manslaughter|criminal|illegal|abuse',
      'was assault|manslaughter',
      'that|it is assault|manslaughter|criminal|illegal',
      'shoved|pushed|slapped|punched|assaulted|grabbed _2 an|a|the|that? old|elderly|patient|man|woman|lady|boy|girl|child',
      'lied|lies|lying _2 on|in|about _1 her|his|their cv|qualifications|application|references|degree|training',
      'got|was|been|being suspended|struck|sacked _2 for|off',
      'should be|belongs|belong in|behind prison|jail|bars|court',
      'should be locked up',
      'on the payroll|take of|from',
      'paid|funded|sponsored by _3 company|companies|pharma|supplement|supplements|drug',
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
      'seem to',
      'i suspect',
      'in my opinion',
      'imo',
      'feels like',
      'wouldnt be surprised',
      'i bet',
    ],
  },
];

export const defamatory: RuleFamily = {
  name: 'defamatory',
  rules: DEFAMATORY_RULES,
  derive: (input, direct) => {
    // An allegation in a sentence hedged as opinion is an opinion.
    const { tokens } = input.doc;
    const hedged = new Set(input.hitsOf('defamatory.hedged').map((h) => (tokens[h.first] as Token).sentence));
    if (hedged.size === 0) return direct;
    return direct.filter((hit) => !hedged.has(tokens[hit.first ?? -1]?.sentence ?? -1));
  },
};

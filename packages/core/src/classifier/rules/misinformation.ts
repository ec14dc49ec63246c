// misinformation: false health information. Recognised by the shape of the claim, not a list of
// posts: a vaccine said to cause harm or contain a device; a remedy said to cure a disease;
// antibiotics said to clear a virus; a condition or treatment called a myth or a scam; the
// conspiracy register ("big pharma", "they don't want you to know"); advice to stop medicines.
//
// Rebuttals are not misinformation: a post that says a claim is debunked, or that antibiotics
// *don't* work on colds, is suppressed by `misinformation.rebuttal` (see classify.ts).

import type { PhraseRule } from '../phrases.js';
import { hitFrom, type RuleFamily } from './types.js';

export const MISINFORMATION_LISTS = {
  harmClaimVerb: [
    'cause',
    'causes',
    'caused',
    'causing',
    'gives',
    'give',
    'gave',
    'makes',
    'make',
    'made',
    'linked',
    'link',
    'links',
  ],
  harmClaimResult: [
    'heart',
    'attacks',
    'clots',
    'myocarditis',
    'strokes',
    'miscarriages',
    'miscarriage',
    'autism',
    'autistic',
    'infertile',
    'infertility',
    'sterile',
    'sterilise',
    'cancer',
    'chips',
    'chip',
    'microchip',
    'microchips',
    'nano',
    'magnetic',
    'magnets',
    'dna',
    'turbo',
    'shedding',
    'sids',
    'deaths',
    'paralysis',
    'flu',
    'covid',
  ],
  cureVerb: [
    'cure',
    'cures',
    'cured',
    'curing',
    'reverse',
    'reverses',
    'reversed',
    'heal',
    'heals',
    'healed',
    'kills',
    'kill',
    'killed',
    'clears',
    'clear',
    'cleared',
    'fixes',
    'fix',
    'fixed',
    'treats',
    'beat',
    'beats',
  ],
  antibiotic: ['antibiotics', 'antibiotic', 'amoxicillin', 'penicillin', 'abs'],
  viral: ['cold', 'colds', 'flu', 'virus', 'viruses', 'viral', 'chickenpox', 'covid', 'measles', 'sore'],
  mythSubject: [
    'cholesterol',
    'covid',
    'cancer',
    'depression',
    'adhd',
    'autism',
    'vaccines',
    'vaccine',
    'pandemic',
    'virus',
    'germ',
    'hiv',
    'aids',
    'insulin',
    'chemo',
    'statins',
  ],
};

export const MISINFORMATION_RULES: PhraseRule[] = [
  {
    id: 'misinformation.vaccine_harm',
    category: 'misinformation',
    confidence: 0.85,
    patterns: [
      '@vaccine _4 @harmClaimVerb _3 @harmClaimResult',
      '@vaccine _3 has|have|contain|contains|contained|with|of _2 chips|chip|microchip|microchips|nano|trackers|tracker|poison|toxins|mercury|graphene|aborted|formaldehyde|aluminium|metals',
      'weakens|weaken|destroys|destroy|ruins|ruin|damages|damage _2 immune system|immunity',
      'natural immunity _3 better|only|best',
      'dont bother with|taking antibiotics|vaccines|vaccine|jab|jabs|meds|medication|chemo|insulin',
      'doctors|gps|pharma hate _1 this|it|him|her',
      'changes|change|alter|alters your? dna',
      'vaccine|vaccines|jab|jabs _2 shedding',
      'nano chips|chip|chips|particles',
      'live virus they put',
      'vaccineinjury|vaccineinjured|vaccinedamage|novax|antivax|plandemic|scamdemic',
      '5g mast|masts|towers _3 covid|virus|jab|link|chips',
    ],
  },
  {
    id: 'misinformation.cure_claim',
    category: 'misinformation',
    confidence: 0.8,
    patterns: [
      'proven to cure|cures|heal|reverse',
      '@remedy _4 @cureVerb it|them _3 hours|days|overnight|week',
      'cure|cures|cured|curing _1 cancer|diabetes|autism|asthma|arthritis|dementia|covid _2 naturally|with|using',
      'literally|actually|naturally|completely|totally|which|that @cureVerb _3 @disease',
      '@remedy _6 @cureVerb _3 @disease|cancer|diabetes|virus|cold',
      '@cureVerb _2 her|his|my|their|your? _1 cancer|diabetes|autism _2 with @remedy',
      'kills|kill|killing the virus|viruses|germs',
      'draws|draw|pulls|pull it out',
      'no need for the|a|your gp|doctor|doctors|meds|medication|tablets|pills|statins|insulin|inhalers',
      'chemo would have killed',
      'let them poison you',
    ],
  },
  {
    id: 'misinformation.antibiotics_for_viruses',
    category: 'misinformation',
    confidence: 0.8,
    patterns: [
      '@antibiotic _6 clear|clears|cure|cures|kill|kills|fix|fixes|sort|get _2 @viral',
      'they|antibiotics clear|cure|kill viruses|virus|colds',
      'they|antibiotics clear|cure|kill a cold',
      'clear|clears|cure|cures viruses|virus _2 up? much? quicker|faster',
    ],
  },
  {
    id: 'misinformation.myth_claim',
    category: 'misinformation',
    confidence: 0.8,
    patterns: [
      '@mythSubject is|are|was a myth|scam|hoax|lie',
      'made up by|for _1 drug|pharma|pharmaceutical companies',
      'causes more cancer than',
      'sunscreen|fluoride|masks|microwaves _3 causes|cause _1 cancer|autism|damage',
      'calcif* _2 pineal',
      'pineal gland',
      'cant|cannot get|fall pregnant _4 breastfeeding|period|periods',
      'cant|cannot get|fall pregnant _4 first time',
      'stop|stopping|stopped taking the|your tablets|meds|medication|statins|insulin|pills',
    ],
  },
  {
    id: 'misinformation.conspiracy_register',
    category: 'misinformation',
    confidence: 0.7,
    patterns: [
      'big pharma',
      'biggest|greatest _1 con|scam|lie|hoax|fraud',
      'rot|rots|rotting|destroy|destroys|fry|fries _1 your|the muscles|brain|liver|kidneys|gut|immune',
      'are|is just|only placebos|placebo|sugar',
      'fiddled|faked|rigged|fixed the|their trials|data|studies|research',
      'kills|causes|harms|hurts more _2 than _2 cancer|covid|flu|disease|it|does',
      'natural treatments|remedies|cures|alternatives instead',
      'full of toxins|poison|poisons|chemicals|mercury|metals',
      'measles|mumps|chickenpox|covid|flu|polio|whooping is|are|was _1 harmless|nothing|natural',
      '@vaccine _4 is|are|whats _2 dangerous|deadly|toxic|poison|unsafe|killing',
      '@vaccine _2 contains|contain|gives|give|gave|causes|cause _2 flu|virus|covid|disease|illness|shingles|measles|mumps|polio|chickenpox|whooping|autism',
      'mammograms|mammogram|xrays|xray|screening|smears|scans|ct _3 cause|causes|give|gives _2 cancer',
      'why you get|got ill|sick|flu _1 after',
      'burn|run|sweat it out',
      'last longer',
      'cured|reversed|beat|beaten _4 diabetes|cancer|arthritis|asthma|depression|autism|adhd _3 with|by|using|through',
      'want|keep you|us|people on _1 pills|meds|drugs|tablets|medication',
      'fluoride|chemtrails|wifi|5g|masks|vaccines|vaccine _4 making|makes|poisoning|poisons|sterilising _1 everyone|people|us|you|kids',
      'they|government|nhs|doctors|pharma|gps _3 hiding|covering it|this|up',
      'they|government|nhs|doctors|pharma|gps _3 hiding the truth',
      'wont|doesnt|dont admit it',
      'dont need _1 statins|insulin|meds|medication|vaccines|vaccine|antibiotics|chemo|inhalers|tablets|@medicine',
      'do not need _1 statins|insulin|meds|medication|vaccines|vaccine|antibiotics|chemo|inhalers|tablets',
      'reverse|reverses itself',
      'seed oils',
      'brainwashed',
      'dont|doesnt want you to know',
      'wont tell you because|why|the|this',
      'wake up sheeple|people|everyone',
      'do your own? research',
      'sheeple',
    ],
  },
  {
    // Signals for a claim spread over sentences: antibiotics, a virus, and "clears it up".
    id: 'misinformation.antibiotic_mention',
    confidence: 0.7,
    patterns: ['@antibiotic'],
  },
  {
    id: 'misinformation.viral_mention',
    confidence: 0.7,
    patterns: ['cold|colds|flu|virus|viruses|viral|chickenpox|covid|measles|norovirus|bug'],
  },
  {
    id: 'misinformation.clears_claim',
    confidence: 0.7,
    patterns: [
      'clear|clears|cure|cures|fix|fixes|kill|kills|shift|shifts _2 it|them|up|faster|quicker',
      'get rid of it',
    ],
  },
  {
    // Signal: the post rebuts or corrects a claim.
    id: 'misinformation.rebuttal',
    confidence: 0.9,
    patterns: [
      'debunked',
      'debunk',
      'stop sharing|spreading',
      'not true',
      'isnt true',
      'fake news',
      'misinformation',
      'disinformation',
      'dont|doesnt|wont work for|on _2 @viral',
      'do not work for|on _2 @viral',
      'dont|doesnt|wont cure',
      'no evidence',
    ],
  },
];

export const misinformation: RuleFamily = {
  name: 'misinformation',
  lists: MISINFORMATION_LISTS,
  rules: MISINFORMATION_RULES,
  // A post that rebuts a claim repeats it; it does not spread it.
  derive: (input, direct) => {
    if (input.hitsOf('misinformation.rebuttal').length > 0) return [];
    const spread =
      input.hitsOf('misinformation.antibiotic_mention').length > 0 &&
      input.hitsOf('misinformation.viral_mention').length > 0
        ? input
            .hitsOf('misinformation.clears_claim')
            .map((h) => hitFrom(h, 'misinformation', 'misinformation.antibiotics_for_viruses', 0.7))
        : [];
    return [...direct, ...spread];
  },
};

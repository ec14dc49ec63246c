// misinformation: false health information. Recognised by the shape of the claim, not a list of
// posts: a vaccine said to cause harm or contain a device; a remedy said to cure a disease;
// antibiotics said to clear a virus; a condition or treatment called a myth or a scam; the
// conspiracy register ("big pharma", "they don't want you to know"); advice to stop medicines.
//
// Rebuttals are not misinformation: a post that says a claim is debunked, or that antibiotics
// *don't* work on colds, is suppressed by `misinformation.rebuttal` (see classify.ts).

import { WORD_LISTS } from '../lexicon.js';
import type { Doc, Token } from '../normalise.js';
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
    'defects',
    'eczema',
    'allergies',
    'epilepsy',
    'seizures',
    'diabetes',
    'deformities',
    'stillbirth',
    'stillbirths',
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
    'ssris',
    'ssri',
    'antidepressants',
    'antibiotics',
    'anxiety',
    'diabetes',
    'viruses',
    'measles',
    'menopause',
  ],
  /** Screening and tests people are told to skip. */
  screening: [
    'smear',
    'smears',
    'screening',
    'mammogram',
    'mammograms',
    'cervical',
    'test',
    'tests',
    'testing',
    'check',
    'checks',
    'checkup',
    'scan',
    'scans',
    'jab',
    'jabs',
    'vaccine',
    'vaccines',
    'booster',
  ],
  /** More conditions people claim cures for. */
  moreDisease: [
    'psoriasis',
    'eczema',
    'acne',
    'migraines',
    'migraine',
    'headache',
    'headaches',
    'warts',
    'verrucas',
    'ibs',
    'fibromyalgia',
    'lupus',
    'gout',
    'thyroid',
    'endometriosis',
    'pcos',
    'tinnitus',
    'shingles',
    'uti',
    'utis',
  ],
  /** Infections passed on by sex. */
  sti: [
    'chlamydia',
    'gonorrhoea',
    'gonorrhea',
    'herpes',
    'syphilis',
    'sti',
    'stis',
    'std',
    'stds',
    'hpv',
    'crabs',
  ],
  /** What a health scare is said to be "why" people have. */
  symptom: [
    'headaches',
    'headache',
    'nosebleeds',
    'migraines',
    'cancer',
    'cancers',
    'tinnitus',
    'insomnia',
    'sick',
    'ill',
    'covid',
    'autism',
    'dementia',
    'rashes',
    'miscarriages',
    'tumours',
  ],
};

export const MISINFORMATION_RULES: PhraseRule[] = [
  {
    id: 'misinformation.vaccine_harm',
    category: 'misinformation',
    confidence: 0.85,
    patterns: [
      '@vaccine _4 @harmClaimVerb _3 @harmClaimResult',
      '@vaccine _3 has|have|contain|contains|contained|with|of _2 chips|chip|microchip|microchips|nano|trackers|tracker|poison|toxins|mercury|graphene|aborted|formaldehyde|aluminium|metals|nanobots|nanobot|tracking|nanoparticles',
      'natural immunity _3 better|only|best|lasts|forever|life',
      'measles|chickenpox|pox parties|party',
      'better|safer than _1 the|a|any|getting? @vaccine|vaccination|vaccines',
      'do not bother with|taking|getting|having _2 antibiotics|vaccines|vaccine|jab|jabs|meds|medication|chemo|insulin|booster|boosters|smear|smears|screening',
      'dont bother with|taking|getting|having _2 antibiotics|vaccines|vaccine|jab|jabs|meds|medication|chemo|insulin|booster|boosters|smear|smears|screening',
      'doctors|gps|pharma hate _1 this|it|him|her',
      'changes|change|changing|alter|alters|altering|rewrite|rewrites|rewriting|modify|modifies|edits _2 dna|genes',
      'vaccine|vaccines|jab|jabs _2 shedding',
      // The conspiracy vocabulary of vaccine harm: "turbo cancers", "shedding", "died suddenly".
      'turbo cancer|cancers|tumours',
      'shed|sheds|shedding _3 spike|proteins|onto',
      'stay|keep away from _1 vaccinated|jabbed|vaxxed|boosted',
      '@vaccine _4 spreads|spread|spreading|sheds|shed _2 flu|virus|covid|measles|it|germs',
      '@vaccine|chemo|statins|medicine|medication|drugs|vaccination _4 more harm|damage|deaths than',
      'phones|mobiles|wifi|5g|masts|microwaves|meters|bluetooth|airpods _6 cause|causes|give|gives|giving|causing _2 tumours|tumour|cancer|cancers|infertility',
      'experimental gene|mrna therapy|poison|injection',
      '@vaccine _5 bioweapon|bioweapons|depopulation|genocide|eugenics',
      'harvesting|harvest|harvests|harvested _2 your|our|peoples|their? dna|blood|organs',
      'overload|overloads|overloading|overwhelm|overwhelms _2 immune|system|systems|babies|baby',
      '@vaccine _3 doesnt|dont|never work|works|worked and|so|my|it|they|just|lol|anyway|at',
      '@vaccine _1 poison|poisonous|toxic|toxins|deadly $',
      '@sti _3 clears|clear|goes|go _3 itself|own|themselves',
      '@vaccine _3 never|not _1 been? properly|fully|even? tested|trialled|trialed|tested',
      // A condition said to come from a vaccine (or a mast): "autism is caused by the MMR".
      'autism|autistic|cancer|cancers|dementia|infertility|sids|clots|strokes|alzheimers|allergies|adhd _2 brought on by _2 @vaccine|vaccines|jab|jabs|vaccination|vaccinations|fluoride|5g|masts|statins',
    ],
  },
  {
    id: 'misinformation.cure_claim',
    category: 'misinformation',
    confidence: 0.8,
    patterns: [
      '@remedy _4 @cureVerb it|them _3 hours|days|overnight|week|day',
      'cure|cures|cured|curing _1 cancer|diabetes|autism|asthma|arthritis|dementia|covid _2 naturally|with|using',
      'literally|actually|naturally|completely|totally|which|that @cureVerb _3 @disease',
      '@remedy|sun|sunshine _6 @cureVerb _3 @disease|@moreDisease|cancer|diabetes|virus|cold',
      'no need for any? meds|medication|tablets|pills|statins|insulin|inhalers|creams|steroids|chemo|metformin|vaccines|jabs',
    ],
  },
  {
    id: 'misinformation.antibiotics_for_viruses',
    category: 'misinformation',
    confidence: 0.8,
    patterns: [
      '@antibiotic _6 clear|clears|cure|cures|kill|kills|fix|fixes|sort|get _2 @viral',
      'they|antibiotics clear|cure|kill a cold',
      // "All chest infections need antibiotics": every infection said to need them.
      '@antibiotic _2 cure|cures|fix|fixes|clear|clears|treat|treats everything|anything|all',
      '@antibiotic _5 first sign|signs',
      '@antibiotic _4 until you|u? feel|better',
      'all|every|any _3 infection|infections|coughs|cough|colds|cold|throat|throats|bugs|bug|viruses|virus _5 need|needs|require|requires _1 @antibiotic',
    ],
  },
  {
    id: 'misinformation.myth_claim',
    category: 'misinformation',
    confidence: 0.8,
    patterns: [
      '@mythSubject is|are|was a myth|scam|hoax|lie|con|racket|fraud',
      '@mythSubject|smears|screening|jabs _3 just|all|only|a|big _1 con|racket|fraud|scam',
      'causes more cancer than',
      'sunscreen|fluoride|masks|microwaves _3 causes|cause _1 cancer|autism|damage',
      'microwave|microwaves|microwaving|microwaved _6 causes|cause|gives|give _2 cancer|cancers',
      'calcif* _2 pineal',
      'pineal gland',
      'cant|cannot get|fall pregnant _4 breastfeeding|period|periods',
      'stop|stopping|stopped taking the|your tablets|meds|medication|statins|insulin|pills',
      // A condition or a cause denied: "ADHD isn't real", "viruses don't exist", "HIV doesn't cause AIDS".
      '@mythSubject isnt|arent|doesnt|dont real|exist',
      'hiv doesnt|dont|never cause|causes aids',
      'hiv does not cause|causes aids',
      // Screening and sexual health myths: "no need for a smear if you've had one partner".
      'no|nobody|noone _1 need|needs _3 @screening _6 if|because|since|as|when _4 one|1|virgin|married|lesbian|celibate|hpv|jabbed|vaccinated|healthy|fit|feel|symptoms',
      'smear|smears|mammogram|mammograms|screening|biopsy|biopsies _3 pointless|useless|unnecessary|scam|dangerous|harmful|spread|spreads|spreading',
      'cant|cannot|dont|wont catch|get _1 @sti _3 oral|first|once|washing|wash|shower|pee|peeing|clean',
      'sugar feeds|feed cancer|tumours',
      '@disease|cancer|autism|diabetes|eczema _3 caused by _2 parasites|fungus|yeast|acid|acidity|toxins|worms|candida',
      'cleanse|cleanses|detox|detoxes _3 cure|cures|kill|kills|fix|fixes|clear|clears',
      '@remedy|megadoses|megadose|supplements _4 stop|stops|prevent|prevents _2 you|people|kids? catching|getting _1 covid|flu|colds|cancer|viruses|virus',
      'kernels|apricot|b17|laetrile|turmeric|garlic|ginger|honey|lemon|bicarb|alkaline|detox|homeopathy|homeopathic|crystals|cbd|colloidal|ivermectin|bleach|mms|vinegar _4 prevents|prevent|stops|stop|protects|protect _2 against|from? @disease|cancer|cancers|covid|flu|tumours',
      'mouldy|moldy bread|fruit _3 penicillin|antibiotic|antibiotics',
      'raw milk _3 @cureVerb|cure|cures|prevents|prevent|heals _3 @disease|@moreDisease|allergies|asthma|eczema',
      '@vaccine _3 has|have|contains|contain|got the? flu|virus|covid|disease _1 in it',
      'fluoride _4 poison|poisonous|neurotoxin|lowers|lowering|iq|toxic|docile|control|compliant',
      'make|keep us|people|everyone|you|them|kids docile|compliant|sterile|infertile',
      // Covid denied or shrunk: "covid was never real", "just the flu rebranded".
      '@mythSubject was|is|were never real',
      'covid|coronavirus|omicron _2 was|is|were _1 just|only _1 a|the? flu|cold',
      'flu|cold rebranded|renamed',
      // Medicines called poison; fever and masks.
      'statins|statin|vaccines|vaccine|jabs|jab|insulin|fluoride|antidepressants|ssris _2 are|is _1 poison|poisonous|toxic|deadly',
      'stops|stop|prevents|prevent the|your body|immune _1 system? _1 fighting|healing|working|doing',
      'masks|mask _4 oxygen|co2|carbon|suffocat*|hypoxia',
      // Masts and radiation blamed for illness: "that mast is why half the town has headaches".
      '5g|mast|masts|wifi|chemtrails|radiation|meters _6 the? why|behind|causing|reason|cause _6 @symptom',
    ],
  },
  {
    id: 'misinformation.conspiracy_register',
    category: 'misinformation',
    confidence: 0.7,
    patterns: [
      'big pharma',
      'pill|contraceptive|hrt|statins|vaccines|vaccine _2 gives|give|causes|cause _2 cancer|infertility|clots',
      'does|do the same job',
      'masts|mast|towers|wifi|5g _4 causing|cause|causes|give|gives _3 cancer|covid|autism|headaches',
      'vaxxed|vaccinated|jabbed _3 sicker|unhealthier|weaker|iller',
      'cholesterol _1 doesnt|dont|never|isnt _1 cause|causes|matter|harmful|bad',
      'want|keep you|us|people hooked|addicted',
      'kills|causes|harms|hurts|killed|killing|harmed more _2 than _2 cancer|covid|flu|disease|it|does|the|measles',
      '@vaccine|sunscreen|chemo|statins|masks|fluoride|vaccination _3 more dangerous|harmful|toxic|deadly than',
      // A disease "cured by diet"; a treatment "just a money maker".
      '@disease|cancer|diabetes|arthritis|autism _3 cured|reversed|healed|beaten|reversible|curable _2 with|by|through _3 @remedy|diet|vegan|fasting|juicing|keto|cannabis|vitamins|supplements',
      '@mythSubject|chemo|jabs|jab|vaccination _3 just|only|all _2 money|profit|racket|business|cash',
      'pill|contraceptive|implant|coil|hrt|statins|vaccine|vaccines|jab|jabs _2 makes|make|made|leaves|left _2 you|women|girls|people|kids? infertile|sterile|barren|autistic',
      'measles|mumps|chickenpox|covid|flu|polio|whooping is|are|was _1 harmless|nothing|natural',
      '@vaccine _4 is|are|whats _2 dangerous|deadly|toxic|poison|unsafe|killing',
      '@vaccine _2 contains|contain|gives|give|gave|causes|cause _2 flu|virus|covid|disease|illness|shingles|measles|mumps|polio|chickenpox|whooping|autism|pneumonia|rsv|meningitis',
      // A medicine said to cause a serious disease: "the pill gives 1 in 3 women cancer".
      'pill|contraceptive|hrt|statins|statin|ssris|antidepressants|vaccines|vaccine|jabs|jab|paracetamol|tylenol|calpol|ibuprofen|fluoride|microwaves _2 gives|give|causes|cause _6 cancer|infertility|dementia|alzheimers|autism|diabetes|adhd',
      // A condition explained away: "depression is just low vitamin D".
      'depression|anxiety|adhd|autism|diabetes|cancer is|are just|only _3 vitamin|diet|laziness|lazy|attention|sugar|fungus|toxins|parenting',
      'cured|reversed|beat|beaten _4 diabetes|cancer|arthritis|asthma|depression|autism|adhd _3 with|by|using|through _3 @remedy|diet|vegan|fasting|juicing|keto|cannabis|vitamins|supplements|prayer|positivity',
      'they|government|nhs|doctors|pharma|gps _2 hide|hides|hid the? truth|evidence|data|side|dangers|risks|harm',
      'dont need _1 statins|insulin|meds|medication|vaccines|vaccine|antibiotics|chemo|inhalers|tablets|@medicine',
      'dont|doesnt want you to know',
      'wont tell you because|why|the|this',
      'do your own? research',
    ],
  },
  {
    // Signal: advice against vaccines, screening or medicines, judged at the start of a sentence
    // ("Don't let your parents have them", "so don't let them scare you into a test").
    id: 'misinformation.advice_against',
    confidence: 0.75,
    patterns: [
      'dont|never|do not? let _4 scare|bully|bullying|pressure|pressuring|push|pushing|force|talk|guilt|con|frighten|fob _2 you|u|yourself|anyone|them into|on',
      'dont|never|do not? let _1 your|the|them|my|our|any? _1 @relative|parents|elderly|newborn|loved|anyone|kids|children|grandparents|pensioners have|get|take|near _1 it|them|one|any|the|that|those|a|an',
      'refuse|avoid|skip|decline|boycott _1 the|it|them|any|all|your|this? @vaccine|@screening|them|it',
      'refuse|avoid|skip|decline|boycott _3 @vaccine|@screening',
      'dont|never get|give _2 @relative|kids|children|baby|babies|newborn _3 @vaccine',
    ],
  },
  {
    // Signal: the post is about vaccines, screening or medicines (for the advice above).
    id: 'misinformation.health_subject',
    confidence: 1,
    patterns: [
      '@vaccine|@screening|@antibiotic|statins|chemo|insulin|pill|meds|medication|tablets|vaccinated|jabbed',
    ],
  },
  {
    // Signal: "excess deaths", misinformation only beside a vaccine.
    id: 'misinformation.excess_deaths',
    confidence: 0.75,
    patterns: ['excess deaths|death', 'deaths|dying _2 since|after _2 the? @vaccine|rollout'],
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
      'stop sharing|spreading',
      'not true',
      'misinformation',
      'dont|doesnt|wont work for|on _2 @viral',
      'do not work for|on _2 @viral',
      'dont|doesnt|wont cure',
      'is|its|thats nonsense|rubbish|untrue|bollocks|rot',
      // A correction: "the flu jab can't give you flu", "it's a myth that …".
      'cant|cannot give you|u _1 @viral|flu|covid|it|shingles|pneumonia|autism|cancer',
      'myth that',
      // Medical advice reported: "the GP said I don't need statins".
      '@role|consultant|specialist said|says|told|thinks _6 dont|doesnt|no|not _1 need|needs',
      'people|someone|somebody _4 saying|claiming|posting|sharing',
      // A denial of the claim itself: "the jab does NOT change your DNA", "no such thing as …".
      'not|doesnt|dont|didnt|wont|cant|cannot|never change|changes|alter|alters|cause|causes|contain|contains|give|gives _1 your|you|any|a? dna|autism|infertility|chips|microchips|cancer|flu|covid|shingles|dementia',
      'clearing|dispel|dispelling|squash|bust|busting|correct|correcting _2 rumour|rumours|myth|myths|misconception|misconceptions',
    ],
  },
];

const VACCINE: ReadonlySet<string> = new Set([...WORD_LISTS.vaccine, 'vaccinated', 'jabbed']);
/** Words that may open an imperative before its verb: "so don't…", "ladies, never…". */
const OPENERS = new Set([
  'so',
  'and',
  'just',
  'please',
  'seriously',
  'honestly',
  'ladies',
  'girls',
  'guys',
  'mums',
  'people',
  'folks',
  'but',
]);

/** The hit starts its sentence or a clause after a comma, perhaps after one opener ("so", "please"). */
function opensSentence(doc: Doc, at: number): boolean {
  const { tokens, original } = doc;
  const here = tokens[at];
  if (!here) return false;
  const startsClause = (i: number): boolean => {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    return !prev || prev.sentence !== t.sentence || original.slice(prev.end, t.start).includes(',');
  };
  if (startsClause(at)) return true;
  return at > 0 && OPENERS.has((tokens[at - 1] as Token).text) && startsClause(at - 1);
}

export const misinformation: RuleFamily = {
  name: 'misinformation',
  lists: MISINFORMATION_LISTS,
  rules: MISINFORMATION_RULES,
  // A post that rebuts a claim repeats it; it does not spread it.
  derive: (input, direct) => {
    if (input.hitsOf('misinformation.rebuttal').length > 0) return [];
    const { tokens } = input.doc;
    const subject = input.hitsOf('misinformation.health_subject').length > 0;
    const advice = subject
      ? input
          .hitsOf('misinformation.advice_against')
          .filter((h) => opensSentence(input.doc, h.first))
          .map((h) => hitFrom(h, 'misinformation', 'misinformation.advice_against', 0.75))
      : [];
    const vaccineNamed = input
      .hitsOf('misinformation.health_subject')
      .some((h) => VACCINE.has(tokens[h.first]?.text ?? ''));
    const deaths = vaccineNamed
      ? input
          .hitsOf('misinformation.excess_deaths')
          .map((h) => hitFrom(h, 'misinformation', 'misinformation.vaccine_harm', 0.7))
      : [];
    const spread =
      input.hitsOf('misinformation.antibiotic_mention').length > 0 &&
      input.hitsOf('misinformation.viral_mention').length > 0
        ? input
            .hitsOf('misinformation.clears_claim')
            .map((h) => hitFrom(h, 'misinformation', 'misinformation.antibiotics_for_viruses', 0.7))
        : [];
    return [...direct, ...spread, ...advice, ...deaths];
  },
};

// The everyday categories: complaint, appointment_request, enquiry, feedback.
//
// - complaint: dissatisfaction with care, treatment or service — the vocabulary of being let down
//   (waits, holds, refusals, "nobody rang", "not good enough", sarcasm like "genius").
// - appointment_request: asking, through the post itself, to book, cancel, change, get a
//   prescription or results, or be rung back. Telling a story about ringing to cancel is not one.
// - enquiry: a general, non-clinical question about the service (hours, parking, registering).
// - feedback: praise or neutral feedback about the practice or its people.
//
// Some need the post to be about the practice at all (`service.practice_reference`), so that
// praise of a university open day or a question about a chip shop's hours stays out.

import { WORD_LISTS } from '../lexicon.js';
import type { Token } from '../normalise.js';
import type { PhraseRule } from '../phrases.js';
import { Coverage, type Hit, hitFrom, type RuleFamily, type RuleInput } from './types.js';

export const SERVICE_LISTS = {
  bookingThing: [
    'appointment',
    'appointments',
    'appt',
    'appts',
    'prescription',
    'prescriptions',
    'script',
    'repeat',
    'repeats',
    'results',
    'result',
    'referral',
    'bloods',
    'blood',
    'jab',
    'jabs',
    'vaccine',
    'booster',
    'review',
    'sick',
    'fit',
    'letter',
    'follow',
    'test',
    'smear',
    'clinic',
    'clinics',
    'visit',
    'meds',
    'medication',
    'inhaler',
    'tablets',
    'antibiotics',
    'note',
    'form',
    'dressing',
    'dressings',
    'stitches',
    'injection',
    'b12',
    'coil',
    'implant',
  ],
  bookingVerb: [
    'book',
    'send',
    'post',
    'transfer',
    'swap',
    'switch',
    'rebook',
    'cancel',
    'change',
    'move',
    'reschedule',
    'chase',
    'check',
    'sort',
    'arrange',
    'renew',
    'order',
    'get',
    'have',
    'see',
    'give',
    'prescribe',
    'extend',
    'issue',
    'fill',
    'sign',
  ],
  callBack: ['ring', 'call', 'phone', 'message', 'text', 'email', 'contact', 'dm', 'pm', 'inbox'],
  praise: [
    'brilliant',
    'amazing',
    'fantastic',
    'excellent',
    'superb',
    'wonderful',
    'outstanding',
    'incredible',
    'legend',
    'legends',
    'gem',
    'hero',
    'heroes',
    'angel',
    'angels',
    'star',
    'stars',
    'superstar',
    'grateful',
    'thankful',
    'thorough',
    'caring',
    'compassionate',
    'professional',
    'helpful',
    'polite',
    'friendly',
    'efficient',
    'painless',
    'slay',
    'lovely',
    'kind',
    'great',
    'good',
    'gentleman',
    'reassuring',
    'star',
    'gent',
    'diamond',
    'cheerful',
    'sweetheart',
    'pleasant',
    'kindest',
    'nicest',
    'loveliest',
    'friendliest',
    'sweetest',
    'gentle',
    'attentive',
    'understanding',
    'supportive',
    'charmer',
    'goat',
    'sweetheart',
    'darling',
    'saint',
    'godsend',
  ],
};

export const SERVICE_RULES: PhraseRule[] = [
  // ------------------------------------------------------------------ complaint
  {
    // Unmistakable dissatisfaction with a service: counts on its own.
    id: 'complaint.dissatisfaction',
    category: 'complaint',
    confidence: 0.8,
    patterns: [
      'disgusted|disgusting|disgraceful|shocking|appalling|atrocious|abysmal|diabolical|dreadful|horrendous|horrific|incompetent|unacceptable|unprofessional|dismissive|patronising|condescending|uncaring|unhelpful|clueless|hopeless|negligent',
      'a disgrace',
      'not|wasnt|isnt acceptable|good|impressed|happy|ok|okay $',
      'not good enough',
      'not acceptable',
      'worst _2 surgery|practice|gp|service|doctor|experience|ever|mile|receptionist|receptionists',
      'awful|terrible|rubbish|useless|poor|appalling|shocking|shambolic|pathetic|joke _1 service|surgery|practice|experience|system|communication|staff|receptionists|doctors|care|treatment',
      'is|its|was an|a _1 joke',
      'absolute|total|complete|utter joke|scandal|disgrace|farce|shambles',
      'one|1 star',
      'zero|0 stars',
      'should be ashamed',
      'rudest|rude',
      'roll|rolled|rolling her|his|their eyes',
      'fobbed|fobbing off',
      'nightmare $',
      'waste of time',
      'like cattle|dirt|rubbish|idiots',
      'treated like',
      'changing|change|moving|leaving _2 surgery|surgeries|practice|gp',
      'writing to my mp',
      'complain|complaining|complained',
      'formal|official complaint',
      'cqc|ombudsman|solicitor|solicitors|cqcs|healthwatch',
      // Complaint channels named as where it is going: PALS, the ICB.
      'to|contact|contacted|contacting|ring|rang|ringing|email|emailed|emailing|report|reported|reporting|write|wrote|writing|through the? pals|icb',
      'struck off',
      'wants|needs|deserves|want|need shaming|sacking|firing|reporting|naming|retraining|disciplining',
      'shouldnt be allowed near|anywhere',
      'should not be allowed near|anywhere',
      'shouldnt be allowed to practise|practice|work|treat',
      'joke of a|an place|surgery|practice|service|system|health|centre',
      'sort its|their|your|yourselves _1 priorities|act|selves|self|yourselves|themselves',
      'talking|talk|talked to a|the brick? wall',
      // Treated as less than a person: "looked at me like I was dirt", "looked me up and down".
      'like i|we|she|he|they was|were|am|are _1 dirt|rubbish|nothing|idiot|criminal|stupid|nuisance|scum|liar|thick|muck',
      'what a joke|farce|shambles|disgrace|joke',
      'should be in prison|jail',
      // The wrong thing given or done: "gave me the wrong tablets", "the wrong dose".
      'the|a wrong medication|medicine|dose|prescription|tablets|meds|results|patient|letter|name|leg|arm|vaccine|jab|injection',
      '@practice|they|appointments|everyone missed it',
      'misdiagnosed|misdiagnosis',
      'never even|once _2 apologised|examined|looked|listened',
      'didnt|never|wouldnt|couldnt even? examine|listen|look|check|ring|call|bother|apologise|apologize',
      'refused|refuse to',
      'lost my|the|his|her|their _1 referral|results|records|letter|prescription|sample|notes',
      'cant understand a? word',
      'arrogant|gatekeeper|gatekeepers|gatekeeping',
      'how|where|what are|is _3 supposed to',
      'cant|cannot|couldnt even _2 sort|get|answer|manage|organise|book|do|find|diagnose',
      'disaster|shambles $',
      'gone downhill',
      // Formal letters of concern.
      'writing to raise|express|register|voice _2 concern|concerns|dissatisfaction',
      'raise|raising|express|expressing _2 serious|my|our? concerns',
    ],
  },
  {
    // Frustration that is a complaint only when the post is about the practice.
    id: 'complaint.frustration',
    category: 'complaint',
    confidence: 0.7,
    patterns: [
      'sick|tired of',
      'fed up',
      'avoid $',
      'rant over',
      'not being funny but',
      'aibu',
      'annoyed|angry|furious|livid|fuming|frustrated|frustrating|upset|gutted|disappointed|disappointing',
      'priorities $',
      'genius $',
      'long hard look',
      'hasnt|havent a clue',
      'told him|her|me|us _4 was|were|its _1 just? indigestion|anxiety|stress|nothing|viral|virus|muscular|wax|hormones|hormonal|growing',
      'on his|her|their computer|phone|screen',
      'couldnt diagnose|care',
      'nobody|noone _4 cares|care|listen|listens|listened|rang|rung|called|told|examined|bothered|thought|checked|chase|chased|helps|help|answers|answered|send|refer|believe|believes|believed',
      'all about targets|money',
      'state of the|this',
      'for no reason',
      'pathetic|ridiculous|shambles|shambolic|farce',
      'promised|supposed _4 callback|call|ring|phone|reply|letter|email',
      'to be told',
      'stopped doing|offering',
      'hiding behind',
      'one more time',
      'got|get|was told no',
      'no wonder',
      'great|brilliant|fantastic|wonderful data protection',
      'filthy|overflowing|grubby|unhygienic',
      'give|gives|giving a damn|toss|monkeys',
      'cant believe',
      'cancelled|canceled my _2 referral|appointment|operation|prescription|repeat',
      'end of my tether',
      'every time i ring|call|phone|go',
      'spoke|speaks|spoken|talked|talks|treated|treats _5 like _2 daft|dirt|idiot|idiots|child|children|rubbish|nothing|stupid|thick|muck|crap|liar',
      'madness|insane|crazy $',
      'piss up in a brewery',
      'oh great|brilliant|wonderful|fab|fantastic|lovely|perfect|marvellous|good',
      'i give up $',
      'in the queue|line',
      'fill in|out _2 another|more|endless|long|online|an|the|this|that form|forms|questionnaire',
      'need|needs _2 training|retraining|sacking|replacing',
      'in agony',
      'laughed at me|us',
      'why does|do|did it take',
      'back and forth',
      'keep|keeps saying',
      'bothering her|him|them',
      'told to? ring|come|call back',
      'turned out to be',
      'sent me|him|her|us away|home _3 with|and|only|just',
      'told me _4 just stress|anxiety|age|hormones|virus|viral|tension|nerves|period',
      'never got|received|arrived',
      'not discussing|having',
      'shame it|that took|takes',
      'took|takes _2 weeks|months|hours',
      'why did|does|has|hasnt|didnt|wont|cant|is|isnt|do|dont the|you|they _1 surgery|practice|receptionist|receptionists|doctor|doctors|gp|gps|staff|bother|ever|never|even',
      'third|fourth|fifth|sixth|second time _2 asking|asked|rang|ringing|called|chasing',
      'and nothing $',
      // A story ending in a verdict: "… Unbelievable.", "the audacity".
      'unbelievable|outrageous|scandalous|shameful|disgrace|diabolical $',
      'the audacity',
      'the cheek of',
      'wasting everyones|peoples|my|our|your|their time',
      'was|is absolute? murder|carnage|chaos|bedlam',
      'keeps|kept crashing|freezing|failing',
      'nice|lovely|top|great data protection',
      // Chasing a delay.
      'no call|reply|response|word|news|letter _3 about|on|regarding|re _3 results|result|referral|scan|biopsy|letter|prescription|complaint',
      'its been _2 weeks|months|days $',
      // Grievances that ride along with anger: "start answering the phone", "my complaint",
      // "because that paramedic sent her home", "dies on that waiting list".
      'answering|answered the|your|their|ur phone|phones',
      'discuss|chase|chasing|escalate|escalating my|our complaint',
      'my|our complaint _3 ignored|lost|still|never|nothing|hand',
      'because|after _4 sent|turned _1 her|him|me|us|them away|home',
      'die|dies|died|dying on the|that|a|this waiting list',
      // Dismissed: "told me my back pain was wear and tear", "said her anxiety was just teenage stuff".
      'told|said|says|tells _6 was|were|its just|only|all',
      'telling|told|tells me|us|him|her|them _1 to just|only',
      'too young|old|fat|thin for _2 scan|test|tests|referral|appointment|treatment|hrt|it|that|help',
      'kept|left me|us|him|her|them waiting|hanging',
      'no|not an|a|even|single _1 apology|sorry',
      'nobodys|noones|nobody|noone _3 been|come|rung|called|said|bothered',
      'nobody|noone _4 will|would|can|could _1 tell|help|explain|listen|ring|answer|give|see|bother',
      // "after how you treated my nan", "he gets everything wrong".
      'how you|they|she|he treated|treat|treats|spoke|speak _1 my|me|us|him|her',
      'gets|get|getting everything|things|it wrong',
      'ring|call|phone back at|tomorrow 8|8am|eight',
      'used to be _3 good|great|brilliant|decent|lovely|fantastic|amazing|excellent|nice',
      'form|forms|app|website|system|phones|queue|triage|wait|waiting _3 killing me',
      'how they|she|he|you speak|speaks|talk|talks|treat|treats _1 to? people|patients|older|elderly|us|me|vulnerable',
      'who do|does they|you|she|he think they|you|she|he are|is',
    ],
  },
  {
    id: 'complaint.access',
    category: 'complaint',
    confidence: 0.75,
    patterns: [
      'on hold',
      'phone|phones|phoneline|line|lines down|engaged',
      'rings|ringing|rang out',
      'cuts|cut you|me off',
      'earliest _3 was|is|could|they',
      'had to go to _2 walk|a|hospital|111|urgent',
      'cos|because|as|coz no appointments|appts|appointment',
      'useless|terrible|awful|dire|woeful|laughable|hopeless $',
      'phone|telephone queue',
      'queue|queues _3 already|again|past|round|outside|door|back|long|massive|huge|miles|forever',
      'cut off',
      'cant|couldnt get _2 through|appointment|appointments|seen|in',
      'cant|couldnt|cannot actually|even? get _3 appointment|appointments|through|seen',
      'cant|couldnt book|get an? appointment',
      'cant book _2 without',
      'no appointments|appts|appt|reply|response|answer _3 for|til|until|till|since|yet|left',
      'never answer|answers|answered',
      'still no|nothing|waiting|havent|hasnt|wont|cant',
      'heard nothing',
      'waiting|waited|waits|wait _2 since|forever|ages',
      'waiting|waited|waits|wait _3 weeks|months|hours|days|years|minutes',
      'waiting|waited|waits|wait _2 a|another|over|nearly|almost month|week|fortnight|year',
      'hangs|hung|hang|hanging up on',
      'before i|we|you|anyone|my|our _2 get|gets|see|sees _2 appointment|appointments|appt|seen|through|callback|doctor|gp',
      'waiting list _4 weeks|months|years',
      'week wait',
      'that wait',
      'rang|rung|called|phoned|emailed|written|wrote|messaged _3 times|twice',
      'answer _1 the|your phone|phones|emails|email',
      'answer|reply|respond to? _1 my|our letters|letter|emails|email|calls|messages|complaint',
      'sort it out',
      'refused|refuse|refuses|refusing|wouldnt|wont _1 give|see|send|refer|prescribe|listen|help|examine',
      'refused|refuse|refuses|refusing _2 my|me|him|her|to',
      'dont really do',
      'since march|april|may|june|july|august|september|october|november|december|january|february|monday|tuesday|wednesday|thursday|friday|christmas',
      'surgery|they _1 keep saying',
    ],
  },
  // ------------------------------------------------------------------ appointment_request
  {
    id: 'appointment_request.booking',
    category: 'appointment_request',
    confidence: 0.8,
    patterns: [
      'can|could|may i|we|someone|somebody _3 @bookingVerb _4 @bookingThing',
      'run|ran out of _2 @medicine|tablets|meds|inhaler|pills',
      'can|could|would you|u _2 @bookingVerb _1 me|us|my|our _3 @bookingThing',
      'need|want|like to @bookingVerb _3 @bookingThing|mine',
      'need|want|like to rebook|cancel|reschedule',
      'please _3 give|get|book me|us an? appointment|appt',
      'need|want|like an? _2 appointment|appt|callback|prescription|repeat|referral|script|call|sick|fit',
      'any chance of|for _4 appointment|appt|callback|prescription|repeat|referral|call',
      'please|pls|plz _2 @bookingVerb _3 @bookingThing',
      'can|could i|we have|get a|an call|callback|appointment|appt|ring|chat',
      'can|could i|we have|get|book a|an phone|telephone|video|face|quick _1 call|callback|appointment|appt|consultation|chat|word',
      'can|could somebody|someone|you|anyone _2 sort|chase|check|look _1 it|this|that|into',
      'can|could _3 let me|us know',
      'i|we need|want _2 an? appointment|appt|repeat|prescription|referral|script|note',
      'is|are my _2 prescription|repeat|results|referral|letter|note ready|back|done',
      'can|could i|we have|get|book _2 an? appointment|appt|prescription|repeat|script|referral',
      'can|could i|we get _1 a|my|some prescription|repeat|script|antibiotics',
      'can|could|may i|we book in',
      'put me|us _3 down for|on',
      'got|have|has to cancel|rebook|reschedule|change|move|book',
      'can|could someone|somebody|you please? nudge|remind|chase|hurry|reply|respond|answer',
      'just want|wanted to know if|whether _3 results|prescription|repeat|referral|letter|scan',
      'is|are my|the results _1 back',
      'can|could anyone|someone from the surgery|practice help',
      // Someone else named as the subject, or a message passed on: "Can Dr X send my fit note",
      // "could someone ask X to look at my repeat", "tell X I can't make Thursday, can she do Friday".
      'can|could|would _3 send|sort|do|renew|issue|check _2 my|our _2 @bookingThing',
      'can|could|would|please _4 ask|tell _3 to look|check|sort|ring|call|chase|review|send|see',
      'cant|cannot|wont make _2 my|the|our _2 @bookingThing|appointment|appt',
      'can|could she|he|they|you do|see|fit _2 monday|tuesday|wednesday|thursday|friday|saturday|instead|tomorrow|today',
      'any news|update|word on|about my|our|the _2 @bookingThing',
      'i|we need|want my|our _3 @bookingThing',
      // "Need my dressing changing", "need his stitches out": the thing, then what should be done.
      'need|needs|want my|our|his|her|me|mums|dads _2 @bookingThing _1 changing|changed|doing|done|redoing|renewing|renewed|sorting|sorted|checking|checked|out|removed|taking',
      // "can we get him seen today", "could she be looked at".
      'can|could|need|want|like _3 get|have him|her|me|us|them|my|our _2 seen|looked|checked|examined',
      // "Can someone at <practice> PLEASE sort it", "can someone please look into it".
      'can|could somebody|someone|anyone|you _4 sort|chase|check|look|help _1 it|this|that|into|out|me|us|please',
      'please _2 look into',
      // Chasing a repeat or result that has not arrived: "my repeat still hasn't gone through".
      'my|our|mums|dads|his|her repeat|prescription|script|results|result|referral|meds|medication _5 still _1 not|hasnt|havent|isnt|arent|nothing',
      'home visit please|asap',
      'can|could|would the|a doctor|nurse|gp|someone|somebody _2 see|check|look at|examine me|my|him|her|us|our',
      'can|could|would you|u _1 give|prescribe|send|sort me|us|her|him|my|our _4 @bookingThing|@medicine',
    ],
  },
  {
    id: 'appointment_request.callback',
    category: 'appointment_request',
    confidence: 0.8,
    patterns: [
      'can|could|would|please _5 @callBack me|us|her|him _1 back?',
      'give me|us|her a ring|call|bell',
      'pass|passing|get|give _2 a? message to',
      'message for',
      'please|pls|plz _2 ring|call|phone|message|contact|text me|us',
      'can|could you|u ask _3 if|whether',
      'ask _4 to phone|call|ring|contact|email|text me|us',
      'can|could somebody|someone|you please _1 ring|call|phone|message|contact',
      'someone|somebody _2 ring|call|phone|contact me|us _1 please|asap|back|today',
      // "Can someone get back to me", "can someone DM me", "ring my mum back".
      'get back to me|us',
      // Text-speak: "ring me bk abt my bloods pls".
      '@callBack me|us back|bk _4 pls|plz|please|asap',
      'can|could|would|please _5 @callBack my|our _2 back|about|re|regarding|today',
      'can|could|would|please _3 dm|pm|inbox me|us',
    ],
  },
  // ------------------------------------------------------------------ enquiry
  {
    // Signal: a question about the service; needs a question and a practice reference (classify.ts).
    id: 'enquiry.service_question',
    confidence: 0.75,
    patterns: [
      'what time|times _3 open|opens|close|closes|shut|shuts|best',
      'what are|is your|the opening|open times|hours',
      'opening times|hours',
      'open|closed|shut on|over _1 the? bank|saturday|saturdays|sunday|weekend|christmas|easter',
      'is it every|still',
      'do we know when',
      'does|do anyone|anybody|you|u _1 know _1 if|whether|when|what|where|how',
      'anyone|anybody know _1 if|whether|when|what|where|how',
      'is there|theres _1 a|any parking|car|defibrillator|lift|toilet|male|female|doctor|nurse|pharmacy|clinic|hearing|ramp',
      'do|does you|u|they|the _1 guys|surgery|practice? do|have|offer|take',
      'taking new patients',
      'how do|can i _3 register|get|request|order|see|book|change|make',
      'which gp|surgery|practice|doctor',
      'open|closed|shut _1 sat|saturday|sun|sunday|today|tomorrow|bank|christmas|easter|tonight',
      'parking at',
      'walk in',
      'travel jabs|vaccinations',
      'male|female doctor|gp|nurse',
      'open|closed|shut _2 monday|tuesday|wednesday|thursday|friday|afternoon|afternoons|morning|mornings|lunchtime|lunch|evening|evenings',
      'hearing loop',
      // "Who is the duty doctor today?": who does a job at the practice (not "who's lost it?").
      'who is|whos the|my _1 duty|named|lead|doctor|gp|nurse|manager|contact|pharmacist|partner|person',
    ],
  },
  // ------------------------------------------------------------------ feedback
  {
    id: 'feedback.thanks',
    category: 'feedback',
    confidence: 0.85,
    patterns: [
      'thank|thanks|thankyou you? to|for|everyone|all|so|the|again',
      'thank|thanks|thankyou _3 for',
      'huge|big|massive|heartfelt|special thank|thanks|thankyou',
      'thx|thanx|thnx|ty|ta 2|to|for|4',
      'thank you _1 $',
      'shoutout to',
      'shout out to',
      'big up',
      'credit where',
      'well done',
      'great job|work|service|team',
      'cannot|cant thank',
      'above and beyond',
      'so grateful|thankful',
      'made our|my day|morning|week|year|christmas',
      'forever|eternally|truly|so grateful',
      'godsend|lifesaver|treasure',
      'takes|took|take _1 time to explain|listen',
      'fair play $',
      'fair play _2 sorted|got|rang|did',
      'cheers to',
      'cheers _3 for',
      'want|wanted|like|would to thank',
      'want|wanted|like|would to say thanks|thankyou',
      'never forget your|her|his|their kindness|care',
      'well oiled machine',
      'cant|couldnt fault',
      'cant|couldnt|cannot ask for _1 more|better',
      'top notch',
      'five|5 stars',
      'faultless|fab|fabulous|marvellous|exceptional',
    ],
  },
  {
    // A plain "thank you" / "thanks" to the practice; dropped on a request or a complaint (classify.ts).
    id: 'feedback.bare_thanks',
    category: 'feedback',
    confidence: 0.6,
    patterns: ['thank you|u', 'thanks _1 for'],
  },
  {
    id: 'feedback.praise',
    category: 'feedback',
    confidence: 0.75,
    patterns: [
      'is|was|were|are|shes|hes|theyre|youre|so|very|really|absolutely|always|such an? _1 @praise',
      'impressed $',
      'absolute|total gem|legend|star|angel|diamond',
      'best|lovely|great|amazing|brilliant nurse|doctor|gp|receptionist|surgery|practice|team|service|staff',
      'actually|really listens|listened|explained|cares|helped',
      // "the only doctor who's ever explained it properly", "the only one with any manners".
      'only one|doctor|gp|nurse|person|receptionist _4 who|whos|that|with _3 listened|listens|explained|explains|cares|cared|bothered|bothers|helped|manners|sense|compassion',
      'explained|explains _4 properly|clearly|everything|patiently',
      'ask for her|him $',
      'took|takes|taking|take my|me|his|her|our|him|us _3 seriously',
      'actually|even rang|called|phoned me|us back',
      'had|has|kept me|my|us _2 laughing|giggling|smiling',
      'killed|nailed|aced it with|today|again',
      'sick ngl|tbh|fr|af|mate|bro|bruv',
      'didnt|never even notice|feel',
      'did not even notice|feel',
      'the goat',
      'keep up the good|great|brilliant|amazing work',
      'say|said|saying|tell _2 how @praise',
      'examined|checked|listened|explained|looked _3 properly|thoroughly',
      'recommend _3 to anyone|everyone|all',
      '5 5',
      'three|four|3|4 stars',
      // A five-star verdict on part of the service survives a complaint about another part.
      'five|5 stars for|to',
      'massive|big|huge|real|great improvement',
      'nothing _2 too much trouble',
      'put|puts|putting me|us|him|her|my _2 at ease',
      'made|make|makes me|us|him|her _1 feel _2 comfortable|safe|heard|listened|welcome|better|valued|human',
      'saved my|his|her|our|your _1 life|lives|bacon',
      'really|so|very|extremely pleased|happy with',
      'your|their|her|his kindness|compassion|patience',
      'so good with',
      'so|very|really|incredibly patient',
      '@praise practice|surgery|service|doctors|doctor|nurses|nurse|staff|team|reception|receptionists|care|gp|gps|organisation|organization|system|clinic|experience|visit|consultation',
      'well run|organised|organized',
      'didnt feel a thing',
      'smashed it',
      'legend|legends|hero|heroes|superstar|gem $',
      '10 10',
      'bomb service',
      'got me in',
      'sorted it',
      'nothing to complain about',
      'polite|friendly|helpful staff',
      // Informal praise.
      'nice|sound|decent|lovely|top|kind|good bloke|lad|fella|fellow|guy|lady|lass|gent|chap',
      'give|gives her|him|them a pay rise',
      'has|have been an? _1 angel|star|godsend|rock|legend',
      'well|will|gonna _1 miss you|her|him|them',
      'does|did the job $',
      'from the bottom of my|our heart|hearts',
    ],
  },
  // ------------------------------------------------------------------ signals
  {
    // Signal: another business or service is the subject ("the receptionist at the garage").
    id: 'service.other_business',
    confidence: 1,
    patterns: [
      'vet|vets|veterinary|dentist|dentists|dental|garage|mechanic|hairdresser|hairdressers|salon|barber|barbers|restaurant|takeaway|hotel|gym|nursery|council',
      'shop|shops|store|supermarket|chippy|pub|cafe|library|bakery|butchers|carry|offy',
      'private clinic|gp|doctor|physio|hospital',
    ],
  },
  {
    // Signal: sarcastic praise.
    id: 'service.sarcasm',
    confidence: 1,
    patterns: ['oh great|brilliant|wonderful|fab|fantastic|lovely|perfect|marvellous', 'genius $'],
  },
  {
    // Signal: praise words negated ("not impressed", "wasn't great").
    id: 'feedback.negated',
    confidence: 1,
    patterns: [
      'not|never|wasnt|isnt|hardly|werent _1 impressed|happy|great|good|brilliant|lovely|helpful|kind',
      'no thanks',
      'thanks for nothing',
      'used to be _3 @praise',
      'not|never|didnt|doesnt|dont|wont|wasnt|nobody|noone _4 seriously',
    ],
  },
  {
    // Signal: the post is about the practice (or a person or service there).
    id: 'service.practice_reference',
    confidence: 1,
    patterns: [
      '@practice',
      'phone|phones|patients|service|repeat|meds|cqc|sample|receptionists',
      'on hold',
      'you|u guys|all',
      'everyone at',
      'well done all|everyone',
      'the team',
      'online form|forms|booking|consultation|system',
      'phone system|lines',
      // The 8am scramble and fit notes are a GP practice's.
      'ring|rang|ringing|rung|call|calling|called|phone|phoned|phoning at|from 8|8am|eight',
      'sick|fit note|notes',
    ],
  },
  {
    // Signal: "so cute", "cuties": praise of staff only when staff are the subject (service derive), not
    // children at a clinic.
    id: 'feedback.cute_signal',
    confidence: 0.7,
    patterns: ['so|how|too|proper cute|adorable', 'cute|cuties|adorable $'],
  },
  {
    // Signal: "missed it"; a complaint when the practice's name is its subject (service derive).
    id: 'complaint.missed_signal',
    confidence: 1,
    patterns: ['missed it|this|that|him|her'],
  },
  {
    // Signal: "nothing to complain about" is not a complaint.
    id: 'complaint.negated',
    confidence: 1,
    patterns: [
      'nothing|no|cant|not _1 complain|complaints|complaining',
      'no complaints',
      // "they treated us like people" is praise.
    ],
  },
  {
    // Signal: abuse aimed at the practice or its staff (rather than at another commenter).
    id: 'complaint.aimed_at_practice',
    confidence: 1,
    patterns: ['@rolePlural|@role|practice|desk|patients', 'run by', 'lot of them|you', 'the lot'],
  },
  {
    // Signal: what a question to the practice is typically about.
    id: 'enquiry.service_topic',
    confidence: 1,
    patterns: [
      'park|parking|entrance|building|open|opening|hours|closed|close|closing|register|registration|clinic|clinics|service|services|extension|toilets|lift|access|ramp|wheelchair|records|form|forms|copy',
      'registering|registered|catchment|shut',
    ],
  },
  {
    // Signal: the post speaks to the practice directly ("your opening times").
    id: 'service.addressed',
    confidence: 1,
    patterns: ['you|your|u'],
  },
  {
    // Signal: asked of the group rather than of the practice ("anyone else …?").
    id: 'service.asks_group',
    confidence: 1,
    patterns: ['anyone|anybody else', 'is it just me'],
  },
  {
    // Signal: the only thanks is a sign-off ("Thanks", "Many thanks, Brian").
    id: 'service.sign_off_thanks',
    confidence: 1,
    patterns: ['thanks|thankyou|cheers $', 'thank you $', 'many thanks', 'thanks in advance'],
  },
];

const REVIEW_PLATFORMS = new Set(['nhs_website', 'google_reviews']);
const QUESTION_STARTS = new Set([
  'what',
  'when',
  'where',
  'which',
  'how',
  'is',
  'are',
  'does',
  'do',
  'can',
  'anyone',
  'has',
]);
const MAX_QUESTIONS = 20;
const QUESTION_AUX = new Set(['do', 'does', 'did']);
const ENQUIRY_OPENERS = new Set([
  'whats',
  'has',
  'have',
  'is',
  'are',
  'does',
  'do',
  'can',
  'what',
  'when',
  'where',
  'which',
  'how',
  'will',
  'could',
]);
const NOT_ENQUIRY_SECOND = new Set([
  'else',
  'anyone',
  'it',
  'this',
  'that',
  'they',
  'many',
  'come',
  'dare',
  'hard',
  'difficult',
]);

/**
 * The practice's own name ("Riverside") in the post — but not another business that shares the word
 * ("Riverside Fish Bar"): a capitalised word right after it that is not part of a practice's name.
 */
const practiceNameTokens = (input: RuleInput): Set<string> =>
  new Set(
    (input.context.practiceName ?? '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

function mentionsPracticeName(input: RuleInput): boolean {
  const { doc, practiceWords } = input;
  if (practiceWords.size === 0) return false;
  return doc.tokens.some((t) => {
    if (!practiceWords.has(t.text)) return false;
    if (doc.original[t.start - 1] === '@') return false; // a commenter's handle, not the practice
    const next = doc.tokens[t.index + 1];
    if (!next || next.sentence !== t.sentence) return true;
    if (practiceNameTokens(input).has(next.text)) return true; // "Harbour Lane" in "Harbour Lane Surgery"
    if (practiceWords.has(next.text) || PRACTICE_NAME_ENDINGS.has(next.text)) return true;
    // "Northgate park", "Riverside Fish Bar": the name of a place or another business.
    if (ELSEWHERE_AFTER_NAME.has(next.text)) return false;
    return !next.capitalised || doc.shouting;
  });
}
const ELSEWHERE_AFTER_NAME = new Set([
  'park',
  'road',
  'rd',
  'street',
  'lane',
  'avenue',
  'way',
  'arms',
  'bus',
  'buses',
  'station',
  'school',
  'primary',
  'academy',
  'college',
  'garden',
  'gardens',
  'shopping',
  'retail',
  'leisure',
  'library',
  'church',
  'pub',
  'bar',
  'cafe',
  'fc',
  'united',
  'town',
  'rovers',
  'walk',
  'river',
  'bridge',
  'estate',
  'market',
  'motors',
  'garage',
  'hotel',
  'fish',
  'chippy',
  'dental',
  'dentist',
  'dentists',
  'vets',
  'vet',
  'pharmacy',
]);
const PRACTICE_NAME_ENDINGS = new Set([
  'surgery',
  'practice',
  'medical',
  'health',
  'healthcare',
  'centre',
  'center',
  'group',
  'gp',
  'doctors',
  'clinic',
  'family',
]);

const MODALS = new Set(['can', 'could', 'would', 'may']);
const GREETINGS = new Set([
  'hi',
  'hello',
  'hiya',
  'morning',
  'afternoon',
  'evening',
  'please',
  'pls',
  'plz',
  'thanks',
]);

/**
 * "Can someone ring me", "…, can she call me back": a request starting with a modal must open its
 * clause; "So St Luke's can text me about flu jabs" is a statement, not a request.
 */
function opensRequest(doc: RuleInput['doc'], at: number): boolean {
  const token = doc.tokens[at];
  if (!token || !MODALS.has(token.text)) return true;
  const previous = doc.tokens[at - 1];
  if (!previous || previous.sentence !== token.sentence) return true;
  if (GREETINGS.has(previous.text) || doc.original[previous.start - 1] === '@') return true;
  const between = doc.original.slice(previous.end, token.start);
  return /[,;:\-–(]/.test(between);
}

const CASUAL_OPENERS = new Set(['can', 'could', 'is', 'are', 'does', 'do']);
const CASUAL_SECOND = new Set(['u', 'you', 'we', 'there']);
/** "Is there anything better than …", "do you know how lucky we are": rhetorical, not asked. */
const RHETORICAL_THIRD = new Set(['anything', 'nothing', 'no', 'know', 'ever', 'realise', 'realize']);

/** Where a sentence's question begins: past a leading @handle, a bracketed note, a greeting. */
function questionStart(doc: RuleInput['doc'], from: number, end: number): Token {
  const { tokens, original } = doc;
  let k = from;
  let bracket = false;
  while (k < end) {
    const token = tokens[k] as Token;
    const before = original[token.start - 1];
    if (before === '(' || before === '[') bracket = true;
    const closes = original[token.end] === ')' || original[token.end] === ']';
    if (
      bracket ||
      before === '@' ||
      GREETINGS.has(token.text) ||
      token.text === 'hiya' ||
      token.text === 'hey'
    ) {
      if (closes) bracket = false;
      k++;
      continue;
    }
    break;
  }
  return tokens[bracket ? from : k] as Token;
}

/** Question sentences that open like an enquiry ("Is there wheelchair access?"), not "anyone else …?". */
function questionSentences(input: RuleInput, complaintSentences: ReadonlySet<number>): Hit[] {
  const { doc } = input;
  const hits: Hit[] = [];
  // Casual posts often drop the question mark: with none in the post, a sentence that opens like a
  // question ("can u still get …", "do you do …") is read as one.
  const casual = doc.questions.size === 0;
  const groupSentences = new Set(
    input.hitsOf('service.asks_group').map((g) => (doc.tokens[g.first] as Token).sentence),
  );
  const { tokens } = doc;
  let k = 0;
  while (k < tokens.length && hits.length < MAX_QUESTIONS) {
    const opening = tokens[k] as Token;
    let end = k;
    while (end + 1 < tokens.length && (tokens[end + 1] as Token).sentence === opening.sentence) end++;
    k = end + 1;
    // The question proper starts after a handle, a bracketed note or a greeting: "@Practice are you
    // shut Thursday?", "(Nextdoor) Does …", "Hiya, is there …".
    const first = questionStart(doc, opening.index, end);
    const opensQuestion =
      doc.questions.has(first.sentence) ||
      (casual &&
        CASUAL_OPENERS.has(first.text) &&
        CASUAL_SECOND.has(tokens[first.index + 1]?.text ?? '') &&
        !RHETORICAL_THIRD.has(tokens[first.index + 2]?.text ?? ''));
    if (!opensQuestion || !ENQUIRY_OPENERS.has(first.text)) continue;
    if (complaintSentences.has(first.sentence)) continue; // "What is going on at …?" is a complaint
    if (groupSentences.has(first.sentence)) continue;
    const second = tokens[first.index + 1];
    if (
      second &&
      second.sentence === first.sentence &&
      NOT_ENQUIRY_SECOND.has(second.text) &&
      first.text !== 'how'
    )
      continue;
    const last = tokens[end] as Token;
    hits.push({
      category: 'enquiry',
      ruleId: 'enquiry.question',
      start: first.start,
      end: last.end,
      confidence: 0.6,
    });
  }
  return hits;
}

const STAFF_WORDS = new Set<string>([...WORD_LISTS.role, ...WORD_LISTS.rolePlural]);
const OBLIGATION = new Set(['have', 'has', 'got']);
const FUTURE_MODALS = new Set([
  'ill',
  'will',
  'might',
  'may',
  'would',
  'wed',
  'youll',
  'shell',
  'hell',
  'theyll',
  'gonna',
  'probably',
  'prob',
  'well',
]);

/** Trying to reach the practice: an access complaint even on a request. */
const CONTACT_WORDS = new Set([
  'reply',
  'replied',
  'response',
  'answer',
  'answered',
  'answering',
  'ringing',
  'rang',
  'rung',
  'ring',
  'calling',
  'called',
  'phoning',
  'phoned',
  'trying',
  'tried',
  'through',
  'heard',
  'hold',
  'engaged',
  'emailed',
  'chased',
  'chasing',
]);
/** A request is not refused by its own author: "Please don't message me". */
const REQUEST_NEGATIONS = new Set(['dont', 'never', 'doesnt', 'didnt', 'not', 'wont']);

/** Words that, as a whole sentence after a grievance, are sarcasm: "Lovely.", "Brilliant.", "Genius." */
const VERDICTS = new Set([
  'lovely',
  'brilliant',
  'great',
  'fab',
  'fantastic',
  'marvellous',
  'wonderful',
  'perfect',
  'charming',
  'superb',
  'classic',
  'genius',
  'nice',
  'splendid',
  'smashing',
  'lush',
  'cracking',
  'magic',
  'outstanding',
  'impressive',
  'super',
]);
const GRIEVANCE_CUES = new Set<string>([
  ...WORD_LISTS.negation,
  'nobody',
  'noone',
  'none',
  'without',
  'again',
]);

/**
 * A sentence that is only a praise word, right after a sentence with a grievance in it (a negation,
 * "nobody", "without", "again") or in a post already complaining: "No masks, no windows open. Lovely."
 */
function sarcasticVerdicts(doc: RuleInput['doc'], complaining: boolean): Hit[] {
  const { tokens } = doc;
  const hits: Hit[] = [];
  for (let k = 1; k < tokens.length && hits.length < MAX_QUESTIONS; k++) {
    const token = tokens[k] as Token;
    const previous = tokens[k - 1] as Token;
    const next = tokens[k + 1];
    if (!VERDICTS.has(token.text) || previous.sentence === token.sentence) continue;
    if (next !== undefined && next.sentence === token.sentence) continue;
    let grievance = complaining;
    for (let m = k - 1; m >= 0 && !grievance; m--) {
      const t = tokens[m] as Token;
      if (t.sentence !== previous.sentence) break;
      grievance = GRIEVANCE_CUES.has(t.text);
    }
    if (grievance)
      hits.push({
        category: 'complaint',
        ruleId: 'complaint.sarcasm',
        start: token.start,
        end: token.end,
        confidence: 0.6,
        first: k,
        last: k + 1,
      });
  }
  return hits;
}

const CONTRAST = new Set(['but', 'unlike', 'whereas', 'while', 'whilst', 'compared', 'except']);
const MAX_CLAUSE = 24;

/**
 * A practice word after another business in the same sentence, with no contrast between them ("the
 * vets were amazing, the nurse there…"), belongs to that business; "the dentist is awful but the
 * surgery is great" does not. Bounded to a short reach so the check stays cheap.
 */
function sameBusinessClause(tokens: readonly Token[], business: number, ref: number): boolean {
  const from = Math.min(business, ref);
  const to = Math.max(business, ref);
  if (to - from > MAX_CLAUSE) return false;
  const sentence = tokens[business]?.sentence;
  for (let k = from; k <= to; k++) {
    const token = tokens[k] as Token;
    if (token.sentence !== sentence || CONTRAST.has(token.text)) return false;
  }
  return true;
}

export const service: RuleFamily = {
  name: 'service',
  lists: SERVICE_LISTS,
  rules: SERVICE_RULES,
  derive: (input, direct) => {
    const { doc, context } = input;
    // Addressed to the practice: practice vocabulary or name, a member of staff, a review site, or a
    // request or threat aimed at it.
    const aboutPractice =
      input.hitsOf('service.practice_reference').length > 0 ||
      direct.some((h) => h.category === 'appointment_request') ||
      (input.found.get('threat') ?? []).length > 0 ||
      input.staff.length > 0 ||
      (input.found.get('identifies_staff') ?? []).length > 0 ||
      mentionsPracticeName(input) ||
      (context.platform !== undefined && REVIEW_PLATFORMS.has(context.platform));

    // complaint: its own vocabulary, or abuse/threats aimed at the practice or its staff.
    const negated = new Coverage(doc.tokens.length, input.hitsOf('complaint.negated'));
    const complaint = direct.filter(
      (h) =>
        h.category === 'complaint' &&
        (aboutPractice || h.ruleId === 'complaint.dissatisfaction') &&
        !negated.overlaps(h),
    );
    const aimed = input.hitsOf('complaint.aimed_at_practice').length > 0 || mentionsPracticeName(input);
    if (aimed) {
      for (const h of (input.found.get('abusive') ?? []).filter((a) => a.ruleId !== 'abusive.slur')) {
        complaint.push({
          ...h,
          category: 'complaint',
          ruleId: 'complaint.abuse_of_service',
          confidence: 0.6,
        });
      }
    }
    // "Calder Vale missed it.": the practice, by name, missed something.
    for (const h of input.hitsOf('complaint.missed_signal')) {
      const before = doc.tokens[h.first - 1];
      if (before && before.sentence === doc.tokens[h.first]?.sentence && input.practiceWords.has(before.text))
        complaint.push(hitFrom(h, 'complaint', 'complaint.dissatisfaction', 0.7));
    }
    // A one-word verdict after a grievance ("… no masks, no windows open. Lovely."): sarcasm.
    let sarcasm = aboutPractice ? sarcasticVerdicts(doc, complaint.length > 0) : [];
    const verdicts = new Coverage(doc.tokens.length, sarcasm as { first: number; last: number }[]);
    const praised = direct.some(
      (h) => h.category === 'feedback' && h.ruleId !== 'feedback.bare_thanks' && !verdicts.overlaps(h),
    );
    if (praised && complaint.length === 0) sarcasm = [];
    complaint.push(...sarcasm);

    // "Do I need to book …?" asks how to, it is not a request: drop hits right after do/does/did.
    const appointment = direct.filter((h) => {
      if (h.category !== 'appointment_request') return false;
      const at = h.first ?? 0;
      const sentence = doc.tokens[at]?.sentence;
      const asks = [doc.tokens[at - 1], doc.tokens[at - 2]].some(
        (t) => t !== undefined && t.sentence === sentence && QUESTION_AUX.has(t.text),
      );
      if (asks || !opensRequest(doc, at)) return false;
      // "I'll have to rebook", "might have to book": a statement of what will happen, not a request.
      const previous = doc.tokens[at - 1];
      if (
        OBLIGATION.has(doc.tokens[at]?.text ?? '') &&
        previous !== undefined &&
        previous.sentence === sentence &&
        FUTURE_MODALS.has(previous.text)
      )
        return false;
      // "Please don't message me", "they never ring me back": contact refused or missed, not asked for.
      if (h.ruleId === 'appointment_request.callback')
        for (let k = Math.max(0, at - 1); k < (h.last ?? at); k++)
          if (REQUEST_NEGATIONS.has(doc.tokens[k]?.text ?? '')) return false;
      return true;
    });
    // A request that says how long a thing has been awaited ("still waiting since January for his
    // referral, can someone look into it") is chasing, not complaining; failing to reach the practice
    // ("been ringing since Monday", "still no reply") stays a complaint.
    const contactSentences = new Set<number>();
    if (appointment.length > 0 && complaint.length > 0)
      for (const t of doc.tokens) if (CONTACT_WORDS.has(t.text)) contactSentences.add(t.sentence);
    const chasing = (h: Hit): boolean =>
      h.ruleId === 'complaint.access' && !contactSentences.has(doc.tokens[h.first ?? -1]?.sentence ?? -1);
    if (appointment.length > 0 && complaint.length > 0 && complaint.every(chasing)) complaint.length = 0;

    // enquiry: a question about the service, asked of the practice — a known question shape, or any
    // question sentence opening like an enquiry ("Is there …?", "Do you …?") in a post about the
    // practice that is not itself a request.
    const enquiry: Hit[] = [];
    // The practice's name used for another business ("Riverside Fish Bar") makes the post about that.
    const otherBusiness = !aboutPractice && doc.tokens.some((t) => input.practiceWords.has(t.text));
    const addressed =
      aboutPractice ||
      (!otherBusiness &&
        (input.hitsOf('service.addressed').length > 0 || input.hitsOf('enquiry.service_topic').length > 0));
    if (addressed) {
      for (const q of input.hitsOf('enquiry.service_question')) {
        const token = doc.tokens[q.first] as Token;
        const asked = doc.questions.size > 0 || QUESTION_STARTS.has(token.text);
        if (asked) enquiry.push(hitFrom(q, 'enquiry'));
      }
      if (enquiry.length === 0 && appointment.length === 0)
        enquiry.push(
          ...questionSentences(
            input,
            new Set(
              complaint
                .filter((h) => h.ruleId !== 'complaint.access')
                .map((h) => doc.tokens[h.first ?? -1]?.sentence ?? -1),
            ),
          ),
        );
    }

    // feedback: praise about the practice; a bare "thanks" on a request is only manners.
    let feedback = aboutPractice ? direct.filter((h) => h.category === 'feedback') : [];
    const cute = aboutPractice ? input.hitsOf('feedback.cute_signal') : [];
    if (
      cute.length > 0 &&
      (input.staff.length > 0 || doc.tokens.some((t) => STAFF_WORDS.has(t.text) && t.text !== 'team'))
    )
      for (const h of cute) feedback.push(hitFrom(h, 'feedback', 'feedback.praise', 0.7));
    const signOff = new Coverage(
      doc.tokens.length,
      appointment.length > 0 || enquiry.length > 0 ? input.hitsOf('service.sign_off_thanks') : [],
    );
    const negatedPraise = new Coverage(doc.tokens.length, input.hitsOf('feedback.negated'));
    feedback = feedback.filter((h) => !signOff.overlaps(h) && !negatedPraise.overlaps(h));
    if (appointment.length > 0 && feedback.every((h) => h.ruleId === 'feedback.thanks')) feedback = [];
    // A bare "thank you" on a request or a complaint is manners (or sarcasm), not feedback.
    if (appointment.length > 0 || complaint.length > 0 || enquiry.length > 0) {
      feedback = feedback.filter((h) => h.ruleId !== 'feedback.bare_thanks');
    }
    // Thanks on a complaint is usually sarcasm; only praise of something specific survives it.
    if (complaint.length > 0 && !feedback.some((h) => h.ruleId === 'feedback.praise')) feedback = [];
    // Sarcasm ("Oh brilliant, … Well done") is a complaint, not praise.
    if (input.hitsOf('service.sarcasm').length > 0 || sarcasm.length > 0) feedback = [];

    // About another business and not the practice: its complaints, praise and questions are not ours.
    // ("vet surgery", "the receptionist at the garage": practice words next to the business word are
    // the business's.)
    const business = input.hitsOf('service.other_business');

    const ourWords = input
      .hitsOf('service.practice_reference')
      .filter(
        (r) =>
          !business.some(
            (b) =>
              (r.first >= b.first - 3 && r.first <= b.last + 1) ||
              (r.first > b.last && sameBusinessClause(doc.tokens, b.first, r.first)),
          ),
      );
    const elsewhere =
      business.length > 0 &&
      ourWords.length === 0 &&
      !mentionsPracticeName(input) &&
      input.staff.length === 0;
    if (elsewhere) return [...appointment];
    return [...complaint, ...appointment, ...enquiry, ...feedback];
  },
};

// harm_indication: a sign of risk of harm to self or others — suicidal thoughts, self-harm, an
// overdose, a goodbye note; a child or vulnerable adult being hurt, neglected or frightened.
//
// Figurative death talk is not a sign of risk: "nearly died laughing", "dying for a brew",
// "where hope goes to die", "I'll probably be dead by then". Patterns name the act, the intent or
// the hopelessness, never "die"/"dead" alone.
//
// Safeguarding signs come in two strengths: a strong one (someone hits the kids, an adult is left
// with nobody checking on them) fires on its own; weaker ones (bruises, "scared of him", "who do I
// tell?") need two in the same post (see `derive` in classify.ts).

import type { PhraseRule } from '../phrases.js';
import { hitFrom, type RuleFamily } from './types.js';

export const HARM_LISTS = {
  dependant: [
    'kids',
    'kid',
    'children',
    'child',
    'son',
    'daughter',
    'baby',
    'brother',
    'sister',
    'toddler',
    'boy',
    'girl',
    'wife',
    'mum',
    'mother',
    'dad',
    'father',
    'nan',
    'grandad',
    'partner',
    'him',
    'her',
    'them',
    'one',
  ],
};

export const HARM_RULES: PhraseRule[] = [
  {
    id: 'harm_indication.suicidal',
    category: 'harm_indication',
    confidence: 0.9,
    patterns: [
      'kill|killing|end _1 myself',
      'end|ending my life',
      'end|ending it all',
      'thinking|thought|think _2 ending|end it',
      'thinking|thought|think _2 suicide|suicidal',
      'thinking|thought _2 killing myself',
      'wants|want|wanted|wanting|talking|talks|talked _3 end|ending it',
      'kill|killing himself|herself|themselves',
      'want|wanna|wanted to die $',
      'want|wanna|wanted to die _2 now|anymore|already',
      'better off dead',
      'everyone|everybody|they|you|world|family _2 better off $',
      'be better off without',
      'writing|written|wrote _2 letters|letter|note|notes _2 tonight|goodbye|everyone',
      'dont|cant|cannot|dont really see _2 point in|of anything|living|life|going on',
      'see no point|reason _2 living|anything|life',
      'better off without me',
      'suicid*',
      'no reason to live|left',
      'cant keep going $',
      'cant go|carry on $',
      'cant keep doing this|going',
      'cant see a|any way out',
      'whats|what is? the point _2 anymore|living|trying|anything',
      'whats|what is? the point $',
      'dont|didnt want to be here _1 anymore',
      'notice|care|miss me? _1 if i wasnt|werent here|around|alive',
      'nobody|noone would _2 notice|care|miss',
      'last video|post|message|tiktok probably? $',
      'goodbye _3 love you all|everyone',
      'love you all _2 goodbye',
      'sorry _2 goodbye',
      'ending it $',
      'cant|cannot do|take|cope|handle this|it _1 anymore|any',
      'cant cope $',
      'tonight is the night',
      'this is goodbye',
      'goodbye everyone|all|world',
      'sorry for everything',
      'take|taking my own life',
      'wont be here _2 tomorrow|much|long|by',
      'not be here _2 tomorrow|much|long',
      'no way out',
      'done with life|living|everything',
      'want|wanna|wanted to disappear',
      'end it tonight',
      'give up on life|living|everything',
      'nothing to live for',
    ],
  },
  {
    id: 'harm_indication.self_harm',
    category: 'harm_indication',
    confidence: 0.9,
    patterns: [
      'self harm*',
      'been|started|back|stopped|relapsed _2 cutting|harming|burning',
      'cutting|harming again',
      'cut|cuts|cutting|burn|burning my arms|wrists|legs|thighs|arm|wrist|skin',
      'relapsed',
      'selfharm*',
      'harming|harm|hurting|hurt|cutting|cut myself',
      'overdose|overdosed|od',
      'took|taken|take|swallowed _1 a|the? bunch|load|handful|lot|all _2 tablets|pills|meds',
      'saving|saved|stockpiling|hoarding _1 up? my|the? pills|tablets|meds',
      'stop|stopping|stopped taking my insulin|meds|medication|tablets|pills|@medicine',
      'havent|hasnt|not eaten|eating _2 days|week|weeks',
      'gonna|going _2 stop taking my',
    ],
  },
  {
    id: 'harm_indication.safeguarding',
    category: 'harm_indication',
    confidence: 0.85,
    patterns: [
      'hits|hitting|beats|beating|slaps|slapping|punches|kicks|hurts|hurting|abuses|abusing _1 the|his|her|their|my|them? @dependant',
      'locks|locked|locking _1 my|the|his|her? _2 @dependant _3 in|out',
      'nobody|noone checking|looking on|after him|her|them',
      'no food in the house',
      'left _2 on their|his|her own|alone _2 every|all night|day',
      'same clothes for days',
      'child|sexual|domestic abuse',
      'being abused|neglected|groomed',
    ],
  },
  {
    // Signal: weaker signs of risk; two in one post make a safeguarding concern.
    id: 'harm_indication.concern_sign',
    confidence: 0.7,
    patterns: [
      'bruise|bruises|bruised|bruising',
      'frightened|scared|terrified of? him|her|them',
      'hes|shes|theyre|is|are frightened|scared|terrified',
      'never|not _3 fed',
      'starving|hungry all the time',
      'always crying|screaming|hungry|dirty',
      'home|left alone',
      'drag|drags|dragged|dragging|grabbed|grabs|shakes|shook|smacked|smacks|slapped|slaps|hit|hits _1 him|her|them|the|his|my',
      'black eye|eyes',
      'marks|burns on _1 his|her|their',
      'social services',
      'screams|shouts|screaming|shouting|yells|yelling _1 at _1 her|his|their|the|those kids|children|child|baby|son|daughter',
      'things _1 being? thrown|smashed',
      'throwing|smashing things',
      'scared|worried|frightened|fear _1 for _2 them|him|her|kids|children|safety|life',
      'safeguarding',
      'scared|afraid|frightened to go home',
      'dirty _2 clothes|nappy|nappies',
      'shouts|screams|shouting|screaming at him|her|them',
      'dont|didnt know who to tell|ring|call',
      'who do i _1 report|tell|ring|call|contact',
      'what do|should i do $',
      'cant|cannot tell anyone',
      'left on their|his|her own|alone',
      'leaving|leaves|left him|her|them _3 for days',
      'had a fall',
      'discharged with nobody|noone',
      'neglect*',
    ],
  },
];

export const harm: RuleFamily = {
  name: 'harm_indication',
  lists: HARM_LISTS,
  rules: HARM_RULES,
  derive: (input, direct) => {
    // Two different weaker signs (bruises + "who do I tell?") make a safeguarding concern.
    const signs = input.hitsOf('harm_indication.concern_sign');
    const distinct = new Set(
      signs.map((sign) => input.doc.original.slice(sign.start, sign.end).toLowerCase()),
    );
    if (distinct.size < 2) return direct;
    return [
      ...direct,
      ...signs.map((sign) => hitFrom(sign, 'harm_indication', 'harm_indication.safeguarding_signs', 0.7)),
    ];
  },
};

// Finding people's names in a post, for the patient-identifiable rule. A name is a capitalised
// given name from a list of common UK first names followed by a capitalised surname ("Jean Carter"),
// or a title and a surname ("Mrs Okoro", "Mr Patel"). A capitalised pair that is not a given name
// ("Station Road", "Look North", "Middlesex University") is not a person.

import type { Doc, Token } from './normalise.js';

// Common given names in the UK across generations and communities (lower case). Not exhaustive:
// a name missing here only means a full name is not recognised without a title.
const FIRST_NAMES_TEXT = `
aaliyah aaron abdul abigail abdullah adam adrian agnes ahmed aidan aisha alan albert alex alexander alexandra
alfie alfred ali alice alicia alison amanda amber amelia amir amy andrea andrew andy angela angie ann anna
anne annie anthony archie arthur ashley audrey ava barbara barry beatrice becky ben benjamin bernard beryl
beth betty bev beverley bill billy bob bobby brandon brenda brian bridget bruce callum cameron carl carol
caroline carolyn catherine charles charlie charlotte chelsea cheryl chloe chris christine christopher claire
clare colin connor craig dan daniel danielle danny darren dave david dawn dean debbie deborah declan denise
dennis derek diana diane dom dominic don donald donna doreen dorothy doug douglas dylan eddie edith edward
eileen elaine eleanor elizabeth ella ellie emily emma eric ethan eve evelyn faisal fatima fiona florence
frances francesca frank freddie freya gail gareth gary gavin gemma geoff geoffrey george georgia gerald
gill gillian glen glenda gloria gordon grace graham grant greg gwen hamza hannah harold harriet harry hassan
hayley hazel heather helen henry hilary holly howard hugh ian imran irene isaac isabel isabella isla ivy
jack jackie jacob jade james jamie jan jane janet janice jasmine jason jean jeff jenny jeremy jess jessica
jill jim jimmy jo joan joanne joe joel john jon jonathan jordan joseph josh joshua joy joyce judith judy
julia julian julie june karen kate katherine kathleen kathryn katie kayleigh keith kelly ken kenneth kerry
kevin kieran kim kirsty kyle laura lauren leah lee leo leon les lesley leslie lewis liam lily linda lindsay
lisa liz lois lorraine louis louise lucy luke lydia lynn lynne maisie malcolm mandy margaret maria marian
marie marion martin mary matt matthew maureen max megan melanie michael michelle mick mike mildred millie
mo mohamed mohammed molly monica muhammad nadia nancy naomi natalie nathan neil nicola nicole nigel noah
norma norman olga oliver olivia oscar owen pam pamela pat patricia patrick paul pauline pearl peggy penny
peter phil philip phoebe phyllis poppy priya rachel rebecca reg reggie rhys richard rita rob robert robin ron ronnie roy
rose rosie ross ruby russell ruth ryan sally sam samantha samuel sandra sara sarah scott sean shane
sharon sheila shirley sian simon sonia sophie stacey stan stanley stella stephanie stephen steve steven
stewart stuart sue susan suzanne sylvia tanya ted teresa terry thomas tim timothy toby tom tommy tony
tracey tracy tyler valerie vanessa vera vicky victoria vincent violet wayne wendy william yasmin yvonne
zara zoe zainab
gladys doris ethel elsie mabel hilda edna iris nora norah marjorie muriel winifred enid sybil cyril percy
wilfred ernest herbert leonard walter frederick george maud dot dolly betty brenda gwen glenys megan
bronwen dai emrys iwan nia rhian siobhan aoife ciara niamh seamus padraig fergus hamish morag kirsty
ailsa iain angus moira fiona isobel raj ravi sunita anil deepak sanjay vijay priyanka pooja arjun rohan
kiran nisha anjali wei li chen mei ling jun hiro kwame kofi ade chidi ngozi emeka tunde femi yemi amara
tomasz piotr pawel agnieszka ewa magda kasia marek jan andrzej ionut andrei elena irina olga dmitri
yusuf omar hassan hussein khalid tariq bilal usman zain aliyah maryam amina safiya leila yasmin noor
harper willow evie esme ruby florence daisy matilda ivy rosie theo jaxon reuben finley harley riley
lola mia ava maisie summer amelia ellie millie isabelle darcy freddie teddy arlo rory ronnie stevie
jodie jodi jody shannon courtney kelsey leanne carly hollie abbie abby becca bethany chantelle demi reece
jake kane dale shaun karl marc bradley ashleigh danni nikki toni lynsey vicki shelley sadie tilly lexi
ollie mason kayden jayden logan ellis jenson harvey louie frankie bella maddie eliza imogen martha jessie
hattie annabel marlene lorna val clive trevor ray raymond geraldine rosemary josephine christina carole
jacqueline marilyn sunil rakesh ramesh suresh harpreet gurpreet manjit jaspreet simran parveen nasreen
shazia rubina asif imtiaz nadeem shahid zubair farhana chioma keeley kirsten mark maggie kath jen lyn tina gina nina lynda kathy cathy trish tricia
bernadette pete stu kev dave

`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(FIRST_NAMES_TEXT.split(/\s+/).filter(Boolean));

export const PERSON_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'master']);

/** Capitalised words that end a place name, not a surname. */
const PLACE_WORDS = new Set([
  'road',
  'rd',
  'street',
  'st',
  'lane',
  'ln',
  'close',
  'avenue',
  'ave',
  'drive',
  'dr',
  'way',
  'crescent',
  'place',
  'grove',
  'gardens',
  'terrace',
  'park',
  'square',

  'mews',
  'rise',
  'university',
  'school',
  'academy',
  'college',
  'hospital',
  'surgery',
  'centre',
  'center',
  'motors',
  'gazette',
  'town',
  'city',
  'united',
  'rovers',
  'grammar',
  'north',
  'south',
  'east',
  'west',
]);

export interface PersonName {
  /** Token range, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  kind: 'full' | 'titled' | 'given';
}

const capital = (doc: Doc, token: Token | undefined): boolean =>
  token !== undefined && (token.capitalised || doc.shouting) && token.text.length > 1;

/**
 * People named in the post: full names, titled surnames, and capitalised given names alone. Two rule
 * families ask for the same post's names, so the answer is kept on the post's Doc (under a private
 * symbol: it lives and goes with the Doc, and no post outlives its classification here).
 */
const NAMES = Symbol('personNames');
type DocWithNames = Doc & { [NAMES]?: PersonName[] };

export function findPersonNames(doc: Doc): PersonName[] {
  const known = (doc as DocWithNames)[NAMES];
  if (known) return known;
  const names: PersonName[] = [];
  (doc as DocWithNames)[NAMES] = names;
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const sameSentence = next !== undefined && next.sentence === token.sentence;
    if (sameSentence && PERSON_TITLES.has(token.text) && capital(doc, next)) {
      // "Mrs D. Whitaker" (an initial) is a signature; "Mrs Okoro" is a person.
      const third = tokens[i + 2];
      const withSurname =
        FIRST_NAMES.has(next.text) && capital(doc, third) && third?.sentence === token.sentence;
      const last = withSurname ? i + 3 : i + 2;
      const lastToken = tokens[last - 1] as Token;
      names.push({ first: i, last, start: token.start, end: lastToken.end, kind: 'titled' });
      i = last - 1;
      continue;
    }
    if (!token.capitalised || !FIRST_NAMES.has(token.text)) continue;
    if (sameSentence && capital(doc, next) && !PLACE_WORDS.has(next.text) && !PERSON_TITLES.has(next.text)) {
      names.push({ first: i, last: i + 2, start: token.start, end: next.end, kind: 'full' });
      i++;
      continue;
    }
    names.push({ first: i, last: i + 1, start: token.start, end: token.end, kind: 'given' });
  }
  return names;
}

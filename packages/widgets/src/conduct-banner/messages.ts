import type { Locale } from '../shared/i18n.js';

const en = {
  heading: 'Our code of conduct',
  message:
    'Please treat our staff and other patients with respect, in the surgery and online. Here is what we ask, and how we use social media.',
  show: 'Show our code of conduct',
  hide: 'Hide our code of conduct',
  dismiss: 'Dismiss',
  dismissHidden: ' this notice',
  intro: 'We ask everyone who uses {practice} to keep to the following.',
  policyLink: 'Read the full social media and conduct policy',
  lastReviewed: 'Last reviewed {date}',
  loading: 'Loading the code of conduct…',
  error: 'Sorry, the code of conduct could not be loaded. Please ask at reception.',
  dismissed: 'Code of conduct notice dismissed.',
  region: 'Code of conduct',
};

const cy: typeof en = {
  heading: 'Ein cod ymddygiad',
  message:
    'Byddwch yn barchus tuag at ein staff a chleifion eraill, yn y feddygfa ac ar-lein. Dyma beth rydym yn ei ofyn, a sut rydym yn defnyddio’r cyfryngau cymdeithasol.',
  show: 'Dangos ein cod ymddygiad',
  hide: 'Cuddio ein cod ymddygiad',
  dismiss: 'Cau',
  dismissHidden: '’r hysbysiad hwn',
  intro: 'Rydym yn gofyn i bawb sy’n defnyddio {practice} gadw at y canlynol.',
  policyLink: 'Darllen y polisi cyfryngau cymdeithasol ac ymddygiad llawn',
  lastReviewed: 'Adolygwyd ddiwethaf ar {date}',
  loading: 'Wrthi’n llwytho’r cod ymddygiad…',
  error: 'Mae’n ddrwg gennym, nid oedd modd llwytho’r cod ymddygiad. Gofynnwch yn y dderbynfa.',
  dismissed: 'Mae’r hysbysiad cod ymddygiad wedi’i gau.',
  region: 'Cod ymddygiad',
};

export type BannerMessages = typeof en;
export const BANNER_MESSAGES: Record<Locale, BannerMessages> = { 'en-GB': en, cy };

// The four UK nations run different NHS complaints routes (docs/complaints-by-nation.md cites each
// nation's official guidance). The practice's `nation` setting picks one: the complaint guide, the
// complaint templates and the public config all read it from here.

import type { Locale, Nation } from '../model/constants.js';

export interface Ombudsman {
  name: string;
  url: string;
  phone: string;
}

/** The complaint guide's words for one nation, in one locale. `{body}` is the local NHS body's name. */
export interface ComplaintRouteWords {
  /** The procedure's own name, as patients will meet it on official pages. */
  procedure: string;
  /** Heading for the alternative to complaining to the practice. */
  alternativeHeading: string;
  /** The alternative: who else takes the complaint ({body} is filled from the practice's settings). */
  alternativeText: string;
  /** The time limit in plain words. */
  timeLimit: string;
  /** When the practice acknowledges it. */
  acknowledgement: string;
  /** Who to turn to after the final response. */
  ombudsmanText: string;
  /** Free, independent help with a complaint. */
  support: string;
}

export interface NationComplaintsRoute {
  nation: Nation;
  /** The local NHS body a patient may complain to instead of the practice (England: the ICB). */
  localBody: { kind: 'icb' | 'health_board' | 'nhs_board' | 'sppg'; defaultName: Record<Locale, string> };
  /** Normally complained within this many months of the event or of becoming aware of it. */
  timeLimitMonths: number;
  /** The practice acknowledges a complaint within this many working days. */
  acknowledgeWithinWorkingDays: number;
  ombudsman: Ombudsman;
  /** Free, independent help with making a complaint. */
  advocacy: { name: string; url: string; phone?: string };
  /** The nation's own guidance on complaints, for the docs and the guide's "more" link. */
  guidanceUrl: string;
  /** Non-emergency urgent advice online (NHS 111 in England and Wales, NHS 24 in Scotland). */
  urgentAdviceUrl: string;
  words: Record<Locale, ComplaintRouteWords>;
}

export const COMPLAINTS_ROUTES: Readonly<Record<Nation, NationComplaintsRoute>> = {
  england: {
    nation: 'england',
    localBody: {
      kind: 'icb',
      defaultName: {
        'en-GB': 'your local Integrated Care Board (ICB)',
        cy: 'eich Bwrdd Gofal Integredig (ICB) lleol',
      },
    },
    timeLimitMonths: 12,
    acknowledgeWithinWorkingDays: 3,
    ombudsman: {
      name: 'Parliamentary and Health Service Ombudsman',
      url: 'https://www.ombudsman.org.uk',
      phone: '0345 015 4033',
    },
    advocacy: {
      name: 'NHS complaints advocacy (arranged by your local council)',
      url: 'https://www.nhs.uk/using-the-nhs/about-the-nhs/how-to-complain-to-the-nhs/',
    },
    guidanceUrl: 'https://www.nhs.uk/using-the-nhs/about-the-nhs/how-to-complain-to-the-nhs/',
    urgentAdviceUrl: 'https://111.nhs.uk',
    words: {
      'en-GB': {
        procedure: 'the NHS complaints procedure',
        alternativeHeading: 'Or complain to the ICB instead',
        alternativeText:
          'You can complain to {body}, which plans and pays for local NHS services, instead of the practice.',
        timeLimit:
          'Complain within 12 months of what happened, or of finding out about it. The limit can be waived if there is a good reason.',
        acknowledgement: 'The practice will acknowledge your complaint within 3 working days.',
        ombudsmanText:
          'If you are not happy with the final response, you can ask the Parliamentary and Health Service Ombudsman to look at your complaint.',
        support:
          'Free, independent help to make a complaint (NHS complaints advocacy) is arranged by your local council.',
      },
      cy: {
        procedure: 'trefn gwyno’r GIG',
        alternativeHeading: 'Neu gwyno i’r Bwrdd Gofal Integredig yn lle hynny',
        alternativeText:
          'Gallwch gwyno i {body}, sy’n cynllunio ac yn talu am wasanaethau lleol y GIG, yn lle’r feddygfa.',
        timeLimit:
          'Cwynwch o fewn 12 mis i’r hyn a ddigwyddodd, neu i chi ddod i wybod amdano. Gellir hepgor y terfyn os oes rheswm da.',
        acknowledgement: 'Bydd y feddygfa’n cydnabod eich cwyn o fewn 3 diwrnod gwaith.',
        ombudsmanText:
          'Os nad ydych yn fodlon â’r ymateb terfynol, gallwch ofyn i’r Ombwdsmon Seneddol a’r Gwasanaeth Iechyd (Parliamentary and Health Service Ombudsman) edrych ar eich cwyn.',
        support:
          'Mae eich cyngor lleol yn trefnu help annibynnol am ddim i wneud cwyn (eiriolaeth cwynion y GIG).',
      },
    },
  },
  wales: {
    nation: 'wales',
    localBody: {
      kind: 'health_board',
      defaultName: { 'en-GB': 'your local health board', cy: 'eich bwrdd iechyd lleol' },
    },
    timeLimitMonths: 12,
    acknowledgeWithinWorkingDays: 2,
    ombudsman: {
      name: 'Public Services Ombudsman for Wales',
      url: 'https://www.ombudsman.wales',
      phone: '0300 790 0203',
    },
    advocacy: { name: 'Llais', url: 'https://www.llaiscymru.org' },
    guidanceUrl: 'https://www.gov.wales/nhs-wales-complaints-and-concerns-putting-things-right',
    urgentAdviceUrl: 'https://111.wales.nhs.uk',
    words: {
      'en-GB': {
        procedure: 'Putting Things Right, the NHS Wales process for concerns and complaints',
        alternativeHeading: 'Or raise it with the health board instead',
        alternativeText: 'You can raise your concern with {body} instead of the practice.',
        timeLimit:
          'Raise your concern within 12 months of what happened, or of finding out about it. It can sometimes be looked at later, up to 3 years after.',
        acknowledgement: 'The practice will acknowledge your concern within 2 working days.',
        ombudsmanText:
          'If you are not happy with the final response, you can ask the Public Services Ombudsman for Wales to look at your complaint.',
        support:
          'Llais, the independent voice of people in Wales on health and social care, can help you raise a concern, free.',
      },
      cy: {
        procedure: 'Gweithio i Wella, proses GIG Cymru ar gyfer pryderon a chwynion',
        alternativeHeading: 'Neu codwch y mater gyda’r bwrdd iechyd yn lle hynny',
        alternativeText: 'Gallwch godi eich pryder gyda {body} yn lle’r feddygfa.',
        timeLimit:
          'Codwch eich pryder o fewn 12 mis i’r hyn a ddigwyddodd, neu i chi ddod i wybod amdano. Weithiau gellir edrych arno’n hwyrach, hyd at 3 blynedd wedyn.',
        acknowledgement: 'Bydd y feddygfa’n cydnabod eich pryder o fewn 2 ddiwrnod gwaith.',
        ombudsmanText:
          'Os nad ydych yn fodlon â’r ymateb terfynol, gallwch ofyn i Ombwdsmon Gwasanaethau Cyhoeddus Cymru edrych ar eich cwyn.',
        support:
          'Gall Llais, llais annibynnol pobl Cymru ym maes iechyd a gofal cymdeithasol, eich helpu i godi pryder, am ddim.',
      },
    },
  },
  scotland: {
    nation: 'scotland',
    localBody: {
      kind: 'nhs_board',
      defaultName: { 'en-GB': 'your NHS board', cy: 'eich bwrdd GIG' },
    },
    timeLimitMonths: 6,
    acknowledgeWithinWorkingDays: 3,
    ombudsman: {
      name: 'Scottish Public Services Ombudsman',
      url: 'https://www.spso.org.uk',
      phone: '0800 377 7330',
    },
    advocacy: {
      name: 'Patient Advice and Support Service (PASS)',
      url: 'https://www.pass-scotland.org.uk',
      phone: '0800 917 2127',
    },
    guidanceUrl:
      'https://www.nhsinform.scot/care-support-and-rights/health-rights/feedback-and-complaints/making-a-complaint-about-the-nhs',
    urgentAdviceUrl: 'https://www.nhs24.scot',
    words: {
      'en-GB': {
        procedure: 'the NHS Scotland complaints procedure',
        alternativeHeading: 'Or complain to the NHS board instead',
        alternativeText: 'You can complain to {body} instead of the practice.',
        timeLimit:
          'Complain within 6 months of what happened, or of finding out about it (and no later than 12 months after it happened). The limit can be waived if there is a good reason.',
        acknowledgement:
          'The practice will try to sort out a simple complaint within 5 working days; a complaint that needs investigating is acknowledged within 3 working days.',
        ombudsmanText:
          'If you are not happy with the final response, you can ask the Scottish Public Services Ombudsman to look at your complaint.',
        support:
          'The Patient Advice and Support Service (PASS) gives free, independent help with a complaint.',
      },
      cy: {
        procedure: 'trefn gwyno GIG yr Alban',
        alternativeHeading: 'Neu gwyno i fwrdd y GIG yn lle hynny',
        alternativeText: 'Gallwch gwyno i {body} yn lle’r feddygfa.',
        timeLimit:
          'Cwynwch o fewn 6 mis i’r hyn a ddigwyddodd, neu i chi ddod i wybod amdano (a dim hwyrach na 12 mis ar ôl iddo ddigwydd). Gellir hepgor y terfyn os oes rheswm da.',
        acknowledgement:
          'Bydd y feddygfa’n ceisio datrys cwyn syml o fewn 5 diwrnod gwaith; caiff cwyn y mae angen ymchwilio iddi ei chydnabod o fewn 3 diwrnod gwaith.',
        ombudsmanText:
          'Os nad ydych yn fodlon â’r ymateb terfynol, gallwch ofyn i Ombwdsmon Gwasanaethau Cyhoeddus yr Alban (Scottish Public Services Ombudsman) edrych ar eich cwyn.',
        support:
          'Mae’r Patient Advice and Support Service (PASS) yn rhoi help annibynnol am ddim gyda chwyn.',
      },
    },
  },
  northern_ireland: {
    nation: 'northern_ireland',
    localBody: {
      kind: 'sppg',
      defaultName: {
        'en-GB': 'the Department of Health’s Strategic Planning and Performance Group (SPPG)',
        cy: 'Grŵp Cynllunio Strategol a Pherfformiad (SPPG) yr Adran Iechyd',
      },
    },
    timeLimitMonths: 6,
    acknowledgeWithinWorkingDays: 3,
    ombudsman: {
      name: 'Northern Ireland Public Services Ombudsman',
      url: 'https://www.nipso.org.uk',
      phone: '0800 34 34 24',
    },
    advocacy: {
      name: 'Patient and Client Council',
      url: 'https://www.patientclientcouncil.hscni.net',
      phone: '0800 917 0222',
    },
    guidanceUrl: 'https://www.nidirect.gov.uk/articles/health-and-social-care-complaints-procedure',
    urgentAdviceUrl: 'https://www.nidirect.gov.uk/articles/gp-out-hours-service',
    words: {
      'en-GB': {
        procedure: 'the Health and Social Care (HSC) complaints procedure',
        alternativeHeading: 'Or ask the SPPG to help instead',
        alternativeText:
          'If you would rather not complain to the practice directly, {body} can act as a go-between (an “honest broker”) with the practice.',
        timeLimit:
          'Complain within 6 months of what happened, or of finding out about it (and no later than 12 months after it happened). The limit can be waived if there is a good reason.',
        acknowledgement:
          'The practice will acknowledge your complaint within 3 working days and normally answer it within 10 working days.',
        ombudsmanText:
          'If you are not happy with the final response, you can ask the Northern Ireland Public Services Ombudsman to look at your complaint.',
        support: 'The Patient and Client Council gives free, independent help with a complaint.',
      },
      cy: {
        procedure: 'trefn gwyno Iechyd a Gofal Cymdeithasol (HSC)',
        alternativeHeading: 'Neu gofynnwch i’r SPPG helpu yn lle hynny',
        alternativeText:
          'Os byddai’n well gennych beidio â chwyno’n uniongyrchol i’r feddygfa, gall {body} weithredu fel cyfryngwr (“honest broker”) gyda’r feddygfa.',
        timeLimit:
          'Cwynwch o fewn 6 mis i’r hyn a ddigwyddodd, neu i chi ddod i wybod amdano (a dim hwyrach na 12 mis ar ôl iddo ddigwydd). Gellir hepgor y terfyn os oes rheswm da.',
        acknowledgement:
          'Bydd y feddygfa’n cydnabod eich cwyn o fewn 3 diwrnod gwaith ac fel arfer yn ei hateb o fewn 10 diwrnod gwaith.',
        ombudsmanText:
          'Os nad ydych yn fodlon â’r ymateb terfynol, gallwch ofyn i Ombwdsmon Gwasanaethau Cyhoeddus Gogledd Iwerddon (Northern Ireland Public Services Ombudsman) edrych ar eich cwyn.',
        support: 'Mae’r Patient and Client Council yn rhoi help annibynnol am ddim gyda chwyn.',
      },
    },
  },
};

/** The complaints route for a nation (England when none is set). */
export const complaintsRoute = (nation: Nation | undefined): NationComplaintsRoute =>
  COMPLAINTS_ROUTES[nation ?? 'england'];

/** Urgent help: always shown, whatever the practice configures. */
export const URGENT_HELP = {
  nhs111Phone: '111',
  nhs111Url: 'https://111.nhs.uk',
  emergencyPhone: '999',
} as const;

import type { Category, Locale, Severity } from '@policy/core';

// How the form names each category and says why it matters, in plain words. Bundled with the
// classifier chunk: it is only shown next to a classification.

export const SEVERITY_LABELS: Record<Locale, Record<Severity, string>> = {
  'en-GB': { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  cy: { low: 'Isel', medium: 'Canolig', high: 'Uchel', critical: 'Difrifol iawn' },
};

/** Category names and the plain-language reason the policy cares, shown beside the matched words. */
export const CATEGORY_TEXT: Record<Locale, Record<Category, { name: string; why: string }>> = {
  'en-GB': {
    complaint: {
      name: 'Complaint',
      why: 'Unhappy with care or service. Do not argue in public; offer the complaints procedure privately.',
    },
    appointment_request: {
      name: 'Appointment or prescription request',
      why: 'Asks to book, cancel or for results over social media. Point them to the NHS App, online consultation or phone.',
    },
    enquiry: {
      name: 'General question',
      why: 'A non-clinical question that may be answered in business hours.',
    },
    feedback: {
      name: 'Feedback',
      why: 'Praise or neutral feedback. Thank them and point to NHS website reviews.',
    },
    clinical_disclosure: {
      name: 'Medical details shared',
      why: 'The author shares their own or a relative’s medical details. Never reply with clinical information.',
    },
    identifies_staff: {
      name: 'Names a member of staff',
      why: 'An individual member of staff can be identified. They and the manager should be told.',
    },
    abusive: {
      name: 'Abusive',
      why: 'Insulting, harassing, obscene or profane language. Save the evidence before it is removed.',
    },
    misinformation: {
      name: 'False health information',
      why: 'Health claims that are not true, for example about vaccines.',
    },
    patient_identifiable: {
      name: 'Another patient can be identified',
      why: 'Details that identify another patient (name with a condition, NHS number, date of birth, address).',
    },
    defamatory: {
      name: 'Possibly defamatory',
      why: 'A factual allegation of wrongdoing (fraud, negligence, crime). Do not engage publicly.',
    },
    recording: {
      name: 'Photo or recording',
      why: 'A photo, video or audio recording of staff or patients at the practice.',
    },
    discriminatory: {
      name: 'Discriminatory',
      why: 'Hateful content about race, religion, disability, sex, sexuality or another protected characteristic.',
    },
    threat: {
      name: 'Threat',
      why: 'A threat of violence or harm to staff, patients or the premises. Tell the manager now.',
    },
    harm_indication: {
      name: 'Risk of harm',
      why: 'A sign that someone may harm themselves or others, or that a child is at risk. This needs safeguarding now.',
    },
  },
  cy: {
    complaint: {
      name: 'Cwyn',
      why: 'Anfodlon â’r gofal neu’r gwasanaeth. Peidiwch â dadlau’n gyhoeddus; cynigiwch y weithdrefn gwyno yn breifat.',
    },
    appointment_request: {
      name: 'Cais am apwyntiad neu bresgripsiwn',
      why: 'Gofyn am drefnu, canslo neu am ganlyniadau ar y cyfryngau cymdeithasol. Cyfeiriwch nhw at Ap GIG, ymgynghori ar-lein neu’r ffôn.',
    },
    enquiry: {
      name: 'Cwestiwn cyffredinol',
      why: 'Cwestiwn anghlinigol y gellir ei ateb yn ystod oriau gwaith.',
    },
    feedback: {
      name: 'Adborth',
      why: 'Canmoliaeth neu adborth niwtral. Diolchwch iddyn nhw a’u cyfeirio at adolygiadau ar wefan y GIG.',
    },
    clinical_disclosure: {
      name: 'Manylion meddygol wedi’u rhannu',
      why: 'Mae’r awdur yn rhannu ei fanylion meddygol ei hun neu fanylion perthynas. Peidiwch byth ag ateb gyda gwybodaeth glinigol.',
    },
    identifies_staff: {
      name: 'Yn enwi aelod o staff',
      why: 'Mae modd adnabod aelod unigol o staff. Dylid dweud wrthyn nhw ac wrth y rheolwr.',
    },
    abusive: {
      name: 'Sarhaus',
      why: 'Iaith sarhaus, aflonyddus, anweddus neu gableddus. Cadwch y dystiolaeth cyn iddi gael ei thynnu.',
    },
    misinformation: {
      name: 'Gwybodaeth iechyd anghywir',
      why: 'Honiadau iechyd nad ydyn nhw’n wir, er enghraifft am frechlynnau.',
    },
    patient_identifiable: {
      name: 'Mae modd adnabod claf arall',
      why: 'Manylion sy’n adnabod claf arall (enw gyda chyflwr, rhif GIG, dyddiad geni, cyfeiriad).',
    },
    defamatory: {
      name: 'Difenwol o bosibl',
      why: 'Honiad ffeithiol o gamymddwyn (twyll, esgeulustod, trosedd). Peidiwch ag ymateb yn gyhoeddus.',
    },
    recording: {
      name: 'Llun neu recordiad',
      why: 'Llun, fideo neu recordiad sain o staff neu gleifion yn y feddygfa.',
    },
    discriminatory: {
      name: 'Gwahaniaethol',
      why: 'Cynnwys atgas am hil, crefydd, anabledd, rhyw, rhywioldeb neu nodwedd warchodedig arall.',
    },
    threat: {
      name: 'Bygythiad',
      why: 'Bygythiad o drais neu niwed i staff, cleifion neu’r adeilad. Dywedwch wrth y rheolwr nawr.',
    },
    harm_indication: {
      name: 'Perygl o niwed',
      why: 'Arwydd y gallai rhywun niweidio ei hun neu eraill, neu fod plentyn mewn perygl. Mae angen diogelu nawr.',
    },
  },
};

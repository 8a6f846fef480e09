/**
 * Meta's use of Facebook and Instagram data to train its AI models in the EU
 * and EEA, as data: the same engine as LinkedIn's policy, no code of its own.
 * Sources and readings: POLICY.md, last section.
 */
import { builtIn } from './checked'
import { englishReasons, englishWords } from './texts-en'
import { euCountries, zonesTzdbLacks } from './geography'

const NEWSROOM = 'meta-newsroom-2025-04-14'

/**
 * Meta AI training in the EU and EEA, deeply frozen: from 2025-05-27, public
 * posts and comments of adult accounts and interactions with Meta AI, with an
 * objection form that lasts. Countries outside the EU and EEA are answered
 * `undetermined`: this policy says nothing about them.
 *
 * @example
 * metaAiEu.regions.EU.timeline[0]?.start //=> '2025-05-27'
 */
export const metaAiEu = /* @__PURE__ */ builtIn({
  id: 'meta-ai-eu',
  version: '2026-12-07',
  title: "Meta: Facebook and Instagram data used to train Meta's AI models in the EU and EEA",
  sources: {
    'meta-newsroom-2025-04-14': {
      title: 'Meta newsroom, "Making AI Work Harder for Europeans", 14 Apr 2025',
      url: 'https://about.fb.com/news/2025/04/making-ai-work-harder-for-europeans/',
      retrieved: '2026-12-07',
      where: 'about.fb.com',
      note: 'The address as others cite it, with its title; the page itself was not returned by the search tool',
    },
    'dpc-2025-05-21': {
      title: 'Irish Data Protection Commission statement on Meta AI training, 21 May 2025',
      url: 'https://www.dataprotection.ie/en/news-media/latest-news/dpc-statement-meta-ai',
      retrieved: '2026-12-07',
      where: 'dataprotection.ie',
    },
    'olg-koeln-2025-05-23': {
      title: 'OLG Köln, 15 UKl 2/25, 23 May 2025: an injunction against the training refused',
      url: 'https://www.cbh.de/news/geistiges-eigentum-medien-it/ki-training-mit-social-media-daten-zulaessig/',
      retrieved: '2026-12-07',
      where: 'a law firm\'s report of the judgment',
      note: 'A secondary source: the court\'s own text or press release was not found by the search tool',
    },
    'meta-objection-form': {
      title: "Meta's objection form for AI training (Instagram; Facebook has its own)",
      url: 'https://help.instagram.com/contact/767264225370182',
      retrieved: '2026-12-07',
      where: 'in-app, per account: Privacy Centre',
      note: 'The address as a public source list gives it; the form itself was not returned by the search tool',
    },
  },
  regions: {
    EU: {
      name: 'European Union',
      countries: euCountries,
      note: 'The 27 member states with their outermost regions (GF, GP, MQ, RE, YT, MF) and Åland (AX)',
      source: NEWSROOM,
      timeline: [{ id: '2025-eu', start: '2025-05-27', end: null, certainty: 'stated', source: NEWSROOM, note: 'legal basis legitimate interest; not stopped by the DPC or by OLG Köln' }],
    },
    EEA: {
      name: 'European Economic Area outside the EU',
      countries: ['IS', 'LI', 'NO'],
      source: NEWSROOM,
      timeline: [{ id: '2025-eu', start: '2025-05-27', end: null, certainty: 'stated', source: NEWSROOM }],
    },
  },
  outside: { answer: 'undetermined', note: "Meta's use outside the EU and EEA is not modelled by this policy", source: NEWSROOM },
  territories: {
    FO: { note: 'Faroe Islands (Denmark): outside the EU and the EEA', source: NEWSROOM },
    GL: { note: 'Greenland (Denmark): outside the EU and the EEA', source: NEWSROOM },
    SJ: { note: 'Svalbard and Jan Mayen (Norway): the EEA Agreement does not apply', source: NEWSROOM },
  },
  zones: /* @__PURE__ */ zonesTzdbLacks(NEWSROOM),
  age: {
    adultAge: 18,
    source: NEWSROOM,
    secondarySchool: { note: 'Public data of accounts of under-18s is not used', source: NEWSROOM },
  },
  channels: {
    'objection-form': {
      name: 'Meta AI training objection form',
      where: 'Facebook and Instagram: Privacy Centre > objection form (per account)',
      covers: "Meta's AI models",
      reversible: false,
      lasts: true,
      source: 'meta-objection-form',
    },
  },
  categories: {
    'public-post': { used: true, description: 'Public posts of adult accounts', source: NEWSROOM },
    'public-comment': { used: true, description: 'Public comments of adult accounts', source: NEWSROOM },
    'meta-ai-interaction': { used: true, description: 'Interactions with Meta AI: questions and prompts, in WhatsApp too', source: NEWSROOM },
    'private-message': { used: false, description: 'Private messages', source: NEWSROOM },
    'whatsapp-message': { used: false, description: 'WhatsApp messages', source: NEWSROOM },
    'minor-public-data': { used: false, description: 'Public data of accounts of under-18s', source: NEWSROOM },
  },
  texts: {
    en: {
      reasons: englishReasons,
      words: englishWords,
      answers: {
        covered: "Meta uses your public Facebook and Instagram data to train its AI models.",
        undetermined: 'It depends on facts not given or not public (see "Why").',
        'not-yet': "Meta will use your public Facebook and Instagram data to train its AI models.",
        never: 'None of your data is used to train these models.',
        'no-longer': 'Your data is not used now; data from a window of use may remain in models trained then.',
        outside: 'This policy covers the EU and EEA only: it says nothing about your country.',
      },
      advice: {
        'objection-form': 'Object with the form in Facebook\'s or Instagram\'s Privacy Centre, for each account: it stops use going forward, and it lasts.',
        general: 'An objection stops use going forward; training already done is not undone.',
      },
    },
  },
})

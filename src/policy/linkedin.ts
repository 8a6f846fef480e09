/**
 * LinkedIn's use of member data to train content-generating AI models, as
 * data. Sources and readings: POLICY.md; every rule names its source id.
 */
import { builtIn } from './checked'
import { englishReasons, englishWords } from './texts-en'
import { euCountries, zonesTzdbLacks } from './geography'

const FAQ = 'linkedin-faq-2025'
const ERPN = 'linkedin-erpn-2025'
const NOT_FOUND = "No page found by this project's search tool: cited as POLICY.md records it"

/** The 2025 phase, the same in each of the six regions it started in. */
const sixRegions = (source: string) =>
  ({
    id: '2025-six-regions',
    start: '2025-11-03',
    end: null,
    certainty: 'stated',
    source,
    lookback: { note: 'the Irish DPC says LinkedIn limited how far back it reaches; the cut-off date is not public', source: 'dpc-2025-11' },
  }) as const

const global2024 = { id: '2024-global', start: '2024-09-18', note: 'the date of the privacy policy that added AI training; use may have begun earlier' } as const

/**
 * LinkedIn's generative-AI training policy, deeply frozen: on since 2024-09-18
 * outside Europe (in Canada and Hong Kong until their regulators got pauses,
 * possibly in the UK for two days), in the EU, EEA, Switzerland, the UK,
 * Canada and Hong Kong since 2025-11-03. Pass a changed copy as
 * `options.policy` to evaluate another reading.
 *
 * @example
 * linkedinGenAi.regions.HK.timeline.map((phase) => phase.id) //=> ['2024-global', '2025-six-regions']
 */
export const linkedinGenAi = /* @__PURE__ */ builtIn({
  id: 'linkedin-genai',
  version: '2026-12-07',
  title: "LinkedIn: members' data used to train content-generating AI models",
  sources: {
    'linkedin-faq-2025': {
      title: 'LinkedIn notice "Updates to our terms" / Generative AI FAQ (Sept 2025)',
      url: 'https://www.linkedin.com/help/linkedin/answer/a8059228',
      retrieved: '2026-12-07',
      where: 'LinkedIn Help, Generative AI FAQ (quoted by the press, Sept 2025)',
      quote: "For members in the EU, EEA, Switzerland, Canada, and Hong Kong, on November 3, 2025, we'll start to use some data from members in these regions to train content-generating AI models ... We rely on legitimate interest ... You can opt out anytime in your settings",
      note: 'The page as cited by others; the quoted wording was seen in press coverage',
    },
    'linkedin-erpn-2025': {
      title: 'European Regional Privacy Notice, effective 3 Nov 2025 (EU/EEA/CH and the UK)',
      url: 'https://raw.githubusercontent.com/OpenTermsArchive/pga-versions/main/LinkedIn/Privacy%20Policy.md',
      retrieved: '2026-12-07',
      where: 'linkedin.com/legal/privacy-policy (archived by Open Terms Archive)',
      quote: 'To train our content-generating Generative AI systems (legal basis: legitimate interest)',
      note: "Open Terms Archive's copy of linkedin.com/legal/privacy-policy as of 3 Nov 2025",
    },
    'ico-2025-09-23': {
      title: 'UK ICO statement on changes to LinkedIn AI data policy (updated 23 Sept 2025)',
      url: 'https://cy.ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/our-statement-on-changes-to-linkedin-ai-data-policy',
      retrieved: '2026-12-07',
      where: 'ico.org.uk',
      quote: 'LinkedIn has now taken the decision to resume its plans ... inform UK users and commence processing in the coming weeks',
      note: "Found on the ICO's cy. host; the page holds the 2024 statement and its 2025 update",
    },
    'linkedin-pp-2024': {
      title: 'Global Privacy Policy, effective 18 Sept 2024',
      url: 'https://www.linkedin.com/legal/privacy-policy',
      retrieved: '2026-12-07',
      where: 'linkedin.com/legal/privacy-policy (Open Terms Archive); press (404 Media, Sept 2024)',
      quote: 'develop and train artificial intelligence (AI) models',
      note: 'This address now shows the current policy, not the text of 18 Sept 2024',
    },
    'ico-2024-09-20': {
      title: 'UK ICO statement on changes to LinkedIn AI data policy (first version, 20 Sept 2024)',
      url: 'https://cy.ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/our-statement-on-changes-to-linkedin-ai-data-policy',
      retrieved: '2026-12-07',
      where: 'ico.org.uk',
      quote: "We welcome LinkedIn's confirmation that it has suspended such model training pending further engagement with the ICO",
      note: "Found on the ICO's cy. host, under 'Previous statement - 20 September 2024'",
    },
    'pcpd-2024-10-15': {
      title: 'Hong Kong PCPD media statement, 15 Oct 2024',
      url: 'https://pcpd.org.hk/english/news_events/media_statements/press_20241015.html',
      retrieved: '2026-12-07',
      where: 'pcpd.org.hk, press_20241015',
      quote: "has paused any use of Hong Kong users' personal data for such purposes as of 11 October 2024",
    },
    'opc-2024-12-10': {
      title: 'Office of the Privacy Commissioner of Canada news release, 10 Dec 2024',
      url: 'https://priv.gc.ca/en/opc-news/news-and-announcements/2024/nr-c_241210b',
      retrieved: '2026-12-07',
      where: 'priv.gc.ca, nr-c_241210b',
      quote: 'has temporarily paused the practice',
    },
    'press-2024-10-15': {
      title: "Hong Kong Free Press, 15 Oct 2024, quoting LinkedIn's FAQ of that day",
      url: 'https://hongkongfp.com:443/2024/10/15/linkedin-suspends-ai-training-using-hong-kong-users-personal-data-privacy-watchdog-says',
      retrieved: '2026-12-07',
      where: 'hongkongfp.com',
      quote: 'does not currently train content-generating AI models from members located in the EU, EEA, the UK, Switzerland, or Hong Kong',
      note: "Seen only inside a web archive's address",
    },
    'dpc-2025-11': {
      title: 'Irish Data Protection Commission statement on LinkedIn (Nov 2025)',
      url: 'https://www.dataprotection.ie/en/news-media/latest-news/dpc-statement-linkedin-ai-training',
      retrieved: '2026-12-07',
      where: 'dataprotection.ie; press (Nov 2025)',
      note: 'Seen only as a citation in a third-party document; the DPC page itself was not returned by the search tool',
    },
    'garante-2025-10-28': {
      title: 'Italian Garante factsheet on LinkedIn AI training, 28 Oct 2025',
      url: 'https://gpdp.it/home/docweb/-/docweb-display/docweb/10183919',
      retrieved: '2026-12-07',
      where: 'garanteprivacy.it',
      note: 'Seen only as the source a third-party page cites (the press release); the factsheet itself was not found',
    },
    'linkedin-setting-faq': {
      title: 'LinkedIn Help a6278444: the Data for Generative AI Improvement setting',
      url: 'https://www.linkedin.com/help/linkedin/answer/a6278444',
      retrieved: '2026-12-07',
      where: 'LinkedIn Help a6278444',
      quote: "Turning the setting off means that we ... won't use the data and content you provided to LinkedIn to train models that generate content going forward. Opting out does not affect training that has already taken place.",
    },
    'linkedin-objection-form': {
      title: 'LinkedIn Data Processing Objection form',
      url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO',
      retrieved: '2026-12-07',
      where: 'linkedin.com/help/linkedin/ask/TS-DPRO',
      quote: 'training generative AI models that do not generate content or ... other AI or machine learning models',
      note: 'Seen as text in a forum post; the form page itself was not returned',
    },
    'linkedin-minors': {
      title: 'LinkedIn Generative AI FAQ: members under 18',
      url: 'https://www.linkedin.com/help/linkedin/answer/a5538339',
      retrieved: '2026-12-07',
      where: 'LinkedIn Help, Generative AI FAQ',
      quote: 'If we have reason to believe that you could be under 18 ... your data will not be used to train content generating AI models, even if your setting appears turned on',
      note: "The FAQ's address as others cite it; that the under-18 wording is on this page is not confirmed",
    },
    'linkedin-ua-2025': {
      title: 'User Agreement, effective 3 Nov 2025: Minimum Age 16',
      url: 'https://www.linkedin.com/legal/user-agreement',
      retrieved: '2026-12-07',
      where: 'linkedin.com/legal/user-agreement',
      note: "The quote is from Open Terms Archive's copy, effective 3 Nov 2025",
    },
    'press-2025': {
      title: "Press coverage of LinkedIn's Nov 2025 change (Sept 2025), listing data not used",
      url: null,
      where: 'press, Sept 2025',
      note: NOT_FOUND,
    },
  },
  regions: {
    EU: {
      name: 'European Union',
      countries: euCountries,
      note: 'The 27 member states with their outermost regions (GF, GP, MQ, RE, YT, MF) and Åland (AX)',
      source: FAQ,
      timeline: [sixRegions(FAQ)],
    },
    EEA: { name: 'European Economic Area outside the EU', countries: ['IS', 'LI', 'NO'], source: FAQ, timeline: [sixRegions(FAQ)] },
    CH: { name: 'Switzerland', countries: ['CH'], source: FAQ, timeline: [sixRegions(FAQ)] },
    CA: {
      name: 'Canada',
      countries: ['CA'],
      source: FAQ,
      timeline: [
        {
          ...global2024,
          end: { earliest: '2024-10-16', latest: '2024-12-10' },
          certainty: 'reported',
          source: 'press-2024-10-15',
          endSource: 'opc-2024-12-10',
          note: 'still in use on 2024-10-15 (press-2024-10-15); paused on a day not made public, announced on 2024-12-10 (opc-2024-12-10)',
        },
        sixRegions(FAQ),
      ],
    },
    HK: {
      name: 'Hong Kong',
      countries: ['HK'],
      source: FAQ,
      timeline: [
        { ...global2024, end: '2024-10-11', certainty: 'reported', source: 'linkedin-pp-2024', endSource: 'pcpd-2024-10-15', note: 'paused "as of 11 October 2024" (pcpd-2024-10-15)' },
        sixRegions(FAQ),
      ],
    },
    UK: {
      name: 'United Kingdom',
      countries: ['GB'],
      note: 'Covered by the European notice; the ICO confirmed the resumption',
      source: ERPN,
      timeline: [
        {
          ...global2024,
          end: '2024-09-20',
          certainty: 'possible',
          source: 'ico-2024-09-20',
          note: 'LinkedIn\'s revision of 18 Sept 2024 says it was "not enabling training" for the UK; the ICO says it "suspended" it: whether any UK data was used is unknown',
        },
        sixRegions('ico-2025-09-23'),
      ],
    },
    ROW: {
      name: 'Rest of the world',
      countries: [],
      note: 'Every code no other region lists',
      source: 'linkedin-pp-2024',
      timeline: [{ ...global2024, end: null, certainty: 'reported', source: 'linkedin-pp-2024' }],
    },
  },
  outside: { region: 'ROW' },
  territories: {
    JE: { note: 'Jersey, a Crown Dependency: LinkedIn does not say whether it counts as the UK', alsoReadAs: 'UK', source: ERPN },
    GG: { note: 'Guernsey, a Crown Dependency: LinkedIn does not say whether it counts as the UK', alsoReadAs: 'UK', source: ERPN },
    IM: { note: 'Isle of Man, a Crown Dependency: LinkedIn does not say whether it counts as the UK', alsoReadAs: 'UK', source: ERPN },
    FO: { note: 'Faroe Islands (Denmark): outside the EU and the EEA', source: FAQ },
    GL: { note: 'Greenland (Denmark): outside the EU and the EEA', source: FAQ },
    SJ: { note: 'Svalbard and Jan Mayen (Norway): the EEA Agreement does not apply', source: FAQ },
    BV: { note: 'Bouvet Island (Norway): the EEA Agreement does not apply', source: FAQ },
    PF: { note: 'French Polynesia: an overseas country and territory, outside the EU', source: FAQ },
    NC: { note: 'New Caledonia: an overseas country and territory, outside the EU', source: FAQ },
    WF: { note: 'Wallis and Futuna: an overseas country and territory, outside the EU', source: FAQ },
    PM: { note: 'Saint Pierre and Miquelon: an overseas country and territory, outside the EU', source: FAQ },
    BL: { note: 'Saint Barthélemy: an overseas country and territory, outside the EU', source: FAQ },
    TF: { note: 'French Southern Territories: an overseas country and territory, outside the EU', source: FAQ },
    AW: { note: 'Aruba (Netherlands): outside the EU', source: FAQ },
    CW: { note: 'Curaçao (Netherlands): outside the EU', source: FAQ },
    SX: { note: 'Sint Maarten (Netherlands): outside the EU', source: FAQ },
    BQ: { note: 'Bonaire, Sint Eustatius and Saba (Netherlands): outside the EU', source: FAQ },
    GI: { note: 'Gibraltar: a UK overseas territory, not the UK', source: ERPN },
    MO: { note: 'Macao is not Hong Kong', source: FAQ },
    AD: { note: 'Andorra: outside the EU and the EEA', source: FAQ },
    MC: { note: 'Monaco: outside the EU and the EEA', source: FAQ },
    SM: { note: 'San Marino: outside the EU and the EEA', source: FAQ },
    VA: { note: 'Vatican City: outside the EU and the EEA', source: FAQ },
    XK: { note: 'Kosovo: outside the EU and the EEA', source: FAQ },
  },
  zones: /* @__PURE__ */ zonesTzdbLacks(FAQ),
  age: {
    adultAge: 18,
    source: 'linkedin-minors',
    secondarySchool: {
      note: 'Where LinkedIn has reason to believe the member is under 18, their data is not used, whatever their setting',
      source: 'linkedin-minors',
    },
  },
  channels: {
    setting: {
      name: 'Data for Generative AI Improvement',
      where: 'Settings & Privacy > Data privacy > Data for Generative AI Improvement',
      covers: 'content-generating AI models',
      reversible: true,
      lasts: true,
      source: 'linkedin-setting-faq',
    },
    'objection-form': {
      name: 'Data Processing Objection form',
      where: 'linkedin.com/help/linkedin/ask/TS-DPRO',
      covers: 'content-generating and all other AI and machine-learning models',
      reversible: false,
      lasts: true,
      source: 'linkedin-objection-form',
    },
  },
  categories: {
    profile: {
      used: true,
      description: 'Name, photo, position, experience, education, location, skills, summary, certifications, publications, patents, endorsements, recommendations',
      source: ERPN,
    },
    content: { used: true, description: 'Posts, articles, poll responses, contributions, comments', source: ERPN },
    'group-activity': { used: true, description: 'Group activity and group messages', source: ERPN },
    'genai-interaction': {
      used: true,
      description: "Prompts, queries, chats, inputs and outputs of LinkedIn's generative-AI features",
      source: ERPN,
    },
    resume: { used: true, description: 'Resumes and screening answers saved for ongoing use, not tied to one application', source: ERPN },
    feedback: { used: true, description: "Feedback given on LinkedIn's features, including its AI features", source: ERPN },
    'private-message': { used: false, description: 'Private messages', source: FAQ },
    'job-application': { used: false, description: 'Data tied to a specific job application', source: FAQ },
    salary: { used: false, description: 'Member-attributable salary data', source: FAQ },
    credentials: { used: false, description: 'Login credentials', source: 'press-2025' },
    payment: { used: false, description: 'Payment methods', source: 'press-2025' },
  },
  texts: {
    en: {
      reasons: englishReasons,
      words: englishWords,
      answers: {
        covered: 'LinkedIn uses your data to train its content-generating AI models.',
        undetermined: 'It depends on facts not given or not public (see "Why").',
        'not-yet': 'LinkedIn will use your data to train its content-generating AI models.',
        never: 'None of your data is used to train these models.',
        'no-longer': 'Your data is not used now; data from a window of use may remain in models trained then.',
        outside: 'This policy says nothing about your country.',
      },
      advice: {
        setting: 'Turn off "Data for Generative AI Improvement" (Settings & Privacy > Data privacy): it stops use for content-generating AI models going forward; you can turn it on again.',
        'objection-form': 'File the Data Processing Objection form (linkedin.com/help/linkedin/ask/TS-DPRO): it covers content-generating and all other AI and machine-learning models, and it lasts.',
        general: 'Opting out stops use going forward; training already done is not undone.',
      },
    },
  },
})

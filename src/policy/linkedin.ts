/**
 * LinkedIn's use of member data to train content-generating AI models, as
 * data. Sources and readings: POLICY.md; every rule names its source id.
 */
import type { Policy } from './schema'

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}

const FAQ = 'linkedin-faq-2025'
const ERPN = 'linkedin-erpn-2025'

/**
 * LinkedIn's generative-AI training policy (in force since 2024-09-18 outside
 * Europe, Canada and Hong Kong, since 2025-11-03 there), deeply frozen.
 * Pass a changed copy as `options.policy` to evaluate another reading.
 *
 * @example
 * linkedinGenAi.rollouts.map((rollout) => rollout.effective) //=> ['2025-11-03', '2024-09-18']
 */
export const linkedinGenAi: Policy = /* @__PURE__ */ deepFreeze({
  id: 'linkedin-genai',
  title: "LinkedIn: members' data used to train content-generating AI models",
  sources: {
    'linkedin-faq-2025': {
      title: 'LinkedIn notice "Updates to our terms" / Generative AI FAQ (Sept 2025)',
      where: 'LinkedIn Help, Generative AI FAQ',
      quote:
        "For members in the EU, EEA, Switzerland, Canada, and Hong Kong, on November 3, 2025, we'll start to use some data from members in these regions to train content-generating AI models ... We rely on legitimate interest ... You can opt out anytime in your settings",
    },
    'linkedin-erpn-2025': {
      title: 'European Regional Privacy Notice, effective 3 Nov 2025 (EU/EEA/CH and the UK)',
      where: 'linkedin.com/legal/privacy-policy',
      quote: 'To train our content-generating Generative AI systems (legal basis: legitimate interest)',
    },
    'ico-2025-09-23': {
      title: 'UK ICO statement on changes to LinkedIn AI data policy (updated 23 Sept 2025)',
      where: 'ico.org.uk',
      quote: 'LinkedIn has now taken the decision to resume its plans ... inform UK users and commence processing in the coming weeks',
    },
    'linkedin-pp-2024': {
      title: 'Global Privacy Policy, effective 18 Sept 2024',
      where: 'linkedin.com/legal/privacy-policy; ICO statement 20 Sept 2024',
      quote: 'develop and train artificial intelligence (AI) models',
    },
    'linkedin-setting-faq': {
      title: 'LinkedIn Help a6278444: the Data for Generative AI Improvement setting',
      where: 'LinkedIn Help a6278444',
      quote:
        "Turning the setting off means that we ... won't use the data and content you provided to LinkedIn to train models that generate content going forward. Opting out does not affect training that has already taken place.",
    },
    'linkedin-objection-form': {
      title: 'LinkedIn Data Processing Objection form',
      where: 'linkedin.com/help/linkedin/ask/TS-DPRO',
      quote: 'training generative AI models that do not generate content or ... other AI or machine learning models',
    },
    'linkedin-minors': {
      title: 'LinkedIn Generative AI FAQ: members under 18',
      where: 'LinkedIn Help, Generative AI FAQ',
      quote:
        'If we have reason to believe that you could be under 18 ... your data will not be used to train content generating AI models, even if your setting appears turned on',
    },
    'press-2025': {
      title: "Press coverage of LinkedIn's Nov 2025 change (Sept 2025), listing data not used",
      where: 'press, Sept 2025',
    },
    'linkedin-ua-2025': {
      title: 'User Agreement, effective 3 Nov 2025: Minimum Age 16',
      where: 'linkedin.com/legal/user-agreement',
    },
  },
  regions: {
    EU: {
      name: 'European Union',
      // The 27 member states, the French outermost regions (GF, GP, MQ, RE, YT, MF)
      // and Åland (AX). The Canary Islands, Ceuta, Melilla, the Azores and Madeira
      // are parts of ES and PT and carry those codes.
      countries: [
        'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
        'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF', 'AX',
      ],
      note: 'The 27 member states with their outermost regions (GF, GP, MQ, RE, YT, MF) and Åland (AX)',
      source: FAQ,
    },
    EEA: { name: 'European Economic Area outside the EU', countries: ['IS', 'LI', 'NO'], source: FAQ },
    CH: { name: 'Switzerland', countries: ['CH'], source: FAQ },
    CA: { name: 'Canada', countries: ['CA'], source: FAQ },
    HK: { name: 'Hong Kong', countries: ['HK'], source: FAQ },
    UK: { name: 'United Kingdom', countries: ['GB'], note: 'Covered by the European notice; the ICO confirmed the resumption', source: ERPN },
    ROW: { name: 'Rest of the world', countries: [], note: 'Every code no other region lists', source: 'linkedin-pp-2024' },
  },
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
  zones: {
    XK: { zones: ['Europe/Belgrade'], note: 'Kosovo keeps Central European Time; tzdb has no entry for XK', source: FAQ },
    BV: { zones: ['Etc/UTC'], note: 'Bouvet Island is uninhabited and keeps no official time; tzdb has no entry', source: FAQ },
    HM: { zones: ['Indian/Kerguelen'], note: 'Heard and McDonald Islands are uninhabited; tzdb has no entry; its former zone', source: FAQ },
  },
  rollouts: [
    {
      id: '2025-six-regions',
      regions: ['EU', 'EEA', 'CH', 'CA', 'HK', 'UK'],
      effective: '2025-11-03',
      confidence: 'stated',
      note: 'The UK is covered by the European notice from the same day (ICO statement of 23 Sept 2025)',
      source: FAQ,
    },
    {
      id: '2024-global',
      regions: ['ROW'],
      effective: '2024-09-18',
      confidence: 'reported',
      note: 'The date of the privacy policy that added AI training; use may have begun earlier',
      source: 'linkedin-pp-2024',
    },
  ],
  age: {
    adultAge: 18,
    source: 'linkedin-minors',
    secondarySchool: {
      note: 'Where LinkedIn has reason to believe the member is under 18, their data is not used, whatever their setting',
      source: 'linkedin-minors',
    },
  },
  optOut: {
    note: 'Opting out stops use going forward; training already done is not undone',
    source: 'linkedin-setting-faq',
    channels: {
      setting: {
        name: 'Data for Generative AI Improvement',
        where: 'Settings & Privacy > Data privacy > Data for Generative AI Improvement',
        reversible: true,
        covers: 'content-generating AI models',
        source: 'linkedin-setting-faq',
      },
      'objection-form': {
        name: 'Data Processing Objection form',
        where: 'linkedin.com/help/linkedin/ask/TS-DPRO',
        reversible: false,
        covers: 'content-generating and all other AI and machine-learning models',
        source: 'linkedin-objection-form',
      },
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
    'private-message': { used: false, description: 'Private messages', source: FAQ },
    'job-application': { used: false, description: 'Data tied to a specific job application', source: FAQ },
    salary: { used: false, description: 'Member-attributable salary data', source: FAQ },
    credentials: { used: false, description: 'Login credentials', source: 'press-2025' },
    payment: { used: false, description: 'Payment methods', source: 'press-2025' },
  },
})

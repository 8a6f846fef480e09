/**
 * The page's own words in English, German and French. What the policy says
 * (its answer sentences, reasons and advice) comes from the policy's texts,
 * in the page's language where the policy has them, else in English.
 */
import type { AnswerKey } from 'ai-training-scope'

/** The languages of the page. */
export const languages = ['en', 'de', 'fr'] as const
/** One of the page's languages. */
export type Language = (typeof languages)[number]

/** Every text the page shows that is not the policy's. */
export interface Strings {
  /** The language's own name, for the switcher. */
  name: string
  title: string
  intro: string
  language: string
  formHeading: string
  policy: string
  policies: Record<string, string>
  country: string
  countryHint: string
  birthDate: string
  birthDateHint: string
  timeZone: string
  timeZoneHint: string
  optOuts: string
  optOutsHint: string
  optIns: string
  optInsHint: string
  when: string
  via: string
  add: string
  remove: string
  submit: string
  errorsHeading: string
  answerHeading: string
  /** The answer in one sentence, its status first. */
  answer: Record<AnswerKey, string>
  /** The instant an answer names, `{at}`. */
  since: Record<Exclude<AnswerKey, 'never' | 'outside'>, string>
  /** An earlier window that is only possible, `{at}`. */
  possiblySince: string
  timelineHeading: string
  timelineLabel: string
  certain: string
  possible: string
  rangedEnd: string
  today: string
  noWindows: string
  openEnd: string
  windowText: string
  reasonsHeading: string
  source: string
  adviceHeading: string
  englishOnly: string
  /** Dropping a data export. */
  exportHeading: string
  exportIntro: string
  exportChoose: string
  exportDrop: string
  exportReading: string
  /** No answer yet to read the export against. */
  exportNeedsAnswer: string
  /** `{items}` items read from `{file}`. */
  exportRead: string
  exportRefused: string
  exportStatuses: Record<'in-scope' | 'retained' | 'undetermined' | 'out-of-scope', string>
  /** A sentence per status: `{count}` items, the oldest `{oldest}`. */
  exportSentence: Record<'in-scope' | 'retained' | 'undetermined' | 'out-of-scope', string>
  exportCategory: string
  exportSkipped: string
  exportMalformed: string
  exportDownload: string
  /** The items' marks on the timeline: `{count}` items, `{status}`. */
  exportMark: string
  fields: Record<string, string>
}

const en: Strings = {
  name: 'English',
  title: 'Am I affected?',
  intro: 'Is your data used to train a platform’s AI models, and since when? Everything is worked out in this page; nothing you enter leaves your browser.',
  language: 'Language',
  formHeading: 'About you',
  policy: 'Platform',
  policies: { 'linkedin-genai': 'LinkedIn', 'meta-ai-eu': 'Meta (Facebook, Instagram) in the EU and EEA' },
  country: 'Country of your account',
  countryHint: 'A name (in English, German or French) or a code such as DE or GB.',
  birthDate: 'Birth date (optional)',
  birthDateHint: 'A year (1990) or a full date (1990-05-31). Without it you are taken to be an adult.',
  timeZone: 'Time zone',
  timeZoneHint: 'Your browser’s, unless you change it. Empty: each zone of your country is read.',
  optOuts: 'Times you opted out',
  optOutsHint: 'Date and time in this device’s time zone ({zone}).',
  optIns: 'Times you opted back in',
  optInsHint: 'Date and time in this device’s time zone ({zone}).',
  when: 'When',
  via: 'How',
  add: 'Add',
  remove: 'Remove',
  submit: 'Am I affected?',
  errorsHeading: 'Please check what you entered',
  answerHeading: 'The answer',
  answer: {
    covered: 'Yes: your data is used to train these AI models.',
    undetermined: 'Maybe: it depends on facts that are not given or not public.',
    'not-yet': 'Not yet: your data will be used to train these AI models.',
    never: 'No: none of your data is used to train these AI models.',
    'no-longer': 'No longer: your data is not used now, but data from a window of use may remain in models trained then.',
    outside: 'Maybe: this policy says nothing about your country.',
  },
  since: { covered: 'Since {at}.', undetermined: 'Possibly since {at}.', 'not-yet': 'From {at}.', 'no-longer': 'Again from {at}.' },
  possiblySince: 'Possibly already since {at}.',
  timelineHeading: 'When your data is used',
  timelineLabel: 'Timeline of the windows of use, {from} to {until}',
  certain: 'In use (stated or reported)',
  possible: 'Possibly in use (may not have happened)',
  rangedEnd: 'Ends on a day not made public',
  today: 'Today',
  noWindows: 'No window of use.',
  openEnd: 'no end announced',
  windowText: '{from} until {until}: {certainty}',
  reasonsHeading: 'Why',
  source: 'Source',
  adviceHeading: 'What you can do',
  englishOnly: 'The policy’s own texts are in English.',
  exportHeading: 'Your data export',
  exportIntro: 'Drop the ZIP that LinkedIn sends (Settings & Privacy > Data privacy > Get a copy of your data) to see which of your items may be in training data. It is read in this page and sent nowhere.',
  exportChoose: 'Your data export (ZIP)',
  exportDrop: 'or drop it here',
  exportReading: 'Reading {file}…',
  exportNeedsAnswer: 'Fill in the form and ask first: your items are answered for the member you describe there.',
  exportRead: '{items} items read from {file}.',
  exportRefused: 'This export cannot be read: {message}',
  exportStatuses: { 'in-scope': 'Used now', retained: 'May be in models trained earlier', undetermined: 'Not known', 'out-of-scope': 'Not used' },
  exportSentence: {
    'in-scope': '{count} items may be used for training now; the oldest is from {oldest}.',
    retained: '{count} items are no longer used, but existed during a window of use and may sit in models trained then; the oldest is from {oldest}.',
    undetermined: '{count} items depend on something not known (when they were written, or a fact of yours); the oldest is from {oldest}.',
    'out-of-scope': '{count} items are not used.',
  },
  exportCategory: 'Category',
  exportSkipped: 'Files not read (not your own content, or not known):',
  exportMalformed: 'Rows that could not be read:',
  exportDownload: 'Download the items as CSV',
  exportMark: '{count} items: {status}',
  fields: { country: 'Country', birthDate: 'Birth date', timeZone: 'Time zone', optOuts: 'Opt-out', optIns: 'Opt-in' },
}

const de: Strings = {
  name: 'Deutsch',
  title: 'Bin ich betroffen?',
  intro: 'Werden Ihre Daten zum Training der KI-Modelle einer Plattform verwendet, und seit wann? Alles wird in dieser Seite berechnet; nichts, was Sie eingeben, verlässt Ihren Browser.',
  language: 'Sprache',
  formHeading: 'Ihre Angaben',
  policy: 'Plattform',
  policies: { 'linkedin-genai': 'LinkedIn', 'meta-ai-eu': 'Meta (Facebook, Instagram) in der EU und im EWR' },
  country: 'Land Ihres Kontos',
  countryHint: 'Ein Name (auf Deutsch, Englisch oder Französisch) oder ein Code wie DE oder AT.',
  birthDate: 'Geburtsdatum (freiwillig)',
  birthDateHint: 'Ein Jahr (1990) oder ein Datum (1990-05-31). Ohne Angabe gelten Sie als volljährig.',
  timeZone: 'Zeitzone',
  timeZoneHint: 'Die Ihres Browsers, wenn Sie sie nicht ändern. Leer: jede Zone Ihres Landes wird gelesen.',
  optOuts: 'Widersprüche (Opt-out)',
  optOutsHint: 'Datum und Uhrzeit in der Zeitzone dieses Geräts ({zone}).',
  optIns: 'Wieder eingeschaltet (Opt-in)',
  optInsHint: 'Datum und Uhrzeit in der Zeitzone dieses Geräts ({zone}).',
  when: 'Wann',
  via: 'Wie',
  add: 'Hinzufügen',
  remove: 'Entfernen',
  submit: 'Bin ich betroffen?',
  errorsHeading: 'Bitte prüfen Sie Ihre Angaben',
  answerHeading: 'Die Antwort',
  answer: {
    covered: 'Ja: Ihre Daten werden zum Training dieser KI-Modelle verwendet.',
    undetermined: 'Vielleicht: Es hängt von Umständen ab, die nicht angegeben oder nicht öffentlich sind.',
    'not-yet': 'Noch nicht: Ihre Daten werden zum Training dieser KI-Modelle verwendet werden.',
    never: 'Nein: Keine Ihrer Daten werden zum Training dieser KI-Modelle verwendet.',
    'no-longer': 'Nicht mehr: Ihre Daten werden jetzt nicht verwendet, aber Daten aus einem Zeitraum der Nutzung können in damals trainierten Modellen bleiben.',
    outside: 'Vielleicht: Diese Richtlinie sagt nichts über Ihr Land.',
  },
  since: { covered: 'Seit {at}.', undetermined: 'Möglicherweise seit {at}.', 'not-yet': 'Ab {at}.', 'no-longer': 'Wieder ab {at}.' },
  possiblySince: 'Möglicherweise schon seit {at}.',
  timelineHeading: 'Wann Ihre Daten verwendet werden',
  timelineLabel: 'Zeitleiste der Zeiträume der Nutzung, {from} bis {until}',
  certain: 'Verwendet (erklärt oder berichtet)',
  possible: 'Möglicherweise verwendet (vielleicht nicht geschehen)',
  rangedEnd: 'Endet an einem nicht veröffentlichten Tag',
  today: 'Heute',
  noWindows: 'Kein Zeitraum der Nutzung.',
  openEnd: 'kein Ende angekündigt',
  windowText: '{from} bis {until}: {certainty}',
  reasonsHeading: 'Warum',
  source: 'Quelle',
  adviceHeading: 'Was Sie tun können',
  englishOnly: 'Die Texte der Richtlinie selbst gibt es nur auf Englisch.',
  exportHeading: 'Ihr Datenexport',
  exportIntro: 'Legen Sie die ZIP-Datei ab, die LinkedIn Ihnen schickt (Einstellungen & Datenschutz > Datenschutz > Kopie Ihrer Daten anfordern), um zu sehen, welche Ihrer Beiträge in Trainingsdaten sein können. Sie wird in dieser Seite gelesen und nirgendwohin gesendet.',
  exportChoose: 'Ihr Datenexport (ZIP)',
  exportDrop: 'oder hier ablegen',
  exportReading: '{file} wird gelesen …',
  exportNeedsAnswer: 'Füllen Sie zuerst das Formular aus und fragen Sie: Ihre Einträge werden für das dort beschriebene Mitglied beantwortet.',
  exportRead: '{items} Einträge aus {file} gelesen.',
  exportRefused: 'Dieser Export kann nicht gelesen werden: {message}',
  exportStatuses: { 'in-scope': 'Jetzt verwendet', retained: 'Evtl. in früher trainierten Modellen', undetermined: 'Nicht bekannt', 'out-of-scope': 'Nicht verwendet' },
  exportSentence: {
    'in-scope': '{count} Einträge können jetzt zum Training verwendet werden; der älteste ist vom {oldest}.',
    retained: '{count} Einträge werden nicht mehr verwendet, bestanden aber während eines Nutzungszeitraums und können in damals trainierten Modellen stecken; der älteste ist vom {oldest}.',
    undetermined: '{count} Einträge hängen von etwas Unbekanntem ab (wann sie geschrieben wurden oder eine Angabe zu Ihnen); der älteste ist vom {oldest}.',
    'out-of-scope': '{count} Einträge werden nicht verwendet.',
  },
  exportCategory: 'Kategorie',
  exportSkipped: 'Nicht gelesene Dateien (keine eigenen Inhalte oder unbekannt):',
  exportMalformed: 'Zeilen, die nicht gelesen werden konnten:',
  exportDownload: 'Die Einträge als CSV herunterladen',
  exportMark: '{count} Einträge: {status}',
  fields: { country: 'Land', birthDate: 'Geburtsdatum', timeZone: 'Zeitzone', optOuts: 'Widerspruch', optIns: 'Opt-in' },
}

const fr: Strings = {
  name: 'Français',
  title: 'Suis-je concerné ?',
  intro: 'Vos données servent-elles à entraîner les modèles d’IA d’une plateforme, et depuis quand ? Tout est calculé dans cette page ; rien de ce que vous saisissez ne quitte votre navigateur.',
  language: 'Langue',
  formHeading: 'Vos informations',
  policy: 'Plateforme',
  policies: { 'linkedin-genai': 'LinkedIn', 'meta-ai-eu': 'Meta (Facebook, Instagram) dans l’UE et l’EEE' },
  country: 'Pays de votre compte',
  countryHint: 'Un nom (en français, anglais ou allemand) ou un code comme FR ou BE.',
  birthDate: 'Date de naissance (facultative)',
  birthDateHint: 'Une année (1990) ou une date (1990-05-31). Sans elle, vous êtes considéré comme majeur.',
  timeZone: 'Fuseau horaire',
  timeZoneHint: 'Celui de votre navigateur, sauf si vous le changez. Vide : chaque fuseau de votre pays est lu.',
  optOuts: 'Refus (opt-out)',
  optOutsHint: 'Date et heure dans le fuseau de cet appareil ({zone}).',
  optIns: 'Réactivations (opt-in)',
  optInsHint: 'Date et heure dans le fuseau de cet appareil ({zone}).',
  when: 'Quand',
  via: 'Comment',
  add: 'Ajouter',
  remove: 'Retirer',
  submit: 'Suis-je concerné ?',
  errorsHeading: 'Veuillez vérifier votre saisie',
  answerHeading: 'La réponse',
  answer: {
    covered: 'Oui : vos données servent à entraîner ces modèles d’IA.',
    undetermined: 'Peut-être : cela dépend de faits non donnés ou non publics.',
    'not-yet': 'Pas encore : vos données serviront à entraîner ces modèles d’IA.',
    never: 'Non : aucune de vos données ne sert à entraîner ces modèles d’IA.',
    'no-longer': 'Plus maintenant : vos données ne sont pas utilisées, mais celles d’une période d’utilisation peuvent rester dans les modèles entraînés alors.',
    outside: 'Peut-être : cette politique ne dit rien de votre pays.',
  },
  since: { covered: 'Depuis le {at}.', undetermined: 'Peut-être depuis le {at}.', 'not-yet': 'À partir du {at}.', 'no-longer': 'De nouveau à partir du {at}.' },
  possiblySince: 'Peut-être déjà depuis le {at}.',
  timelineHeading: 'Quand vos données sont utilisées',
  timelineLabel: 'Frise des périodes d’utilisation, du {from} au {until}',
  certain: 'Utilisées (déclaré ou rapporté)',
  possible: 'Peut-être utilisées (peut ne pas avoir eu lieu)',
  rangedEnd: 'Fin un jour non rendu public',
  today: 'Aujourd’hui',
  noWindows: 'Aucune période d’utilisation.',
  openEnd: 'aucune fin annoncée',
  windowText: 'Du {from} au {until} : {certainty}',
  reasonsHeading: 'Pourquoi',
  source: 'Source',
  adviceHeading: 'Ce que vous pouvez faire',
  englishOnly: 'Les textes de la politique elle-même sont en anglais.',
  exportHeading: 'Votre export de données',
  exportIntro: 'Déposez le ZIP que LinkedIn vous envoie (Préférences et confidentialité > Confidentialité des données > Obtenir une copie de vos données) pour voir lesquels de vos éléments peuvent figurer dans des données d’entraînement. Il est lu dans cette page et envoyé nulle part.',
  exportChoose: 'Votre export de données (ZIP)',
  exportDrop: 'ou déposez-le ici',
  exportReading: 'Lecture de {file}…',
  exportNeedsAnswer: 'Remplissez d’abord le formulaire et posez la question : vos éléments sont évalués pour le membre que vous y décrivez.',
  exportRead: '{items} éléments lus dans {file}.',
  exportRefused: 'Cet export ne peut pas être lu : {message}',
  exportStatuses: { 'in-scope': 'Utilisés maintenant', retained: 'Peut-être dans des modèles entraînés avant', undetermined: 'Inconnu', 'out-of-scope': 'Non utilisés' },
  exportSentence: {
    'in-scope': '{count} éléments peuvent servir à l’entraînement maintenant ; le plus ancien date du {oldest}.',
    retained: '{count} éléments ne sont plus utilisés, mais existaient pendant une période d’utilisation et peuvent figurer dans des modèles entraînés alors ; le plus ancien date du {oldest}.',
    undetermined: '{count} éléments dépendent d’un fait inconnu (leur date d’écriture, ou une donnée vous concernant) ; le plus ancien date du {oldest}.',
    'out-of-scope': '{count} éléments ne sont pas utilisés.',
  },
  exportCategory: 'Catégorie',
  exportSkipped: 'Fichiers non lus (pas votre propre contenu, ou inconnus) :',
  exportMalformed: 'Lignes illisibles :',
  exportDownload: 'Télécharger les éléments en CSV',
  exportMark: '{count} éléments : {status}',
  fields: { country: 'Pays', birthDate: 'Date de naissance', timeZone: 'Fuseau horaire', optOuts: 'Refus', optIns: 'Réactivation' },
}

/** The page's words by language. */
export const strings: Readonly<Record<Language, Strings>> = { en, de, fr }

/** The first of the browser's preferred languages the page speaks, else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    const found = languages.find((language) => language === base)
    if (found !== undefined) return found
  }
  return 'en'
}

/** `template` with each `{name}` replaced. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

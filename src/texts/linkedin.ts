/**
 * German and French texts of `linkedinGenAi`: its answers and advice, with the
 * shared reasons. LinkedIn's setting, form and menu names stay as LinkedIn
 * names them in English (no official translation is recorded here).
 */
import type { PolicyTexts } from '../policy/schema'
import { frenchReasons, frenchWords, germanReasons, germanWords } from './reasons'

const german: PolicyTexts = {
  reasons: germanReasons,
  words: germanWords,
  answers: {
    covered: 'LinkedIn nutzt Ihre Daten, um seine inhaltsgenerierenden KI-Modelle zu trainieren.',
    undetermined: 'Das hängt von Fakten ab, die nicht angegeben oder nicht öffentlich sind (siehe „Warum“).',
    'not-yet': 'LinkedIn wird Ihre Daten nutzen, um seine inhaltsgenerierenden KI-Modelle zu trainieren.',
    never: 'Keine Ihrer Daten werden zum Training dieser Modelle genutzt.',
    'no-longer': 'Ihre Daten werden derzeit nicht genutzt; Daten aus einem Nutzungszeitraum können in damals trainierten Modellen verbleiben.',
    outside: 'Diese Richtlinie sagt nichts über Ihr Land.',
  },
  advice: {
    setting: 'Schalten Sie „Data for Generative AI Improvement“ aus (Settings & Privacy > Data privacy): Das beendet die Nutzung für inhaltsgenerierende KI-Modelle für die Zukunft; Sie können die Einstellung wieder einschalten.',
    'objection-form': 'Reichen Sie das Formular „Data Processing Objection“ ein (linkedin.com/help/linkedin/ask/TS-DPRO): Es umfasst inhaltsgenerierende und alle anderen KI- und Machine-Learning-Modelle und gilt dauerhaft.',
    general: 'Ein Widerspruch beendet die Nutzung für die Zukunft; bereits erfolgtes Training wird nicht rückgängig gemacht.',
  },
}

const french: PolicyTexts = {
  reasons: frenchReasons,
  words: frenchWords,
  answers: {
    covered: 'LinkedIn utilise vos données pour entraîner ses modèles d’IA générative de contenu.',
    undetermined: 'Cela dépend de faits non fournis ou non publics (voir « Pourquoi »).',
    'not-yet': 'LinkedIn utilisera vos données pour entraîner ses modèles d’IA générative de contenu.',
    never: 'Aucune de vos données n’est utilisée pour entraîner ces modèles.',
    'no-longer': 'Vos données ne sont pas utilisées actuellement ; des données d’une période d’utilisation peuvent subsister dans des modèles entraînés alors.',
    outside: 'Cette politique ne dit rien de votre pays.',
  },
  advice: {
    setting: 'Désactivez « Data for Generative AI Improvement » (Settings & Privacy > Data privacy) : cela arrête l’utilisation pour les modèles d’IA générative de contenu pour l’avenir ; vous pouvez le réactiver.',
    'objection-form': 'Envoyez le formulaire « Data Processing Objection » (linkedin.com/help/linkedin/ask/TS-DPRO) : il couvre les modèles d’IA générative de contenu et tous les autres modèles d’IA et d’apprentissage automatique, et il est durable.',
    general: 'Une opposition arrête l’utilisation pour l’avenir ; l’entraînement déjà effectué n’est pas annulé.',
  },
}

/** The German and French texts. */
export const linkedinTexts = { de: german, fr: french }

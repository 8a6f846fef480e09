/**
 * German and French texts of `metaAiEu`: its answers and advice, with the
 * shared reasons. Meta's "Privacy Centre" keeps its English name.
 */
import type { PolicyTexts } from '../policy/schema'
import { frenchReasons, frenchWords, germanReasons, germanWords } from './reasons'

const german: PolicyTexts = {
  reasons: germanReasons,
  words: germanWords,
  answers: {
    covered: 'Meta nutzt Ihre öffentlichen Facebook- und Instagram-Daten, um seine KI-Modelle zu trainieren.',
    undetermined: 'Das hängt von Fakten ab, die nicht angegeben oder nicht öffentlich sind (siehe „Warum“).',
    'not-yet': 'Meta wird Ihre öffentlichen Facebook- und Instagram-Daten nutzen, um seine KI-Modelle zu trainieren.',
    never: 'Keine Ihrer Daten werden zum Training dieser Modelle genutzt.',
    'no-longer': 'Ihre Daten werden derzeit nicht genutzt; Daten aus einem Nutzungszeitraum können in damals trainierten Modellen verbleiben.',
    outside: 'Diese Richtlinie gilt nur für die EU und den EWR: Sie sagt nichts über Ihr Land.',
  },
  advice: {
    'objection-form': 'Widersprechen Sie mit dem Formular im Privacy Centre von Facebook bzw. Instagram, für jedes Konto: Das beendet die Nutzung für die Zukunft und gilt dauerhaft.',
    general: 'Ein Widerspruch beendet die Nutzung für die Zukunft; bereits erfolgtes Training wird nicht rückgängig gemacht.',
  },
}

const french: PolicyTexts = {
  reasons: frenchReasons,
  words: frenchWords,
  answers: {
    covered: 'Meta utilise vos données publiques Facebook et Instagram pour entraîner ses modèles d’IA.',
    undetermined: 'Cela dépend de faits non fournis ou non publics (voir « Pourquoi »).',
    'not-yet': 'Meta utilisera vos données publiques Facebook et Instagram pour entraîner ses modèles d’IA.',
    never: 'Aucune de vos données n’est utilisée pour entraîner ces modèles.',
    'no-longer': 'Vos données ne sont pas utilisées actuellement ; des données d’une période d’utilisation peuvent subsister dans des modèles entraînés alors.',
    outside: 'Cette politique ne couvre que l’UE et l’EEE : elle ne dit rien de votre pays.',
  },
  advice: {
    'objection-form': 'Opposez-vous avec le formulaire du Privacy Centre de Facebook ou d’Instagram, pour chaque compte : cela arrête l’utilisation pour l’avenir, et c’est durable.',
    general: 'Une opposition arrête l’utilisation pour l’avenir ; l’entraînement déjà effectué n’est pas annulé.',
  },
}

/** The German and French texts. */
export const metaTexts = { de: german, fr: french }

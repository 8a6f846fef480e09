/**
 * Country-name tables for `registerLocale`, one export per language, so a
 * bundle carries only the languages it imports.
 *
 * @example
 * import { registerLocale } from 'ai-training-scope'
 * import { de, fr } from 'ai-training-scope/locales'
 * registerLocale(de)
 * registerLocale(fr)
 */
import type { LocaleData } from './region/codes'
import deData from 'i18n-iso-countries/langs/de.json'
import enData from 'i18n-iso-countries/langs/en.json'
import esData from 'i18n-iso-countries/langs/es.json'
import frData from 'i18n-iso-countries/langs/fr.json'
import itData from 'i18n-iso-countries/langs/it.json'
import nlData from 'i18n-iso-countries/langs/nl.json'
import plData from 'i18n-iso-countries/langs/pl.json'
import ptData from 'i18n-iso-countries/langs/pt.json'
import svData from 'i18n-iso-countries/langs/sv.json'
import zhData from 'i18n-iso-countries/langs/zh.json'

export type { LocaleData }

/** German country names. */
export const de: LocaleData = deData
/** English country names (registered by default). */
export const en: LocaleData = enData
/** Spanish country names. */
export const es: LocaleData = esData
/** French country names. */
export const fr: LocaleData = frData
/** Italian country names. */
export const it: LocaleData = itData
/** Dutch country names. */
export const nl: LocaleData = nlData
/** Polish country names. */
export const pl: LocaleData = plData
/** Portuguese country names. */
export const pt: LocaleData = ptData
/** Swedish country names. */
export const sv: LocaleData = svData
/** Chinese country names. */
export const zh: LocaleData = zhData

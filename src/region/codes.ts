/**
 * Country input to ISO 3166-1 alpha-2: codes (alpha-2, alpha-3, numeric), the
 * reserved aliases people type (UK, EL), and names in the registered locales.
 * i18n-iso-countries' browser entry is used, so no locale loads at import;
 * English loads on the first name look-up, others by `registerLocale`.
 */
import countries from 'i18n-iso-countries/index.js'
import type { LocaleData } from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'

export type { LocaleData }

/**
 * Codes that are not ISO 3166-1 alpha-2 but that people use for a country:
 * `UK` (exceptionally reserved for the United Kingdom, GB) and `EL` (Greece in
 * EU usage, GR).
 */
export const countryAliases: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' }

let alpha2Codes: Readonly<Record<string, string>> | undefined

/** Whether `code` is an ISO 3166-1 alpha-2 code (user-assigned XK, Kosovo, included). */
export function isCountryCode(code: string): boolean {
  alpha2Codes ??= countries.getAlpha2Codes()
  return Object.hasOwn(alpha2Codes, code)
}

/** Every ISO 3166-1 alpha-2 code, sorted. */
export function countryCodes(): string[] {
  alpha2Codes ??= countries.getAlpha2Codes()
  return Object.keys(alpha2Codes).sort()
}

/**
 * Adds a locale's country names to those `country` accepts (and that names are
 * printed in). English is built in; the others ship in `ai-training-scope/locales`.
 *
 * @param locale - a locale table from `ai-training-scope/locales` or `i18n-iso-countries/langs/*.json`
 * @example
 * import { de } from 'ai-training-scope/locales'
 * registerLocale(de)
 * resolveRegion('Deutschland').country //=> 'DE'
 */
export function registerLocale(locale: LocaleData): void {
  ensureEnglish()
  countries.registerLocale(locale)
}

let englishRegistered = false
function ensureEnglish(): void {
  if (englishRegistered) return
  englishRegistered = true
  countries.registerLocale(en)
}

/** The registered locales, English first. */
export function loadedLocales(): string[] {
  ensureEnglish()
  return countries.langs()
}

/** The country's name in `locale` (English when that locale is not registered). */
export function countryName(code: string, locale = 'en'): string {
  ensureEnglish()
  return countries.getName(code, locale) ?? countries.getName(code, 'en') ?? code
}

// Names are matched whole, case-insensitively, after Unicode NFC and with runs of
// spaces folded: 'hong  kong' finds HK, 'Hong Kong SAR' does not.
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ')
}

let nameIndex: { langs: string; byName: Map<string, Set<string>> } | undefined

function codesNamed(name: string): Set<string> | undefined {
  const langs = loadedLocales()
  const key = langs.join(',')
  if (nameIndex?.langs !== key) {
    const byName = new Map<string, Set<string>>()
    for (const lang of langs) {
      for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
        for (const each of names) {
          const k = nameKey(each)
          const set = byName.get(k) ?? new Set<string>()
          set.add(code)
          byName.set(k, set)
        }
      }
    }
    nameIndex = { langs: key, byName }
  }
  return nameIndex.byName.get(nameKey(name))
}

/** Either an alpha-2 code or why the input names no single country. */
export type CountryResult = { ok: true; code: string } | { ok: false; problem: string }

/**
 * Reads a country: an alpha-2 code in any case (`DE`, `de`), an alias (`UK`,
 * `EL`), an alpha-3 code (`DEU`), a three-digit numeric code (`276`) or a name
 * in a registered locale. Surrounding spaces are ignored. An unknown country is
 * refused, never guessed; where a plain spelling of it is a country (`U.K.`,
 * full-width `ＤＥ`), the refusal suggests it.
 */
export function readCountry(input: string): CountryResult {
  const text = input.trim()
  if (text === '') return { ok: false, problem: 'is empty' }
  const read = readPlain(text)
  if (read.ok) return read
  for (const candidate of [text.normalize('NFKC'), text.normalize('NFKC').replace(/[.\s]/g, '')]) {
    if (candidate === text || candidate === '') continue
    const suggestion = readPlain(candidate)
    if (suggestion.ok) return { ok: false, problem: `${read.problem}; did you mean ${JSON.stringify(candidate)} (${suggestion.code})?` }
  }
  return read
}

function readPlain(text: string): CountryResult {
  // Letters are matched as ASCII before upper-casing: 'ß'.toUpperCase() is 'SS'.
  if (/^[A-Za-z]{2}$/.test(text)) {
    const upper = text.toUpperCase()
    const code = countryAliases[upper] ?? upper
    return isCountryCode(code) ? { ok: true, code } : { ok: false, problem: 'is not an ISO 3166-1 alpha-2 code' }
  }
  if (/^[0-9]+$/.test(text)) {
    const code = text.length === 3 ? countries.numericToAlpha2(text) : undefined
    return code === undefined ? { ok: false, problem: 'is not an ISO 3166-1 numeric code (three digits, e.g. 276)' } : { ok: true, code }
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = countries.alpha3ToAlpha2(text.toUpperCase())
    if (code !== undefined) return { ok: true, code }
  }
  const named = codesNamed(text)
  if (named?.size === 1) return { ok: true, code: [...named][0] as string }
  if (named !== undefined) return { ok: false, problem: `names more than one country (${[...named].join(', ')})` }
  return {
    ok: false,
    problem: `is not an ISO 3166-1 code or a country name in the registered languages (${loadedLocales().join(', ')}); other languages must be registered first`,
  }
}

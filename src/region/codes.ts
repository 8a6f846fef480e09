/**
 * Country input to ISO 3166-1 alpha-2: codes (alpha-2, alpha-3, numeric), the
 * reserved aliases people type (UK, EL), and names in the registered locales.
 * The tables are i18n-iso-countries' data (`codes.json`, `langs/*.json`),
 * bundled and read directly: its entry modules load a diacritics library and
 * every locale they know, which a look-up needs none of. English names load on
 * the first name look-up; other languages by `registerLocale`.
 */
import codes from 'i18n-iso-countries/codes.json'
import { memo } from '../cache'
import englishNames from 'i18n-iso-countries/langs/en.json'

/** A language's country names, as i18n-iso-countries ships them (`ai-training-scope/locales`). */
export interface LocaleData {
  /** The language, e.g. `de`. */
  locale: string
  /** Names by ISO alpha-2 code: one name, or the official one and its aliases. */
  countries: Record<string, string | string[]>
}

/**
 * Codes that are not ISO 3166-1 alpha-2 but that people use for a country:
 * `UK` (exceptionally reserved for the United Kingdom, GB) and `EL` (Greece in
 * EU usage, GR).
 */
export const countryAliases: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' }

type Tables = { alpha2: Set<string>; alpha3: Map<string, string>; numeric: Map<string, string> }
let tables: Tables | undefined

function codeTables(): Tables {
  if (tables === undefined) {
    tables = { alpha2: new Set(), alpha3: new Map(), numeric: new Map() }
    for (const [alpha2, alpha3, numeric] of codes as [string, string, string][]) {
      tables.alpha2.add(alpha2)
      tables.alpha3.set(alpha3, alpha2)
      tables.numeric.set(numeric, alpha2)
    }
  }
  return tables
}

/** Whether `code` is an ISO 3166-1 alpha-2 code (user-assigned XK, Kosovo, included). */
export function isCountryCode(code: string): boolean {
  return codeTables().alpha2.has(code)
}

/** Every ISO 3166-1 alpha-2 code, sorted. */
export function countryCodes(): string[] {
  return [...codeTables().alpha2].sort()
}

const english: LocaleData = englishNames
const locales = new Map<string, LocaleData>()

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
  locales.set(locale.locale, locale)
  nameIndex = undefined
  readCache.clear()
}

function ensureEnglish(): void {
  if (!locales.has('en')) locales.set('en', english)
}

/** The registered locales, English first. */
function loadedLocales(): string[] {
  ensureEnglish()
  return [...locales.keys()]
}

/** The country's name in `locale` (English when that locale is not registered). */
export function countryName(code: string, locale = 'en'): string {
  ensureEnglish()
  const names = (locales.get(locale) ?? english).countries[code] ?? english.countries[code]
  return (Array.isArray(names) ? names[0] : names) ?? code
}

// Names are matched whole, case-insensitively, after Unicode NFC and with runs of
// spaces folded: 'hong  kong' finds HK, 'Hong Kong SAR' does not.
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ')
}

let nameIndex: Map<string, Set<string>> | undefined

function codesNamed(name: string): Set<string> | undefined {
  if (nameIndex === undefined) {
    ensureEnglish()
    nameIndex = new Map()
    for (const locale of locales.values()) {
      for (const [code, names] of Object.entries(locale.countries)) {
        for (const each of Array.isArray(names) ? names : [names]) {
          const key = nameKey(each)
          const set = nameIndex.get(key) ?? new Set<string>()
          set.add(code)
          nameIndex.set(key, set)
        }
      }
    }
  }
  return nameIndex.get(nameKey(name))
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
  // Batches name the same few countries again and again: each spelling is read
  // once. Two letters, as nearly every input is, are kept at the index they
  // give: an array read rather than a Map's look-up.
  if (input.length === 2) {
    const index = letterIndex(input.charCodeAt(0)) * 52 + letterIndex(input.charCodeAt(1))
    if (index >= 0) return (twoLetters[index] ??= readUncached(input))
  }
  return memo(readCache, input, 10_000, readUncached)
}

/** A to Z as 0 to 25, a to z as 26 to 51; anything else far below 0. */
const letterIndex = (code: number): number => (code >= 65 && code <= 90 ? code - 65 : code >= 97 && code <= 122 ? code - 71 : -10_000)

const readCache = new Map<string, CountryResult>()
// What two letters read as does not depend on the names registered.
const twoLetters: (CountryResult | undefined)[] = new Array(52 * 52).fill(undefined)

function readUncached(input: string): CountryResult {
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
    const code = text.length === 3 ? codeTables().numeric.get(text) : undefined
    return code === undefined ? { ok: false, problem: 'is not an ISO 3166-1 numeric code (three digits, e.g. 276)' } : { ok: true, code }
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = codeTables().alpha3.get(text.toUpperCase())
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

/**
 * Country input to ISO 3166-1 alpha-2: codes (alpha-2, alpha-3, numeric), the
 * reserved aliases people type (UK, EL), a few names of places (`England`,
 * `Canary Islands`), and names: in the tables of i18n-iso-countries
 * (`langs/*.json`, bundled and read directly, and `codes.json`, as the
 * generated `./iso-codes`: its entry modules
 * load a diacritics library and every locale they know, which a look-up needs
 * none of), and in every language `Intl.DisplayNames` knows, asked on the first
 * name no table has. English is built in; in Node, the ten tables the package
 * ships (`ai-training-scope/locales`); elsewhere, others by `registerLocale`.
 * How names are matched: `./names`.
 */
import { memo } from '../cache'
import { englishPacked, isoCodes } from './iso-codes'
import { displayLanguages, displayNames, exactKey, nameKeys, placeNames, sharedNames } from './names'

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
    for (let at = 0; at < isoCodes.length; at += 8) {
      const alpha2 = isoCodes.slice(at, at + 2)
      tables.alpha2.add(alpha2)
      tables.alpha3.set(isoCodes.slice(at + 2, at + 5), alpha2)
      tables.numeric.set(isoCodes.slice(at + 5, at + 8), alpha2)
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

/** i18n-iso-countries' English table, from its packed lines (`./iso-codes`), read on first use. */
let english: LocaleData | undefined

function englishTable(): LocaleData {
  if (english === undefined) {
    const countries: Record<string, string | string[]> = {}
    for (const line of englishPacked.trim().split('\n')) {
      const names = line.slice(2).split('|')
      countries[line.slice(0, 2)] = names.length === 1 ? (names[0] as string) : names
    }
    english = { locale: 'en', countries }
  }
  return english
}
const locales = new Map<string, LocaleData>()

/**
 * Adds a locale's country names to those `country` accepts (and that names are
 * printed in). English is built in, and in Node every table of
 * `ai-training-scope/locales`; names in any language `Intl.DisplayNames` knows
 * are accepted without one.
 *
 * @param locale - a locale table from `ai-training-scope/locales` or `i18n-iso-countries/langs/*.json`
 * @example
 * import { zh } from 'ai-training-scope/locales'
 * registerLocale(zh)
 * resolveRegion('德国').country //=> 'DE'
 */
export function registerLocale(locale: LocaleData): void {
  ensureEnglish()
  locales.set(locale.locale, locale)
  tableIndex = undefined
  scopes.clear()
  readCache.clear()
}

function ensureEnglish(): void {
  if (!locales.has('en')) locales.set('en', englishTable())
}

/** The registered table of a locale (`pt-BR`: `pt`'s), if any. */
function tableOf(locale: string): LocaleData | undefined {
  ensureEnglish()
  return locales.get(locale) ?? locales.get(locale.split('-')[0]?.toLowerCase() ?? '')
}

/**
 * The country's name in `locale`: its registered table's, else what
 * `Intl.DisplayNames` gives, else English.
 */
export function countryName(code: string, locale = 'en'): string {
  ensureEnglish()
  const names = tableOf(locale)?.countries[code]
  if (names !== undefined) return (Array.isArray(names) ? names[0] : names) ?? code
  const shown = locale === 'en' ? undefined : displayNames(locale, [code]).get(code)
  if (shown !== undefined) return shown
  const inEnglish = englishTable().countries[code]
  return (Array.isArray(inEnglish) ? inEnglish[0] : inEnglish) ?? code
}

/** Where a key was found: each code, with the names and languages that gave it. */
type Found = Map<string, string[]>

/**
 * Names by each of their three keys, each map made when first asked for:
 * most look-ups end at the exact key. The words of each name, for suggestions.
 */
class NameIndex {
  readonly names: { name: string; code: string; locale: string }[] = []
  readonly #keys: (Map<string, Found> | undefined)[] = [undefined, undefined, undefined]
  #words: { words: Set<string>; code: string; name: string }[] | undefined
  add(name: string, code: string, locale: string): void {
    this.names.push({ name, code, locale })
  }
  addTable(table: LocaleData): this {
    for (const [code, names] of Object.entries(table.countries)) for (const name of Array.isArray(names) ? names : [names]) this.add(name, code, table.locale)
    return this
  }
  addDisplay(locale: string): this {
    for (const [code, name] of displayNames(locale, countryCodes())) this.add(name, code, locale)
    return this
  }
  /** The codes the key of `tier` (0 exact, 1 words, 2 letters) finds. */
  find(tier: number, key: string): Found | undefined {
    if (this.#keys[tier] === undefined) {
      // The words' two keys are made together: a name's words are read once.
      const maps = tier === 0 ? [new Map<string, Found>()] : [new Map<string, Found>(), new Map<string, Found>()]
      for (const { name, code, locale } of this.names) {
        const keys = tier === 0 ? [exactKey(name)] : nameKeys(name).slice(1)
        keys.forEach((nameKey, index) => {
          if (nameKey === '') return
          const map = maps[index] as Map<string, Found>
          let found = map.get(nameKey)
          if (found === undefined) map.set(nameKey, (found = new Map()))
          let where = found.get(code)
          if (where === undefined) found.set(code, (where = []))
          const label = `${name} in ${locale}`
          if (!where.includes(label)) where.push(label)
        })
      }
      if (tier === 0) this.#keys[0] = maps[0]
      else [this.#keys[1], this.#keys[2]] = maps
    }
    return this.#keys[tier]?.get(key)
  }
  /** Each name's words (its key of tier 1 as a set). */
  words(): { words: Set<string>; code: string; name: string }[] {
    return (this.#words ??= this.names.map(({ name, code }) => ({ words: new Set((nameKeys(name)[1] as string).split(' ')), code, name })))
  }
}

/** The registered tables' names; made again when a table is registered. */
let tableIndex: NameIndex | undefined
/** The names of every language `Intl.DisplayNames` knows: made on the first name no table has. */
let displayIndex: NameIndex | undefined
/** A language's names (its table's and `Intl.DisplayNames`'), by locale. */
const scopes = new Map<string, NameIndex[]>()

function tableNames(): NameIndex {
  if (tableIndex === undefined) {
    ensureEnglish()
    tableIndex = new NameIndex()
    for (const table of locales.values()) tableIndex.addTable(table)
  }
  return tableIndex
}

function everyLanguage(): NameIndex {
  if (displayIndex === undefined) {
    displayIndex = new NameIndex()
    for (const locale of displayLanguages()) displayIndex.addDisplay(locale)
  }
  return displayIndex
}

/** A language's names: Intl.DisplayNames' (CLDR's, the names apps show), then its table's. */
function scopeOf(locale: string): NameIndex[] {
  return memo(scopes, locale, 100, () => {
    const table = tableOf(locale)
    return [new NameIndex().addDisplay(locale), ...(table === undefined ? [] : [new NameIndex().addTable(table)])]
  })
}

const placeIndex = new Map<string, string>()
function placeNamed(keys: readonly string[]): string | undefined {
  if (placeIndex.size === 0) for (const name of Object.keys(placeNames)) for (const key of nameKeys(name)) if (key !== '') placeIndex.set(key, name)
  for (const key of keys) {
    const place = key === '' ? undefined : placeIndex.get(key)
    if (place !== undefined) return place
  }
  return undefined
}

/** The codes `keys` find in `index`, tier by tier: the first tier that finds any. */
function lookUp(index: NameIndex, keys: readonly string[]): Found | undefined {
  for (let tier = 0; tier < 3; tier++) {
    const key = keys[tier] as string
    const found = key === '' ? undefined : index.find(tier, key)
    if (found !== undefined) return found
  }
  return undefined
}

/** Either an alpha-2 code (with the place and zone a place name gives) or why the input names no single country. */
export type CountryResult = { ok: true; code: string; place?: string; zone?: string } | { ok: false; problem: string }

/**
 * Reads a country: an alpha-2 code in any case (`DE`, `de`), an alias (`UK`,
 * `EL`), an alpha-3 code (`DEU`), a three-digit numeric code (`276`), a place
 * (`England`, `Canary Islands`: with its zone) or a name in any language,
 * matched as people type it (`./names`). With `locale`, names in that language
 * are tried first. Surrounding spaces are ignored. An unknown country is
 * refused, never guessed; a name that fits several countries is refused with
 * them listed.
 */
export function readCountry(input: string, locale?: string): CountryResult {
  // Batches name the same few countries again and again: each spelling is read
  // once. Two letters, as nearly every input is, are kept at the index they
  // give: an array read rather than a Map's look-up.
  if (input.length === 2) {
    const index = letterIndex(input.charCodeAt(0)) * 52 + letterIndex(input.charCodeAt(1))
    if (index >= 0) return (twoLetters[index] ??= readUncached(input))
  }
  if (locale === undefined || locale === '') return memo(readCache, input, 10_000, readUncached)
  return memo(readCache, `${locale}\u0000${input}`, 10_000, (key) => readUncached(key.slice(locale.length + 1), locale))
}

/** A to Z as 0 to 25, a to z as 26 to 51; anything else far below 0. */
const letterIndex = (code: number): number => (code >= 65 && code <= 90 ? code - 65 : code >= 97 && code <= 122 ? code - 71 : -10_000)

const readCache = new Map<string, CountryResult>()
// What two letters read as depends on no name or language.
const twoLetters: (CountryResult | undefined)[] = new Array(52 * 52).fill(undefined)

function readUncached(input: string, locale?: string): CountryResult {
  const text = input.trim()
  if (text === '') return { ok: false, problem: 'is empty' }
  const read = readPlain(text, locale)
  if (read.ok || read.problem.startsWith('fits')) return read
  for (const candidate of [text.normalize('NFKC'), text.normalize('NFKC').replace(/[.\s]/g, '')]) {
    if (candidate === text || candidate === '') continue
    const suggestion = readPlain(candidate, locale)
    if (suggestion.ok) return { ok: false, problem: `${read.problem}; did you mean ${JSON.stringify(candidate)} (${suggestion.code})?` }
  }
  return read
}

function readPlain(text: string, locale: string | undefined): CountryResult {
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
    // Written as a word (Nga: Russia in Vietnamese; NGA is Nigeria), a name first.
    const named = code !== undefined && /^[A-Z][a-z]{2}$/.test(text) ? readName(text, locale) : undefined
    if (named?.ok === true) return named
    if (code !== undefined) return { ok: true, code }
  }
  return readName(text, locale)
}

/** The codes a name is read as, each with the names that gave it: as a problem that lists them. */
function several(found: Found): string {
  const listed = [...found].map(([code, where]) => `${code} (${where.slice(0, 3).join(', ')}${where.length > 3 ? ', ...' : ''})`)
  return `fits more than one country: ${listed.join('; ')}; give its code, or the language the name is in`
}

/** Longer than any country's name in any language: not read as one. */
const LONGEST_NAME = 120

function readName(text: string, locale: string | undefined): CountryResult {
  if (text.length > LONGEST_NAME) return { ok: false, problem: 'is not an ISO 3166-1 code or a country name (longer than any)' }
  const keys = nameKeys(text)
  const shared = Object.entries(sharedNames).find(([name]) => nameKeys(name)[1] === keys[1])?.[1]
  if (shared !== undefined) return { ok: false, problem: `fits more than one country: ${shared.map(([code, name]) => `${code} (${name})`).join(', ')}; give its code` }
  const place = placeNamed(keys)
  if (place !== undefined) {
    const { country, zone } = placeNames[place] as { country: string; zone?: string }
    return zone === undefined ? { ok: true, code: country, place } : { ok: true, code: country, place, zone }
  }
  // The language given first; then the tables; on a miss, every language Intl knows.
  const scope = locale === undefined ? [] : scopeOf(locale).map((index) => () => index)
  for (const index of [...scope, tableNames, everyLanguage]) {
    const found = lookUp(index(), keys)
    if (found?.size === 1) return { ok: true, code: [...found.keys()][0] as string }
    if (found !== undefined) return { ok: false, problem: several(found) }
  }
  return { ok: false, problem: unknownName(keys, locale) }
}

/** Why a name was not found: the countries whose names hold all its words, when there are some. */
function unknownName(keys: readonly string[], locale: string | undefined): string {
  const wanted = (keys[1] as string).split(' ').filter((word) => word !== '')
  const found: Found = new Map()
  if (wanted.length > 0) {
    for (const index of [tableNames(), ...(locale === undefined ? [] : scopeOf(locale))]) {
      for (const entry of index.words()) {
        if (!wanted.every((word) => entry.words.has(word))) continue
        const names = found.get(entry.code) ?? []
        if (!names.includes(entry.name)) found.set(entry.code, [...names, entry.name])
      }
    }
  }
  const unknown = 'is not an ISO 3166-1 code or a country name (in any language known here)'
  if (found.size === 1) {
    const [[code, names]] = [...found] as [[string, string[]]]
    return `${unknown}; did you mean ${JSON.stringify(names[0])} (${code})?`
  }
  if (found.size > 1 && found.size <= 8) {
    return `fits more than one country: ${[...found].map(([code, names]) => `${code} (${names[0]})`).join(', ')}; give its code or its full name`
  }
  return unknown
}

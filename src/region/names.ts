/**
 * Country names as people type them: the keys names are matched by, the
 * names `Intl.DisplayNames` gives in every language it knows, and the few
 * common names of places that are no ISO 3166-1 country (`England`,
 * `Holland`, `Canary Islands`).
 *
 * A name is matched by three keys, tried in turn, each only where the one
 * before matched nothing:
 * 1. **exact**: Unicode NFC, lower case, runs of spaces folded, the
 *    apostrophes `’` `ʼ` `‘` written `'` (`Côte d’Ivoire` is `côte d'ivoire`);
 * 2. **words**: the words in any order, Latin accents dropped (`Reunion`,
 *    `Cote d'Ivoire`), punctuation a space, `St`/`Ste` read `Saint`/`Sainte`,
 *    `&` read `and`, and the words `the`, `of`, `and`, `SAR` left out
 *    (`Korea, Republic of` is `Republic of Korea`; `Hong Kong SAR` is `Hong Kong`);
 * 3. **letters**: the words of (2) in their order with no space between
 *    (`Viet Nam` is `Vietnam`; `U.S.A.` is `USA`).
 * Accents are dropped only from Latin letters, and words in parentheses are
 * kept (`Saint-Martin (partie française)`): where two countries still share a
 * key, a name that matches it is an error naming both, never one of them.
 */

/** The apostrophes people type, as one. */
const APOSTROPHES = /[’ʼ‘`´]/g

/** The key a name is matched by first: NFC, lower case, spaces folded, one apostrophe. */
export function exactKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim()
}

/** Words that say nothing about which country is meant. */
const FILLERS = new Set(['the', 'of', 'and', 'sar'])
/** Abbreviations people type, written out. */
const WORDS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' }
/** Letters NFD does not split, as Latin letters. */
const LETTERS: Readonly<Record<string, string>> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', ı: 'i', þ: 'th' }

/** A name's words, as the loose keys read them (empty for a name of fillers alone). */
function words(name: string): string[] {
  const text = name
    .normalize('NFD')
    // Combining accents (U+0300-U+036F) after a Latin letter only: other scripts' marks tell names apart.
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ßøæœłđðıþ]/g, (letter) => LETTERS[letter] as string)
    .replace(APOSTROPHES, '')
    .replace(/'/g, '')
    .replace(/&/g, ' and ')
  const out: string[] = []
  for (const word of text.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (word === '') continue
    const full = WORDS[word] ?? word
    if (!FILLERS.has(full)) out.push(full)
  }
  return out
}

/** The keys of a name: exact, its words sorted, its words joined (`''` where it has none). */
export function nameKeys(name: string): [string, string, string] {
  const list = words(name)
  return [exactKey(name), list.length < 2 ? list.join('') : [...list].sort().join(' '), list.join('')]
}

/**
 * Common names of places that are no ISO 3166-1 country, each with its
 * country and, where the place keeps its own clocks, its zone (read when no
 * zone is given, with a reason). Matched like any name; English, with the
 * islands' own names.
 */
export const placeNames: Readonly<Record<string, { readonly country: string; readonly zone?: string }>> = {
  England: { country: 'GB' },
  Scotland: { country: 'GB' },
  Wales: { country: 'GB' },
  'Northern Ireland': { country: 'GB' },
  'Great Britain': { country: 'GB' },
  Britain: { country: 'GB' },
  Holland: { country: 'NL' },
  'Canary Islands': { country: 'ES', zone: 'Atlantic/Canary' },
  Canarias: { country: 'ES', zone: 'Atlantic/Canary' },
  Azores: { country: 'PT', zone: 'Atlantic/Azores' },
  Açores: { country: 'PT', zone: 'Atlantic/Azores' },
  Madeira: { country: 'PT', zone: 'Atlantic/Madeira' },
}

/**
 * Names that are one country's own but also a word of others' names, so
 * that people from those others type them too: refused with every country
 * they may mean listed, as a name that fits several countries is. (`Guinea`
 * is GN's name, and what many in Guinea-Bissau, Equatorial Guinea and Papua
 * New Guinea would type.)
 */
export const sharedNames: Readonly<Record<string, readonly (readonly [code: string, name: string])[]>> = {
  Guinea: [
    ['GN', 'Guinea'],
    ['GW', 'Guinea-Bissau'],
    ['GQ', 'Equatorial Guinea'],
    ['PG', 'Papua New Guinea'],
  ],
}

/**
 * Languages whose region names `Intl.DisplayNames` is asked for when a name
 * is in no table: every two-letter code (the engine keeps those it has names
 * in), a few of three letters, and regional variants whose names differ
 * (pt-PT `Polónia`, pt `Polônia`).
 */
const MORE_LANGUAGES = 'ast ceb chr ckb haw kok mai mni sat yue brx dsb hsb gsw en-GB es-419 fr-CA pt-PT zh-Hant'

let languages: string[] | undefined

/** The languages above that this engine names regions in (none without `Intl.DisplayNames`). */
export function displayLanguages(): string[] {
  if (languages === undefined) {
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const tags = MORE_LANGUAGES.split(' ')
    for (const first of letters) for (const second of letters) tags.push(first + second)
    try {
      languages = [...new Set(Intl.DisplayNames.supportedLocalesOf(tags))]
    } catch {
      languages = []
    }
  }
  return languages
}

/** The region names of a language, by code, from `Intl.DisplayNames` (empty where it has none for the language). */
export function displayNames(locale: string, codes: readonly string[]): Map<string, string> {
  const names = new Map<string, string>()
  let display: Intl.DisplayNames
  try {
    if (Intl.DisplayNames.supportedLocalesOf([locale]).length === 0) return names
    display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
  } catch {
    return names
  }
  for (const code of codes) {
    const name = display.of(code)
    // An engine without a name gives the code back, or undefined.
    if (name !== undefined && name !== code) names.set(code, name)
  }
  return names
}

// Country names as people type them, in any language, through the Node entry
// (the ten tables of ai-training-scope/locales accepted without registerLocale)
// and Intl.DisplayNames. The browser entry's English: tests/bundle.test.ts.
import { describe, expect, test } from 'vitest'
import { coverage, isPolicyInputError, resolveRegion } from '../src/node'
import { countryCodes, countryName, readCountry } from '../src/region/codes'
import { nameKeys, placeNames, sharedNames } from '../src/region/names'
import english from 'i18n-iso-countries/langs/en.json'

/** The problem `resolveRegion` gives for `name`, or 'no error'. */
function problem(name: string, locale?: string): string {
  try {
    resolveRegion(name, { locale })
  } catch (error) {
    if (isPolicyInputError(error)) return error.issues[0]?.message ?? ''
    throw error
  }
  return 'no error'
}

describe('every name Intl.DisplayNames gives, in 43 languages, reads as its code when the language is given', () => {
  const locales = ['af', 'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'pt-PT', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw', 'th', 'tr', 'uk', 'vi', 'zh', 'zh-Hant']
  for (const locale of locales) {
    test(locale, () => {
      const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
      let named = 0
      for (const code of countryCodes()) {
        const name = display.of(code)
        if (name === undefined || name === code) continue
        named++
        const read = readCountry(name, locale)
        // A name shared with other countries' names (Guinea) is refused in every language, listing them (below).
        if (Object.hasOwn(sharedNames, name)) expect(read, `${name} (${code}) in ${locale}`).toMatchObject({ ok: false, problem: expect.stringContaining(code) })
        else expect(read, `${name} (${code}) in ${locale}`).toMatchObject({ ok: true, code })
      }
      expect(named).toBeGreaterThan(240)
    })
  }
})

describe('names as people type them', () => {
  const cases = [
    // CLDR's own names, refused before: names browsers print
    { input: 'Réunion', code: 'RE' },
    { input: 'St. Martin', code: 'MF' },
    { input: 'Hong Kong SAR China', code: 'HK' },
    { input: 'Tchéquie', code: 'CZ' },
    { input: 'La Réunion', code: 'RE' },
    { input: 'Polônia', code: 'PL' },
    { input: 'Romênia', code: 'RO' },
    { input: 'Estônia', code: 'EE' },
    { input: 'Polónia', code: 'PL' },
    { input: 'Côte d’Ivoire', code: 'CI' },
    { input: 'Deutschland', code: 'DE' },
    { input: 'Allemagne', code: 'DE' },
    { input: 'Niemcy', code: 'DE' },
    { input: 'ドイツ', code: 'DE' },
    { input: 'Германия', code: 'DE' },
    { input: 'ألمانيا', code: 'DE' },
    // Case, accents, punctuation, apostrophes
    { input: 'REUNION', code: 'RE' },
    { input: 'Cote d’Ivoire', code: 'CI' },
    { input: "Cote d'Ivoire", code: 'CI' },
    { input: 'cote divoire', code: 'CI' },
    { input: 'Curacao', code: 'CW' },
    { input: 'Aland Islands', code: 'AX' },
    { input: 'Sao Tome and Principe', code: 'ST' },
    { input: 'Viet Nam', code: 'VN' },
    { input: 'U.S.A.', code: 'US' },
    { input: 'U.K.', code: 'GB' },
    // Saint and St., & and and, SAR, "Republic of" in either order
    { input: 'Saint Martin', code: 'MF' },
    { input: 'St Kitts and Nevis', code: 'KN' },
    { input: 'Saint Kitts & Nevis', code: 'KN' },
    { input: 'Trinidad & Tobago', code: 'TT' },
    { input: 'Bosnia & Herzegovina', code: 'BA' },
    { input: 'Hong Kong SAR', code: 'HK' },
    { input: 'Macao SAR China', code: 'MO' },
    { input: 'Korea, Republic of', code: 'KR' },
    { input: 'Republic of Korea', code: 'KR' },
    { input: 'Moldova, Republic of', code: 'MD' },
    { input: 'Republic of Moldova', code: 'MD' },
    { input: 'Congo, Democratic Republic of the', code: 'CD' },
    // Parenthetical parts are kept: they tell the two halves of Saint Martin apart
    { input: 'Saint-Martin (partie française)', code: 'MF' },
    { input: 'Saint-Martin (partie néerlandaise)', code: 'SX' },
    { input: 'Sint Maarten (Dutch part)', code: 'SX' },
    // An exact name wins over a looser reading
    { input: 'Togo', code: 'TG' },
    { input: 'Tonga', code: 'TO' },
    { input: 'Niger', code: 'NE' },
    { input: 'Nigeria', code: 'NG' },
    { input: 'Dominica', code: 'DM' },
    { input: 'Dominican Republic', code: 'DO' },
  ] as const
  for (const { input, code } of cases) {
    test(`${JSON.stringify(input)} is ${code}`, () => expect(resolveRegion(input).country).toBe(code))
  }
})

describe('a name that fits several countries is an error that lists them, never a pick', () => {
  const cases = [
    { input: 'Congo', says: ['CG', 'CD'] },
    { input: 'Korea', says: ['KP (North Korea)', 'KR (South Korea)'] },
    { input: 'Kongo', says: ['CG (Kongo in', 'CD (Kongo in'] },
    { input: 'Virgin Islands', says: ['VG', 'VI'] },
    { input: 'Guinea', says: ['GN (Guinea)', 'GW (Guinea-Bissau)', 'GQ (Equatorial Guinea)', 'PG (Papua New Guinea)'] },
    { input: 'guinea ', says: ['GN', 'GW', 'GQ', 'PG'] },
    { input: 'Sudan South', says: ['no error'] },
  ] as const
  for (const { input, says } of cases) {
    test(`${JSON.stringify(input)}: ${says.join(', ')}`, () => {
      const message = problem(input)
      for (const part of says) expect(message).toContain(part)
      if (says[0] !== 'no error') expect(message).toMatch(/^"[^"]+" fits more than one country/)
    })
  }

  test('the language given decides: Kongo is CG in Polish and CD in Norwegian', () => {
    expect(resolveRegion('Kongo', { locale: 'pl' }).country).toBe('CG')
    expect(resolveRegion('Kongo', { locale: 'nb' }).country).toBe('CD')
    expect(coverage({ country: 'Kongo' }, { language: 'pl', asOf: '2026-01-01T00:00:00Z' }).country).toBe('CG')
  })

  test('Māori names Qatar Katā and Chad Kāta: each exact name reads as its own, the accentless Kata as neither', () => {
    expect(resolveRegion('Katā', { locale: 'mi' }).country).toBe('QA')
    expect(resolveRegion('Kāta', { locale: 'mi' }).country).toBe('TD')
    expect(problem('Kata', 'mi')).toMatch(/fits more than one country: (QA|TD).*; (TD|QA)/)
  })

  test('a three-letter word is a name before an alpha-3 code: Nga is Russia in Vietnamese, NGA and nga Nigeria', () => {
    expect(resolveRegion('Nga', { locale: 'vi' }).country).toBe('RU')
    expect(resolveRegion('NGA', { locale: 'vi' }).country).toBe('NG')
    expect(resolveRegion('nga').country).toBe('NG')
  })

  test('no two countries of a language share an exact key: normalisation never merges them', () => {
    for (const locale of ['en', 'fr', 'de', 'pl', 'pt', 'vi', 'hi', 'yo', 'to', 'mi']) {
      const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
      const seen = new Map<string, string>()
      for (const code of countryCodes()) {
        const name = display.of(code)
        if (name === undefined || name === code) continue
        const key = nameKeys(name)[0]
        expect(seen.get(key) ?? code, `${name} in ${locale}`).toBe(code)
        seen.set(key, code)
      }
    }
  })
})

describe('places that are no ISO country: a small table, a zone where the place keeps its own clocks', () => {
  const cases = [
    { input: 'England', country: 'GB', zone: null },
    { input: 'Scotland', country: 'GB', zone: null },
    { input: 'Wales', country: 'GB', zone: null },
    { input: 'Northern Ireland', country: 'GB', zone: null },
    { input: 'Great Britain', country: 'GB', zone: null },
    { input: 'Britain', country: 'GB', zone: null },
    { input: 'Holland', country: 'NL', zone: null },
    { input: 'Canary Islands', country: 'ES', zone: 'Atlantic/Canary' },
    { input: 'the Canary Islands', country: 'ES', zone: 'Atlantic/Canary' },
    { input: 'Azores', country: 'PT', zone: 'Atlantic/Azores' },
    { input: 'Açores', country: 'PT', zone: 'Atlantic/Azores' },
    { input: 'Madeira', country: 'PT', zone: 'Atlantic/Madeira' },
  ] as const
  for (const { input, country, zone } of cases) {
    test(`${input} is ${country}${zone === null ? '' : `, in ${zone}`}`, () => {
      const info = resolveRegion(input)
      expect([info.country, info.zone]).toEqual([country, zone])
    })
  }

  test('every entry of the table names a country and, where given, a zone of it', () => {
    expect(Object.keys(placeNames).length).toBeGreaterThanOrEqual(10)
    for (const [name, { country, zone }] of Object.entries(placeNames)) {
      expect(resolveRegion(name).country).toBe(country)
      if (zone !== undefined) expect(resolveRegion(country).zone).toBeNull()
    }
  })

  test('a place with its own zone reads it, with a reason; a zone given wins', () => {
    // Madrid's day started an hour before the Canaries'.
    const asOf = '2025-11-02T23:30:00Z'
    const canary = coverage({ country: 'Canary Islands' }, { asOf })
    expect(canary.status).toBe('not-covered')
    expect(canary.from?.toISOString()).toBe('2025-11-03T00:00:00.000Z')
    expect(canary.reasons.find((reason) => reason.code === 'time-zone-of-place')?.message).toBe('No time zone given: Canary Islands keeps the clocks of Atlantic/Canary, which was read')
    expect(canary.reasons.map((reason) => reason.code)).not.toContain('time-zone-inferred')
    const given = coverage({ country: 'Canary Islands', timeZone: 'Europe/Madrid' }, { asOf })
    expect(given.from?.toISOString()).toBe('2025-11-02T23:00:00.000Z')
    expect(given.reasons.map((reason) => reason.code)).not.toContain('time-zone-of-place')
    // Spain with no place: every zone of Spain.
    expect(coverage({ country: 'Spain' }, { asOf }).status).toBe('undetermined')
  })
})

describe('the English table, packed (src/region/iso-codes.ts), is i18n-iso-countries\' en.json', () => {
  test('every code prints its first English name, and reads back from each of its names', () => {
    for (const [code, names] of Object.entries(english.countries)) {
      const list = Array.isArray(names) ? names : [names]
      expect(countryName(code)).toBe(list[0])
      // Congo is both CG's and CD's, Guinea a word of four countries' names: refused, listing them (above).
      for (const name of list) if (name !== 'Congo' && !Object.hasOwn(sharedNames, name)) expect(readCountry(name), name).toMatchObject({ ok: true, code: /^[A-Z]{2,3}$/.test(name) ? expect.any(String) : code })
    }
  })

  test('names print in any language Intl knows', () => {
    expect(countryName('DE', 'ja')).toBe('ドイツ')
    expect(countryName('DE', 'de')).toBe('Deutschland')
  })
})

describe('current zone names out: reports, normalized members, reasons', () => {
  const asOf = '2026-01-01T00:00:00Z'
  const cases = [
    { member: { country: 'UA', timeZone: 'Europe/Kiev' }, zone: 'Europe/Kyiv' },
    { member: { country: 'IN', timeZone: 'Asia/Calcutta' }, zone: 'Asia/Kolkata' },
    { member: { country: 'GL', timeZone: 'America/Godthab' }, zone: 'America/Nuuk' },
    { member: { country: 'VN', timeZone: 'asia/saigon' }, zone: 'Asia/Ho_Chi_Minh' },
    { member: { country: 'Canary Islands' }, zone: 'Atlantic/Canary' },
  ] as const
  for (const { member, zone } of cases) {
    test(`${JSON.stringify(member)}: ${zone}`, async () => {
      const { memberSchema } = await import('../src/schemas')
      expect(memberSchema.parse(member).timeZone).toBe(zone)
      const { reasons } = coverage(member, { asOf })
      expect(reasons.map((reason) => reason.message).join(' ')).not.toMatch(/Kiev|Calcutta|Godthab|Saigon/)
    })
  }

  test("an inferred zone list is the country's own: DE reads Europe/Berlin and Europe/Busingen", () => {
    const why = coverage({ country: 'DE' }, { asOf }).reasons.find((reason) => reason.code === 'time-zone-inferred')?.message
    expect(why).toContain("DE's zones (Europe/Berlin, Europe/Busingen)")
    expect(coverage({ country: 'CA' }, { asOf }).reasons.find((reason) => reason.code === 'time-zone-inferred')?.message).not.toContain('America/Panama')
  })
})

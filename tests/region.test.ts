import { beforeAll, describe, expect, test } from 'vitest'
import { linkedinGenAi, metaAiEu, PolicyInputError, registerLocale, resolveRegion } from '../src/index'
import { de, es, fr, it as italian, nl, pl, pt, sv, zh } from '../src/locales'
import { countryCodes } from '../src/region/codes'

beforeAll(() => {
  for (const locale of [de, es, fr, italian, nl, pl, pt, sv, zh]) registerLocale(locale)
})

describe('resolveRegion: regions', () => {
  const eu = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']
  const cases = [
    ...eu.map((code) => ({ input: code, country: code, region: 'EU', note: 'a member state' })),
    ...['GF', 'GP', 'MQ', 'RE', 'YT', 'MF'].map((code) => ({ input: code, country: code, region: 'EU', note: 'a French outermost region' })),
    { input: 'AX', country: 'AX', region: 'EU', note: 'Åland' },
    ...['IS', 'LI', 'NO'].map((code) => ({ input: code, country: code, region: 'EEA', note: 'EEA outside the EU' })),
    { input: 'CH', country: 'CH', region: 'CH', note: 'Switzerland' },
    { input: 'CA', country: 'CA', region: 'CA', note: 'Canada' },
    { input: 'HK', country: 'HK', region: 'HK', note: 'Hong Kong' },
    { input: 'GB', country: 'GB', region: 'UK', note: 'the United Kingdom' },
    ...['FO', 'GL'].map((code) => ({ input: code, country: code, region: 'ROW', note: 'Denmark, outside the EU' })),
    ...['SJ', 'BV'].map((code) => ({ input: code, country: code, region: 'ROW', note: 'Norway, outside the EEA Agreement' })),
    ...['PF', 'NC', 'WF', 'PM', 'BL', 'TF'].map((code) => ({ input: code, country: code, region: 'ROW', note: 'French OCT' })),
    ...['AW', 'CW', 'SX', 'BQ'].map((code) => ({ input: code, country: code, region: 'ROW', note: 'Dutch Caribbean' })),
    { input: 'GI', country: 'GI', region: 'ROW', note: 'Gibraltar is not the UK' },
    { input: 'MO', country: 'MO', region: 'ROW', note: 'Macao is not Hong Kong' },
    ...['AD', 'MC', 'SM', 'VA', 'XK'].map((code) => ({ input: code, country: code, region: 'ROW', note: 'European, outside the EU' })),
    { input: 'US', country: 'US', region: 'ROW', note: 'the rest of the world' },
  ] as const
  // POLICY.md, Phases: CA, HK and the UK were (possibly) on in 2024, paused, and on again from 2025-11-03.
  const phasesOf = (region: string) => (region === 'ROW' ? ['2024-global'] : ['CA', 'HK', 'UK'].includes(region) ? ['2024-global', '2025-six-regions'] : ['2025-six-regions'])
  for (const { input, country, region, note } of cases) {
    test(`${input} is ${region} (${note})`, () => {
      const info = resolveRegion(input)
      expect(info.country).toBe(country)
      expect(info.region).toBe(region)
      expect(info.alsoReadAs).toBeNull()
      expect(info.timeline.map((phase) => `${phase.region}/${phase.id}`)).toEqual(phasesOf(region).map((id) => `${region}/${id}`))
    })
  }

  for (const code of ['JE', 'GG', 'IM']) {
    test(`${code} is ROW, also read as UK (a Crown Dependency), with both timelines`, () => {
      const info = resolveRegion(code)
      expect([info.country, info.region, info.alsoReadAs]).toEqual([code, 'ROW', 'UK'])
      expect(info.timeline).toEqual([
        { region: 'ROW', ...linkedinGenAi.regions.ROW.timeline[0] },
        { region: 'UK', ...linkedinGenAi.regions.UK.timeline[0] },
        { region: 'UK', ...linkedinGenAi.regions.UK.timeline[1] },
      ])
    })
  }

  test('the timeline is the policy\'s, as stated: HK paused on 2024-10-11, CA on a day in a range, the UK only possibly on', () => {
    const first = (code: string) => resolveRegion(code).timeline[0]
    expect(first('HK')).toMatchObject({ start: '2024-09-18', end: '2024-10-11', certainty: 'reported' })
    expect(first('CA')).toMatchObject({ start: '2024-09-18', end: { earliest: '2024-10-16', latest: '2024-12-10' } })
    expect(first('GB')).toMatchObject({ start: '2024-09-18', end: '2024-09-20', certainty: 'possible' })
  })

  test('every ISO code resolves to one of the policy\'s regions, and only listed codes leave ROW', () => {
    const regions = Object.keys(linkedinGenAi.regions)
    const listed = new Set(Object.values(linkedinGenAi.regions).flatMap((region) => region.countries))
    for (const code of countryCodes()) {
      const info = resolveRegion(code)
      expect(info.country).toBe(code)
      expect(regions).toContain(info.region)
      expect(info.region === 'ROW').toBe(!listed.has(code))
    }
  })
})

describe('resolveRegion: under the Meta policy', () => {
  const cases = [
    { input: 'FR', region: 'EU', timeline: ['EU/2025-eu'], note: 'a member state' },
    { input: 'RE', region: 'EU', timeline: ['EU/2025-eu'], note: 'a French outermost region' },
    { input: 'NO', region: 'EEA', timeline: ['EEA/2025-eu'], note: 'EEA outside the EU' },
    { input: 'CH', region: null, timeline: [], note: 'Switzerland is outside the EU and the EEA' },
    { input: 'GB', region: null, timeline: [], note: 'the UK is outside this policy' },
    { input: 'SJ', region: null, timeline: [], note: 'Svalbard: the EEA Agreement does not apply' },
    { input: 'US', region: null, timeline: [], note: 'outside this policy' },
  ] as const
  for (const { input, region, timeline, note } of cases) {
    test(`${input} is ${region ?? 'in no region'} (${note})`, () => {
      const info = resolveRegion(input, { policy: metaAiEu })
      expect(info.region).toBe(region)
      expect(info.alsoReadAs).toBeNull()
      expect(info.timeline.map((phase) => `${phase.region}/${phase.id}`)).toEqual(timeline)
    })
  }

  test('every ISO code is in one of its regions, or in none', () => {
    const listed = new Set(Object.values(metaAiEu.regions).flatMap((region) => region.countries))
    for (const code of countryCodes()) expect(resolveRegion(code, { policy: metaAiEu }).region === null).toBe(!listed.has(code))
  })
})

describe('resolveRegion: forms of input', () => {
  const cases = [
    { input: 'UK', out: 'GB', name: 'the reserved alias UK' },
    { input: 'uk', out: 'GB', name: 'the alias in lower case' },
    { input: 'EL', out: 'GR', name: 'the EU alias EL' },
    { input: 'de', out: 'DE', name: 'lower-case alpha-2' },
    { input: ' DE ', out: 'DE', name: 'surrounding spaces' },
    { input: 'DEU', out: 'DE', name: 'alpha-3' },
    { input: 'deu', out: 'DE', name: 'lower-case alpha-3' },
    { input: 'GBR', out: 'GB', name: 'alpha-3 of the UK' },
    { input: '276', out: 'DE', name: 'numeric' },
    { input: '040', out: 'AT', name: 'numeric with a leading zero' },
    { input: '344', out: 'HK', name: 'numeric Hong Kong' },
    { input: 'Germany', out: 'DE', name: 'English name' },
    { input: 'germany', out: 'DE', name: 'English name, any case' },
    { input: 'Hong Kong', out: 'HK', name: 'English name with a space' },
    { input: 'United Kingdom', out: 'GB', name: 'English name of the UK' },
    { input: 'Deutschland', out: 'DE', name: 'German' },
    { input: 'Suisse', out: 'CH', name: 'French' },
    { input: 'Alemania', out: 'DE', name: 'Spanish' },
    { input: 'Svizzera', out: 'CH', name: 'Italian' },
    { input: 'Duitsland', out: 'DE', name: 'Dutch' },
    { input: 'Niemcy', out: 'DE', name: 'Polish' },
    { input: 'Alemanha', out: 'DE', name: 'Portuguese' },
    { input: 'Tyskland', out: 'DE', name: 'Swedish' },
    { input: '德国', out: 'DE', name: 'Chinese' },
    { input: 'Kosovo', out: 'XK', name: 'Kosovo by name' },
  ] as const
  for (const { input, out, name } of cases) {
    test(`${JSON.stringify(input)} is ${out} (${name})`, () => {
      expect(resolveRegion(input).country).toBe(out)
    })
  }

  const bad = [
    { input: 'ZZ', problem: 'not an ISO 3166-1 alpha-2 code', name: 'an unassigned two-letter code' },
    { input: 'XX', problem: 'not an ISO 3166-1 alpha-2 code', name: 'another unassigned code' },
    { input: 'ZZZ', problem: 'not an ISO 3166-1 code or a country name', name: 'an unassigned alpha-3' },
    { input: '999', problem: 'numeric code', name: 'an unassigned numeric code' },
    { input: '76', problem: 'three digits', name: 'a numeric code without padding' },
    { input: 'Atlantis', problem: 'not an ISO 3166-1 code or a country name', name: 'an unknown name' },
    { input: 'Germ', problem: 'not an ISO 3166-1 code or a country name', name: 'a prefix of a name' },
    { input: '', problem: 'is empty', name: 'an empty string' },
    { input: '   ', problem: 'is empty', name: 'only spaces' },
  ] as const
  for (const { input, problem, name } of bad) {
    test(`refuses ${JSON.stringify(input)} (${name})`, () => {
      expect(() => resolveRegion(input)).toThrow(PolicyInputError)
      expect(() => resolveRegion(input)).toThrow(problem)
      expect(() => resolveRegion(input)).toThrow(JSON.stringify(input))
    })
  }

  test('refuses a non-string with a PolicyInputError, not a TypeError', () => {
    expect(() => resolveRegion(42 as unknown as string)).toThrow(/expected a string, got 42/)
  })
})

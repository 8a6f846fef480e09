import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { countryZones } from '../../src/region/country-zones'
import { formatCivilDate, parseCivilDate } from '../../src/time/civil'
import { canonicalZone, localDay, offsetAt, readOffset, startOfDay, wallClockOffset } from '../../src/time/zone'
import { legacyZones, zoneLinksVersion } from '../../src/time/zone-links'
import reference from '../fixtures/start-of-day.json'

const day = (text: string) => parseCivilDate(text) as number
const iso = (ms: number) => new Date(ms).toISOString()

describe('startOfDay', () => {
  const cases = [
    { zone: 'Europe/Berlin', date: '2025-11-03', out: '2025-11-02T23:00:00.000Z', name: "CET, the six regions' start" },
    { zone: 'Europe/London', date: '2025-11-03', out: '2025-11-03T00:00:00.000Z', name: 'GMT' },
    { zone: 'Asia/Hong_Kong', date: '2025-11-03', out: '2025-11-02T16:00:00.000Z', name: 'UTC+8' },
    { zone: 'America/St_Johns', date: '2025-11-03', out: '2025-11-03T03:30:00.000Z', name: 'a half-hour zone' },
    { zone: 'America/Vancouver', date: '2025-11-03', out: '2025-11-03T08:00:00.000Z', name: 'the day after DST ended' },
    { zone: 'America/Vancouver', date: '2025-11-02', out: '2025-11-02T07:00:00.000Z', name: 'the day DST ends (midnight still PDT)' },
    { zone: 'Atlantic/Azores', date: '2025-03-30', out: '2025-03-30T01:00:00.000Z', name: 'a skipped midnight: the day starts at 01:00 local' },
    { zone: 'Atlantic/Azores', date: '2025-03-31', out: '2025-03-31T00:00:00.000Z', name: 'the day after a skipped midnight (now UTC+0)' },
    { zone: 'America/Havana', date: '2025-11-02', out: '2025-11-02T04:00:00.000Z', name: 'a repeated midnight: the first one' },
    { zone: 'Europe/Berlin', date: '2025-03-30', out: '2025-03-29T23:00:00.000Z', name: 'the day DST starts at 02:00' },
    { zone: 'Europe/Berlin', date: '2025-10-26', out: '2025-10-25T22:00:00.000Z', name: 'the day DST ends at 03:00' },
    { zone: 'Asia/Kathmandu', date: '2025-11-03', out: '2025-11-02T18:15:00.000Z', name: 'UTC+05:45' },
    { zone: 'Pacific/Kiritimati', date: '2025-11-03', out: '2025-11-02T10:00:00.000Z', name: 'UTC+14' },
    { zone: 'Pacific/Apia', date: '2011-12-30', out: '2011-12-30T10:00:00.000Z', name: 'a day Samoa skipped: the next day starts then' },
    { zone: 'Pacific/Apia', date: '2011-12-31', out: '2011-12-30T10:00:00.000Z', name: 'the first day after the skip' },
    { zone: 'Europe/Belgrade', date: '2024-09-18', out: '2024-09-17T22:00:00.000Z', name: "XK's zone on the global rollout date" },
    { zone: 'Europe/Berlin', date: '1955-06-01', out: '1955-05-31T23:00:00.000Z', name: 'a birthday before 1970' },
  ] as const

  for (const { zone, date, out, name } of cases) {
    test(`${zone} ${date}: ${name}`, () => {
      expect(iso(startOfDay(zone, day(date)))).toBe(out)
    })
  }

  test(`agrees with Python zoneinfo on ${reference.cases.length} zone-days around offset changes (${reference.origin})`, () => {
    const mismatches: string[] = []
    for (const [zone, date, expected] of reference.cases as [string, string, string][]) {
      const got = iso(startOfDay(zone, day(date))).replace('.000Z', 'Z')
      if (got !== expected) mismatches.push(`${zone} ${date}: ${got}, expected ${expected}`)
    }
    expect(mismatches).toEqual([])
  })

  test('is the first instant whose local date is the day (property)', () => {
    const zones = [...new Set(Object.values(countryZones).flat())]
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: day('1950-01-01'), max: day('2060-12-31') }), (zone, civil) => {
        const start = startOfDay(zone, civil)
        expect(localDay(zone, start)).toBeGreaterThanOrEqual(civil)
        expect(localDay(zone, start - 1)).toBeLessThan(civil)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('offsetAt', () => {
  const cases = [
    { zone: 'Europe/Berlin', at: '2025-10-26T00:59:59.999Z', out: 2, name: 'the last millisecond of CEST' },
    { zone: 'Europe/Berlin', at: '2025-10-26T01:00:00.000Z', out: 1, name: 'the first instant of CET' },
    { zone: 'Europe/Berlin', at: '2025-10-26T01:30:00.000Z', out: 1, name: 'where date-fns-tz answers +2' },
    { zone: 'Atlantic/Azores', at: '2025-03-30T00:59:59.000Z', out: -1, name: 'before the Azores skip' },
    { zone: 'Atlantic/Azores', at: '2025-03-30T01:00:00.000Z', out: 0, name: 'after the Azores skip' },
    { zone: 'Asia/Kathmandu', at: '2025-01-01T00:00:00.000Z', out: 5.75, name: 'a quarter-hour offset' },
    { zone: 'Europe/Dublin', at: '1900-01-01T00:00:00.000Z', out: -1521 / 3600, name: 'Dublin Mean Time, -00:25:21' },
    { zone: 'UTC', at: '1969-12-31T23:59:59.500Z', out: 0, name: 'a negative epoch with milliseconds' },
  ] as const
  for (const { zone, at, out, name } of cases) {
    test(`${zone} at ${at}: ${name}`, () => {
      expect(offsetAt(zone, Date.parse(at)) / 3_600_000).toBeCloseTo(out, 9)
    })
  }
})

describe('canonicalZone', () => {
  const cases = [
    { input: 'Europe/Berlin', out: 'Europe/Berlin' },
    { input: 'europe/berlin', out: 'Europe/Berlin' },
    // Current names out, whatever spelling came in (Node's ICU gives the first of each pair for the second).
    { input: 'Asia/Calcutta', out: 'Asia/Kolkata' },
    { input: 'Asia/Kolkata', out: 'Asia/Kolkata' },
    { input: 'Europe/Kiev', out: 'Europe/Kyiv' },
    { input: 'Europe/Kyiv', out: 'Europe/Kyiv' },
    { input: 'europe/kyiv', out: 'Europe/Kyiv' },
    { input: 'America/Godthab', out: 'America/Nuuk' },
    { input: 'America/Nuuk', out: 'America/Nuuk' },
    { input: 'Asia/Saigon', out: 'Asia/Ho_Chi_Minh' },
    { input: 'Asia/Ho_Chi_Minh', out: 'Asia/Ho_Chi_Minh' },
    { input: 'Asia/Rangoon', out: 'Asia/Yangon' },
    { input: 'Asia/Katmandu', out: 'Asia/Kathmandu' },
    { input: 'America/Buenos_Aires', out: 'America/Argentina/Buenos_Aires' },
    { input: 'Atlantic/Faeroe', out: 'Atlantic/Faroe' },
    { input: 'Pacific/Truk', out: 'Pacific/Chuuk' },
    // A current name Intl calls by another (America/Coral_Harbour) stays as given.
    { input: 'America/Atikokan', out: 'America/Atikokan' },
    { input: 'Africa/Asmara', out: 'Africa/Asmara' },
    // Old names Intl resolves itself.
    { input: 'US/Eastern', out: 'America/New_York' },
    { input: 'Asia/Ulan_Bator', out: 'Asia/Ulaanbaatar' },
    // A current name that is a link in tzdb stays: it is its country's own.
    { input: 'Europe/Amsterdam', out: 'Europe/Amsterdam' },
    { input: 'Europe/Busingen', out: 'Europe/Busingen' },
    // UTC as ECMAScript spells it.
    { input: 'UTC', out: 'UTC' },
    { input: 'Etc/UTC', out: 'UTC' },
    { input: 'GMT', out: 'UTC' },
    { input: 'Europe/Atlantis', out: undefined },
    { input: 'UTC+1', out: undefined },
    { input: '+01:00', out: undefined },
    { input: '', out: undefined },
    { input: 'Europe/Berlin ', out: undefined },
  ] as const
  for (const { input, out } of cases) {
    test(`${JSON.stringify(input)} -> ${String(out)}`, () => {
      expect(canonicalZone(input)).toBe(out)
    })
  }

  test('every deprecated name of the generated table maps to a current name that Intl knows, with the same clocks', () => {
    const current = new Set(Object.values(countryZones).flat())
    expect(Object.keys(legacyZones).length).toBeGreaterThan(10)
    expect(zoneLinksVersion).toMatch(/^\d{4}[a-z]$/)
    const at = [Date.parse('2000-01-01T00:00:00Z'), Date.parse('2025-07-01T00:00:00Z')]
    for (const [name, to] of Object.entries(legacyZones)) {
      expect(current.has(to), `${name} -> ${to}`).toBe(true)
      expect(canonicalZone(name)).toBe(to)
      expect(canonicalZone(to)).toBe(to)
      // Pacific/Truk is Pacific/Chuuk; both keep Port Moresby's clocks.
      for (const ms of at) expect(offsetAt(to, ms), `${name} at ${ms}`).toBe(offsetAt(name, ms))
    }
  })

  test('every zone a country lists reads as itself: no deprecated name is given out', () => {
    for (const zone of Object.values(countryZones).flat()) expect(canonicalZone(zone)).toBe(zone)
    for (const zone of Object.values(countryZones).flat()) expect(canonicalZone(zone.toUpperCase())).toBe(zone)
  })

  test('every zone tzdb lists for a country is known to this Node', () => {
    const unknown = Object.values(countryZones).flat().filter((zone) => canonicalZone(zone) === undefined)
    expect(unknown).toEqual([])
  })
})

test('formatCivilDate and parseCivilDate round-trip (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: day('0001-01-01'), max: day('9999-12-31') }), (civil) => {
      expect(parseCivilDate(formatCivilDate(civil))).toBe(civil)
    }),
  )
})

describe('readOffset', () => {
  const cases = [
    { text: '31 GMT+2', out: 2 * 3600, name: 'whole hours' },
    { text: '31 GMT-3:30', out: -(3 * 3600 + 30 * 60), name: 'hours and minutes, west' },
    { text: '31 GMT+5:45', out: 5 * 3600 + 45 * 60, name: 'a quarter-hour offset' },
    { text: '11 PM GMT-0:44:30', out: -(44 * 60 + 30), name: 'seconds (Monrovia Mean Time)' },
    { text: '31 GMT+14', out: 14 * 3600, name: 'two-digit hours' },
    { text: '31 GMT+05:45', out: 5 * 3600 + 45 * 60, name: 'the long form' },
    { text: '31 GMT', out: 0, name: 'GMT alone' },
    { text: '31 GMT+0', out: 0, name: 'a zero offset with a sign' },
    { text: '31 UTC+1', out: 3600, name: 'UTC for GMT' },
    { text: '31 GMT\u22124', out: -4 * 3600, name: 'a minus sign (U+2212)' },
    { text: '31', out: undefined, name: 'no offset' },
    { text: '31 CET', out: undefined, name: 'a zone abbreviation' },
    { text: '31 GMT+', out: undefined, name: 'a sign without hours' },
    { text: '31 GMT+123', out: undefined, name: 'three-digit hours' },
    { text: '31 GMT+5:4', out: undefined, name: 'one-digit minutes' },
    { text: '31 GMT+5:60', out: undefined, name: 'minutes past 59' },
    { text: '31 GMT+5.30', out: undefined, name: 'another separator' },
    { text: '31 GMT+5:30 ', out: undefined, name: 'text after the offset' },
    { text: '31 GMT+24', out: undefined, name: 'a day or more' },
    { text: '31 GMT*2', out: undefined, name: 'no sign' },
  ] as const
  for (const { text, out, name } of cases) {
    test(`${JSON.stringify(text)} -> ${String(out)}: ${name}`, () => {
      expect(readOffset(text)).toBe(out === undefined ? undefined : out * 1000)
    })
  }
})

test('offsetAt, and the wall-clock reading it falls back to, read offsets as formatToParts does, in every zone, AD and BC (property)', () => {
  // The reference: Intl's parts, read the plain way (Date arithmetic, so instants a day inside Date's range).
  const reference = (zone: string, ms: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
        .formatToParts(ms)
        .map((part) => [part.type, part.value]),
    )
    const year = parts.era === 'AD' ? Number(parts.year) : 1 - Number(parts.year)
    const wall = Date.UTC(2000, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
    const shifted = new Date(wall)
    shifted.setUTCFullYear(year)
    return shifted.getTime() - (ms - (((ms % 1000) + 1000) % 1000))
  }
  const zones = [...new Set(Object.values(countryZones).flat())]
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.integer({ min: -8_639_999_000_000_000, max: 8_639_999_000_000_000 }), (zone, ms) => {
      const expected = reference(zone, ms)
      expect(offsetAt(zone, ms)).toBe(expected)
      expect(wallClockOffset(zone, ms)).toBe(expected)
    }),
    { numRuns: 3000 },
  )
})

describe("a country's zones are its own (zone.tab's), and read the same instants", () => {
  const cases = [
    { country: 'DE', zones: ['Europe/Berlin', 'Europe/Busingen'], not: ['Europe/Zurich'] },
    { country: 'CA', has: ['America/Toronto', 'America/Atikokan', 'America/Blanc-Sablon', 'America/Creston'], not: ['America/Panama', 'America/Puerto_Rico', 'America/Phoenix'] },
    { country: 'NL', zones: ['Europe/Amsterdam'], not: ['Europe/Brussels'] },
    { country: 'NO', zones: ['Europe/Oslo'], not: ['Europe/Berlin'] },
    { country: 'IS', zones: ['Atlantic/Reykjavik'], not: ['Africa/Abidjan'] },
    { country: 'UA', zones: ['Europe/Simferopol', 'Europe/Kyiv'], not: [] },
    { country: 'RU', has: ['Europe/Moscow'], not: ['Europe/Simferopol'] },
    { country: 'ES', zones: ['Europe/Madrid', 'Africa/Ceuta', 'Atlantic/Canary'], not: [] },
    { country: 'PT', zones: ['Europe/Lisbon', 'Atlantic/Madeira', 'Atlantic/Azores'], not: [] },
  ]
  for (const { country, zones, has, not } of cases) {
    test(`${country}: ${(zones ?? has ?? []).join(', ')}${not.length > 0 ? `, not ${not.join(', ')}` : ''}`, () => {
      const listed = countryZones[country] ?? []
      if (zones !== undefined) expect(listed).toEqual(zones)
      for (const zone of has ?? []) expect(listed).toContain(zone)
      for (const zone of not) expect(listed).not.toContain(zone)
    })
  }

  // The zones left out keep the clocks of a zone still listed: the instants a country's days start at are the same.
  const same = [
    ['Europe/Busingen', 'Europe/Zurich'],
    ['America/Atikokan', 'America/Panama'],
    ['America/Blanc-Sablon', 'America/Puerto_Rico'],
    ['America/Creston', 'America/Phoenix'],
    ['Atlantic/Reykjavik', 'Africa/Abidjan'],
  ] as const
  for (const [own, shared] of same) {
    test(`${own} starts every day of 2024-2026 when ${shared} does`, () => {
      for (let at = day('2024-01-01'); at <= day('2026-12-31'); at += 7) expect(startOfDay(own, at)).toBe(startOfDay(shared, at))
    })
  }

  test('every zone is listed under exactly one country', () => {
    const seen = new Map<string, string>()
    for (const [country, zones] of Object.entries(countryZones)) {
      for (const zone of zones) {
        expect(seen.get(zone), `${zone} under ${country}`).toBeUndefined()
        seen.set(zone, country)
      }
    }
  })
})

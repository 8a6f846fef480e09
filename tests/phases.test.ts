// POLICY.md's phase table, row by row: each boundary at the start of its civil
// day in the member's zone, one second before it, at it and one second after
// it, in at least three zones per region. The boundary instants are computed
// here from Intl alone (not the library's startOfDay), and checked against
// instants written out by hand.
import { describe, expect, test } from 'vitest'
import { type Certainty, type ChannelOf, type CoverageReport, type CoverageStatus, coverage, type DataUseStatus, dataUse, type linkedinGenAi, type MemberInput, type ReasonCode } from '../src/index'

const SECOND = 1000
const HOUR = 3_600_000

const dayFormats = new Map<string, Intl.DateTimeFormat>()
/** The civil date (`YYYY-MM-DD`) in `zone` at the instant `ms`, read with Intl. */
function localDate(zone: string, ms: number): string {
  let format = dayFormats.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(zone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/**
 * The first instant whose local date in `zone` is `date` (or later): a search
 * between 15 hours before and 15 hours after the date's UTC midnight, which
 * holds every offset on Earth (UTC-12 to UTC+14).
 */
function startOfCivilDay(zone: string, date: string): number {
  const midnight = Date.parse(`${date}T00:00:00Z`)
  let before = midnight - 15 * HOUR
  let atOrAfter = midnight + 15 * HOUR
  expect(localDate(zone, before) < date && localDate(zone, atOrAfter) >= date).toBe(true)
  while (atOrAfter - before > 1) {
    const middle = Math.floor((before + atOrAfter) / 2)
    if (localDate(zone, middle) >= date) atOrAfter = middle
    else before = middle
  }
  return atOrAfter
}

describe('the boundaries computed here agree with instants written out by hand', () => {
  const anchors: [zone: string, date: string, start: string][] = [
    ['Asia/Hong_Kong', '2024-09-18', '2024-09-17T16:00:00.000Z'],
    ['Asia/Hong_Kong', '2024-10-11', '2024-10-10T16:00:00.000Z'],
    ['America/Toronto', '2024-10-16', '2024-10-16T04:00:00.000Z'],
    ['America/Toronto', '2024-12-10', '2024-12-10T05:00:00.000Z'],
    ['America/St_Johns', '2025-11-03', '2025-11-03T03:30:00.000Z'],
    ['America/Vancouver', '2025-11-03', '2025-11-03T08:00:00.000Z'],
    ['Europe/London', '2024-09-20', '2024-09-19T23:00:00.000Z'],
    ['Europe/Berlin', '2025-11-03', '2025-11-02T23:00:00.000Z'],
    ['Asia/Kathmandu', '2024-09-18', '2024-09-17T18:15:00.000Z'],
    ['Pacific/Kiritimati', '2024-09-18', '2024-09-17T10:00:00.000Z'],
    ['Pacific/Pago_Pago', '2024-09-18', '2024-09-18T11:00:00.000Z'],
    // Midnight skipped by DST: the day starts at 01:00 local.
    ['Atlantic/Azores', '2025-03-30', '2025-03-30T01:00:00.000Z'],
  ]
  test.each(anchors)('%s: %s starts at %s', (zone, date, start) => {
    expect(new Date(startOfCivilDay(zone, date)).toISOString()).toBe(start)
  })
})

/** A status, or a status and the reason code that must explain it. */
type Expected = CoverageStatus | readonly [CoverageStatus, ReasonCode]

interface Boundary {
  /** The civil date whose start, in the member's zone, is the boundary. */
  readonly date: string
  readonly before: Expected
  readonly at: Expected
  readonly after: Expected
}

interface WindowSpec {
  readonly from: string
  readonly until: string | null
  readonly phases: readonly string[]
  readonly certainty: Certainty
  readonly untilRange: readonly [string, string] | null
}

interface Row {
  readonly name: string
  /** Each member, with the zone its days start in (given as `timeZone`, or the country's only one). */
  readonly members: readonly { readonly member: MemberInput<ChannelOf<typeof linkedinGenAi>>; readonly zone: string }[]
  readonly region: string | null
  readonly alsoReadAs?: string
  readonly boundaries: readonly Boundary[]
  readonly windows: readonly WindowSpec[]
}

const inZone = (country: string, zone: string) => ({ member: { country, timeZone: zone }, zone })

const notStartedUntil = (date: string): Boundary => ({ date, before: ['not-covered', 'not-started'], at: 'covered', after: 'covered' })
const sixRegions = (region: string): WindowSpec => ({ from: '2025-11-03', until: null, phases: [`${region}/2025-six-regions`], certainty: 'stated', untilRange: null })
/** The 2025 phase: not covered a second before its start, covered from it (the pause before it named). */
const resumes: Boundary = { date: '2025-11-03', before: ['not-covered', 'paused'], at: 'covered', after: 'covered' }

const rows: readonly Row[] = [
  {
    name: 'ROW 2024-global: from 2024-09-18, open, reported',
    members: [inZone('US', 'America/Los_Angeles'), inZone('NP', 'Asia/Kathmandu'), inZone('KI', 'Pacific/Kiritimati'), inZone('AS', 'Pacific/Pago_Pago'), { member: { country: 'NP' }, zone: 'Asia/Kathmandu' }],
    region: 'ROW',
    boundaries: [notStartedUntil('2024-09-18'), { date: '2025-11-03', before: 'covered', at: 'covered', after: 'covered' }],
    windows: [{ from: '2024-09-18', until: null, phases: ['ROW/2024-global'], certainty: 'reported', untilRange: null }],
  },
  {
    name: 'HK 2024-global: 2024-09-18 until 2024-10-11 (paused), then 2025-six-regions',
    members: [{ member: { country: 'HK' }, zone: 'Asia/Hong_Kong' }, inZone('HK', 'Asia/Hong_Kong'), inZone('HK', 'America/Vancouver'), inZone('HK', 'Pacific/Auckland')],
    region: 'HK',
    boundaries: [notStartedUntil('2024-09-18'), { date: '2024-10-11', before: 'covered', at: ['not-covered', 'paused'], after: ['not-covered', 'paused'] }, resumes],
    windows: [{ from: '2024-09-18', until: '2024-10-11', phases: ['HK/2024-global'], certainty: 'reported', untilRange: null }, sixRegions('HK')],
  },
  {
    name: 'CA 2024-global: from 2024-09-18, paused on a day between 2024-10-16 and 2024-12-10, then 2025-six-regions',
    members: [inZone('CA', 'America/Toronto'), inZone('CA', 'America/Vancouver'), inZone('CA', 'America/St_Johns'), inZone('CA', 'America/Halifax')],
    region: 'CA',
    boundaries: [
      notStartedUntil('2024-09-18'),
      { date: '2024-10-16', before: 'covered', at: ['undetermined', 'end-range'], after: ['undetermined', 'end-range'] },
      { date: '2024-12-10', before: ['undetermined', 'end-range'], at: ['not-covered', 'paused'], after: ['not-covered', 'paused'] },
      resumes,
    ],
    windows: [{ from: '2024-09-18', until: '2024-12-10', phases: ['CA/2024-global'], certainty: 'reported', untilRange: ['2024-10-16', '2024-12-10'] }, sixRegions('CA')],
  },
  {
    name: 'UK 2024-global: possible, 2024-09-18 until 2024-09-20, then 2025-six-regions',
    members: [{ member: { country: 'GB' }, zone: 'Europe/London' }, inZone('GB', 'Europe/London'), inZone('GB', 'America/New_York'), inZone('GB', 'Asia/Kolkata')],
    region: 'UK',
    boundaries: [
      { date: '2024-09-18', before: ['not-covered', 'not-started'], at: ['undetermined', 'possible-phase'], after: ['undetermined', 'possible-phase'] },
      { date: '2024-09-19', before: ['undetermined', 'possible-phase'], at: ['undetermined', 'possible-phase'], after: ['undetermined', 'possible-phase'] },
      { date: '2024-09-20', before: ['undetermined', 'possible-phase'], at: ['not-covered', 'paused'], after: ['not-covered', 'paused'] },
      resumes,
    ],
    windows: [{ from: '2024-09-18', until: '2024-09-20', phases: ['UK/2024-global'], certainty: 'possible', untilRange: null }, sixRegions('UK')],
  },
  ...(
    [
      ['EU', [inZone('DE', 'Europe/Berlin'), inZone('ES', 'Atlantic/Canary'), inZone('PT', 'Atlantic/Azores'), inZone('FI', 'Europe/Helsinki'), inZone('RE', 'Indian/Reunion'), { member: { country: 'FR' }, zone: 'Europe/Paris' }]],
      ['EEA', [inZone('NO', 'Europe/Oslo'), inZone('IS', 'Atlantic/Reykjavik'), inZone('LI', 'Europe/Vaduz')]],
      ['CH', [{ member: { country: 'CH' }, zone: 'Europe/Zurich' }, inZone('CH', 'America/New_York'), inZone('CH', 'Asia/Tokyo')]],
    ] as const
  ).map(
    ([region, members]): Row => ({
      name: `${region}: none in 2024 (stated), 2025-six-regions from 2025-11-03`,
      members,
      region,
      boundaries: [
        // Every 2024 boundary of the other regions: nothing here.
        ...['2024-09-18', '2024-09-20', '2024-10-11', '2024-10-16', '2024-12-10'].map((date): Boundary => ({ date, before: ['not-covered', 'not-started'], at: ['not-covered', 'not-started'], after: ['not-covered', 'not-started'] })),
        notStartedUntil('2025-11-03'),
      ],
      windows: [sixRegions(region)],
    }),
  ),
  ...(['JE', 'GG', 'IM'] as const).map(
    (country): Row => ({
      name: `${country}: read both as ROW and as UK`,
      members: [{ member: { country }, zone: 'Europe/London' }, inZone(country, { JE: 'Europe/Jersey', GG: 'Europe/Guernsey', IM: 'Europe/Isle_of_Man' }[country]), inZone(country, 'America/New_York'), inZone(country, 'Asia/Kathmandu')],
      region: 'ROW',
      alsoReadAs: 'UK',
      boundaries: [
        // Covered for certain only where both readings are.
        { date: '2024-09-18', before: ['not-covered', 'not-started'], at: ['undetermined', 'possible-phase'], after: ['undetermined', 'possible-phase'] },
        { date: '2024-09-20', before: ['undetermined', 'possible-phase'], at: ['undetermined', 'paused'], after: ['undetermined', 'paused'] },
        { date: '2025-11-03', before: ['undetermined', 'paused'], at: 'covered', after: 'covered' },
      ],
      // One window from the earliest reading: ROW's open phase holds the UK reading's windows.
      // Its certainty is the firmest of its phases' (the engine's rule for a merged window).
      // One span of use, told in two windows: reported while only the ROW reading holds it, stated once the UK's 2025 phase does too.
      windows: [
        { from: '2024-09-18', until: '2025-11-03', phases: ['ROW/2024-global', 'UK/2024-global'], certainty: 'reported', untilRange: null },
        { from: '2025-11-03', until: null, phases: ['ROW/2024-global', 'UK/2025-six-regions'], certainty: 'stated', untilRange: null },
      ],
    }),
  ),
]

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString())
const memberName = ({ member, zone }: Row['members'][number]) => `${member.country} ${member.timeZone === undefined ? `(no zone: ${zone})` : member.timeZone}`

/** The report's windows, written as the specs are (instants as ISO strings). */
const windowsIn = (report: CoverageReport) =>
  report.windows.map((window) => ({
    from: iso(window.from.getTime()),
    until: isoOrNull(window.until),
    phases: [...window.phases].sort(),
    certainty: window.certainty,
    untilRange: window.untilRange === null ? null : [iso(window.untilRange.from.getTime()), iso(window.untilRange.until.getTime())],
  }))

for (const row of rows) {
  describe(row.name, () => {
    for (const entry of row.members) {
      const { member, zone } = entry
      const start = (date: string) => startOfCivilDay(zone, date)
      const expectedWindows = row.windows.map((window) => ({
        from: iso(start(window.from)),
        until: window.until === null ? null : iso(start(window.until)),
        phases: [...window.phases].sort(),
        certainty: window.certainty,
        untilRange: window.untilRange === null ? null : window.untilRange.map((date) => iso(start(date))),
      }))
      const cases = row.boundaries.flatMap((boundary) =>
        (['before', 'at', 'after'] as const).map((side) => {
          const at = start(boundary.date) + { before: -SECOND, at: 0, after: SECOND }[side]
          const expected = boundary[side]
          return { name: `${side} the start of ${boundary.date} (${iso(at)})`, at, expected: typeof expected === 'string' ? ([expected] as const) : expected }
        }),
      )
      describe(memberName(entry), () => {
        test.each(cases)('$name', ({ at, expected: [status, reason] }) => {
          const report = coverage(member, { asOf: new Date(at) })
          expect(report.status).toBe(status)
          if (reason !== undefined) expect(report.reasons.map((each) => each.code)).toContain(reason)
          expect(report.region).toBe(row.region)
          expect(report.alsoReadAs).toBe(row.alsoReadAs ?? null)
          expect(isoOrNull(report.from)).toBe(expectedWindows[0]?.from ?? null)
          expect(isoOrNull(report.until)).toBe(expectedWindows.at(-1)?.until ?? null)
          expect(windowsIn(report)).toEqual(expectedWindows)
        })
      })
    }
  })
}

describe('a member with no zone in a country of several: the widest reading over its zones', () => {
  // CA's days start first in America/St_Johns and last in America/Vancouver (tied with the zones on
  // UTC-7 in September): `from` takes the earliest start, the window's end the latest.
  const zones = ['America/St_Johns', 'America/Halifax', 'America/Toronto', 'America/Winnipeg', 'America/Edmonton', 'America/Vancouver']
  const earliest = (date: string) => Math.min(...zones.map((zone) => startOfCivilDay(zone, date)))
  const latest = (date: string) => Math.max(...zones.map((zone) => startOfCivilDay(zone, date)))
  const cases: { name: string; at: number; status: CoverageStatus }[] = [
    { name: 'a second before the earliest start of 2024-09-18', at: earliest('2024-09-18') - SECOND, status: 'not-covered' },
    { name: 'at the earliest start of 2024-09-18', at: earliest('2024-09-18'), status: 'undetermined' },
    { name: 'a second after the latest start of 2024-09-18', at: latest('2024-09-18') + SECOND, status: 'covered' },
    { name: 'a second before the earliest start of 2024-10-16', at: earliest('2024-10-16') - SECOND, status: 'covered' },
    { name: 'at the earliest start of 2024-10-16', at: earliest('2024-10-16'), status: 'undetermined' },
    { name: 'a second before the latest start of 2024-12-10', at: latest('2024-12-10') - SECOND, status: 'undetermined' },
    { name: 'at the latest start of 2024-12-10', at: latest('2024-12-10'), status: 'not-covered' },
    { name: 'a second before the earliest start of 2025-11-03', at: earliest('2025-11-03') - SECOND, status: 'not-covered' },
    { name: 'at the latest start of 2025-11-03', at: latest('2025-11-03'), status: 'covered' },
  ]
  test.each(cases)('CA, no zone: $name', ({ at, status }) => {
    expect(coverage({ country: 'CA' }, { asOf: new Date(at) }).status).toBe(status)
  })
  test('CA, no zone: from is the earliest start; the first window ends at the latest end, its range from the earliest', () => {
    const report = coverage({ country: 'CA' }, { asOf: '2025-01-01T00:00:00Z' })
    expect(isoOrNull(report.from)).toBe(iso(earliest('2024-09-18')))
    expect(isoOrNull(report.windows[0]?.until ?? null)).toBe(iso(latest('2024-12-10')))
    // The pause may fall at the start of 2024-10-16 in America/St_Johns: the end lies between that and the latest end.
    expect(report.windows[0]?.untilRange).toEqual({ from: new Date(earliest('2024-10-16')), until: new Date(latest('2024-12-10')) })
  })
})

describe('the readings of the phases, for a member\'s acts and items', () => {
  type Case = {
    name: string
    member: MemberInput<ChannelOf<typeof linkedinGenAi>>
    asOf: string
    status: CoverageStatus
    /** The windows' starts and ends, as civil dates in the member's zone. */
    windows: [string, string | null][]
    items?: [createdAt: string, status: DataUseStatus, reason?: ReasonCode][]
  }
  const hk = { country: 'HK', timeZone: 'Asia/Hong_Kong' } as const
  const cases: Case[] = [
    {
      name: 'HK opted out (setting) on 2025-10-10: not covered in 2026, what existed in 2024 retained',
      member: { ...hk, optOuts: [{ at: '2025-10-10T00:00:00Z', via: 'setting' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      windows: [['2024-09-18', '2024-10-11']],
      items: [['2024-10-01T00:00:00Z', 'retained', 'retained'], ['2025-01-01T00:00:00Z', 'out-of-scope', 'created-after-use']],
    },
    {
      name: 'HK opted out during 2024: it lasts into 2025',
      member: { ...hk, optOuts: [{ at: '2024-10-01T00:00:00Z', via: 'setting' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      windows: [['2024-09-18', '2024-10-01 08:00']],
      items: [['2024-09-20T00:00:00Z', 'retained'], ['2024-10-05T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'HK opted in during the pause: it takes effect when the next phase starts',
      member: { ...hk, optOuts: [{ at: '2024-10-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2025-01-01T00:00:00Z' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'covered',
      windows: [['2024-09-18', '2024-10-01 08:00'], ['2025-11-03', null]],
      items: [['2024-10-05T00:00:00Z', 'in-scope']],
    },
    {
      name: 'HK during the pause: what existed during the 2024 phase is retained, not out of scope',
      member: hk,
      asOf: '2025-01-01T00:00:00Z',
      status: 'not-covered',
      windows: [['2024-09-18', '2024-10-11'], ['2025-11-03', null]],
      items: [['2024-10-01T00:00:00Z', 'retained'], ['2020-01-01T00:00:00Z', 'retained'], ['2024-12-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'UK in the pause: an item that existed only during the possible phase is undetermined',
      member: { country: 'GB', timeZone: 'Europe/London' },
      asOf: '2025-01-01T00:00:00Z',
      status: 'not-covered',
      windows: [['2024-09-18', '2024-09-20'], ['2025-11-03', null]],
      items: [['2024-09-19T12:00:00Z', 'undetermined', 'created-only-possible'], ['2024-10-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'CA after the ranged pause: an item created inside the range is undetermined, one before it retained',
      member: { country: 'CA', timeZone: 'America/Toronto' },
      asOf: '2025-06-01T00:00:00Z',
      status: 'not-covered',
      windows: [['2024-09-18', '2024-12-10'], ['2025-11-03', null]],
      items: [['2024-10-01T00:00:00Z', 'retained'], ['2024-11-01T00:00:00Z', 'undetermined', 'end-range'], ['2024-12-11T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'JE in 2025 before the six regions: in scope as ROW, not as UK, so undetermined',
      member: { country: 'JE', timeZone: 'Europe/Jersey' },
      asOf: '2025-06-01T00:00:00Z',
      status: 'undetermined',
      windows: [['2024-09-18', '2025-11-03'], ['2025-11-03', null]],
      items: [['2025-01-01T00:00:00Z', 'undetermined']],
    },
  ]
  test.each(cases)('$name', ({ member, asOf, status, windows, items }) => {
    const zone = member.timeZone as string
    /** A civil date, or a date and a local time, as an instant in the member's zone. */
    const local = (text: string) => {
      const [civil, time] = text.split(' ') as [string, string | undefined]
      const start = startOfCivilDay(zone, civil)
      if (time === undefined) return iso(start)
      const [hours, minutes] = time.split(':').map(Number) as [number, number]
      return iso(start + hours * HOUR + minutes * 60_000)
    }
    const report = coverage(member, { asOf })
    expect(report.status).toBe(status)
    expect(report.windows.map((window) => [iso(window.from.getTime()), isoOrNull(window.until)])).toEqual(windows.map(([from, until]) => [local(from), until === null ? null : local(until)]))
    for (const [createdAt, expected, reason] of items ?? []) {
      const use = dataUse(member, { category: 'content', createdAt }, { asOf })
      expect({ createdAt, status: use.status }).toEqual({ createdAt, status: expected })
      if (reason !== undefined) expect(use.reasons.map((each) => each.code)).toContain(reason)
    }
  })
})

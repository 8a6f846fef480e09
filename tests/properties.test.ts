import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { coverage, dataUse, linkedinGenAi, type MemberInput } from '../src/index'
import { compilePolicy } from '../src/policy/compile'
import { daysFromCivil, parseCivilDate } from '../src/time/civil'
import { startOfDay } from '../src/time/zone'

const RUNS = { numRuns: 500 }
const compiled = compilePolicy(linkedinGenAi)
const countries = ['DE', 'GB', 'HK', 'CA', 'ES', 'PT', 'JE', 'US', 'XK', 'IN', 'AU', 'CH', 'NO', 'BR']
const zones = ['Europe/Berlin', 'America/St_Johns', 'Pacific/Kiritimati', 'Asia/Kathmandu', 'America/Vancouver', 'Atlantic/Azores', 'Pacific/Pago_Pago']
const LOW = Date.UTC(2023, 0, 1)
const HIGH = Date.UTC(2030, 0, 1)

/** An instant as a Date or as an ISO string in a random offset. */
const instant = fc.tuple(fc.integer({ min: LOW, max: HIGH }), fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.boolean()).map(([ms, offset, asDate]) => {
  if (asDate) return new Date(ms)
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
})
const birthDate = fc.oneof(
  fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.integer({ min: 1995, max: 2015 }).map(String),
)
const member: fc.Arbitrary<MemberInput> = fc.record(
  {
    country: fc.constantFrom(...countries),
    timeZone: fc.constantFrom(...zones),
    birthDate,
    secondarySchool: fc.boolean(),
    optOuts: fc.array(fc.record({ at: instant, via: fc.constantFrom('setting' as const, 'objection-form' as const) }), { maxLength: 4 }),
    optIns: fc.array(fc.record({ at: instant }), { maxLength: 3 }),
  },
  { requiredKeys: ['country'] },
)
const asOf = fc.integer({ min: LOW, max: HIGH }).map((ms) => new Date(ms))

/** The zones the member's days are counted in: theirs, or their country's. */
const zonesOf = (input: MemberInput) => (input.timeZone === undefined ? compiled.zonesOf(input.country) : [input.timeZone])
/** The earliest instant the member's rollout can start. */
function rolloutStart(input: MemberInput): number {
  const { readings } = compiled.placeOf(input.country)
  return Math.min(...zonesOf(input).flatMap((zone) => readings.map((reading) => startOfDay(zone, reading.day))))
}
/** The earliest instant the member can be 18. */
function adultFrom(input: MemberInput): number {
  if (input.birthDate === undefined) return Number.NEGATIVE_INFINITY
  const year = Number(input.birthDate.slice(0, 4)) + 18
  const day = input.birthDate.length === 4 ? daysFromCivil(year, 1, 1) : (parseCivilDate(`${year}${input.birthDate.slice(4)}`) ?? daysFromCivil(year, 3, 1))
  return Math.min(...zonesOf(input).map((zone) => startOfDay(zone, day)))
}

describe('coverage properties', () => {
  test('from is never before the rollout start', () => {
    fc.assert(
      fc.property(member, (input) => {
        const { from } = coverage(input, { asOf: new Date(HIGH) })
        if (from !== null) expect(from.getTime()).toBeGreaterThanOrEqual(rolloutStart(input))
      }),
      RUNS,
    )
  })

  test('never covered while under 18', () => {
    fc.assert(
      fc.property(member, asOf, (input, at) => {
        if (at.getTime() < adultFrom(input)) expect(coverage(input, { asOf: at }).status).not.toBe('covered')
      }),
      RUNS,
    )
  })

  test('opted out before the start, never back in: never covered, from null', () => {
    fc.assert(
      fc.property(member, asOf, fc.constantFrom('setting' as const, 'objection-form' as const), (input, at, via) => {
        const optOut = { at: new Date(rolloutStart(input) - 1), via }
        const report = coverage({ ...input, optIns: [], optOuts: [optOut, ...(input.optOuts ?? [])] }, { asOf: at })
        expect(report.status).toBe('not-covered')
        expect(report.from).toBeNull()
        expect(report.windows).toEqual([])
      }),
      RUNS,
    )
  })

  test('windows are sorted and disjoint, and from and until frame them', () => {
    fc.assert(
      fc.property(member, asOf, (input, at) => {
        const report = coverage(input, { asOf: at })
        report.windows.forEach((window, index) => {
          const next = report.windows[index + 1]
          if (window.until !== null) expect(window.from.getTime()).toBeLessThan(window.until.getTime())
          if (next !== undefined) {
            expect(window.until).not.toBeNull()
            expect((window.until as Date).getTime()).toBeLessThan(next.from.getTime())
          }
        })
        expect(report.from).toEqual(report.windows[0]?.from ?? null)
        expect(report.until).toEqual(report.windows.at(-1)?.until ?? null)
      }),
      RUNS,
    )
  })

  test('the order of optOuts and optIns does not matter', () => {
    fc.assert(
      fc.property(member, asOf, fc.infiniteStream(fc.double()), (input, at, noise) => {
        const shuffle = <T>(list: readonly T[] | undefined) =>
          list === undefined ? undefined : list.map((item) => ({ item, key: noise.next().value })).sort((a, b) => a.key - b.key).map(({ item }) => item)
        const reordered = { ...input, optOuts: shuffle(input.optOuts), optIns: shuffle(input.optIns) }
        expect(coverage(reordered, { asOf: at })).toEqual(coverage(input, { asOf: at }))
      }),
      RUNS,
    )
  })

  test('every status but covered has a reason beyond the context, each with a source', () => {
    fc.assert(
      fc.property(member, asOf, (input, at) => {
        const report = coverage(input, { asOf: at })
        const context = new Set(['rollout', 'territory-ambiguous', 'time-zone-inferred', 'age-not-given', 'adult-from', 'birth-year-only', 'opt-in-ignored'])
        if (report.status !== 'covered') expect(report.reasons.filter((reason) => !context.has(reason.code)).length).toBeGreaterThan(0)
        for (const reason of report.reasons) expect(Object.keys(linkedinGenAi.sources)).toContain(reason.source)
      }),
      RUNS,
    )
  })
})

describe('dataUse properties', () => {
  test('never in-scope unless coverage is covered at the same asOf', () => {
    fc.assert(
      fc.property(member, asOf, instant, fc.constantFrom('profile', 'content', 'resume', 'salary', 'other'), (input, at, createdAt, category) => {
        const use = dataUse(input, { category, createdAt }, { asOf: at })
        if (use.status === 'in-scope') expect(coverage(input, { asOf: at }).status).toBe('covered')
      }),
      RUNS,
    )
  })

  test('moving asOf forward never turns retained back into in-scope without an opt-in', () => {
    fc.assert(
      fc.property(member, asOf, asOf, instant, (input, first, second, createdAt) => {
        const [early, late] = first <= second ? [first, second] : [second, first]
        const noOptIns = { ...input, optIns: [] }
        const before = dataUse(noOptIns, { category: 'content', createdAt }, { asOf: early })
        const after = dataUse(noOptIns, { category: 'content', createdAt }, { asOf: late })
        if (before.status === 'retained') expect(after.status).not.toBe('in-scope')
      }),
      RUNS,
    )
  })
})

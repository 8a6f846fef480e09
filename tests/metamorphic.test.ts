// Metamorphic properties: changing the question in a known way changes the
// answer only in the known way. (Moving asOf forward never turns 'retained'
// back into 'in-scope' without an opt-in: tests/properties.test.ts.)
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { type CoverageReport, coverage, type MemberInput } from '../src/index'
import { compilePolicy } from '../src/policy/compile'
import { linkedinGenAi } from '../src/policy/linkedin'
import { offsetAt } from '../src/time/zone'

const RUNS = { numRuns: 400 }
const compiled = compilePolicy(linkedinGenAi)
const LOW = Date.UTC(2023, 0, 1)
const HIGH = Date.UTC(2029, 0, 1)
const instant = fc.integer({ min: LOW, max: HIGH }).map((ms) => new Date(ms))
const member: fc.Arbitrary<MemberInput> = fc.record(
  {
    country: fc.constantFrom('DE', 'CA', 'ES', 'PT', 'JE', 'US', 'AU', 'BR', 'GB', 'HK', 'XK', 'RU', 'KI'),
    birthDate: fc.oneof(
      fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2014-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc.integer({ min: 1995, max: 2014 }).map(String),
    ),
    optOuts: fc.array(fc.record({ at: instant, via: fc.constantFrom('setting' as const, 'objection-form' as const) }), { maxLength: 3 }),
    optIns: fc.array(fc.record({ at: instant }), { maxLength: 2 }),
  },
  { requiredKeys: ['country'] },
)
const asOf = instant
const END = Date.UTC(2100, 0, 1)

/** Milliseconds of use up to END. */
function usedFor(report: CoverageReport): number {
  return report.windows.reduce((sum, window) => sum + (Math.min(window.until?.getTime() ?? END, END) - window.from.getTime()), 0)
}

describe('metamorphic properties', () => {
  const host = process.env.TZ
  afterEach(() => {
    if (host === undefined) delete process.env.TZ
    else process.env.TZ = host
  })

  test('shifting the host time zone changes nothing', () => {
    const members = fc.sample(fc.tuple(member, asOf), { numRuns: 150, seed: 42 })
    const answers = (zone: string) => {
      process.env.TZ = zone
      // The host zone really moved (Node applies TZ when it is assigned).
      const probe = Date.UTC(2026, 0, 1)
      expect(new Date(probe).getTimezoneOffset()).toBe(-offsetAt(zone, probe) / 60_000 || 0)
      return JSON.stringify(members.map(([input, at]) => coverage(input, { asOf: at })))
    }
    const reference = answers('UTC')
    for (const zone of ['Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/Berlin', 'Pacific/Pago_Pago', 'Atlantic/Azores']) {
      expect(answers(zone)).toBe(reference)
    }
  })

  test("giving the member's own zone never moves from earlier than the zone-less answer", () => {
    fc.assert(
      fc.property(member, asOf, fc.nat(), (input, at, pick) => {
        const zones = compiled.zonesOf(input.country)
        const zone = zones[pick % zones.length] as string
        const without = coverage(input, { asOf: at }).from
        const withZone = coverage({ ...input, timeZone: zone }, { asOf: at }).from
        if (without === null) expect(withZone).toBeNull()
        else if (withZone !== null) expect(withZone.getTime()).toBeGreaterThanOrEqual(without.getTime())
      }),
      RUNS,
    )
  })

  test('an opt-in before the only opt-out, while the setting is on, changes nothing', () => {
    // One opt-out alone takes a short path of its own; with the opt-in, the general one.
    fc.assert(
      fc.property(member, asOf, instant, fc.constantFrom('setting' as const, 'objection-form' as const), fc.integer({ min: 1, max: 10 ** 10 }), (input, at, optOutAt, via, earlier) => {
        const alone = { ...input, optOuts: [{ at: optOutAt, via }], optIns: [] }
        const withOptIn = { ...alone, optIns: [{ at: new Date(optOutAt.getTime() - earlier) }] }
        expect(coverage(withOptIn, { asOf: at })).toEqual(coverage(alone, { asOf: at }))
      }),
      RUNS,
    )
  })

  test('adding an opt-out never lengthens a window', () => {
    fc.assert(
      fc.property(member, asOf, instant, fc.constantFrom('setting' as const, 'objection-form' as const), (input, at, extraAt, via) => {
        const before = coverage(input, { asOf: at })
        const after = coverage({ ...input, optOuts: [...(input.optOuts ?? []), { at: extraAt, via }] }, { asOf: at })
        expect(usedFor(after)).toBeLessThanOrEqual(usedFor(before))
        for (const window of after.windows) {
          const until = window.until?.getTime() ?? Number.POSITIVE_INFINITY
          const within = before.windows.some((old) => old.from.getTime() <= window.from.getTime() && until <= (old.until?.getTime() ?? Number.POSITIVE_INFINITY))
          expect(within).toBe(true)
        }
      }),
      RUNS,
    )
  })
})

// Metamorphic properties: changing the question in a known way changes the
// answer only in the known way, under each built-in policy. (Moving asOf
// forward never turns 'retained' back into 'in-scope' without an opt-in:
// tests/properties.test.ts.)
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { type CoverageReport, coverage, linkedinGenAi, type MemberInput, metaAiEu, type Policy } from '../src/index'
import { compilePolicy } from '../src/policy/compile'
import { offsetAt } from '../src/time/zone'

const RUNS = { numRuns: 400 }
const LOW = Date.UTC(2023, 0, 1)
const HIGH = Date.UTC(2029, 0, 1)
const instant = fc.integer({ min: LOW, max: HIGH }).map((ms) => new Date(ms))
/** Countries of several zones, territories read two ways, and countries outside the built-in regions. */
const mixed = ['DE', 'CA', 'ES', 'PT', 'JE', 'US', 'AU', 'BR', 'GB', 'HK', 'XK', 'RU', 'KI', 'NO', 'FR', 'CH']
/** A member of the policy's regions (each as likely as another) or of `mixed`, with the policy's channels. */
function memberOf(policy: Policy): fc.Arbitrary<MemberInput> {
  const regions = Object.values(policy.regions).filter((region) => region.countries.length > 0)
  return fc.record(
    {
      country: fc.oneof(...regions.map((region) => fc.constantFrom(...region.countries)), fc.constantFrom(...mixed)),
      birthDate: fc.oneof(
        fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2014-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        fc.integer({ min: 1995, max: 2014 }).map(String),
      ),
      optOuts: fc.array(fc.record({ at: instant, via: fc.constantFrom(...Object.keys(policy.channels)) }), { maxLength: 3 }),
      optIns: fc.array(fc.record({ at: instant }), { maxLength: 2 }),
    },
    { requiredKeys: ['country'] },
  )
}
const asOf = instant
const END = Date.UTC(2100, 0, 1)
const builtIn: readonly Policy[] = [linkedinGenAi, metaAiEu]

/** Milliseconds of use up to END. */
function usedFor(report: CoverageReport): number {
  return report.windows.reduce((sum, window) => sum + (Math.min(window.until?.getTime() ?? END, END) - window.from.getTime()), 0)
}

describe.each(builtIn.map((policy) => ({ id: policy.id, policy })))('metamorphic properties: $id', ({ policy }) => {
  const compiled = compilePolicy(policy)
  const member = memberOf(policy)
  const channel = fc.constantFrom(...Object.keys(policy.channels))
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
      return JSON.stringify(members.map(([input, at]) => coverage(input, { asOf: at, policy })))
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
        const without = coverage(input, { asOf: at, policy }).from
        const withZone = coverage({ ...input, timeZone: zone }, { asOf: at, policy }).from
        if (without === null) expect(withZone).toBeNull()
        else if (withZone !== null) expect(withZone.getTime()).toBeGreaterThanOrEqual(without.getTime())
      }),
      RUNS,
    )
  })

  // An unknown fact is read every way it can be: where the answer is certain, every reading gives it.
  test("a certain answer without a zone is the answer in each of the country's zones", () => {
    fc.assert(
      fc.property(member, asOf, (input, at) => {
        const { status } = coverage(input, { asOf: at, policy })
        if (status === 'undetermined') return
        for (const zone of compiled.zonesOf(input.country)) {
          expect({ zone, status: coverage({ ...input, timeZone: zone }, { asOf: at, policy }).status }).toEqual({ zone, status })
        }
      }),
      RUNS,
    )
  })

  test('a certain answer with the birth year alone is the answer for its first, its last and any day of it', () => {
    fc.assert(
      fc.property(member, asOf, fc.integer({ min: 0, max: 364 }), (input, at, dayOfYear) => {
        const year = String(input.birthDate ?? '2006').slice(0, 4)
        const { status } = coverage({ ...input, birthDate: year }, { asOf: at, policy })
        if (status === 'undetermined') return
        const some = new Date(Date.UTC(Number(year), 0, 1 + dayOfYear)).toISOString().slice(0, 10)
        for (const birthDate of [`${year}-01-01`, `${year}-12-31`, some]) {
          expect({ birthDate, status: coverage({ ...input, birthDate }, { asOf: at, policy }).status }).toEqual({ birthDate, status })
        }
      }),
      RUNS,
    )
  })

  const ambiguous = Object.entries(policy.territories).flatMap(([code, territory]) => (territory.alsoReadAs === undefined ? [] : [{ code, alsoReadAs: territory.alsoReadAs }]))
  // Only a policy with such territories (LinkedIn's JE, GG, IM) has this property to keep.
  if (ambiguous.length > 0) test('a territory read two ways: a certain answer is the answer of a country of each region, in the same zone', () => {
    const of = (region: string | null) => [...mixed, ...Object.values(policy.regions).flatMap((each) => each.countries)].find((code) => compiled.placeOf(code).region === region && compiled.placeOf(code).alsoReadAs === null) as string
    fc.assert(
      fc.property(member, asOf, fc.constantFrom(...ambiguous), fc.nat(), (input, at, { code, alsoReadAs }, pick) => {
        const zones = compiled.zonesOf(code)
        const territory = { ...input, country: code, timeZone: zones[pick % zones.length] as string }
        const { status } = coverage(territory, { asOf: at, policy })
        if (status === 'undetermined') return
        for (const country of [of(compiled.placeOf(code).region), of(alsoReadAs)]) {
          expect({ country, status: coverage({ ...territory, country }, { asOf: at, policy }).status }).toEqual({ country, status })
        }
      }),
      RUNS,
    )
  })

  test('an opt-in before the only opt-out, while the member is opted in, changes nothing', () => {
    fc.assert(
      fc.property(member, asOf, instant, channel, fc.integer({ min: 1, max: 10 ** 10 }), (input, at, optOutAt, via, earlier) => {
        const alone = { ...input, optOuts: [{ at: optOutAt, via }], optIns: [] }
        const withOptIn = { ...alone, optIns: [{ at: new Date(optOutAt.getTime() - earlier) }] }
        expect(coverage(withOptIn, { asOf: at, policy })).toEqual(coverage(alone, { asOf: at, policy }))
      }),
      RUNS,
    )
  })

  test('adding an opt-out never lengthens a window', () => {
    fc.assert(
      fc.property(member, asOf, instant, channel, (input, at, extraAt, via) => {
        const before = coverage(input, { asOf: at, policy })
        const after = coverage({ ...input, optOuts: [...(input.optOuts ?? []), { at: extraAt, via }] }, { asOf: at, policy })
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

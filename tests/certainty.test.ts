// Properties of the readings, checked on edited copies of the built-in policies
// (structuredClone, then one change): a pause (LinkedIn's act) never takes back
// what existed during use, and a fact made less certain never makes an answer
// more certain. Fixed runs and seeds: the same cases every run, no timing.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type CoverageReport, coverage, dataUse, linkedinGenAi, type MemberInput, metaAiEu, type Policy, type PolicyPhase } from '../src/index'
import { definePolicy } from '../src/schemas'
import { compilePolicy } from '../src/policy/compile'
import { formatCivilDate, parseCivilDate } from '../src/time/civil'
import { startOfDay } from '../src/time/zone'

const RUNS = 200
const YEAR = 365 * 86_400_000
const LOW = Date.UTC(2023, 0, 1)
const HIGH = Date.UTC(2031, 0, 1)
const zones = ['Europe/Berlin', 'America/St_Johns', 'America/Vancouver', 'Asia/Hong_Kong', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Europe/London']
/** Countries of a rest-of-the-world region, which lists none (JE: read as UK too). */
const restOfWorld = ['US', 'NP', 'KI', 'BR', 'JE', 'GI', 'MO']
const builtIn: readonly Policy[] = [linkedinGenAi, metaAiEu]

type Timeline = PolicyPhase[]
const day = (date: string) => parseCivilDate(date) as number
const date = (days: number) => formatCivilDate(days)

/** A copy of `policy` whose region `code` has `timeline`, checked by `definePolicy` (which throws if it is not valid). */
function withTimeline(policy: Policy, code: string, timeline: Timeline): Policy {
  const copy = structuredClone(policy) as unknown as { regions: Record<string, { timeline: Timeline }> }
  ;(copy.regions[code] as { timeline: Timeline }).timeline = timeline
  return definePolicy(copy as unknown as Policy)
}
const timelineOf = (policy: Policy, code: string) => structuredClone(policy.regions[code]?.timeline ?? []) as Timeline

/** Countries whose answer reads region `code`'s timeline. */
function countriesOf(policy: Policy, code: string): string[] {
  const region = policy.regions[code]
  const own = region === undefined || region.countries.length > 0 ? (region?.countries ?? []) : restOfWorld
  const territories = Object.entries(policy.territories).flatMap(([country, territory]) => (territory.alsoReadAs === code ? [country] : []))
  return [...own, ...territories]
}

const instant = fc.integer({ min: LOW, max: HIGH })
/** A member of one of `countries`, zone and birth date given or not, with the policy's channels. */
function memberOf(policy: Policy, countries: readonly string[]): fc.Arbitrary<MemberInput> {
  return fc.record(
    {
      country: fc.constantFrom(...countries),
      timeZone: fc.constantFrom(...zones),
      birthDate: fc.oneof(fc.integer({ min: 1995, max: 2012 }).map(String), fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2012-12-31T00:00:00Z'), noInvalidDate: true }).map((at) => at.toISOString().slice(0, 10))),
      secondarySchool: fc.constantFrom(false, false, false, true),
      optOuts: fc.array(fc.record({ at: instant.map((ms) => new Date(ms)), via: fc.constantFrom(...Object.keys(policy.channels)) }), { maxLength: 3 }),
      optIns: fc.array(fc.record({ at: instant.map((ms) => new Date(ms)) }), { maxLength: 2 }),
    },
    { requiredKeys: ['country'] },
  )
}
/** An item of a category the policy uses (or one it does not know), created at an instant or on a day. */
function itemOf(policy: Policy) {
  const used = Object.keys(policy.categories).filter((slug) => policy.categories[slug]?.used === true)
  const createdAt = fc.oneof(instant.map((ms) => new Date(ms).toISOString()), instant.map((ms) => new Date(ms).toISOString().slice(0, 10)))
  return fc.record({ category: fc.constantFrom(...used, 'unknown-category'), createdAt })
}

/** Whether every reading of the member's country is region `code`'s timeline (not a territory read two ways). */
function onlyReads(policy: Policy, input: MemberInput, code: string): boolean {
  const place = compilePolicy(policy).placeOf(input.country)
  return place.region === code && place.alsoReadAs === null
}
/** The start of civil date `civil` in each zone the member may be in. */
function startsOf(policy: Policy, input: MemberInput, civil: string): number[] {
  const zones = input.timeZone === undefined ? compilePolicy(policy).zonesOf(input.country) : [input.timeZone]
  return zones.map((zone) => startOfDay(zone, day(civil)))
}
const end = (window: CoverageReport['windows'][number]) => window.until?.getTime() ?? Number.POSITIVE_INFINITY
/** Every window of `inner` lies inside a window of `outer`. */
function expectWithin(inner: CoverageReport, outer: CoverageReport) {
  for (const window of inner.windows) {
    const inside = outer.windows.some((each) => each.from.getTime() <= window.from.getTime() && end(window) <= end(each))
    expect({ window, inside }).toEqual({ window, inside: true })
  }
}

describe.each(builtIn.map((policy) => ({ id: policy.id, policy })))('$id', ({ policy }) => {
  const item = itemOf(policy)
  const open = Object.entries(policy.regions).flatMap(([code, region]) => (region.timeline.at(-1)?.end === null ? [code] : []))

  describe('a pause never turns what existed during use into out-of-scope', () => {
    /** The region's open phase split in two: paused on `pause`, resumed on `resume` (a later civil date). */
    const paused = fc
      .record({ code: fc.constantFrom(...open), after: fc.integer({ min: 1, max: 1500 }), gap: fc.integer({ min: 1, max: 800 }) })
      .map(({ code, after, gap }) => {
        const start = day((policy.regions[code]?.timeline.at(-1) as PolicyPhase).start)
        return { code, pause: date(start + after), resume: date(start + after + gap) }
      })
    /** The copy with the pause: made once per edit, and kept out of the cases so that a counterexample prints short. */
    const copies = new Map<string, Policy>()
    function pausedCopy({ code, pause, resume }: { code: string; pause: string; resume: string }): Policy {
      const key = `${code} ${pause} ${resume}`
      let copy = copies.get(key)
      if (copy === undefined) {
        const timeline = timelineOf(policy, code)
        const last = timeline.pop() as PolicyPhase
        copy = withTimeline(policy, code, [...timeline, { ...last, end: pause }, { ...last, id: `${last.id}-resumed`, start: resume }])
        copies.set(key, copy)
      }
      return copy
    }
    const cases = paused.chain((edit) => fc.record({ edit: fc.constant(edit), member: memberOf(policy, countriesOf(policy, edit.code)), asOf: instant, item }))

    test("the paused copy is a valid policy; its windows lie inside the original's, and none in the gap", () => {
      fc.assert(
        fc.property(cases, ({ edit, member, asOf }) => {
          const original = coverage(member, { asOf: new Date(asOf), policy })
          const report = coverage(member, { asOf: new Date(asOf), policy: pausedCopy(edit) })
          expectWithin(report, original)
          // The instants inside the gap in every zone the member may be in.
          const [gapFrom, gapUntil] = [Math.max(...startsOf(policy, member, edit.pause)), Math.min(...startsOf(policy, member, edit.resume))]
          // A territory read two ways keeps the other reading's use in the gap.
          if (!onlyReads(policy, member, edit.code)) return
          for (const window of report.windows) expect({ window, inGap: window.from.getTime() < gapUntil && gapFrom < end(window) }).toEqual({ window, inGap: false })
        }),
        { numRuns: RUNS, seed: 20240918 },
      )
    })

    test("before the pause every answer is the original's", () => {
      fc.assert(
        fc.property(cases, ({ edit, member, asOf, item: data }) => {
          const pauseAt = Math.min(...startsOf(policy, member, edit.pause))
          if (asOf >= pauseAt) return
          const at = new Date(asOf)
          expect(coverage(member, { asOf: at, policy: pausedCopy(edit) }).status).toBe(coverage(member, { asOf: at, policy }).status)
          expect(dataUse(member, data, { asOf: at, policy: pausedCopy(edit) }).status).toBe(dataUse(member, data, { asOf: at, policy }).status)
        }),
        { numRuns: RUNS, seed: 20241011 },
      )
    })

    test('an item in use or retained just before the pause is never out of scope through the pause and after', () => {
      fc.assert(
        fc.property(cases, fc.integer({ min: 1, max: 3 * YEAR }), fc.integer({ min: 0, max: 4 * YEAR }), ({ edit, member, item: { category } }, earlier, later) => {
          const starts = (civil: string) => startsOf(policy, member, civil)
          const pauseAt = Math.min(...starts(edit.pause))
          const data = { category, createdAt: new Date(pauseAt - earlier) }
          const justBefore = dataUse(member, data, { asOf: new Date(pauseAt - 1), policy }).status
          if (justBefore !== 'in-scope' && justBefore !== 'retained') return
          const asOf = pauseAt + later
          const now = dataUse(member, data, { asOf: new Date(asOf), policy: pausedCopy(edit) }).status
          expect({ justBefore, now }).not.toEqual({ justBefore, now: 'out-of-scope' })
          // Where one reading of the facts not given is in use and another paused (a zone whose pause or resumption
          // has begun and one where it has not; the other reading of a territory), the item is undetermined;
          // elsewhere it is in scope or retained.
          const across = (civil: string) => Math.min(...starts(civil)) <= asOf && asOf < Math.max(...starts(civil))
          if (onlyReads(policy, member, edit.code) && !across(edit.pause) && !across(edit.resume)) {
            expect({ justBefore, now }).toEqual({ justBefore, now: expect.stringMatching(/^(in-scope|retained)$/) })
          }
        }),
        { numRuns: RUNS, seed: 20241210 },
      )
    })
  })

  describe('making a fact less certain never makes an answer more certain', () => {
    type Edit = { code: string; index: number; kind: 'possible' | 'range'; earlier: number; later: number }
    /** Phases that can be made less certain: any not yet possible, and any whose end is known or a range. */
    const targets = Object.entries(policy.regions).flatMap(([code, region]) =>
      region.timeline.flatMap((phase, index) => [
        ...(phase.certainty === 'possible' ? [] : [{ code, index, kind: 'possible' as const }]),
        ...(phase.end === null ? [] : [{ code, index, kind: 'range' as const }]),
      ]),
    )
    /** The copy with the edit made: a phase `possible`, or its end a range reaching `earlier` days before and `later` days after the end known. */
    function lessCertain({ code, index, kind, earlier, later }: Edit): Policy {
      const timeline = timelineOf(policy, code)
      const phase = timeline[index] as PolicyPhase
      if (kind === 'possible') timeline[index] = { ...phase, certainty: 'possible' }
      else {
        const known = phase.end as NonNullable<PolicyPhase['end']>
        const [low, high] = typeof known === 'string' ? [day(known), day(known)] : [day(known.earliest), day(known.latest)]
        const next = timeline[index + 1]
        // Inside the phase's own start and the next phase's start; at least a day wide.
        const earliest = Math.max(day(phase.start) + 1, low - earlier)
        const latest = Math.max(earliest + 1, Math.min(next === undefined ? Number.POSITIVE_INFINITY : day(next.start), high + later))
        timeline[index] = { ...phase, end: { earliest: date(earliest), latest: date(latest) } }
      }
      return withTimeline(policy, code, timeline)
    }
    const edited = fc
      .record({ target: fc.constantFrom(...targets), earlier: fc.integer({ min: 0, max: 120 }), later: fc.integer({ min: 0, max: 400 }) })
      .map(({ target, earlier, later }) => ({ ...target, earlier, later }))
    const copies = new Map<string, Policy>()
    /** The copy with the edit made, once per edit (kept out of the cases so that a counterexample prints short). */
    function copyOf(edit: Edit): Policy {
      const key = JSON.stringify(edit)
      let copy = copies.get(key)
      if (copy === undefined) {
        copy = lessCertain(edit)
        copies.set(key, copy)
      }
      return copy
    }
    const cases = edited.chain((edit) => fc.record({ edit: fc.constant(edit), member: memberOf(policy, countriesOf(policy, edit.code)), asOf: instant, item }))

    test('the edited copy is a valid policy and only widens: from no later, every window of the original inside one of the copy', () => {
      expect(targets.length).toBeGreaterThan(0)
      fc.assert(
        fc.property(cases, ({ edit, member, asOf }) => {
          const original = coverage(member, { asOf: new Date(asOf), policy })
          const report = coverage(member, { asOf: new Date(asOf), policy: copyOf(edit) })
          expectWithin(original, report)
          if (original.from !== null) expect(report.from?.getTime()).toBeLessThanOrEqual(original.from.getTime())
        }),
        { numRuns: RUNS, seed: 20250527 },
      )
    })

    test('coverage: where the copy is certain (covered, not-covered), the original says the same', () => {
      fc.assert(
        fc.property(cases, ({ edit, member, asOf }) => {
          const at = new Date(asOf)
          const status = coverage(member, { asOf: at, policy: copyOf(edit) }).status
          if (status !== 'undetermined') expect({ edit, status: coverage(member, { asOf: at, policy }).status }).toEqual({ edit, status })
        }),
        { numRuns: RUNS, seed: 20251103 },
      )
    })

    test('dataUse: where the copy is certain (in-scope, retained, out-of-scope), the original says the same', () => {
      fc.assert(
        fc.property(cases, ({ edit, member, asOf, item: data }) => {
          const at = new Date(asOf)
          const status = dataUse(member, data, { asOf: at, policy: copyOf(edit) }).status
          if (status !== 'undetermined') expect({ edit, status: dataUse(member, data, { asOf: at, policy }).status }).toEqual({ edit, status })
        }),
        { numRuns: RUNS, seed: 20240920 },
      )
    })
  })
})

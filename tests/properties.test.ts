// Properties every built-in policy keeps, run over each: members are drawn from
// the policy's own regions (each region as likely as another), territories and
// a few countries outside them, with the policy's own channels and categories.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { certainties, coverage, dataUse, linkedinGenAi, type MemberInput, metaAiEu, type Policy, type ReasonCode } from '../src/index'
import { compilePolicy } from '../src/policy/compile'
import { daysFromCivil, parseCivilDate } from '../src/time/civil'
import { startOfDay } from '../src/time/zone'

const RUNS = { numRuns: 500 }
const zones = ['Europe/Berlin', 'America/St_Johns', 'Pacific/Kiritimati', 'Asia/Kathmandu', 'America/Vancouver', 'Atlantic/Azores', 'Pacific/Pago_Pago', 'Asia/Hong_Kong', 'America/Toronto']
/** Countries no built-in region lists (answered by a rest-of-the-world region, or `undetermined`). */
const elsewhere = ['US', 'IN', 'AU', 'BR', 'KI', 'XK', 'CH', 'GB', 'HK', 'CA']
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
const asOf = fc.integer({ min: LOW, max: HIGH }).map((ms) => new Date(ms))
const ms = (value: string | Date) => (typeof value === 'string' ? Date.parse(value) : value.getTime())

/** Reasons that state the member's facts and the policy's phases, whatever the status. */
const CONTEXT = new Set<ReasonCode>(['phase', 'territory-ambiguous', 'time-zone-inferred', 'age-not-given', 'adult-from', 'birth-year-only', 'opt-in-ignored'])
/** Reasons that name a fact not known: an `undetermined` status gives one of them. */
const UNKNOWN_FACT = new Set<ReasonCode>(['outside-policy', 'possible-phase', 'end-range', 'start-undetermined'])
/** Reasons that apply a rule of the policy: each names the source of that rule. */
const RULES = new Set<ReasonCode>([
  'phase', 'territory-ambiguous', 'outside-policy', 'age-not-given', 'adult-from', 'birth-year-only', 'secondary-school', 'opt-in-ignored',
  'not-started', 'under-18', 'paused', 'ended', 'possible-phase', 'end-range', 'opted-out', 'opted-out-for-good', 'opted-out-before-start',
  'category-used', 'category-not-used', 'created-under-18', 'retained', 'created-after-use', 'created-only-possible', 'lookback-limited',
])

/** A placeholder the engine left unfilled. */
const PLACEHOLDER = /\{[a-zA-Z]+\}/

const builtIn: readonly Policy[] = [linkedinGenAi, metaAiEu]

describe.each(builtIn.map((policy) => ({ id: policy.id, policy })))('$id', ({ policy }) => {
  const compiled = compilePolicy(policy)
  const options = (at: Date) => ({ asOf: at, policy })
  const channels = Object.keys(policy.channels)
  const lasting = channels.filter((name) => policy.channels[name]?.lasts === true)
  const categories = [...Object.keys(policy.categories), 'other']
  const regions = Object.values(policy.regions).filter((region) => region.countries.length > 0)
  const country = fc.oneof(
    ...regions.map((region) => fc.constantFrom(...region.countries)),
    fc.constantFrom(...new Set([...Object.keys(policy.territories), ...elsewhere.filter((code) => !regions.some((region) => region.countries.includes(code)))])),
  )
  const member: fc.Arbitrary<MemberInput> = fc.record(
    {
      country,
      timeZone: fc.constantFrom(...zones),
      birthDate,
      secondarySchool: fc.boolean(),
      optOuts: fc.array(fc.record({ at: instant, via: fc.constantFrom(...channels) }), { maxLength: 4 }),
      optIns: fc.array(fc.record({ at: instant }), { maxLength: 3 }),
    },
    { requiredKeys: ['country'] },
  )

  /** The zones the member's days are counted in: theirs, or their country's. */
  const zonesOf = (input: MemberInput) => (input.timeZone === undefined ? compiled.zonesOf(input.country) : [input.timeZone])
  const readingsOf = (input: MemberInput) => compiled.placeOf(input.country).readings
  /** Every instant a phase of the member's region starts at, in each of their zones and readings. */
  const phaseStarts = (input: MemberInput) => zonesOf(input).flatMap((zone) => readingsOf(input).flatMap((reading) => reading.map((phase) => startOfDay(zone, phase.start))))
  /** The earliest instant use can start at; Infinity outside the policy. */
  const rolloutStart = (input: MemberInput) => Math.min(...phaseStarts(input))
  /** The earliest instant the member can be 18. */
  function adultFrom(input: MemberInput): number {
    if (input.birthDate === undefined) return Number.NEGATIVE_INFINITY
    const birthDate = String(input.birthDate)
    const year = Number(birthDate.slice(0, 4)) + policy.age.adultAge
    const day = birthDate.length === 4 ? daysFromCivil(year, 1, 1) : (parseCivilDate(`${year}${birthDate.slice(4)}`) ?? daysFromCivil(year, 3, 1))
    return Math.min(...zonesOf(input).map((zone) => startOfDay(zone, day)))
  }

  describe('coverage', () => {
    test('from is never before the earliest phase start; outside the policy there is no window, and the answer is undetermined', () => {
      fc.assert(
        fc.property(member, asOf, (input, at) => {
          const report = coverage(input, options(at))
          if (readingsOf(input).length === 0) {
            expect(report.status).toBe('undetermined')
            expect(report.windows).toEqual([])
            expect(report.reasons.map((reason) => reason.code)).toContain('outside-policy')
          } else if (report.from !== null) expect(report.from.getTime()).toBeGreaterThanOrEqual(rolloutStart(input))
        }),
        RUNS,
      )
    })

    test('never covered while under 18', () => {
      fc.assert(
        fc.property(member, asOf, (input, at) => {
          if (at.getTime() < adultFrom(input)) expect(coverage(input, options(at)).status).not.toBe('covered')
        }),
        RUNS,
      )
    })

    test('opted out before the first phase, through a channel that lasts, never back in: never covered, from null, in every phase', () => {
      expect(lasting.length).toBeGreaterThan(0)
      fc.assert(
        fc.property(member, asOf, fc.constantFrom(...lasting), (input, at, via) => {
          const start = rolloutStart(input)
          const optOut = { at: new Date(Number.isFinite(start) ? start - 1 : LOW), via }
          const report = coverage({ ...input, optIns: [], optOuts: [optOut, ...(input.optOuts ?? [])] }, options(at))
          expect(report.status).toBe(Number.isFinite(start) ? 'not-covered' : 'undetermined')
          expect(report.from).toBeNull()
          expect(report.windows).toEqual([])
        }),
        RUNS,
      )
    })

    test('windows are sorted and disjoint, touch only where their certainty changes, from and until frame them, and each says how sure it is', () => {
      fc.assert(
        fc.property(member, asOf, (input, at) => {
          const report = coverage(input, options(at))
          const phases = new Map(report.timeline.map((phase) => [`${phase.region}/${phase.id}`, phase]))
          report.windows.forEach((window, index) => {
            const next = report.windows[index + 1]
            if (window.until !== null) expect(window.from.getTime()).toBeLessThan(window.until.getTime())
            if (next !== undefined) {
              expect(window.until).not.toBeNull()
              // Windows touch only where the certainty changes (JE: reported, then stated); else they are one.
              if ((window.until as Date).getTime() === next.from.getTime()) expect(next.certainty).not.toBe(window.certainty)
              else expect((window.until as Date).getTime()).toBeLessThan(next.from.getTime())
            }
            expect(certainties).toContain(window.certainty)
            expect(window.phases.length).toBeGreaterThan(0)
            for (const key of window.phases) expect(phases.has(key)).toBe(true)
            // Possible only when every phase in it is; else the firmest of them.
            const firmest = Math.max(...window.phases.map((key) => certainties.indexOf(phases.get(key)?.certainty ?? 'possible')))
            expect(window.certainty).toBe(certainties[firmest])
            if (window.untilRange !== null) {
              expect(window.until).not.toBeNull()
              expect(window.untilRange.until).toEqual(window.until)
              expect(window.untilRange.from.getTime()).toBeGreaterThanOrEqual(window.from.getTime())
              expect(window.untilRange.from.getTime()).toBeLessThan(window.untilRange.until.getTime())
              expect(window.phases.some((key) => { const end = phases.get(key)?.end; return end !== null && typeof end === 'object' })).toBe(true)
            }
          })
          expect(report.from).toEqual(report.windows[0]?.from ?? null)
          expect(report.until).toEqual(report.windows.at(-1)?.until ?? null)
        }),
        RUNS,
      )
    })

    test('the status agrees with the windows: not-covered exactly outside them, covered only in a certain part of one', () => {
      fc.assert(
        fc.property(member, asOf, (input, at) => {
          const report = coverage(input, options(at))
          if (readingsOf(input).length === 0) return
          const t = at.getTime()
          const inside = report.windows.find((window) => window.from.getTime() <= t && t < (window.until?.getTime() ?? Number.POSITIVE_INFINITY))
          // Windows are the widest reading: outside them nothing is used in any reading.
          expect(report.status === 'not-covered').toBe(inside === undefined)
          if (report.status === 'covered') {
            expect(inside?.certainty).not.toBe('possible')
            const range = inside?.untilRange
            if (range !== null && range !== undefined) expect(t).toBeLessThan(range.from.getTime())
          }
        }),
        RUNS,
      )
    })

    test('the order of optOuts and optIns does not change the status, from, until or windows', () => {
      fc.assert(
        fc.property(member, asOf, fc.infiniteStream(fc.double()), (input, at, noise) => {
          const shuffle = <T,>(list: readonly T[] | undefined) =>
            list === undefined ? undefined : list.map((item) => ({ item, key: noise.next().value })).sort((a, b) => a.key - b.key).map(({ item }) => item)
          const { reasons: _, ...reordered } = coverage({ ...input, optOuts: shuffle(input.optOuts), optIns: shuffle(input.optIns) }, options(at))
          const { reasons: __, ...original } = coverage(input, options(at))
          expect(reordered).toEqual(original)
        }),
        RUNS,
      )
    })

    test('the order of optOuts and optIns does not change the reasons', () => {
      fc.assert(
        fc.property(member, asOf, fc.infiniteStream(fc.double()), (input, at, noise) => {
          const shuffle = <T,>(list: readonly T[] | undefined) =>
            list === undefined ? undefined : list.map((item) => ({ item, key: noise.next().value })).sort((a, b) => a.key - b.key).map(({ item }) => item)
          const reordered = { ...input, optOuts: shuffle(input.optOuts), optIns: shuffle(input.optIns) }
          expect(coverage(reordered, options(at)).reasons).toEqual(coverage(input, options(at)).reasons)
        }),
        RUNS,
      )
    })

    test('every status but covered has a reason beyond the context, undetermined names the unknown fact, and reasons are filled in and sourced', () => {
      fc.assert(
        fc.property(member, asOf, (input, at) => {
          const report = coverage(input, options(at))
          const codes = report.reasons.map((reason) => reason.code)
          if (report.status !== 'covered') expect(codes.filter((code) => !CONTEXT.has(code)).length).toBeGreaterThan(0)
          if (report.status === 'undetermined') expect(codes.some((code) => UNKNOWN_FACT.has(code))).toBe(true)
          for (const reason of report.reasons) {
            expect(reason.message).not.toMatch(PLACEHOLDER)
            if (RULES.has(reason.code)) expect({ code: reason.code, source: reason.source }).toEqual({ code: reason.code, source: expect.any(String) })
            if (reason.source !== undefined) expect(Object.keys(policy.sources)).toContain(reason.source)
          }
        }),
        RUNS,
      )
    })
  })

  describe('dataUse', () => {
    const item = fc.record({ category: fc.constantFrom(...categories), createdAt: instant })

    test('never in-scope unless coverage is covered at the same asOf', () => {
      fc.assert(
        fc.property(member, asOf, item, (input, at, data) => {
          const use = dataUse(input, data, options(at))
          if (use.status === 'in-scope') expect(coverage(input, options(at)).status).toBe('covered')
        }),
        RUNS,
      )
    })

    test('covered: an adult item of a used category that exists at asOf is in scope', () => {
      const used = Object.keys(policy.categories).filter((slug) => policy.categories[slug]?.used === true)
      fc.assert(
        fc.property(member, asOf, fc.constantFrom(...used), instant, (input, at, category, createdAt) => {
          const adult = { ...input, birthDate: undefined }
          if (ms(createdAt) > at.getTime() || coverage(adult, options(at)).status !== 'covered') return
          expect(dataUse(adult, { category, createdAt }, options(at)).status).toBe('in-scope')
        }),
        RUNS,
      )
    })

    test('a category the policy does not use is out of scope (undetermined outside the policy); an unknown one is never used', () => {
      fc.assert(
        fc.property(member, asOf, item, (input, at, data) => {
          const { status } = dataUse(input, data, options(at))
          const rule = Object.hasOwn(policy.categories, data.category) ? policy.categories[data.category] : undefined
          if (readingsOf(input).length === 0) expect(status).toBe('undetermined')
          else if (rule?.used === false) expect(status).toBe('out-of-scope')
          else if (rule === undefined) expect(['out-of-scope', 'undetermined']).toContain(status)
        }),
        RUNS,
      )
    })

    test('moving asOf forward never turns retained back into in-scope without an opt-in, unless a phase starts in between', () => {
      fc.assert(
        fc.property(member, asOf, asOf, item, (input, first, second, data) => {
          const [early, late] = first <= second ? [first, second] : [second, first]
          const noOptIns = { ...input, optIns: [] }
          if (phaseStarts(input).some((start) => early.getTime() < start && start <= late.getTime())) return
          const before = dataUse(noOptIns, data, options(early))
          const after = dataUse(noOptIns, data, options(late))
          if (before.status === 'retained') expect(after.status).not.toBe('in-scope')
        }),
        RUNS,
      )
    })

    test('reasons are filled in, and rules name their sources, each a source of the policy', () => {
      fc.assert(
        fc.property(member, asOf, item, (input, at, data) => {
          for (const reason of dataUse(input, data, options(at)).reasons) {
            expect(reason.message).not.toMatch(PLACEHOLDER)
            if (RULES.has(reason.code)) expect({ code: reason.code, source: reason.source }).toEqual({ code: reason.code, source: expect.any(String) })
            if (reason.source !== undefined) expect(Object.keys(policy.sources)).toContain(reason.source)
          }
        }),
        RUNS,
      )
    })
  })
})

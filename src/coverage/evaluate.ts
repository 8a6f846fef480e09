/**
 * The evaluation shared by `coverage` and `dataUse`: the member's possible
 * starts (one per reading of the unknown facts), the setting's on-off timeline,
 * and the windows of use.
 */
import { inner } from '../cache'
import type { CompiledPolicy } from '../policy/compile'
import type { PolicyRollout, RegionCode } from '../policy/schema'
import { daysFromCivil, digits, isLeapYear } from '../time/civil'
import { startOfDay } from '../time/zone'
import type { MemberFacts } from './member'
import type { Reason } from './reasons'

/** A span of use: from an instant (inclusive) to another (exclusive), epoch ms. */
export interface Span {
  readonly from: number
  readonly until: number
}

/** One reading of the unknown facts: when use starts, and when the member turns 18. */
export interface Scenario {
  readonly start: number
  /** Start of the 18th birthday; -Infinity when no birth date is known. */
  readonly adult: number
}

/** What follows from the country, zone and birth date alone: the same for many members, so cached. */
export interface Standing extends StatusReasons {
  readonly country: string
  readonly region: RegionCode
  /** The rollout reported: the earliest of the territory's readings. */
  readonly rollout: PolicyRollout
  readonly alsoReadAs: RegionCode | undefined
  readonly zones: readonly string[]
  readonly zoneInferred: boolean
  /** Distinct readings, by start. */
  readonly scenarios: readonly Scenario[]
  readonly earliest: number
  readonly latest: number
  /** Earliest start of the rollout alone, over zones and readings. */
  readonly rolloutEarliest: number
  /** Earliest and latest start of the reported rollout over the zones alone. */
  readonly zoneSpread: readonly [number, number]
  /** How much of the birth date is known. */
  readonly birth: 'day' | 'year' | undefined
  /** Earliest and latest start of the 18th birthday; undefined without a birth date. */
  readonly adultEarliest: number | undefined
  readonly adultLatest: number | undefined
  /** The rollout as reports show it: one frozen object, shared by every report. */
  readonly reportedRollout: { readonly id: string; readonly effective: string }
  /** The country's reasons (shared by its standings) and the birth date's: built on first use and kept here (by `coverage`). */
  placeReasons: readonly Reason[] | undefined
  ageReason: Reason | undefined
}

/**
 * The status reasons that follow from a standing alone, built on first use
 * and kept in the standing (by `coverage`), one field per code: in the object
 * itself, like everything an answer reads, so that a standing costs one trip
 * to memory rather than several.
 */
export interface StatusReasons {
  'rollout-not-started': Reason | undefined
  'under-18': Reason | undefined
  'not-started': Reason | undefined
  'start-undetermined': Reason | undefined
  'opted-out': Reason | undefined
  'opted-out-before-start': Reason | undefined
}

export interface Evaluation {
  /** The part that follows from country, zone and birth date, shared by members alike in those. */
  readonly standing: Standing
  /** LinkedIn believes the member is under 18: never used. */
  readonly excluded: boolean
  /** When the setting is on (from -Infinity), cut by opt-outs. */
  readonly on: readonly Span[]
  /** The objection, if one was filed. */
  readonly objectedAt: number | undefined
  readonly ignoredOptIns: readonly number[]
}

/** A validated birth date (`YYYY-MM-DD` or `YYYY`) as its fields; `day` is 0 when only the year is known. */
function birthFields(birthDate: string): { year: number; month: number; day: number } {
  return birthDate.length === 4
    ? { year: digits(birthDate, 0, 4), month: 0, day: 0 }
    : { year: digits(birthDate, 0, 4), month: digits(birthDate, 5, 2), day: digits(birthDate, 8, 2) }
}

/** The civil days of the 18th (adult-age) birthday: one day, or the first and last of a year. */
function adultDays(birthDate: string, adultAge: number): [number, number] {
  const { year: born, month, day } = birthFields(birthDate)
  const year = born + adultAge
  if (day === 0) return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)]
  // Born 29 February: the birthday is 1 March in common years.
  const days = month === 2 && day === 29 && !isLeapYear(year) ? daysFromCivil(year, 3, 1) : daysFromCivil(year, month, day)
  return [days, days]
}

/**
 * A birth date as a small integer, for the standings cache: a number key is
 * hashed and compared without reading a string. Days since 1970 for a full
 * date (within ±3.7M for years 1-9999), 10M + the year for a year alone, -10M
 * for none.
 */
function birthKey(birthDate: string | undefined): number {
  if (birthDate === undefined) return -10_000_000
  const { year, month, day } = birthFields(birthDate)
  return day === 0 ? 10_000_000 + year : daysFromCivil(year, month, day)
}

type Event = { at: number; kind: 0 | 1 | 2 } // 0 setting off, 1 objection, 2 setting on

type Timeline = { on: readonly Span[]; objectedAt: number | undefined; ignoredOptIns: readonly number[] }

/**
 * The setting as most members have it: never touched, on throughout. Shared by
 * every such evaluation, and never handed out; read only by type rather than
 * frozen, because V8 (Node 20) reads frozen arrays on slow paths (a frozen
 * array's `slice` or `some` costs several times a plain one's).
 */
const ALWAYS_ON: Timeline = {
  on: [{ from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY }],
  objectedAt: undefined,
  ignoredOptIns: [],
}

/** Inserts `event` in order (a member has a few events: an insertion beats a sort and its garbage). */
function insert(events: Event[], event: Event): void {
  let index = events.length
  events.push(event)
  for (let before = events[index - 1]; before !== undefined && (before.at > event.at || (before.at === event.at && before.kind > event.kind)); before = events[index - 1]) {
    events[index] = before
    index--
  }
  events[index] = event
}

function timeline(member: MemberFacts): Timeline {
  if (member.optOuts.length === 0) return ALWAYS_ON
  // In time order; at one instant, opt-outs come before opt-ins: the member ends
  // that instant with the setting on, the reading under which their data may be used.
  const events: Event[] = []
  for (const optOut of member.optOuts) insert(events, { at: optOut.at, kind: optOut.via === 'setting' ? 0 : 1 })
  for (const at of member.optIns) insert(events, { at, kind: 2 })
  const on: Span[] = []
  let openSince: number | undefined = Number.NEGATIVE_INFINITY
  let objectedAt: number | undefined
  const ignoredOptIns: number[] = []
  for (const event of events) {
    if (event.kind === 2) {
      if (objectedAt !== undefined) ignoredOptIns.push(event.at)
      else if (openSince === undefined) {
        // Back on at the instant it went off: one span, not two that touch.
        const last = on.at(-1)
        if (last !== undefined && last.until === event.at) openSince = on.pop()?.from
        else openSince = event.at
      }
      continue
    }
    if (openSince !== undefined) {
      if (event.at > openSince) on.push({ from: openSince, until: event.at })
      openSince = undefined
    }
    if (event.kind === 1) objectedAt ??= event.at
  }
  if (openSince !== undefined) on.push({ from: openSince, until: Number.POSITIVE_INFINITY })
  return { on, objectedAt, ignoredOptIns }
}

const NO_WINDOWS: readonly Span[] = []

/** The windows of use from the earliest start. */
export function windowsOf(evaluation: Evaluation): readonly Span[] {
  if (evaluation.excluded) return NO_WINDOWS
  // Never opted out: one window from the earliest start (made afresh: cheaper than reading a cached one from cold memory).
  return evaluation.on === ALWAYS_ON.on ? [{ from: evaluation.standing.earliest, until: Number.POSITIVE_INFINITY }] : windowsFrom(evaluation.on, evaluation.standing.earliest)
}

/** The windows of use for a start: the on-spans from `start` on. */
export function windowsFrom(on: readonly Span[], start: number): Span[] {
  const windows: Span[] = []
  for (const span of on) {
    if (span.until <= start) continue
    windows.push(span.from >= start ? span : { from: start, until: span.until })
  }
  return windows
}

/** Standings by country, zone ('' when inferred) and birth key: nested maps, so a look-up builds no key. */
type Standings = { size: number; byCountry: Map<string, Map<string, Map<number, Standing>>> }
const standings = new WeakMap<CompiledPolicy, Standings>()
const STANDINGS_LIMIT = 50_000
// The policy of the last query, whose standings the next one nearly always wants.
let lastCompiled: CompiledPolicy | undefined
let lastCache: Standings | undefined

/** The member's standing under the policy, from the cache when it was seen before. */
function standingOf(member: MemberFacts, compiled: CompiledPolicy): Standing {
  let cache = compiled === lastCompiled ? lastCache : standings.get(compiled)
  if (cache === undefined || cache.size >= STANDINGS_LIMIT) {
    // Emptied rather than grown when full: memory stays bounded over any number of members.
    cache = { size: 0, byCountry: new Map() }
    standings.set(compiled, cache)
  }
  lastCompiled = compiled
  lastCache = cache
  const byBirth = inner(inner(cache.byCountry, member.country), member.timeZone ?? '')
  const birth = birthKey(member.birthDate)
  let standing = byBirth.get(birth)
  if (standing === undefined) {
    standing = computeStanding(member, compiled)
    byBirth.set(birth, standing)
    cache.size++
  }
  return standing
}

function computeStanding(member: MemberFacts, compiled: CompiledPolicy): Standing {
  const { region, alsoReadAs, readings, rollout, reported } = compiled.placeOf(member.country)
  const zones = member.timeZone === undefined ? compiled.zonesOf(member.country) : [member.timeZone]
  const birthDays = member.birthDate === undefined ? undefined : adultDays(member.birthDate, compiled.policy.age.adultAge)

  const scenarios: Scenario[] = []
  let rolloutLow = Number.POSITIVE_INFINITY
  let rolloutHigh = Number.NEGATIVE_INFINITY
  let adultLow = Number.POSITIVE_INFINITY
  let adultHigh = Number.NEGATIVE_INFINITY
  let zoneLow = Number.POSITIVE_INFINITY
  let zoneHigh = Number.NEGATIVE_INFINITY
  for (const zone of zones) {
    const adults = birthDays === undefined ? [Number.NEGATIVE_INFINITY] : birthDays.map((day) => startOfDay(zone, day))
    for (const adult of adults) {
      adultLow = Math.min(adultLow, adult)
      adultHigh = Math.max(adultHigh, adult)
    }
    for (const reading of readings) {
      const rolloutStart = startOfDay(zone, reading.day)
      rolloutLow = Math.min(rolloutLow, rolloutStart)
      rolloutHigh = Math.max(rolloutHigh, rolloutStart)
      if (reading.rollout === rollout) {
        zoneLow = Math.min(zoneLow, rolloutStart)
        zoneHigh = Math.max(zoneHigh, rolloutStart)
      }
      for (const adult of adults) {
        const start = Math.max(rolloutStart, adult)
        if (!scenarios.some((each) => each.start === start && each.adult === adult)) scenarios.push({ start, adult })
      }
    }
  }
  let earliest = Number.POSITIVE_INFINITY
  let latest = Number.NEGATIVE_INFINITY
  for (const scenario of scenarios) {
    earliest = Math.min(earliest, scenario.start)
    latest = Math.max(latest, scenario.start)
  }
  // Fields answers read come first, close together in memory.
  return {
    earliest,
    latest,
    placeReasons: undefined,
    ageReason: undefined,
    country: member.country,
    region,
    reportedRollout: reported,
    rolloutEarliest: rolloutLow,
    adultEarliest: birthDays === undefined ? undefined : adultLow,
    'rollout-not-started': undefined,
    'under-18': undefined,
    'not-started': undefined,
    'start-undetermined': undefined,
    'opted-out': undefined,
    'opted-out-before-start': undefined,
    adultLatest: birthDays === undefined ? undefined : adultHigh,
    rollout,
    alsoReadAs,
    zones,
    zoneInferred: member.timeZone === undefined,
    scenarios,
    zoneSpread: [zoneLow, zoneHigh],
    birth: member.birthDate === undefined ? undefined : member.birthDate.length === 4 ? 'year' : 'day',
  }
}

/** Evaluates a member against a compiled policy. */
export function evaluate(member: MemberFacts, compiled: CompiledPolicy): Evaluation {
  const { on, objectedAt, ignoredOptIns } = timeline(member)
  return { standing: standingOf(member, compiled), excluded: member.secondarySchool, on, objectedAt, ignoredOptIns }
}

/** Whether the setting is on at `at`. */
export function isOn(on: readonly Span[], at: number): boolean {
  return on.some((span) => span.from <= at && at < span.until)
}

/**
 * The evaluation, as POLICY.md reads: a member's facts against a policy's
 * timelines, giving spans of use and, at `asOf`, a status.
 *
 * 1. **Scenarios.** Facts not given are read every way they can be: each of the
 *    country's zones (when no zone is given), each reading of an ambiguous
 *    territory (JE: ROW and UK), each day the 18th birthday can fall on (a
 *    birth year alone: its first and last day). One scenario per combination.
 * 2. **Phases become instants** in the scenario's zone: a civil date is the
 *    start of that day there. A ranged end gives two instants.
 * 3. **On-spans.** Opt-outs and opt-ins make the spans during which the member
 *    lets their data be used; they carry across phases. An opt-in after an
 *    opt-out through a channel that is not reversible changes nothing; an
 *    opt-out through a channel that does not last holds until the next phase.
 * 4. **Pieces of use** are phase ∩ adult ∩ on-spans, read twice: the *upper*
 *    reading (the widest: a possible phase happened, a ranged end is the latest
 *    day) and the *lower* (the narrowest: a possible phase did not happen, a
 *    ranged end is the earliest day).
 * 5. **Status at asOf**: `covered` when asOf lies in a lower piece in every
 *    scenario, `not-covered` when it lies in no upper piece in any, else
 *    `undetermined`. Windows, `from` and `until` are the upper pieces merged
 *    across scenarios: the widest reading, each window flagged with its
 *    certainty and any ranged end.
 */
import type { CompiledPolicy, DatedPhase, Place } from '../policy/compile'
import { type Certainty, certainties } from '../policy/certainty'
import { daysFromCivil, isLeapYear } from '../time/civil'
import { startOfDay } from '../time/zone'
import { type BirthCode, birthFields, NO_BIRTH_DATE } from './birth'
import { memo } from '../cache'
import type { MemberFacts } from './member'
import type { Reason } from './reasons'

/** A span of instants (epoch ms), from inclusive, until exclusive (Infinity while open). */
export interface Span {
  readonly from: number
  readonly until: number
}

/** A span of use inside one phase, in one scenario. */
export interface Piece extends Span {
  readonly phase: DatedPhase
  /** Where a ranged end of the phase makes this piece's end uncertain: from that instant on (else null). */
  readonly rangeFrom: number | null
}

/** One reading of the facts not given. */
export interface Scenario {
  readonly zone: string
  /** The region read (an ambiguous territory has two). */
  readonly region: string
  /** Start of the adult birthday; -Infinity without a birth date. */
  readonly adult: number
  /** The phases as instants in this zone. */
  readonly phases: readonly { readonly phase: DatedPhase; readonly start: number; readonly endLow: number; readonly endHigh: number }[]
  /** Spans of use under the widest reading, and under the narrowest. */
  readonly upper: readonly Piece[]
  readonly lower: readonly Piece[]
}

/** An opt-out or opt-in, in time order. */
export interface OptEvent {
  readonly at: number
  /** The channel of an opt-out; undefined for an opt-in. */
  readonly via: string | undefined
}

/** A member evaluated against a policy: every scenario, and what the reasons need. */
export interface Evaluation {
  readonly compiled: CompiledPolicy
  readonly member: MemberFacts
  /** What the member shares with others alike in country, zone, birth date and school. */
  readonly standing: Standing
  readonly place: Place
  readonly zones: readonly string[]
  readonly zoneInferred: boolean
  readonly scenarios: readonly Scenario[]
  /** Opt-ins that changed nothing, each with the channel that made it so. */
  readonly ignoredOptIns: readonly { readonly at: number; readonly via: string }[]
  /** The adult birthday's earliest and latest start over zones; ±Infinity without a birth date. */
  readonly adultEarliest: number
  readonly adultLatest: number
}

/** The civil days the adult birthday can fall on: one day, or the first and last of a year. */
function adultDays(birth: BirthCode, adultAge: number): number[] {
  const { year: born, month, day } = birthFields(birth)
  const year = born + adultAge
  if (day === 0) return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)]
  // Born 29 February: the birthday is 1 March in common years.
  return [month === 2 && day === 29 && !isLeapYear(year) ? daysFromCivil(year, 3, 1) : daysFromCivil(year, month, day)]
}

const instantOf = (zone: string, day: number) => (day === Infinity ? Infinity : startOfDay(zone, day))

/**
 * The on-spans: from -Infinity, cut by opt-outs, resumed by opt-ins. At one
 * instant opt-outs come before opt-ins (the member ends it opted in: the
 * reading under which data may be used). `phaseStarts` ends opt-outs through
 * channels that do not last.
 */
function onSpans(events: readonly OptEvent[], compiled: CompiledPolicy, phaseStarts: readonly number[], ignored?: { at: number; via: string }[]): Span[] {
  const { channels } = compiled.policy
  const spans: Span[] = []
  let onSince: number | null = -Infinity
  /** Opt-outs in force: a lasting channel's until Infinity, another's until the next phase starts. */
  let holds: { via: string; until: number }[] = []
  const resume = (at: number) => {
    if (onSince !== null || holds.length > 0) return
    const last = spans.at(-1)
    onSince = last !== undefined && last.until === at ? (spans.pop() as Span).from : at
  }
  for (const event of events) {
    // Non-lasting opt-outs that ended before this event.
    for (const hold of holds.filter((each) => each.until <= event.at)) {
      holds = holds.filter((each) => each !== hold)
      resume(hold.until)
    }
    if (event.via === undefined) {
      const firm = holds.find((hold) => !(channels[hold.via] as { reversible: boolean }).reversible)
      if (firm !== undefined) ignored?.push({ at: event.at, via: firm.via })
      holds = holds.filter((hold) => !(channels[hold.via] as { reversible: boolean }).reversible)
      resume(event.at)
      continue
    }
    const lasts = (channels[event.via] as { lasts: boolean }).lasts
    holds.push({ via: event.via, until: lasts ? Infinity : (phaseStarts.find((start) => start > event.at) ?? Infinity) })
    if (onSince !== null) {
      if (event.at > onSince) spans.push({ from: onSince, until: event.at })
      onSince = null
    }
  }
  for (const hold of holds.filter((each) => each.until !== Infinity).sort((a, b) => a.until - b.until)) {
    holds = holds.filter((each) => each !== hold)
    resume(hold.until)
  }
  if (onSince !== null) spans.push({ from: onSince, until: Infinity })
  return spans
}

/** The parts of [from, until) inside the on-spans, as pieces of `phase`. */
function cut(from: number, until: number, on: readonly Span[], phase: DatedPhase, rangeAt: number | null): Piece[] {
  const pieces: Piece[] = []
  for (const span of on) {
    const start = Math.max(from, span.from)
    const end = Math.min(until, span.until)
    if (start < end) pieces.push({ from: start, until: end, phase, rangeFrom: rangeAt !== null && end === until ? Math.max(start, rangeAt) : null })
  }
  return pieces
}

/** The member's events in time order (opt-outs before opt-ins at one instant). */
export function eventsOf(member: MemberFacts): OptEvent[] {
  const events: OptEvent[] = [...member.optOuts.map((optOut) => ({ at: optOut.at, via: optOut.via as string | undefined })), ...member.optIns.map((at) => ({ at, via: undefined }))]
  return events.sort((a, b) => a.at - b.at || (a.via === undefined ? 1 : 0) - (b.via === undefined ? 1 : 0))
}

const ALWAYS: readonly Span[] = [{ from: -Infinity, until: Infinity }]

/** The pieces of use of one scenario, for on-spans `on`. */
function withPieces(scenario: Omit<Scenario, 'upper' | 'lower'>, on: readonly Span[], excluded: boolean): Scenario {
  const upper: Piece[] = []
  const lower: Piece[] = []
  if (!excluded) {
    for (const { phase, start, endLow, endHigh } of scenario.phases) {
      const from = Math.max(start, scenario.adult)
      upper.push(...cut(from, endHigh, on, phase, endLow < endHigh ? endLow : null))
      if (phase.phase.certainty !== 'possible') lower.push(...cut(from, endLow, on, phase, null))
    }
  }
  return { ...scenario, upper, lower }
}

/**
 * What follows from a member's country, zone, birth date and school alone:
 * the scenarios with no opt-out. The same for many members, so made once
 * and kept (see {@link standingOf}); answers at one asOf are kept in it too.
 */
export interface Standing {
  readonly place: Place
  readonly zones: readonly string[]
  readonly scenarios: readonly Scenario[]
  readonly adultEarliest: number
  readonly adultLatest: number
  /** What answers for members with no opt-out keep here: filled by the first query that needs it. */
  readonly kept: {
    windows?: readonly MergedWindow[]
    /** The reasons every answer gives, by language. */
    readonly context: Map<string, readonly Reason[]>
    /** The last answer's status and reasons, for the next query at the same instant (a batch asks one). */
    last?: { readonly asOf: number; readonly language: string; readonly status: 'covered' | 'not-covered' | 'undetermined'; readonly reasons: readonly Reason[] }
  }
}

function computeStanding(compiled: CompiledPolicy, member: MemberFacts): Standing {
  const place = compiled.placeOf(member.country)
  const zones = member.timeZone === undefined ? compiled.zonesOf(member.country) : [member.timeZone]
  const birthDays = member.birth === NO_BIRTH_DATE ? [] : adultDays(member.birth, compiled.policy.age.adultAge)
  const scenarios: Scenario[] = []
  const adults: number[] = []
  place.readings.forEach((reading, index) => {
    for (const zone of zones) {
      const phases = reading.map((phase) => ({ phase, start: instantOf(zone, phase.start), endLow: instantOf(zone, phase.endEarliest), endHigh: instantOf(zone, phase.endLatest) }))
      const zoneAdults = birthDays.length === 0 ? [-Infinity] : birthDays.map((day) => startOfDay(zone, day))
      adults.push(...zoneAdults)
      const region = (index === 0 ? place.region : place.alsoReadAs) as string
      for (const adult of zoneAdults) scenarios.push(withPieces({ zone, region, adult, phases }, ALWAYS, member.secondarySchool))
    }
  })
  const known = birthDays.length > 0 && adults.length > 0
  return { place, zones, scenarios, adultEarliest: known ? Math.min(...adults) : -Infinity, adultLatest: known ? Math.max(...adults) : -Infinity, kept: { context: new Map() } }
}

const standings = new WeakMap<CompiledPolicy, Map<string, Standing>>()
/** Standings kept per policy; a full cache is emptied rather than grown, so memory stays bounded. */
const STANDINGS_LIMIT = 50_000

/** The standing of a member's country, zone, birth date and school, made on first use. */
export function standingOf(compiled: CompiledPolicy, member: MemberFacts): Standing {
  let cache = standings.get(compiled)
  if (cache === undefined) standings.set(compiled, (cache = new Map()))
  const key = `${member.country}|${member.timeZone ?? ''}|${member.birth}|${member.secondarySchool ? 1 : 0}`
  return memo(cache, key, STANDINGS_LIMIT, () => computeStanding(compiled, member))
}

/** Evaluates a member (read against the same policy) under every scenario. */
export function evaluate(member: MemberFacts, compiled: CompiledPolicy): Evaluation {
  const standing = standingOf(compiled, member)
  const events = eventsOf(member)
  const ignoredOptIns: { at: number; via: string }[] = []
  const scenarios =
    events.length === 0
      ? standing.scenarios
      : standing.scenarios.map((scenario, index) => {
          const on = onSpans(events, compiled, scenario.phases.map((phase) => phase.start), index === 0 ? ignoredOptIns : undefined)
          return withPieces(scenario, on, member.secondarySchool)
        })
  return { compiled, member, standing, place: standing.place, zones: standing.zones, zoneInferred: member.timeZone === undefined, scenarios, ignoredOptIns, adultEarliest: standing.adultEarliest, adultLatest: standing.adultLatest }
}

/** Whether `at` lies in one of `spans`. */
export const within = (spans: readonly Span[], at: number): boolean => spans.some((span) => span.from <= at && at < span.until)

/** The member's status at `asOf`. */
export function statusAt(evaluation: Evaluation, asOf: number): 'covered' | 'not-covered' | 'undetermined' {
  const { scenarios } = evaluation
  if (scenarios.length === 0) return 'undetermined' // outside the policy
  if (scenarios.every((scenario) => within(scenario.lower, asOf))) return 'covered'
  if (scenarios.every((scenario) => !within(scenario.upper, asOf))) return 'not-covered'
  return 'undetermined'
}

/** A window of use as merged from the pieces of every scenario. */
export interface MergedWindow extends Span {
  /** The phases (`region/phase`) whose pieces make it. */
  readonly phases: readonly string[]
  /** The firmest certainty among them: `possible` only when every piece is of a possible phase. */
  readonly certainty: Certainty
  /** Where its end lies in a ranged end: from that instant until `until`; null when the end is known. */
  readonly untilRange: Span | null
}

const rank = (certainty: Certainty) => certainties.indexOf(certainty)

/**
 * The upper pieces of every scenario, merged into sorted, disjoint windows:
 * where pieces overlap or touch, one window, split where the firmest
 * certainty of the pieces in force changes (Jersey: `reported` while only the
 * ROW reading is in use, `stated` once the UK's 2025 phase is too).
 */
export function windowsOf(evaluation: Evaluation): MergedWindow[] {
  const pieces = evaluation.scenarios.flatMap((scenario) => scenario.upper)
  const edges = [...new Set(pieces.flatMap((piece) => [piece.from, piece.until]))].sort((a, b) => a - b)
  const windows: { from: number; until: number; pieces: Piece[]; certainty: Certainty }[] = []
  for (let index = 0; index + 1 < edges.length; index++) {
    const from = edges[index] as number
    const until = edges[index + 1] as number
    const covering = pieces.filter((piece) => piece.from <= from && until <= piece.until)
    if (covering.length === 0) continue
    const certainty = certainties[Math.max(...covering.map((piece) => rank(piece.phase.phase.certainty)))] as Certainty
    const last = windows.at(-1)
    if (last !== undefined && last.until === from && last.certainty === certainty) {
      last.until = until
      last.pieces.push(...covering)
    } else windows.push({ from, until, pieces: covering, certainty })
  }
  return windows.map(({ from, until, pieces: within, certainty }) => {
    // Where in the window its end may lie: from the earliest end any reading gives.
    const ranged = within.filter((piece) => piece.rangeFrom !== null && piece.until <= until).map((piece) => Math.max(from, piece.rangeFrom as number))
    return {
      from,
      until,
      phases: [...new Set(within.map((piece) => piece.phase.key))],
      certainty,
      untilRange: ranged.length === 0 ? null : { from: Math.min(...ranged), until },
    }
  })
}

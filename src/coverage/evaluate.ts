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
import type { Certainty } from '../policy/schema'
import { certainties } from '../policy/schema'
import { daysFromCivil, isLeapYear } from '../time/civil'
import { startOfDay } from '../time/zone'
import { type BirthCode, birthFields, NO_BIRTH_DATE } from './birth'
import type { MemberFacts } from './member'

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

/** Evaluates a member (read against the same policy) under every scenario. */
export function evaluate(member: MemberFacts, compiled: CompiledPolicy): Evaluation {
  const place = compiled.placeOf(member.country)
  const zones = member.timeZone === undefined ? compiled.zonesOf(member.country) : [member.timeZone]
  const events = eventsOf(member)
  const birthDays = member.birth === NO_BIRTH_DATE ? [] : adultDays(member.birth, compiled.policy.age.adultAge)
  const scenarios: Scenario[] = []
  const ignoredOptIns: { at: number; via: string }[] = []
  const adults: number[] = []
  place.readings.forEach((reading, index) => {
    for (const zone of zones) {
      const phases = reading.map((phase) => ({ phase, start: instantOf(zone, phase.start), endLow: instantOf(zone, phase.endEarliest), endHigh: instantOf(zone, phase.endLatest) }))
      const on = onSpans(events, compiled, phases.map((phase) => phase.start), scenarios.length === 0 ? ignoredOptIns : undefined)
      const zoneAdults = birthDays.length === 0 ? [-Infinity] : birthDays.map((day) => startOfDay(zone, day))
      adults.push(...zoneAdults)
      for (const adult of zoneAdults) {
        const upper: Piece[] = []
        const lower: Piece[] = []
        if (!member.secondarySchool) {
          for (const { phase, start, endLow, endHigh } of phases) {
            const from = Math.max(start, adult)
            upper.push(...cut(from, endHigh, on, phase, endLow < endHigh ? endLow : null))
            if (phase.phase.certainty !== 'possible') lower.push(...cut(from, endLow, on, phase, null))
          }
        }
        scenarios.push({ zone, region: (index === 0 ? place.region : place.alsoReadAs) as string, adult, phases, upper, lower })
      }
    }
  })
  return {
    compiled,
    member,
    place,
    zones,
    zoneInferred: member.timeZone === undefined,
    scenarios,
    ignoredOptIns,
    adultEarliest: adults.length === 0 || birthDays.length === 0 ? -Infinity : Math.min(...adults),
    adultLatest: adults.length === 0 || birthDays.length === 0 ? -Infinity : Math.max(...adults),
  }
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

/** The upper pieces of every scenario, merged into sorted, disjoint windows. */
export function windowsOf(evaluation: Evaluation): MergedWindow[] {
  const pieces = evaluation.scenarios.flatMap((scenario) => scenario.upper).sort((a, b) => a.from - b.from)
  const groups: Piece[][] = []
  let until = -Infinity
  for (const piece of pieces) {
    if (piece.from <= until) {
      ;(groups.at(-1) as Piece[]).push(piece)
      until = Math.max(until, piece.until)
    } else {
      groups.push([piece])
      until = piece.until
    }
  }
  return groups.map((group) => {
    const end = Math.max(...group.map((piece) => piece.until))
    const ranged = group.filter((piece) => piece.until === end && piece.rangeFrom !== null).map((piece) => piece.rangeFrom as number)
    const best = group.reduce((firm, piece) => Math.max(firm, rank(piece.phase.phase.certainty)), 0)
    return {
      from: (group[0] as Piece).from,
      until: end,
      phases: [...new Set(group.map((piece) => piece.phase.key))],
      certainty: certainties[best] as Certainty,
      untilRange: ranged.length === 0 ? null : { from: Math.min(...ranged), until: end },
    }
  })
}

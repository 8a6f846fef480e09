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
 *
 * What follows from a country and zone (a *locality*: its phases as instants)
 * and from those with a birth date and the school flag (a *standing*: the
 * scenarios with no opt-out) is the same for many members, so each is made
 * once and kept in a bounded Map; only opt-outs and opt-ins are read per call.
 */
import type { CompiledPolicy, DatedPhase, Place } from '../policy/compile'
import { type Certainty, certainties } from '../policy/certainty'
import { daysFromCivil, daysInMonth, isLeapYear } from '../time/civil'
import { startOfDay } from '../time/zone'
import { type BirthCode, birthFields, NO_BIRTH_DATE } from './birth'
import { NestedCache } from '../cache'
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
  /** The member's opt-outs and opt-ins, in time order. */
  readonly events: readonly OptEvent[]
  readonly ignoredOptIns: readonly { readonly at: number; readonly via: string }[]
  /** The adult birthday's earliest and latest start over zones; ±Infinity without a birth date. */
  readonly adultEarliest: number
  readonly adultLatest: number
}

/** The civil days the adult birthday can fall on: one day, or the first and last of a month or of a year. */
function adultDays(birth: BirthCode, adultAge: number): number[] {
  const { year: born, month, day } = birthFields(birth)
  const year = born + adultAge
  if (month === 0) return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)]
  // A month alone: its first day and its last (born in February of a leap year, perhaps on the 29th: 1 March in a common year).
  if (day === 0) {
    const last = month === 2 && isLeapYear(born) && !isLeapYear(year) ? daysFromCivil(year, 3, 1) : daysFromCivil(year, month, daysInMonth(year, month))
    return [daysFromCivil(year, month, 1), last]
  }
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

/** Adds to `pieces` the parts of [from, until) inside the on-spans, as pieces of `phase`. */
function cut(pieces: Piece[], from: number, until: number, on: readonly Span[], phase: DatedPhase, rangeAt: number | null): void {
  for (const span of on) {
    const start = Math.max(from, span.from)
    const end = Math.min(until, span.until)
    if (start < end) pieces.push({ from: start, until: end, phase, rangeFrom: rangeAt !== null && end === until ? Math.max(start, rangeAt) : null })
  }
}

/** The member's events in time order (opt-outs before opt-ins at one instant). */
export function eventsOf(member: MemberFacts): OptEvent[] {
  const events: OptEvent[] = [...member.optOuts.map((optOut) => ({ at: optOut.at, via: optOut.via as string | undefined })), ...member.optIns.map((at) => ({ at, via: undefined }))]
  // Opt-outs at one instant by channel name: the order they were given in changes nothing.
  return events.sort((a, b) => a.at - b.at || (a.via === undefined ? 1 : 0) - (b.via === undefined ? 1 : 0) || (a.via ?? '').localeCompare(b.via ?? ''))
}

const ALWAYS: readonly Span[] = [{ from: -Infinity, until: Infinity }]

/** The pieces of use of one scenario, for on-spans `on`. */
function withPieces(scenario: Omit<Scenario, 'upper' | 'lower'>, on: readonly Span[], excluded: boolean): Scenario {
  const upper: Piece[] = []
  const lower: Piece[] = []
  if (!excluded) {
    for (const { phase, start, endLow, endHigh } of scenario.phases) {
      const from = Math.max(start, scenario.adult)
      cut(upper, from, endHigh, on, phase, endLow < endHigh ? endLow : null)
      if (phase.phase.certainty !== 'possible') cut(lower, from, endLow, on, phase, null)
    }
  }
  return { zone: scenario.zone, region: scenario.region, adult: scenario.adult, phases: scenario.phases, upper, lower }
}

/** A zone of a locality, read one way (an ambiguous territory is read twice): its phases as instants there. */
interface Reading {
  readonly zone: string
  readonly region: string
  readonly phases: Scenario['phases']
}

/**
 * What follows from a member's country and zone (or the country's zones,
 * when none is given): a few hundred over any run, each made once per policy.
 */
export interface Locality {
  readonly place: Place
  readonly zones: readonly string[]
  readonly readings: readonly Reading[]
}

/**
 * What follows from a locality, a birth date and the school flag: the
 * scenarios with no opt-out. Answers for members with no opt-out keep their
 * windows and reasons here.
 */
export interface Standing {
  readonly locality: Locality
  readonly place: Place
  readonly zones: readonly string[]
  readonly scenarios: readonly Scenario[]
  readonly adultEarliest: number
  readonly adultLatest: number
  /** Filled by the first query that needs it. */
  readonly kept: {
    windows?: readonly MergedWindow[]
    /** The reasons every answer gives, by language. */
    readonly context: Map<string, readonly Reason[]>
    /** The instants at which anything an answer reads changes, sorted: between two of them, every answer is the same. */
    edges?: readonly number[]
    /** By language, the answer between each two edges (index: how many edges lie at or before asOf), made when first asked. */
    readonly answers: Map<string, ({ readonly status: 'covered' | 'not-covered' | 'undetermined'; readonly reasons: readonly Reason[] } | undefined)[]>
  }
}

function computeLocality(compiled: CompiledPolicy, country: string, timeZone: string | undefined): Locality {
  const place = compiled.placeOf(country)
  const zones = timeZone === undefined ? compiled.zonesOf(country) : [timeZone]
  const readings = place.readings.flatMap((reading, index) =>
    zones.map((zone) => ({
      zone,
      region: (index === 0 ? place.region : place.alsoReadAs) as string,
      phases: reading.map((phase) => ({ phase, start: instantOf(zone, phase.start), endLow: instantOf(zone, phase.endEarliest), endHigh: instantOf(zone, phase.endLatest) })),
    })),
  )
  return { place, zones, readings }
}

/** The scenarios of a standing, each reading of the facts once: zones whose days start at the same instants read alike. */
function distinct(scenarios: readonly Scenario[]): Scenario[] {
  const seen = new Set<string>()
  return scenarios.filter((scenario) => {
    const key = `${scenario.region} ${scenario.adult} ${scenario.phases.map((phase) => `${phase.start} ${phase.endLow} ${phase.endHigh}`).join(' ')}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function computeStanding(compiled: CompiledPolicy, locality: Locality, member: MemberFacts): Standing {
  const birthDays = member.birth === NO_BIRTH_DATE ? [] : adultDays(member.birth, compiled.policy.age.adultAge)
  const scenarios: Scenario[] = []
  const adults: number[] = []
  for (const reading of locality.readings) {
    const zoneAdults = birthDays.length === 0 ? [-Infinity] : birthDays.map((day) => startOfDay(reading.zone, day))
    adults.push(...zoneAdults)
    for (const adult of zoneAdults) scenarios.push(withPieces({ ...reading, adult }, ALWAYS, member.secondarySchool))
  }
  const known = birthDays.length > 0 && adults.length > 0
  const { place, zones } = locality
  return { locality, place, zones, scenarios: distinct(scenarios), adultEarliest: known ? Math.min(...adults) : -Infinity, adultLatest: known ? Math.max(...adults) : -Infinity, kept: { context: new Map(), answers: new Map() } }
}

/**
 * Localities by policy, then country and zone ('' for none given): the codes
 * and zones are the readers' own strings, so no key is built. Standings by
 * locality, then birth date and school. Each cache is emptied when full, so
 * memory stays bounded over any number of distinct members; the standings'
 * bound holds the 48,198 of the bench's 100,000 varied members.
 */
const localities = new WeakMap<CompiledPolicy, NestedCache<string, string, Locality>>()
const standings = new NestedCache<Locality, number, Standing>(65_536)

/** The standing of a member's country, zone, birth date and school, made on first use. */
export function standingOf(compiled: CompiledPolicy, member: MemberFacts): Standing {
  let cache = localities.get(compiled)
  if (cache === undefined) localities.set(compiled, (cache = new NestedCache(10_000)))
  const { country, timeZone, place } = member
  // A place's zone (Canary Islands) reads as that zone given, but its reasons say where it came from.
  const key = place === undefined ? (timeZone ?? '') : `${timeZone} ${place}`
  const locality = cache.get(country, key, () => computeLocality(compiled, country, timeZone))
  return standings.get(locality, member.secondarySchool ? -1 - member.birth : member.birth, () => computeStanding(compiled, locality, member))
}

/** Evaluates a member (read against the same policy) under every scenario. */
export function evaluate(member: MemberFacts, compiled: CompiledPolicy): Evaluation {
  const standing = standingOf(compiled, member)
  const events = eventsOf(member)
  const ignoredOptIns: { at: number; via: string }[] = []
  let scenarios = standing.scenarios
  if (events.length > 0) {
    // Opt-outs that last make the same on-spans in every scenario; one that does not ends where the scenario's next phase starts.
    const lasting = events.every((event) => event.via === undefined || (compiled.policy.channels[event.via] as { lasts: boolean }).lasts)
    const shared = lasting ? onSpans(events, compiled, [], ignoredOptIns) : undefined
    scenarios = scenarios.map((scenario, index) => {
      const on = shared ?? onSpans(events, compiled, scenario.phases.map((phase) => phase.start), index === 0 ? ignoredOptIns : undefined)
      return withPieces(scenario, on, member.secondarySchool)
    })
  }
  return { compiled, member, standing, place: standing.place, zones: standing.zones, zoneInferred: member.timeZone === undefined, scenarios, events, ignoredOptIns, adultEarliest: standing.adultEarliest, adultLatest: standing.adultLatest }
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
  const { scenarios } = evaluation
  // One reading, as for most members: its pieces are in order and disjoint already.
  if (scenarios.length === 1) return singleWindows((scenarios[0] as Scenario).upper)
  const pieces = scenarios.flatMap((scenario) => scenario.upper).sort((a, b) => a.from - b.from)
  // Pieces that overlap or touch, in groups.
  const groups: Piece[][] = []
  let end = -Infinity
  for (const piece of pieces) {
    if (piece.from <= end) (groups.at(-1) as Piece[]).push(piece)
    else groups.push([piece])
    end = Math.max(piece.from <= end ? end : -Infinity, piece.until)
  }
  return groups.flatMap((group) => (group.every((piece) => piece.phase.phase.certainty === group[0]?.phase.phase.certainty) ? [windowOf(group, group[0] as Piece)] : splitByCertainty(group)))
}

/** One window over `pieces`, all of one certainty: from the first start to the last end. */
function windowOf(pieces: readonly Piece[], first: Piece, from = first.from, until = Math.max(...pieces.map((piece) => piece.until)), certainty = first.phase.phase.certainty): MergedWindow {
  // Where in the window its end may lie: from the earliest end any reading gives.
  const ranged = pieces.filter((piece) => piece.rangeFrom !== null && piece.until <= until).map((piece) => Math.max(from, piece.rangeFrom as number))
  return { from, until, phases: [...new Set(pieces.map((piece) => piece.phase.key))], certainty, untilRange: ranged.length === 0 ? null : { from: Math.min(...ranged), until } }
}

/** A group of pieces of several certainties, as windows each of the firmest certainty in force. */
function splitByCertainty(pieces: readonly Piece[]): MergedWindow[] {
  const edges = [...new Set(pieces.flatMap((piece) => [piece.from, piece.until]))].sort((a, b) => a - b)
  const spans: { from: number; until: number; pieces: Piece[]; certainty: Certainty }[] = []
  for (let index = 0; index + 1 < edges.length; index++) {
    const from = edges[index] as number
    const until = edges[index + 1] as number
    const covering = pieces.filter((piece) => piece.from <= from && until <= piece.until)
    const certainty = certainties[Math.max(...covering.map((piece) => rank(piece.phase.phase.certainty)))] as Certainty
    const last = spans.at(-1)
    if (last !== undefined && last.certainty === certainty) {
      last.until = until
      last.pieces.push(...covering)
    } else spans.push({ from, until, pieces: covering, certainty })
  }
  return spans.map((span) => windowOf(span.pieces, span.pieces[0] as Piece, span.from, span.until, span.certainty))
}

/** The windows of one scenario's pieces (in order, disjoint): touching pieces of one certainty joined. */
function singleWindows(pieces: readonly Piece[]): MergedWindow[] {
  const windows: MergedWindow[] = []
  for (const piece of pieces) {
    const { certainty } = piece.phase.phase
    const last = windows.at(-1)
    const untilRange = piece.rangeFrom === null ? null : { from: piece.rangeFrom, until: piece.until }
    if (last !== undefined && last.until === piece.from && last.certainty === certainty) {
      windows[windows.length - 1] = { from: last.from, until: piece.until, phases: [...new Set([...last.phases, piece.phase.key])], certainty, untilRange }
    } else windows.push({ from: piece.from, until: piece.until, phases: [piece.phase.key], certainty, untilRange })
  }
  return windows
}

/** The instants at which anything an answer reads changes (piece, phase and adult bounds), sorted and distinct. */
export function edgesOf(scenarios: readonly Scenario[]): number[] {
  const edges = new Set<number>()
  for (const scenario of scenarios) {
    edges.add(scenario.adult)
    for (const phase of scenario.phases) edges.add(phase.start).add(phase.endLow).add(phase.endHigh)
    for (const piece of [...scenario.upper, ...scenario.lower]) edges.add(piece.from).add(piece.until)
  }
  return [...edges].filter((edge) => Number.isFinite(edge)).sort((a, b) => a - b)
}

/** How many of the sorted `edges` lie at or before `at`. */
export function edgeIndex(edges: readonly number[], at: number): number {
  let low = 0
  let high = edges.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((edges[middle] as number) <= at) low = middle + 1
    else high = middle
  }
  return low
}

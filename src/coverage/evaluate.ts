/**
 * The evaluation shared by `coverage` and `dataUse`: the member's possible
 * starts (one per reading of the unknown facts), the setting's on-off timeline,
 * and the windows of use.
 */
import type { CompiledPolicy } from '../policy/compile'
import type { MemberFacts } from './member'
import type { Reason } from './reasons'
import { ADULT_EARLIEST, AGE_REASON, cacheOf, EARLIEST, LATEST, type Locality, localityOf, type Standing, standingSlot } from './standings'

/** A span of use: from an instant (inclusive) to another (exclusive), epoch ms. */
export interface Span {
  readonly from: number
  readonly until: number
}

export interface Evaluation {
  /** What follows from the country and zone. */
  readonly locality: Locality
  /**
   * The instants of what follows from them and the birth date (the standing,
   * shared by members alike in those three) that every answer reads, taken
   * from its table row (see standings.ts).
   */
  readonly earliest: number
  readonly latest: number
  readonly adultEarliest: number
  /**
   * The standing's age reason, read here with its instants rather than where
   * the reasons are gathered: over many members its row of objects is out of
   * the CPU's cache, and loading it early overlaps that wait with the rest of
   * the evaluation (`coverage()` over 100,000 varied members 7 % faster).
   */
  readonly ageReason: Reason
  /**
   * The standing's objects in its table row, from `at`: the standing itself
   * (`STANDING`), its age reason (`AGE_REASON`), and the status reasons that
   * `coverage` keeps there.
   */
  readonly objects: (Standing | Reason | undefined)[]
  readonly at: number
  /** LinkedIn believes the member is under 18: never used. */
  readonly excluded: boolean
  /** When the setting is on (from -Infinity), cut by opt-outs. */
  readonly on: readonly Span[]
  /** The objection, if one was filed. */
  readonly objectedAt: number | undefined
  readonly ignoredOptIns: readonly number[]
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
  const { optOuts, optIns } = member
  if (optOuts.length === 0) return ALWAYS_ON
  if (optOuts.length === 1 && optIns.length === 0) {
    // The commonest change, one opt-out never undone: what the events below give, without building them.
    const { at, via } = optOuts[0] as MemberFacts['optOuts'][number]
    return { on: [{ from: Number.NEGATIVE_INFINITY, until: at }], objectedAt: via === 'setting' ? undefined : at, ignoredOptIns: ALWAYS_ON.ignoredOptIns }
  }
  // In time order; at one instant, opt-outs come before opt-ins: the member ends
  // that instant with the setting on, the reading under which their data may be used.
  const events: Event[] = []
  for (const optOut of optOuts) insert(events, { at: optOut.at, kind: optOut.via === 'setting' ? 0 : 1 })
  for (const at of optIns) insert(events, { at, kind: 2 })
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
export function spansOf(evaluation: Evaluation): readonly Span[] {
  if (evaluation.excluded) return NO_WINDOWS
  // Never opted out: one window from the earliest start (made afresh: cheaper than reading a cached one from cold memory).
  return evaluation.on === ALWAYS_ON.on ? [{ from: evaluation.earliest, until: Number.POSITIVE_INFINITY }] : windowsFrom(evaluation.on, evaluation.earliest)
}

/** The windows of use for a start: the on-spans from `start` on. */
export function windowsFrom(on: readonly Span[], start: number): Span[] {
  const windows: Span[] = []
  // By index here and below: a hot loop over arrays of several kinds (see contextReasons).
  for (let index = 0; index < on.length; index++) {
    const span = on[index] as Span
    if (span.until <= start) continue
    windows.push(span.from >= start ? span : { from: start, until: span.until })
  }
  return windows
}

/** Evaluates a member against a compiled policy. */
export function evaluate(member: MemberFacts, compiled: CompiledPolicy): Evaluation {
  const { on, objectedAt, ignoredOptIns } = timeline(member)
  const cache = cacheOf(compiled)
  const locality = localityOf(cache, compiled, member.country, member.timeZone)
  const slot = standingSlot(cache, compiled, locality, member.birth)
  const { table } = cache
  const at = table.objectsAt(slot)
  return {
    locality,
    earliest: table.instant(slot, EARLIEST),
    latest: table.instant(slot, LATEST),
    adultEarliest: table.instant(slot, ADULT_EARLIEST),
    ageReason: table.objects[at + AGE_REASON] as Reason,
    objects: table.objects,
    at,
    excluded: member.secondarySchool,
    on,
    objectedAt,
    ignoredOptIns,
  }
}

/** Whether the setting is on at `at`. */
export function isOn(on: readonly Span[], at: number): boolean {
  for (let index = 0; index < on.length; index++) {
    const span = on[index] as Span
    if (span.from <= at && at < span.until) return true
  }
  return false
}

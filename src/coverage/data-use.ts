/** Which of a member's data is used: `dataUse` for one item of one category. */
import { PolicyInputError } from '../errors'
import { type Reader, reading } from '../input'
import type { linkedinGenAi } from '../policy/linkedin'
import type { CategoryOf, ChannelOf, Policy } from '../policy/schema'
import { DAY_MS, parseCivilDate } from '../time/civil'
import { scanInstant } from '../time/instant'
import { canonicalZone, offsetAt, startOfDay } from '../time/zone'
import { answerAt, contextReasons, say } from './coverage'
import type { Evaluation, Piece } from './evaluate'
import type { InstantInput, MemberInput } from './member'
import { type CoverageOptions, type ReadOptions, readOptions } from './options'
import { iso, type Reason, type ReasonCode } from './reasons'

/** One item of a member's data. */
export interface DataItem<C extends string = string> {
  /** One of the policy's categories; any other string is answered `undetermined` (or `out-of-scope` where that is certain anyway). */
  category: C | (string & {})
  /**
   * When the item was created: an instant (a string with `Z` or an offset, or
   * a Date), a day (`2024-10-11`) or a local time without a zone
   * (`2024-10-11 09:30:00`). A day or a local time is a range of instants:
   * across every zone on Earth, or in `timeZone` when it is given.
   */
  createdAt: InstantInput
  /** The zone a day or a local time `createdAt` is written in. */
  timeZone?: string | undefined
}

/**
 * An item's status at `asOf`: `in-scope` (used now), `retained` (not used now,
 * but it existed during an earlier window, so it may sit in models trained
 * then), `out-of-scope` or `undetermined`.
 */
export type DataUseStatus = 'in-scope' | 'retained' | 'out-of-scope' | 'undetermined'

/** The answer for one data item. */
export interface DataUseReport {
  readonly status: DataUseStatus
  /** When the item was created, as read: one instant, or the range it lies in. */
  readonly createdFrom: Date
  readonly createdUntil: Date
  readonly reasons: readonly Reason[]
}

const HOUR = 3_600_000
/** Offsets on Earth run from UTC-12 to UTC+14. */
const EARLIEST_OFFSET = 14 * HOUR
const LATEST_OFFSET = 12 * HOUR
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/

/** The instants a wall-clock time (as epoch ms read as UTC) can be in `zone`: one, two in a repeated hour, or the skipped hour's edges. */
function wallInZone(wall: number, zone: string): [number, number] {
  const offsets = [offsetAt(zone, wall - EARLIEST_OFFSET), offsetAt(zone, wall + EARLIEST_OFFSET)]
  const fits = offsets.map((offset) => wall - offset).filter((at) => at + offsetAt(zone, at) === wall)
  const candidates = fits.length > 0 ? fits : offsets.map((offset) => wall - offset)
  return [Math.min(...candidates), Math.max(...candidates)]
}

/**
 * Reads a creation instant (`createdAt`): an instant, a day or a local time
 * without a zone, as the range it lies in (inclusive), read in `zone` when
 * one is given. `itemSchema` checks with it too.
 */
export function readCreated(reader: Reader, value: unknown, zone: string | undefined): [number, number] {
  if (typeof value === 'string') {
    const text = value.trim()
    const day = text.length === 10 ? parseCivilDate(text) : undefined
    if (day !== undefined) {
      if (zone !== undefined) return [startOfDay(zone, day), startOfDay(zone, day + 1) - 1]
      return [day * DAY_MS - EARLIEST_OFFSET, (day + 1) * DAY_MS + LATEST_OFFSET - 1]
    }
    if (LOCAL_TIME.test(text)) {
      const wall = scanInstant(`${text}Z`)
      if (typeof wall !== 'number') {
        reader.fail(['createdAt'], value, wall)
        return [0, 0]
      }
      return zone !== undefined ? wallInZone(wall, zone) : [wall - EARLIEST_OFFSET, wall + LATEST_OFFSET]
    }
  }
  const at = reader.instant(['createdAt'], value) ?? 0
  return [at, at]
}

/** Reads an item: its category, and the range its creation instant lies in (inclusive). */
function readItem(reader: Reader, item: unknown): { category: string; created: [number, number] } {
  const record = reader.object([], item, (key) => key === 'category' || key === 'createdAt' || key === 'timeZone')
  const category = reader.string(['category'], record?.category, false) ?? ''
  const zoneText = reader.string(['timeZone'], record?.timeZone, true)
  const zone = zoneText === undefined ? undefined : (canonicalZone(zoneText.trim()) ?? reader.fail(['timeZone'], zoneText, 'is not an IANA time zone such as Europe/Berlin'))
  return { category, created: readCreated(reader, record?.createdAt, zone) }
}

type Outcome = { status: DataUseStatus; code: ReasonCode; piece?: Piece | undefined }

/** An item created at `created`, under one reading's pieces of use, at `asOf`. */
function outcome(pieces: readonly Piece[], adult: number, asOf: number, created: number): Outcome {
  if (created > asOf) return { status: 'out-of-scope', code: 'not-yet-created' }
  if (pieces.length === 0) return { status: 'out-of-scope', code: 'never-covered' }
  const underAge = created < adult
  const now = pieces.find((piece) => piece.from <= asOf && asOf < piece.until)
  if (now !== undefined) return underAge ? { status: 'undetermined', code: 'created-under-18' } : { status: 'in-scope', code: 'category-used', piece: now }
  const begun = pieces.filter((piece) => piece.from <= asOf)
  if (begun.length === 0) return { status: 'out-of-scope', code: 'not-started' }
  const existed = begun.find((piece) => created < piece.until)
  if (existed !== undefined) return underAge ? { status: 'undetermined', code: 'created-under-18' } : { status: 'retained', code: 'retained', piece: existed }
  return { status: 'out-of-scope', code: 'created-after-use', piece: begun.at(-1) }
}

type Default = typeof linkedinGenAi

/**
 * Whether one item of the member's data is used for training at `asOf`.
 *
 * @param member - the member, as for `coverage`
 * @param item - the item's category and creation instant (or day, or local time)
 * @param options - `asOf` (default now), `policy`, `language`
 * @returns the item's status and the reasons
 * @throws {PolicyInputError} when the member, the item or the options are not valid
 * @example
 * const member = { country: 'NL', timeZone: 'Europe/Amsterdam', optOuts: [{ at: '2026-02-01T12:00:00Z', via: 'setting' }] }
 * dataUse(member, { category: 'content', createdAt: '2025-12-24T09:00:00+01:00' }, { asOf: '2026-06-01T00:00:00Z' }).status //=> 'retained'
 * dataUse(member, { category: 'private-message', createdAt: '2025-12-24' }).status //=> 'out-of-scope'
 */
export function dataUse<P extends Policy = Default>(member: MemberInput<ChannelOf<P>>, item: DataItem<CategoryOf<P>>, options?: CoverageOptions<P>): DataUseReport {
  const use = itemUse(member, options)
  const { category, created } = reading('item', readItem, item)
  return use(category, created)
}

/**
 * `dataUse` for many items of one member: the member and the options are read
 * and evaluated once, and each item, already read (its category and the range
 * its creation lies in, as `readCreated` gives it), is answered by the call
 * returned. `archiveReport` uses it for a whole data export.
 *
 * @throws {PolicyInputError} when the member or the options are not valid
 */
export function itemUse(member: unknown, options?: unknown): (category: string, created: readonly [number, number]) => DataUseReport {
  const read = readOptions(options)
  const answered = answerAt(member, read)
  if (!answered.ok) throw new PolicyInputError(answered.kind, answered.issues)
  const { evaluation } = answered.value
  // A category's reason is the same for every item of it: worded once, frozen and shared, as the member's context reasons are.
  const categoryReasons = new Map<string, Reason>()
  return (category, created) => answerItem(evaluation, read, category, created, categoryReasons)
}

/** One item's answer under an evaluated member; `categoryReasons` keeps each category's reason for the next item. */
function answerItem(evaluation: Evaluation, { asOf, language }: ReadOptions, category: string, created: readonly [number, number], categoryReasons: Map<string, Reason>): DataUseReport {
  const { policy } = evaluation.compiled
  const [createdFrom, createdUntil] = created
  const done = (status: DataUseStatus, reasons: Reason[]): DataUseReport => ({
    status,
    createdFrom: new Date(createdFrom),
    createdUntil: new Date(createdUntil),
    reasons: [...reasons, ...contextReasons(evaluation, language)],
  })
  const rule = Object.hasOwn(policy.categories, category) ? policy.categories[category] : undefined
  if (evaluation.scenarios.length === 0) {
    const outside = 'answer' in policy.outside ? [say(evaluation, language, 'outside-policy', { country: evaluation.member.country, note: policy.outside.note }, policy.outside.source)] : []
    return done('undetermined', outside)
  }
  let categoryReason = categoryReasons.get(category)
  if (categoryReason === undefined) {
    categoryReason = Object.freeze(rule === undefined ? say(evaluation, language, 'category-unknown', { category }) : say(evaluation, language, rule.used ? 'category-used' : 'category-not-used', { category, description: rule.description }, rule.source))
    categoryReasons.set(category, categoryReason)
  }
  if (rule !== undefined && !rule.used) return done('out-of-scope', [categoryReason])
  // Every reading: each scenario, its widest and narrowest use, the first and last instant the item may have been created at.
  const outcomes: { outcome: Outcome; scenario: number; upper: boolean; at: number }[] = []
  evaluation.scenarios.forEach((scenario, index) => {
    for (const upper of [true, false]) {
      for (const at of createdFrom === createdUntil ? [createdFrom] : [createdFrom, createdUntil]) {
        outcomes.push({ outcome: outcome(upper ? scenario.upper : scenario.lower, scenario.adult, asOf, at), scenario: index, upper, at })
      }
    }
  })
  const statuses = new Set(outcomes.map((each) => each.outcome.status))
  const agreed = statuses.size === 1 ? (outcomes[0] as (typeof outcomes)[number]).outcome.status : 'undetermined'
  const reasons: Reason[] = [categoryReason]
  const add = (reason: Reason) => {
    if (!reasons.some((each) => each.message === reason.message)) reasons.push(reason)
  }
  for (const { outcome: each } of outcomes) {
    const phase = each.piece?.phase
    switch (each.code) {
      case 'category-used':
        break
      case 'created-under-18':
        add(say(evaluation, language, each.code, { age: policy.age.adultAge }, policy.age.source))
        break
      case 'not-yet-created':
        add(say(evaluation, language, each.code, { at: iso(createdFrom) }))
        break
      case 'created-after-use':
        add(say(evaluation, language, each.code, { at: iso(each.piece?.until ?? asOf) }, phase?.phase.source, phase))
        break
      case 'retained':
        add(say(evaluation, language, each.code, {}, phase?.phase.source, phase))
        break
      case 'not-started': {
        const first = evaluation.scenarios.flatMap((scenario) => scenario.upper[0] ?? [])
        const start = first.reduce<Piece | undefined>((soonest, piece) => (soonest === undefined || piece.from < soonest.from ? piece : soonest), undefined)
        add(say(evaluation, language, each.code, { at: start === undefined ? '' : iso(start.from) }, start?.phase.phase.source, start?.phase))
        break
      }
      default:
        add(say(evaluation, language, each.code, {}))
    }
  }
  if (agreed === 'undetermined' && statuses.size > 1) {
    const differ = (key: 'scenario' | 'upper' | 'at') =>
      outcomes.some((a) => outcomes.some((b) => a[key] !== b[key] && a.outcome.status !== b.outcome.status && (['scenario', 'upper', 'at'] as const).every((other) => other === key || a[other] === b[other])))
    if (differ('upper')) {
      const possible = outcomes.find((each) => each.upper && each.outcome.piece?.phase.phase.certainty === 'possible')?.outcome.piece?.phase
      if (possible !== undefined) add(say(evaluation, language, 'created-only-possible', { phase: possible.phase.id }, possible.phase.source, possible))
      const ranged = outcomes.find((each) => each.upper && each.outcome.piece?.rangeFrom !== null && each.outcome.piece !== undefined)?.outcome.piece
      if (ranged !== undefined && ranged.rangeFrom !== null) {
        add(say(evaluation, language, 'end-range', { phase: ranged.phase.phase.id, from: iso(ranged.rangeFrom), until: iso(ranged.until) }, ranged.phase.phase.endSource ?? ranged.phase.phase.source, ranged.phase))
      }
    }
    if (differ('at')) add(say(evaluation, language, 'created-in-range', { from: iso(createdFrom), until: iso(createdUntil) }))
    if (differ('scenario')) {
      const starts = evaluation.scenarios.flatMap((scenario) => scenario.upper[0]?.from ?? [])
      add(say(evaluation, language, 'start-undetermined', { from: iso(Math.min(...starts)), until: iso(Math.max(...starts)) }))
    }
  }
  // A phase that does not reach back to all older data: say so for items older than the member's first window.
  const firstFrom = Math.min(...evaluation.scenarios.flatMap((scenario) => scenario.upper[0]?.from ?? []))
  if (agreed !== 'out-of-scope' && createdFrom < firstFrom) {
    for (const scenario of evaluation.scenarios) {
      const limited = scenario.upper.find((piece) => piece.from <= asOf && piece.phase.phase.lookback !== undefined)?.phase
      if (limited?.phase.lookback !== undefined) add(say(evaluation, language, 'lookback-limited', { phase: limited.phase.id, note: limited.phase.lookback.note }, limited.phase.lookback.source, limited))
    }
  }
  if (rule === undefined) return done(agreed === 'out-of-scope' ? 'out-of-scope' : 'undetermined', reasons)
  return done(agreed, reasons)
}

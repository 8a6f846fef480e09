/**
 * Is the member's data used to train the models, from when, and why:
 * `coverage`, with `isCovered`, `coveredFrom` and `safeCoverage` around it.
 */
import { PolicyInputError } from '../errors'
import { type Read, tryReading } from '../input'
import type { Policy, RegionCode } from '../policy/schema'
import { type Evaluation, evaluate, isOn, type Span, spansOf } from './evaluate'
import { type MemberFacts, type MemberInput, readMember } from './member'
import { type CoverageOptions, type ReadOptions, readOptions, tryOptions } from './options'
import { iso, type Reason } from './reasons'
import { type Locality, NOT_STARTED, START_UNDETERMINED, UNDER_18 } from './standings'

/** The member's status at `asOf`. */
export type CoverageStatus = 'covered' | 'not-covered' | 'undetermined'

/** A window of use: from an instant (inclusive) until another (exclusive), `null` while open. */
export interface CoverageWindow {
  readonly from: Date
  readonly until: Date | null
}

/** The answer for one member at one instant. Instants are `Date`s; compare them with `getTime()`. */
export interface CoverageReport {
  /** The policy's id. */
  readonly policy: string
  /** The instant asked about. */
  readonly asOf: Date
  /** At `asOf`: `covered` inside a window, `not-covered` outside all, `undetermined` when an unknown fact decides. */
  readonly status: CoverageStatus
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  readonly region: RegionCode
  /** The rollout that applies (for an ambiguous territory, the earliest reading). Frozen, and shared between reports. */
  readonly rollout: { readonly id: string; readonly effective: string }
  /** Start of the first window of use, the earliest possible; `null` when nothing is ever used. */
  readonly from: Date | null
  /** End of the last window; `null` while it is open-ended (or there is none). */
  readonly until: Date | null
  /** Every window of use, sorted and disjoint, taken from the earliest possible start. */
  readonly windows: readonly CoverageWindow[]
  /** The rules and assumptions behind the answer; at least one unless `covered`. A new array of frozen reasons, shared between reports. */
  readonly reasons: readonly Reason[]
}

/** A result that is either data or the input error that prevented it. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: PolicyInputError }

/** The facts and assumptions every answer rests on: a new array, for the caller to add to. */
export function contextReasons(evaluation: Evaluation, policy: Policy): Reason[] {
  // Pushed into a new array (one allocation, with room for the status reasons)
  // rather than sliced and grown; by index, as for-of over arrays of several
  // kinds here went through the iterator's builtin.
  const reasons: Reason[] = []
  const shared = evaluation.locality.reasons
  for (let index = 0; index < shared.length; index++) reasons.push(shared[index] as Reason)
  reasons.push(evaluation.ageReason)
  if (evaluation.excluded) {
    reasons.push({ code: 'secondary-school', message: `${policy.age.secondarySchool.note}; taken to hold throughout`, source: policy.age.secondarySchool.source })
  }
  const { ignoredOptIns } = evaluation
  for (let index = 0; index < ignoredOptIns.length; index++) {
    const at = ignoredOptIns[index] as number
    reasons.push({
      code: 'opt-in-ignored',
      message: `The opt-in at ${iso(at)} follows an objection, which lasts: it changes nothing`,
      source: policy.optOut.channels['objection-form'].source,
    })
  }
  return reasons
}

// The status reasons: each built on first use and kept, frozen and shared by
// every report, in the locality or in the standing's table row.

function rolloutNotStarted(locality: Locality): Reason {
  const { rollout } = locality
  return (locality['rollout-not-started'] ??= Object.freeze({ code: 'rollout-not-started', message: `The rollout "${rollout.id}" starts at ${iso(locality.rolloutEarliest)} at the earliest`, source: rollout.source }))
}

function optedOut(locality: Locality, policy: Policy): Reason {
  return (locality['opted-out'] ??= Object.freeze({ code: 'opted-out', message: 'The Data for Generative AI Improvement setting is off: use stopped going forward', source: policy.optOut.channels.setting.source }))
}

function optedOutBeforeStart(locality: Locality, policy: Policy): Reason {
  return (locality['opted-out-before-start'] ??= Object.freeze({ code: 'opted-out-before-start', message: 'The member opted out before their coverage began: none of their data is used', source: policy.optOut.source }))
}

function under18({ objects, at, adultEarliest }: Evaluation, policy: Policy): Reason {
  return (objects[at + UNDER_18] ??= Object.freeze({ code: 'under-18', message: `The member is under ${policy.age.adultAge} until ${iso(adultEarliest)} at the earliest`, source: policy.age.source })) as Reason
}

function notStarted({ objects, at, earliest, locality }: Evaluation): Reason {
  return (objects[at + NOT_STARTED] ??= Object.freeze({ code: 'not-started', message: `The member's coverage starts at ${iso(earliest)} at the earliest`, source: locality.rollout.source })) as Reason
}

function startUndetermined({ objects, at, earliest, latest, locality }: Evaluation): Reason {
  return (objects[at + START_UNDETERMINED] ??= Object.freeze({
    code: 'start-undetermined',
    message: `asOf lies between the earliest possible start (${iso(earliest)}) and the latest (${iso(latest)}); which applies depends on facts not given`,
    source: locality.rollout.source,
  })) as Reason
}

/** Adds why the member is not (or not certainly) covered at `asOf`; `on` tells whether the setting is on then (the member not excluded). */
function addStatusReasons(reasons: Reason[], evaluation: Evaluation, policy: Policy, asOf: number, on: boolean, windowsExist: boolean): void {
  const { locality } = evaluation
  if (evaluation.excluded) return
  if (!windowsExist) return void reasons.push(optedOutBeforeStart(locality, policy))
  if (asOf < evaluation.earliest) {
    const before = reasons.length
    if (asOf < locality.rolloutEarliest) reasons.push(rolloutNotStarted(locality))
    if (asOf < evaluation.adultEarliest) reasons.push(under18(evaluation, policy))
    // Each reading starts later than asOf, though neither the rollout nor the
    // birthday alone does in all readings at once.
    if (reasons.length === before) reasons.push(notStarted(evaluation))
    return
  }
  if (!on) {
    reasons.push(
      evaluation.objectedAt !== undefined && evaluation.objectedAt <= asOf
        ? { code: 'objected', message: `The member objected at ${iso(evaluation.objectedAt)}; use stopped going forward, for good`, source: policy.optOut.channels['objection-form'].source }
        : optedOut(locality, policy),
    )
    return
  }
  if (asOf < evaluation.latest) reasons.push(startUndetermined(evaluation))
}

/** Windows as reports show them: `Date`s, `null` for an open end (a loop: `map` costs a call per window). */
function windowsOf(spans: readonly Span[]): CoverageWindow[] {
  const windows = new Array<CoverageWindow>(spans.length)
  for (let index = 0; index < spans.length; index++) {
    const { from, until } = spans[index] as Span
    windows[index] = { from: new Date(from), until: until === Number.POSITIVE_INFINITY ? null : new Date(until) }
  }
  return windows
}

/** What a report says, before it is dressed in `Date`s: reports and batch records are both written from it. */
export interface Answer {
  readonly evaluation: Evaluation
  readonly status: CoverageStatus
  /** The windows of use, as epoch-ms spans (`until` is Infinity while open). */
  readonly spans: readonly Span[]
  /** Start of the first window, epoch ms; `null` when nothing is ever used. */
  readonly from: number | null
  /** End of the last window, epoch ms; `null` while open-ended (or there is none). */
  readonly until: number | null
  readonly reasons: Reason[]
}

/** The answer for an evaluated member at `asOf`. */
function answer(evaluation: Evaluation, policy: Policy, asOf: number): Answer {
  const spans = spansOf(evaluation)
  const on = !evaluation.excluded && isOn(evaluation.on, asOf)
  const status: CoverageStatus = on && asOf >= evaluation.latest ? 'covered' : on && asOf >= evaluation.earliest ? 'undetermined' : 'not-covered'
  const reasons = contextReasons(evaluation, policy)
  addStatusReasons(reasons, evaluation, policy, asOf, on, spans.length > 0)
  const last = spans[spans.length - 1]
  return {
    evaluation,
    status,
    spans,
    from: spans[0]?.from ?? null,
    until: last === undefined || last.until === Number.POSITIVE_INFINITY ? null : last.until,
    reasons,
  }
}

/** The report of an answer. */
function report({ evaluation: { locality }, status, spans, from, until, reasons }: Answer, policy: Policy, asOf: number): CoverageReport {
  return {
    policy: policy.id,
    asOf: new Date(asOf),
    status,
    country: locality.country,
    region: locality.region,
    rollout: locality.reportedRollout,
    from: from === null ? null : new Date(from),
    until: until === null ? null : new Date(until),
    windows: windowsOf(spans),
    reasons,
  }
}

/**
 * Whether a member's data is used to train LinkedIn's content-generating AI
 * models at `asOf`, from which instant, in which windows, and why.
 *
 * @param member - the member; only `country` is required
 * @param options - `asOf` (default now) and `policy` (default {@link linkedinGenAi})
 * @returns the coverage report
 * @throws {PolicyInputError} when the member or the options are not valid
 * @example
 * const report = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { asOf: '2026-01-01T00:00:00Z' })
 * report.status //=> 'covered'
 * report.from?.toISOString() //=> '2025-11-02T23:00:00.000Z'
 */
export function coverage(member: MemberInput, options?: CoverageOptions): CoverageReport {
  const result = tryCoverage(member, options)
  if (!result.ok) throw new PolicyInputError(result.kind, result.issues)
  return result.value
}

/** `coverage` that gives input problems back as data, without building an error. */
function tryCoverage(member: MemberInput, options?: CoverageOptions): Read<CoverageReport> {
  const read = tryOptions(options)
  if (!read.ok) return read
  const answered = answerAt(member, read.value)
  return answered.ok ? { ok: true, value: report(answered.value, read.value.compiled.policy, read.value.asOf) } : answered
}

/** The answer for a member and options, or the input error: for the functions that need less than a report. */
function answerOf(member: MemberInput, options: CoverageOptions | undefined): Answer {
  const answered = answerAt(member, readOptions(options))
  if (!answered.ok) throw new PolicyInputError(answered.kind, answered.issues)
  return answered.value
}

/**
 * The answer for a member, with the options already read: batches read them
 * once, and write records, not reports. `read` reads the member (a batch row
 * is read with `readRowMember`).
 */
export function answerAt(member: unknown, { asOf, compiled }: ReadOptions, read: typeof readMember = readMember): Read<Answer> {
  const facts = tryReading('member', read, member)
  if (!facts.ok) return facts
  return { ok: true, value: answer(evaluate(facts.value as MemberFacts, compiled), compiled.policy, asOf) }
}

/**
 * Whether the member is certainly covered at `asOf` (`status === 'covered'`).
 * `false` also when the answer is undetermined; use `coverage` to tell them apart.
 *
 * @throws {PolicyInputError} when the member or the options are not valid
 * @example
 * isCovered({ country: 'FR', timeZone: 'Europe/Paris' }, { asOf: '2025-11-03T00:00:00+01:00' }) //=> true
 */
export function isCovered(member: MemberInput, options?: CoverageOptions): boolean {
  return answerOf(member, options).status === 'covered'
}

/**
 * The earliest possible instant from which the member's data is used, or `null`
 * when it never is.
 *
 * @throws {PolicyInputError} when the member or the options are not valid
 * @example
 * coveredFrom({ country: 'CA', timeZone: 'America/Vancouver' })?.toISOString() //=> '2025-11-03T08:00:00.000Z'
 */
export function coveredFrom(member: MemberInput, options?: CoverageOptions): Date | null {
  const { from } = answerOf(member, options)
  return from === null ? null : new Date(from)
}

/**
 * `coverage` that returns bad input as a value instead of throwing it.
 *
 * @example
 * const result = safeCoverage({ country: 'Atlantis' })
 * result.success //=> false
 * result.success ? null : result.error.issues[0]?.path //=> ['country']
 */
export function safeCoverage(member: MemberInput, options?: CoverageOptions): SafeResult<CoverageReport> {
  const result = tryCoverage(member, options)
  return result.ok ? { success: true, data: result.value } : { success: false, error: new PolicyInputError(result.kind, result.issues) }
}

/**
 * Is the member's data used to train the models, from when, and why:
 * `coverage`, with `isCovered`, `coveredFrom` and `safeCoverage` around it.
 */
import { PolicyInputError } from '../errors'
import { inner, memo } from '../cache'
import { type Read, tryReading } from '../input'
import type { Policy, RegionCode } from '../policy/schema'
import { type Evaluation, evaluate, isOn, type Span, type Standing, type StatusReasons, windowsOf } from './evaluate'
import { type MemberFacts, type MemberInput, readMember } from './member'
import { type CoverageOptions, type ReadOptions, readOptions, tryOptions } from './options'
import { iso, type Reason } from './reasons'

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
  const { standing } = evaluation
  // Kept on the standing: the country's reasons (one array for all its
  // standings, so likely in the CPU's cache) and the birth date's reason.
  standing.placeReasons ??= placeReasons(standing, policy)
  standing.ageReason ??= Object.freeze(ageReason(standing, policy))
  const reasons = standing.placeReasons.slice()
  reasons.push(standing.ageReason)
  if (evaluation.excluded) {
    reasons.push({ code: 'secondary-school', message: `${policy.age.secondarySchool.note}; taken to hold throughout`, source: policy.age.secondarySchool.source })
  }
  for (const at of evaluation.ignoredOptIns) {
    reasons.push({
      code: 'opt-in-ignored',
      message: `The opt-in at ${iso(at)} follows an objection, which lasts: it changes nothing`,
      source: policy.optOut.channels['objection-form'].source,
    })
  }
  return reasons
}

const placeReasonCache = new WeakMap<Policy, Map<string, readonly Reason[]>>()

/** The reasons that follow from the country (and whether its zone was inferred): built once per country. */
function placeReasons(standing: Standing, policy: Policy): readonly Reason[] {
  const key = `${standing.country} ${standing.zoneInferred ? 'inferred' : 'given'}`
  return memo(inner(placeReasonCache, policy), key, 1_000, () => {
    const { rollout, region, country } = standing
    const reasons: Reason[] = [
      {
        code: 'rollout',
        message: `${country} is in region ${region} (${policy.regions[region].name}); rollout "${rollout.id}" takes effect on ${rollout.effective} (${rollout.confidence}), at the start of that day in the member's time zone`,
        source: rollout.source,
      },
    ]
    const territory = policy.territories[country]
    if (standing.alsoReadAs !== undefined && territory !== undefined) {
      reasons.push({
        code: 'territory-ambiguous',
        message: `${territory.note}; read as ${region} for the earliest start, and as ${standing.alsoReadAs} for the latest`,
        source: territory.source,
      })
    }
    if (standing.zoneInferred) {
      const [low, high] = standing.zoneSpread
      reasons.push({
        code: 'time-zone-inferred',
        message:
          `No time zone given; used ${country}'s zones (${standing.zones.join(', ')})` +
          (low === high ? '' : `, whose days start at different instants: the rollout starts there between ${iso(low)} and ${iso(high)}`),
        source: rollout.source,
      })
    }
    return reasons.map((reason) => Object.freeze(reason))
  })
}

/** What the birth date says, or that none was given. */
function ageReason(standing: Standing, policy: Policy): Reason {
  if (standing.birth === undefined) {
    return { code: 'age-not-given', message: 'No birth date given; the member is taken to be 18 or over', source: policy.age.source }
  }
  const low = standing.adultEarliest ?? 0
  const high = standing.adultLatest ?? 0
  const at = low === high ? `at ${iso(low)}` : `between ${iso(low)} and ${iso(high)}`
  return standing.birth === 'day'
    ? { code: 'adult-from', message: `The member turns ${policy.age.adultAge} ${at}, the start of that birthday in their time zone`, source: policy.age.source }
    : { code: 'birth-year-only', message: `Only the birth year is known: the member turns ${policy.age.adultAge} ${at}`, source: policy.age.source }
}

type StatusCode = keyof StatusReasons

/** A status reason that depends only on the member's standing: built once, kept in it, shared (frozen). */
function standingReason(standing: Standing, policy: Policy, code: StatusCode): Reason {
  return (standing[code] ??= Object.freeze(buildStatusReason(standing, policy, code)))
}

function buildStatusReason(standing: Standing, policy: Policy, code: StatusCode): Reason {
  const { rollout } = standing
  switch (code) {
    case 'rollout-not-started':
      return { code, message: `The rollout "${rollout.id}" starts at ${iso(standing.rolloutEarliest)} at the earliest`, source: rollout.source }
    case 'under-18':
      return { code, message: `The member is under ${policy.age.adultAge} until ${iso(standing.adultEarliest ?? 0)} at the earliest`, source: policy.age.source }
    case 'not-started':
      return { code, message: `The member's coverage starts at ${iso(standing.earliest)} at the earliest`, source: rollout.source }
    case 'start-undetermined':
      return {
        code,
        message: `asOf lies between the earliest possible start (${iso(standing.earliest)}) and the latest (${iso(standing.latest)}); which applies depends on facts not given`,
        source: rollout.source,
      }
    case 'opted-out':
      return { code, message: 'The Data for Generative AI Improvement setting is off: use stopped going forward', source: policy.optOut.channels.setting.source }
    case 'opted-out-before-start':
      return { code, message: 'The member opted out before their coverage began: none of their data is used', source: policy.optOut.source }
  }
}

/** Adds why the member is not (or not certainly) covered at `asOf`. */
function addStatusReasons(reasons: Reason[], evaluation: Evaluation, policy: Policy, asOf: number, windowsExist: boolean): void {
  const { standing } = evaluation
  if (evaluation.excluded) return
  if (!windowsExist) return void reasons.push(standingReason(standing, policy, 'opted-out-before-start'))
  if (asOf < standing.earliest) {
    const before = reasons.length
    if (asOf < standing.rolloutEarliest) reasons.push(standingReason(standing, policy, 'rollout-not-started'))
    if (standing.adultEarliest !== undefined && asOf < standing.adultEarliest) reasons.push(standingReason(standing, policy, 'under-18'))
    // Each reading starts later than asOf, though neither the rollout nor the
    // birthday alone does in all readings at once.
    if (reasons.length === before) reasons.push(standingReason(standing, policy, 'not-started'))
    return
  }
  if (!isOn(evaluation.on, asOf)) {
    reasons.push(
      evaluation.objectedAt !== undefined && evaluation.objectedAt <= asOf
        ? { code: 'objected', message: `The member objected at ${iso(evaluation.objectedAt)}; use stopped going forward, for good`, source: policy.optOut.channels['objection-form'].source }
        : standingReason(standing, policy, 'opted-out'),
    )
    return
  }
  if (asOf < standing.latest) reasons.push(standingReason(standing, policy, 'start-undetermined'))
}

/** A window as reports show it: `Date`s, `null` for an open end. */
function windowOf(span: Span): CoverageWindow {
  return { from: new Date(span.from), until: span.until === Number.POSITIVE_INFINITY ? null : new Date(span.until) }
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
  const { standing, excluded } = evaluation
  const spans = windowsOf(evaluation)
  const on = !excluded && isOn(evaluation.on, asOf)
  const status: CoverageStatus = on && asOf >= standing.latest ? 'covered' : on && asOf >= standing.earliest ? 'undetermined' : 'not-covered'
  const reasons = contextReasons(evaluation, policy)
  addStatusReasons(reasons, evaluation, policy, asOf, spans.length > 0)
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
function report({ evaluation: { standing }, status, spans, from, until, reasons }: Answer, policy: Policy, asOf: number): CoverageReport {
  return {
    policy: policy.id,
    asOf: new Date(asOf),
    status,
    country: standing.country,
    region: standing.region,
    rollout: standing.reportedRollout,
    from: from === null ? null : new Date(from),
    until: until === null ? null : new Date(until),
    windows: spans.map(windowOf),
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

/** The answer for a member, with the options already read: batches read them once, and write records, not reports. */
export function answerAt(member: MemberInput, { asOf, compiled }: ReadOptions): Read<Answer> {
  const facts = tryReading('member', readMember, member)
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

/**
 * Is the member's data used to train the models, from when, and why:
 * `coverage`, with `isCovered`, `coveredFrom` and `safeCoverage` around it.
 */
import { PolicyInputError } from '../errors'
import { type Read, type Reader, tryReading } from '../input'
import type { CompiledPolicy, DatedPhase } from '../policy/compile'
import type { linkedinGenAi } from '../policy/linkedin'
import type { Certainty } from '../policy/certainty'
import type { ChannelOf, Policy, PolicyPhase, RegionOf } from '../policy/schema'
import { englishReasons } from '../policy/texts-en'
import { firstBirthDay, isMonthAlone, isYearAlone, NO_BIRTH_DATE } from './birth'
import { edgeIndex, edgesOf, type Evaluation, evaluate, type MergedWindow, type Scenario, statusAt, within, windowsOf } from './evaluate'
import { type MemberFacts, type MemberInput, readMember } from './member'
import { type CoverageOptions, type ReadOptions, readOptions, tryOptions } from './options'
import { fill, iso, type Reason, type ReasonCode } from './reasons'

/** The member's status at `asOf`. */
export type CoverageStatus = 'covered' | 'not-covered' | 'undetermined'

/** A window of use: from an instant (inclusive) until another (exclusive), `null` while open. */
export interface CoverageWindow {
  readonly from: Date
  readonly until: Date | null
  /** The phases that make it, as `region/phase`. */
  readonly phases: readonly string[]
  /** `possible` when the window rests only on phases that may not have happened; else the firmest of its phases. */
  readonly certainty: Certainty
  /** When the window's end is a range (a pause on a day not made public): from when until when it ends. */
  readonly untilRange: { readonly from: Date; readonly until: Date } | null
}

/** A phase of the member's region, as the policy states it. */
export interface TimelinePhase extends PolicyPhase {
  readonly region: string
}

/** The answer for one member at one instant. Instants are `Date`s; compare them with `getTime()`. */
export interface CoverageReport<R extends string = string> {
  /** The policy's id and version. */
  readonly policy: string
  readonly policyVersion: string
  /** The instant asked about. */
  readonly asOf: Date
  /** At `asOf`: `covered` inside a window in every reading, `not-covered` outside all, `undetermined` when an unknown fact decides. */
  readonly status: CoverageStatus
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** The country's region; `null` outside every region of a policy that answers those `undetermined`. */
  readonly region: R | null
  /** A second region the territory may be read as (JE, GG, IM: UK); `null` for most countries. */
  readonly alsoReadAs: R | null
  /** The phases of use of the region (and of `alsoReadAs`), as the policy states them. */
  readonly timeline: readonly TimelinePhase[]
  /** Start of the first window of use, the earliest possible (possible windows included); `null` when nothing is ever used. */
  readonly from: Date | null
  /** End of the last window, the latest possible; `null` while it is open-ended (or there is none). */
  readonly until: Date | null
  /** Every window of use under the widest reading, sorted and disjoint, each with its certainty. */
  readonly windows: readonly CoverageWindow[]
  /** The rules and assumptions behind the answer, in the policy's words, each with its source. */
  readonly reasons: readonly Reason[]
}

/** A result that is either data or the input error that prevented it. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: PolicyInputError }

/** Words a reason in the options' language (English where the policy has no text in it). */
export function say(evaluation: Evaluation, language: string, code: ReasonCode, values: Record<string, string | number>, source?: string, phase?: DatedPhase): Reason {
  const { texts } = evaluation.compiled.policy
  // A code added after the policy was written: the built-in English.
  const template = texts[language]?.reasons?.[code] ?? texts.en.reasons[code] ?? englishReasons[code]
  const reason: { -readonly [K in keyof Reason]: Reason[K] } = { code, message: fill(template, values) }
  if (source !== undefined) reason.source = source
  if (phase !== undefined) reason.phase = phase.key
  return reason
}

/** A phase's end as reasons print it. */
function endText(evaluation: Evaluation, language: string, phase: PolicyPhase): string {
  const { texts } = evaluation.compiled.policy
  const word = (name: 'open' | 'range') => texts[language]?.words?.[name] ?? texts.en.words[name]
  const { end } = phase
  return end === null ? word('open') : typeof end === 'string' ? end : fill(word('range'), end)
}

/** The facts and assumptions every answer for members alike in country, zone, birth date and school rests on. */
function standingReasons(evaluation: Evaluation, language: string): Reason[] {
  const { compiled, member, place } = evaluation
  const { policy } = compiled
  const reasons: Reason[] = []
  if (place.readings.length === 0 && 'answer' in policy.outside) {
    reasons.push(say(evaluation, language, 'outside-policy', { country: member.country, note: policy.outside.note }, policy.outside.source))
  }
  // Outside the policy nothing else is read: its reason says so.
  if (place.readings.length === 0) return reasons
  for (const reading of place.readings) {
    for (const phase of reading) {
      const region = policy.regions[phase.region] as Policy['regions'][string]
      const values = { region: phase.region, regionName: region.name, phase: phase.phase.id, start: phase.phase.start, end: endText(evaluation, language, phase.phase), certainty: phase.phase.certainty }
      reasons.push(say(evaluation, language, 'phase', values, phase.phase.source, phase))
    }
  }
  const territory = policy.territories[member.country]
  if (place.alsoReadAs !== null && territory !== undefined) {
    reasons.push(say(evaluation, language, 'territory-ambiguous', { country: member.country, note: territory.note, region: place.region ?? '', alsoReadAs: place.alsoReadAs }, territory.source))
  }
  if (evaluation.zoneInferred) {
    reasons.push(say(evaluation, language, 'time-zone-inferred', { country: member.country, zones: evaluation.zones.join(', ') }))
  } else if (member.place !== undefined) {
    reasons.push(say(evaluation, language, 'time-zone-of-place', { place: member.place, zone: evaluation.zones.join(', '), country: member.country }))
  }
  const age = { age: policy.age.adultAge }
  if (evaluation.adultEarliest === -Infinity) reasons.push(say(evaluation, language, 'age-not-given', age, policy.age.source))
  else if (!isYearAlone(member.birth) && !isMonthAlone(member.birth)) {
    reasons.push(say(evaluation, language, 'adult-from', { ...age, at: iso(evaluation.adultEarliest) }, policy.age.source))
  } else reasons.push(say(evaluation, language, isMonthAlone(member.birth) ? 'birth-month-only' : 'birth-year-only', { ...age, from: iso(evaluation.adultEarliest), until: iso(evaluation.adultLatest) }, policy.age.source))
  if (member.secondarySchool) reasons.push(say(evaluation, language, 'secondary-school', { note: policy.age.secondarySchool.note }, policy.age.secondarySchool.source))
  return reasons
}

/** The opt-ins that changed nothing: one reason each. */
function ignoredReasons(evaluation: Evaluation, language: string): Reason[] {
  return evaluation.ignoredOptIns.map((ignored) => {
    const channel = evaluation.compiled.policy.channels[ignored.via] as Policy['channels'][string]
    return say(evaluation, language, 'opt-in-ignored', { at: iso(ignored.at), channel: channel.name }, channel.source)
  })
}

/** The facts and assumptions every answer for this member rests on: frozen reasons, in a new array. */
export function contextReasons(evaluation: Evaluation, language: string): Reason[] {
  const { context } = evaluation.standing.kept
  let shared = context.get(language)
  if (shared === undefined) context.set(language, (shared = standingReasons(evaluation, language).map((reason) => Object.freeze(reason))))
  return evaluation.ignoredOptIns.length === 0 ? [...shared] : [...shared, ...ignoredReasons(evaluation, language)]
}

/**
 * The opt-out that keeps the member out at asOf: the first one that no opt-in
 * reverses, else the last one before asOf (or, before any, the first one).
 */
function optOutInForce(evaluation: Evaluation, asOf: number): { at: number; via: string } | undefined {
  const { channels } = evaluation.compiled.policy
  const optOuts = evaluation.events.filter((event): event is { at: number; via: string } => event.via !== undefined)
  const before = optOuts.filter((optOut) => optOut.at <= asOf)
  return before.find((optOut) => !(channels[optOut.via] as Policy['channels'][string]).reversible) ?? before.at(-1) ?? optOuts[0]
}

/** A reason before it is worded: several scenarios often give the same one, worded once. */
type Cause = { code: ReasonCode; values: Record<string, string | number>; source?: string | undefined; phase?: DatedPhase | undefined }

/** Why asOf lies outside the narrowest reading's use in one scenario (nothing when it lies inside). */
function scenarioCause(evaluation: Evaluation, scenario: Scenario, asOf: number, windows: readonly MergedWindow[], optOut: () => { at: number; via: string } | undefined): Cause | undefined {
  const { policy } = evaluation.compiled
  if (within(scenario.lower, asOf) || evaluation.member.secondarySchool) return undefined
  const active = scenario.phases.find((phase) => phase.start <= asOf && asOf < phase.endHigh)
  if (active === undefined) {
    const before = scenario.phases.filter((phase) => phase.endHigh <= asOf).at(-1)
    const later = scenario.phases.some((phase) => phase.start > asOf)
    if (before === undefined) {
      const next = windows.find((window) => window.until > asOf)?.from ?? scenario.phases.find((phase) => phase.start > asOf)?.start
      return next === undefined ? undefined : { code: 'not-started', values: { at: iso(next) }, source: scenario.phases[0]?.phase.phase.source }
    }
    const { phase } = before.phase
    return { code: later ? 'paused' : 'ended', values: { phase: phase.id, at: iso(before.endHigh) }, source: phase.endSource ?? phase.source, phase: before.phase }
  }
  const phase = active.phase.phase
  if (asOf < scenario.adult) return { code: 'under-18', values: { age: policy.age.adultAge, at: iso(evaluation.adultLatest) }, source: policy.age.source }
  if (!within(scenario.upper, asOf)) {
    const inForce = optOut()
    if (inForce === undefined) return undefined
    const channel = policy.channels[inForce.via] as Policy['channels'][string]
    const code = scenario.upper.length === 0 ? 'opted-out-before-start' : channel.reversible ? 'opted-out' : 'opted-out-for-good'
    return { code, values: { channel: channel.name, at: iso(inForce.at) }, source: channel.source }
  }
  if (phase.certainty === 'possible') return { code: 'possible-phase', values: { phase: phase.id, note: phase.note ?? '' }, source: phase.source, phase: active.phase }
  return { code: 'end-range', values: { phase: phase.id, from: iso(active.endLow), until: iso(active.endHigh) }, source: phase.endSource ?? phase.source, phase: active.phase }
}

/** The reasons for the status at asOf: one per distinct cause over the scenarios, and whether they disagree. */
function statusReasons(evaluation: Evaluation, asOf: number, status: CoverageStatus, language: string, windows: readonly MergedWindow[]): Reason[] {
  let inForce: { at: number; via: string } | undefined | null = null
  const optOut = () => (inForce === null ? (inForce = optOutInForce(evaluation, asOf)) : inForce)
  const { scenarios } = evaluation
  if (scenarios.length === 1) {
    // One reading, as for most members: one cause at most, and nothing to disagree.
    const cause = scenarioCause(evaluation, scenarios[0] as Scenario, asOf, windows, optOut)
    return cause === undefined ? [] : [say(evaluation, language, cause.code, cause.values, cause.source, cause.phase)]
  }
  const causes = new Map<string, Cause>()
  for (const scenario of scenarios) {
    const cause = scenarioCause(evaluation, scenario, asOf, windows, optOut)
    if (cause !== undefined) causes.set(`${cause.code} ${cause.phase?.key} ${Object.values(cause.values).join(' ')}`, cause)
  }
  const reasons = [...causes.values()].map((cause) => say(evaluation, language, cause.code, cause.values, cause.source, cause.phase))
  const inLower = evaluation.scenarios.filter((scenario) => within(scenario.lower, asOf)).length
  const inUpper = evaluation.scenarios.filter((scenario) => within(scenario.upper, asOf)).length
  const disagree = (inLower > 0 && inLower < evaluation.scenarios.length) || (inUpper > 0 && inUpper < evaluation.scenarios.length)
  // Readings that disagree on whether use has begun (some in use at asOf, some not): the start is what is not known.
  // Where every reading is in use but some only in the widest one, the end is: end-range or possible-phase says so.
  if (status === 'undetermined' && disagree && inUpper < evaluation.scenarios.length) {
    const starts = evaluation.scenarios.flatMap((scenario) => scenario.upper.find((piece) => piece.until > asOf)?.from ?? [])
    if (starts.length > 0) reasons.push(say(evaluation, language, 'start-undetermined', { from: iso(Math.min(...starts)), until: iso(Math.max(...starts)) }))
  }
  return reasons
}

/** What a report says, before it is dressed in `Date`s: reports and batch records are both written from it. */
export interface Answer {
  readonly evaluation: Evaluation
  readonly status: CoverageStatus
  readonly windows: readonly MergedWindow[]
  /** Start of the first window, epoch ms; `null` when nothing is ever used. */
  readonly from: number | null
  /** End of the last window, epoch ms; `null` while open-ended (or there is none). */
  readonly until: number | null
  readonly reasons: Reason[]
}

/** The answer for an evaluated member at `asOf`. */
function answer(evaluation: Evaluation, asOf: number, language: string): Answer {
  // A member with no opt-out answers as every member alike in country, zone,
  // birth date and school, and the same between two instants where anything
  // changes: what was worked out for them is kept in their standing.
  const alike = evaluation.member.optOuts.length === 0 && evaluation.member.optIns.length === 0
  const { kept } = evaluation.standing
  const windows = alike ? (kept.windows ??= windowsOf(evaluation)) : windowsOf(evaluation)
  let known: { readonly status: CoverageStatus; readonly reasons: readonly Reason[] } | undefined
  let slots: (typeof known)[] | undefined
  let slot = 0
  if (alike) {
    slots = kept.answers.get(language)
    if (slots === undefined) kept.answers.set(language, (slots = []))
    slot = edgeIndex((kept.edges ??= edgesOf(evaluation.scenarios)), asOf)
    known = slots[slot]
  }
  let reasons: Reason[]
  if (known === undefined) {
    const status = statusAt(evaluation, asOf)
    reasons = contextReasons(evaluation, language)
    for (const reason of statusReasons(evaluation, asOf, status, language, windows)) reasons.push(slots === undefined ? reason : Object.freeze(reason))
    known = { status, reasons }
    // Kept for members alike, who each get a copy of the array (of the same frozen reasons).
    if (slots !== undefined) {
      slots[slot] = known
      reasons = [...reasons]
    }
  } else reasons = [...known.reasons]
  const end = windows.at(-1)
  return { evaluation, status: known.status, windows, from: windows[0]?.from ?? null, until: end === undefined || end.until === Infinity ? null : end.until, reasons }
}

const dateOrNull = (ms: number) => (ms === Infinity ? null : new Date(ms))

/** The report of an answer. */
function report({ evaluation, status, windows, from, until, reasons }: Answer, asOf: number): CoverageReport {
  const { policy } = evaluation.compiled
  const { place } = evaluation
  return {
    policy: policy.id,
    policyVersion: policy.version,
    asOf: new Date(asOf),
    status,
    country: evaluation.member.country,
    region: place.region,
    alsoReadAs: place.alsoReadAs,
    timeline: place.timeline,
    from: from === null ? null : new Date(from),
    until: until === null ? null : new Date(until),
    windows: windows.map((window) => ({
      from: new Date(window.from),
      until: dateOrNull(window.until),
      phases: window.phases,
      certainty: window.certainty,
      untilRange: window.untilRange === null ? null : { from: new Date(window.untilRange.from), until: new Date(window.untilRange.until) },
    })),
    reasons,
  }
}

/** Reads a member against a policy (`via` names one of its channels), country names first in `language`. */
export function readMemberFor(compiled: CompiledPolicy, read: typeof readMember = readMember, language?: string) {
  return (reader: Reader, input: unknown): MemberFacts | undefined => read(reader, input, compiled.channels, language)
}

/** The latest civil day anywhere on Earth (UTC+14) at `asOf`: a birth date after it has not happened yet. */
const latestDay = (asOf: number): number => Math.floor((asOf + 14 * 3_600_000) / 86_400_000)

/**
 * The answer for a member, with the options already read: batches read them
 * once, and write records, not reports. `read` reads the member (a batch row
 * is read with `readRowMember`).
 */
export function answerAt(member: unknown, { asOf, compiled, language }: ReadOptions, read: typeof readMember = readMember): Read<Answer> {
  const facts = tryReading('member', readMemberFor(compiled, read, language), member)
  if (!facts.ok) return facts
  const { birth, birthDate } = facts.value as MemberFacts
  if (birth !== NO_BIRTH_DATE && firstBirthDay(birth) > latestDay(asOf)) {
    return { ok: false, kind: 'member', issues: [{ path: ['birthDate'], message: `${JSON.stringify(birthDate)} is after asOf (${iso(asOf)}): the member is not born yet` }] }
  }
  return { ok: true, value: answer(evaluate(facts.value as MemberFacts, compiled), asOf, language) }
}

/** `coverage` that gives input problems back as data, without building an error. */
function tryCoverage(member: unknown, options: unknown): Read<CoverageReport> {
  const read = tryOptions(options)
  if (!read.ok) return read
  const answered = answerAt(member, read.value)
  return answered.ok ? { ok: true, value: report(answered.value, read.value.asOf) } : answered
}

/** The answer for a member and options, or the input error: for the functions that need less than a report. */
function answerOf(member: unknown, options: unknown): Answer {
  const answered = answerAt(member, readOptions(options))
  if (!answered.ok) throw new PolicyInputError(answered.kind, answered.issues)
  return answered.value
}

type Default = typeof linkedinGenAi

/**
 * Whether a member's data is used for training at `asOf` under a policy
 * (default: LinkedIn's), from which instant, in which windows, and why.
 *
 * @param member - the member; only `country` is required
 * @param options - `asOf` (default now), `policy` (default {@link linkedinGenAi}), `language` of the reasons (default `en`)
 * @returns the coverage report
 * @throws {PolicyInputError} when the member, the options or the policy are not valid
 * @example
 * const report = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { asOf: '2026-01-01T00:00:00Z' })
 * report.status //=> 'covered'
 * report.from?.toISOString() //=> '2025-11-02T23:00:00.000Z'
 */
export function coverage<P extends Policy = Default>(member: MemberInput<ChannelOf<P>>, options?: CoverageOptions<P>): CoverageReport<RegionOf<P>> {
  const result = tryCoverage(member, options)
  if (!result.ok) throw new PolicyInputError(result.kind, result.issues)
  return result.value as CoverageReport<RegionOf<P>>
}

/**
 * Whether the member is certainly covered at `asOf` (`status === 'covered'`).
 * `false` also when the answer is undetermined; use `coverage` to tell them apart.
 *
 * @throws {PolicyInputError} when the member or the options are not valid
 * @example
 * isCovered({ country: 'FR', timeZone: 'Europe/Paris' }, { asOf: '2025-11-03T00:00:00+01:00' }) //=> true
 */
export function isCovered<P extends Policy = Default>(member: MemberInput<ChannelOf<P>>, options?: CoverageOptions<P>): boolean {
  return answerOf(member, options).status === 'covered'
}

/**
 * The earliest possible instant from which the member's data is used (a
 * possible phase included), or `null` when it never is.
 *
 * @throws {PolicyInputError} when the member or the options are not valid
 * @example
 * coveredFrom({ country: 'HK' })?.toISOString() //=> '2024-09-17T16:00:00.000Z'
 */
export function coveredFrom<P extends Policy = Default>(member: MemberInput<ChannelOf<P>>, options?: CoverageOptions<P>): Date | null {
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
export function safeCoverage<P extends Policy = Default>(member: MemberInput<ChannelOf<P>>, options?: CoverageOptions<P>): SafeResult<CoverageReport<RegionOf<P>>> {
  const result = tryCoverage(member, options)
  return result.ok ? { success: true, data: result.value as CoverageReport<RegionOf<P>> } : { success: false, error: new PolicyInputError(result.kind, result.issues) }
}

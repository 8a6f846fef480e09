/** Which of a member's data is used: `dataUse` for one item of one category. */
import { type Reader, reading } from '../input'
import type { Category } from '../policy/schema'
import { contextReasons } from './coverage'
import { type Evaluation, evaluate, windowsFrom } from './evaluate'
import { type InstantInput, type MemberFacts, type MemberInput, readMember } from './member'
import { type CoverageOptions, readOptions } from './options'
import { iso, type Reason, type ReasonCode } from './reasons'
import { type Scenario, STANDING, type Standing } from './standings'

/** One item of a member's data. */
export interface DataItem {
  /** A {@link Category}; any other string is answered `undetermined`. */
  category: Category | (string & {})
  /** When the item was created: a string with `Z` or an offset, or a Date. */
  createdAt: InstantInput
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
  readonly reasons: readonly Reason[]
}

function readItem(reader: Reader, item: unknown): { category: string; created: number } {
  const record = reader.object([], item, (key) => key === 'category' || key === 'createdAt')
  return { category: reader.string(['category'], record?.category, false) ?? '', created: reader.instant(['createdAt'], record?.createdAt) ?? 0 }
}

function inScenario(evaluation: Evaluation, scenario: Scenario, asOf: number, createdAt: number): { status: DataUseStatus; code: ReasonCode } {
  const windows = evaluation.excluded ? [] : windowsFrom(evaluation.on, scenario.start)
  if (windows.length === 0) return { status: 'out-of-scope', code: 'never-covered' }
  if (createdAt > asOf) return { status: 'out-of-scope', code: 'not-yet-created' }
  const underAge = createdAt < scenario.adult
  if (windows.some((window) => window.from <= asOf && asOf < window.until)) {
    return underAge ? { status: 'undetermined', code: 'created-under-18' } : { status: 'in-scope', code: 'category-used' }
  }
  const begun = windows.filter((window) => window.from <= asOf)
  if (begun.length === 0) return { status: 'out-of-scope', code: 'not-started' }
  if (begun.some((window) => createdAt < window.until)) {
    return underAge ? { status: 'undetermined', code: 'created-under-18' } : { status: 'retained', code: 'retained' }
  }
  return { status: 'out-of-scope', code: 'created-after-use' }
}

function explain(code: ReasonCode, evaluation: Evaluation, createdAt: number): string {
  switch (code) {
    case 'never-covered':
      return "The member's data is never used"
    case 'not-yet-created':
      return `The item is created at ${iso(createdAt)}, after asOf`
    case 'created-under-18':
      return 'The item was created while the member was under 18; the policy is silent on such data'
    case 'not-started':
      return `Use of the member's data has not started at asOf (it starts at ${iso(evaluation.earliest)} at the earliest)`
    case 'retained':
      return 'Use has stopped, but the item existed during a window of use: it may sit in models trained then; opting out does not undo training'
    case 'created-after-use':
      return 'The item was created after the last window of use closed'
    default:
      return 'The item exists while the member is in a window of use'
  }
}

/**
 * Whether one item of the member's data is used for training at `asOf`.
 *
 * @param member - the member, as for `coverage`
 * @param item - the item's category and creation instant
 * @param options - `asOf` (default now) and `policy`
 * @returns the item's status and the reasons
 * @throws {PolicyInputError} when the member, the item or the options are not valid
 * @example
 * const member = { country: 'NL', timeZone: 'Europe/Amsterdam', optOuts: [{ at: '2026-02-01T12:00:00Z', via: 'setting' }] }
 * dataUse(member, { category: 'content', createdAt: '2025-12-24T09:00:00+01:00' }, { asOf: '2026-06-01T00:00:00Z' }).status //=> 'retained'
 * dataUse(member, { category: 'private-message', createdAt: '2025-12-24T09:00:00+01:00' }).status //=> 'out-of-scope'
 */
export function dataUse(member: MemberInput, item: DataItem, options?: CoverageOptions): DataUseReport {
  const { asOf, compiled } = readOptions(options)
  const facts = reading('member', readMember, member) as MemberFacts
  const { category, created } = reading('item', readItem, item)
  const { policy } = compiled
  const evaluation = evaluate(facts, compiled)
  const context = contextReasons(evaluation, policy)
  const rule = Object.hasOwn(policy.categories, category) ? policy.categories[category as Category] : undefined
  if (rule === undefined) {
    return {
      status: 'undetermined',
      reasons: [{ code: 'category-unknown', message: `The policy says nothing about category ${JSON.stringify(category)}` }, ...context],
    }
  }
  if (!rule.used) {
    return {
      status: 'out-of-scope',
      reasons: [{ code: 'category-not-used', message: `${rule.description}: not used for training`, source: rule.source }, ...context],
    }
  }
  const used: Reason = { code: 'category-used', message: `${rule.description}: used for training`, source: rule.source }
  const answers = (evaluation.objects[evaluation.at + STANDING] as Standing).scenarios.map((scenario) => inScenario(evaluation, scenario, asOf, created))
  const first = answers[0] as { status: DataUseStatus; code: ReasonCode }
  const source = (code: ReasonCode) => (code === 'created-under-18' ? policy.age.source : policy.optOut.source)
  const found: Reason[] = []
  for (const answer of answers) {
    if (answer.code !== 'category-used' && !found.some((reason) => reason.code === answer.code)) {
      found.push({ code: answer.code, message: explain(answer.code, evaluation, created), source: source(answer.code) })
    }
  }
  if (answers.every((answer) => answer.status === first.status)) {
    return { status: first.status, reasons: [used, ...found, ...context] }
  }
  const undetermined: Reason = {
    code: 'start-undetermined',
    message: `The answer differs between readings of facts not given (${[...new Set(answers.map((answer) => answer.status))].join(' or ')})`,
    source: evaluation.locality.rollout.source,
  }
  return { status: 'undetermined', reasons: [undetermined, used, ...found, ...context] }
}

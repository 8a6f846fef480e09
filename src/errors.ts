/** One thing wrong with an input: where it is and what is wrong, value included. */
export interface PolicyIssue {
  /** Path from the argument to the field, e.g. `['optOuts', 0, 'at']`. */
  readonly path: readonly (string | number)[]
  /** What is wrong, naming the value, e.g. `"2025-02-30" has no such calendar date`. */
  readonly message: string
}

/** What was given: a member, call options, a data item, a policy, a country or a data export. */
export type InputKind = 'member' | 'options' | 'item' | 'policy' | 'country' | 'archive'

/**
 * Thrown for bad input: an unknown country, an impossible date, an invalid time
 * zone, an instant without an offset, a wrong type. Outcomes such as "not
 * covered" are never errors; they are reports.
 *
 * @example
 * try {
 *   coverage({ country: 'Atlantis' })
 * } catch (error) {
 *   isPolicyInputError(error) && error.issues[0]?.path //=> ['country']
 * }
 */
export class PolicyInputError extends Error {
  override readonly name = 'PolicyInputError' as const
  /** Which argument was wrong. */
  readonly input: InputKind
  /** Every problem found, each with its path; there is at least one. */
  readonly issues: readonly PolicyIssue[]

  constructor(input: InputKind, issues: readonly PolicyIssue[]) {
    super(`Invalid ${input}: ${issuesText(issues)}`)
    this.input = input
    this.issues = issues
  }
}

/**
 * Whether `error` is a {@link PolicyInputError}, from this copy of the package
 * or another one (it checks the name, not the class).
 *
 * @param error - anything caught
 * @returns `true` for a `PolicyInputError`
 * @example
 * isPolicyInputError(new PolicyInputError('member', [{ path: ['country'], message: 'is empty' }])) //=> true
 */
export function isPolicyInputError(error: unknown): error is PolicyInputError {
  return error instanceof Error && error.name === 'PolicyInputError'
}

/** Issues as one line: `optOuts[0].at: is missing; country: ...`. */
export function issuesText(issues: readonly PolicyIssue[]): string {
  return issues.map((issue) => (issue.path.length === 0 ? issue.message : `${pathText(issue.path)}: ${issue.message}`)).join('; ')
}

/** A path as people write it: `optOuts[0].at`; empty for the argument itself. */
export function pathText(path: readonly (string | number)[]): string {
  let text = ''
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`
  return text
}

/** A short, safe rendering of an input value for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value
    return JSON.stringify(shown)
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'symbol') return 'a symbol'
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return Number.isNaN(Date.prototype.getTime.call(value)) ? 'an invalid Date' : 'a Date'
  }
  return 'an object'
}

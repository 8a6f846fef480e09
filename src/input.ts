/**
 * Reading callers' input by hand: every check once, in plain code, with
 * issues that name the path and the value. The evaluator calls these on every
 * query; the zod schemas of `ai-training-scope/schemas` (`memberSchema`, ...)
 * make their checks with the same readers, for callers who compose zod
 * schemas (`bench/findings.md` says why the evaluator keeps its own). Reading never runs anything of the caller's but property
 * reads, and a throwing getter or proxy becomes an issue.
 */
import { describeValue, type InputKind, type PolicyIssue, PolicyInputError } from './errors'
import { isDate, readInstant, scanInstant } from './time/instant'

/** Where a value sits in an argument: `['optOuts', 0, 'at']`. Read only, so one constant serves every call. */
export type Path = readonly (string | number)[]

/** Collects issues while reading one argument. */
export class Reader {
  readonly issues: PolicyIssue[] = []

  /** Records a problem with `value` at `path`; a missing value reads "is missing". */
  fail(path: Path, value: unknown, problem: string): undefined {
    this.issues.push({ path, message: value === undefined ? 'is missing' : `${describeValue(value)} ${problem}` })
    return undefined
  }

  /** A wrong type: "expected a string, got 5", or "is missing". */
  wrongType(path: Path, value: unknown, expected: string): undefined {
    this.issues.push({ path, message: value === undefined ? 'is missing' : `expected ${expected}, got ${describeValue(value)}` })
    return undefined
  }

  /** A plain object (not null, not an array) whose keys all pass `known`. */
  object(path: Path, value: unknown, known: (key: string) => boolean): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object') return this.wrongType(path, value, 'an object')
    // A Date of this realm answers `instanceof` at once; only an object of another realm (or none) needs its tag read.
    if (Array.isArray(value) || (value instanceof Object ? value instanceof Date : isDate(value))) return this.wrongType(path, value, 'an object')
    const record = value as Record<string, unknown>
    // for-in walks V8's cached key list without making an array (own keys only are fields).
    for (const key in record) {
      if (!known(key) && Object.hasOwn(record, key)) this.issues.push({ path: [...path, key], message: `${JSON.stringify(key)} is not a known field` })
    }
    return record
  }

  /** A string, or undefined when the value is absent (`undefined` or `null`) and `optional`. */
  string(path: Path, value: unknown, optional: boolean): string | undefined {
    if (typeof value === 'string') return value
    if (optional && (value === undefined || value === null)) return undefined
    return this.wrongType(path, value, 'a string')
  }

  /** An instant: a string with an offset (surrounding spaces ignored), or a valid Date; epoch ms. */
  instant(path: Path, value: unknown): number | undefined {
    if (typeof value === 'string') {
      const read = scanInstant(trimmed(value))
      return typeof read === 'number' ? read : this.fail(path, value, read)
    }
    if (!isDate(value)) return this.fail(path, value, 'is not an instant: expected an ISO 8601 string with an offset, or a Date')
    const read = readInstant(value)
    return read.ok ? read.ms : this.fail(path, value, read.problem)
  }

  /** One of `values`. */
  oneOf<T extends string>(path: Path, value: unknown, values: readonly T[]): T | undefined {
    if (values.includes(value as T)) return value as T
    const choices = values.map((each) => JSON.stringify(each)).join(', ')
    this.issues.push({ path, message: `${value === undefined ? 'is missing: ' : ''}expected one of ${choices}, got ${describeValue(value)}` })
    return undefined
  }
}

/** `text.trim()`, without the call where both ends are visible ASCII, as they nearly always are. */
export function trimmed(text: string): string {
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(text.length - 1)
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim()
}

/** What reading an argument gave: the value, or the problems found. */
export type Read<T> = { ok: true; value: T } | { ok: false; kind: InputKind; issues: PolicyIssue[] }

// A reader that found no problems, kept for the next call: two of them per
// query would otherwise be made and dropped. A reading that calls back into
// the library (a getter that queries) finds none spare and makes its own.
let spare: Reader | undefined

/**
 * Runs `read(reader, input)` with a Reader; a getter or proxy trap that throws
 * becomes an issue. Throws nothing. The input is passed along rather than
 * captured in a closure: this runs twice per query.
 */
export function tryReading<T, I>(kind: InputKind, read: (reader: Reader, input: I) => T, input: I): Read<T> {
  const reader = spare ?? new Reader()
  spare = undefined
  let value: T
  try {
    value = read(reader, input)
  } catch (error) {
    if (error instanceof PolicyInputError) return { ok: false, kind: error.input, issues: [...error.issues] }
    return { ok: false, kind, issues: [{ path: [], message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }] }
  }
  if (reader.issues.length > 0) return { ok: false, kind, issues: reader.issues }
  spare = reader
  return { ok: true, value }
}

/** `tryReading` that throws the problems as a PolicyInputError. */
export function reading<T, I>(kind: InputKind, read: (reader: Reader, input: I) => T, input: I): T {
  const result = tryReading(kind, read, input)
  if (!result.ok) throw new PolicyInputError(result.kind, result.issues)
  return result.value
}

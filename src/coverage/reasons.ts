/** Why a report says what it says: one reason per rule or assumption applied. */

import { civilFromDays, DAY_MS } from '../time/civil'

/** The character code of the decimal digit of `value` at `unit` (1000, 100, 10 or 1). */
const digit = (value: number, unit: number): number => 48 + (Math.floor(value / unit) % 10)

/**
 * An instant as reasons and batch records print it: ISO 8601 in UTC, the text
 * `Date#toISOString` gives. Written by hand for years 1000 to 9999, as one
 * string of character codes: several times faster, and it allocates only the
 * result (batches print one or two per row).
 */
export function iso(ms: number): string {
  const days = Math.floor(ms / DAY_MS)
  const { year, month, day } = civilFromDays(days)
  if (year < 1000 || year > 9999) return new Date(ms).toISOString()
  const time = ms - days * DAY_MS
  const hour = Math.floor(time / 3_600_000)
  const minute = Math.floor(time / 60_000) % 60
  const second = Math.floor(time / 1000) % 60
  const milli = time % 1000
  return String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), 45, // -
    digit(month, 10), digit(month, 1), 45, // -
    digit(day, 10), digit(day, 1), 84, // T
    digit(hour, 10), digit(hour, 1), 58, // :
    digit(minute, 10), digit(minute, 1), 58, // :
    digit(second, 10), digit(second, 1), 46, // .
    digit(milli, 100), digit(milli, 10), digit(milli, 1), 90, // Z
  )
}

/**
 * The rules and assumptions an answer can rest on. The engine decides which
 * apply; the policy's texts word them (`texts.en.reasons`), with placeholders
 * such as `{phase}` or `{at}` that the engine fills.
 */
export const reasonCodes = [
  // What the member's facts say
  'phase', // a phase of use of the member's region, with its dates and certainty
  'territory-ambiguous', // the territory may be read as another region; both timelines apply
  'time-zone-inferred', // no zone given: the country's zones
  'time-zone-of-place', // no zone given: the zone of the place named (Canary Islands)
  'outside-policy', // the country is in no region of the policy, which says nothing about it
  'age-not-given', // no birth date: taken to be an adult
  'adult-from', // when the member comes of age
  'birth-year-only', // only the year: the birthday lies in a range
  'birth-month-only', // only the year and month: the birthday lies in a range
  'secondary-school', // the platform believes the member is a minor: excluded
  'opt-in-ignored', // an opt-in after an opt-out that no opt-in reverses
  // Why the status at asOf is what it is
  'not-started', // no window of use has begun at asOf
  'under-18', // the member is a minor at asOf
  'paused', // a phase has ended and a later one has not begun
  'ended', // the last phase has ended
  'possible-phase', // the phase at asOf may not have happened
  'end-range', // asOf lies inside a phase's ranged end
  'opted-out', // opted out at asOf, reversibly
  'opted-out-for-good', // opted out at asOf through a channel no opt-in reverses
  'opted-out-before-start', // opted out before any window of use: nothing is ever used
  'start-undetermined', // the readings of unknown facts disagree at asOf
  // Which data
  'category-used',
  'category-not-used',
  'category-unknown',
  'created-under-18',
  'not-yet-created',
  'retained',
  'created-after-use',
  'never-covered',
  'created-only-possible',
  'created-in-range',
  'lookback-limited',
] as const

/** Codes added after policies were first written: a policy's texts may leave them out, and the built-in English words them. */
export const laterReasonCodes = ['time-zone-of-place', 'birth-month-only'] as const

/** The rule or assumption behind a reason: one of {@link reasonCodes}. */
export type ReasonCode = (typeof reasonCodes)[number]

/** One rule or assumption behind an answer, in the policy's words, with the source it rests on. */
export interface Reason {
  readonly code: ReasonCode
  readonly message: string
  /** A key of `policy.sources`. */
  readonly source?: string
  /** The phase the reason is about, `region/phase`. */
  readonly phase?: string
}

/** Templates split at their placeholders, once: literal text at even indexes, names at odd ones. */
const split = new Map<string, readonly string[]>()

/** `template` with each `{name}` replaced by `values[name]` (a placeholder without a value stays as written). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  let parts = split.get(template)
  if (parts === undefined) split.set(template, (parts = template.split(/\{([a-zA-Z]+)\}/)))
  let text = parts[0] as string
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] as string
    text += (Object.hasOwn(values, name) ? String(values[name]) : `{${name}}`) + (parts[index + 1] as string)
  }
  return text
}

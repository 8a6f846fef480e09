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

/** The rule or assumption behind a reason. */
export type ReasonCode =
  /** Which rollout covers the member's region, from which civil date. */
  | 'rollout'
  /** The territory's region is unclear (JE, GG, IM); the earliest reading is reported. */
  | 'territory-ambiguous'
  /** No time zone was given; the country's zones were used. */
  | 'time-zone-inferred'
  /** No birth date was given; the member is taken to be an adult. */
  | 'age-not-given'
  /** When the member turns 18 (from a full birth date). */
  | 'adult-from'
  /** Only the birth year is known; the 18th birthday is somewhere in one year. */
  | 'birth-year-only'
  /** LinkedIn has reason to believe the member is under 18: excluded. */
  | 'secondary-school'
  /** The rollout has not started at `asOf`. */
  | 'rollout-not-started'
  /** The member is under 18 at `asOf`. */
  | 'under-18'
  /** The setting is off at `asOf`. */
  | 'opted-out'
  /** An objection (lasting) was filed before `asOf`. */
  | 'objected'
  /** The member opted out before their coverage began: nothing is ever used. */
  | 'opted-out-before-start'
  /** An opt-in after an objection changes nothing. */
  | 'opt-in-ignored'
  /** An unknown fact (zone, birth day, territory) decides the answer at `asOf`. */
  | 'start-undetermined'
  /** The data category is used for training. */
  | 'category-used'
  /** The data category is not used for training. */
  | 'category-not-used'
  /** The policy says nothing about this category. */
  | 'category-unknown'
  /** The item was created before the member turned 18; the policy is silent on such data. */
  | 'created-under-18'
  /** The item did not exist yet at `asOf`. */
  | 'not-yet-created'
  /** The item existed during an earlier window of use and may sit in models trained then. */
  | 'retained'
  /** The item was created after the last window of use closed. */
  | 'created-after-use'
  /** The member is never in scope. */
  | 'never-covered'
  /** The member's use has not started at `asOf`. */
  | 'not-started'

/** One rule or assumption behind an answer, with the policy source it rests on. */
export interface Reason {
  readonly code: ReasonCode
  readonly message: string
  /** A key of `policy.sources`. */
  readonly source?: string
}

/** Why a report says what it says: one reason per rule or assumption applied. */

import { civilFromDays, DAY_MS } from '../time/civil'

const two = (value: number): string => (value < 10 ? `0${value}` : `${value}`)

/**
 * An instant as reasons and batch records print it: ISO 8601 in UTC, the text
 * `Date#toISOString` gives, written by hand for years 1000 to 9999 (about twice
 * as fast: batches print one or two per row).
 */
export function iso(ms: number): string {
  const days = Math.floor(ms / DAY_MS)
  const { year, month, day } = civilFromDays(days)
  if (year < 1000 || year > 9999) return new Date(ms).toISOString()
  let rest = ms - days * DAY_MS
  const milli = rest % 1000
  rest = (rest - milli) / 1000
  const second = rest % 60
  rest = (rest - second) / 60
  const minute = rest % 60
  const hour = (rest - minute) / 60
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${milli < 100 ? `0${two(milli)}` : milli}Z`
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

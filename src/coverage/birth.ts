/**
 * A member's birth date as the evaluator reads it: a small integer, made once
 * when the member is read, and the key of their standing with their locality.
 */
import { civilFromDays, daysFromCivil } from '../time/civil'

/**
 * 0 for no birth date, 1 + the year (up to 10,000) for a year alone, 10,001 +
 * days since 0001-01-01 for a full date (up to 3.7M, below 2^22).
 */
export type BirthCode = number

/** No birth date given. */
export const NO_BIRTH_DATE: BirthCode = 0
/** The code of 0001-01-01, the first full date; codes below it are years alone. */
const FIRST_FULL = 10_001
/** Days since 1970 of 0001-01-01. */
const FIRST_DAY = daysFromCivil(1, 1, 1)

/** The code of a year alone, 1 to 9999. */
export const yearCode = (year: number): BirthCode => 1 + year

/** The code of a full date, given as days since 1970 (from 0001-01-01). */
export const dateCode = (days: number): BirthCode => FIRST_FULL + days - FIRST_DAY

/** Whether the code is of a year alone. */
export const isYearAlone = (code: BirthCode): boolean => code !== NO_BIRTH_DATE && code < FIRST_FULL

/** A birth date's fields; `month` and `day` are 0 for a year alone. Not for {@link NO_BIRTH_DATE}. */
export function birthFields(code: BirthCode): { year: number; month: number; day: number } {
  return isYearAlone(code) ? { year: code - 1, month: 0, day: 0 } : civilFromDays(code - FIRST_FULL + FIRST_DAY)
}

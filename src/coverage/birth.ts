/**
 * A member's birth date as the evaluator reads it: a small integer, made once
 * when the member is read, and the key of their standing with their locality.
 */
import { civilFromDays, daysFromCivil } from '../time/civil'

/**
 * 0 for no birth date, 1 + the year (up to 10,000) for a year alone, 10,001 +
 * days since 0001-01-01 for a full date (up to 3.7M), 4,000,000 + year × 12 +
 * month − 1 for a month alone (below 2^22).
 */
export type BirthCode = number

/** No birth date given. */
export const NO_BIRTH_DATE: BirthCode = 0
/** The code of 0001-01-01, the first full date; codes below it are years alone. */
const FIRST_FULL = 10_001
/** Days since 1970 of 0001-01-01. */
const FIRST_DAY = daysFromCivil(1, 1, 1)
/** The first code of a month alone: above every full date's. */
const FIRST_MONTH = 4_000_000

/** The code of a year alone, 1 to 9999. */
export const yearCode = (year: number): BirthCode => 1 + year

/** The code of a month alone (1 to 12) of a year, 1 to 9999. */
export const monthCode = (year: number, month: number): BirthCode => FIRST_MONTH + year * 12 + month - 1

/** The code of a full date, given as days since 1970 (from 0001-01-01). */
export const dateCode = (days: number): BirthCode => FIRST_FULL + days - FIRST_DAY

/** Whether the code is of a year alone. */
export const isYearAlone = (code: BirthCode): boolean => code !== NO_BIRTH_DATE && code < FIRST_FULL

/** Whether the code is of a month alone. */
export const isMonthAlone = (code: BirthCode): boolean => code >= FIRST_MONTH

/** A birth date's fields; `day` is 0 for a month or a year alone, `month` 0 for a year alone. Not for {@link NO_BIRTH_DATE}. */
export function birthFields(code: BirthCode): { year: number; month: number; day: number } {
  if (isYearAlone(code)) return { year: code - 1, month: 0, day: 0 }
  if (isMonthAlone(code)) return { year: Math.floor((code - FIRST_MONTH) / 12), month: ((code - FIRST_MONTH) % 12) + 1, day: 0 }
  return civilFromDays(code - FIRST_FULL + FIRST_DAY)
}

/** The first civil day (days since 1970) the birth date may be. Not for {@link NO_BIRTH_DATE}. */
export function firstBirthDay(code: BirthCode): number {
  const { year, month, day } = birthFields(code)
  return daysFromCivil(year, month === 0 ? 1 : month, day === 0 ? 1 : day)
}

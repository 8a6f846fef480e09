/**
 * Civil (calendar) dates as whole days since 1970-01-01, proleptic Gregorian.
 * Plain integer arithmetic: no `Date`, so nothing depends on the host's zone.
 */

/** Milliseconds in a civil day of 24 hours. */
export const DAY_MS = 86_400_000

// Howard Hinnant's days_from_civil: exact for every year, including years before 100,
// where `Date.UTC` would map 0-99 onto 1900-1999.
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** The inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * The value of the two ASCII digits of `text` at `at`, or -1 when either is
 * not one (or lies past the end). Dates and instants are scanned with this
 * rather than by regular expressions: they are read on every query and every
 * batch row.
 */
export function pair(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48
  const ones = text.charCodeAt(at + 1) - 48
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1
}

/** The value of the four ASCII digits of `text` at `at` (a year), or -1. */
export function quad(text: string, at: number): number {
  const high = pair(text, at)
  const low = pair(text, at + 2)
  return high < 0 || low < 0 ? -1 : high * 100 + low
}

/**
 * Parses `YYYY-MM-DD` into days since the epoch, or `undefined` when it is not
 * a real calendar date (`2025-02-30`, `2025-13-01`, `0000-01-01`).
 */
export function parseCivilDate(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return undefined
  const year = quad(text, 0)
  const month = pair(text, 5)
  const day = pair(text, 8)
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return daysFromCivil(year, month, day)
}

/** Formats days since the epoch as `YYYY-MM-DD`. */
export function formatCivilDate(days: number): string {
  const { year, month, day } = civilFromDays(days)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Instants from input: ISO 8601 / RFC 3339 strings that carry `Z` or an offset,
 * or valid `Date` objects. A string without an offset names no instant (it
 * would depend on some zone) and is refused, never guessed.
 */
import { DAY_MS, daysFromCivil, daysInMonth } from './civil'

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/

/** Either the epoch milliseconds of an instant, or why the input is not one. */
export type InstantResult = { ok: true; ms: number } | { ok: false; problem: string }

/** `true` for a `Date`, from this realm or another. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** Reads an instant from a string with an offset or from a `Date`. */
export function readInstant(value: string | Date): InstantResult {
  if (isDate(value)) {
    const ms = Date.prototype.getTime.call(value)
    return Number.isFinite(ms) ? { ok: true, ms } : { ok: false, problem: 'names no instant' }
  }
  const match = INSTANT.exec(value)
  if (!match) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? { ok: false, problem: 'is a date without a time; give an instant such as 2025-11-03T00:00:00Z' }
      : { ok: false, problem: 'is not an ISO 8601 instant such as 2025-11-03T09:30:00+01:00' }
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, oh, om] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'has no such calendar date' }
  }
  if (year < 1) return { ok: false, problem: 'has year 0000, which is before the Gregorian calendar' }
  if (hour > 23 || minute > 59) return { ok: false, problem: 'has no such time of day' }
  if (second > 59) return { ok: false, problem: 'has second 60; leap seconds are not instants in UTC milliseconds' }
  if (zulu === undefined && sign === undefined) {
    return { ok: false, problem: 'has no offset; add Z or an offset such as +01:00' }
  }
  let offset = 0
  if (sign !== undefined) {
    const offsetHours = Number(oh)
    const offsetMinutes = Number(om)
    if (offsetHours > 23 || offsetMinutes > 59) return { ok: false, problem: 'has an offset beyond ±23:59' }
    offset = (sign === '-' ? -1 : 1) * (offsetHours * 3_600_000 + offsetMinutes * 60_000)
  }
  const ms =
    daysFromCivil(year, month, day) * DAY_MS +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    Number(fraction.slice(0, 3).padEnd(3, '0')) -
    offset
  return { ok: true, ms }
}

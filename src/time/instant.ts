/**
 * Instants from input: ISO 8601 / RFC 3339 strings that carry `Z` or an offset,
 * or valid `Date` objects. A string without an offset names no instant (it
 * would depend on some zone) and is refused, never guessed.
 */
import { DAY_MS, daysFromCivil, daysInMonth, pair, quad } from './civil'

const NOT_AN_INSTANT = 'is not an ISO 8601 instant such as 2025-11-03T09:30:00+01:00'
const DASH = 0x2d
const PLUS = 0x2b
const COLON = 0x3a

/**
 * Scans `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]` into epoch
 * milliseconds, or says why the text is not such an instant. One pass and no
 * allocation: instants are read on every query and every batch row.
 */
export function scanInstant(text: string): number | string {
  const length = text.length
  // Characters by code (a string index makes a one-character string).
  if (length < 16 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(13) !== COLON) return formProblem(text)
  const separator = text.charCodeAt(10)
  if (separator !== 0x54 /* T */ && separator !== 0x74 /* t */ && separator !== 0x20 /* space */) return NOT_AN_INSTANT
  const year = quad(text, 0)
  const month = pair(text, 5)
  const day = pair(text, 8)
  const hour = pair(text, 11)
  const minute = pair(text, 14)
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return NOT_AN_INSTANT
  let at = 16
  let second = 0
  let ms = 0
  if (text.charCodeAt(at) === COLON) {
    second = pair(text, at + 1)
    if (second < 0) return NOT_AN_INSTANT
    at += 3
    const mark = text.charCodeAt(at)
    if (mark === 0x2e /* . */ || mark === 0x2c /* , */) {
      // Milliseconds: the first three digits, padded; finer ones are dropped.
      let end = at + 1
      for (let digit = text.charCodeAt(end) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(++end) - 48) if (end - at <= 3) ms = ms * 10 + digit
      const count = end - at - 1
      if (count === 0 || count > 9) return NOT_AN_INSTANT
      if (count < 3) ms *= count === 1 ? 100 : 10
      at = end
    }
  }
  let offset = 0
  let zoned = false
  if (at < length) {
    const sign = text.charCodeAt(at)
    if ((sign === 0x5a /* Z */ || sign === 0x7a /* z */) && at + 1 === length) zoned = true
    else {
      if (sign !== PLUS && sign !== DASH) return NOT_AN_INSTANT
      const offsetHours = pair(text, at + 1)
      const colon = text.charCodeAt(at + 3) === COLON ? 1 : 0
      const offsetMinutes = pair(text, at + 3 + colon)
      if (offsetHours < 0 || offsetMinutes < 0 || at + 5 + colon !== length) return NOT_AN_INSTANT
      zoned = true
      offset = (sign === DASH ? -1 : 1) * (offsetHours * 3_600_000 + offsetMinutes * 60_000)
      if (offsetHours > 23 || offsetMinutes > 59) return fieldProblem(year, month, day, hour, minute, second) ?? 'has an offset beyond ±23:59'
    }
  }
  const problem = fieldProblem(year, month, day, hour, minute, second)
  if (problem !== undefined) return problem
  if (!zoned) return 'has no offset; add Z or an offset such as +01:00'
  return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset
}

/** Why text not of the instant form is refused: a bare date gets its own hint. */
function formProblem(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'is a date without a time; give an instant such as 2025-11-03T00:00:00Z' : NOT_AN_INSTANT
}

/** What is wrong with the date and time of day, if anything. A day up to the 28th needs no look at the calendar. */
function fieldProblem(year: number, month: number, day: number, hour: number, minute: number, second: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return 'has no such calendar date'
  if (year < 1) return 'has year 0000, which is before the Gregorian calendar'
  if (hour > 23 || minute > 59) return 'has no such time of day'
  if (second > 59) return 'has second 60; leap seconds are not instants in UTC milliseconds'
  return undefined
}

/** Either the epoch milliseconds of an instant, or why the input is not one. */
export type InstantResult = { ok: true; ms: number } | { ok: false; problem: string }

/** `true` for a `Date`, from this realm or another. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** Reads an instant from a string with an offset or from a `Date`. */
export function readInstant(value: string | Date): InstantResult {
  if (typeof value === 'string') {
    const read = scanInstant(value)
    return typeof read === 'number' ? { ok: true, ms: read } : { ok: false, problem: read }
  }
  const ms = Date.prototype.getTime.call(value)
  return Number.isFinite(ms) ? { ok: true, ms } : { ok: false, problem: 'names no instant' }
}

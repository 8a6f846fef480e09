/**
 * Instants from input: ISO 8601 / RFC 3339 strings that carry `Z` or an offset,
 * or valid `Date` objects. A string without an offset names no instant (it
 * would depend on some zone) and is refused, never guessed.
 */
import { DAY_MS, daysFromCivil, daysInMonth } from './civil'

/** The fields of `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]`, or undefined when the text is not of that form. */
type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; offset: [number, number, number] | 'Z' | undefined }

// Scanned by hand rather than by a regular expression: instants are read on
// every query and every batch row, and this is several times faster.
function digits(text: string, at: number, count: number): number {
  let value = 0
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

function scan(text: string): Fields | undefined {
  const length = text.length
  if (length < 16 || text[4] !== '-' || text[7] !== '-' || text[13] !== ':') return undefined
  const separator = text[10]
  if (separator !== 'T' && separator !== 't' && separator !== ' ') return undefined
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  const hour = digits(text, 11, 2)
  const minute = digits(text, 14, 2)
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined
  let at = 16
  let second = 0
  let ms = 0
  if (text[at] === ':') {
    second = digits(text, at + 1, 2)
    if (second < 0) return undefined
    at += 3
    if (text[at] === '.' || text[at] === ',') {
      let end = at + 1
      while (end < length && end - at <= 9 && digits(text, end, 1) >= 0) end++
      const count = end - at - 1
      if (count === 0 || count > 9) return undefined
      ms = digits(text.slice(at + 1, Math.min(at + 4, end)).padEnd(3, '0'), 0, 3)
      at = end
    }
  }
  if (at === length) return { year, month, day, hour, minute, second, ms, offset: undefined }
  const sign = text[at]
  if ((sign === 'Z' || sign === 'z') && at + 1 === length) return { year, month, day, hour, minute, second, ms, offset: 'Z' }
  if (sign !== '+' && sign !== '-') return undefined
  const offsetHours = digits(text, at + 1, 2)
  const colon = text[at + 3] === ':' ? 1 : 0
  const offsetMinutes = digits(text, at + 3 + colon, 2)
  if (offsetHours < 0 || offsetMinutes < 0 || at + 5 + colon !== length) return undefined
  return { year, month, day, hour, minute, second, ms, offset: [sign === '-' ? -1 : 1, offsetHours, offsetMinutes] }
}

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
  const fields = scan(value)
  if (fields === undefined) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? { ok: false, problem: 'is a date without a time; give an instant such as 2025-11-03T00:00:00Z' }
      : { ok: false, problem: 'is not an ISO 8601 instant such as 2025-11-03T09:30:00+01:00' }
  }
  const { year, month, day, hour, minute, second, offset: zone } = fields
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'has no such calendar date' }
  }
  if (year < 1) return { ok: false, problem: 'has year 0000, which is before the Gregorian calendar' }
  if (hour > 23 || minute > 59) return { ok: false, problem: 'has no such time of day' }
  if (second > 59) return { ok: false, problem: 'has second 60; leap seconds are not instants in UTC milliseconds' }
  if (zone === undefined) return { ok: false, problem: 'has no offset; add Z or an offset such as +01:00' }
  let offset = 0
  if (zone !== 'Z') {
    const [sign, offsetHours, offsetMinutes] = zone
    if (offsetHours > 23 || offsetMinutes > 59) return { ok: false, problem: 'has an offset beyond ±23:59' }
    offset = sign * (offsetHours * 3_600_000 + offsetMinutes * 60_000)
  }
  const ms = daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + fields.ms - offset
  return { ok: true, ms }
}

/**
 * Time zones: validation, the UTC offset in force at an instant, and the start
 * of a civil day in a zone. Built on `Intl.DateTimeFormat` directly, because an
 * instant's offset must not depend on the host: date-fns-tz's
 * `getTimezoneOffset(zone, date)` reads `date` as a wall-clock time, so at
 * 2025-10-26T01:30Z it answers +02:00 for Europe/Berlin, where +01:00 holds.
 */
import { inner, memo } from '../cache'
import { DAY_MS, daysFromCivil } from './civil'

/** A zone's formatter, and whether `textOf` reads its text (checked on first use, see `offsetAt`). */
type Formatter = { readonly format: Intl.DateTimeFormat; readable: boolean | undefined }

const formatters = new Map<string, Formatter>()

const newFormatter = (zone: string): Formatter => ({
  format: new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }),
  readable: undefined,
})

// Bounded like every cache here: each spelling of a zone ('europe/berlin') is a key.
function formatter(zone: string): Formatter {
  return memo(formatters, zone, 10_000, newFormatter)
}

/**
 * The IANA zone's own spelling when `Intl` knows the zone (aliases such as
 * `Asia/Calcutta` and case variants such as `europe/berlin` included), else
 * `undefined`. Fixed offsets (`+01:00`, `UTC+1`) are not zones.
 */
export function canonicalZone(zone: string): string | undefined {
  return memo(canonical, zone, 10_000, resolvedZone) ?? undefined
}

const canonical = new Map<string, string | null>()

/** The zone's IANA spelling, or null (cached: a miss is remembered too). */
function resolvedZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null
  try {
    return formatter(zone).format.resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** Wall-clock fields: year (negative before year 1, astronomical), month, day, hour, minute, second. */
type Fields = [number, number, number, number, number, number]

/** The fields as `formatToParts` gives them: the reference reading, used once per zone and wherever `format`'s text is not understood. */
function partsOf(format: Intl.DateTimeFormat, epochMs: number): Fields {
  const fields: Fields = [0, 0, 0, 0, 0, 0]
  let era = 'AD'
  for (const part of format.formatToParts(epochMs)) {
    switch (part.type) {
      case 'era': era = part.value; break
      case 'year': fields[0] = Number(part.value); break
      case 'month': fields[1] = Number(part.value); break
      case 'day': fields[2] = Number(part.value); break
      case 'hour': fields[3] = Number(part.value); break
      case 'minute': fields[4] = Number(part.value); break
      case 'second': fields[5] = Number(part.value); break
    }
  }
  if (era !== 'AD') fields[0] = 1 - fields[0]
  return fields
}

/**
 * The fields read from `format`'s text ("11/3/2025 AD, 01:00:00"): its runs of
 * digits in order (month, day, year, hour, minute, second) and a B for BC. A
 * third of `formatToParts`'s cost, which makes an array of part objects; used
 * only where it agrees with `partsOf` (checked once per zone), or undefined.
 */
function textOf(format: Intl.DateTimeFormat, epochMs: number): Fields | undefined {
  const text = format.format(epochMs)
  const runs: number[] = []
  let value = -1
  let before = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 48 && code <= 57) value = (value < 0 ? 0 : value * 10) + code - 48
    else {
      if (value >= 0) runs.push(value)
      value = -1
      if (code === 66 /* B */) before = true
    }
  }
  if (value >= 0) runs.push(value)
  if (runs.length !== 6) return undefined
  const [month, day, year, hour, minute, second] = runs as Fields
  return [before ? 1 - year : year, month, day, hour, minute, second]
}

const sameFields = (a: Fields | undefined, b: Fields) => a !== undefined && a.every((field, index) => field === b[index])

// Where a formatter's text is checked against `partsOf`: an instant AD and one BC.
const CHECK_AT = [Date.UTC(2025, 10, 3, 1, 2, 3), -62_167_219_200_000 /* 0000-01-01, 1 BC */]

/** The offset from UTC, in milliseconds, in force in `zone` at the instant `epochMs`. */
export function offsetAt(zone: string, epochMs: number): number {
  const entry = formatter(zone)
  const { format } = entry
  entry.readable ??= CHECK_AT.every((at) => sameFields(textOf(format, at), partsOf(format, at)))
  const [year, month, day, hour, minute, second] = (entry.readable ? textOf(format, epochMs) : undefined) ?? partsOf(format, epochMs)
  const wall = daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000)
  return wall - wholeSecond
}

/** The civil day (days since 1970-01-01) in `zone` at the instant `epochMs`. */
export function localDay(zone: string, epochMs: number): number {
  return Math.floor((epochMs + offsetAt(zone, epochMs)) / DAY_MS)
}

const HOURS_15 = 15 * 3_600_000
const startCache = new Map<string, Map<number, number>>()
const START_CACHE_LIMIT = 20_000

/**
 * The first instant (epoch ms) whose civil date in `zone` is `day`: local
 * midnight, or where midnight is skipped by a change of offset (Atlantic/Azores
 * on the last Sunday of March) the instant of that change. Where midnight
 * happens twice, the first.
 */
export function startOfDay(zone: string, day: number): number {
  return memo(inner(startCache, zone), day, START_CACHE_LIMIT, () => computeStartOfDay(zone, day))
}

function computeStartOfDay(zone: string, day: number): number {
  const midnightUtc = day * DAY_MS
  // Every offset in force within 15 hours of the day's UTC midnight: local
  // midnight lies in that span for any real offset.
  const early = offsetAt(zone, midnightUtc - HOURS_15)
  const atMidnight = offsetAt(zone, midnightUtc)
  const late = offsetAt(zone, midnightUtc + HOURS_15)
  // One offset throughout, as on nearly every day: its midnight is the start.
  // Checking it would cost a fourth lookup, and the search below gives the
  // same instant when the check fails.
  if (early === atMidnight && atMidnight === late) return midnightUtc - atMidnight
  const offsets = new Set([early, atMidnight, late])
  let first = Number.POSITIVE_INFINITY
  for (const offset of offsets) {
    const candidate = midnightUtc - offset
    if (offsetAt(zone, candidate) === offset && candidate < first) first = candidate
  }
  if (first !== Number.POSITIVE_INFINITY) return first
  // Midnight is skipped: the day starts at the change of offset. Find the first
  // instant whose local date is `day` or later.
  let low = midnightUtc - Math.max(...offsets)
  let high = midnightUtc - Math.min(...offsets)
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (localDay(zone, middle) >= day) high = middle
    else low = middle + 1
  }
  return high
}

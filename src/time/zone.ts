/**
 * Time zones: validation, the UTC offset in force at an instant, and the start
 * of a civil day in a zone. Built on `Intl.DateTimeFormat` directly, because an
 * instant's offset must not depend on the host: date-fns-tz's
 * `getTimezoneOffset(zone, date)` reads `date` as a wall-clock time, so at
 * 2025-10-26T01:30Z it answers +02:00 for Europe/Berlin, where +01:00 holds.
 */
import { memo, NestedCache } from '../cache'
import { countryZones } from '../region/country-zones'
import { DAY_MS, daysFromCivil } from './civil'
import { legacyZones } from './zone-links'

/**
 * A zone's formatters: `offset` writes the offset in force ("31 GMT+5:45"),
 * `fields` the wall clock, made only where the offset's text is not understood.
 */
type Formatters = { readonly offset: Intl.DateTimeFormat; fields: Intl.DateTimeFormat | undefined }

const formatters = new Map<string, Formatters>()

const newFormatters = (zone: string): Formatters => ({
  // The minute is the cheapest field to format along with the offset: 40 % less than the full wall clock.
  offset: new Intl.DateTimeFormat('en-US', { timeZone: intlIds.get(zone) ?? zone, minute: 'numeric', timeZoneName: 'shortOffset' }),
  fields: undefined,
})

/** Current names whose zone Intl gave another id for: formatted by that id, which an older engine may know where it does not know the new name. */
const intlIds = new Map<string, string>()

// Bounded like every cache here: each spelling of a zone ('europe/berlin') is a key.
function formattersOf(zone: string): Formatters {
  return memo(formatters, zone, 10_000, newFormatters)
}

/**
 * The zone's current IANA name when `Intl` knows the zone, else `undefined`:
 * `Europe/Kyiv` for `Europe/Kyiv`, `Europe/Kiev` and `europe/kyiv`;
 * `Asia/Kolkata` for `Asia/Calcutta`; `America/New_York` for `US/Eastern`.
 * Intl alone gives the names CLDR first knew a zone by (Node: `Europe/Kiev`
 * for `Europe/Kyiv`); tzdb's links map them back (`src/time/zone-links.ts`,
 * generated). `UTC`, `Etc/UTC` and `GMT` are `UTC`, as ECMAScript spells it.
 * Fixed offsets (`+01:00`, `UTC+1`) are not zones.
 */
export function canonicalZone(zone: string): string | undefined {
  return memo(canonical, zone, 10_000, resolvedZone) ?? undefined
}

const canonical = new Map<string, string | null>()

/** Current names by their lower case: every zone.tab zone, and the deprecated names Intl gives back with theirs. */
let current: Map<string, string> | undefined

function currentNames(): Map<string, string> {
  if (current === undefined) {
    current = new Map()
    for (const zones of Object.values(countryZones)) for (const zone of zones) current.set(zone.toLowerCase(), zone)
    for (const [name, to] of Object.entries(legacyZones)) current.set(name.toLowerCase(), to)
  }
  return current
}

/** The zone's current name, or null (cached: a miss is remembered too). */
function resolvedZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null
  let id: string
  try {
    id = formattersOf(zone).offset.resolvedOptions().timeZone
  } catch {
    return null
  }
  // The name given, when it is current (America/Atikokan, which Intl calls America/Coral_Harbour); else Intl's id, made current.
  const names = currentNames()
  const name = names.get(zone.toLowerCase()) ?? names.get(id.toLowerCase()) ?? id
  if (name !== id) intlIds.set(name, id)
  return name
}

const PLUS = 0x2b
const HYPHEN = 0x2d
const MINUS = 0x2212
const COLON = 0x3a

/**
 * The offset, in milliseconds, that a localized GMT format ends with: `GMT`,
 * `GMT+2`, `GMT-3:30`, `GMT-0:44:30`, `GMT+05:45` (or `UTC` for `GMT`, `−`
 * for `-`); undefined for any other text, which is never guessed at.
 */
export function readOffset(text: string): number | undefined {
  let index = text.lastIndexOf('GMT')
  if (index === -1) index = text.lastIndexOf('UTC')
  if (index === -1) return undefined
  index += 3
  if (index === text.length) return 0
  const sign = text.charCodeAt(index++)
  if (sign !== PLUS && sign !== HYPHEN && sign !== MINUS) return undefined
  // Hours (one or two digits), then minutes and seconds (two digits each, after a colon), if given.
  let seconds = 0
  let unit = 3600
  for (let field = 0; field < 3 && (field === 0 || index < text.length); field++, unit /= 60) {
    if (field > 0 && text.charCodeAt(index++) !== COLON) return undefined
    let value = 0
    let digits = 0
    // Never read past the end: a read there deoptimizes the function once in every thread.
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code < 48 || code > 57) break
      value = value * 10 + code - 48
      digits++
    }
    if (digits === 0 || digits > 2 || (field > 0 && (digits !== 2 || value > 59))) return undefined
    seconds += value * unit
  }
  if (index !== text.length || seconds >= 86_400) return undefined
  return (sign === PLUS ? seconds : -seconds) * 1000
}

/**
 * The offset read off the wall clock (`formatToParts`' year, month, day, hour,
 * minute and second, less the instant): where the offset's text is not understood.
 */
export function wallClockOffset(zone: string, epochMs: number): number {
  const entry = formattersOf(zone)
  entry.fields ??= new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  let era = 'AD'
  let year = 0
  let month = 0
  let day = 0
  let hour = 0
  let minute = 0
  let second = 0
  for (const part of entry.fields.formatToParts(epochMs)) {
    switch (part.type) {
      case 'era': era = part.value; break
      case 'year': year = Number(part.value); break
      case 'month': month = Number(part.value); break
      case 'day': day = Number(part.value); break
      case 'hour': hour = Number(part.value); break
      case 'minute': minute = Number(part.value); break
      case 'second': second = Number(part.value); break
    }
  }
  const wall = daysFromCivil(era === 'AD' ? year : 1 - year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000)
  return wall - wholeSecond
}

/** The offset from UTC, in milliseconds, in force in `zone` at the instant `epochMs`. */
export function offsetAt(zone: string, epochMs: number): number {
  return readOffset(formattersOf(zone).offset.format(epochMs)) ?? wallClockOffset(zone, epochMs)
}

/** The civil day (days since 1970-01-01) in `zone` at the instant `epochMs`. */
export function localDay(zone: string, epochMs: number): number {
  return Math.floor((epochMs + offsetAt(zone, epochMs)) / DAY_MS)
}

const HOURS_15 = 15 * 3_600_000
/** Starts of day by zone, then day: a few hundred zones times the days of 18th birthdays. */
const starts = new NestedCache<string, number, number>(200_000)

/**
 * The first instant (epoch ms) whose civil date in `zone` is `day`: local
 * midnight, or where midnight is skipped by a change of offset (Atlantic/Azores
 * on the last Sunday of March) the instant of that change. Where midnight
 * happens twice, the first.
 */
export function startOfDay(zone: string, day: number): number {
  return starts.get(zone, day, (day) => computeStartOfDay(zone, day))
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

/**
 * The floor: the fewest operations that compute the same statuses from the
 * same raw input. No validation, no reports, no generality: instants read at
 * the fixed positions of the generator's `toISOString` text, tables built for
 * the country spellings the members use, each member's earliest and latest
 * start cached by country, zone and birth date, the setting's state at `asOf`
 * read off the events without sorting them.
 */
import { linkedinGenAi } from '../src/policy/linkedin'
import { countryZones } from '../src/region/country-zones'
import { countryForms, type RawMember } from './members'

export type Status = 'covered' | 'not-covered' | 'undetermined'

const DAY = 86_400_000
const HOUR = 3_600_000

/** The number in `count` digits of `text` from `at`: digits assumed. */
function number(text: string, at: number, count: number): number {
  let value = 0
  for (let index = at; index < at + count; index++) value = value * 10 + text.charCodeAt(index) - 48
  return value
}

/** Epoch ms of `YYYY-MM-DDTHH:MM:SS.sssZ`, the only form the generator writes. */
function instant(text: string): number {
  return Date.UTC(number(text, 0, 4), number(text, 5, 2) - 1, number(text, 8, 2), number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), number(text, 20, 3))
}

const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY

/** Local civil day of an instant in a zone, from Intl (only while filling the cache). */
function localDay(format: Intl.DateTimeFormat, ms: number): number {
  const [month, , day, , year] = format.formatToParts(ms).map((part) => Number(part.value))
  return dayOf(year as number, month as number, day as number)
}

/** First instant of a civil day in a zone: a bisection over the 30 hours around UTC midnight. */
function start(format: Intl.DateTimeFormat, day: number): number {
  let low = day * DAY - 15 * HOUR
  let high = day * DAY + 15 * HOUR
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (localDay(format, middle) < day) low = middle + 1
    else high = middle
  }
  return low
}

const formats = new Map<string, Intl.DateTimeFormat>()
function formatOf(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })
    formats.set(zone, format)
  }
  return format
}

/** Per country spelling: its zones and the civil days of its rollout readings. */
const countries = new Map<string, { zones: readonly string[]; days: number[] }>()
for (const [form, code] of countryForms) {
  const region = (Object.entries(linkedinGenAi.regions).find(([, entry]) => entry.countries.includes(code))?.[0] ?? 'ROW') as 'ROW'
  const regions = [region, ...(linkedinGenAi.territories[code]?.alsoReadAs === undefined ? [] : [linkedinGenAi.territories[code]?.alsoReadAs])]
  const days = regions.map((each) => {
    const [y, m, d] = (linkedinGenAi.rollouts.find((rollout) => rollout.regions.includes(each as 'ROW'))?.effective ?? '').split('-').map(Number)
    return dayOf(y as number, m as number, d as number)
  })
  countries.set(form, { zones: linkedinGenAi.zones[code]?.zones ?? countryZones[code] ?? [], days })
}

/** The days of the 18th birthday: one, or the first and last of the year. */
function adultDays(birth: string): number[] {
  const year = number(birth, 0, 4) + 18
  if (birth.length === 4) return [dayOf(year, 1, 1), dayOf(year, 12, 31)]
  const month = number(birth, 5, 2)
  const day = number(birth, 8, 2)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [month === 2 && day === 29 && !leap ? dayOf(year, 3, 1) : dayOf(year, month, day)]
}

/** Earliest and latest start over the zones, readings and birthdays. */
function span(country: { zones: readonly string[]; days: number[] }, zone: string | undefined, birth: string | undefined): [number, number] {
  const adults = birth === undefined ? [] : adultDays(birth)
  let earliest = Number.POSITIVE_INFINITY
  let latest = Number.NEGATIVE_INFINITY
  for (const each of zone === undefined ? country.zones : [new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone]) {
    const format = formatOf(each)
    for (const rolloutDay of country.days) {
      const rollout = start(format, rolloutDay)
      const froms = adults.length === 0 ? [rollout] : adults.map((adult) => Math.max(rollout, start(format, adult)))
      for (const from of froms) {
        earliest = Math.min(earliest, from)
        latest = Math.max(latest, from)
      }
    }
  }
  return [earliest, latest]
}

const spans = new Map<string, Map<string, Map<string, [number, number]>>>()
function spanOf(member: RawMember): [number, number] {
  let byZone = spans.get(member.country)
  if (byZone === undefined) spans.set(member.country, (byZone = new Map()))
  let byBirth = byZone.get(member.timeZone ?? '')
  if (byBirth === undefined) byZone.set(member.timeZone ?? '', (byBirth = new Map()))
  let found = byBirth.get(member.birthDate ?? '')
  if (found === undefined) {
    found = span(countries.get(member.country) as { zones: readonly string[]; days: number[] }, member.timeZone, member.birthDate)
    byBirth.set(member.birthDate ?? '', found)
  }
  return found
}

/**
 * Whether the setting is on at `asOf`: off for good after an objection;
 * otherwise as the last opt-out or opt-in at or before `asOf` left it (at one
 * instant the opt-in counts last), on when there is none.
 */
function settingOn(member: RawMember, asOf: number): boolean {
  let lastOff = Number.NEGATIVE_INFINITY
  for (const optOut of member.optOuts ?? []) {
    const at = instant(optOut.at)
    if (at > asOf) continue
    if (optOut.via === 'objection-form') return false
    if (at > lastOff) lastOff = at
  }
  let lastOn = Number.NEGATIVE_INFINITY
  for (const optIn of member.optIns ?? []) {
    const at = instant(optIn.at)
    if (at <= asOf && at > lastOn) lastOn = at
  }
  return lastOn >= lastOff
}

/** The facts a status rests on: the instant, the setting, and the earliest and latest start. */
export interface Facts {
  asOf: number
  excluded: boolean
  on: boolean
  earliest: number
  latest: number
}

/** The facts for a member at an instant. */
export function facts(member: RawMember, asOfText: string): Facts {
  const asOf = instant(asOfText)
  const [earliest, latest] = spanOf(member)
  return { asOf, excluded: member.secondarySchool === true, on: settingOn(member, asOf), earliest, latest }
}

/** The floor's status for a member at an instant. */
export function floorStatus(member: RawMember, asOfText: string): Status {
  if (member.secondarySchool === true) return 'not-covered'
  const asOf = instant(asOfText)
  if (!settingOn(member, asOf)) return 'not-covered'
  const [earliest, latest] = spanOf(member)
  return asOf >= latest ? 'covered' : asOf >= earliest ? 'undetermined' : 'not-covered'
}

/**
 * The floor: the fewest operations that compute the same statuses from the
 * same raw input. No validation, no reports, no generality: tables built for
 * the countries the members use, starts of day cached, a status and nothing else.
 */
import { linkedinGenAi } from '../src/policy/linkedin'
import { countryZones } from '../src/region/country-zones'
import { countryForms, type RawMember } from './members'

export type Status = 'covered' | 'not-covered' | 'undetermined'

const DAY = 86_400_000
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY
const formats = new Map<string, Intl.DateTimeFormat>()

/** Local civil day of an instant in a zone, from Intl. */
function localDay(zone: string, ms: number): number {
  let format = formats.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })
    formats.set(zone, format)
  }
  const [month, , day, , year] = format.formatToParts(ms).map((part) => Number(part.value))
  return dayOf(year as number, month as number, day as number)
}

const starts = new Map<string, number>()
/** First instant of a civil day in a zone: a bisection over the 30 hours around UTC midnight, cached. */
function start(zone: string, day: number): number {
  const key = `${zone}@${day}`
  let found = starts.get(key)
  if (found === undefined) {
    let low = day * DAY - 15 * 3_600_000
    let high = day * DAY + 15 * 3_600_000
    while (low < high) {
      const middle = Math.floor((low + high) / 2)
      if (localDay(zone, middle) < day) low = middle + 1
      else high = middle
    }
    found = low
    starts.set(key, found)
  }
  return found
}

/** Per country form: its zones and the civil days of its rollout readings. */
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
const canonical = new Map<string, string>()

/** Whether the setting is on at `at`, from raw opt-outs and opt-ins. */
function settingOn(member: RawMember, at: number): boolean {
  const events: [number, number][] = []
  for (const optOut of member.optOuts ?? []) events.push([Date.parse(optOut.at), optOut.via === 'setting' ? 0 : 1])
  for (const optIn of member.optIns ?? []) events.push([Date.parse(optIn.at), 2])
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let on = true
  let objected = false
  for (const [when, kind] of events) {
    if (when > at) break
    if (kind === 2) on = !objected
    else {
      on = false
      objected ||= kind === 1
    }
  }
  return on
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
  const asOf = Date.parse(asOfText)
  const country = countries.get(member.country) as { zones: readonly string[]; days: number[] }
  let zone = member.timeZone
  if (zone !== undefined) {
    let name = canonical.get(zone)
    if (name === undefined) {
      name = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
      canonical.set(zone, name)
    }
    zone = name
  }
  const zones = zone === undefined ? country.zones : [zone]
  let adults: number[] = []
  const birth = member.birthDate
  if (birth !== undefined) {
    const year = Number(birth.slice(0, 4)) + 18
    if (birth.length === 4) adults = [dayOf(year, 1, 1), dayOf(year, 12, 31)]
    else {
      const month = Number(birth.slice(5, 7))
      const day = Number(birth.slice(8, 10))
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      adults = [month === 2 && day === 29 && !leap ? dayOf(year, 3, 1) : dayOf(year, month, day)]
    }
  }
  let earliest = Number.POSITIVE_INFINITY
  let latest = Number.NEGATIVE_INFINITY
  for (const each of zones) {
    for (const rolloutDay of country.days) {
      const rollout = start(each, rolloutDay)
      if (adults.length === 0) {
        earliest = Math.min(earliest, rollout)
        latest = Math.max(latest, rollout)
      }
      for (const adultDay of adults) {
        const from = Math.max(rollout, start(each, adultDay))
        earliest = Math.min(earliest, from)
        latest = Math.max(latest, from)
      }
    }
  }
  return { asOf, excluded: member.secondarySchool === true, on: settingOn(member, asOf), earliest, latest }
}

/** The floor's status for a member at an instant. */
export function floorStatus(member: RawMember, asOfText: string): Status {
  if (member.secondarySchool === true) return 'not-covered'
  const known = facts(member, asOfText)
  if (!known.on) return 'not-covered'
  return known.asOf >= known.latest ? 'covered' : known.asOf >= known.earliest ? 'undetermined' : 'not-covered'
}

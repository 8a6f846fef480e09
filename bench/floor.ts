/**
 * The floor: the fewest operations that give `coverage()`'s status, `from` and
 * `until` for the bench's members under LinkedIn's policy, phases included.
 * No validation, no reasons, no report, no generality:
 *
 * - instants are read at the fixed positions of the generator's `toISOString`
 *   text;
 * - what a member's country, zone and birth date give is worked out once and
 *   kept: for each scenario (each zone of the country when none is given, each
 *   reading of JE/GG/IM, the first and last possible 18th birthday of a birth
 *   year), the spans of each phase from the adult birthday on, under the widest
 *   reading (`upper`: a possible phase happened, a ranged end is the latest
 *   day) and the narrowest (`lower`: a possible phase did not, a ranged end is
 *   the earliest day);
 * - opt-outs and opt-ins make the spans the member lets their data be used in;
 *   every LinkedIn channel lasts, so these do not depend on the phases and cut
 *   every scenario alike.
 *
 * Status at asOf: `covered` when asOf is in an on-span and in a lower span of
 * every scenario, `not-covered` when it is in no upper span of any (or in no
 * on-span), else `undetermined`. `from` and `until` are the first start and
 * the last end of the upper spans cut by the on-spans.
 */
import { linkedinGenAi } from '../src/policy/linkedin'
import { countryZones } from '../src/region/country-zones'
import { countryForms, type RawMember } from './members'

export type Status = 'covered' | 'not-covered' | 'undetermined'

/** The floor's answer: instants as epoch ms, `null` as in a report. */
export interface FloorAnswer {
  status: Status
  from: number | null
  until: number | null
}

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
const civilDay = (date: string) => dayOf(number(date, 0, 4), number(date, 5, 2), number(date, 8, 2))

const formats = new Map<string, Intl.DateTimeFormat>()
function formatOf(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formats.set(zone, format)
  }
  return format
}

/** The wall clock in a zone at an instant, as if it were UTC (epoch ms, whole seconds), from Intl (only while filling the cache). */
function wallClock(zone: string, ms: number): number {
  const [month, , day, , year, , hour, , minute, , second] = formatOf(zone).formatToParts(ms).map((part) => Number(part.value))
  return Date.UTC(year as number, (month as number) - 1, day as number, hour as number, minute as number, second as number)
}

const localDay = (zone: string, ms: number) => Math.floor(wallClock(zone, ms) / DAY)

/**
 * First instant of a civil day in a zone, kept per zone and day: local
 * midnight at the offset in force at UTC midnight when it is the first instant
 * of the day, else a bisection over the 30 hours around UTC midnight.
 */
const starts = new Map<string, number>()
function start(zone: string, day: number): number {
  if (day === Infinity) return Infinity
  const key = `${zone} ${day}`
  let found = starts.get(key)
  if (found === undefined) {
    const guess = 2 * day * DAY - wallClock(zone, day * DAY)
    if (localDay(zone, guess) === day && localDay(zone, guess - 1) < day) found = guess
    else {
      let low = day * DAY - 15 * HOUR
      let high = day * DAY + 15 * HOUR
      while (low < high) {
        const middle = Math.floor((low + high) / 2)
        if (localDay(zone, middle) < day) low = middle + 1
        else high = middle
      }
      found = low
    }
    starts.set(key, found)
  }
  return found
}

/** A phase in civil days; an open end is Infinity. */
interface Phase {
  start: number
  endLow: number
  endHigh: number
  possible: boolean
}

const phasesOf = (region: keyof typeof linkedinGenAi.regions): Phase[] =>
  linkedinGenAi.regions[region].timeline.map((phase) => {
    const { end } = phase
    const [endLow, endHigh] = end === null ? [Infinity, Infinity] : typeof end === 'string' ? [civilDay(end), civilDay(end)] : [civilDay(end.earliest), civilDay(end.latest)]
    return { start: civilDay(phase.start), endLow, endHigh, possible: phase.certainty === 'possible' }
  })

/** Per country spelling: its zones and its readings' timelines (two for JE, GG, IM). */
const countries = new Map<string, { zones: readonly string[]; readings: Phase[][] }>()
for (const [form, code] of countryForms) {
  const region = (Object.keys(linkedinGenAi.regions) as (keyof typeof linkedinGenAi.regions)[]).find((each) => linkedinGenAi.regions[each].countries.includes(code)) ?? 'ROW'
  const also = linkedinGenAi.territories[code]?.alsoReadAs
  const readings = [phasesOf(region), ...(also === undefined ? [] : [phasesOf(also)])]
  countries.set(form, { zones: linkedinGenAi.zones[code]?.zones ?? countryZones[code] ?? [], readings })
}

/** The first day any phase starts on: a birthday up to then changes nothing. */
const firstStart = Math.min(...[...countries.values()].flatMap((country) => country.readings.flat().map((phase) => phase.start)))

/** Which channels an opt-in turns back on. Every channel must last: opt-outs then hold across phases. */
const reversible = new Map<string, boolean>()
for (const [name, channel] of Object.entries(linkedinGenAi.channels)) {
  if (!channel.lasts) throw new Error(`bench/floor.ts: channel ${name} does not last; the floor reads every opt-out as lasting`)
  reversible.set(name, channel.reversible)
}

/** The days of the 18th birthday: one, or the first and last of the year. */
function adultDays(birth: string): number[] {
  const year = number(birth, 0, 4) + linkedinGenAi.age.adultAge
  if (birth.length === 4) return [dayOf(year, 1, 1), dayOf(year, 12, 31)]
  const month = number(birth, 5, 2)
  const day = number(birth, 8, 2)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [month === 2 && day === 29 && !leap ? dayOf(year, 3, 1) : dayOf(year, month, day)]
}

/** One scenario's spans of use, as flat `[from, until, from, until, ...]` lists. */
interface Scenario {
  upper: number[]
  lower: number[]
}

/** What a country, zone and birth date give: the scenarios, and `from`/`until` when nothing is opted out. */
interface Standing {
  scenarios: Scenario[]
  from: number
  until: number
}

function standing(country: { zones: readonly string[]; readings: Phase[][] }, zone: string | undefined, birth: string | undefined): Standing {
  // A birthday on or before the first start of any phase changes nothing: read as no birth date.
  const days = birth === undefined ? [-Infinity] : adultDays(birth).map((day) => (day > firstStart ? day : -Infinity))
  const scenarios: Scenario[] = []
  let from = Infinity
  let until = -Infinity
  for (const each of zone === undefined ? country.zones : [formatOf(zone).resolvedOptions().timeZone]) {
    for (const reading of country.readings) {
      for (const adultDay of days) {
        const adult = adultDay === -Infinity ? -Infinity : start(each, adultDay)
        const upper: number[] = []
        const lower: number[] = []
        for (const phase of reading) {
          const begin = Math.max(start(each, phase.start), adult)
          const endHigh = start(each, phase.endHigh)
          if (begin < endHigh) {
            upper.push(begin, endHigh)
            from = Math.min(from, begin)
            until = Math.max(until, endHigh)
          }
          const endLow = start(each, phase.endLow)
          if (!phase.possible && begin < endLow) lower.push(begin, endLow)
        }
        scenarios.push({ upper, lower })
      }
    }
  }
  return { scenarios, from, until }
}

const standings = new Map<string, Map<string, Map<string, Standing>>>()
function standingOf(member: RawMember): Standing {
  let byZone = standings.get(member.country)
  if (byZone === undefined) standings.set(member.country, (byZone = new Map()))
  let byBirth = byZone.get(member.timeZone ?? '')
  if (byBirth === undefined) byZone.set(member.timeZone ?? '', (byBirth = new Map()))
  let found = byBirth.get(member.birthDate ?? '')
  if (found === undefined) {
    found = standing(countries.get(member.country) as { zones: readonly string[]; readings: Phase[][] }, member.timeZone, member.birthDate)
    byBirth.set(member.birthDate ?? '', found)
  }
  return found
}

const ALWAYS_ON = [-Infinity, Infinity]

/**
 * The spans the member lets their data be used in, flat: on from the start,
 * off at an opt-out, on again at an opt-in unless an opt-out through a
 * channel that is not reversible came before. At one instant opt-outs come
 * before opt-ins.
 */
function onSpans(member: RawMember): number[] {
  if (member.optOuts === undefined) return ALWAYS_ON
  const events: { at: number; out: boolean; firm: boolean }[] = []
  for (const optOut of member.optOuts) events.push({ at: instant(optOut.at), out: true, firm: reversible.get(optOut.via) === false })
  for (const optIn of member.optIns ?? []) events.push({ at: instant(optIn.at), out: false, firm: false })
  events.sort((a, b) => a.at - b.at || (a.out ? 0 : 1) - (b.out ? 0 : 1))
  const spans: number[] = []
  let onSince: number | null = -Infinity
  let firm = false
  for (const event of events) {
    if (event.out) {
      if (onSince !== null && event.at > onSince) spans.push(onSince, event.at)
      onSince = null
      firm ||= event.firm
    } else if (onSince === null && !firm) {
      // An opt-in at the instant the last span ended continues it.
      onSince = spans.at(-1) === event.at ? (spans.splice(-2, 2)[0] as number) : event.at
    }
  }
  if (onSince !== null) spans.push(onSince, Infinity)
  return spans
}

/** Whether `at` lies in one of the flat spans. */
function within(spans: readonly number[], at: number): boolean {
  for (let index = 0; index < spans.length; index += 2) if ((spans[index] as number) <= at && at < (spans[index + 1] as number)) return true
  return false
}

function statusOf(scenarios: readonly Scenario[], on: readonly number[], asOf: number): Status {
  if (scenarios.length === 0) return 'undetermined'
  if (!within(on, asOf)) return 'not-covered'
  let lower = 0
  let upper = 0
  for (const scenario of scenarios) {
    if (within(scenario.lower, asOf)) lower++
    if (within(scenario.upper, asOf)) upper++
  }
  return lower === scenarios.length ? 'covered' : upper === 0 ? 'not-covered' : 'undetermined'
}

/** The floor's status, `from` and `until` for a member at an instant. */
export function floorAnswer(member: RawMember, asOfText: string): FloorAnswer {
  const asOf = instant(asOfText)
  const { scenarios, from, until } = standingOf(member)
  if (member.secondarySchool === true) return { status: scenarios.length === 0 ? 'undetermined' : 'not-covered', from: null, until: null }
  const on = onSpans(member)
  if (on === ALWAYS_ON) return { status: statusOf(scenarios, on, asOf), from: from === Infinity ? null : from, until: until === -Infinity || until === Infinity ? null : until }
  let first = Infinity
  let last = -Infinity
  for (const scenario of scenarios) {
    for (let index = 0; index < scenario.upper.length; index += 2) {
      for (let span = 0; span < on.length; span += 2) {
        const begin = Math.max(scenario.upper[index] as number, on[span] as number)
        const end = Math.min(scenario.upper[index + 1] as number, on[span + 1] as number)
        if (begin < end) {
          first = Math.min(first, begin)
          last = Math.max(last, end)
        }
      }
    }
  }
  return { status: statusOf(scenarios, on, asOf), from: first === Infinity ? null : first, until: last === -Infinity || last === Infinity ? null : last }
}

/** What the json-rules-engine peer decides on: the instant, the exclusion, the opt-out state and each scenario's spans. */
export interface Facts {
  asOf: number
  excluded: boolean
  on: boolean
  lower: number[][]
  upper: number[][]
}

/** The facts for a member at an instant. */
export function facts(member: RawMember, asOfText: string): Facts {
  const asOf = instant(asOfText)
  const { scenarios } = standingOf(member)
  return {
    asOf,
    excluded: member.secondarySchool === true,
    on: within(onSpans(member), asOf),
    lower: scenarios.map((scenario) => scenario.lower),
    upper: scenarios.map((scenario) => scenario.upper),
  }
}

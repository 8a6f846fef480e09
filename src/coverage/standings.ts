/**
 * What follows from a member's country, zone and birth date alone: when their
 * coverage can start, under each reading of the facts not given. The same for
 * many members, so computed once and kept, in two layers:
 *
 * - a {@link Locality} per country and zone (or the country's zones, when none
 *   is given): a few hundred, read on every query, so always in the CPU's cache;
 * - a {@link Standing} per locality and birth date: tens of thousands over a
 *   compliance run, scattered across the heap.
 *
 * An answer reads from a standing only the instants that decide the status,
 * and its reasons. Those sit in the rows of a {@link StandingTable}, an
 * open-addressing hash table: the instants beside the key in a `Float64Array`,
 * the reasons in a parallel array. Finding them costs two cache lines rather
 * than a Map's bucket, its entry, the standing object and the boxed numbers
 * in it, each a miss on a large run (the difference was a fifth of
 * `coverage()`'s time on 100k varied members).
 */
import type { CompiledPolicy, Place } from '../policy/compile'
import type { Policy, PolicyRollout, RegionCode } from '../policy/schema'
import { daysFromCivil, isLeapYear } from '../time/civil'
import { startOfDay } from '../time/zone'
import { type BirthCode, birthFields, isYearAlone, NO_BIRTH_DATE } from './birth'
import { iso, type Reason } from './reasons'

/** One reading of the unknown facts: when use starts, and when the member turns 18. */
export interface Scenario {
  readonly start: number
  /** Start of the 18th birthday; -Infinity when no birth date is known. */
  readonly adult: number
}

/**
 * The status reasons that follow from a locality alone: built on first use
 * (by `coverage`) and kept in it, frozen and shared by every report. Those that
 * follow from a standing are kept in its table row.
 */
export interface LocalityReasons {
  'rollout-not-started': Reason | undefined
  'opted-out': Reason | undefined
  'opted-out-before-start': Reason | undefined
}

/** A country with a zone, or with its zones when none was given: what follows from both. */
export interface Locality extends LocalityReasons {
  /** Its number in its policy's cache, part of its standings' keys. */
  readonly id: number
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  readonly region: RegionCode
  /** The rollout reported: the earliest of the territory's readings. */
  readonly rollout: PolicyRollout
  /** That rollout as reports show it: one frozen object, shared by every report. */
  readonly reportedRollout: { readonly id: string; readonly effective: string }
  readonly alsoReadAs: RegionCode | undefined
  readonly zones: readonly string[]
  readonly zoneInferred: boolean
  /** The start of each reading's rollout in each zone: `starts[zone][reading]`. */
  readonly starts: readonly (readonly number[])[]
  /** Earliest start of the rollout alone, over zones and readings. */
  readonly rolloutEarliest: number
  /** The reasons every answer here gives (rollout, territory, inferred zone): frozen, shared. */
  readonly reasons: readonly Reason[]
}

/** A locality with a birth date (or none): when coverage can start. */
export interface Standing {
  readonly locality: Locality
  /** Distinct readings, by start. */
  readonly scenarios: readonly Scenario[]
  readonly earliest: number
  readonly latest: number
  /** Earliest start of the 18th birthday; -Infinity without a birth date. */
  readonly adultEarliest: number
  /** What the birth date says, or that none was given: frozen, shared. */
  readonly ageReason: Reason
}

/** Birth codes lie below this: a standing's key is its locality's id times this, plus its birth code. */
const BIRTH_CODES = 2 ** 22

/** The civil days of the 18th (adult-age) birthday: one day, or the first and last of a year. */
function adultDays(birth: BirthCode, adultAge: number): number[] {
  const { year: born, month, day } = birthFields(birth)
  const year = born + adultAge
  if (day === 0) return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)]
  // Born 29 February: the birthday is 1 March in common years.
  return [month === 2 && day === 29 && !isLeapYear(year) ? daysFromCivil(year, 3, 1) : daysFromCivil(year, month, day)]
}

/** A row of the table: the key + 1 (0 marks a free slot), then the instants an answer reads. */
const ROW = 4
const KEY = 0
/** Where in a row the instants are that {@link Standing} names alike. */
export const EARLIEST = 1
export const LATEST = 2
export const ADULT_EARLIEST = 3

/**
 * A row of `objects`: the standing, its age reason (which every answer gives),
 * then the status reasons that follow from the standing alone, built on first
 * use by `coverage` and kept here, frozen and shared by every report.
 */
const OBJECTS = 5
export const STANDING = 0
export const AGE_REASON = 1
export const UNDER_18 = 2
export const NOT_STARTED = 3
export const START_UNDETERMINED = 4

/** Slots in a new table; it doubles when it would hold more than {@link fullAt} its slots. */
const FIRST_CAPACITY = 1024

/**
 * The most standings a table of `capacity` slots holds: three quarters.
 * Denser than half full, it is half the memory over much of its range, and a
 * look-up among many standings, which waits on memory, is found sooner.
 */
const fullAt = (capacity: number): number => (capacity * 3) / 4

/**
 * Standings by locality and birth code, in open addressing with linear
 * probing. Per slot, `rows` holds the key and the instants an answer reads, and
 * `objects` the standing and the reasons that follow from it: an answer reads
 * the standing object itself not at all.
 */
export class StandingTable {
  size = 0
  rows = new Float64Array(FIRST_CAPACITY * ROW)
  objects: (Standing | Reason | undefined)[] = new Array(FIRST_CAPACITY * OBJECTS).fill(undefined)

  /** Slots, a power of two. */
  get capacity(): number {
    return this.objects.length / OBJECTS
  }

  /** The slot holding the key, or, when there is none, -1 - the free slot where it belongs. */
  find(locality: number, birth: number): number {
    const key = locality * BIRTH_CODES + birth + 1
    const mask = this.capacity - 1
    const rows = this.rows
    // Murmur3's finalizer over the key's two halves.
    let hash = Math.imul(birth, 0x9e3779b1) ^ Math.imul(locality + 1, 0x85ebca6b)
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
    for (let slot = (hash ^ (hash >>> 13)) & mask; ; slot = (slot + 1) & mask) {
      const stored = rows[slot * ROW + KEY] as number
      if (stored === key) return slot
      if (stored === 0) return -1 - slot
    }
  }

  /** Adds the standing of a key not in the table, and gives its slot. */
  add(standing: Standing, birth: number): number {
    if (this.size + 1 > fullAt(this.capacity)) this.#grow()
    const { id } = standing.locality
    const slot = -1 - this.find(id, birth)
    const at = slot * ROW
    this.rows[at + KEY] = id * BIRTH_CODES + birth + 1
    this.rows[at + EARLIEST] = standing.earliest
    this.rows[at + LATEST] = standing.latest
    this.rows[at + ADULT_EARLIEST] = standing.adultEarliest
    this.objects[slot * OBJECTS + STANDING] = standing
    this.objects[slot * OBJECTS + AGE_REASON] = standing.ageReason
    this.size++
    return slot
  }

  /** An instant of the standing in `slot`: {@link EARLIEST}, {@link LATEST} or {@link ADULT_EARLIEST}. */
  instant(slot: number, field: typeof EARLIEST | typeof LATEST | typeof ADULT_EARLIEST): number {
    return this.rows[slot * ROW + field] as number
  }

  /** Where the objects of the standing in `slot` start in `objects`. */
  objectsAt(slot: number): number {
    return slot * OBJECTS
  }

  /** Doubles the table, each row moved whole (its kept reasons with it) to its slot in the larger one. */
  #grow(): void {
    const { rows, objects } = this
    this.rows = new Float64Array(rows.length * 2)
    this.objects = new Array(objects.length * 2).fill(undefined)
    for (let from = 0; from * OBJECTS < objects.length; from++) {
      const key = (rows[from * ROW + KEY] as number) - 1
      if (key < 0) continue
      const to = -1 - this.find(Math.floor(key / BIRTH_CODES), key % BIRTH_CODES)
      this.rows.set(rows.subarray(from * ROW, from * ROW + ROW), to * ROW)
      for (let field = 0; field < OBJECTS; field++) this.objects[to * OBJECTS + field] = objects[from * OBJECTS + field]
    }
  }
}

/** A country's localities: the one for members without a zone, and one per zone given. */
interface CountryLocalities {
  inferred: Locality | undefined
  readonly byZone: Map<string, Locality>
}

/** A policy's localities and standings. Emptied rather than grown when full: memory stays bounded over any number of members. */
interface Cache {
  /** By country, at the index its two letters give (`AA` 0 to `ZZ` 675): an array read rather than a Map's look-up. */
  readonly countries: (CountryLocalities | undefined)[]
  count: number
  readonly table: StandingTable
}
/** What 65,536 slots hold (3.4 MB of rows and objects): the table is emptied before it would double to 131,072. */
export const STANDINGS_LIMIT = fullAt(65_536)
const LOCALITIES_LIMIT = 10_000

const caches = new WeakMap<CompiledPolicy, Cache>()
// The policy of the last query, whose cache the next one nearly always wants.
let lastCompiled: CompiledPolicy | undefined
let lastCache: Cache | undefined

/** The policy's cache, a new one when the last is full. */
export function cacheOf(compiled: CompiledPolicy): Cache {
  let cache = compiled === lastCompiled ? lastCache : caches.get(compiled)
  if (cache === undefined || cache.table.size >= STANDINGS_LIMIT || cache.count >= LOCALITIES_LIMIT) {
    cache = { countries: new Array(26 * 26).fill(undefined), count: 0, table: new StandingTable() }
    caches.set(compiled, cache)
  }
  lastCompiled = compiled
  lastCache = cache
  return cache
}

/** The locality of a country (an ISO 3166-1 alpha-2 code, as read) and a zone (undefined: the country's zones). */
export function localityOf(cache: Cache, compiled: CompiledPolicy, country: string, timeZone: string | undefined): Locality {
  const index = (country.charCodeAt(0) - 65) * 26 + country.charCodeAt(1) - 65
  const localities = (cache.countries[index] ??= { inferred: undefined, byZone: new Map() })
  if (timeZone === undefined) return (localities.inferred ??= computeLocality(cache.count++, compiled, country, undefined))
  let locality = localities.byZone.get(timeZone)
  if (locality === undefined) {
    locality = computeLocality(cache.count++, compiled, country, timeZone)
    localities.byZone.set(timeZone, locality)
  }
  return locality
}

/** The slot of the standing of a locality and a birth date, computed when first asked. */
export function standingSlot(cache: Cache, compiled: CompiledPolicy, locality: Locality, birth: BirthCode): number {
  const slot = cache.table.find(locality.id, birth)
  return slot >= 0 ? slot : cache.table.add(computeStanding(compiled.policy, locality, birth), birth)
}

function computeLocality(id: number, compiled: CompiledPolicy, country: string, timeZone: string | undefined): Locality {
  const place = compiled.placeOf(country)
  const zones = timeZone === undefined ? compiled.zonesOf(country) : [timeZone]
  const starts = zones.map((zone) => place.readings.map((reading) => startOfDay(zone, reading.day)))
  return {
    id,
    country,
    region: place.region,
    rollout: place.rollout,
    reportedRollout: place.reported,
    alsoReadAs: place.alsoReadAs,
    zones,
    zoneInferred: timeZone === undefined,
    starts,
    rolloutEarliest: Math.min(...starts.flat()),
    reasons: localityReasons(compiled.policy, country, place, timeZone === undefined ? zones : undefined, starts),
    'rollout-not-started': undefined,
    'opted-out': undefined,
    'opted-out-before-start': undefined,
  }
}

/** The reasons that follow from the locality: its rollout, an ambiguous territory, the zones used when none was given. */
function localityReasons(policy: Policy, country: string, place: Place, inferredZones: readonly string[] | undefined, starts: readonly (readonly number[])[]): readonly Reason[] {
  const { rollout, region, alsoReadAs } = place
  const reasons: Reason[] = [
    {
      code: 'rollout',
      message: `${country} is in region ${region} (${policy.regions[region].name}); rollout "${rollout.id}" takes effect on ${rollout.effective} (${rollout.confidence}), at the start of that day in the member's time zone`,
      source: rollout.source,
    },
  ]
  const territory = policy.territories[country]
  if (alsoReadAs !== undefined && territory !== undefined) {
    reasons.push({
      code: 'territory-ambiguous',
      message: `${territory.note}; read as ${region} for the earliest start, and as ${alsoReadAs} for the latest`,
      source: territory.source,
    })
  }
  if (inferredZones !== undefined) {
    // The reported rollout's start over the zones alone.
    const reported = place.readings.findIndex((reading) => reading.rollout === rollout)
    const spread = starts.map((zoneStarts) => zoneStarts[reported] as number)
    const low = Math.min(...spread)
    const high = Math.max(...spread)
    reasons.push({
      code: 'time-zone-inferred',
      message:
        `No time zone given; used ${country}'s zones (${inferredZones.join(', ')})` +
        (low === high ? '' : `, whose days start at different instants: the rollout starts there between ${iso(low)} and ${iso(high)}`),
      source: rollout.source,
    })
  }
  return reasons.map((reason) => Object.freeze(reason))
}

function computeStanding(policy: Policy, locality: Locality, birth: BirthCode): Standing {
  const birthDays = birth === NO_BIRTH_DATE ? undefined : adultDays(birth, policy.age.adultAge)
  const scenarios: Scenario[] = []
  const adults: number[] = []
  locality.zones.forEach((zone, index) => {
    const zoneAdults = birthDays === undefined ? [Number.NEGATIVE_INFINITY] : birthDays.map((day) => startOfDay(zone, day))
    adults.push(...zoneAdults)
    for (const rolloutStart of locality.starts[index] as readonly number[]) {
      for (const adult of zoneAdults) {
        const start = Math.max(rolloutStart, adult)
        if (!scenarios.some((each) => each.start === start && each.adult === adult)) scenarios.push({ start, adult })
      }
    }
  })
  const starts = scenarios.map((scenario) => scenario.start)
  const adultEarliest = birthDays === undefined ? Number.NEGATIVE_INFINITY : Math.min(...adults)
  return {
    locality,
    scenarios,
    earliest: Math.min(...starts),
    latest: Math.max(...starts),
    adultEarliest,
    ageReason: Object.freeze(ageReason(policy, birth, adultEarliest, birthDays === undefined ? Number.POSITIVE_INFINITY : Math.max(...adults))),
  }
}

/** What the birth date says (the 18th birthday between `low` and `high`), or that none was given. */
function ageReason(policy: Policy, birth: BirthCode, low: number, high: number): Reason {
  if (birth === NO_BIRTH_DATE) {
    return { code: 'age-not-given', message: 'No birth date given; the member is taken to be 18 or over', source: policy.age.source }
  }
  const at = low === high ? `at ${iso(low)}` : `between ${iso(low)} and ${iso(high)}`
  return !isYearAlone(birth)
    ? { code: 'adult-from', message: `The member turns ${policy.age.adultAge} ${at}, the start of that birthday in their time zone`, source: policy.age.source }
    : { code: 'birth-year-only', message: `Only the birth year is known: the member turns ${policy.age.adultAge} ${at}`, source: policy.age.source }
}

/**
 * A policy checked once and turned into the look-ups the evaluator reads: a
 * country's region (or none), its timelines with their civil days, its zones.
 */
import { PolicyInputError } from '../errors'
import { countryZones } from '../region/country-zones'
import { parseCivilDate } from '../time/civil'
import { isChecked } from './checked'
import type { Policy, PolicyPhase } from './schema'

/** A phase with its civil days (since 1970-01-01); an unknown end day is a range, an open one Infinity. */
export interface DatedPhase {
  /** `region/phase`, the phase's name in reasons and windows. */
  readonly key: string
  readonly region: string
  readonly phase: PolicyPhase
  readonly start: number
  /** The earliest and the latest end day: equal when the end is known. */
  readonly endEarliest: number
  readonly endLatest: number
}

/** Where a country stands under a policy. */
export interface Place {
  /** Its region; `null` outside every region of a policy that answers those `undetermined`. */
  readonly region: string | null
  /** A second region the territory may belong to (JE, GG, IM: UK). */
  readonly alsoReadAs: string | null
  /** Each reading's phases: one reading, or two for an ambiguous territory; none outside the policy. */
  readonly readings: readonly (readonly DatedPhase[])[]
  /** Every reading's phases as the policy states them, each with its region: frozen, shared by every report. */
  readonly timeline: readonly (PolicyPhase & { readonly region: string })[]
}

/** A validated policy and its look-ups. */
export interface CompiledPolicy {
  readonly policy: Policy
  /** The names of its opt-out channels. */
  readonly channels: readonly string[]
  placeOf(code: string): Place
  /** The zones in use in `code`: the policy's own, else tzdb's. */
  zonesOf(code: string): readonly string[]
}

const compiled = new WeakMap<object, CompiledPolicy>()

/**
 * Builds the look-ups of a checked policy (a built-in one, or one from
 * `policySchema.parse` or `definePolicy`), once per policy.
 *
 * @throws {PolicyInputError} when the policy was not checked
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const known = compiled.get(policy)
  if (known !== undefined) return known
  if (!isChecked(policy)) {
    throw new PolicyInputError('policy', [{ path: [], message: 'is not a checked policy: pass it through policySchema.parse() or definePolicy() first, or use a built-in one' }])
  }
  const day = (date: string) => parseCivilDate(date) as number
  const timelines = new Map<string, DatedPhase[]>()
  const home = new Map<string, string>()
  for (const [code, region] of Object.entries(policy.regions)) {
    for (const country of region.countries) home.set(country, code)
    timelines.set(
      code,
      region.timeline.map((phase) => {
        const { end } = phase
        const [endEarliest, endLatest] = end === null ? [Infinity, Infinity] : typeof end === 'string' ? [day(end), day(end)] : [day(end.earliest), day(end.latest)]
        return { key: `${code}/${phase.id}`, region: code, phase, start: day(phase.start), endEarliest, endLatest }
      }),
    )
  }
  const outside = 'region' in policy.outside ? policy.outside.region : null
  const places = new Map<string, Place>()
  const result: CompiledPolicy = {
    policy,
    channels: Object.keys(policy.channels),
    placeOf(code) {
      let place = places.get(code)
      if (place === undefined) {
        const region = home.get(code) ?? outside
        const alsoReadAs = policy.territories[code]?.alsoReadAs ?? null
        const readings = [region, alsoReadAs].flatMap((each) => (each === null ? [] : [timelines.get(each) as DatedPhase[]]))
        const timeline = Object.freeze(readings.flatMap((reading) => reading.map((phase) => Object.freeze({ region: phase.region, ...phase.phase }))))
        place = { region, alsoReadAs, readings, timeline }
        places.set(code, place)
      }
      return place
    },
    zonesOf: (code) => policy.zones[code]?.zones ?? countryZones[code] ?? [],
  }
  compiled.set(policy, result)
  return result
}

/**
 * A policy checked once and turned into look-ups the evaluator reads: a
 * country's region and zones, a region's rollout with its start day.
 */
import { countryZones } from '../region/country-zones'
import { memo } from '../cache'
import { reading } from '../input'
import { linkedinGenAi } from './linkedin'
import { parseCivilDate } from '../time/civil'
import { type Policy, type PolicyRollout, type RegionCode, readPolicy, regionCodes } from './schema'

/** A rollout with its effective civil day (days since 1970-01-01). */
export interface DatedRollout {
  readonly rollout: PolicyRollout
  readonly day: number
}

/** A country's standing under a policy. */
export interface Place {
  readonly region: RegionCode
  /** A second region the territory may belong to (JE, GG, IM: UK). */
  readonly alsoReadAs: RegionCode | undefined
  /** The rollout of each reading: one, or two for an ambiguous territory. */
  readonly readings: readonly DatedRollout[]
  /** The rollout reported: the earliest reading's. */
  readonly rollout: PolicyRollout
  /** That rollout as reports show it: one frozen object, shared by every report. */
  readonly reported: { readonly id: string; readonly effective: string }
}

/** A validated policy and its look-up tables. */
export interface CompiledPolicy {
  readonly policy: Policy
  /** Where `code` stands: its region (ROW unless a region lists it), its readings and rollout. */
  placeOf(code: string): Place
  /** The zones in use in `code`: the policy's own, else tzdb's. */
  zonesOf(code: string): readonly string[]
}

const compiled = new WeakMap<object, CompiledPolicy>()
let lastPolicy: Policy | undefined
let lastCompiled: CompiledPolicy | undefined

/**
 * Validates `policy` with `policySchema` (once per object) and builds its tables.
 * The built-in policy, frozen and checked by the test suite, is not validated
 * again at run time: start-up pays only for what a query needs.
 *
 * @throws {PolicyInputError} when the policy is not valid
 */
export function compilePolicy(policy: Policy): CompiledPolicy {
  // Nearly every query asks for the policy the last one asked for.
  if (policy === lastPolicy && lastCompiled !== undefined) return lastCompiled
  const cached = typeof policy === 'object' && policy !== null ? compiled.get(policy) : undefined
  if (cached) {
    lastPolicy = policy
    lastCompiled = cached
    return cached
  }
  const valid = policy === linkedinGenAi ? policy : (reading('policy', readPolicy, policy) as Policy)
  const region = new Map<string, RegionCode>()
  for (const code of regionCodes) for (const country of valid.regions[code].countries) region.set(country, code)
  const rollouts = new Map<RegionCode, DatedRollout>()
  for (const rollout of valid.rollouts) {
    for (const code of rollout.regions) rollouts.set(code, { rollout, day: parseCivilDate(rollout.effective) as number })
  }
  const rolloutOf = (code: RegionCode) => rollouts.get(code) as DatedRollout
  const places = new Map<string, Place>()
  const result: CompiledPolicy = {
    policy: valid,
    // Built once per country: every standing and resolveRegion call asks for it.
    placeOf: (code) =>
      memo(places, code, Number.POSITIVE_INFINITY, () => {
        const home = region.get(code) ?? 'ROW'
        const alsoReadAs = valid.territories[code]?.alsoReadAs
        const readings = alsoReadAs === undefined ? [rolloutOf(home)] : [rolloutOf(home), rolloutOf(alsoReadAs)]
        const earliest = readings.reduce((a, b) => (b.day < a.day ? b : a))
        const { rollout } = earliest
        return { region: home, alsoReadAs, readings, rollout, reported: Object.freeze({ id: rollout.id, effective: rollout.effective }) }
      }),
    zonesOf: (code) => valid.zones[code]?.zones ?? countryZones[code] ?? [],
  }
  compiled.set(policy, result)
  lastPolicy = policy
  lastCompiled = result
  return result
}

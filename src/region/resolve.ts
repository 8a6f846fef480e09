/** A country's region and timeline under a policy: `resolveRegion`. */
import { describeValue, PolicyInputError } from '../errors'
import { compilePolicy } from '../policy/compile'
import type { linkedinGenAi } from '../policy/linkedin'
import { linkedinGenAi as defaultPolicy } from '../policy/linkedin'
import type { Policy, PolicyPhase, RegionOf } from '../policy/schema'
import { readCountry } from './codes'

/** Where a country stands under a policy. */
export interface RegionInfo<R extends string = string> {
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** The zone of the place named, where it keeps its own clocks (`Canary Islands`: `Atlantic/Canary`); else `null`. */
  readonly zone: string | null
  /** Its region; `null` outside every region of a policy that answers those `undetermined`. */
  readonly region: R | null
  /** A second region the territory may be read as (JE, GG, IM: the UK); `null` for most. */
  readonly alsoReadAs: R | null
  /** The phases of use of `region` (and of `alsoReadAs`), each with its region. */
  readonly timeline: readonly (PolicyPhase & { readonly region: R })[]
}

/**
 * Reads a country (code, alias, alpha-3, numeric, a name in any language, or
 * a place such as `England`) and tells its region and timeline under a policy.
 *
 * @param country - `DE`, `deu`, `276`, `UK`, `EL`, `Germany`, `Deutschland`, `Canary Islands`, ...
 * @param options - `policy`, default {@link linkedinGenAi}; `locale`, the language names are tried in first (`pl`: `Kongo` is CG)
 * @throws {PolicyInputError} when the country is unknown, fits several countries, or the policy is not valid
 * @example
 * resolveRegion('UK').region //=> 'UK'
 * resolveRegion('HK').timeline.map((phase) => phase.id) //=> ['2024-global', '2025-six-regions']
 * resolveRegion('JE').alsoReadAs //=> 'UK'
 * resolveRegion('Kongo', { locale: 'pl' }).country //=> 'CG'
 * resolveRegion('Canary Islands').zone //=> 'Atlantic/Canary'
 */
export function resolveRegion<P extends Policy = typeof linkedinGenAi>(country: string, options?: { policy?: P | undefined; locale?: string | undefined }): RegionInfo<RegionOf<P>> {
  if (typeof country !== 'string') {
    throw new PolicyInputError('country', [{ path: [], message: `expected a string, got ${describeValue(country)}` }])
  }
  const read = readCountry(country, options?.locale)
  if (!read.ok) throw new PolicyInputError('country', [{ path: [], message: `${describeValue(country)} ${read.problem}` }])
  const { region, alsoReadAs, timeline } = compilePolicy(options?.policy ?? defaultPolicy).placeOf(read.code)
  return { country: read.code, zone: read.zone ?? null, region, alsoReadAs, timeline } as unknown as RegionInfo<RegionOf<P>>
}

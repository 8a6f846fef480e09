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
  /** Its region; `null` outside every region of a policy that answers those `undetermined`. */
  readonly region: R | null
  /** A second region the territory may be read as (JE, GG, IM: the UK); `null` for most. */
  readonly alsoReadAs: R | null
  /** The phases of use of `region` (and of `alsoReadAs`), each with its region. */
  readonly timeline: readonly (PolicyPhase & { readonly region: R })[]
}

/**
 * Reads a country (code, alias, alpha-3, numeric or name) and tells its region
 * and timeline under a policy.
 *
 * @param country - `DE`, `deu`, `276`, `UK`, `EL`, `Germany`, ...
 * @param options - `policy`, default {@link linkedinGenAi}
 * @throws {PolicyInputError} when the country is unknown, or the policy is not valid
 * @example
 * resolveRegion('UK').region //=> 'UK'
 * resolveRegion('HK').timeline.map((phase) => phase.id) //=> ['2024-global', '2025-six-regions']
 * resolveRegion('JE').alsoReadAs //=> 'UK'
 */
export function resolveRegion<P extends Policy = typeof linkedinGenAi>(country: string, options?: { policy?: P | undefined }): RegionInfo<RegionOf<P>> {
  if (typeof country !== 'string') {
    throw new PolicyInputError('country', [{ path: [], message: `expected a string, got ${describeValue(country)}` }])
  }
  const read = readCountry(country)
  if (!read.ok) throw new PolicyInputError('country', [{ path: [], message: `${describeValue(country)} ${read.problem}` }])
  const { region, alsoReadAs, timeline } = compilePolicy(options?.policy ?? defaultPolicy).placeOf(read.code)
  return { country: read.code, region, alsoReadAs, timeline } as unknown as RegionInfo<RegionOf<P>>
}

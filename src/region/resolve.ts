/** A country's region and rollout under a policy: `resolveRegion`. */
import { describeValue, PolicyInputError } from '../errors'
import { compilePolicy } from '../policy/compile'
import { linkedinGenAi } from '../policy/linkedin'
import type { Policy, RegionCode } from '../policy/schema'
import { readCountry } from './codes'

/** Where a country stands under a policy. */
export interface RegionInfo {
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  readonly region: RegionCode
  /** The rollout that applies; for an ambiguous territory, the earliest reading. */
  readonly rollout: { readonly id: string; readonly effective: string }
  /** The territory may also be read as another region (JE, GG, IM: the UK). */
  readonly ambiguous: boolean
}

/**
 * Reads a country (code, alias, alpha-3, numeric or name) and tells its region
 * and rollout.
 *
 * @param country - `DE`, `deu`, `276`, `UK`, `EL`, `Germany`, ...
 * @param options - `policy`, default {@link linkedinGenAi}
 * @returns the ISO code, region, rollout and whether the territory is ambiguous
 * @throws {PolicyInputError} when the country is unknown
 * @example
 * resolveRegion('UK') //=> { country: 'GB', region: 'UK', rollout: { id: '2025-six-regions', effective: '2025-11-03' }, ambiguous: false }
 * resolveRegion('JE').ambiguous //=> true
 */
export function resolveRegion(country: string, options?: { policy?: Policy | undefined }): RegionInfo {
  if (typeof country !== 'string') {
    throw new PolicyInputError('country', [{ path: [], message: `expected a string, got ${describeValue(country)}` }])
  }
  const read = readCountry(country)
  if (!read.ok) throw new PolicyInputError('country', [{ path: [], message: `${describeValue(country)} ${read.problem}` }])
  const { region, reported, alsoReadAs } = compilePolicy(options?.policy ?? linkedinGenAi).placeOf(read.code)
  return { country: read.code, region, rollout: reported, ambiguous: alsoReadAs !== undefined }
}

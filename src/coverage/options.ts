/** Options every query takes: the instant asked about and the policy. */
import * as z from 'zod/mini'
import { compilePolicy, type CompiledPolicy } from '../policy/compile'
import { linkedinGenAi } from '../policy/linkedin'
import type { Policy } from '../policy/schema'
import { describeValue } from '../errors'
import { parseWith } from '../issues'
import { type InstantInput, instantSchema } from './member'

/** Options of `coverage`, `dataUse` and friends. */
export interface CoverageOptions {
  /** The instant the status is asked for: a string with `Z` or an offset, or a Date. Default: now. */
  asOf?: InstantInput | undefined
  /** The policy to evaluate. Default: {@link linkedinGenAi}. Checked by `policySchema` once per object. */
  policy?: Policy | undefined
}

const optionsSchema = z.optional(
  z.strictObject({
    asOf: z.optional(instantSchema),
    policy: z.optional(z.custom<Policy>((value) => typeof value === 'object' && value !== null, {
      error: (issue) => `${describeValue(issue.input)} is not a policy object`,
    })),
  }),
)

/** Reads options: the instant asked about (epoch ms) and the compiled policy. */
export function readOptions(options: CoverageOptions | undefined): { asOf: number; compiled: CompiledPolicy } {
  const read = parseWith(optionsSchema, 'options', options)
  return {
    asOf: read?.asOf?.getTime() ?? Date.now(),
    compiled: compilePolicy(read?.policy ?? linkedinGenAi),
  }
}

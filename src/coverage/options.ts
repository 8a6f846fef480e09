/** Options every query takes: the instant asked about and the policy. */
import { PolicyInputError } from '../errors'
import { type Read, type Reader, tryReading } from '../input'
import { compilePolicy, type CompiledPolicy } from '../policy/compile'
import { linkedinGenAi } from '../policy/linkedin'
import type { Policy } from '../policy/schema'
import type { InstantInput } from './member'

/** Options of `coverage`, `dataUse` and friends. */
export interface CoverageOptions {
  /** The instant the status is asked for: a string with `Z` or an offset, or a Date. Default: now. */
  asOf?: InstantInput | undefined
  /** The policy to evaluate. Default: {@link linkedinGenAi}. Checked by `policySchema` once per object. */
  policy?: Policy | undefined
}

const isOptionField = (key: string) => key === 'asOf' || key === 'policy'
const AT = { root: Object.freeze([]), asOf: Object.freeze(['asOf']), policy: Object.freeze(['policy']) }

function read(reader: Reader, options: unknown): ReadOptions {
  if (options === undefined) return { asOf: Date.now(), compiled: compilePolicy(linkedinGenAi) }
  const record = reader.object(AT.root, options, isOptionField)
  const asOf = record?.asOf === undefined ? Date.now() : reader.instant(AT.asOf, record.asOf)
  const policy = record?.policy
  if (policy !== undefined && (policy === null || typeof policy !== 'object')) reader.fail(AT.policy, policy, 'is not a policy object')
  // A bad policy is reported on its own (kind 'policy'), once the options themselves read well.
  if (reader.issues.length > 0) return { asOf: 0, compiled: compilePolicy(linkedinGenAi) }
  return { asOf: asOf ?? 0, compiled: compilePolicy((policy as Policy | undefined) ?? linkedinGenAi) }
}

/** Options as read: the instant asked about (epoch ms) and the compiled policy. */
export interface ReadOptions {
  readonly asOf: number
  readonly compiled: CompiledPolicy
}

/** Reads options, or gives the problems back. */
export function tryOptions(options: CoverageOptions | undefined): Read<ReadOptions> {
  return tryReading('options', read, options)
}

/** Reads options, throwing the problems as a PolicyInputError. */
export function readOptions(options: CoverageOptions | undefined): ReadOptions {
  const result = tryOptions(options)
  if (!result.ok) throw new PolicyInputError(result.kind, result.issues)
  return result.value
}

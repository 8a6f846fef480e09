/** Options every query takes: the instant asked about, the policy, the language of the reasons. */
import { PolicyInputError } from '../errors'
import { type Read, type Reader, tryReading } from '../input'
import { compilePolicy, type CompiledPolicy } from '../policy/compile'
import { linkedinGenAi } from '../policy/linkedin'
import type { Policy } from '../policy/schema'
import type { InstantInput } from './member'

/** Options of `coverage`, `dataUse` and friends. */
export interface CoverageOptions<P extends Policy = Policy> {
  /** The instant the status is asked for: a string with `Z` or an offset, or a Date. Default: now. */
  asOf?: InstantInput | undefined
  /** The policy to evaluate. Default: {@link linkedinGenAi}. Checked by `policySchema` once per object. */
  policy?: P | undefined
  /** The language of the reasons' texts, where the policy has them (`de`, `fr`); English otherwise. Country names are tried in it first (`pl`: `Kongo` is CG). Default `en`. */
  language?: string | undefined
}

const isOptionField = (key: string) => key === 'asOf' || key === 'policy' || key === 'language'

function read(reader: Reader, options: unknown): ReadOptions {
  if (options === undefined) return { asOf: Date.now(), compiled: compilePolicy(linkedinGenAi), language: 'en' }
  const record = reader.object([], options, isOptionField)
  const asOf = record?.asOf === undefined ? Date.now() : reader.instant(['asOf'], record.asOf)
  const language = record?.language === undefined ? 'en' : reader.string(['language'], record.language, false)
  const policy = record?.policy
  if (policy !== undefined && (policy === null || typeof policy !== 'object')) reader.fail(['policy'], policy, 'is not a policy object')
  // A bad policy is reported on its own (kind 'policy'), once the options themselves read well.
  if (reader.issues.length > 0) return { asOf: 0, compiled: compilePolicy(linkedinGenAi), language: 'en' }
  return { asOf: asOf ?? 0, compiled: compilePolicy((policy as Policy | undefined) ?? linkedinGenAi), language: language ?? 'en' }
}

/** Options as read: the instant asked about (epoch ms), the compiled policy, the language. */
export interface ReadOptions {
  readonly asOf: number
  readonly compiled: CompiledPolicy
  readonly language: string
}

/** Reads options, or gives the problems back. */
export function tryOptions(options: unknown): Read<ReadOptions> {
  return tryReading('options', read, options)
}

/** Reads options, throwing the problems as a PolicyInputError. */
export function readOptions(options: unknown): ReadOptions {
  const result = tryOptions(options)
  if (!result.ok) throw new PolicyInputError(result.kind, result.issues)
  return result.value
}

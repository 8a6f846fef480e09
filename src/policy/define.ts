/** `definePolicy`: a policy written in code, checked, typed from its literal and frozen. */
import { PolicyInputError } from '../errors'
import { issuesOf } from '../zod'
import { markChecked } from './checked'
import { type Policy, policySchema } from './schema'

/**
 * A policy written in code: checked by `policySchema` and frozen, with its
 * region codes, categories and channels typed from its literal, so that
 * editors offer them in `coverage` and `dataUse`.
 *
 * @throws {PolicyInputError} when the policy is not valid, each issue with its path inside it
 * @example
 * const policy = definePolicy({ ...linkedinGenAi, id: 'linkedin-genai-reading-b', version: '1' })
 * coverage({ country: 'HK' }, { policy, asOf: '2026-01-01T00:00:00Z' }).policy //=> 'linkedin-genai-reading-b'
 */
export function definePolicy<const R extends string, const C extends string, const H extends string>(policy: Policy<R, C, H>): Policy<R, C, H> {
  const parsed = policySchema.safeParse(policy)
  if (!parsed.success) throw new PolicyInputError('policy', issuesOf(parsed.error.issues))
  return markChecked(parsed.data) as unknown as Policy<R, C, H>
}

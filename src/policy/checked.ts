/**
 * Which policies have been checked: the built-in ones (by the test suite), also
 * with the German and French texts `withLanguages` adds (checked there too), and
 * every one that came out of `policySchema` or `definePolicy`, frozen so that
 * it cannot change after its check. The evaluator answers only for these; it
 * never loads the schema itself, so an app that uses the built-in policies
 * does not ship zod's object schemas.
 */
import type { Policy } from './schema'

const checked = new WeakSet<object>()

/** Freezes `value` and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}

/** Records a policy as checked, frozen. */
export function markChecked<T extends object>(policy: T): T {
  checked.add(deepFreeze(policy))
  return policy
}

/** Whether `policy` was checked (and so is frozen). */
export const isChecked = (policy: object): boolean => checked.has(policy)

/**
 * A built-in policy: typed from its literal, frozen and taken as checked (the
 * test suite checks each with `policySchema`).
 */
export function builtIn<const R extends string, const C extends string, const H extends string>(policy: Policy<R, C, H>): Policy<R, C, H> {
  return markChecked(policy)
}

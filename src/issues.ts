/**
 * Turns zod's issues into `PolicyIssue`s whose messages name the value found,
 * and parses with a schema into a value or a `PolicyInputError`.
 */
import type * as z from 'zod/mini'
import { describeValue, type InputKind, type PolicyIssue, PolicyInputError } from './errors'

type ZodIssue = z.core.$ZodIssue

// Reads the value at `path` without running anything user-supplied beyond plain
// property reads; a throwing getter or proxy trap reads as undefined.
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const key of path) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
    try {
      value = (value as Record<PropertyKey, unknown>)[key]
    } catch {
      return undefined
    }
  }
  return value
}

function expected(issue: ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'date') return 'a Date'
    return /^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`
  }
  if (issue.code === 'invalid_union') {
    const parts = issue.errors.map((branch) => (branch.length === 1 && branch[0] ? expected(branch[0]) : undefined))
    return parts.every((part) => part !== undefined) ? parts.join(' or ') : undefined
  }
  return undefined
}

function messageFor(issue: ZodIssue, value: unknown): string {
  const got = describeValue(value)
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union': {
      if (value === undefined) return 'is missing'
      const wanted = expected(issue)
      return wanted === undefined ? `${got} is not valid here` : `expected ${wanted}, got ${got}`
    }
    case 'invalid_value':
      return `${value === undefined ? 'is missing: ' : ''}expected one of ${issue.values.map((each) => JSON.stringify(each)).join(', ')}, got ${got}`
    case 'too_small':
      return issue.origin === 'array' ? `${got} needs at least ${String(issue.minimum)} entries` : `${got} is too small or empty`
    case 'too_big':
      return `${got} is too large`
    default:
      return `${got} ${issue.message}`
  }
}

/** Converts zod issues found in `root` into path-and-message issues. */
export function toPolicyIssues(issues: readonly ZodIssue[], root: unknown): PolicyIssue[] {
  const out: PolicyIssue[] = []
  for (const issue of issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: `${JSON.stringify(key)} is not a known field` })
    } else if (issue.code === 'custom') {
      out.push({ path, message: issue.message })
    } else {
      out.push({ path, message: messageFor(issue, valueAt(root, issue.path)) })
    }
  }
  return out
}

/** Parses `input` with `schema`; throws a `PolicyInputError` for `kind` naming every problem. */
export function parseWith<T>(schema: z.ZodMiniType<T, unknown>, kind: InputKind, input: unknown): T {
  let result: ReturnType<typeof schema.safeParse>
  try {
    result = schema.safeParse(input)
  } catch (error) {
    // A getter or proxy trap of the caller's threw while the input was read.
    throw new PolicyInputError(kind, [{ path: [], message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }])
  }
  if (result.success) return result.data
  throw new PolicyInputError(kind, toPolicyIssues(result.error.issues, input))
}

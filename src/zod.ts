/**
 * zod's issues in this library's words: each names its path and the value
 * found there. zod/mini ships no messages ("Invalid input"), and setting its
 * global locale would change the caller's own schemas: so they are worded here.
 */
import type * as z from 'zod/mini'
import { describeValue, type PolicyIssue } from './errors'

/** The value at `path` inside `input`, or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** One zod issue as the library's issues (an unknown-keys issue gives one per key). */
function worded(issue: z.core.$ZodIssue, input: unknown, base: readonly PropertyKey[]): PolicyIssue[] {
  const path = [...base, ...issue.path].map((key) => (typeof key === 'number' ? key : String(key)))
  const value = valueAt(input, path)
  const shown = value === undefined ? 'is missing' : describeValue(value)
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: `${JSON.stringify(key)} is not a known field` }))
    case 'invalid_type':
      return [{ path, message: value === undefined ? 'is missing' : `expected ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, got ${shown}` }]
    case 'invalid_value':
      return [{ path, message: `${value === undefined ? 'is missing: ' : ''}expected one of ${issue.values.map((each) => JSON.stringify(each)).join(', ')}, got ${shown}` }]
    case 'invalid_union':
      return [{ path, message: value === undefined ? 'is missing' : `${shown} has none of the allowed forms` }]
    case 'invalid_format':
      return [{ path, message: `${shown} is not a ${issue.format === 'url' ? 'URL' : issue.format}` }]
    case 'invalid_key':
      return issue.issues.map((inner) => ({ path, message: `the key ${JSON.stringify(path.at(-1))} ${inner.message}` }))
    default:
      // The library's own checks word their problem as "is ...", to follow the value.
      return [{ path, message: issue.message.startsWith('is ') && value !== undefined ? `${shown} ${issue.message}` : issue.message }]
  }
}

/** zod's issues for `input`, worded: paths from the argument, values named. */
export function issuesOf(issues: readonly z.core.$ZodIssue[], input: unknown): PolicyIssue[] {
  return issues.flatMap((issue) => worded(issue, input, []))
}

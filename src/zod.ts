/**
 * zod's issues in this library's words: each names the value found. zod/mini
 * ships no messages ("Invalid input"), and setting its global locale would
 * change the caller's own schemas: so every schema here is made with
 * {@link worded}, and a check's problem with {@link is}.
 */
import type * as z from 'zod/mini'
import { describeValue, type PolicyIssue } from './errors'

type RawIssue = z.core.$ZodRawIssue

/** A zod issue's message, naming the value. */
function messageOf(issue: RawIssue): string {
  const { input } = issue
  const shown = input === undefined ? 'is missing' : describeValue(input)
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys as string[]).map((key) => `${JSON.stringify(key)} is not a known field`).join('; ')
    case 'invalid_type':
      return input === undefined ? 'is missing' : `expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${String(issue.expected)}`}, got ${shown}`
    case 'invalid_value':
      return `${input === undefined ? 'is missing: ' : ''}expected one of ${(issue.values as unknown[]).map((each) => JSON.stringify(each)).join(', ')}, got ${shown}`
    case 'invalid_union':
      return input === undefined ? 'is missing' : `${shown} has none of the allowed forms`
    case 'too_small':
      return `${shown} is too short (at least ${String(issue.minimum)})`
    default:
      return `${shown} is not valid`
  }
}

/** Schema parameters that word its issues the library's way. */
export const worded = { error: messageOf }

/** Check parameters: the value named, then `problem` ("is not a real date YYYY-MM-DD"). */
export const is = (problem: string) => ({ error: (issue: RawIssue) => (issue.input === undefined ? 'is missing' : `${describeValue(issue.input)} ${problem}`) })

/** zod's issues as the library's: an unknown-keys issue gives one per key, with its path. */
export function issuesOf(issues: readonly z.core.$ZodIssue[]): PolicyIssue[] {
  return issues.flatMap((issue): PolicyIssue[] => {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)))
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: `${JSON.stringify(key)} is not a known field` }))
    if (issue.code === 'invalid_key') return issue.issues.map((inner) => ({ path, message: `the key ${inner.message}` }))
    return [{ path, message: issue.message }]
  })
}

/** The library's readers as zod schemas, for callers who compose zod schemas. */
import * as z from 'zod/mini'
import { type Read, type Reader, tryReading } from './input'
import type { InputKind } from './errors'

/** A zod schema whose parse runs `read` and turns its problems into zod issues. */
export function readerSchema<T>(kind: InputKind, read: (reader: Reader, input: unknown) => T | undefined): z.ZodMiniType<T, unknown> {
  return z.pipe(
    z.unknown(),
    z.transform((input, context): T => {
      const result: Read<T | undefined> = tryReading(kind, read, input)
      if (result.ok && result.value !== undefined) return result.value
      for (const issue of result.ok ? [] : result.issues) context.issues.push({ code: 'custom', message: issue.message, path: [...issue.path], input })
      return z.NEVER
    }),
  )
}

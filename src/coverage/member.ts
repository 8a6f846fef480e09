/**
 * The member as callers give it (`MemberInput`), and `memberSchema`, which
 * checks it and reads it into a `Member`: an ISO code, a real birth date, a
 * known zone, instants. Bad input becomes issues naming the field and value.
 */
import * as z from 'zod/mini'
import { describeValue } from '../errors'
import { readCountry } from '../region/codes'
import { parseCivilDate } from '../time/civil'
import { isDate, readInstant } from '../time/instant'
import { canonicalZone } from '../time/zone'
import type { OptOutChannel } from '../policy/schema'

/** An instant as input: an ISO 8601 string with `Z` or an offset, or a `Date`. */
export type InstantInput = string | Date

/** A member as you describe them. Only `country` is required. */
export interface MemberInput {
  /** `DE`, `deu`, `276`, `UK`, `EL`, or a name in a registered locale (`Germany`). */
  country: string
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known. Omitted: treated as an adult (from JSON, `null` reads as omitted). */
  birthDate?: string | undefined
  /** IANA zone (`Europe/Berlin`, aliases such as `Asia/Calcutta`). Omitted: the country's zones. */
  timeZone?: string | undefined
  /** LinkedIn has reason to believe the member is under 18 (e.g. in secondary school). */
  secondarySchool?: boolean | undefined
  /** When the member opted out, and how: the setting (reversible) or the objection form (lasting). */
  optOuts?: readonly { at: InstantInput; via: OptOutChannel }[] | undefined
  /** When the member turned the setting back on. */
  optIns?: readonly { at: InstantInput }[] | undefined
}

/** A member as read by {@link memberSchema}. */
export interface Member {
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** As given: `YYYY-MM-DD` or `YYYY`. */
  readonly birthDate?: string
  /** The zone's IANA spelling. */
  readonly timeZone?: string
  readonly secondarySchool: boolean
  readonly optOuts: readonly { readonly at: Date; readonly via: OptOutChannel }[]
  readonly optIns: readonly { readonly at: Date }[]
}

type Context = z.core.ParsePayload<unknown>

function fail(context: Context, value: unknown, problem: string): typeof z.NEVER {
  const message = value === undefined ? 'is missing' : `${describeValue(value)} ${problem}`
  context.issues.push({ code: 'custom', message, input: value })
  return z.NEVER
}

/** An instant field: a string with an offset, or a valid Date. */
export const instantSchema = z.pipe(
  z.unknown(),
  z.transform((value, context): Date => {
    if (typeof value !== 'string' && !isDate(value)) {
      return fail(context, value, 'is not an instant: expected an ISO 8601 string with an offset, or a Date')
    }
    const instant = readInstant(typeof value === 'string' ? value.trim() : value)
    return instant.ok ? new Date(instant.ms) : fail(context, value, instant.problem)
  }),
)

const country = z.pipe(
  z.string(),
  z.transform((value, context) => {
    const result = readCountry(value)
    return result.ok ? result.code : fail(context, value, result.problem)
  }),
)

const birthDate = z.pipe(
  z.string(),
  z.transform((value, context) => {
    const text = value.trim()
    if (text === '') return fail(context, value, 'is empty')
    if (/^[0-9]{4}$/.test(text)) return text === '0000' ? fail(context, value, 'is not a year of the Gregorian calendar') : text
    if (parseCivilDate(text) !== undefined) return text
    return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)
      ? fail(context, value, 'is not a real calendar date')
      : fail(context, value, 'is not a birth date: expected YYYY-MM-DD or YYYY')
  }),
)

const timeZone = z.pipe(
  z.string(),
  z.transform((value, context) => {
    const text = value.trim()
    if (/^(UTC|GMT)?[+-][0-9]/i.test(text)) return fail(context, value, 'is a fixed offset, not a time zone; give an IANA zone such as Europe/Berlin')
    return canonicalZone(text) ?? fail(context, value, 'is not an IANA time zone such as Europe/Berlin')
  }),
)

/**
 * Checks a {@link MemberInput} and reads it into a {@link Member}. Unknown
 * fields are refused (a misspelt `birthdate` must not pass as "no birth date").
 *
 * @example
 * memberSchema.parse({ country: 'deu', optOuts: [{ at: '2025-12-01T10:00:00+01:00', via: 'setting' }] }).country //=> 'DE'
 */
export const memberSchema: z.ZodMiniType<Member, unknown> = z.pipe(
  z.strictObject({
    country,
    birthDate: z.nullish(birthDate),
    timeZone: z.nullish(timeZone),
    secondarySchool: z.nullish(z.boolean()),
    optOuts: z.nullish(z.array(z.strictObject({ at: instantSchema, via: z.enum(['setting', 'objection-form']) }))),
    optIns: z.nullish(z.array(z.strictObject({ at: instantSchema }))),
  }),
  z.transform((member): Member => {
    const out: { -readonly [K in keyof Member]: Member[K] } = {
      country: member.country,
      secondarySchool: member.secondarySchool ?? false,
      optOuts: member.optOuts ?? [],
      optIns: member.optIns ?? [],
    }
    if (member.birthDate != null) out.birthDate = member.birthDate
    if (member.timeZone != null) out.timeZone = member.timeZone
    return out
  }),
)

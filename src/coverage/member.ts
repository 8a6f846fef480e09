/**
 * The member as callers give it (`MemberInput`), read into facts: an ISO
 * code, a real birth date, a known zone, instants. Bad input becomes issues
 * naming the field and the value. `memberSchema` is the same reader as a zod
 * schema.
 */
import type * as z from 'zod/mini'
import type { Path, Reader } from '../input'
import type { OptOutChannel } from '../policy/schema'
import { readCountry } from '../region/codes'
import { digits, parseCivilDate } from '../time/civil'
import { canonicalZone } from '../time/zone'
import { readerSchema } from '../zod'

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

/** A member as the evaluator reads it: instants as epoch milliseconds. */
export interface MemberFacts {
  readonly country: string
  readonly birthDate: string | undefined
  readonly timeZone: string | undefined
  readonly secondarySchool: boolean
  readonly optOuts: readonly { readonly at: number; readonly via: OptOutChannel }[]
  readonly optIns: readonly number[]
}

const MEMBER_FIELDS = ['country', 'birthDate', 'timeZone', 'secondarySchool', 'optOuts', 'optIns'] as const
const CHANNELS = ['setting', 'objection-form'] as const satisfies readonly OptOutChannel[]

function birthDateOf(reader: Reader, value: string): string | undefined {
  const text = value.trim()
  if (text === '') return reader.fail(['birthDate'], value, 'is empty')
  if (text.length === 4 && digits(text, 0, 4) >= 0) return text === '0000' ? reader.fail(['birthDate'], value, 'is not a year of the Gregorian calendar') : text
  if (parseCivilDate(text) !== undefined) return text
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)
    ? reader.fail(['birthDate'], value, 'is not a real calendar date')
    : reader.fail(['birthDate'], value, 'is not a birth date: expected YYYY-MM-DD or YYYY')
}

function timeZoneOf(reader: Reader, value: string): string | undefined {
  const text = value.trim()
  if (/^(UTC|GMT)?[+-][0-9]/i.test(text)) return reader.fail(['timeZone'], value, 'is a fixed offset, not a time zone; give an IANA zone such as Europe/Berlin')
  return canonicalZone(text) ?? reader.fail(['timeZone'], value, 'is not an IANA time zone such as Europe/Berlin')
}

function listOf<T>(reader: Reader, path: Path, value: unknown, read: (entry: unknown, at: Path) => T | undefined): T[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return reader.wrongType(path, value, 'an array') ?? []
  const out: T[] = []
  for (let index = 0; index < value.length; index++) {
    const entry = read(value[index], [...path, index])
    if (entry !== undefined) out.push(entry)
  }
  return out
}

/** Reads a member; problems go to `reader`, and the result is only meaningful when it has none. */
export function readMember(reader: Reader, input: unknown): MemberFacts | undefined {
  const record = reader.object([], input, MEMBER_FIELDS)
  if (record === undefined) return undefined
  const countryText = reader.string(['country'], record.country, false)
  let country: string | undefined
  if (countryText !== undefined) {
    const read = readCountry(countryText)
    country = read.ok ? read.code : reader.fail(['country'], countryText, read.problem)
  }
  const birthText = reader.string(['birthDate'], record.birthDate, true)
  const zoneText = reader.string(['timeZone'], record.timeZone, true)
  const school = record.secondarySchool
  if (school !== undefined && school !== null && typeof school !== 'boolean') reader.wrongType(['secondarySchool'], school, 'a boolean')
  const member: MemberFacts = {
    country: country ?? '',
    birthDate: birthText === undefined ? undefined : birthDateOf(reader, birthText),
    timeZone: zoneText === undefined ? undefined : timeZoneOf(reader, zoneText),
    secondarySchool: school === true,
    optOuts: listOf(reader, ['optOuts'], record.optOuts, (entry, path) => {
      const optOut = reader.object(path, entry, ['at', 'via'])
      if (optOut === undefined) return undefined
      const at = reader.instant([...path, 'at'], optOut.at)
      const via = reader.oneOf([...path, 'via'], optOut.via, CHANNELS)
      return at === undefined || via === undefined ? undefined : { at, via }
    }),
    optIns: listOf(reader, ['optIns'], record.optIns, (entry, path) => {
      const optIn = reader.object(path, entry, ['at'])
      return optIn === undefined ? undefined : reader.instant([...path, 'at'], optIn.at)
    }),
  }
  return member
}

/**
 * Checks a {@link MemberInput} and reads it into a {@link Member}, as a zod
 * schema. Unknown fields are refused (a misspelt `birthdate` must not pass as
 * "no birth date").
 *
 * @example
 * memberSchema.parse({ country: 'deu', optOuts: [{ at: '2025-12-01T10:00:00+01:00', via: 'setting' }] }).country //=> 'DE'
 */
export const memberSchema: z.ZodMiniType<Member, unknown> = /* @__PURE__ */ readerSchema('member', (reader, input): Member | undefined => {
  const facts = readMember(reader, input)
  if (facts === undefined || reader.issues.length > 0) return undefined
  const member: { -readonly [K in keyof Member]: Member[K] } = {
    country: facts.country,
    secondarySchool: facts.secondarySchool,
    optOuts: facts.optOuts.map((optOut) => ({ at: new Date(optOut.at), via: optOut.via })),
    optIns: facts.optIns.map((at) => ({ at: new Date(at) })),
  }
  if (facts.birthDate !== undefined) member.birthDate = facts.birthDate
  if (facts.timeZone !== undefined) member.timeZone = facts.timeZone
  return member
})

/**
 * `ai-training-scope/schemas`: the policy's zod schema (`policySchema`,
 * `definePolicy`) and the library's inputs declared as zod schemas (the
 * member, a data item, the options), each checked by the same readers the
 * evaluator uses, with their JSON Schemas. Apart from the evaluator, so that
 * an app that only asks does not load or ship zod.
 */
import * as z from 'zod/mini'
import { describeValue } from './errors'
import { Reader, reading, trimmed } from './input'
import { is, worded } from './zod'
import { readCountry } from './region/codes'
import { readCreated } from './coverage/data-use'
import { birthOf, birthOfDate, type Member, type MemberFacts, readMember, timeZoneOf } from './coverage/member'
import { policySchema } from './policy/schema'
import { canonicalZone } from './time/zone'

export { definePolicy } from './policy/define'
export { policySchema }

const onValue = <T>(read: (value: T) => string | undefined) =>
  z.superRefine((value: T, context) => {
    const problem = read(value)
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem, input: value })
  })

/** The first problem a reading found (naming the value), or undefined. */
function problemOf(read: (reader: Reader, value: string) => unknown, value: string): string | undefined {
  const reader = new Reader()
  read(reader, value)
  return reader.issues[0]?.message
}

const instantSchema = z.union([z.string(worded), z.date(worded)], worded).check(onValue((value: string | Date) => problemOf((reader, each) => reader.instant([], each), value as string)))
const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema))

/**
 * A {@link MemberInput} as a declared zod schema: what `coverage` accepts,
 * checked by the same readers (country, birth date, zone, instants). Unknown
 * fields are refused (a misspelt `birthdate` must not pass as "no birth
 * date"). Its JSON Schema: `memberJsonSchema`. The channels of `optOuts[].via`
 * are the policy's, checked when a policy reads the member.
 *
 * @example
 * memberSchema.parse({ country: 'deu', optOuts: [{ at: '2025-12-01T10:00:00+01:00', via: 'setting' }] }).country //=> 'DE'
 */
export const memberSchema = /* @__PURE__ */ z.pipe(
  z.strictObject({
    country: z.string(worded).check(onValue((value: string) => {
      const read = readCountry(value)
      return read.ok ? undefined : `${describeValue(value)} ${read.problem}`
    })),
    // A Date is read by its UTC year, month and day. Whether it is after asOf is checked where asOf is known.
    birthDate: optional(
      z.union([z.string(worded), z.date(worded)], worded).check(
        onValue((value: string | Date) => problemOf((reader, each) => (typeof each === 'string' ? birthOf(reader, each, trimmed(each)) : birthOfDate(reader, each as unknown as Date)), value as string)),
      ),
    ),
    timeZone: optional(z.string(worded).check(onValue((value: string) => problemOf(timeZoneOf, value)))),
    secondarySchool: optional(z.boolean(worded)),
    optOuts: optional(z.array(z.strictObject({ at: instantSchema, via: z.string(worded).check(z.minLength(1, is('is empty'))) }, worded), worded)),
    optIns: optional(z.array(z.strictObject({ at: instantSchema }, worded), worded)),
  }, worded),
  z.transform((input): Member => {
    const facts = reading('member', readMember, input) as MemberFacts
    const member: { -readonly [K in keyof Member]: Member[K] } = {
      country: facts.country,
      secondarySchool: facts.secondarySchool,
      optOuts: facts.optOuts.map((optOut) => ({ at: new Date(optOut.at), via: optOut.via })),
      optIns: facts.optIns.map((at) => ({ at: new Date(at) })),
    }
    if (facts.birthDate !== undefined) member.birthDate = facts.birthDate
    if (facts.timeZone !== undefined) member.timeZone = facts.timeZone
    return member
  }),
)

/**
 * A data item as `dataUse` takes it, as a declared zod schema.
 *
 * @example
 * itemSchema.safeParse({ category: 'content', createdAt: '2024-10-11 09:30:00' }).success //=> true
 */
export const itemSchema = /* @__PURE__ */ z.strictObject({
  category: z.string(worded).check(z.minLength(1, is('is empty'))),
  createdAt: z.union([z.string(worded), z.date(worded)], worded).check(onValue((value: string | Date) => problemOf((reader, each) => readCreated(reader, each, undefined), value as string))),
  timeZone: z.optional(z.string(worded).check(onValue((value: string) => (canonicalZone(value.trim()) === undefined ? `${describeValue(value)} is not an IANA time zone such as Europe/Berlin` : undefined)))),
}, worded)

/**
 * The options of `coverage` and `dataUse`, as a declared zod schema (the
 * policy in them is checked by `policySchema`).
 */
export const optionsSchema = /* @__PURE__ */ z.strictObject({
  asOf: z.optional(instantSchema),
  policy: z.optional(policySchema),
  language: z.optional(z.string(worded).check(z.minLength(1, is('is empty')))),
}, worded)

/**
 * The JSON Schemas (draft 2020-12) of a policy, a member, an item and the
 * options, as `z.toJSONSchema` writes them for input: what a policy file or a
 * member record must look like. The package ships them as
 * `ai-training-scope/schemas/*.schema.json`.
 */
export function jsonSchemas(): Record<'policy' | 'member' | 'item' | 'options', unknown> {
  const of = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return { policy: of(policySchema), member: of(memberSchema), item: of(itemSchema), options: of(optionsSchema) }
}

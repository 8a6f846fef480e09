/**
 * What a policy is, declared once as a zod schema: `policySchema` checks a
 * policy (built in, or loaded from JSON) and the `Policy` type is its shape.
 * A policy names its own regions, phases, channels, categories and texts; the
 * engine knows none of them by name.
 */
import * as z from 'zod/mini'
import { countryCodes, isCountryCode } from '../region/codes'
import { countryZones } from '../region/country-zones'
import { parseCivilDate } from '../time/civil'
import { canonicalZone } from '../time/zone'
import { laterReasonCodes, reasonCodes } from '../coverage/reasons'
import { certainties } from './certainty'
import { markChecked } from './checked'
import { is, worded } from '../zod'


const text = z.string(worded).check(z.minLength(1, is('is empty')))
const civilDate = z.string(worded).check(z.refine((value) => parseCivilDate(value) !== undefined, is('is not a real date YYYY-MM-DD')))
const alpha2 = z.string(worded).check(z.refine(isCountryCode, is('is not an ISO 3166-1 alpha-2 code')))
const zone = z.string(worded).check(z.refine((value) => canonicalZone(value) !== undefined, is('is not an IANA time zone')))
const sourced = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject({ ...shape, source: text }, worded)

const sourceSchema = z.strictObject({
  title: text,
  /** The page, as the search tool found it; `null` when it was not found (then `note` says so). */
  url: z.nullable(z.string(worded).check(z.refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), is('is not an http(s) URL')))),
  /** The day the page was read, `YYYY-MM-DD`. */
  retrieved: z.optional(civilDate),
  where: z.optional(text),
  quote: z.optional(text),
  note: z.optional(text),
}, worded)

const phaseSchema = z.strictObject({
  id: text,
  /** Civil date: use starts at the start of that day in the member's zone. */
  start: civilDate,
  /** Civil date use ends on (at the start of that day), a range of such dates when the day is not known, or `null` while open. */
  end: z.nullable(z.union([civilDate, z.strictObject({ earliest: civilDate, latest: civilDate }, worded)], worded)),
  certainty: z.enum(certainties, worded),
  source: text,
  /** The source of the end, when it is not the phase's. */
  endSource: z.optional(text),
  note: z.optional(text),
  /** The phase does not reach back to all older data; how far is not known. */
  lookback: z.optional(z.strictObject({ note: text, source: text }, worded)),
}, worded)

const regionSchema = sourced({
  name: text,
  countries: z.array(alpha2, worded),
  note: z.optional(text),
  /** The phases of use, in time order, not overlapping; empty when the region's data is never used. */
  timeline: z.array(phaseSchema, worded),
})

const channelSchema = sourced({
  name: text,
  where: text,
  covers: text,
  /** An opt-in turns it back on. */
  reversible: z.boolean(worded),
  /** It holds into later phases; `false`: it holds only until the next phase starts. */
  lasts: z.boolean(worded),
})

const categorySchema = sourced({ used: z.boolean(worded), description: text })

const answers = ['covered', 'undetermined', 'not-yet', 'never', 'no-longer', 'outside'] as const

/** The English texts every policy needs: one per reason code, advice per channel, a sentence per answer. */
const textsSchema = z.strictObject({
  // Codes added later may be left out of a policy file: the built-in English words them (a policy written before them stays valid).
  reasons: z.strictObject(
    Object.fromEntries(reasonCodes.map((code) => [code, (laterReasonCodes as readonly string[]).includes(code) ? z.optional(text) : text])) as Record<(typeof reasonCodes)[number], typeof text>,
    worded,
  ),
  words: z.strictObject({ open: text, range: text }, worded),
  answers: z.strictObject(Object.fromEntries(answers.map((answer) => [answer, text])) as Record<(typeof answers)[number], typeof text>, worded),
  advice: z.record(z.string(worded), text, worded),
}, worded)
const partialTexts = z.strictObject({
  reasons: z.optional(z.partialRecord(z.enum(reasonCodes, worded), text, worded)),
  words: z.optional(z.partialRecord(z.enum(['open', 'range'], worded), text, worded)),
  answers: z.optional(z.partialRecord(z.enum(answers, worded), text, worded)),
  advice: z.optional(z.record(z.string(worded), text)),
}, worded)

const shapeSchema = z.strictObject({
  id: text,
  /** Changes whenever an answer may change: reports name it. */
  version: text,
  title: text,
  sources: z.record(z.string(worded), sourceSchema, worded),
  regions: z.record(z.string(worded), regionSchema, worded),
  /** How a country no region lists is answered: as one of the regions (a rest of the world), or `undetermined`. */
  outside: z.union([z.strictObject({ region: text }, worded), z.strictObject({ answer: z.literal('undetermined', worded), note: text, source: text }, worded)], worded),
  territories: z.record(alpha2, sourced({ note: text, alsoReadAs: z.optional(text) }), worded),
  /** Zones for codes tzdb lists none for (XK); tzdb's own list serves every other code. */
  zones: z.record(alpha2, sourced({ zones: z.array(zone, worded).check(z.minLength(1, is('needs at least one zone'))), note: text }), worded),
  age: sourced({ adultAge: z.number(worded).check(z.refine((value) => Number.isInteger(value) && value >= 1 && value <= 150, is('is not a whole number of years from 1 to 150'))), secondarySchool: z.strictObject({ note: text, source: text }, worded) }),
  channels: z.record(z.string(worded), channelSchema, worded),
  categories: z.record(z.string(worded), categorySchema, worded),
  texts: z.catchall(z.strictObject({ en: textsSchema }, worded), partialTexts),
}, worded)

type Shape = z.infer<typeof shapeSchema>
type Issue = { path: (string | number)[]; message: string }

const civil = (date: string) => parseCivilDate(date) as number

/** The rules that tie the parts of a policy together; each problem with its path. */
function crossCheck(policy: Shape): Issue[] {
  const issues: Issue[] = []
  const need = (path: (string | number)[], id: string, keys: object, what: string) => {
    if (!Object.hasOwn(keys, id)) issues.push({ path, message: `"${id}" is not a key of policy.${what}` })
  }
  const source = (path: (string | number)[], id: string | undefined) => id !== undefined && need(path, id, policy.sources, 'sources')
  for (const [id, entry] of Object.entries(policy.sources)) {
    if (entry.url === null && entry.note === undefined) issues.push({ path: ['sources', id, 'note'], message: 'is missing: a source without a url says why' })
  }
  const home = new Map<string, string>()
  for (const [code, region] of Object.entries(policy.regions)) {
    source(['regions', code, 'source'], region.source)
    region.countries.forEach((country, index) => {
      const other = home.get(country)
      if (other !== undefined) issues.push({ path: ['regions', code, 'countries', index], message: `"${country}" is already in region ${other}` })
      else home.set(country, code)
    })
    let previousEnd = Number.NEGATIVE_INFINITY
    const ids = new Set<string>()
    region.timeline.forEach((phase, index) => {
      const at = ['regions', code, 'timeline', index]
      source([...at, 'source'], phase.source)
      source([...at, 'endSource'], phase.endSource)
      source([...at, 'lookback', 'source'], phase.lookback?.source)
      if (ids.has(phase.id)) issues.push({ path: [...at, 'id'], message: `"${phase.id}" is used by another phase of region ${code}` })
      ids.add(phase.id)
      const start = civil(phase.start)
      if (start < previousEnd) issues.push({ path: [...at, 'start'], message: `"${phase.start}" is before the end of the phase before it: phases are in time order and do not overlap` })
      const end = phase.end
      if (typeof end === 'string') {
        if (civil(end) <= start) issues.push({ path: [...at, 'end'], message: `"${end}" is not after the start ${phase.start}` })
        previousEnd = civil(end)
      } else if (end !== null) {
        if (civil(end.earliest) <= start) issues.push({ path: [...at, 'end', 'earliest'], message: `"${end.earliest}" is not after the start ${phase.start}` })
        if (civil(end.latest) <= civil(end.earliest)) issues.push({ path: [...at, 'end', 'latest'], message: `"${end.latest}" is not after the earliest end ${end.earliest}` })
        previousEnd = civil(end.latest)
      } else {
        if (index !== region.timeline.length - 1) issues.push({ path: [...at, 'end'], message: 'is open (null), but a phase follows it' })
        previousEnd = Number.POSITIVE_INFINITY
      }
    })
  }
  const regionIs = (path: (string | number)[], code: string) => need(path, code, policy.regions, 'regions')
  if ('region' in policy.outside) regionIs(['outside', 'region'], policy.outside.region)
  else source(['outside', 'source'], policy.outside.source)
  for (const [code, territory] of Object.entries(policy.territories)) {
    source(['territories', code, 'source'], territory.source)
    if (territory.alsoReadAs === undefined) continue
    regionIs(['territories', code, 'alsoReadAs'], territory.alsoReadAs)
    const own = home.get(code) ?? ('region' in policy.outside ? policy.outside.region : undefined)
    if (territory.alsoReadAs === own) issues.push({ path: ['territories', code, 'alsoReadAs'], message: `"${territory.alsoReadAs}" is already the region of ${code}` })
  }
  for (const [code, entry] of Object.entries(policy.zones)) source(['zones', code, 'source'], entry.source)
  for (const code of countryCodes()) {
    if (countryZones[code] === undefined && policy.zones[code] === undefined) issues.push({ path: ['zones', code], message: `${code} has no zone in tzdb; name one here` })
  }
  source(['age', 'source'], policy.age.source)
  source(['age', 'secondarySchool', 'source'], policy.age.secondarySchool.source)
  if (Object.keys(policy.channels).length === 0) issues.push({ path: ['channels'], message: 'needs at least one opt-out channel' })
  for (const [name, channel] of Object.entries(policy.channels)) source(['channels', name, 'source'], channel.source)
  for (const [slug, category] of Object.entries(policy.categories)) source(['categories', slug, 'source'], category.source)
  for (const [language, texts] of Object.entries(policy.texts)) {
    for (const name of Object.keys(texts?.advice ?? {})) {
      if (name !== 'general' && !Object.hasOwn(policy.channels, name)) issues.push({ path: ['texts', language, 'advice', name], message: `"${name}" is neither a channel nor "general"` })
    }
  }
  for (const name of [...Object.keys(policy.channels), 'general']) {
    if (policy.texts.en.advice[name] === undefined) issues.push({ path: ['texts', 'en', 'advice', name], message: 'is missing: English advice is needed for every channel and "general"' })
  }
  return issues
}

/**
 * Checks a policy: its shape, real dates and canonical zones, ISO codes, phases
 * in time order, a listed source behind every rule, English texts for every
 * reason and channel. Errors name the path inside the policy. `parse` gives
 * back a frozen copy, the policy `coverage` and `dataUse` accept.
 *
 * @example
 * policySchema.safeParse(linkedinGenAi).success //=> true
 */
export const policySchema = /* @__PURE__ */ z.pipe(
  shapeSchema.check(
    z.superRefine((policy, context) => {
      for (const issue of crossCheck(policy)) context.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: policy })
    }),
  ),
  // The checked copy, frozen: the evaluator answers for it without checking it again.
  z.transform((policy) => markChecked(policy) as Policy),
)

/** A public document a rule rests on. */
export type PolicySource = z.infer<typeof sourceSchema>
/** A span of use of a region's data, between two civil dates. */
export type PolicyPhase = z.infer<typeof phaseSchema>
/** A region: the ISO 3166-1 alpha-2 codes it holds, and its timeline of use. */
export type PolicyRegion = z.infer<typeof regionSchema>
/** A way to opt out. */
export type PolicyChannel = z.infer<typeof channelSchema>
/** A data category the policy rules on. */
export type PolicyCategory = z.infer<typeof categorySchema>
/** The texts of one language; English has all of them. */
export type PolicyTexts = z.infer<typeof textsSchema>

type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T

/**
 * A policy: who is covered from when, what stops it, which data it uses, and
 * how its answers are worded. Every rule names a source. `R`, `C` and `H` are
 * its region codes, categories and channels, read from a literal policy.
 */
export type Policy<R extends string = string, C extends string = string, H extends string = string> = DeepReadonly<
  Omit<Shape, 'regions' | 'categories' | 'channels' | 'outside' | 'territories'> & {
    regions: Record<R, PolicyRegion>
    categories: Record<C, PolicyCategory>
    channels: Record<H, PolicyChannel>
    outside: { region: NoInfer<R> } | { answer: 'undetermined'; note: string; source: string }
    territories: Record<string, { note: string; alsoReadAs?: NoInfer<R>; source: string }>
  }
>

/** The region codes of a policy. */
export type RegionOf<P> = P extends Policy<infer R, string, string> ? R : string
/** The categories of a policy. */
export type CategoryOf<P> = P extends Policy<string, infer C, string> ? C : string
/** The opt-out channels of a policy. */
export type ChannelOf<P> = P extends Policy<string, string, infer H> ? H : string

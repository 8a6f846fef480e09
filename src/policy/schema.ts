/**
 * The shape of a policy, and `policySchema`, which checks one (built in, or
 * loaded from JSON) before the evaluator reads it.
 */
import * as z from 'zod/mini'
import { describeValue } from '../errors'
import { parseCivilDate } from '../time/civil'
import { canonicalZone } from '../time/zone'
import { countryCodes, isCountryCode } from '../region/codes'
import { countryZones } from '../region/country-zones'

/** Regions a member's country falls in. `EEA` is Iceland, Liechtenstein and Norway (the EEA outside the EU). */
export type RegionCode = 'EU' | 'EEA' | 'CH' | 'CA' | 'HK' | 'UK' | 'ROW'

/** Every region code, in the order reports and tables list them. */
export const regionCodes = ['EU', 'EEA', 'CH', 'CA', 'HK', 'UK', 'ROW'] as const satisfies readonly RegionCode[]

/** How firmly a rollout date is known. */
export type Confidence = 'stated' | 'reported'

/** The data categories the policy rules on. Any other category is undetermined. */
export type Category =
  | 'profile'
  | 'content'
  | 'group-activity'
  | 'genai-interaction'
  | 'resume'
  | 'private-message'
  | 'job-application'
  | 'salary'
  | 'credentials'
  | 'payment'

/** Every category the policy rules on. */
export const categories = [
  'profile',
  'content',
  'group-activity',
  'genai-interaction',
  'resume',
  'private-message',
  'job-application',
  'salary',
  'credentials',
  'payment',
] as const satisfies readonly Category[]

/** The two ways to opt out. */
export type OptOutChannel = 'setting' | 'objection-form'

/** A public document a rule rests on. */
export interface PolicySource {
  readonly title: string
  readonly where: string
  readonly quote?: string
}

/** A region: the ISO 3166-1 alpha-2 codes it holds. `ROW` holds every code no other region lists. */
export interface PolicyRegion {
  readonly name: string
  readonly countries: readonly string[]
  readonly note?: string
  readonly source: string
}

/** A territory whose reading needs saying: its region is its code's region, unless `alsoReadAs` adds a second reading. */
export interface PolicyTerritory {
  readonly note: string
  /** Another region the territory may belong to; reports treat the question as open. */
  readonly alsoReadAs?: RegionCode
  readonly source: string
}

/** One start of use: the regions it covers and the civil date it takes effect. */
export interface PolicyRollout {
  readonly id: string
  readonly regions: readonly RegionCode[]
  /** Civil date `YYYY-MM-DD`; it starts at the start of that day in the member's zone. */
  readonly effective: string
  readonly confidence: Confidence
  readonly note?: string
  readonly source: string
}

/** A policy: who is covered from when, what stops it, and which data it uses. Every rule names a source. */
export interface Policy {
  readonly id: string
  readonly title: string
  readonly sources: Readonly<Record<string, PolicySource>>
  readonly regions: Readonly<Record<RegionCode, PolicyRegion>>
  readonly territories: Readonly<Record<string, PolicyTerritory>>
  /** Zones for codes tzdb lists none for (XK); tzdb's own list serves every other code. */
  readonly zones: Readonly<Record<string, { readonly zones: readonly string[]; readonly note: string; readonly source: string }>>
  readonly rollouts: readonly PolicyRollout[]
  readonly age: {
    /** Members are excluded until the start of this birthday. */
    readonly adultAge: number
    readonly source: string
    /** LinkedIn's belief that a member is under 18 (e.g. in secondary school) excludes them. */
    readonly secondarySchool: { readonly note: string; readonly source: string }
  }
  readonly optOut: {
    readonly note: string
    readonly source: string
    readonly channels: Readonly<
      Record<OptOutChannel, { readonly name: string; readonly where: string; readonly reversible: boolean; readonly covers: string; readonly source: string }>
    >
  }
  readonly categories: Readonly<Record<Category, { readonly used: boolean; readonly description: string; readonly source: string }>>
}

const text = z.string().check(z.minLength(1))
const sourceId = text
const regionCode = z.enum(regionCodes)
// Refinement messages name the value, as every input message does.
const saying = (problem: string) => ({ error: (issue: { input?: unknown }) => `${describeValue(issue.input)} ${problem}` })
const alpha2 = z.string().check(z.refine(isCountryCode, saying('is not an ISO 3166-1 alpha-2 code')))
const zone = z.string().check(z.refine((value) => canonicalZone(value) !== undefined, saying('is not an IANA time zone')))

const rollout = z.strictObject({
  id: text,
  regions: z.array(regionCode).check(z.minLength(1)),
  effective: z.string().check(z.refine((value) => parseCivilDate(value) !== undefined, saying('is not a real date YYYY-MM-DD'))),
  confidence: z.enum(['stated', 'reported']),
  note: z.exactOptional(text),
  source: sourceId,
})

const region = z.strictObject({ name: text, countries: z.array(alpha2), note: z.exactOptional(text), source: sourceId })
const channel = z.strictObject({ name: text, where: text, reversible: z.boolean(), covers: text, source: sourceId })
const category = z.strictObject({ used: z.boolean(), description: text, source: sourceId })

const shape = z.strictObject({
  id: text,
  title: text,
  sources: z.record(sourceId, z.strictObject({ title: text, where: text, quote: z.exactOptional(text) })),
  regions: z.strictObject(Object.fromEntries(regionCodes.map((code) => [code, region])) as Record<RegionCode, typeof region>),
  territories: z.record(alpha2, z.strictObject({ note: text, alsoReadAs: z.exactOptional(regionCode), source: sourceId })),
  zones: z.record(alpha2, z.strictObject({ zones: z.array(zone).check(z.minLength(1)), note: text, source: sourceId })),
  rollouts: z.array(rollout).check(z.minLength(1)),
  age: z.strictObject({
    adultAge: z.int().check(z.minimum(1), z.maximum(150)),
    source: sourceId,
    secondarySchool: z.strictObject({ note: text, source: sourceId }),
  }),
  optOut: z.strictObject({
    note: text,
    source: sourceId,
    channels: z.strictObject({ setting: channel, 'objection-form': channel }),
  }),
  categories: z.strictObject(Object.fromEntries(categories.map((slug) => [slug, category])) as Record<Category, typeof category>),
})

type Issue = { path: (string | number)[]; message: string }

/** The rules that tie the parts of a policy together; each problem with its path. */
function crossCheck(policy: Policy): Issue[] {
  const issues: Issue[] = []
  const sourceIds = new Set(Object.keys(policy.sources))
  const needSource = (path: (string | number)[], id: string) => {
    if (!sourceIds.has(id)) issues.push({ path, message: `"${id}" is not a key of policy.sources` })
  }
  const home = new Map<string, RegionCode>()
  for (const code of regionCodes) {
    const entry = policy.regions[code]
    needSource(['regions', code, 'source'], entry.source)
    entry.countries.forEach((country, index) => {
      const other = home.get(country)
      if (other !== undefined) {
        issues.push({ path: ['regions', code, 'countries', index], message: `"${country}" is already in region ${other}` })
      } else home.set(country, code)
    })
  }
  for (const [code, territory] of Object.entries(policy.territories)) {
    needSource(['territories', code, 'source'], territory.source)
    if (territory.alsoReadAs !== undefined && territory.alsoReadAs === (home.get(code) ?? 'ROW')) {
      issues.push({ path: ['territories', code, 'alsoReadAs'], message: `"${territory.alsoReadAs}" is already the region of ${code}` })
    }
  }
  for (const [code, entry] of Object.entries(policy.zones)) needSource(['zones', code, 'source'], entry.source)
  for (const code of countryCodes()) {
    if (countryZones[code] === undefined && policy.zones[code] === undefined) {
      issues.push({ path: ['zones', code], message: `${code} has no zone in tzdb; name one here` })
    }
  }
  const rolloutOf = new Map<RegionCode, string>()
  const ids = new Set<string>()
  policy.rollouts.forEach((entry, index) => {
    needSource(['rollouts', index, 'source'], entry.source)
    if (ids.has(entry.id)) issues.push({ path: ['rollouts', index, 'id'], message: `"${entry.id}" is used by another rollout` })
    ids.add(entry.id)
    entry.regions.forEach((code, at) => {
      const other = rolloutOf.get(code)
      if (other !== undefined) {
        issues.push({ path: ['rollouts', index, 'regions', at], message: `"${code}" is already covered by rollout "${other}"; rollouts must not overlap` })
      } else rolloutOf.set(code, entry.id)
    })
  })
  for (const code of regionCodes) {
    if (!rolloutOf.has(code)) issues.push({ path: ['rollouts'], message: `no rollout covers region "${code}"; every region needs one` })
  }
  needSource(['age', 'source'], policy.age.source)
  needSource(['age', 'secondarySchool', 'source'], policy.age.secondarySchool.source)
  needSource(['optOut', 'source'], policy.optOut.source)
  for (const [name, entry] of Object.entries(policy.optOut.channels)) needSource(['optOut', 'channels', name, 'source'], entry.source)
  for (const [slug, entry] of Object.entries(policy.categories)) needSource(['categories', slug, 'source'], entry.source)
  return issues
}

/**
 * Validates a policy: its shape, real dates and zones, known ISO codes, rollouts
 * that cover every region exactly once, and a listed source behind every rule.
 *
 * @example
 * policySchema.safeParse(linkedinGenAi).success //=> true
 */
export const policySchema: z.ZodMiniType<Policy, unknown> = shape.check(
  z.superRefine((policy, context) => {
    for (const issue of crossCheck(policy)) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: policy })
    }
  }),
)

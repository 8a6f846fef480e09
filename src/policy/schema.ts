/**
 * The shape of a policy, and `policySchema`, which checks one (built in, or
 * loaded from JSON) before the evaluator reads it.
 */
import type * as z from 'zod/mini'
import type { Path, Reader } from '../input'
import { readerSchema } from '../zod'
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

/** Reads a policy's shape; problems go to `reader`. */
function readShape(reader: Reader, input: unknown): void {
  const text = (path: Path, value: unknown) => {
    if (typeof value !== 'string') return reader.wrongType(path, value, 'a string')
    if (value === '') reader.fail(path, value, 'is empty')
    return value
  }
  const optionalText = (path: Path, value: unknown) => (value === undefined ? undefined : text(path, value))
  const object = (path: Path, value: unknown, keys: readonly string[], read: (record: Record<string, unknown>) => void) => {
    const record = reader.object(path, value, (key) => keys.includes(key))
    if (record !== undefined) read(record)
  }
  const record = (path: Path, value: unknown, key: (path: Path, key: string) => void, read: (path: Path, entry: unknown) => void) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return reader.wrongType(path, value, 'an object')
    for (const [name, entry] of Object.entries(value)) {
      key([...path, name], name)
      read([...path, name], entry)
    }
  }
  const list = (path: Path, value: unknown, least: number, read: (path: Path, entry: unknown) => void) => {
    if (!Array.isArray(value)) return reader.wrongType(path, value, 'an array')
    if (value.length < least) reader.fail(path, value, `needs at least ${least} entries`)
    value.forEach((entry, index) => read([...path, index], entry))
  }
  const alpha2 = (path: Path, value: unknown) => {
    if (typeof value !== 'string') return reader.wrongType(path, value, 'a string')
    if (!isCountryCode(value)) reader.fail(path, value, 'is not an ISO 3166-1 alpha-2 code')
  }
  const sourced = (path: Path, entry: unknown, keys: readonly string[], read: (record: Record<string, unknown>) => void) =>
    object(path, entry, [...keys, 'source'], (fields) => {
      text([...path, 'source'], fields.source)
      read(fields)
    })
  object([], input, ['id', 'title', 'sources', 'regions', 'territories', 'zones', 'rollouts', 'age', 'optOut', 'categories'], (policy) => {
    text(['id'], policy.id)
    text(['title'], policy.title)
    record(['sources'], policy.sources, () => {}, (path, entry) =>
      object(path, entry, ['title', 'where', 'quote'], (source) => {
        text([...path, 'title'], source.title)
        text([...path, 'where'], source.where)
        optionalText([...path, 'quote'], source.quote)
      }),
    )
    object(['regions'], policy.regions, regionCodes, (regions) => {
      for (const code of regionCodes) {
        sourced(['regions', code], regions[code], ['name', 'countries', 'note'], (region) => {
          text(['regions', code, 'name'], region.name)
          list(['regions', code, 'countries'], region.countries, 0, alpha2)
          optionalText(['regions', code, 'note'], region.note)
        })
      }
    })
    record(['territories'], policy.territories, alpha2, (path, entry) =>
      sourced(path, entry, ['note', 'alsoReadAs'], (territory) => {
        text([...path, 'note'], territory.note)
        if (territory.alsoReadAs !== undefined) reader.oneOf([...path, 'alsoReadAs'], territory.alsoReadAs, regionCodes)
      }),
    )
    record(['zones'], policy.zones, alpha2, (path, entry) =>
      sourced(path, entry, ['zones', 'note'], (zones) => {
        text([...path, 'note'], zones.note)
        list([...path, 'zones'], zones.zones, 1, (at, zone) => {
          if (typeof zone !== 'string') reader.wrongType(at, zone, 'a string')
          else if (canonicalZone(zone) === undefined) reader.fail(at, zone, 'is not an IANA time zone')
        })
      }),
    )
    list(['rollouts'], policy.rollouts, 1, (path, entry) =>
      sourced(path, entry, ['id', 'regions', 'effective', 'confidence', 'note'], (rollout) => {
        text([...path, 'id'], rollout.id)
        list([...path, 'regions'], rollout.regions, 1, (at, code) => reader.oneOf(at, code, regionCodes))
        const effective = text([...path, 'effective'], rollout.effective)
        if (effective !== undefined && parseCivilDate(effective) === undefined) reader.fail([...path, 'effective'], effective, 'is not a real date YYYY-MM-DD')
        reader.oneOf([...path, 'confidence'], rollout.confidence, ['stated', 'reported'])
        optionalText([...path, 'note'], rollout.note)
      }),
    )
    sourced(['age'], policy.age, ['adultAge', 'secondarySchool'], (age) => {
      if (!Number.isInteger(age.adultAge) || (age.adultAge as number) < 1 || (age.adultAge as number) > 150) {
        reader.fail(['age', 'adultAge'], age.adultAge, 'is not a whole number of years from 1 to 150')
      }
      sourced(['age', 'secondarySchool'], age.secondarySchool, ['note'], (school) => text(['age', 'secondarySchool', 'note'], school.note))
    })
    sourced(['optOut'], policy.optOut, ['note', 'channels'], (optOut) => {
      text(['optOut', 'note'], optOut.note)
      object(['optOut', 'channels'], optOut.channels, ['setting', 'objection-form'], (channels) => {
        for (const name of ['setting', 'objection-form']) {
          const path = ['optOut', 'channels', name]
          sourced(path, channels[name], ['name', 'where', 'reversible', 'covers'], (channel) => {
            text([...path, 'name'], channel.name)
            text([...path, 'where'], channel.where)
            text([...path, 'covers'], channel.covers)
            if (typeof channel.reversible !== 'boolean') reader.wrongType([...path, 'reversible'], channel.reversible, 'a boolean')
          })
        }
      })
    })
    object(['categories'], policy.categories, categories, (entries) => {
      for (const slug of categories) {
        sourced(['categories', slug], entries[slug], ['used', 'description'], (category) => {
          if (typeof category.used !== 'boolean') reader.wrongType(['categories', slug, 'used'], category.used, 'a boolean')
          text(['categories', slug, 'description'], category.description)
        })
      }
    })
  })
}

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
 * Reads a policy: its shape, real dates and zones, known ISO codes, rollouts
 * that cover every region exactly once, and a listed source behind every rule.
 */
export function readPolicy(reader: Reader, input: unknown): Policy | undefined {
  readShape(reader, input)
  if (reader.issues.length > 0) return undefined
  reader.issues.push(...crossCheck(input as Policy))
  return input as Policy
}

/**
 * Validates a policy (the built-in one, or one loaded from JSON), as a zod
 * schema: the same checks as `options.policy` gets.
 *
 * @example
 * policySchema.safeParse(linkedinGenAi).success //=> true
 */
export const policySchema: z.ZodMiniType<Policy, unknown> = /* @__PURE__ */ readerSchema('policy', readPolicy)

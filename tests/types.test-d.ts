import { describe, expectTypeOf, test } from 'vitest'
import { type CategoryOf, type Certainty, type ChannelOf, type CoverageReport, type CoverageStatus, certainties, coverage, coveredFrom, type DataItem, dataUse, type DataUseStatus, isCovered, isPolicyInputError, linkedinGenAi, type MemberInput, metaAiEu, type Policy, PolicyInputError, type ReasonCode, reasonCodes, type RegionOf, resolveRegion, safeCoverage } from '../src/index'
import { definePolicy, memberSchema, policySchema } from '../src/schemas'

type LinkedInRegion = 'EU' | 'EEA' | 'CH' | 'CA' | 'HK' | 'UK' | 'ROW'
type LinkedInCategory = 'profile' | 'content' | 'group-activity' | 'genai-interaction' | 'resume' | 'feedback' | 'private-message' | 'job-application' | 'salary' | 'credentials' | 'payment'
type LinkedInChannel = 'setting' | 'objection-form'
type MetaRegion = 'EU' | 'EEA'
type MetaCategory = 'public-post' | 'public-comment' | 'meta-ai-interaction' | 'private-message' | 'whatsapp-message' | 'minor-public-data'

describe('public types', () => {
  test("a policy's regions, categories and channels are read from its literal", () => {
    expectTypeOf<RegionOf<typeof linkedinGenAi>>().toEqualTypeOf<LinkedInRegion>()
    expectTypeOf<CategoryOf<typeof linkedinGenAi>>().toEqualTypeOf<LinkedInCategory>()
    expectTypeOf<ChannelOf<typeof linkedinGenAi>>().toEqualTypeOf<LinkedInChannel>()
    expectTypeOf<RegionOf<typeof metaAiEu>>().toEqualTypeOf<MetaRegion>()
    expectTypeOf<CategoryOf<typeof metaAiEu>>().toEqualTypeOf<MetaCategory>()
    expectTypeOf<ChannelOf<typeof metaAiEu>>().toEqualTypeOf<'objection-form'>()
    expectTypeOf(linkedinGenAi).toEqualTypeOf<Policy<LinkedInRegion, LinkedInCategory, LinkedInChannel>>()
    expectTypeOf(linkedinGenAi).toMatchTypeOf<Policy>()
    expectTypeOf(metaAiEu).toMatchTypeOf<Policy>()
  })

  test('coverage returns a CoverageReport whose region is the policy\'s', () => {
    expectTypeOf(coverage<typeof linkedinGenAi>).parameter(0).toEqualTypeOf<MemberInput<LinkedInChannel>>()
    expectTypeOf(coverage<typeof metaAiEu>).parameter(0).toEqualTypeOf<MemberInput<'objection-form'>>()
    expectTypeOf(coverage({ country: 'DE' })).toEqualTypeOf<CoverageReport<LinkedInRegion>>()
    expectTypeOf(coverage({ country: 'DE' }).region).toEqualTypeOf<LinkedInRegion | null>()
    expectTypeOf(coverage({ country: 'DE' }).alsoReadAs).toEqualTypeOf<LinkedInRegion | null>()
    expectTypeOf(coverage({ country: 'DE' }, { policy: metaAiEu }).region).toEqualTypeOf<MetaRegion | null>()
    expectTypeOf(coverage({ country: 'DE' }, { policy: metaAiEu })).toEqualTypeOf<CoverageReport<MetaRegion>>()
    expectTypeOf<CoverageReport['status']>().toEqualTypeOf<CoverageStatus>()
    expectTypeOf<CoverageStatus>().toEqualTypeOf<'covered' | 'not-covered' | 'undetermined'>()
    expectTypeOf<CoverageReport['from']>().toEqualTypeOf<Date | null>()
    expectTypeOf<CoverageReport['windows'][number]['certainty']>().toEqualTypeOf<Certainty>()
    expectTypeOf<CoverageReport['windows'][number]['untilRange']>().toEqualTypeOf<{ readonly from: Date; readonly until: Date } | null>()
    expectTypeOf(isCovered({ country: 'DE' })).toEqualTypeOf<boolean>()
    expectTypeOf(coveredFrom({ country: 'DE' })).toEqualTypeOf<Date | null>()
  })

  test("a member needs a country, only known fields, and the policy's channels", () => {
    // @ts-expect-error country is required
    coverage({})
    // @ts-expect-error via is one of LinkedIn's two channels
    coverage({ country: 'DE', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'email' }] })
    // @ts-expect-error birthDate is a string
    coverage({ country: 'DE', birthDate: 2008 })
    coverage({ country: 'DE', optOuts: [{ at: new Date(), via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] })
    coverage({ country: 'DE', optOuts: [{ at: new Date(), via: 'setting' }] })
    // @ts-expect-error Meta has no setting: only its objection form
    coverage({ country: 'DE', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }] }, { policy: metaAiEu })
    coverage({ country: 'DE', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'objection-form' }] }, { policy: metaAiEu })
    // @ts-expect-error the same for dataUse
    dataUse({ country: 'DE', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }] }, { category: 'public-post', createdAt: '2025-06-01' }, { policy: metaAiEu })
  })

  test('safeCoverage narrows on success', () => {
    const result = safeCoverage({ country: 'DE' })
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<CoverageReport<LinkedInRegion>>()
    else expectTypeOf(result.error).toEqualTypeOf<PolicyInputError>()
    const meta = safeCoverage({ country: 'DE' }, { policy: metaAiEu })
    if (meta.success) expectTypeOf(meta.data.region).toEqualTypeOf<MetaRegion | null>()
  })

  test("dataUse suggests the policy's categories and accepts any string", () => {
    expectTypeOf(dataUse({ country: 'DE' }, { category: 'profile', createdAt: new Date() }).status).toEqualTypeOf<DataUseStatus>()
    expectTypeOf(dataUse<typeof linkedinGenAi>).parameter(1).toEqualTypeOf<DataItem<LinkedInCategory>>()
    // Suggested: the literal categories are part of the type, beside any string.
    expectTypeOf<DataItem<LinkedInCategory>['category']>().toEqualTypeOf<LinkedInCategory | (string & {})>()
    expectTypeOf<DataItem<MetaCategory>['category']>().toEqualTypeOf<MetaCategory | (string & {})>()
    dataUse({ country: 'DE' }, { category: 'feedback', createdAt: '2024-10-11' })
    dataUse({ country: 'DE' }, { category: 'anything', createdAt: '2025-01-01T00:00:00Z' })
    dataUse({ country: 'DE' }, { category: 'public-post', createdAt: '2024-10-11 09:30:00', timeZone: 'Europe/Berlin' }, { policy: metaAiEu })
    // @ts-expect-error a category is a string
    dataUse({ country: 'DE' }, { category: 5, createdAt: '2025-01-01T00:00:00Z' })
  })

  test('definePolicy types a policy from its literal', () => {
    const custom = definePolicy({ ...metaAiEu, id: 'meta-ai-eu-b', version: '2' })
    expectTypeOf<RegionOf<typeof custom>>().toEqualTypeOf<MetaRegion>()
    expectTypeOf(coverage({ country: 'FR' }, { policy: custom }).region).toEqualTypeOf<MetaRegion | null>()
    // A checked policy is one that `coverage` takes.
    expectTypeOf(policySchema.parse({})).toMatchTypeOf<Policy>()
  })

  test('errors, regions, codes and schemas', () => {
    const error: unknown = new Error('x')
    if (isPolicyInputError(error)) {
      expectTypeOf(error.issues[0]?.path).toEqualTypeOf<readonly (string | number)[] | undefined>()
      expectTypeOf(error.input).toEqualTypeOf<'member' | 'options' | 'item' | 'policy' | 'country' | 'archive'>()
    }
    expectTypeOf(resolveRegion('DE').region).toEqualTypeOf<LinkedInRegion | null>()
    expectTypeOf(resolveRegion('DE', { policy: metaAiEu }).region).toEqualTypeOf<MetaRegion | null>()
    expectTypeOf(memberSchema.parse({ country: 'DE' }).country).toEqualTypeOf<string>()
    expectTypeOf<(typeof reasonCodes)[number]>().toEqualTypeOf<ReasonCode>()
    expectTypeOf<(typeof certainties)[number]>().toEqualTypeOf<Certainty>()
    expectTypeOf<Certainty>().toEqualTypeOf<'stated' | 'reported' | 'possible'>()
  })
})

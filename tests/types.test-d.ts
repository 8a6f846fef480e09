import { describe, expectTypeOf, test } from 'vitest'
import {
  type Category,
  type CoverageReport,
  type CoverageStatus,
  coverage,
  coveredFrom,
  dataUse,
  type DataUseStatus,
  isCovered,
  isPolicyInputError,
  linkedinGenAi,
  type MemberInput,
  memberSchema,
  type Policy,
  PolicyInputError,
  type RegionCode,
  resolveRegion,
  safeCoverage,
} from '../src/index'

describe('public types', () => {
  test('coverage returns a CoverageReport', () => {
    expectTypeOf(coverage).parameter(0).toEqualTypeOf<MemberInput>()
    expectTypeOf(coverage({ country: 'DE' })).toEqualTypeOf<CoverageReport>()
    expectTypeOf<CoverageReport['status']>().toEqualTypeOf<CoverageStatus>()
    expectTypeOf<CoverageStatus>().toEqualTypeOf<'covered' | 'not-covered' | 'undetermined'>()
    expectTypeOf<CoverageReport['region']>().toEqualTypeOf<RegionCode>()
    expectTypeOf<CoverageReport['from']>().toEqualTypeOf<Date | null>()
    expectTypeOf(isCovered({ country: 'DE' })).toEqualTypeOf<boolean>()
    expectTypeOf(coveredFrom({ country: 'DE' })).toEqualTypeOf<Date | null>()
  })

  test('a member needs a country, and only known fields', () => {
    // @ts-expect-error country is required
    coverage({})
    // @ts-expect-error via is one of two channels
    coverage({ country: 'DE', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'email' }] })
    // @ts-expect-error birthDate is a string
    coverage({ country: 'DE', birthDate: 2008 })
    coverage({ country: 'DE', optOuts: [{ at: new Date(), via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] })
  })

  test('safeCoverage narrows on success', () => {
    const result = safeCoverage({ country: 'DE' })
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<CoverageReport>()
    else expectTypeOf(result.error).toEqualTypeOf<PolicyInputError>()
  })

  test('dataUse takes any category string and suggests the known ones', () => {
    expectTypeOf(dataUse({ country: 'DE' }, { category: 'profile', createdAt: new Date() }).status).toEqualTypeOf<DataUseStatus>()
    dataUse({ country: 'DE' }, { category: 'anything', createdAt: '2025-01-01T00:00:00Z' })
    expectTypeOf<Category>().toMatchTypeOf<string>()
  })

  test('errors, regions and schemas', () => {
    const error: unknown = new Error('x')
    if (isPolicyInputError(error)) expectTypeOf(error.issues[0]?.path).toEqualTypeOf<readonly (string | number)[] | undefined>()
    expectTypeOf(resolveRegion('DE').region).toEqualTypeOf<RegionCode>()
    expectTypeOf(linkedinGenAi).toEqualTypeOf<Policy>()
    expectTypeOf(memberSchema.parse({ country: 'DE' }).country).toEqualTypeOf<string>()
  })
})

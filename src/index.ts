/**
 * ai-training-scope: is a LinkedIn member's data used to train LinkedIn's AI
 * models, from which instant, and which of their data.
 *
 * Held back on purpose: the evaluator's internals (scenarios, compiled
 * policies) and the time helpers, which may change without a major version.
 * Country names in languages other than English: `ai-training-scope/locales`.
 */
export { coverage, coveredFrom, isCovered, safeCoverage } from './coverage/coverage'
export { dataUse } from './coverage/data-use'
export { memberSchema } from './coverage/member'
export { isPolicyInputError, PolicyInputError } from './errors'
export { linkedinGenAi } from './policy/linkedin'
export { categories, policySchema, regionCodes } from './policy/schema'
export { countryAliases, registerLocale } from './region/codes'
export { tzdbVersion } from './region/country-zones'
export { resolveRegion } from './region/resolve'

export type { CoverageReport, CoverageStatus, CoverageWindow, SafeResult } from './coverage/coverage'
export type { DataItem, DataUseReport, DataUseStatus } from './coverage/data-use'
export type { InstantInput, Member, MemberInput } from './coverage/member'
export type { CoverageOptions } from './coverage/options'
export type { Reason, ReasonCode } from './coverage/reasons'
export type { InputKind, PolicyIssue } from './errors'
export type {
  Category,
  Confidence,
  OptOutChannel,
  Policy,
  PolicyRegion,
  PolicyRollout,
  PolicySource,
  PolicyTerritory,
  RegionCode,
} from './policy/schema'
export type { LocaleData } from './region/codes'
export type { RegionInfo } from './region/resolve'

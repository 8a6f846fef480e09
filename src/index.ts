/**
 * ai-training-scope: whether a platform's members' data is used to train its
 * AI models, from which instant, and which of their data. A policy is data:
 * LinkedIn's (`linkedinGenAi`, the default) and Meta's in the EU/EEA
 * (`metaAiEu`) are built in; any other passes `policySchema`
 * (`ai-training-scope/schemas`, with the zod schemas of the inputs: apart, so
 * that an app that only asks pays for no schema library).
 *
 * Held back on purpose: the evaluator's internals (scenarios, compiled
 * policies) and the time helpers, which may change without a major version.
 * Country names: in every language `Intl.DisplayNames` knows, and the tables
 * of `ai-training-scope/locales` (in Node all ten, with no set-up: the
 * package's `node` entry, `./node`; elsewhere English, and others by
 * `registerLocale`).
 */
export { coverage, coveredFrom, isCovered, safeCoverage } from './coverage/coverage'
export { dataUse } from './coverage/data-use'
export { reasonCodes } from './coverage/reasons'
export { isPolicyInputError, PolicyInputError } from './errors'
export { headline } from './headline'
export { linkedinGenAi } from './policy/linkedin'
export { metaAiEu } from './policy/meta'
export { policies } from './policy/builtin'
export { certainties } from './policy/certainty'
export { countryAliases, registerLocale } from './region/codes'
export { tzdbVersion } from './region/country-zones'
export { resolveRegion } from './region/resolve'

export type { CoverageReport, CoverageStatus, CoverageWindow, SafeResult, TimelinePhase } from './coverage/coverage'
export type { DataItem, DataUseReport, DataUseStatus } from './coverage/data-use'
export type { InstantInput, Member, MemberInput } from './coverage/member'
export type { CoverageOptions } from './coverage/options'
export type { Reason, ReasonCode } from './coverage/reasons'
export type { InputKind, PolicyIssue } from './errors'
export type { AnswerKey, Headline } from './headline'
export type {
  CategoryOf,
  ChannelOf,
  Policy,
  PolicyCategory,
  PolicyChannel,
  PolicyPhase,
  PolicyRegion,
  PolicySource,
  PolicyTexts,
  RegionOf,
} from './policy/schema'
export type { Certainty } from './policy/certainty'
export type { LocaleData } from './region/codes'
export type { RegionInfo } from './region/resolve'

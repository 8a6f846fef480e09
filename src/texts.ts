/**
 * `ai-training-scope/texts`: German (`de`) and French (`fr`) wording of the
 * built-in policies' reasons, answers and advice. Apart from the main entry,
 * so that an app that answers in English ships none of it.
 *
 * Names that only the reasons' placeholders fill in stay as the policy holds
 * them: channel names (LinkedIn's "Data for Generative AI Improvement"),
 * region names and category descriptions are English.
 *
 * @example
 * import { coverage, linkedinGenAi } from 'ai-training-scope'
 * import { withLanguages } from 'ai-training-scope/texts'
 * const report = coverage({ country: 'US' }, { policy: withLanguages(linkedinGenAi), language: 'de', asOf: '2026-01-01T00:00:00Z' })
 * report.policy //=> 'linkedin-genai'
 */
// The policies come through the main entry, so that this entry reaches every
// module that one does: the build then splits the main entry's code into the
// same chunks as without this entry, and its browser bundle stays byte for byte.
import { linkedinGenAi, metaAiEu } from './index'
import { markChecked } from './policy/checked'
import type { PolicyTexts } from './policy/schema'
import { linkedinTexts } from './texts/linkedin'
import { metaTexts } from './texts/meta'

/** The languages `withLanguages` adds. */
export const textLanguages = ['de', 'fr'] as const

/** A built-in policy: `linkedinGenAi` or `metaAiEu`. */
export type BuiltInPolicy = typeof linkedinGenAi | typeof metaAiEu

const translations = new Map<object, { de: PolicyTexts; fr: PolicyTexts }>([
  [linkedinGenAi, linkedinTexts],
  [metaAiEu, metaTexts],
])
const added = new WeakMap<object, BuiltInPolicy>()

/**
 * The built-in policy with German (`de`) and French (`fr`) texts added to its
 * English ones: same id, version, rules and English texts. The result is
 * frozen and taken as checked, like the built-in policy itself (the test
 * suite checks it with `policySchema`), so `coverage`, `dataUse` and
 * `headline` accept it as it is; pass `language: 'de'` or `'fr'` to them.
 * Each policy gives back the same object on every call.
 *
 * @throws {TypeError} when `policy` is not `linkedinGenAi` or `metaAiEu` itself (a copy or another policy has no texts here)
 * @example
 * import { coverage, metaAiEu } from 'ai-training-scope'
 * import { withLanguages } from 'ai-training-scope/texts'
 * const meta = withLanguages(metaAiEu)
 * meta.version === metaAiEu.version //=> true
 * coverage({ country: 'US' }, { policy: meta, language: 'fr', asOf: '2026-01-01T00:00:00Z' }).reasons[0]?.message.startsWith('US ne fait partie d’aucune région') //=> true
 */
export function withLanguages<P extends BuiltInPolicy>(policy: P): P {
  let result = added.get(policy)
  if (result === undefined) {
    const texts = translations.get(policy)
    if (texts === undefined) throw new TypeError(`withLanguages takes linkedinGenAi or metaAiEu as the library exports them, not a copy or another policy ("${policy.id}")`)
    result = markChecked({ ...policy, texts: { ...policy.texts, de: texts.de, fr: texts.fr } }) as BuiltInPolicy
    added.set(policy, result)
  }
  return result as P
}

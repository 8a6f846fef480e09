// ai-training-scope/texts: the German and French texts of both built-in
// policies, complete and with the English templates' placeholders, through
// coverage and dataUse. (That the main entry's browser bundle is unchanged:
// tests/bundle.test.ts.)
import { describe, expect, test } from 'vitest'
import { coverage, dataUse, headline, linkedinGenAi, metaAiEu, reasonCodes } from '../src/index'
import { definePolicy, policySchema } from '../src/schemas'
import { textLanguages, withLanguages } from '../src/texts'
import { englishReasons, englishWords } from '../src/policy/texts-en'
import type { PolicyTexts } from '../src/policy/schema'

const policies = [
  { name: 'linkedinGenAi', policy: linkedinGenAi },
  { name: 'metaAiEu', policy: metaAiEu },
] as const
const placeholders = (text: string | undefined) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

/** Every English text of a policy, by its path ("reasons.phase", "advice.setting", ...), with the shared templates where the policy leaves codes out. */
function englishOf(texts: PolicyTexts): Map<string, string> {
  const all = new Map<string, string>()
  for (const code of reasonCodes) all.set(`reasons.${code}`, texts.reasons[code] ?? (englishReasons[code] as string))
  for (const [group, record] of Object.entries({ words: { ...englishWords, ...texts.words }, answers: texts.answers, advice: texts.advice })) {
    for (const [key, text] of Object.entries(record)) all.set(`${group}.${key}`, text)
  }
  return all
}
const at = (texts: unknown, path: string) => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], texts) as string | undefined

describe.each(policies)('$name with withLanguages', ({ policy }) => {
  const worded = withLanguages(policy)
  const english = englishOf(policy.texts.en as PolicyTexts)
  const rows = textLanguages.flatMap((language) => [...english].map(([path, text]) => ({ language, path, text })))

  test('keeps the id, version, rules and English texts, and adds de and fr only', () => {
    expect(worded.id).toBe(policy.id)
    expect(worded.version).toBe(policy.version)
    expect({ ...worded, texts: undefined }).toEqual({ ...policy, texts: undefined })
    expect(worded.texts.en).toBe(policy.texts.en)
    expect(Object.keys(worded.texts).sort()).toEqual(['de', 'en', 'fr'])
    expect(Object.isFrozen(worded) && Object.isFrozen(worded.texts.de)).toBe(true)
    expect(withLanguages(policy)).toBe(worded)
  })

  test('passes policySchema as it is (it is taken as checked, like the built-in policy)', () => {
    expect(policySchema.safeParse(worded).success).toBe(true)
  })

  test.each(rows)('$language $path: present, not English, with the placeholders of the English', ({ language, path, text }) => {
    const translated = at(worded.texts[language], path)
    expect(translated, `${language} ${path}`).toBeTypeOf('string')
    expect(translated?.trim()).not.toBe('')
    expect(placeholders(translated)).toEqual(placeholders(text))
    expect(translated).not.toBe(text)
  })

  test('has no text that English lacks (no stray or misspelt keys)', () => {
    for (const language of textLanguages) {
      const texts = worded.texts[language] as PolicyTexts
      expect(englishOf(texts).size, language).toBe(english.size)
      expect(Object.keys(texts.advice).sort(), language).toEqual(Object.keys(policy.texts.en.advice).sort())
    }
  })
})

describe('reports in German and French', () => {
  const asOf = '2026-01-01T00:00:00Z'
  const cases = [
    { name: 'LinkedIn, DE, de', policy: linkedinGenAi, member: { country: 'DE', timeZone: 'Europe/Berlin' }, language: 'de', code: 'phase', message: 'Region EU (European Union): Phase „2025-six-regions“ ab 2025-11-03, Ende: kein Ende angekündigt, Gewissheit: stated; jedes Datum ab Beginn dieses Tages in der Zeitzone des Mitglieds' },
    { name: 'LinkedIn, DE, fr', policy: linkedinGenAi, member: { country: 'DE', timeZone: 'Europe/Berlin' }, language: 'fr', code: 'age-not-given', message: 'Aucune date de naissance indiquée : le membre est supposé avoir 18 ans ou plus' },
    { name: 'LinkedIn, opted out, de', policy: linkedinGenAi, member: { country: 'HK', timeZone: 'Asia/Hong_Kong', optOuts: [{ at: '2025-10-10T00:00:00Z', via: 'setting' as const }] }, language: 'de', code: 'opted-out', message: 'Das Mitglied hat am 2025-10-10T00:00:00.000Z über „Data for Generative AI Improvement“ widersprochen: Die Nutzung endet für die Zukunft; bereits erfolgtes Training wird nicht rückgängig gemacht' },
    { name: 'Meta, US, fr', policy: metaAiEu, member: { country: 'US' }, language: 'fr', code: 'outside-policy', message: undefined },
    { name: 'Meta, FR, de', policy: metaAiEu, member: { country: 'FR', timeZone: 'Europe/Paris' }, language: 'de', code: 'age-not-given', message: 'Kein Geburtsdatum angegeben: Das Mitglied wird als mindestens 18 Jahre alt angenommen' },
  ] as const

  test.each(cases)('$name: the $code reason is in the language asked for', ({ policy, member, language, code, message }) => {
    const worded = coverage(member, { policy: withLanguages(policy) as typeof linkedinGenAi, language, asOf })
    const english = coverage(member, { policy: policy as typeof linkedinGenAi, asOf })
    expect(worded.policy).toBe(policy.id)
    expect(worded.policyVersion).toBe(policy.version)
    // The same answer: only the words differ.
    expect(worded.status).toBe(english.status)
    expect(worded.reasons.map((reason) => reason.code)).toEqual(english.reasons.map((reason) => reason.code))
    const reason = worded.reasons.find((found) => found.code === code)
    expect(reason?.message).not.toBe(english.reasons.find((found) => found.code === code)?.message)
    if (message !== undefined) expect(reason?.message).toBe(message)
    else expect(reason?.message).toMatch(/^US ne fait partie d’aucune région de cette politique : /)
  })

  test('dataUse words its reasons too, and the headline\'s answer has its sentence', () => {
    const policy = withLanguages(linkedinGenAi)
    const use = dataUse({ country: 'DE', timeZone: 'Europe/Berlin' }, { category: 'private-message', createdAt: '2025-12-01' }, { policy, language: 'fr', asOf })
    expect(use.reasons.find((reason) => reason.code === 'category-not-used')?.message).toBe('Private messages : non utilisé pour l’entraînement')
    const report = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { policy, language: 'de', asOf })
    expect(policy.texts.de?.answers?.[headline(report).answer]).toBe('LinkedIn nutzt Ihre Daten, um seine inhaltsgenerierenden KI-Modelle zu trainieren.')
  })

  test('a language it has no texts in stays English', () => {
    const report = coverage({ country: 'DE' }, { policy: withLanguages(linkedinGenAi), language: 'es', asOf })
    expect(report.reasons.map((reason) => reason.message)).toEqual(coverage({ country: 'DE' }, { asOf }).reasons.map((reason) => reason.message))
  })

  test('a copy of a built-in policy, or another policy, is refused: it has no texts here', () => {
    const copy = definePolicy({ ...linkedinGenAi, id: 'linkedin-genai-copy' })
    expect(() => withLanguages(copy as typeof linkedinGenAi)).toThrow(TypeError)
  })
})

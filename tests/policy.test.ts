import { describe, expect, test } from 'vitest'
import { coverage, isPolicyInputError, linkedinGenAi, type Policy, PolicyInputError, policySchema } from '../src/index'

/** A deep, mutable copy of the built-in policy to change. */
const copy = (): any => structuredClone(linkedinGenAi)

/** The problems `policySchema` finds, as a PolicyInputError words them. */
function issuesOf(policy: unknown): string[] {
  const result = policySchema.safeParse(policy)
  if (result.success) return []
  return new PolicyInputError('policy', result.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message }))).message.split('; ')
}

describe('linkedinGenAi', () => {
  test('is valid', () => {
    expect(issuesOf(linkedinGenAi)).toEqual([])
  })

  test('is deeply frozen', () => {
    const unfrozen: string[] = []
    const walk = (value: unknown, path: string) => {
      if (value === null || typeof value !== 'object') return
      if (!Object.isFrozen(value)) unfrozen.push(path)
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`)
    }
    walk(linkedinGenAi, 'linkedinGenAi')
    expect(unfrozen).toEqual([])
    expect(() => {
      ;(linkedinGenAi.rollouts[0] as { effective: string }).effective = '2030-01-01'
    }).toThrow(TypeError)
  })

  test('names a listed source for every rule', () => {
    const sources = new Set(Object.keys(linkedinGenAi.sources))
    const named: string[] = []
    const walk = (value: unknown) => {
      if (value === null || typeof value !== 'object') return
      for (const [key, child] of Object.entries(value)) {
        if (key === 'source' && typeof child === 'string') named.push(child)
        else walk(child)
      }
    }
    walk(linkedinGenAi)
    expect(named.length).toBeGreaterThan(40)
    expect(named.filter((id) => !sources.has(id))).toEqual([])
  })

  test('carries the POLICY.md source ids', () => {
    expect(Object.keys(linkedinGenAi.sources)).toEqual(
      expect.arrayContaining(['linkedin-faq-2025', 'linkedin-erpn-2025', 'ico-2025-09-23', 'linkedin-pp-2024', 'linkedin-setting-faq', 'linkedin-objection-form', 'linkedin-minors', 'linkedin-ua-2025']),
    )
  })
})

describe('policySchema refuses', () => {
  const cases: { name: string; change: (policy: any) => void; message: string }[] = [
    { name: 'overlapping rollouts', change: (p) => p.rollouts[1].regions.push('EU'), message: 'rollouts[1].regions[1]: "EU" is already covered by rollout "2025-six-regions"' },
    { name: 'a region no rollout covers', change: (p) => (p.rollouts[1].regions = ['EEA']) && (p.rollouts[0].regions = ['EU', 'CH', 'CA', 'HK', 'UK']), message: 'no rollout covers region "ROW"' },
    { name: 'a rollout without regions', change: (p) => (p.rollouts[1].regions = []), message: 'rollouts[1].regions: an array needs at least 1 entries' },
    { name: 'an unknown region in a rollout', change: (p) => p.rollouts[0].regions.push('APAC'), message: 'rollouts[0].regions[6]' },
    { name: 'an unknown region in the regions table', change: (p) => (p.regions.APAC = { name: 'Asia', countries: [], source: 'linkedin-faq-2025' }), message: 'regions.APAC: "APAC" is not a known field' },
    { name: 'a rule without a source', change: (p) => delete p.categories.profile.source, message: 'categories.profile.source' },
    { name: 'a source that is not listed', change: (p) => (p.rollouts[0].source = 'blog-post'), message: 'rollouts[0].source: "blog-post" is not a key of policy.sources' },
    { name: 'an impossible date', change: (p) => (p.rollouts[0].effective = '2025-02-30'), message: 'rollouts[0].effective: "2025-02-30" is not a real date' },
    { name: 'a date in another format', change: (p) => (p.rollouts[0].effective = '03/11/2025'), message: 'rollouts[0].effective' },
    { name: 'a country in two regions', change: (p) => p.regions.EEA.countries.push('DE'), message: 'regions.EEA.countries[3]: "DE" is already in region EU' },
    { name: 'an unknown country code', change: (p) => p.regions.EU.countries.push('ZZ'), message: '"ZZ" is not an ISO 3166-1 alpha-2 code' },
    { name: 'an invalid zone', change: (p) => (p.zones.XK.zones = ['Europe/Pristina']), message: '"Europe/Pristina" is not an IANA time zone' },
    { name: 'a code left without any zone', change: (p) => delete p.zones.XK, message: 'zones.XK: XK has no zone in tzdb' },
    { name: 'a missing category', change: (p) => delete p.categories.salary, message: 'categories.salary' },
    { name: 'an unknown field', change: (p) => (p.extra = true), message: 'extra: "extra" is not a known field' },
    { name: 'two rollouts with one id', change: (p) => (p.rollouts[1].id = p.rollouts[0].id), message: 'is used by another rollout' },
  ]
  for (const { name, change, message } of cases) {
    test(name, () => {
      const policy = copy()
      change(policy)
      const issues = issuesOf(policy)
      expect(issues.join('\n')).toContain(message)
    })
  }
})

describe('options.policy', () => {
  test('a changed date is a data change: the evaluator reads only the policy', () => {
    const later: Policy = { ...copy(), rollouts: [{ ...copy().rollouts[0], effective: '2026-01-01' }, copy().rollouts[1]] }
    const member = { country: 'DE', timeZone: 'Europe/Berlin' }
    const asOf = '2025-12-01T00:00:00Z'
    expect(coverage(member, { asOf }).status).toBe('covered')
    const report = coverage(member, { asOf, policy: later })
    expect(report.status).toBe('not-covered')
    expect(report.from?.toISOString()).toBe('2025-12-31T23:00:00.000Z')
  })

  test('a policy loaded from JSON works', () => {
    const fromJson = JSON.parse(JSON.stringify(linkedinGenAi)) as Policy
    expect(coverage({ country: 'US', timeZone: 'America/New_York' }, { asOf: '2025-01-01T00:00:00Z', policy: fromJson }).from?.toISOString()).toBe(
      '2024-09-18T04:00:00.000Z',
    )
  })

  test('an invalid policy raises a PolicyInputError naming the path', () => {
    const broken = copy()
    broken.rollouts[0].effective = '2025-02-30'
    let caught: unknown
    try {
      coverage({ country: 'DE' }, { policy: broken })
    } catch (error) {
      caught = error
    }
    expect(isPolicyInputError(caught)).toBe(true)
    expect((caught as Error).message).toContain('rollouts[0].effective: "2025-02-30" is not a real date')
  })
})

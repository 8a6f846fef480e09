import { describe, expect, test, vi } from 'vitest'
import { coverage, dataUse, isPolicyInputError, linkedinGenAi, metaAiEu, type Policy, policies, resolveRegion } from '../src/index'
import { definePolicy, policySchema } from '../src/schemas'
import { thrown } from './thrown'

/** A deep, mutable copy of a built-in policy to change. */
const copy = (policy: Policy = linkedinGenAi): any => structuredClone(policy)


const builtIns = [
  ['linkedinGenAi', linkedinGenAi],
  ['metaAiEu', metaAiEu],
] as const

describe('the built-in policies', () => {
  for (const [name, policy] of builtIns) {
    test(`policySchema accepts ${name}`, () => {
      const result = policySchema.safeParse(policy)
      expect(result.success ? [] : result.error.issues).toEqual([])
    })

    test(`${name} is deeply frozen`, () => {
      const unfrozen: string[] = []
      const walk = (value: unknown, path: string) => {
        if (value === null || typeof value !== 'object') return
        if (!Object.isFrozen(value)) unfrozen.push(path)
        for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`)
      }
      walk(policy, name)
      expect(unfrozen).toEqual([])
      expect(() => {
        ;(policy.regions.EU.timeline[0] as { start: string }).start = '2030-01-01'
      }).toThrow(TypeError)
    })

    test(`${name} names a listed source for every rule`, () => {
      const sources = new Set(Object.keys(policy.sources))
      const named: string[] = []
      const walk = (value: unknown) => {
        if (value === null || typeof value !== 'object') return
        for (const [key, child] of Object.entries(value)) {
          if ((key === 'source' || key === 'endSource') && typeof child === 'string') named.push(child)
          else walk(child)
        }
      }
      walk(policy)
      expect(named.length).toBeGreaterThan(15)
      expect(named.filter((id) => !sources.has(id))).toEqual([])
    })

    test(`${name}: a source with a URL says when it was read; one without says why`, () => {
      for (const [id, source] of Object.entries(policy.sources)) {
        if (source.url === null) expect(source.note, id).toEqual(expect.any(String))
        else expect(source.retrieved, id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
    })
  }

  test('policies holds both, by id', () => {
    expect(policies).toEqual({ 'linkedin-genai': linkedinGenAi, 'meta-ai-eu': metaAiEu })
  })

  test('linkedinGenAi carries the POLICY.md source ids', () => {
    expect(Object.keys(linkedinGenAi.sources)).toEqual(
      expect.arrayContaining([
        'linkedin-faq-2025',
        'linkedin-erpn-2025',
        'ico-2025-09-23',
        'linkedin-pp-2024',
        'ico-2024-09-20',
        'pcpd-2024-10-15',
        'opc-2024-12-10',
        'press-2024-10-15',
        'dpc-2025-11',
        'garante-2025-10-28',
        'linkedin-setting-faq',
        'linkedin-objection-form',
        'linkedin-minors',
        'linkedin-ua-2025',
      ]),
    )
  })

  test("linkedinGenAi encodes POLICY.md's phase table", () => {
    const table = Object.fromEntries(
      Object.entries(linkedinGenAi.regions).map(([code, region]) => [code, region.timeline.map(({ id, start, end, certainty, source, endSource }) => ({ id, start, end, certainty, source, endSource }))]),
    )
    const open2025 = (source: string) => ({ id: '2025-six-regions', start: '2025-11-03', end: null, certainty: 'stated', source, endSource: undefined })
    expect(table).toEqual({
      ROW: [{ id: '2024-global', start: '2024-09-18', end: null, certainty: 'reported', source: 'linkedin-pp-2024', endSource: undefined }],
      HK: [{ id: '2024-global', start: '2024-09-18', end: '2024-10-11', certainty: 'reported', source: 'linkedin-pp-2024', endSource: 'pcpd-2024-10-15' }, open2025('linkedin-faq-2025')],
      CA: [
        { id: '2024-global', start: '2024-09-18', end: { earliest: '2024-10-16', latest: '2024-12-10' }, certainty: 'reported', source: 'press-2024-10-15', endSource: 'opc-2024-12-10' },
        open2025('linkedin-faq-2025'),
      ],
      UK: [{ id: '2024-global', start: '2024-09-18', end: '2024-09-20', certainty: 'possible', source: 'ico-2024-09-20', endSource: undefined }, open2025('ico-2025-09-23')],
      EU: [open2025('linkedin-faq-2025')],
      EEA: [open2025('linkedin-faq-2025')],
      CH: [open2025('linkedin-faq-2025')],
    })
    expect(linkedinGenAi.outside).toEqual({ region: 'ROW' })
  })

  test('metaAiEu: EU and EEA from 2025-05-27, one lasting channel, undetermined outside', () => {
    expect(Object.keys(metaAiEu.regions)).toEqual(['EU', 'EEA'])
    for (const region of Object.values(metaAiEu.regions)) expect(region.timeline.map(({ start, end, certainty }) => [start, end, certainty])).toEqual([['2025-05-27', null, 'stated']])
    expect(metaAiEu.regions.EEA.countries).toEqual(['IS', 'LI', 'NO'])
    expect(Object.entries(metaAiEu.channels).map(([name, { reversible, lasts }]) => [name, reversible, lasts])).toEqual([['objection-form', false, true]])
    expect(metaAiEu.outside).toMatchObject({ answer: 'undetermined' })
  })
})

describe('policySchema refuses, naming the path inside the policy and the value', () => {
  const cases: { name: string; change: (policy: any) => void; path: (string | number)[]; says: string | RegExp; base?: Policy }[] = [
    // dates
    { name: 'an impossible start date', change: (p) => (p.regions.HK.timeline[0].start = '2024-02-30'), path: ['regions', 'HK', 'timeline', 0, 'start'], says: '"2024-02-30" is not a real date' },
    { name: 'a start date in another format', change: (p) => (p.regions.HK.timeline[0].start = '18/09/2024'), path: ['regions', 'HK', 'timeline', 0, 'start'], says: '"18/09/2024" is not a real date' },
    { name: 'an impossible end date', change: (p) => (p.regions.HK.timeline[0].end = '2024-10-32'), path: ['regions', 'HK', 'timeline', 0, 'end'], says: '"2024-10-32"' },
    { name: 'an end before the start', change: (p) => (p.regions.HK.timeline[0].end = '2024-09-01'), path: ['regions', 'HK', 'timeline', 0, 'end'], says: '"2024-09-01" is not after the start 2024-09-18' },
    { name: 'an end on the start day', change: (p) => (p.regions.HK.timeline[0].end = '2024-09-18'), path: ['regions', 'HK', 'timeline', 0, 'end'], says: '"2024-09-18" is not after the start 2024-09-18' },
    { name: 'a ranged end whose earliest is before the start', change: (p) => (p.regions.CA.timeline[0].end.earliest = '2024-09-01'), path: ['regions', 'CA', 'timeline', 0, 'end', 'earliest'], says: '"2024-09-01" is not after the start 2024-09-18' },
    { name: 'a ranged end whose latest is before its earliest', change: (p) => (p.regions.CA.timeline[0].end = { earliest: '2024-12-10', latest: '2024-10-16' }), path: ['regions', 'CA', 'timeline', 0, 'end', 'latest'], says: '"2024-10-16" is not after the earliest end 2024-12-10' },
    // phases
    { name: 'overlapping phases', change: (p) => (p.regions.HK.timeline[1].start = '2024-10-01'), path: ['regions', 'HK', 'timeline', 1, 'start'], says: '"2024-10-01" is before the end of the phase before it' },
    { name: 'a phase starting inside the ranged end before it', change: (p) => (p.regions.CA.timeline[1].start = '2024-11-01'), path: ['regions', 'CA', 'timeline', 1, 'start'], says: '"2024-11-01" is before the end of the phase before it' },
    { name: 'an open phase followed by another', change: (p) => (p.regions.HK.timeline[0].end = null), path: ['regions', 'HK', 'timeline', 0, 'end'], says: 'is open (null), but a phase follows it' },
    { name: 'two phases of a region with one id', change: (p) => (p.regions.HK.timeline[1].id = '2024-global'), path: ['regions', 'HK', 'timeline', 1, 'id'], says: '"2024-global" is used by another phase of region HK' },
    { name: 'an unknown certainty', change: (p) => (p.regions.UK.timeline[0].certainty = 'maybe'), path: ['regions', 'UK', 'timeline', 0, 'certainty'], says: 'expected one of "possible", "reported", "stated", got "maybe"' },
    // sources
    { name: 'an unknown source id in a phase', change: (p) => (p.regions.HK.timeline[0].source = 'blog-post'), path: ['regions', 'HK', 'timeline', 0, 'source'], says: '"blog-post" is not a key of policy.sources' },
    { name: "an unknown source id for a phase's end", change: (p) => (p.regions.HK.timeline[0].endSource = 'pcpd-2024'), path: ['regions', 'HK', 'timeline', 0, 'endSource'], says: '"pcpd-2024" is not a key of policy.sources' },
    { name: 'an unknown source id in a category', change: (p) => (p.categories.profile.source = 'rumour'), path: ['categories', 'profile', 'source'], says: '"rumour" is not a key of policy.sources' },
    { name: 'a rule without a source', change: (p) => delete p.categories.profile.source, path: ['categories', 'profile', 'source'], says: 'is missing' },
    { name: 'a source with url null and no note', change: (p) => { p.sources['linkedin-pp-2024'].url = null; delete p.sources['linkedin-pp-2024'].note }, path: ['sources', 'linkedin-pp-2024', 'note'], says: 'is missing: a source without a url says why' },
    { name: 'a source whose url is not a URL', change: (p) => (p.sources['linkedin-pp-2024'].url = 'linkedin.com/legal'), path: ['sources', 'linkedin-pp-2024', 'url'], says: /"linkedin\.com\/legal" is not an? (http\(s\) )?URL/ },
    // regions
    { name: 'an unknown region in outside', change: (p) => (p.outside = { region: 'APAC' }), path: ['outside', 'region'], says: '"APAC" is not a key of policy.regions' },
    { name: 'an unknown region in alsoReadAs', change: (p) => (p.territories.JE.alsoReadAs = 'GB'), path: ['territories', 'JE', 'alsoReadAs'], says: '"GB" is not a key of policy.regions' },
    { name: "alsoReadAs naming the territory's own region", change: (p) => (p.territories.JE.alsoReadAs = 'ROW'), path: ['territories', 'JE', 'alsoReadAs'], says: '"ROW" is already the region of JE' },
    { name: 'an unknown region in Meta\'s outside', base: metaAiEu, change: (p) => (p.outside = { region: 'ROW' }), path: ['outside', 'region'], says: '"ROW" is not a key of policy.regions' },
    { name: 'a country in two regions', change: (p) => p.regions.EEA.countries.push('DE'), path: ['regions', 'EEA', 'countries', 3], says: '"DE" is already in region EU' },
    { name: 'an unknown country code', change: (p) => p.regions.EU.countries.push('ZZ'), path: ['regions', 'EU', 'countries', 34], says: '"ZZ" is not an ISO 3166-1 alpha-2 code' },
    // zones
    { name: 'an invalid zone', change: (p) => (p.zones.XK.zones = ['Europe/Pristina']), path: ['zones', 'XK', 'zones', 0], says: '"Europe/Pristina" is not an IANA time zone' },
    { name: 'a code left without any zone', change: (p) => delete p.zones.XK, path: ['zones', 'XK'], says: 'XK has no zone in tzdb' },
    // texts
    { name: 'a missing English reason text', change: (p) => delete p.texts.en.reasons.paused, path: ['texts', 'en', 'reasons', 'paused'], says: 'is missing' },
    { name: 'an empty English reason text', change: (p) => (p.texts.en.reasons['end-range'] = ''), path: ['texts', 'en', 'reasons', 'end-range'], says: '"" is empty' },
    { name: 'advice naming an unknown channel', change: (p) => (p.texts.en.advice.email = 'Write to us.'), path: ['texts', 'en', 'advice', 'email'], says: '"email" is neither a channel nor "general"' },
    { name: "advice missing for one of the policy's channels", change: (p) => delete p.texts.en.advice['objection-form'], path: ['texts', 'en', 'advice', 'objection-form'], says: 'is missing: English advice is needed for every channel' },
    { name: 'a policy without channels', base: metaAiEu, change: (p) => (p.channels = {}), path: ['channels'], says: 'needs at least one opt-out channel' },
    // shape
    { name: 'an unknown key', change: (p) => (p.extra = true), path: ['extra'], says: '"extra" is not a known field' },
    { name: 'an unknown key in a phase', change: (p) => (p.regions.HK.timeline[0].until = '2024-10-11'), path: ['regions', 'HK', 'timeline', 0, 'until'], says: '"until" is not a known field' },
  ]
  for (const { name, change, path, says, base } of cases) {
    test(name, () => {
      const policy = copy(base)
      change(policy)
      expect(policySchema.safeParse(policy).success).toBe(false)
      // definePolicy checks with policySchema and words each issue with the value found there.
      const error = thrown(() => definePolicy(policy))
      expect(error.input).toBe('policy')
      const issue = error.issues.find((each) => JSON.stringify(each.path) === JSON.stringify(path))
      expect(issue?.message, JSON.stringify(error.issues)).toMatch(says)
      // And coverage refuses it, as a policy.
      expect(thrown(() => coverage({ country: 'DE' }, { policy })).input).toBe('policy')
    })
  }
})

describe('options.policy', () => {
  test('a changed date is a data change: the evaluator reads only the policy', () => {
    const later = copy()
    later.regions.EU.timeline[0].start = '2026-01-01'
    const member = { country: 'DE', timeZone: 'Europe/Berlin' }
    const asOf = '2025-12-01T00:00:00Z'
    expect(coverage(member, { asOf }).status).toBe('covered')
    const report = coverage(member, { asOf, policy: policySchema.parse(later) })
    expect(report.status).toBe('not-covered')
    expect(report.from?.toISOString()).toBe('2025-12-31T23:00:00.000Z')
  })

  test('a phase made possible is a data change too: never covered inside it', () => {
    const possible = copy()
    possible.regions.ROW.timeline[0].certainty = 'possible'
    const report = coverage({ country: 'US', timeZone: 'America/New_York' }, { asOf: '2025-01-01T00:00:00Z', policy: policySchema.parse(possible) })
    expect(report.status).toBe('undetermined')
    expect(report.windows.map((window) => window.certainty)).toEqual(['possible'])
  })

  test('a policy made with definePolicy is answered, under its own id', () => {
    const policy = definePolicy({ ...copy(metaAiEu), id: 'meta-ai-eu-reading-b', version: '1' } as Policy)
    const report = coverage({ country: 'FR', timeZone: 'Europe/Paris' }, { asOf: '2026-01-01T00:00:00Z', policy })
    expect([report.policy, report.policyVersion, report.status]).toEqual(['meta-ai-eu-reading-b', '1', 'covered'])
  })

  for (const [name, policy, member, from] of [
    ['linkedinGenAi', linkedinGenAi, { country: 'US', timeZone: 'America/New_York' }, '2024-09-18T04:00:00.000Z'],
    ['metaAiEu', metaAiEu, { country: 'FR', timeZone: 'Europe/Paris' }, '2025-05-26T22:00:00.000Z'],
  ] as const) {
    test(`${name} loaded from JSON and checked by policySchema works`, () => {
      const fromJson = policySchema.parse(JSON.parse(JSON.stringify(policy)))
      expect(coverage(member, { asOf: '2026-01-01T00:00:00Z', policy: fromJson }).from?.toISOString()).toBe(from)
    })
  }

  test('an invalid policy: coverage throws a PolicyInputError with input "policy"; its check names the path', () => {
    const broken = copy()
    broken.regions.HK.timeline[0].start = '2024-02-30'
    const error = thrown(() => coverage({ country: 'DE' }, { policy: broken }))
    expect(isPolicyInputError(error)).toBe(true)
    expect(error.input).toBe('policy')
    expect(error.message).toMatch(/^Invalid policy: /)
    expect(thrown(() => definePolicy(broken)).message).toContain('regions.HK.timeline[0].start: "2024-02-30" is not a real date')
  })

  test('dataUse and resolveRegion refuse an invalid policy alike', () => {
    const broken = copy()
    broken.outside = { region: 'APAC' }
    expect(thrown(() => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-01-01T00:00:00Z' }, { policy: broken })).input).toBe('policy')
    expect(thrown(() => resolveRegion('DE', { policy: broken })).input).toBe('policy')
  })

  test('a checked policy is not checked again: coverage calls do not parse it', () => {
    const policy = policySchema.parse(copy())
    const spies = [vi.spyOn(policySchema, 'safeParse'), vi.spyOn(policySchema, 'parse')]
    try {
      for (let call = 0; call < 5; call++) coverage({ country: 'DE' }, { asOf: '2026-01-01T00:00:00Z', policy })
      for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })
})

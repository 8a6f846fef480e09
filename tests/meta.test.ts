// Meta's EU/EEA policy (POLICY.md, last section) through coverage and dataUse:
// the same engine as LinkedIn's, with Meta's regions, channel and categories.
import { describe, expect, test } from 'vitest'
import { type ChannelOf, type CoverageStatus, coverage, type DataUseStatus, dataUse, isPolicyInputError, type MemberInput, metaAiEu, type ReasonCode } from '../src/index'

const policy = metaAiEu
type Member = MemberInput<ChannelOf<typeof metaAiEu>>
const codes = (reasons: readonly { code: ReasonCode }[]) => reasons.map((reason) => reason.code)
const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString())

describe('Meta: who is covered from when (2025-05-27, start of the day in the member\'s zone)', () => {
  // Start of 2025-05-27, written out by hand.
  const cases: { name: string; member: Member; region: string; start: string }[] = [
    { name: 'FR, Europe/Paris (CEST)', member: { country: 'FR', timeZone: 'Europe/Paris' }, region: 'EU', start: '2025-05-26T22:00:00.000Z' },
    { name: 'FR with no zone: Europe/Paris, its only one', member: { country: 'FR' }, region: 'EU', start: '2025-05-26T22:00:00.000Z' },
    { name: 'DE, Europe/Berlin', member: { country: 'DE', timeZone: 'Europe/Berlin' }, region: 'EU', start: '2025-05-26T22:00:00.000Z' },
    { name: 'RE (an outermost region, in the EU), Indian/Reunion', member: { country: 'RE', timeZone: 'Indian/Reunion' }, region: 'EU', start: '2025-05-26T20:00:00.000Z' },
    { name: 'PT, Atlantic/Azores', member: { country: 'PT', timeZone: 'Atlantic/Azores' }, region: 'EU', start: '2025-05-27T00:00:00.000Z' },
    { name: 'NO (EEA), Europe/Oslo', member: { country: 'NO', timeZone: 'Europe/Oslo' }, region: 'EEA', start: '2025-05-26T22:00:00.000Z' },
    { name: 'IS (EEA), Atlantic/Reykjavik', member: { country: 'IS', timeZone: 'Atlantic/Reykjavik' }, region: 'EEA', start: '2025-05-27T00:00:00.000Z' },
    { name: 'LI (EEA), Europe/Vaduz', member: { country: 'LI', timeZone: 'Europe/Vaduz' }, region: 'EEA', start: '2025-05-26T22:00:00.000Z' },
  ]
  const sides = [
    { side: 'a second before the start', shift: -1000, status: 'not-covered', reason: 'not-started' },
    { side: 'at the start', shift: 0, status: 'covered', reason: undefined },
    { side: 'a second after the start', shift: 1000, status: 'covered', reason: undefined },
    { side: 'in 2027', shift: 2 * 365 * 86_400_000, status: 'covered', reason: undefined },
  ] as const
  const table = cases.flatMap((each) => sides.map((side) => ({ ...each, ...side })))
  test.each(table)('$name: $side', ({ member, region, start, shift, status, reason }) => {
    const report = coverage(member, { asOf: new Date(Date.parse(start) + shift), policy })
    expect(report.policy).toBe('meta-ai-eu')
    expect(report.status).toBe(status)
    if (reason !== undefined) expect(codes(report.reasons)).toContain(reason)
    expect(report.region).toBe(region)
    expect(report.alsoReadAs).toBeNull()
    expect(isoOrNull(report.from)).toBe(start)
    expect(report.until).toBeNull()
    expect(report.windows.map((window) => ({ ...window, from: window.from.toISOString() }))).toEqual([
      { from: start, until: null, phases: [`${region}/2025-eu`], certainty: 'stated', untilRange: null },
    ])
  })
})

describe('Meta: outside the EU and EEA the policy says nothing', () => {
  const members: { name: string; member: Member }[] = [
    { name: 'CH (not in the EEA)', member: { country: 'CH', timeZone: 'Europe/Zurich' } },
    { name: 'GB', member: { country: 'GB' } },
    { name: 'US', member: { country: 'US', timeZone: 'America/New_York' } },
    { name: 'FO (Denmark, outside the EU and the EEA)', member: { country: 'FO' } },
    { name: 'US, opted out before the start', member: { country: 'US', optOuts: [{ at: '2024-06-01T00:00:00Z', via: 'objection-form' }] } },
  ]
  const asOfs = ['2024-01-01T00:00:00Z', '2025-05-27T12:00:00Z', '2027-01-01T00:00:00Z']
  test.each(members.flatMap((each) => asOfs.map((asOf) => ({ ...each, asOf }))))('$name at $asOf: undetermined, outside-policy, no windows', ({ member, asOf }) => {
    const report = coverage(member, { asOf, policy })
    expect(report.status).toBe('undetermined')
    expect(report.region).toBeNull()
    expect(report.alsoReadAs).toBeNull()
    expect(report.timeline).toEqual([])
    expect(report.from).toBeNull()
    expect(report.until).toBeNull()
    expect(report.windows).toEqual([])
    const outside = report.reasons.find((reason) => reason.code === 'outside-policy')
    expect(outside?.source).toBe('meta-newsroom-2025-04-14')
    expect(outside?.message).toContain(report.country)
  })

  test.each(members)('$name: every item is undetermined, with the outside-policy reason', ({ member }) => {
    for (const category of ['public-post', 'private-message', 'made-up']) {
      const use = dataUse(member, { category, createdAt: '2025-06-01T00:00:00Z' }, { asOf: '2026-01-01T00:00:00Z', policy })
      expect(use.status).toBe('undetermined')
      expect(codes(use.reasons)).toContain('outside-policy')
    }
  })
})

describe('Meta: the objection form', () => {
  const paris = { country: 'FR', timeZone: 'Europe/Paris' } as const
  const post = (createdAt: string) => ({ category: 'public-post', createdAt })
  type Case = {
    name: string
    member: Member
    asOf: string
    status: CoverageStatus
    from: string | null
    reasons: ReasonCode[]
    items: [createdAt: string, status: DataUseStatus][]
  }
  const cases: Case[] = [
    {
      name: 'an objection filed in 2024: nothing is ever used',
      member: { ...paris, optOuts: [{ at: '2024-11-20T10:00:00Z', via: 'objection-form' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      from: null,
      reasons: ['opted-out-before-start'],
      items: [['2024-10-01T00:00:00Z', 'out-of-scope'], ['2025-06-01T00:00:00Z', 'out-of-scope'], ['2025-12-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'an objection a second before the start: nothing is ever used',
      member: { ...paris, optOuts: [{ at: '2025-05-26T21:59:59Z', via: 'objection-form' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      from: null,
      reasons: ['opted-out-before-start'],
      items: [['2025-05-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'an objection after the start: items created before it retained, later ones out of scope',
      member: { ...paris, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      from: '2025-05-26T22:00:00.000Z',
      reasons: ['opted-out-for-good'],
      items: [['2020-01-01T00:00:00Z', 'retained'], ['2025-06-30T23:59:59Z', 'retained'], ['2025-07-01T00:00:01Z', 'out-of-scope'], ['2025-12-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'an opt-in after the objection is ignored: the objection lasts',
      member: { ...paris, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2025-09-01T00:00:00Z' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      from: '2025-05-26T22:00:00.000Z',
      reasons: ['opt-in-ignored', 'opted-out-for-good'],
      items: [['2025-06-01T00:00:00Z', 'retained'], ['2025-10-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'an opt-in after a 2024 objection is ignored: nothing is ever used',
      member: { ...paris, optOuts: [{ at: '2024-11-20T10:00:00Z', via: 'objection-form' }], optIns: [{ at: '2025-09-01T00:00:00Z' }] },
      asOf: '2026-01-01T00:00:00Z',
      status: 'not-covered',
      from: null,
      reasons: ['opt-in-ignored'],
      items: [['2025-10-01T00:00:00Z', 'out-of-scope']],
    },
    {
      name: 'before the objection the member is covered and every item in scope',
      member: { ...paris, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' }] },
      asOf: '2025-06-15T00:00:00Z',
      status: 'covered',
      from: '2025-05-26T22:00:00.000Z',
      reasons: [],
      items: [['2020-01-01T00:00:00Z', 'in-scope'], ['2025-06-14T00:00:00Z', 'in-scope'], ['2025-06-16T00:00:00Z', 'out-of-scope']],
    },
  ]
  test.each(cases)('$name', ({ member, asOf, status, from, reasons, items }) => {
    const report = coverage(member, { asOf, policy })
    expect(report.status).toBe(status)
    expect(isoOrNull(report.from)).toBe(from)
    expect(codes(report.reasons)).toEqual(expect.arrayContaining(reasons))
    if (from === null) expect(report.windows).toEqual([])
    for (const [createdAt, expected] of items) {
      expect({ createdAt, status: dataUse(member, post(createdAt), { asOf, policy }).status }).toEqual({ createdAt, status: expected })
    }
  })

  test("'setting' is not a Meta channel: an input error naming optOuts[0].via", () => {
    const member = { ...paris, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'setting' }] } as unknown as Member
    for (const call of [() => coverage(member, { policy }), () => dataUse(member, post('2025-06-01'), { policy })]) {
      let thrown: unknown
      try {
        call()
      } catch (error) {
        thrown = error
      }
      expect(isPolicyInputError(thrown)).toBe(true)
      if (!isPolicyInputError(thrown)) return
      expect(thrown.input).toBe('member')
      expect(thrown.issues).toHaveLength(1)
      expect(thrown.issues[0]?.path).toEqual(['optOuts', 0, 'via'])
      expect(thrown.issues[0]?.message).toContain('"setting"')
      expect(thrown.issues[0]?.message).toContain('objection-form')
      expect(thrown.message).toContain('optOuts[0].via')
    }
  })

  test("LinkedIn's 'objection-form' and Meta's are the policies' own: the same name, Meta's wording", () => {
    const report = coverage({ ...paris, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' }] }, { asOf: '2026-01-01T00:00:00Z', policy })
    const reason = report.reasons.find((each) => each.code === 'opted-out-for-good')
    expect(reason?.source).toBe('meta-objection-form')
    expect(reason?.message).toContain(policy.channels['objection-form'].name)
  })
})

describe("Meta: categories (a covered adult, asOf 2026-01-01)", () => {
  const member = { country: 'DE', timeZone: 'Europe/Berlin', birthDate: '1990-04-02' } as const
  const cases: { category: string; status: DataUseStatus; reason: ReasonCode }[] = [
    { category: 'public-post', status: 'in-scope', reason: 'category-used' },
    { category: 'public-comment', status: 'in-scope', reason: 'category-used' },
    { category: 'meta-ai-interaction', status: 'in-scope', reason: 'category-used' },
    { category: 'private-message', status: 'out-of-scope', reason: 'category-not-used' },
    { category: 'whatsapp-message', status: 'out-of-scope', reason: 'category-not-used' },
    { category: 'minor-public-data', status: 'out-of-scope', reason: 'category-not-used' },
    { category: 'profile', status: 'undetermined', reason: 'category-unknown' },
    { category: 'reels-caption', status: 'undetermined', reason: 'category-unknown' },
  ]
  test.each(cases)('$category: $status', ({ category, status, reason }) => {
    const use = dataUse(member, { category, createdAt: '2025-09-01 12:00' }, { asOf: '2026-01-01T00:00:00Z', policy })
    expect(use.status).toBe(status)
    expect(codes(use.reasons)).toContain(reason)
    const named = use.reasons.find((each) => each.code === reason)
    if (reason !== 'category-unknown') expect(named?.source).toBe(policy.categories[category as keyof typeof policy.categories].source)
  })

  test('an unknown category never overrides a certain out-of-scope: an item created after an objection', () => {
    const objected = { ...member, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' as const }] }
    expect(dataUse(objected, { category: 'reels-caption', createdAt: '2025-09-01' }, { asOf: '2026-01-01T00:00:00Z', policy }).status).toBe('out-of-scope')
    expect(dataUse(objected, { category: 'reels-caption', createdAt: '2025-06-01' }, { asOf: '2026-01-01T00:00:00Z', policy }).status).toBe('undetermined')
  })

  test('a day written without a zone is a range: undetermined only where the objection falls inside it', () => {
    const objected = { ...member, optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' as const }] }
    const at = { asOf: '2026-01-01T00:00:00Z', policy }
    const cases: { createdAt: string; timeZone?: string; status: DataUseStatus }[] = [
      { createdAt: '2025-06-29', status: 'retained' },
      // Somewhere on Earth 30 June runs until 1 July 11:59:59Z, after the objection.
      { createdAt: '2025-06-30', status: 'undetermined' },
      { createdAt: '2025-06-30', timeZone: 'Europe/Berlin', status: 'retained' },
      { createdAt: '2025-07-01 01:30', timeZone: 'Europe/Berlin', status: 'retained' },
      { createdAt: '2025-07-01 02:30', timeZone: 'Europe/Berlin', status: 'out-of-scope' },
      { createdAt: '2025-07-02', status: 'out-of-scope' },
    ]
    for (const { createdAt, timeZone, status } of cases) {
      const use = dataUse(objected, { category: 'public-post', createdAt, timeZone }, at)
      expect({ createdAt, timeZone, status: use.status }).toEqual({ createdAt, timeZone, status })
      if (status === 'undetermined') expect(codes(use.reasons)).toContain('created-in-range')
    }
  })
})

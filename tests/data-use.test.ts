import { describe, expect, test } from 'vitest'
import { type ChannelOf, dataUse, type DataUseReport, type DataUseStatus, linkedinGenAi, type MemberInput, metaAiEu, type ReasonCode } from '../src/index'

type LinkedInMember = MemberInput<ChannelOf<typeof linkedinGenAi>>
const berlin = { country: 'DE', timeZone: 'Europe/Berlin' } as const
const optedOut: LinkedInMember = { ...berlin, optOuts: [{ at: '2026-02-01T12:00:00Z', via: 'setting' }] }
const codes = (report: DataUseReport) => report.reasons.map((reason) => reason.code)

describe('dataUse: categories', () => {
  for (const [slug, { used, source }] of Object.entries(linkedinGenAi.categories)) {
    test(`${slug} is ${used ? 'in-scope' : 'out-of-scope'} for a covered member`, () => {
      const report = dataUse(berlin, { category: slug, createdAt: '2025-06-01T00:00:00Z' }, { asOf: '2026-01-01T00:00:00Z' })
      expect(report.status).toBe(used ? 'in-scope' : 'out-of-scope')
      expect(codes(report)[0]).toBe(used ? 'category-used' : 'category-not-used')
      expect(report.reasons[0]?.source).toBe(source)
    })
  }

  test('POLICY.md\'s categories, with feedback used', () => {
    const used = Object.entries(linkedinGenAi.categories).flatMap(([slug, category]) => (category.used ? [slug] : []))
    expect(used).toEqual(['profile', 'content', 'group-activity', 'genai-interaction', 'resume', 'feedback'])
    expect(Object.keys(linkedinGenAi.categories).filter((slug) => !used.includes(slug))).toEqual(['private-message', 'job-application', 'salary', 'credentials', 'payment'])
  })

  for (const category of ['photos', 'Profile', '', 'toString', '__proto__']) {
    test(`an unknown category ${JSON.stringify(category)} is undetermined`, () => {
      const report = dataUse(berlin, { category, createdAt: '2025-06-01T00:00:00Z' }, { asOf: '2026-01-01T00:00:00Z' })
      expect(report.status).toBe('undetermined')
      expect(codes(report)[0]).toBe('category-unknown')
    })
  }

  test("Meta's categories are its own", () => {
    const member = { country: 'FR', timeZone: 'Europe/Paris' }
    const options = { asOf: '2026-01-01T00:00:00Z', policy: metaAiEu }
    expect(dataUse(member, { category: 'public-post', createdAt: '2025-06-01T00:00:00Z' }, options).status).toBe('in-scope')
    expect(dataUse(member, { category: 'private-message', createdAt: '2025-06-01T00:00:00Z' }, options).status).toBe('out-of-scope')
    expect(dataUse(member, { category: 'profile', createdAt: '2025-06-01T00:00:00Z' }, options).status).toBe('undetermined')
  })
})

type Case = {
  name: string
  member: LinkedInMember
  category?: string
  createdAt: string | Date
  timeZone?: string
  asOf: string
  status: DataUseStatus
  code: ReasonCode
}

function check(cases: readonly Case[]) {
  for (const { name, member, category = 'content', createdAt, timeZone, asOf, status, code } of cases) {
    test(name, () => {
      const report = dataUse(member, timeZone === undefined ? { category, createdAt } : { category, createdAt, timeZone }, { asOf })
      expect(report.status).toBe(status)
      expect(codes(report)).toContain(code)
    })
  }
}

const hk = { country: 'HK' } as const
const hkOptedOut2025: LinkedInMember = { ...hk, optOuts: [{ at: '2025-10-10T00:00:00Z', via: 'setting' }] }
const toronto = { country: 'CA', timeZone: 'America/Toronto' } as const
const london = { country: 'GB', timeZone: 'Europe/London' } as const
/** A UK member who opted out after the possible 2024 phase and before 2025: they were only ever in a possible phase. */
const londonOptedOut2024: LinkedInMember = { ...london, optOuts: [{ at: '2024-10-01T00:00:00Z', via: 'setting' }] }
/** Asked while HK's use is paused (2024-10-11 to 2025-11-03). */
const inHkPause = '2025-06-01T00:00:00Z'

describe('dataUse: in-scope', () => {
  check([
    { name: 'an item from before the phase, in a window: in-scope', member: berlin, createdAt: '2020-01-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'feedback, in a window: in-scope', member: berlin, category: 'feedback', createdAt: '2025-12-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'created after turning 18: in-scope', member: { ...berlin, birthDate: '2008-02-29' }, createdAt: '2026-04-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'created in an opt-out gap, asOf after opting back in: in-scope', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, createdAt: '2025-12-15T00:00:00Z', asOf: '2026-01-15T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'HK in 2026, an item from the pause: in-scope (any item that exists)', member: hk, createdAt: '2025-01-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'HK in 2026, a day createdAt across the pause boundary: in-scope all the same', member: hk, createdAt: '2024-10-11', asOf: '2026-01-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
  ])
})

describe('dataUse: retained', () => {
  check([
    { name: 'existed during the window, asOf after the opt-out: retained', member: optedOut, createdAt: '2026-01-10T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    { name: 'created one millisecond before the opt-out: retained', member: optedOut, createdAt: '2026-02-01T11:59:59.999Z', asOf: '2026-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    { name: 'an objection: retained, never in-scope again', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, createdAt: '2025-11-15T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    // POLICY.md, Phases: what existed during HK's 2024 phase stays retained whatever the member did in 2025.
    { name: 'HK item from 2024, after a 2025 opt-out: retained', member: hkOptedOut2025, createdAt: '2024-10-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'retained', code: 'retained' },
    { name: 'HK item from before 2024-09-18, after a 2025 opt-out: retained', member: hkOptedOut2025, createdAt: '2020-01-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'retained', code: 'retained' },
    // POLICY.md, Phases: a pause is LinkedIn's act, not an opt-out.
    { name: 'a pause keeps retained: HK item from 2024, asked during the pause', member: hk, createdAt: '2024-10-01T00:00:00Z', asOf: inHkPause, status: 'retained', code: 'retained' },
    { name: 'a pause keeps retained: created one millisecond before the pause', member: hk, createdAt: '2024-10-10T15:59:59.999Z', asOf: inHkPause, status: 'retained', code: 'retained' },
    { name: 'a ranged pause keeps retained: CA item from before the range, asked after it', member: toronto, createdAt: '2024-10-01T00:00:00Z', asOf: '2025-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    // POLICY.md: a day in a zone given is the day's instants there; the boundary (2024-10-11 00:00 HK) is not inside.
    { name: "HK, day createdAt '2024-10-10' with timeZone Asia/Hong_Kong: retained (certain)", member: hk, createdAt: '2024-10-10', timeZone: 'Asia/Hong_Kong', asOf: inHkPause, status: 'retained', code: 'retained' },
    { name: "HK, local createdAt '2024-10-10 23:30:00' with timeZone Asia/Hong_Kong: retained (certain)", member: hk, createdAt: '2024-10-10 23:30:00', timeZone: 'Asia/Hong_Kong', asOf: inHkPause, status: 'retained', code: 'retained' },
  ])
})

describe('dataUse: out-of-scope', () => {
  check([
    { name: 'a category not used: out-of-scope', member: berlin, category: 'private-message', createdAt: '2025-12-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'out-of-scope', code: 'category-not-used' },
    { name: 'before the phase: out-of-scope (not started)', member: berlin, createdAt: '2025-01-01T00:00:00Z', asOf: '2025-11-02T22:59:59Z', status: 'out-of-scope', code: 'not-started' },
    { name: 'created at the opt-out instant: out-of-scope', member: optedOut, createdAt: '2026-02-01T12:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'created after the opt-out: out-of-scope', member: optedOut, createdAt: '2026-03-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'not yet created at asOf: out-of-scope', member: berlin, createdAt: '2027-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'not-yet-created' },
    { name: 'a member who opted out before the start: out-of-scope (never covered)', member: { ...berlin, optOuts: [{ at: '2025-10-01T00:00:00Z', via: 'setting' }] }, createdAt: '2025-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'never-covered' },
    { name: 'a member in secondary school: out-of-scope (never covered)', member: { ...berlin, secondarySchool: true }, createdAt: '2025-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'never-covered' },
    { name: 'created in an opt-out gap, asOf in the gap: out-of-scope', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, createdAt: '2025-12-15T00:00:00Z', asOf: '2025-12-20T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'HK item created during the pause, after a 2025 opt-out: created after the last window', member: hkOptedOut2025, createdAt: '2025-01-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'HK item created at the pause instant, asked during the pause: out-of-scope', member: hk, createdAt: '2024-10-10T16:00:00Z', asOf: inHkPause, status: 'out-of-scope', code: 'created-after-use' },
    { name: 'CA item created after the latest end of the range, asked in 2025: out-of-scope', member: toronto, createdAt: '2024-12-10T05:00:00Z', asOf: '2025-06-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    // An unknown category never overrides a certain out-of-scope.
    { name: 'an unknown category, member never covered: out-of-scope', member: { ...berlin, optOuts: [{ at: '2025-10-01T00:00:00Z', via: 'setting' }] }, category: 'photos', createdAt: '2025-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'never-covered' },
    { name: 'an unknown category, created after the last window: out-of-scope', member: optedOut, category: 'photos', createdAt: '2026-03-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'an unknown category, not yet created: out-of-scope', member: berlin, category: 'photos', createdAt: '2027-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'not-yet-created' },
  ])
})

describe('dataUse: undetermined', () => {
  check([
    { name: 'an unknown category, in a window: undetermined', member: berlin, category: 'photos', createdAt: '2025-12-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'undetermined', code: 'category-unknown' },
    { name: 'an unknown category, item retained: undetermined', member: optedOut, category: 'photos', createdAt: '2026-01-10T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'undetermined', code: 'category-unknown' },
    { name: 'created while under 18, asOf after 18: undetermined', member: { ...berlin, birthDate: '2008-02-29' }, createdAt: '2025-12-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'undetermined', code: 'created-under-18' },
    { name: 'created under 18 and retained after an opt-out: undetermined', member: { ...berlin, birthDate: '2008-02-29', optOuts: [{ at: '2026-04-01T00:00:00Z', via: 'setting' }] }, createdAt: '2025-12-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'undetermined', code: 'created-under-18' },
    { name: 'birth year only, item from the year of turning 18: undetermined', member: { ...berlin, birthDate: '2008' }, createdAt: '2026-06-01T00:00:00Z', asOf: '2027-06-01T00:00:00Z', status: 'undetermined', code: 'created-under-18' },
    { name: 'a zone not given and the start unclear at asOf: undetermined', member: { country: 'CA' }, createdAt: '2025-01-01T00:00:00Z', asOf: '2025-11-03T05:00:00Z', status: 'undetermined', code: 'start-undetermined' },
    // POLICY.md, Phases: an item that existed only during a possible phase is undetermined, not retained.
    { name: 'UK item existing only during the possible 2024 phase, asked during the pause', member: london, createdAt: '2024-09-19T00:00:00Z', asOf: '2025-06-01T00:00:00Z', status: 'undetermined', code: 'created-only-possible' },
    { name: 'UK item existing only during the possible 2024 phase, the member opted out in 2024', member: londonOptedOut2024, createdAt: '2024-09-19T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'undetermined', code: 'created-only-possible' },
    // POLICY.md, Phases: inside a ranged boundary the answer is undetermined.
    { name: 'CA item created inside the ranged end, asked after it: undetermined', member: toronto, createdAt: '2024-11-01T00:00:00Z', asOf: '2025-06-01T00:00:00Z', status: 'undetermined', code: 'end-range' },
    // POLICY.md, data categories: a day or a local time without a zone is a range; a boundary inside it is undetermined.
    { name: "HK, day createdAt '2024-10-11' without zone: the pause boundary falls inside", member: hk, createdAt: '2024-10-11', asOf: inHkPause, status: 'undetermined', code: 'created-in-range' },
    { name: "HK, local createdAt '2024-10-10 23:30:00' without zone: the pause boundary falls inside", member: hk, createdAt: '2024-10-10 23:30:00', asOf: inHkPause, status: 'undetermined', code: 'created-in-range' },
  ])
})

describe('dataUse: the creation range', () => {
  const cases = [
    { name: 'an instant', item: { category: 'content', createdAt: '2024-10-11T09:30:00+08:00' }, from: '2024-10-11T01:30:00.000Z', until: '2024-10-11T01:30:00.000Z' },
    { name: 'a day without zone: across every zone on Earth (UTC+14 to UTC-12)', item: { category: 'content', createdAt: '2024-10-11' }, from: '2024-10-10T10:00:00.000Z', until: '2024-10-12T11:59:59.999Z' },
    { name: 'a day in Asia/Hong_Kong', item: { category: 'content', createdAt: '2024-10-10', timeZone: 'Asia/Hong_Kong' }, from: '2024-10-09T16:00:00.000Z', until: '2024-10-10T15:59:59.999Z' },
    { name: 'a local time without zone', item: { category: 'content', createdAt: '2024-10-10 23:30:00' }, from: '2024-10-10T09:30:00.000Z', until: '2024-10-11T11:30:00.000Z' },
    { name: 'a local time in Asia/Hong_Kong', item: { category: 'content', createdAt: '2024-10-10 23:30:00', timeZone: 'Asia/Hong_Kong' }, from: '2024-10-10T15:30:00.000Z', until: '2024-10-10T15:30:00.000Z' },
  ] as const
  for (const { name, item, from, until } of cases) {
    test(name, () => {
      const report = dataUse(hk, item, { asOf: inHkPause })
      expect([report.createdFrom.toISOString(), report.createdUntil.toISOString()]).toEqual([from, until])
    })
  }

  test('the created-in-range reason names the range', () => {
    const reason = dataUse(hk, { category: 'content', createdAt: '2024-10-11' }, { asOf: inHkPause }).reasons.find((each) => each.code === 'created-in-range')
    expect(reason?.message).toContain('2024-10-10T10:00:00.000Z')
    expect(reason?.message).toContain('2024-10-12T11:59:59.999Z')
  })

  test('the created-only-possible reason names the phase and its source', () => {
    const reason = dataUse(london, { category: 'content', createdAt: '2024-09-19T00:00:00Z' }, { asOf: '2025-06-01T00:00:00Z' }).reasons.find((each) => each.code === 'created-only-possible')
    expect(reason).toMatchObject({ phase: 'UK/2024-global', source: 'ico-2024-09-20' })
  })

  test('accepts a Date for createdAt', () => {
    expect(dataUse(berlin, { category: 'profile', createdAt: new Date('2025-01-01T00:00:00Z') }, { asOf: '2026-01-01T00:00:00Z' }).status).toBe('in-scope')
  })
})

test('outside a policy that answers them undetermined, every item is undetermined', () => {
  const report = dataUse({ country: 'US' }, { category: 'public-post', createdAt: '2025-06-01T00:00:00Z' }, { asOf: '2026-01-01T00:00:00Z', policy: metaAiEu })
  expect(report.status).toBe('undetermined')
  expect(codes(report)).toContain('outside-policy')
})

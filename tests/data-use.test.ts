import { describe, expect, test } from 'vitest'
import { categories, dataUse, type DataUseReport, linkedinGenAi, type MemberInput } from '../src/index'

const berlin = { country: 'DE', timeZone: 'Europe/Berlin' } as const
const optedOut: MemberInput = { ...berlin, optOuts: [{ at: '2026-02-01T12:00:00Z', via: 'setting' }] }
const codes = (report: DataUseReport) => report.reasons.map((reason) => reason.code)

describe('dataUse: categories', () => {
  for (const slug of categories) {
    const { used } = linkedinGenAi.categories[slug]
    test(`${slug} is ${used ? 'in-scope' : 'out-of-scope'} for a covered member`, () => {
      const report = dataUse(berlin, { category: slug, createdAt: '2025-06-01T00:00:00Z' }, { asOf: '2026-01-01T00:00:00Z' })
      expect(report.status).toBe(used ? 'in-scope' : 'out-of-scope')
      expect(codes(report)[0]).toBe(used ? 'category-used' : 'category-not-used')
      expect(report.reasons[0]?.source).toBe(linkedinGenAi.categories[slug].source)
    })
  }

  for (const category of ['photos', 'Profile', '', 'toString', '__proto__']) {
    test(`an unknown category ${JSON.stringify(category)} is undetermined`, () => {
      const report = dataUse(berlin, { category, createdAt: '2025-06-01T00:00:00Z' }, { asOf: '2026-01-01T00:00:00Z' })
      expect(report.status).toBe('undetermined')
      expect(codes(report)[0]).toBe('category-unknown')
    })
  }
})

describe('dataUse: when the item was created', () => {
  const cases = [
    { name: 'an item from before the rollout, in a window: in-scope', member: berlin, createdAt: '2020-01-01T00:00:00Z', asOf: '2026-01-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'before the rollout: out-of-scope (not started)', member: berlin, createdAt: '2025-01-01T00:00:00Z', asOf: '2025-11-02T22:59:59Z', status: 'out-of-scope', code: 'not-started' },
    { name: 'existed during the window, asOf after the opt-out: retained', member: optedOut, createdAt: '2026-01-10T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    { name: 'created one millisecond before the opt-out: retained', member: optedOut, createdAt: '2026-02-01T11:59:59.999Z', asOf: '2026-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    { name: 'created at the opt-out instant: out-of-scope', member: optedOut, createdAt: '2026-02-01T12:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'created after the opt-out: out-of-scope', member: optedOut, createdAt: '2026-03-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'not yet created at asOf: out-of-scope', member: berlin, createdAt: '2027-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'not-yet-created' },
    { name: 'a member who opted out before the start: out-of-scope', member: { ...berlin, optOuts: [{ at: '2025-10-01T00:00:00Z', via: 'setting' }] }, createdAt: '2025-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'never-covered' },
    { name: 'a member in secondary school: out-of-scope', member: { ...berlin, secondarySchool: true }, createdAt: '2025-01-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'out-of-scope', code: 'never-covered' },
    { name: 'created while under 18, asOf after 18: undetermined', member: { ...berlin, birthDate: '2008-02-29' }, createdAt: '2025-12-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'undetermined', code: 'created-under-18' },
    { name: 'created after turning 18: in-scope', member: { ...berlin, birthDate: '2008-02-29' }, createdAt: '2026-04-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'created under 18 and retained after an opt-out: undetermined', member: { ...berlin, birthDate: '2008-02-29', optOuts: [{ at: '2026-04-01T00:00:00Z', via: 'setting' }] }, createdAt: '2025-12-01T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'undetermined', code: 'created-under-18' },
    { name: 'created in an opt-out gap, asOf in the gap: out-of-scope', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, createdAt: '2025-12-15T00:00:00Z', asOf: '2025-12-20T00:00:00Z', status: 'out-of-scope', code: 'created-after-use' },
    { name: 'created in an opt-out gap, asOf after opting back in: in-scope', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, createdAt: '2025-12-15T00:00:00Z', asOf: '2026-01-15T00:00:00Z', status: 'in-scope', code: 'category-used' },
    { name: 'an objection: retained, never in-scope again', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, createdAt: '2025-11-15T00:00:00Z', asOf: '2026-06-01T00:00:00Z', status: 'retained', code: 'retained' },
    { name: 'a zone not given and the start unclear at asOf: undetermined', member: { country: 'CA' }, createdAt: '2025-01-01T00:00:00Z', asOf: '2025-11-03T05:00:00Z', status: 'undetermined', code: 'start-undetermined' },
    { name: 'birth year only, item from the year of turning 18: undetermined', member: { ...berlin, birthDate: '2008' }, createdAt: '2026-06-01T00:00:00Z', asOf: '2027-06-01T00:00:00Z', status: 'undetermined', code: 'created-under-18' },
  ] as const
  for (const { name, member, createdAt, asOf, status, code } of cases) {
    test(name, () => {
      const report = dataUse(member, { category: 'content', createdAt }, { asOf })
      expect(report.status).toBe(status)
      expect(codes(report)).toContain(code)
    })
  }

  test('accepts a Date for createdAt', () => {
    expect(dataUse(berlin, { category: 'profile', createdAt: new Date('2025-01-01T00:00:00Z') }, { asOf: '2026-01-01T00:00:00Z' }).status).toBe('in-scope')
  })
})

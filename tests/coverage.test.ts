import { describe, expect, test } from 'vitest'
import { type CoverageReport, coverage, coveredFrom, isCovered, type MemberInput, safeCoverage } from '../src/index'

const iso = (date: Date | null) => (date === null ? null : date.toISOString())
const windowsOf = (report: CoverageReport) => report.windows.map((window) => [iso(window.from), iso(window.until)])
const codes = (report: CoverageReport) => report.reasons.map((reason) => reason.code)

type Case = {
  name: string
  member: MemberInput
  asOf: string
  status: CoverageReport['status']
  from: string | null
  until?: string | null
  windows?: (string | null)[][]
  reasons?: string[]
}

function check(cases: readonly Case[]) {
  for (const { name, member, asOf, status, from, until, windows, reasons } of cases) {
    test(name, () => {
      const report = coverage(member, { asOf })
      expect(report.status).toBe(status)
      expect(iso(report.from)).toBe(from)
      if (until !== undefined) expect(iso(report.until)).toBe(until)
      if (windows !== undefined) expect(windowsOf(report)).toEqual(windows)
      if (reasons !== undefined) expect(codes(report)).toEqual(expect.arrayContaining(reasons))
      if (status !== 'covered') expect(report.reasons.length).toBeGreaterThan(1)
      for (const reason of report.reasons) expect(reason.source === undefined || reason.source.length > 0).toBe(true)
    })
  }
}

describe('coverage: the instant a rollout starts', () => {
  check([
    { name: 'Europe/Berlin starts at 2025-11-02T23:00Z', member: { country: 'DE', timeZone: 'Europe/Berlin' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', until: null },
    { name: 'one millisecond earlier Berlin is not covered yet', member: { country: 'DE', timeZone: 'Europe/Berlin' }, asOf: '2025-11-02T22:59:59.999Z', status: 'not-covered', from: '2025-11-02T23:00:00.000Z', reasons: ['rollout-not-started'] },
    { name: 'Europe/London starts at 2025-11-03T00:00Z', member: { country: 'GB', timeZone: 'Europe/London' }, asOf: '2025-11-03T00:00:00Z', status: 'covered', from: '2025-11-03T00:00:00.000Z' },
    { name: 'Asia/Hong_Kong starts at 2025-11-02T16:00Z', member: { country: 'HK', timeZone: 'Asia/Hong_Kong' }, asOf: '2025-11-02T16:00:00Z', status: 'covered', from: '2025-11-02T16:00:00.000Z' },
    { name: 'America/St_Johns starts at 2025-11-03T03:30Z', member: { country: 'CA', timeZone: 'America/St_Johns' }, asOf: '2025-11-03T03:29:59Z', status: 'not-covered', from: '2025-11-03T03:30:00.000Z' },
    { name: 'America/Vancouver starts at 2025-11-03T08:00Z (DST ended the day before)', member: { country: 'CA', timeZone: 'America/Vancouver' }, asOf: '2025-11-03T08:00:00Z', status: 'covered', from: '2025-11-03T08:00:00.000Z' },
    { name: 'Switzerland, with its own zone', member: { country: 'CH', timeZone: 'Europe/Zurich' }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'Norway (EEA)', member: { country: 'NO' }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', reasons: ['time-zone-inferred'] },
    { name: 'the global rollout in New York', member: { country: 'US', timeZone: 'America/New_York' }, asOf: '2024-09-18T04:00:00Z', status: 'covered', from: '2024-09-18T04:00:00.000Z' },
    { name: 'an alias zone, Asia/Calcutta', member: { country: 'IN', timeZone: 'Asia/Calcutta' }, asOf: '2025-01-01T00:00:00Z', status: 'covered', from: '2024-09-17T18:30:00.000Z' },
    { name: 'a zone given in another case', member: { country: 'DE', timeZone: 'europe/berlin' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'XK, which tzdb lacks, uses the policy zone Europe/Belgrade', member: { country: 'XK' }, asOf: '2024-09-17T22:00:00Z', status: 'covered', from: '2024-09-17T22:00:00.000Z' },
    { name: 'Gibraltar is global, not UK', member: { country: 'GI' }, asOf: '2025-01-01T00:00:00Z', status: 'covered', from: '2024-09-17T22:00:00.000Z' },
    { name: 'Macao is global, not Hong Kong', member: { country: 'MO' }, asOf: '2025-01-01T00:00:00Z', status: 'covered', from: '2024-09-17T16:00:00.000Z' },
    { name: 'an Azores member with a zone given', member: { country: 'PT', timeZone: 'Atlantic/Azores' }, asOf: '2025-11-03T01:00:00Z', status: 'covered', from: '2025-11-03T01:00:00.000Z' },
  ])
})

describe('coverage: zones inferred from the country', () => {
  check([
    { name: 'CA before its easternmost start is not covered', member: { country: 'CA' }, asOf: '2025-11-03T03:29:59.999Z', status: 'not-covered', from: '2025-11-03T03:30:00.000Z', reasons: ['time-zone-inferred', 'rollout-not-started'] },
    { name: 'CA between its zones\' starts is undetermined', member: { country: 'CA' }, asOf: '2025-11-03T05:00:00Z', status: 'undetermined', from: '2025-11-03T03:30:00.000Z', reasons: ['time-zone-inferred', 'start-undetermined'] },
    { name: 'CA from its westernmost start is covered', member: { country: 'CA' }, asOf: '2025-11-03T08:00:00Z', status: 'covered', from: '2025-11-03T03:30:00.000Z' },
    { name: 'ES: Madrid starts an hour before the Canaries', member: { country: 'ES' }, asOf: '2025-11-02T23:30:00Z', status: 'undetermined', from: '2025-11-02T23:00:00.000Z' },
    { name: 'ES from the Canaries\' start', member: { country: 'ES' }, asOf: '2025-11-03T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'PT: the Azores start last', member: { country: 'PT' }, asOf: '2025-11-03T00:30:00Z', status: 'undetermined', from: '2025-11-03T00:00:00.000Z' },
    { name: 'DE: all its zones agree, so the answer is certain', member: { country: 'DE' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', reasons: ['time-zone-inferred'] },
  ])
})

describe('coverage: Crown Dependencies (ambiguous territories)', () => {
  check([
    { name: 'JE before the global start', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2024-09-17T22:59:59Z', status: 'not-covered', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous'] },
    { name: 'JE between the global and the UK start is undetermined', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2025-06-01T00:00:00Z', status: 'undetermined', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous', 'start-undetermined'] },
    { name: 'JE from the UK start is certainly covered', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2025-11-03T00:00:00Z', status: 'covered', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous'] },
    { name: 'GG likewise', member: { country: 'GG' }, asOf: '2025-06-01T00:00:00Z', status: 'undetermined', from: '2024-09-17T23:00:00.000Z' },
    { name: 'IM likewise', member: { country: 'IM' }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: '2024-09-17T23:00:00.000Z' },
  ])
})

describe('coverage: age', () => {
  const berlin = { country: 'DE', timeZone: 'Europe/Berlin' } as const
  check([
    { name: 'born 29 February: 18 on 1 March in a common year', member: { ...berlin, birthDate: '2008-02-29' }, asOf: '2026-02-28T23:00:00Z', status: 'covered', from: '2026-02-28T23:00:00.000Z', reasons: ['adult-from'] },
    { name: 'born 29 February: still 17 on 28 February', member: { ...berlin, birthDate: '2008-02-29' }, asOf: '2026-02-28T22:59:59.999Z', status: 'not-covered', from: '2026-02-28T23:00:00.000Z', reasons: ['under-18'] },
    { name: 'born 29 February, in Chicago: 18 at the start of 1 March there', member: { country: 'US', timeZone: 'America/Chicago', birthDate: '2008-02-29' }, asOf: '2026-03-01T06:00:00Z', status: 'covered', from: '2026-03-01T06:00:00.000Z' },
    { name: 'turning 18 on the effective day: covered from the rollout start', member: { ...berlin, birthDate: '2007-11-03' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'turning 18 the day after the effective day', member: { ...berlin, birthDate: '2007-11-04' }, asOf: '2025-11-03T12:00:00Z', status: 'not-covered', from: '2025-11-03T23:00:00.000Z', reasons: ['under-18'] },
    { name: 'a minor before the rollout: both reasons', member: { ...berlin, birthDate: '2010-05-05' }, asOf: '2025-01-01T00:00:00Z', status: 'not-covered', from: '2028-05-04T22:00:00.000Z', reasons: ['under-18', 'rollout-not-started'] },
    { name: 'birth year only: certainly a minor before 1 January of year+18', member: { ...berlin, birthDate: '2008' }, asOf: '2025-12-31T22:59:59Z', status: 'not-covered', from: '2025-12-31T23:00:00.000Z', reasons: ['birth-year-only', 'under-18'] },
    { name: 'birth year only: undetermined within year+18', member: { ...berlin, birthDate: '2008' }, asOf: '2026-06-01T00:00:00Z', status: 'undetermined', from: '2025-12-31T23:00:00.000Z', reasons: ['birth-year-only', 'start-undetermined'] },
    { name: 'birth year only: certainly an adult from 31 December of year+18', member: { ...berlin, birthDate: '2008' }, asOf: '2026-12-30T23:00:00Z', status: 'covered', from: '2025-12-31T23:00:00.000Z' },
    { name: 'no birth date: an adult, with a reason saying so', member: berlin, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', reasons: ['age-not-given'] },
    { name: 'secondary school: excluded whatever the birth date', member: { ...berlin, birthDate: '1990-01-01', secondarySchool: true }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: null, windows: [], reasons: ['secondary-school'] },
    { name: 'secondarySchool false changes nothing', member: { ...berlin, secondarySchool: false }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
  ])
})

test('a full birth date without a zone is still a full birth date (the 18th birthday spans the zones)', () => {
  const codes = coverage({ country: 'CA', birthDate: '2008-05-05' }, { asOf: '2026-05-05T05:00:00Z' }).reasons.map((reason) => reason.code)
  expect(codes).toContain('adult-from')
  expect(codes).not.toContain('birth-year-only')
  expect(codes).toContain('start-undetermined')
})

describe('coverage: opting out and in', () => {
  const berlin = { country: 'DE', timeZone: 'Europe/Berlin' } as const
  const start = '2025-11-02T23:00:00.000Z'
  check([
    { name: 'an opt-out before the start: nothing is ever used', member: { ...berlin, optOuts: [{ at: '2025-10-01T00:00:00Z', via: 'setting' }] }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: null, until: null, windows: [], reasons: ['opted-out-before-start'] },
    { name: 'an objection before the start: nothing is ever used', member: { ...berlin, optOuts: [{ at: '2025-11-02T22:59:59.999Z', via: 'objection-form' }] }, asOf: '2025-11-05T00:00:00Z', status: 'not-covered', from: null, windows: [] },
    { name: 'an opt-out at the very start instant: nothing is used', member: { ...berlin, optOuts: [{ at: start, via: 'setting' }] }, asOf: '2025-11-05T00:00:00Z', status: 'not-covered', from: null, windows: [] },
    { name: 'an opt-out after the start closes the window', member: { ...berlin, optOuts: [{ at: '2026-01-15T10:00:00+01:00', via: 'setting' }] }, asOf: '2026-02-01T00:00:00Z', status: 'not-covered', from: start, until: '2026-01-15T09:00:00.000Z', windows: [[start, '2026-01-15T09:00:00.000Z']], reasons: ['opted-out'] },
    { name: 'covered until the opt-out instant (exclusive)', member: { ...berlin, optOuts: [{ at: '2026-01-15T09:00:00Z', via: 'setting' }] }, asOf: '2026-01-15T08:59:59.999Z', status: 'covered', from: start, until: '2026-01-15T09:00:00.000Z' },
    {
      name: 'off, on, off: two windows',
      member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }, { at: '2026-02-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] },
      asOf: '2026-01-15T00:00:00Z',
      status: 'covered',
      from: start,
      until: '2026-02-01T00:00:00.000Z',
      windows: [[start, '2025-12-01T00:00:00.000Z'], ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']],
    },
    { name: 'off, on, off: not covered in the gap', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }, { at: '2026-02-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2025-12-15T00:00:00Z', status: 'not-covered', from: start, reasons: ['opted-out'] },
    { name: 'an objection lasts: a later opt-in changes nothing', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'not-covered', from: start, until: '2025-12-01T00:00:00.000Z', windows: [[start, '2025-12-01T00:00:00.000Z']], reasons: ['objected', 'opt-in-ignored'] },
    { name: 'an objection while the setting is already off', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }, { at: '2025-12-10T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'not-covered', from: start, windows: [[start, '2025-12-01T00:00:00.000Z']], reasons: ['objected'] },
    { name: 'opted out before the start, then in: covered from the opt-in', member: { ...berlin, optOuts: [{ at: '2025-10-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: '2026-01-01T00:00:00.000Z', windows: [['2026-01-01T00:00:00.000Z', null]] },
    { name: 'an opt-in while already on changes nothing', member: { ...berlin, optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: start, windows: [[start, null]] },
    { name: 'off and on at the same instant: on (the reading under which data is used)', member: { ...berlin, optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: start },
    { name: 'a Date for an opt-out', member: { ...berlin, optOuts: [{ at: new Date('2026-01-01T00:00:00Z'), via: 'setting' }] }, asOf: '2026-06-01T00:00:00Z', status: 'not-covered', from: start, until: '2026-01-01T00:00:00.000Z' },
    { name: 'an opt-out before the start of a minor: never used', member: { ...berlin, birthDate: '2010-01-01', optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'setting' }] }, asOf: '2030-01-01T00:00:00Z', status: 'not-covered', from: null },
  ])
})

describe('coverage: the report', () => {
  test('has the documented shape', () => {
    const report = coverage({ country: 'deu', timeZone: 'Europe/Berlin' }, { asOf: new Date('2026-01-01T00:00:00Z') })
    expect(report).toEqual({
      policy: 'linkedin-genai',
      asOf: new Date('2026-01-01T00:00:00Z'),
      status: 'covered',
      country: 'DE',
      region: 'EU',
      rollout: { id: '2025-six-regions', effective: '2025-11-03' },
      from: new Date('2025-11-02T23:00:00Z'),
      until: null,
      windows: [{ from: new Date('2025-11-02T23:00:00Z'), until: null }],
      reasons: [
        expect.objectContaining({ code: 'rollout', source: 'linkedin-faq-2025' }),
        expect.objectContaining({ code: 'age-not-given', source: 'linkedin-minors' }),
      ],
    })
  })

  test('asOf defaults to now', () => {
    const before = Date.now()
    const report = coverage({ country: 'US' })
    expect(report.asOf.getTime()).toBeGreaterThanOrEqual(before)
    expect(report.asOf.getTime()).toBeLessThanOrEqual(Date.now())
  })

  test('isCovered, coveredFrom and safeCoverage agree with coverage', () => {
    const member = { country: 'CA' }
    const asOf = '2025-11-03T05:00:00Z'
    expect(isCovered(member, { asOf })).toBe(false)
    expect(isCovered(member, { asOf: '2025-11-04T00:00:00Z' })).toBe(true)
    expect(coveredFrom(member)?.toISOString()).toBe('2025-11-03T03:30:00.000Z')
    expect(coveredFrom({ country: 'DE', secondarySchool: true })).toBeNull()
    expect(safeCoverage(member, { asOf })).toEqual({ success: true, data: coverage(member, { asOf }) })
  })
})

import { describe, expect, test } from 'vitest'
import { type CoverageReport, coverage, coveredFrom, isCovered, linkedinGenAi, type MemberInput, metaAiEu, type Policy, type ReasonCode, safeCoverage } from '../src/index'

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
  /** Each window's certainty, in order. */
  certainty?: CoverageReport['windows'][number]['certainty'][]
  reasons?: ReasonCode[]
  /** Codes the report must not give. */
  notReasons?: ReasonCode[]
  policy?: Policy
}

function check(cases: readonly Case[]) {
  const CONTEXT = ['phase', 'territory-ambiguous', 'time-zone-inferred', 'age-not-given', 'adult-from', 'birth-year-only', 'opt-in-ignored']
  for (const { name, member, asOf, status, from, until, windows, certainty, reasons, notReasons, policy } of cases) {
    test(name, () => {
      const report = coverage(member, { asOf, policy })
      expect(report.status).toBe(status)
      expect(iso(report.from)).toBe(from)
      if (until !== undefined) expect(iso(report.until)).toBe(until)
      if (windows !== undefined) expect(windowsOf(report)).toEqual(windows)
      if (certainty !== undefined) expect(report.windows.map((window) => window.certainty)).toEqual(certainty)
      if (reasons !== undefined) expect(codes(report)).toEqual(expect.arrayContaining(reasons))
      for (const code of notReasons ?? []) expect(codes(report)).not.toContain(code)
      // Beyond the facts every answer rests on, one that says why it is not `covered`.
      if (status !== 'covered') expect(codes(report).filter((code) => !CONTEXT.includes(code))).not.toEqual([])
      for (const reason of report.reasons) expect(reason.source === undefined || reason.source.length > 0).toBe(true)
    })
  }
}

describe('coverage: the instant a phase starts', () => {
  check([
    { name: 'Europe/Berlin starts at 2025-11-02T23:00Z', member: { country: 'DE', timeZone: 'Europe/Berlin' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', until: null },
    { name: 'one millisecond earlier Berlin is not covered yet', member: { country: 'DE', timeZone: 'Europe/Berlin' }, asOf: '2025-11-02T22:59:59.999Z', status: 'not-covered', from: '2025-11-02T23:00:00.000Z', reasons: ['not-started'] },
    // POLICY.md, Phases: the UK's 2024 phase is possible, so `from` is its start (18 Sept 2024, BST).
    { name: 'Europe/London: covered from 2025-11-03T00:00Z, `from` the possible 2024 start', member: { country: 'GB', timeZone: 'Europe/London' }, asOf: '2025-11-03T00:00:00Z', status: 'covered', from: '2024-09-17T23:00:00.000Z' },
    { name: 'Europe/London one millisecond before the 2025 start is not covered (paused)', member: { country: 'GB', timeZone: 'Europe/London' }, asOf: '2025-11-02T23:59:59.999Z', status: 'not-covered', from: '2024-09-17T23:00:00.000Z', reasons: ['paused'] },
    // POLICY.md, Phases: HK was on from 2024-09-18.
    { name: 'Asia/Hong_Kong: covered again from 2025-11-02T16:00Z, `from` the 2024 start', member: { country: 'HK', timeZone: 'Asia/Hong_Kong' }, asOf: '2025-11-02T16:00:00Z', status: 'covered', from: '2024-09-17T16:00:00.000Z' },
    // POLICY.md, Phases: CA was on from 2024-09-18 (NDT, UTC-2:30).
    { name: 'America/St_Johns one second before its 2025 start (03:30Z) is not covered (paused)', member: { country: 'CA', timeZone: 'America/St_Johns' }, asOf: '2025-11-03T03:29:59Z', status: 'not-covered', from: '2024-09-18T02:30:00.000Z', reasons: ['paused'] },
    { name: 'America/St_Johns from its 2025 start', member: { country: 'CA', timeZone: 'America/St_Johns' }, asOf: '2025-11-03T03:30:00Z', status: 'covered', from: '2024-09-18T02:30:00.000Z' },
    { name: 'America/Vancouver covered from 2025-11-03T08:00Z (DST ended the day before); `from` 2024-09-18T07:00Z (PDT)', member: { country: 'CA', timeZone: 'America/Vancouver' }, asOf: '2025-11-03T08:00:00Z', status: 'covered', from: '2024-09-18T07:00:00.000Z' },
    { name: 'America/Vancouver one millisecond before it is not covered', member: { country: 'CA', timeZone: 'America/Vancouver' }, asOf: '2025-11-03T07:59:59.999Z', status: 'not-covered', from: '2024-09-18T07:00:00.000Z', reasons: ['paused'] },
    { name: 'Switzerland, with its own zone', member: { country: 'CH', timeZone: 'Europe/Zurich' }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'Norway (EEA)', member: { country: 'NO' }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', reasons: ['time-zone-inferred'] },
    { name: 'the global phase in New York', member: { country: 'US', timeZone: 'America/New_York' }, asOf: '2024-09-18T04:00:00Z', status: 'covered', from: '2024-09-18T04:00:00.000Z' },
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
    // POLICY.md, Phases: CA's `from` is the 2024 start in its easternmost zone, America/St_Johns.
    { name: 'CA before its easternmost 2025 start is not covered (paused)', member: { country: 'CA' }, asOf: '2025-11-03T03:29:59.999Z', status: 'not-covered', from: '2024-09-18T02:30:00.000Z', reasons: ['time-zone-inferred', 'paused'] },
    { name: "CA between its zones' 2025 starts is undetermined", member: { country: 'CA' }, asOf: '2025-11-03T05:00:00Z', status: 'undetermined', from: '2024-09-18T02:30:00.000Z', reasons: ['time-zone-inferred', 'start-undetermined'] },
    { name: 'CA from its westernmost 2025 start is covered', member: { country: 'CA' }, asOf: '2025-11-03T08:00:00Z', status: 'covered', from: '2024-09-18T02:30:00.000Z' },
    { name: 'ES: Madrid starts an hour before the Canaries', member: { country: 'ES' }, asOf: '2025-11-02T23:30:00Z', status: 'undetermined', from: '2025-11-02T23:00:00.000Z' },
    { name: "ES from the Canaries' start", member: { country: 'ES' }, asOf: '2025-11-03T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'PT: the Azores start last', member: { country: 'PT' }, asOf: '2025-11-03T00:30:00Z', status: 'undetermined', from: '2025-11-03T00:00:00.000Z' },
    { name: 'DE: all its zones agree, so the answer is certain', member: { country: 'DE' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', reasons: ['time-zone-inferred'] },
  ])
})

describe('coverage: Crown Dependencies (ambiguous territories)', () => {
  check([
    { name: 'JE before the global start', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2024-09-17T22:59:59Z', status: 'not-covered', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous'] },
    // POLICY.md, Phases: read as the UK, 2024-09-18/19 are only possible; read as ROW, covered.
    { name: 'JE in the possible UK phase is undetermined', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2024-09-19T00:00:00Z', status: 'undetermined', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous', 'possible-phase'] },
    { name: 'JE between the global and the UK start is undetermined', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2025-06-01T00:00:00Z', status: 'undetermined', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous', 'start-undetermined'] },
    { name: 'JE from the UK start is certainly covered', member: { country: 'JE', timeZone: 'Europe/Jersey' }, asOf: '2025-11-03T00:00:00Z', status: 'covered', from: '2024-09-17T23:00:00.000Z', reasons: ['territory-ambiguous'] },
    { name: 'GG likewise', member: { country: 'GG' }, asOf: '2025-06-01T00:00:00Z', status: 'undetermined', from: '2024-09-17T23:00:00.000Z' },
    { name: 'IM likewise', member: { country: 'IM' }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: '2024-09-17T23:00:00.000Z' },
  ])

  test('JE is read as ROW and as the UK: both timelines', () => {
    const report = coverage({ country: 'JE' }, { asOf: '2026-01-01T00:00:00Z' })
    expect([report.region, report.alsoReadAs]).toEqual(['ROW', 'UK'])
    expect(report.timeline.map((phase) => `${phase.region}/${phase.id}`)).toEqual(['ROW/2024-global', 'UK/2024-global', 'UK/2025-six-regions'])
  })
})

describe('coverage: age', () => {
  const berlin = { country: 'DE', timeZone: 'Europe/Berlin' } as const
  check([
    { name: 'born 29 February: 18 on 1 March in a common year', member: { ...berlin, birthDate: '2008-02-29' }, asOf: '2026-02-28T23:00:00Z', status: 'covered', from: '2026-02-28T23:00:00.000Z', reasons: ['adult-from'] },
    { name: 'born 29 February: still 17 on 28 February', member: { ...berlin, birthDate: '2008-02-29' }, asOf: '2026-02-28T22:59:59.999Z', status: 'not-covered', from: '2026-02-28T23:00:00.000Z', reasons: ['under-18'] },
    { name: 'born 29 February, in Chicago: 18 at the start of 1 March there', member: { country: 'US', timeZone: 'America/Chicago', birthDate: '2008-02-29' }, asOf: '2026-03-01T06:00:00Z', status: 'covered', from: '2026-03-01T06:00:00.000Z' },
    { name: 'turning 18 on the effective day: covered from the phase start', member: { ...berlin, birthDate: '2007-11-03' }, asOf: '2025-11-02T23:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
    { name: 'turning 18 the day after the effective day', member: { ...berlin, birthDate: '2007-11-04' }, asOf: '2025-11-03T12:00:00Z', status: 'not-covered', from: '2025-11-03T23:00:00.000Z', reasons: ['under-18'] },
    { name: 'a minor before the phase: its age and the start both in the reasons', member: { ...berlin, birthDate: '2010-05-05' }, asOf: '2025-01-01T00:00:00Z', status: 'not-covered', from: '2028-05-04T22:00:00.000Z', reasons: ['adult-from', 'not-started'] },
    { name: 'birth year only: certainly a minor before 1 January of year+18', member: { ...berlin, birthDate: '2008' }, asOf: '2025-12-31T22:59:59Z', status: 'not-covered', from: '2025-12-31T23:00:00.000Z', reasons: ['birth-year-only', 'under-18'] },
    { name: 'birth year only: undetermined within year+18', member: { ...berlin, birthDate: '2008' }, asOf: '2026-06-01T00:00:00Z', status: 'undetermined', from: '2025-12-31T23:00:00.000Z', reasons: ['birth-year-only', 'start-undetermined'] },
    { name: 'birth year only: certainly an adult from 31 December of year+18', member: { ...berlin, birthDate: '2008' }, asOf: '2026-12-30T23:00:00Z', status: 'covered', from: '2025-12-31T23:00:00.000Z' },
    { name: 'no birth date: an adult, with a reason saying so', member: berlin, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z', reasons: ['age-not-given'] },
    { name: 'secondary school: excluded whatever the birth date', member: { ...berlin, birthDate: '1990-01-01', secondarySchool: true }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: null, windows: [], reasons: ['secondary-school'] },
    { name: 'secondarySchool false changes nothing', member: { ...berlin, secondarySchool: false }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-11-02T23:00:00.000Z' },
  ])

  test('a minor before the phase: the start named is the 18th birthday', () => {
    const report = coverage({ ...berlin, birthDate: '2010-05-05' }, { asOf: '2025-01-01T00:00:00Z' })
    const notStarted = report.reasons.find((reason) => reason.code === 'not-started')
    expect(notStarted?.message).toContain('2028-05-04T22:00:00.000Z')
  })
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
    { name: 'an objection lasts: a later opt-in changes nothing', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'not-covered', from: start, until: '2025-12-01T00:00:00.000Z', windows: [[start, '2025-12-01T00:00:00.000Z']], reasons: ['opted-out-for-good', 'opt-in-ignored'] },
    { name: 'an objection while the setting is already off', member: { ...berlin, optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' }, { at: '2025-12-10T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'not-covered', from: start, windows: [[start, '2025-12-01T00:00:00.000Z']], reasons: ['opted-out-for-good'] },
    { name: 'opted out before the start, then in: covered from the opt-in', member: { ...berlin, optOuts: [{ at: '2025-10-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: '2026-01-01T00:00:00.000Z', windows: [['2026-01-01T00:00:00.000Z', null]] },
    { name: 'an opt-in while already on changes nothing', member: { ...berlin, optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: start, windows: [[start, null]] },
    { name: 'off and on at the same instant: on (the reading under which data is used)', member: { ...berlin, optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2026-01-01T00:00:00Z' }] }, asOf: '2026-06-01T00:00:00Z', status: 'covered', from: start },
    { name: 'a Date for an opt-out', member: { ...berlin, optOuts: [{ at: new Date('2026-01-01T00:00:00Z'), via: 'setting' }] }, asOf: '2026-06-01T00:00:00Z', status: 'not-covered', from: start, until: '2026-01-01T00:00:00.000Z' },
    { name: 'an opt-out before the start of a minor: never used', member: { ...berlin, birthDate: '2010-01-01', optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'setting' }] }, asOf: '2030-01-01T00:00:00Z', status: 'not-covered', from: null },
  ])
})

// POLICY.md, "Phases": the expected answers of its table and its readings.
describe('coverage: phases', () => {
  const hk = { country: 'HK' } as const
  const hkOn = '2024-09-17T16:00:00.000Z'
  const hkPause = '2024-10-10T16:00:00.000Z'
  const hk2025 = '2025-11-02T16:00:00.000Z'
  const toronto = { country: 'CA', timeZone: 'America/Toronto' } as const
  const london = { country: 'GB', timeZone: 'Europe/London' } as const
  check([
    // HK: 2024-09-18 until 2024-10-11 (stated end), then 2025-11-03.
    { name: 'HK, no zone: one millisecond before 2024-09-18 local is not covered', member: hk, asOf: '2024-09-17T15:59:59.999Z', status: 'not-covered', from: hkOn, reasons: ['not-started'] },
    { name: 'HK, no zone: covered from the start of 2024-09-18 local', member: hk, asOf: hkOn, status: 'covered', from: hkOn, windows: [[hkOn, hkPause], [hk2025, null]], certainty: ['reported', 'stated'] },
    { name: 'HK: covered until the last millisecond before the pause', member: hk, asOf: '2024-10-10T15:59:59.999Z', status: 'covered', from: hkOn },
    { name: 'HK: paused from the start of 2024-10-11 local', member: hk, asOf: hkPause, status: 'not-covered', from: hkOn, until: null, reasons: ['paused'] },
    { name: 'HK: covered again from 2025-11-03 local', member: hk, asOf: hk2025, status: 'covered', from: hkOn },
    { name: 'HK opted out (setting) on 2025-10-10: not covered in 2026, the 2024 window stays', member: { ...hk, optOuts: [{ at: '2025-10-10T00:00:00Z', via: 'setting' }] }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: hkOn, until: hkPause, windows: [[hkOn, hkPause]], reasons: ['opted-out'] },
    { name: 'HK opted out during 2024: it lasts into 2025', member: { ...hk, optOuts: [{ at: '2024-10-01T00:00:00Z', via: 'setting' }] }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: hkOn, until: '2024-10-01T00:00:00.000Z', windows: [[hkOn, '2024-10-01T00:00:00.000Z']] },
    { name: 'HK opted in during the pause: it takes effect when the next phase starts', member: { ...hk, optOuts: [{ at: '2024-10-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2025-01-01T00:00:00Z' }] }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: hkOn, windows: [[hkOn, '2024-10-01T00:00:00.000Z'], [hk2025, null]] },
    { name: 'HK opted in during the pause is not covered during the pause', member: { ...hk, optOuts: [{ at: '2024-10-01T00:00:00Z', via: 'setting' }], optIns: [{ at: '2025-01-01T00:00:00Z' }] }, asOf: '2025-06-01T00:00:00Z', status: 'not-covered', from: hkOn },
    // CA: the 2024 end is a range, from the start of 2024-10-16 to the start of 2024-12-10.
    { name: 'CA (Toronto): covered one millisecond before the ranged end begins', member: toronto, asOf: '2024-10-16T03:59:59.999Z', status: 'covered', from: '2024-09-18T04:00:00.000Z' },
    { name: 'CA (Toronto): undetermined from the start of 2024-10-16', member: toronto, asOf: '2024-10-16T04:00:00Z', status: 'undetermined', from: '2024-09-18T04:00:00.000Z', reasons: ['end-range'] },
    {
      name: 'CA (Toronto) at 2024-11-01: undetermined, inside the ranged end',
      member: toronto,
      asOf: '2024-11-01T00:00:00Z',
      status: 'undetermined',
      from: '2024-09-18T04:00:00.000Z',
      until: null,
      windows: [['2024-09-18T04:00:00.000Z', '2024-12-10T05:00:00.000Z'], ['2025-11-03T05:00:00.000Z', null]],
      reasons: ['end-range'],
    },
    { name: 'CA (Toronto): undetermined until the last millisecond of the range', member: toronto, asOf: '2024-12-10T04:59:59.999Z', status: 'undetermined', from: '2024-09-18T04:00:00.000Z', reasons: ['end-range'] },
    { name: 'CA (Toronto): paused from the start of 2024-12-10', member: toronto, asOf: '2024-12-10T05:00:00Z', status: 'not-covered', from: '2024-09-18T04:00:00.000Z', reasons: ['paused'] },
    { name: 'CA (Toronto) at 2025-01-01: not covered', member: toronto, asOf: '2025-01-01T00:00:00Z', status: 'not-covered', from: '2024-09-18T04:00:00.000Z', reasons: ['paused'] },
    // UK: 2024-09-18 until 2024-09-20, possible.
    { name: 'GB (London) one millisecond before the possible phase: not covered', member: london, asOf: '2024-09-17T22:59:59.999Z', status: 'not-covered', from: '2024-09-17T23:00:00.000Z' },
    { name: 'GB (London) at the start of the possible phase: undetermined, never covered', member: london, asOf: '2024-09-17T23:00:00Z', status: 'undetermined', from: '2024-09-17T23:00:00.000Z', reasons: ['possible-phase'] },
    {
      name: 'GB at 2024-09-19: undetermined (possible phase), its window flagged possible',
      member: { country: 'GB' },
      asOf: '2024-09-19T00:00:00Z',
      status: 'undetermined',
      from: '2024-09-17T23:00:00.000Z',
      windows: [['2024-09-17T23:00:00.000Z', '2024-09-19T23:00:00.000Z'], ['2025-11-03T00:00:00.000Z', null]],
      certainty: ['possible', 'stated'],
      reasons: ['possible-phase'],
    },
    { name: 'GB (London) from the end of the possible phase: not covered', member: london, asOf: '2024-09-19T23:00:00Z', status: 'not-covered', from: '2024-09-17T23:00:00.000Z', reasons: ['paused'] },
    // EU, EEA, CH: none in 2024.
    { name: 'DE in 2024: not started (none in 2024)', member: { country: 'DE', timeZone: 'Europe/Berlin' }, asOf: '2024-10-01T00:00:00Z', status: 'not-covered', from: '2025-11-02T23:00:00.000Z', windows: [['2025-11-02T23:00:00.000Z', null]], reasons: ['not-started'] },
  ])

  test('CA (Toronto): the first window ends in a range, flagged', () => {
    const [first, second] = coverage(toronto, { asOf: '2024-11-01T00:00:00Z' }).windows
    expect(first?.untilRange).toEqual({ from: new Date('2024-10-16T04:00:00Z'), until: new Date('2024-12-10T05:00:00Z') })
    expect(first?.phases).toEqual(['CA/2024-global'])
    expect(second?.untilRange).toBeNull()
    expect(second?.phases).toEqual(['CA/2025-six-regions'])
  })

  test('the end-range reason names the phase, its source and the range', () => {
    const reason = coverage(toronto, { asOf: '2024-11-01T00:00:00Z' }).reasons.find((each) => each.code === 'end-range')
    expect(reason).toMatchObject({ phase: 'CA/2024-global', source: 'opc-2024-12-10' })
    expect(reason?.message).toContain('2024-10-16T04:00:00.000Z')
    expect(reason?.message).toContain('2024-12-10T05:00:00.000Z')
  })

  test('the possible-phase reason names the phase and its source', () => {
    const reason = coverage({ country: 'GB' }, { asOf: '2024-09-19T00:00:00Z' }).reasons.find((each) => each.code === 'possible-phase')
    expect(reason).toMatchObject({ phase: 'UK/2024-global', source: 'ico-2024-09-20' })
  })
})

describe('coverage: the Meta AI policy (EU/EEA), through the same engine', () => {
  const policy = metaAiEu as Policy
  check([
    { name: 'US is outside the policy: undetermined, never not-covered', member: { country: 'US' }, asOf: '2026-01-01T00:00:00Z', status: 'undetermined', from: null, windows: [], reasons: ['outside-policy'], notReasons: ['time-zone-inferred'], policy },
    { name: 'FR (Paris) one millisecond before 2025-05-27 local: not covered', member: { country: 'FR', timeZone: 'Europe/Paris' }, asOf: '2025-05-26T21:59:59.999Z', status: 'not-covered', from: '2025-05-26T22:00:00.000Z', reasons: ['not-started'], policy },
    { name: 'FR (Paris) from the start of 2025-05-27 local: covered', member: { country: 'FR', timeZone: 'Europe/Paris' }, asOf: '2025-05-26T22:00:00Z', status: 'covered', from: '2025-05-26T22:00:00.000Z', windows: [['2025-05-26T22:00:00.000Z', null]], policy },
    { name: 'NO (EEA) is covered', member: { country: 'NO' }, asOf: '2026-01-01T00:00:00Z', status: 'covered', from: '2025-05-26T22:00:00.000Z', policy },
    { name: 'an objection before the start: nothing is used', member: { country: 'DE', timeZone: 'Europe/Berlin', optOuts: [{ at: '2024-06-01T00:00:00Z', via: 'objection-form' }] }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: null, windows: [], reasons: ['opted-out-before-start'], policy },
    { name: 'an objection lasts: an opt-in changes nothing', member: { country: 'DE', timeZone: 'Europe/Berlin', optOuts: [{ at: '2025-07-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2025-08-01T00:00:00Z' }] }, asOf: '2026-01-01T00:00:00Z', status: 'not-covered', from: '2025-05-26T22:00:00.000Z', until: '2025-07-01T00:00:00.000Z', reasons: ['opted-out-for-good', 'opt-in-ignored'], policy },
  ])

  test('the report names the policy, and a region of its own or none', () => {
    const inside = coverage({ country: 'FR' }, { asOf: '2026-01-01T00:00:00Z', policy: metaAiEu })
    expect([inside.policy, inside.policyVersion, inside.region]).toEqual(['meta-ai-eu', metaAiEu.version, 'EU'])
    const outside = coverage({ country: 'US' }, { asOf: '2026-01-01T00:00:00Z', policy: metaAiEu })
    expect([outside.region, outside.alsoReadAs, outside.timeline]).toEqual([null, null, []])
  })
})

describe('coverage: the report', () => {
  test('has the documented shape', () => {
    const report = coverage({ country: 'deu', timeZone: 'Europe/Berlin' }, { asOf: new Date('2026-01-01T00:00:00Z') })
    expect(report).toEqual({
      policy: 'linkedin-genai',
      policyVersion: linkedinGenAi.version,
      asOf: new Date('2026-01-01T00:00:00Z'),
      status: 'covered',
      country: 'DE',
      region: 'EU',
      alsoReadAs: null,
      timeline: [{ region: 'EU', ...linkedinGenAi.regions.EU.timeline[0] }],
      from: new Date('2025-11-02T23:00:00Z'),
      until: null,
      windows: [{ from: new Date('2025-11-02T23:00:00Z'), until: null, phases: ['EU/2025-six-regions'], certainty: 'stated', untilRange: null }],
      reasons: [
        expect.objectContaining({ code: 'phase', source: 'linkedin-faq-2025', phase: 'EU/2025-six-regions' }),
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
    // POLICY.md, Phases: CA's `from` is its 2024 start, in its earliest zone (America/St_Johns).
    expect(coveredFrom(member)?.toISOString()).toBe('2024-09-18T02:30:00.000Z')
    expect(coveredFrom({ country: 'HK' })?.toISOString()).toBe('2024-09-17T16:00:00.000Z')
    expect(coveredFrom({ country: 'DE', secondarySchool: true })).toBeNull()
    expect(coveredFrom({ country: 'US' }, { policy: metaAiEu })).toBeNull()
    expect(safeCoverage(member, { asOf })).toEqual({ success: true, data: coverage(member, { asOf }) })
  })
})

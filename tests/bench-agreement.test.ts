// The bench's evaluators give coverage()'s answers: the hand-written floor its
// status, `from` and `until`, the json-rules-engine peer its status. Checked
// on the bench's own 100,000 members, on the same members asked at each edge
// of their windows, and on named cases from POLICY.md's "Phases". Nothing here
// is timed: the bench times them.
import { describe, expect, test } from 'vitest'
import { type FloorAnswer, floorAnswer } from '../bench/floor'
import { members, type RawMember } from '../bench/members'
import { rulesEngine, rulesStatus } from '../bench/rules'
import { type CoverageReport, coverage } from '../src/index'

const answerOf = (report: CoverageReport): FloorAnswer => ({ status: report.status, from: report.from?.getTime() ?? null, until: report.until?.getTime() ?? null })
const at = (text: string) => new Date(text).getTime()

/** The bench's members, as `npm run bench` makes them. */
const bench = members(100_000)

describe('the floor gives coverage()\'s status, from and until', () => {
  test('on every one of the bench\'s 100,000 members', { timeout: 120_000 }, () => {
    const differing: unknown[] = []
    const statuses = new Set<string>()
    const reasons = new Set<string>()
    for (const { member, asOf } of bench) {
      const report = coverage(member, { asOf })
      statuses.add(report.status)
      for (const reason of report.reasons) reasons.add(reason.code)
      const ours = answerOf(report)
      const floor = floorAnswer(member, asOf)
      if (floor.status !== ours.status || floor.from !== ours.from || floor.until !== ours.until) differing.push({ member, asOf, coverage: ours, floor })
    }
    expect(differing.slice(0, 5)).toEqual([])
    // The set reaches every status and every way a phase decides one.
    expect([...statuses].sort()).toEqual(['covered', 'not-covered', 'undetermined'])
    for (const code of ['possible-phase', 'end-range', 'paused', 'not-started', 'start-undetermined', 'under-18', 'birth-year-only', 'territory-ambiguous', 'opted-out', 'opted-out-for-good', 'opted-out-before-start', 'opt-in-ignored', 'secondary-school']) {
      expect(reasons, code).toContain(code)
    }
  })

  test('on the first 2,000 of them, asked at each edge of their windows and one millisecond either side', () => {
    const differing: unknown[] = []
    let asked = 0
    for (const { member, asOf } of bench.slice(0, 2000)) {
      const report = coverage(member, { asOf })
      const edges = report.windows.flatMap((window) => [window.from, window.until, window.untilRange?.from ?? null]).flatMap((edge) => (edge === null ? [] : [edge.getTime()]))
      for (const edge of edges) {
        for (const instant of [edge - 1, edge, edge + 1]) {
          const when = new Date(instant).toISOString()
          const ours = answerOf(coverage(member, { asOf: when }))
          const floor = floorAnswer(member, when)
          asked++
          if (floor.status !== ours.status || floor.from !== ours.from || floor.until !== ours.until) differing.push({ member, asOf: when, coverage: ours, floor })
        }
      }
    }
    expect(differing.slice(0, 5)).toEqual([])
    expect(asked).toBeGreaterThan(6000)
  })

  // POLICY.md, "Phases": the answers both must give.
  const cases: { name: string; member: RawMember; asOf: string; answer: { status: FloorAnswer['status']; from: string | null; until: string | null } }[] = [
    { name: 'HK, no zone: from the 2024 phase', member: { country: 'HK' }, asOf: '2026-01-01T00:00:00.000Z', answer: { status: 'covered', from: '2024-09-17T16:00:00.000Z', until: null } },
    { name: 'HK, the last millisecond before the pause', member: { country: 'HK' }, asOf: '2024-10-10T15:59:59.999Z', answer: { status: 'covered', from: '2024-09-17T16:00:00.000Z', until: null } },
    { name: 'HK, the pause: not covered', member: { country: 'HK' }, asOf: '2024-10-10T16:00:00.000Z', answer: { status: 'not-covered', from: '2024-09-17T16:00:00.000Z', until: null } },
    {
      name: 'HK, setting off 2025-10-10: not covered in 2026, its 2024 window remains',
      member: { country: 'HK', optOuts: [{ at: '2025-10-10T00:00:00.000Z', via: 'setting' }] },
      asOf: '2026-01-01T00:00:00.000Z',
      answer: { status: 'not-covered', from: '2024-09-17T16:00:00.000Z', until: '2024-10-10T16:00:00.000Z' },
    },
    {
      name: 'HK, setting off in 2024 and on again in the pause: on when the next phase starts',
      member: { country: 'HK', optOuts: [{ at: '2024-10-01T00:00:00.000Z', via: 'setting' }], optIns: [{ at: '2025-01-01T00:00:00.000Z' }] },
      asOf: '2025-11-02T16:00:00.000Z',
      answer: { status: 'covered', from: '2024-09-17T16:00:00.000Z', until: null },
    },
    {
      name: 'HK, objection in 2024 and an opt-in: it lasts into 2025',
      member: { country: 'HK', optOuts: [{ at: '2024-10-01T00:00:00.000Z', via: 'objection-form' }], optIns: [{ at: '2025-01-01T00:00:00.000Z' }] },
      asOf: '2026-01-01T00:00:00.000Z',
      answer: { status: 'not-covered', from: '2024-09-17T16:00:00.000Z', until: '2024-10-01T00:00:00.000Z' },
    },
    { name: 'CA in Toronto inside the ranged end: undetermined', member: { country: 'CA', timeZone: 'America/Toronto' }, asOf: '2024-11-01T00:00:00.000Z', answer: { status: 'undetermined', from: '2024-09-18T04:00:00.000Z', until: null } },
    { name: 'CA in Toronto on the last day of the range: undetermined', member: { country: 'CA', timeZone: 'America/Toronto' }, asOf: '2024-12-10T04:59:59.999Z', answer: { status: 'undetermined', from: '2024-09-18T04:00:00.000Z', until: null } },
    { name: 'CA in Toronto after the range: not covered', member: { country: 'CA', timeZone: 'America/Toronto' }, asOf: '2024-12-10T05:00:00.000Z', answer: { status: 'not-covered', from: '2024-09-18T04:00:00.000Z', until: null } },
    {
      name: 'CA, opted out for good in the pause: the window ends at the latest end',
      member: { country: 'CA', timeZone: 'America/Toronto', optOuts: [{ at: '2025-01-01T00:00:00.000Z', via: 'objection-form' }] },
      asOf: '2026-01-01T00:00:00.000Z',
      answer: { status: 'not-covered', from: '2024-09-18T04:00:00.000Z', until: '2024-12-10T05:00:00.000Z' },
    },
    { name: 'GB in the possible phase: undetermined', member: { country: 'GB', timeZone: 'Europe/London' }, asOf: '2024-09-19T12:00:00.000Z', answer: { status: 'undetermined', from: '2024-09-17T23:00:00.000Z', until: null } },
    { name: 'GB after the possible phase, before 2025: not covered', member: { country: 'GB', timeZone: 'Europe/London' }, asOf: '2024-09-19T23:00:00.000Z', answer: { status: 'not-covered', from: '2024-09-17T23:00:00.000Z', until: null } },
    { name: 'JE read as ROW and UK: undetermined while they differ', member: { country: 'JE' }, asOf: '2024-10-01T00:00:00.000Z', answer: { status: 'undetermined', from: '2024-09-17T23:00:00.000Z', until: null } },
    { name: 'JE covered where both readings are', member: { country: 'JE' }, asOf: '2026-01-01T00:00:00.000Z', answer: { status: 'covered', from: '2024-09-17T23:00:00.000Z', until: null } },
    { name: 'DE, born in 2007: undetermined while the birthday may be ahead', member: { country: 'DE', timeZone: 'Europe/Berlin', birthDate: '2007' }, asOf: '2025-12-01T00:00:00.000Z', answer: { status: 'undetermined', from: '2025-11-02T23:00:00.000Z', until: null } },
    { name: 'DE, born in 2007: covered from 31 December 2025', member: { country: 'DE', timeZone: 'Europe/Berlin', birthDate: '2007' }, asOf: '2025-12-30T23:00:00.000Z', answer: { status: 'covered', from: '2025-11-02T23:00:00.000Z', until: null } },
    { name: 'US, born 2008-02-29: adult on 1 March 2026', member: { country: 'US', timeZone: 'America/New_York', birthDate: '2008-02-29' }, asOf: '2026-03-01T04:59:59.999Z', answer: { status: 'not-covered', from: '2026-03-01T05:00:00.000Z', until: null } },
    { name: 'US in secondary school: never', member: { country: 'US', secondarySchool: true }, asOf: '2026-01-01T00:00:00.000Z', answer: { status: 'not-covered', from: null, until: null } },
  ]
  for (const { name, member, asOf, answer } of cases) {
    test(name, () => {
      const wanted = { status: answer.status, from: answer.from === null ? null : at(answer.from), until: answer.until === null ? null : at(answer.until) }
      expect({ coverage: answerOf(coverage(member, { asOf })), floor: floorAnswer(member, asOf) }).toEqual({ coverage: wanted, floor: wanted })
    })
  }
})

test('the json-rules-engine peer gives coverage()\'s status on the bench\'s first 10,000 members', async () => {
  const engine = rulesEngine()
  const differing: unknown[] = []
  for (const { member, asOf } of bench.slice(0, 10_000)) {
    const ours = coverage(member, { asOf }).status
    const peer = await rulesStatus(engine, member, asOf)
    if (peer !== ours) differing.push({ member, asOf, coverage: ours, peer })
  }
  expect(differing.slice(0, 5)).toEqual([])
})

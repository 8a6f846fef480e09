import { expect, test } from 'vitest'
import { coverage } from '../src/index'

test('the host zone is the one the matrix asked for', () => {
  const wanted = process.env.TZ
  if (wanted === undefined || wanted === '') return
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: wanted }).resolvedOptions().timeZone
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical)
})

test('a birthday on a skipped midnight gives the same instants on any host', () => {
  // 29 March 2026: the Azores skip 00:00-01:00 local; Berlin, a host zone of the
  // matrix, changes its offset at the same instant.
  const member = { country: 'PT', timeZone: 'Atlantic/Azores', birthDate: '2008-03-29' }
  expect(coverage(member, { asOf: '2026-03-29T00:59:59.999Z' }).status).toBe('not-covered')
  const report = coverage(member, { asOf: '2026-03-29T01:00:00Z' })
  expect(report.status).toBe('covered')
  expect(report.from?.toISOString()).toBe('2026-03-29T01:00:00.000Z')
})

test('phase boundaries give the same instants on any host', () => {
  // POLICY.md, Phases: civil dates at the start of the day in the member's zone, never the host's.
  const hk = coverage({ country: 'HK' }, { asOf: '2026-01-01T00:00:00Z' })
  expect(hk.windows.map((window) => [window.from.toISOString(), window.until?.toISOString() ?? null])).toEqual([
    ['2024-09-17T16:00:00.000Z', '2024-10-10T16:00:00.000Z'],
    ['2025-11-02T16:00:00.000Z', null],
  ])
  const [toronto] = coverage({ country: 'CA', timeZone: 'America/Toronto' }, { asOf: '2026-01-01T00:00:00Z' }).windows
  expect([toronto?.untilRange?.from.toISOString(), toronto?.untilRange?.until.toISOString()]).toEqual(['2024-10-16T04:00:00.000Z', '2024-12-10T05:00:00.000Z'])
  expect(coverage({ country: 'GB', timeZone: 'Europe/London' }, { asOf: '2024-09-19T22:59:59.999Z' }).status).toBe('undetermined')
  expect(coverage({ country: 'GB', timeZone: 'Europe/London' }, { asOf: '2024-09-19T23:00:00Z' }).status).toBe('not-covered')
})

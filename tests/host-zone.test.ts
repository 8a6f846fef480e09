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

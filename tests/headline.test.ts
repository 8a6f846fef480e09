// headline(): which answer sentence a report gives, and its instant, one named case per answer.
import { describe, expect, test } from 'vitest'
import { coverage, headline, metaAiEu } from '../src/index'

const at = (date: Date | null) => date?.toISOString() ?? null

describe('headline', () => {
  test.each([
    { name: 'covered: since the window in use', member: { country: 'DE', timeZone: 'Europe/Berlin' }, asOf: '2026-01-01T00:00:00Z', answer: 'covered', from: '2025-11-02T23:00:00.000Z', possiblyFrom: null },
    { name: 'covered after a possible window: both named', member: { country: 'GB', timeZone: 'Europe/London' }, asOf: '2026-01-01T00:00:00Z', answer: 'covered', from: '2025-11-03T00:00:00.000Z', possiblyFrom: '2024-09-17T23:00:00.000Z' },
    { name: 'undetermined: possibly since the first window', member: { country: 'CA', timeZone: 'America/Toronto' }, asOf: '2024-11-01T00:00:00Z', answer: 'undetermined', from: '2024-09-18T04:00:00.000Z', possiblyFrom: null },
    { name: 'not yet: from the first window', member: { country: 'FR', timeZone: 'Europe/Paris' }, asOf: '2025-06-01T00:00:00Z', answer: 'not-yet', from: '2025-11-02T23:00:00.000Z', possiblyFrom: null },
    { name: 'no longer, with a later window: again from it', member: { country: 'HK', timeZone: 'Asia/Hong_Kong' }, asOf: '2025-01-01T00:00:00Z', answer: 'no-longer', from: '2025-11-02T16:00:00.000Z', possiblyFrom: null },
    { name: 'no longer, opted out: no instant', member: { country: 'DE', timeZone: 'Europe/Berlin', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' as const }] }, asOf: '2026-01-01T00:00:00Z', answer: 'no-longer', from: null, possiblyFrom: null },
    { name: 'never: opted out before any use', member: { country: 'DE', timeZone: 'Europe/Berlin', optOuts: [{ at: '2025-01-01T00:00:00Z', via: 'objection-form' as const }] }, asOf: '2026-01-01T00:00:00Z', answer: 'never', from: null, possiblyFrom: null },
  ])('$name', ({ member, asOf, answer, from, possiblyFrom }) => {
    const line = headline(coverage(member, { asOf }))
    expect([line.answer, at(line.from), at(line.possiblyFrom)]).toEqual([answer, from, possiblyFrom])
  })

  test('outside: a country the policy says nothing about, with no instant', () => {
    const line = headline(coverage({ country: 'US' }, { policy: metaAiEu, asOf: '2026-01-01T00:00:00Z' }))
    expect(line).toEqual({ answer: 'outside', from: null, possiblyFrom: null })
  })
})

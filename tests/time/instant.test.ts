import { describe, expect, test } from 'vitest'
import { readInstant } from '../../src/time/instant'

describe('readInstant', () => {
  const good = [
    { input: '2025-11-03T00:00:00Z', out: '2025-11-03T00:00:00.000Z' },
    { input: '2025-11-03T00:00Z', out: '2025-11-03T00:00:00.000Z' },
    { input: '2025-11-03t09:30:00z', out: '2025-11-03T09:30:00.000Z' },
    { input: '2025-11-03 09:30:00+01:00', out: '2025-11-03T08:30:00.000Z' },
    { input: '2025-11-03T09:30:00.123456789-05:30', out: '2025-11-03T15:00:00.123Z' },
    { input: '2025-11-03T09:30:00,5+0100', out: '2025-11-03T08:30:00.500Z' },
    { input: '2024-02-29T23:59:59.999+23:59', out: '2024-02-29T00:00:59.999Z' },
    { input: '0099-01-01T00:00:00Z', out: '0099-01-01T00:00:00.000Z' },
    { input: new Date('2025-11-03T00:00:00Z'), out: '2025-11-03T00:00:00.000Z' },
  ] as const
  for (const { input, out } of good) {
    test(`reads ${String(input instanceof Date ? 'a Date' : input)}`, () => {
      const read = readInstant(input)
      expect(read.ok && new Date(read.ms).toISOString()).toBe(out)
    })
  }

  const bad = [
    { input: '2025-11-03T00:00:00', problem: 'has no offset' },
    { input: '2025-11-03', problem: 'a date without a time' },
    { input: '2025-02-30T00:00:00Z', problem: 'no such calendar date' },
    { input: '2025-13-01T00:00:00Z', problem: 'no such calendar date' },
    { input: '0000-01-01T00:00:00Z', problem: 'year 0000' },
    { input: '2025-11-03T24:00:00Z', problem: 'no such time of day' },
    { input: '2016-12-31T23:59:60Z', problem: 'leap seconds' },
    { input: '2025-11-03T00:00:00+25:00', problem: 'beyond ±23:59' },
    { input: '+275760-09-13T00:00:00Z', problem: 'not an ISO 8601 instant' },
    { input: 'Mon, 03 Nov 2025 00:00:00 GMT', problem: 'not an ISO 8601 instant' },
    { input: '', problem: 'not an ISO 8601 instant' },
    { input: new Date(Number.NaN), problem: 'names no instant' },
  ] as const
  for (const { input, problem } of bad) {
    test(`refuses ${input instanceof Date ? 'an invalid Date' : JSON.stringify(input)}`, () => {
      const read = readInstant(input)
      expect(read.ok).toBe(false)
      expect(read.ok ? '' : read.problem).toContain(problem)
    })
  }
})

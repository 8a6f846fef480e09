import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { readInstant } from '../../src/time/instant'
import { iso } from '../../src/coverage/reasons'

describe('readInstant', () => {
  const good = [
    { input: '2025-11-03T00:00:00Z', out: '2025-11-03T00:00:00.000Z' },
    { input: '2025-11-03T00:00Z', out: '2025-11-03T00:00:00.000Z' },
    { input: '2025-11-03t09:30:00z', out: '2025-11-03T09:30:00.000Z' },
    { input: '2025-11-03 09:30:00+01:00', out: '2025-11-03T08:30:00.000Z' },
    { input: '2025-11-03T09:30:00.123456789-05:30', out: '2025-11-03T15:00:00.123Z' },
    { input: '2025-11-03T09:30:00,5+0100', out: '2025-11-03T08:30:00.500Z' },
    { input: '2025-11-03T09:30:00.12Z', out: '2025-11-03T09:30:00.120Z' },
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
    { input: '2025-11-03T09:30:00.Z', problem: 'not an ISO 8601 instant' },
    { input: '2025-11-03T09:30:00.1234567890Z', problem: 'not an ISO 8601 instant' },
    { input: '2025-11-03T09:30:00.123', problem: 'has no offset' },
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

describe('readInstant properties', () => {
  // The accepted form, as a regular expression: the hand-written scanner must agree with it.
  const FORM = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/

  test('reads every instant written in any accepted spelling to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9998, 11, 31) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom('T', 't', ' '),
        fc.constantFrom(':', ''),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('.', ','),
        (ms, offset, separator, colon, fractionDigits, dot) => {
          const wall = new Date(ms + offset * 60_000)
          const date = `${String(wall.getUTCFullYear()).padStart(4, '0')}-${String(wall.getUTCMonth() + 1).padStart(2, '0')}-${String(wall.getUTCDate()).padStart(2, '0')}`
          const time = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}:${String(wall.getUTCSeconds()).padStart(2, '0')}`
          const fraction = fractionDigits === 0 ? '' : `${dot}${String(wall.getUTCMilliseconds()).padStart(3, '0')}${'7'.repeat(9)}`.slice(0, fractionDigits + 1)
          const abs = Math.abs(offset)
          const zone = offset === 0 && colon === '' ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${colon}${String(abs % 60).padStart(2, '0')}`
          const text = `${date}${separator}${time}${fraction}${zone}`
          const kept = fractionDigits === 0 ? 0 : Number(String(wall.getUTCMilliseconds()).padStart(3, '0').slice(0, fractionDigits).padEnd(3, '0'))
          const read = readInstant(text)
          expect(read, text).toEqual({ ok: true, ms: ms - wall.getUTCMilliseconds() + kept })
        },
      ),
      { numRuns: 3000 },
    )
  })

  test('refuses every string that is not of the accepted form', () => {
    const pieces = fc.constantFrom('2025', '-', '11', '03', 'T', ' ', '09', ':', '30', '00', '.', ',', '123', '1234567890', 'Z', 'z', '+', '01', '0100', 'x', '')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }).map((parts) => parts.join('')), (text) => {
        if (!FORM.test(text)) expect(readInstant(text).ok, text).toBe(false)
      }),
      { numRuns: 5000 },
    )
  })
})

test('iso writes every instant as Date#toISOString does (property)', () => {
  // Mostly years 1000-9999 (written by hand), and the whole range of Date.
  const instants = fc.oneof(
    { arbitrary: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), weight: 4 },
    { arbitrary: fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }), weight: 1 },
  )
  const edges: [number][] = [[0], [-1], [Date.UTC(1000, 0, 1)], [Date.UTC(1000, 0, 1) - 1], [Date.UTC(9999, 11, 31, 23, 59, 59, 999)], [Date.UTC(10000, 0, 1)], [Date.UTC(2024, 1, 29, 9, 5, 7, 45)]]
  fc.assert(
    fc.property(instants, (ms) => {
      expect(iso(ms)).toBe(new Date(ms).toISOString())
    }),
    { examples: edges, numRuns: 20_000 },
  )
})

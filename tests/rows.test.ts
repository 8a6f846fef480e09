import fc from 'fast-check'
import { expect, test } from 'vitest'
import { type OutRecord, recordBytes } from '../src/cli/rows'
import { reasonCodes } from '../src/index'

// Batch writes answers by hand for speed: byte for byte what JSON.stringify writes,
// with any region a policy file may name, or none (null) outside its regions.
test('NDJSON records are exactly JSON.stringify of the record (property)', () => {
  const instant = fc.option(fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }).map((ms) => new Date(ms).toISOString()))
  const answer = fc.record({
    id: fc.string({ unit: 'grapheme-composite' }),
    status: fc.constantFrom('covered', 'not-covered', 'undetermined'),
    country: fc.constantFrom('DE', 'GB', 'JE', 'US'),
    region: fc.oneof(fc.constantFrom('EU', 'UK', 'ROW', null), fc.string({ unit: 'grapheme-composite' })),
    from: instant,
    until: instant,
    reasons: fc.array(fc.constantFrom(...reasonCodes)),
  })
  const error = fc.record({
    id: fc.string(),
    status: fc.constant('error'),
    line: fc.nat(),
    field: fc.string(),
    message: fc.string(),
  })
  fc.assert(
    fc.property(fc.array(fc.oneof(answer, error)), (records) => {
      expect(Buffer.from(recordBytes(records as OutRecord[], 'ndjson')).toString()).toBe(records.map((record) => `${JSON.stringify(record)}\n`).join(''))
    }),
    { numRuns: 2000 },
  )
})

import fc from 'fast-check'
import { expect, test } from 'vitest'
import { type OutRecord, recordBytes, type RowShape } from '../src/cli/rows'
import { certainties, reasonCodes } from '../src/index'

const shape: RowShape = { kind: 'members', input: 'ndjson', output: 'ndjson', csv: undefined, dateOrder: undefined, keepExtra: false, texts: false }

// Batch writes answers by hand for speed: byte for byte what JSON.stringify writes,
// with any region, policy id and version a policy file may name, or no region (null)
// outside its regions; with the reasons' texts and the carried fields when asked for.
test('NDJSON records are exactly JSON.stringify of the record (property)', () => {
  const text = fc.string({ unit: 'grapheme-composite' })
  const at = fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }).map((ms) => new Date(ms).toISOString())
  const instant = fc.option(at)
  const stamp = { asOf: at, policy: text, policyVersion: text }
  const window = fc.record({ from: at, until: instant, phases: fc.array(text, { maxLength: 3 }), certainty: fc.constantFrom(...certainties), untilRange: fc.option(fc.record({ from: at, until: at })) })
  // Lists kept short: each record is generated thousands of times.
  const optional = { reasonTexts: fc.array(text, { maxLength: 4 }), extra: fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) }
  const answer = fc.record(
    {
      id: text,
      status: fc.constantFrom('covered', 'not-covered', 'undetermined'),
      ...stamp,
      country: fc.constantFrom('DE', 'GB', 'JE', 'US'),
      region: fc.oneof(fc.constantFrom('EU', 'UK', 'ROW', null), text),
      from: instant,
      until: instant,
      windows: fc.array(window, { maxLength: 3 }),
      reasons: fc.array(fc.constantFrom(...reasonCodes)),
      ...optional,
    },
    { requiredKeys: ['id', 'status', 'asOf', 'policy', 'policyVersion', 'country', 'region', 'from', 'until', 'windows', 'reasons'] },
  )
  const error = fc.record(
    { id: fc.string(), status: fc.constant('error'), ...stamp, line: fc.nat(), field: fc.string(), message: fc.string(), extra: optional.extra },
    { requiredKeys: ['id', 'status', 'asOf', 'policy', 'policyVersion', 'line', 'field', 'message'] },
  )
  fc.assert(
    fc.property(fc.array(fc.oneof(answer, error), { maxLength: 8 }), (records) => {
      expect(Buffer.from(recordBytes(records as OutRecord[], shape)).toString()).toBe(records.map((record) => `${JSON.stringify(record)}\n`).join(''))
    }),
    { numRuns: 2000 },
  )
})

// Fuzzing: over arbitrary JSON and over near-valid members, coverage, dataUse
// and safeCoverage either answer or raise a PolicyInputError, nothing else, and
// never change their input. `npm run fuzz` runs 100,000 inputs per property;
// `npm test` runs FUZZ_RUNS (default 2,000).
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { coverage, dataUse, linkedinGenAi, metaAiEu, PolicyInputError, safeCoverage } from '../src/index'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)
const TIMEOUT = Math.max(60_000, RUNS * 5)

/** Runs `call`; true when it answered, false for a PolicyInputError; anything else fails. */
function answersOrRefuses(call: () => unknown): boolean {
  try {
    call()
    return true
  } catch (error) {
    if (error instanceof PolicyInputError) return false
    throw error
  }
}

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))
const instantLike = fc.oneof(
  { arbitrary: fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()), weight: 8 },
  anyString,
  fc.date({ noInvalidDate: false }),
  fc.integer(),
  fc.constantFrom('2025-11-03T00:00:00Z', '2026-01-01T00:00:00+01:00', '2026-13-01T00:00:00Z', '2025-11-03', '+275760-09-13T00:00:00Z', '2016-12-31T23:59:60Z', '2024-10-11 09:30:00', '2024-10-11T09:30', '2024-02-30 10:00'),
  fc.jsonValue(),
)
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: fc.jsonValue(), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 2 })
/** Members that are mostly right, each field sometimes anything at all. */
const nearMember = fc.record(
  {
    country: field(fc.oneof({ arbitrary: fc.constantFrom('DE', 'deu', '276', 'UK', 'EL', 'JE', 'CA', 'HK', 'US', 'XK', 'Germany', 'U.K.', 'ß', ''), weight: 6 }, anyString)),
    birthDate: field(fc.oneof({ arbitrary: fc.constantFrom('2008-02-29', '2008', '1990-01-31', '2025-02-30', '0000', ''), weight: 6 }, anyString)),
    timeZone: field(fc.oneof({ arbitrary: fc.constantFrom('Europe/Berlin', 'europe/berlin', 'UTC+1', 'Asia/Calcutta', 'America/St_Johns'), weight: 6 }, anyString)),
    secondarySchool: field(fc.boolean()),
    optOuts: field(fc.array(fc.record({ at: instantLike, via: field(fc.constantFrom('setting', 'objection-form', 'email')) }), { maxLength: 4 })),
    optIns: field(fc.array(fc.record({ at: instantLike }), { maxLength: 3 })),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
).map(({ extra, ...member }) => (JSON.stringify(extra ?? null).length % 7 === 0 ? { ...member, extra } : member))
const anyMember = fc.oneof(nearMember, fc.jsonValue(), fc.object())
/** Both built-in policies, and now and then a wrong value where a policy goes. */
const anyPolicy = fc.oneof({ arbitrary: fc.constantFrom(linkedinGenAi, metaAiEu), weight: 8 }, fc.jsonValue())
const anyOptions = fc.oneof(
  fc.constant(undefined),
  fc.record({ asOf: field(instantLike), policy: field(anyPolicy) }, { requiredKeys: [] }),
  fc.jsonValue(),
)
const dayOrLocal = fc.constantFrom('2024-10-11', '2024-10-10 23:30:00', '2025-11-03T00:00', '2025-02-30', '2024-10-11 24:00:00')
const anyItem = fc.oneof(
  fc.record(
    {
      category: field(fc.oneof(fc.constantFrom('profile', 'salary', 'feedback', 'public-post', 'x'), anyString)),
      createdAt: field(fc.oneof(instantLike, dayOrLocal)),
      timeZone: field(fc.oneof(fc.constantFrom('Asia/Hong_Kong', 'America/Toronto', 'Mars/Olympus'), anyString)),
    },
    { requiredKeys: ['category', 'createdAt'] },
  ),
  fc.jsonValue(),
)

describe(`fuzzing (${RUNS} inputs per property)`, () => {
  test('coverage answers or refuses, and leaves its input as it was', () => {
    fc.assert(
      fc.property(anyMember, anyOptions, (member, options) => {
        const before = [structuredClone(member), structuredClone(options)]
        answersOrRefuses(() => coverage(member as never, options as never))
        expect([member, options]).toEqual(before)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  test('dataUse answers or refuses, and leaves its input as it was', () => {
    fc.assert(
      fc.property(anyMember, anyItem, anyOptions, (member, item, options) => {
        const before = [structuredClone(member), structuredClone(item), structuredClone(options)]
        answersOrRefuses(() => dataUse(member as never, item as never, options as never))
        expect([member, item, options]).toEqual(before)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  test('safeCoverage never throws, and agrees with coverage', () => {
    fc.assert(
      fc.property(anyMember, anyOptions, (member, options) => {
        // The same asOf for both calls: by default it is now, which moves.
        const asOf = '2026-06-01T00:00:00Z'
        const fixed = options === undefined ? { asOf } : options === null || typeof options !== 'object' || Array.isArray(options) ? options : { ...options, asOf }
        const result = safeCoverage(member as never, fixed as never)
        expect(result.success).toBe(answersOrRefuses(() => coverage(member as never, fixed as never)))
        if (result.success) expect(result.data).toEqual(coverage(member as never, fixed as never))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  test('near-valid members are sometimes answered: the fuzzer reaches the evaluator', () => {
    const answered = fc.sample(nearMember, { numRuns: 2000, seed: 1 }).filter((member) => answersOrRefuses(() => coverage(member as never))).length
    expect(answered).toBeGreaterThan(20)
  })
})

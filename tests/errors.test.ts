import { describe, expect, test } from 'vitest'
import { coverage, dataUse, isPolicyInputError, metaAiEu, safeCoverage } from '../src/index'
import { memberSchema } from '../src/schemas'
import { thrown } from './thrown'


describe('bad input raises a PolicyInputError naming the field and the value', () => {
  const cases: { name: string; run: () => unknown; path: (string | number)[]; message: string }[] = [
    { name: 'an unknown country', run: () => coverage({ country: 'Atlantis' }), path: ['country'], message: 'country: "Atlantis" is not an ISO 3166-1 code or a country name' },
    { name: 'an impossible birth date', run: () => coverage({ country: 'DE', birthDate: '2025-02-30' }), path: ['birthDate'], message: 'birthDate: "2025-02-30" is not a real calendar date' },
    { name: 'a birth date in another format', run: () => coverage({ country: 'DE', birthDate: '01/02/2008' }), path: ['birthDate'], message: 'birthDate: "01/02/2008" is not a birth date: expected YYYY-MM-DD, YYYY-MM or YYYY' },
    { name: 'birth year 0000', run: () => coverage({ country: 'DE', birthDate: '0000' }), path: ['birthDate'], message: 'birthDate: "0000" is before 1900: no member was born then' },
    { name: 'an invalid zone', run: () => coverage({ country: 'DE', timeZone: 'Europe/Atlantis' }), path: ['timeZone'], message: 'timeZone: "Europe/Atlantis" is not an IANA time zone' },
    { name: 'an offset instead of a zone', run: () => coverage({ country: 'DE', timeZone: 'UTC+1' }), path: ['timeZone'], message: 'timeZone: "UTC+1" is a fixed offset, not a time zone' },
    { name: 'an opt-out instant without an offset', run: () => coverage({ country: 'DE', optOuts: [{ at: '2025-11-01T00:00', via: 'setting' }] }), path: ['optOuts', 0, 'at'], message: 'optOuts[0].at: "2025-11-01T00:00" has no offset' },
    { name: 'an opt-out date without a time', run: () => coverage({ country: 'DE', optOuts: [{ at: '2025-11-01', via: 'setting' }] }), path: ['optOuts', 0, 'at'], message: 'optOuts[0].at: "2025-11-01" is a date without a time' },
    { name: 'an unknown via', run: () => coverage({ country: 'DE', optOuts: [{ at: '2025-11-01T00:00:00Z', via: 'email' as 'setting' }] }), path: ['optOuts', 0, 'via'], message: 'optOuts[0].via: expected one of "setting", "objection-form", got "email"' },
    { name: "a channel that is not the policy's (Meta has only the objection form)", run: () => coverage({ country: 'DE', optOuts: [{ at: '2025-11-01T00:00:00Z', via: 'setting' as 'objection-form' }] }, { policy: metaAiEu }), path: ['optOuts', 0, 'via'], message: 'optOuts[0].via: expected one of "objection-form", got "setting"' },
    { name: 'an opt-out without via', run: () => coverage({ country: 'DE', optOuts: [{ at: '2025-11-01T00:00:00Z' } as never] }), path: ['optOuts', 0, 'via'], message: 'optOuts[0].via: is missing: expected one of "setting", "objection-form"' },
    { name: 'an invalid Date in an opt-in', run: () => coverage({ country: 'DE', optIns: [{ at: new Date(Number.NaN) }] }), path: ['optIns', 0, 'at'], message: 'optIns[0].at: an invalid Date names no instant' },
    { name: 'a number for the country', run: () => coverage({ country: 276 as unknown as string }), path: ['country'], message: 'country: expected a string, got 276' },
    { name: 'no country', run: () => coverage({} as never), path: ['country'], message: 'country: is missing' },
    { name: 'a string for secondarySchool', run: () => coverage({ country: 'DE', secondarySchool: 'yes' as unknown as boolean }), path: ['secondarySchool'], message: 'secondarySchool: expected a boolean, got "yes"' },
    { name: 'an object where the opt-outs array goes', run: () => coverage({ country: 'DE', optOuts: {} as never }), path: ['optOuts'], message: 'optOuts: expected an array, got an object' },
    { name: 'a misspelt field', run: () => coverage({ country: 'DE', birthdate: '2000-01-01' } as never), path: ['birthdate'], message: 'birthdate: "birthdate" is not a known field' },
    { name: 'null for the member', run: () => coverage(null as never), path: [], message: 'Invalid member: expected an object, got null' },
    { name: 'an array for the member', run: () => coverage([] as never), path: [], message: 'Invalid member: expected an object, got an array' },
    { name: 'an unparseable asOf', run: () => coverage({ country: 'DE' }, { asOf: 'tomorrow' }), path: ['asOf'], message: 'Invalid options: asOf: "tomorrow" is not an ISO 8601 instant' },
    { name: 'an asOf without an offset', run: () => coverage({ country: 'DE' }, { asOf: '2026-01-01T00:00:00' }), path: ['asOf'], message: 'asOf: "2026-01-01T00:00:00" has no offset' },
    { name: 'a number for asOf', run: () => coverage({ country: 'DE' }, { asOf: 1_700_000_000_000 as never }), path: ['asOf'], message: 'asOf: 1700000000000 is not an instant' },
    { name: 'an unknown option', run: () => coverage({ country: 'DE' }, { asof: '2026-01-01T00:00:00Z' } as never), path: ['asof'], message: 'asof: "asof" is not a known field' },
    { name: 'a string for the policy', run: () => coverage({ country: 'DE' }, { policy: 'linkedin' as never }), path: ['policy'], message: 'policy: "linkedin" is not a policy object' },
    { name: 'an unchecked policy object', run: () => coverage({ country: 'DE' }, { policy: { id: 'x' } as never }), path: [], message: 'Invalid policy' },
    { name: 'a data item with a number for category', run: () => dataUse({ country: 'DE' }, { category: 5 as never, createdAt: '2025-01-01T00:00:00Z' }), path: ['category'], message: 'Invalid item: category: expected a string, got 5' },
    { name: 'a data item without createdAt', run: () => dataUse({ country: 'DE' }, { category: 'profile' } as never), path: ['createdAt'], message: 'Invalid item: createdAt: is missing' },
  ]
  for (const { name, run, path, message } of cases) {
    test(name, () => {
      const error = thrown(run)
      expect(error.name).toBe('PolicyInputError')
      expect(isPolicyInputError(error)).toBe(true)
      expect(error.issues[0]?.path).toEqual(path)
      expect(error.message).toContain(message)
    })
  }

  test('reports every problem at once', () => {
    const error = thrown(() => coverage({ country: 'Atlantis', birthDate: '2025-02-30', timeZone: 'Mars/Olympus' }))
    expect(error.issues.map((issue) => issue.path[0])).toEqual(['country', 'birthDate', 'timeZone'])
  })

  test('safeCoverage returns the error instead of throwing', () => {
    const result = safeCoverage({ country: 'Atlantis' })
    expect(result.success).toBe(false)
    expect(result.success ? undefined : result.error.input).toBe('member')
  })

  test('isPolicyInputError is false for other errors', () => {
    expect(isPolicyInputError(new TypeError('x'))).toBe(false)
    expect(isPolicyInputError({ name: 'PolicyInputError' })).toBe(false)
  })
})

describe('input is never mutated nor trusted', () => {
  test('a member object is left as it was', () => {
    const member = { country: ' de ', timeZone: 'europe/berlin', optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'setting' as const }, { at: '2025-12-01T00:00:00Z', via: 'setting' as const }] }
    const before = structuredClone(member)
    coverage(member, { asOf: '2026-06-01T00:00:00Z' })
    dataUse(member, { category: 'profile', createdAt: '2025-01-01T00:00:00Z' })
    expect(member).toEqual(before)
  })

  test('frozen input works', () => {
    const member = Object.freeze({ country: 'DE', optOuts: Object.freeze([Object.freeze({ at: '2026-01-01T00:00:00Z', via: 'setting' as const })]) })
    expect(coverage(member, { asOf: '2026-06-01T00:00:00Z' }).status).toBe('not-covered')
  })

  test('a __proto__ key from JSON is refused and pollutes nothing', () => {
    const member = JSON.parse('{"country":"DE","__proto__":{"secondarySchool":true,"polluted":1}}')
    const error = thrown(() => coverage(member))
    expect(error.issues[0]?.path).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).secondarySchool).toBeUndefined()
  })

  test('a constructor key is refused', () => {
    expect(thrown(() => coverage({ country: 'DE', constructor: 'x' } as never)).issues[0]?.path).toEqual(['constructor'])
  })

  test('memberSchema reads input into normalised values', () => {
    expect(memberSchema.parse({ country: 'UK', timeZone: 'europe/london', optOuts: [{ at: '2026-01-01T01:00:00+01:00', via: 'setting' }] })).toEqual({
      country: 'GB',
      timeZone: 'Europe/London',
      secondarySchool: false,
      optOuts: [{ at: new Date('2026-01-01T00:00:00Z'), via: 'setting' }],
      optIns: [],
    })
  })
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { birthFields, dateCode, isMonthAlone, isYearAlone, monthCode, NO_BIRTH_DATE, yearCode } from '../src/coverage/birth'
import { coverage, isPolicyInputError, type MemberInput } from '../src/index'
import { memberSchema } from '../src/schemas'
import { formatCivilDate, parseCivilDate } from '../src/time/civil'

const days = (text: string) => parseCivilDate(text) as number

describe('birth codes', () => {
  const cases = [
    { name: 'year 0001 alone', code: yearCode(1), expected: 2 },
    { name: 'year 9999 alone', code: yearCode(9999), expected: 10_000 },
    { name: '0001-01-01, the first full date, just above every year alone', code: dateCode(days('0001-01-01')), expected: 10_001 },
    { name: '0001-01-02', code: dateCode(days('0001-01-02')), expected: 10_002 },
  ] as const
  for (const { name, code, expected } of cases) test(name, () => expect(code).toBe(expected))

  test('none is 0, below every date', () => {
    expect(NO_BIRTH_DATE).toBe(0)
    expect(isYearAlone(NO_BIRTH_DATE)).toBe(false)
  })

  test('9999-12-31 stays below 2^22, the bound BirthCode documents', () => {
    expect(dateCode(days('9999-12-31'))).toBeLessThan(2 ** 22)
  })

  const fullDate = fc.integer({ min: -719_162, max: 2_932_896 }).map(formatCivilDate)
  const yearAlone = fc.integer({ min: 1, max: 9999 }).map((year) => String(year).padStart(4, '0'))
  const codeOf = (text: string) => (text.length === 4 ? yearCode(Number(text)) : dateCode(days(text)))

  test('a code gives back the fields and the kind of its date, so distinct dates have distinct codes (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fullDate, yearAlone), (text) => {
        const code = codeOf(text)
        const { year, month, day } = birthFields(code)
        const alone = text.length === 4
        return (
          isYearAlone(code) === alone &&
          year === Number(text.slice(0, 4)) &&
          month === (alone ? 0 : Number(text.slice(5, 7))) &&
          day === (alone ? 0 : Number(text.slice(8, 10)))
        )
      }),
    )
  })

  test('the member reader keeps the birth date as given, trimmed', () => {
    expect(memberSchema.parse({ country: 'DE', birthDate: ' 1901 ' }).birthDate).toBe('1901')
    expect(memberSchema.parse({ country: 'DE', birthDate: ' 1990-07 ' }).birthDate).toBe('1990-07')
    expect(memberSchema.parse({ country: 'DE', birthDate: '2008-02-29' }).birthDate).toBe('2008-02-29')
    expect(memberSchema.parse({ country: 'DE' }).birthDate).toBeUndefined()
  })
})

describe('birth dates: a Date, a month, and dates that cannot be', () => {
  const asOf = '2026-06-01T00:00:00Z'
  const at = (member: Partial<MemberInput<'setting'>>, when = asOf) => () => coverage({ country: 'DE', timeZone: 'Europe/Berlin', ...member }, { asOf: when })
  const reason = (run: () => ReturnType<typeof coverage>, code: string) => run().reasons.find((each) => each.code === code)?.message
  const issue = (run: () => unknown): string => {
    try {
      run()
    } catch (error) {
      if (isPolicyInputError(error) && error.issues[0]?.path[0] === 'birthDate') return error.issues[0].message
      throw error
    }
    return 'no error'
  }

  const accepted = [
    { name: 'a Date at UTC midnight is its UTC date', birthDate: new Date('2008-02-29T00:00:00Z'), same: '2008-02-29' },
    { name: 'a Date late in its UTC day is still that day, whatever the host zone', birthDate: new Date('2008-02-29T23:59:59.999Z'), same: '2008-02-29' },
    { name: "a Date written with an offset is read by its UTC fields, not the offset's", birthDate: new Date('2008-03-01T00:30:00+02:00'), same: '2008-02-29' },
    { name: 'a Date of 1900-01-01, the first day accepted', birthDate: new Date('1900-01-01T00:00:00Z'), same: '1900-01-01' },
  ] as const
  for (const { name, birthDate, same } of accepted) {
    test(`${name}: ${same}`, () => {
      expect(at({ birthDate })().reasons).toEqual(at({ birthDate: same })().reasons)
      expect(memberSchema.parse({ country: 'DE', birthDate }).birthDate).toBe(same)
    })
  }

  const months = [
    { birthDate: '2008-05', from: '2026-04-30T22:00:00.000Z', until: '2026-05-30T22:00:00.000Z', note: 'the first and last day of May' },
    { birthDate: '2008-02', from: '2026-01-31T23:00:00.000Z', until: '2026-02-28T23:00:00.000Z', note: 'born in February of a leap year: perhaps the 29th, whose birthday is 1 March' },
    { birthDate: '2007-02', from: '2025-01-31T23:00:00.000Z', until: '2025-02-27T23:00:00.000Z', note: 'a common year: the 28th at the latest' },
    { birthDate: '2008-12', from: '2026-11-30T23:00:00.000Z', until: '2026-12-30T23:00:00.000Z', note: 'December' },
  ] as const
  for (const { birthDate, from, until, note } of months) {
    test(`${birthDate}: the 18th birthday lies between ${from} and ${until} (${note})`, () => {
      const report = at({ birthDate })
      expect(reason(report, 'birth-month-only')).toBe(`Only the birth month is known: the member turns 18 between ${from} and ${until}`)
      expect(reason(report, 'birth-year-only')).toBeUndefined()
    })
  }

  test('a month alone is undetermined inside its month and certain outside it', () => {
    expect(at({ birthDate: '2008-05' }, '2026-05-15T00:00:00Z')().status).toBe('undetermined')
    expect(at({ birthDate: '2008-05' }, '2026-04-29T00:00:00Z')().status).toBe('not-covered')
    expect(at({ birthDate: '2008-05' }, '2026-06-01T00:00:00Z')().status).toBe('covered')
  })

  const refused = [
    { name: 'a day after asOf', birthDate: '2026-06-03', says: '"2026-06-03" is after asOf (2026-06-01T00:00:00.000Z): the member is not born yet' },
    { name: 'a year after asOf', birthDate: '2027', says: '"2027" is after asOf' },
    { name: 'a month after asOf', birthDate: '2026-07', says: '"2026-07" is after asOf' },
    { name: 'a Date after asOf', birthDate: new Date('2030-01-01T00:00:00Z'), says: '"2030-01-01" is after asOf' },
    { name: 'a day before 1900', birthDate: '1899-12-31', says: '"1899-12-31" is before 1900: no member was born then' },
    { name: 'a year before 1900', birthDate: '1899', says: '"1899" is before 1900' },
    { name: 'a month before 1900', birthDate: '1899-12', says: '"1899-12" is before 1900' },
    { name: 'a Date before 1900', birthDate: new Date('1899-12-31T12:00:00Z'), says: '"1899-12-31" is before 1900' },
    { name: 'an invalid Date', birthDate: new Date(Number.NaN), says: 'an invalid Date is not a date' },
    { name: 'month 13', birthDate: '2008-13', says: 'is not a real month' },
    { name: 'month 00', birthDate: '2008-00', says: 'is not a real month' },
  ] as const
  for (const { name, birthDate, says } of refused) {
    test(`refuses ${name}`, () => expect(issue(at({ birthDate }))).toContain(says))
  }

  const notYetRefused = [
    { name: 'born the day asOf falls on, in UTC', birthDate: '2026-06-01', asOf },
    { name: 'the year of asOf', birthDate: '2026', asOf },
    { name: 'the month of asOf', birthDate: '2026-06', asOf },
    { name: 'born on a day that has begun at asOf only east of UTC (Kiritimati, UTC+14)', birthDate: '2026-06-02', asOf: '2026-06-01T10:00:00Z' },
  ] as const
  for (const { name, birthDate, asOf: when } of notYetRefused) {
    test(`accepts ${name}: ${birthDate} at ${when}`, () => expect(at({ birthDate }, when)().status).toBe('not-covered'))
  }

  test('month codes give back their year and month, below 2^22 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const code = monthCode(year, month)
        return isMonthAlone(code) && !isYearAlone(code) && code < 2 ** 22 && code > dateCode(days('9999-12-31')) && JSON.stringify(birthFields(code)) === JSON.stringify({ year, month, day: 0 })
      }),
    )
  })
})

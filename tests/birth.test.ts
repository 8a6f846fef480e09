import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { birthFields, dateCode, isYearAlone, NO_BIRTH_DATE, yearCode } from '../src/coverage/birth'
import {  } from '../src/index'
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
    expect(memberSchema.parse({ country: 'DE', birthDate: ' 0001 ' }).birthDate).toBe('0001')
    expect(memberSchema.parse({ country: 'DE', birthDate: '2008-02-29' }).birthDate).toBe('2008-02-29')
    expect(memberSchema.parse({ country: 'DE' }).birthDate).toBeUndefined()
  })
})

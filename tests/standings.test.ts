import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { coverage } from '../src/index'
import { compilePolicy } from '../src/policy/compile'
import { linkedinGenAi } from '../src/policy/linkedin'
import { ADULT_EARLIEST, AGE_REASON, cacheOf, EARLIEST, LATEST, STANDING, type Standing, StandingTable, STANDINGS_LIMIT, START_UNDETERMINED } from '../src/coverage/standings'
import { formatCivilDate } from '../src/time/civil'

/** A stand-in standing: the table reads only its locality's id, its instants and its age reason. */
function fakeStanding(locality: number, birth: number): Standing {
  return {
    locality: { id: locality },
    earliest: locality * 1e6 + birth,
    latest: locality * 1e6 + birth + 0.5,
    adultEarliest: -birth,
    ageReason: { code: 'age-not-given', message: `${locality}/${birth}` },
  } as unknown as Standing
}

describe('StandingTable', () => {
  const standingIn = (table: StandingTable, slot: number) => table.objects[table.objectsAt(slot) + STANDING] as Standing

  test('finds every standing added, with its instants, age reason and kept reasons, across growth', () => {
    const table = new StandingTable()
    const keys: [number, number][] = []
    // Neighbouring keys in both halves: the pattern real members give (consecutive days, few localities).
    for (let locality = 0; locality < 40; locality++) for (let birth = 0; birth < 500; birth++) keys.push([locality, birth * 7 + 10_001])
    const absentBefore = keys.filter(([locality, birth]) => {
      const free = table.find(locality, birth) < 0
      const slot = table.add(fakeStanding(locality, birth), birth)
      // A reason kept in the row must move with it when the table grows.
      table.objects[table.objectsAt(slot) + START_UNDETERMINED] = { code: 'start-undetermined', message: `${locality}/${birth}` }
      return free
    })
    expect(absentBefore.length).toBe(keys.length)
    expect(table.size).toBe(keys.length)
    const wrong = keys.filter(([locality, birth]) => {
      const slot = table.find(locality, birth)
      const standing = standingIn(table, slot)
      const at = table.objectsAt(slot)
      return (
        standing.locality.id !== locality ||
        table.instant(slot, EARLIEST) !== standing.earliest ||
        table.instant(slot, LATEST) !== standing.latest ||
        table.instant(slot, ADULT_EARLIEST) !== -birth ||
        table.objects[at + AGE_REASON] !== standing.ageReason ||
        (table.objects[at + START_UNDETERMINED] as { message: string } | undefined)?.message !== `${locality}/${birth}`
      )
    })
    expect(wrong).toEqual([])
    expect(table.find(40, 10_001)).toBeLessThan(0)
    expect(table.find(0, 10_002)).toBeLessThan(0)
  })

  test('keys that differ only in the locality or only in the birth code stay apart (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 2 ** 22 - 1 })), { selector: ([a, b]) => `${a} ${b}`, maxLength: 600 }), (keys) => {
        const table = new StandingTable()
        for (const [locality, birth] of keys) table.add(fakeStanding(locality, birth), birth)
        return keys.every(([locality, birth]) => standingIn(table, table.find(locality, birth)).earliest === locality * 1e6 + birth)
      }),
    )
  })
})

describe('the standings cache', () => {
  test('is emptied when it holds 10,000 localities, and answers stay the same after', () => {
    const compiled = compilePolicy(linkedinGenAi)
    const member = { country: 'FR', timeZone: 'Europe/Paris' }
    const asOf = '2026-01-01T00:00:00Z'
    const before = coverage(member, { asOf })
    const first = cacheOf(compiled)
    // Every zone with many countries: a locality each (the member's own zone need not be in their country).
    const zones = Intl.supportedValuesOf('timeZone')
    const countries = ['DE', 'FR', 'US', 'CA', 'BR', 'IN', 'JP', 'AU', 'ZA', 'MX', 'HK', 'GB', 'ES', 'PT', 'NO', 'CH', 'IS', 'LI', 'KI', 'RU', 'AR', 'CL', 'NZ', 'EG', 'KE', 'NG', 'TR', 'SA', 'IR', 'ID']
    for (const country of countries) {
      for (const timeZone of zones) {
        if (first.count >= 10_000) break
        coverage({ country, timeZone }, { asOf })
      }
    }
    expect(first.count).toBe(10_000)
    const second = cacheOf(compiled)
    expect(second).not.toBe(first)
    expect(second.count).toBe(0)
    expect(coverage(member, { asOf })).toEqual(before)
  })


  test('is emptied when full, and answers stay the same after', () => {
    const compiled = compilePolicy(linkedinGenAi)
    const member = { country: 'DE', timeZone: 'Europe/Berlin', birthDate: '2008-01-01' }
    const asOf = '2026-01-01T00:00:00Z'
    const before = coverage(member, { asOf })
    const first = cacheOf(compiled)
    // Distinct birth dates in one zone fill the table: 1900-01-01 onwards.
    for (let day = -25_567; first.table.size < STANDINGS_LIMIT; day++) coverage({ country: 'DE', timeZone: 'Europe/Berlin', birthDate: formatCivilDate(day) }, { asOf })
    // Emptied at three quarters of 65,536 slots, before it would double.
    expect(first.table.capacity).toBe(65_536)
    const second = cacheOf(compiled)
    expect(second).not.toBe(first)
    expect(second.table.size).toBe(0)
    expect(coverage(member, { asOf })).toEqual(before)
  })
})

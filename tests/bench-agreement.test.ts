// The benchmark's three evaluators compute the same statuses on every member:
// coverage(), the json-rules-engine peer and the hand-written floor.
import { expect, test } from 'vitest'
import { floorStatus } from '../bench/floor'
import { members } from '../bench/members'
import { rulesEngine, rulesStatus } from '../bench/rules'
import { coverage } from '../src/index'

test('coverage, the rules-engine peer and the floor agree on 3,000 varied members', async () => {
  const engine = rulesEngine()
  const sample = members(3000, 7)
  const statuses = new Set<string>()
  for (const { member, asOf } of sample) {
    const ours = coverage(member, { asOf }).status
    statuses.add(ours)
    expect([floorStatus(member, asOf), await rulesStatus(engine, member, asOf)], JSON.stringify({ member, asOf })).toEqual([ours, ours])
  }
  expect([...statuses].sort()).toEqual(['covered', 'not-covered', 'undetermined'])
})

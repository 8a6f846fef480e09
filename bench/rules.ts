/**
 * The peer: the same policy as json-rules-engine rules, over the same facts
 * (the floor's: the instant, the exclusion, the opt-out state, and each
 * scenario's spans of use under the narrowest and the widest reading), as a
 * team would write it with a general rules engine: the spans are data, and two
 * operators ask whether the instant lies in them in every scenario or in none.
 */
import { Engine } from 'json-rules-engine'
import { facts, type Status } from './floor'
import type { RawMember } from './members'

/** Whether `at` lies in one of the flat `[from, until, ...]` spans. */
const within = (spans: readonly number[], at: number) => spans.some((from, index) => index % 2 === 0 && from <= at && at < (spans[index + 1] as number))

export function rulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false })
  engine.addOperator('inEveryScenario', (scenarios: number[][], at: number) => scenarios.length > 0 && scenarios.every((spans) => within(spans, at)))
  engine.addOperator('inNoScenario', (scenarios: number[][], at: number) => scenarios.length > 0 && !scenarios.some((spans) => within(spans, at)))
  const asOf = { fact: 'asOf' }
  engine.addRule({ name: 'secondary school', priority: 40, conditions: { all: [{ fact: 'excluded', operator: 'equal', value: true }] }, event: { type: 'not-covered' } })
  engine.addRule({ name: 'opted out', priority: 30, conditions: { all: [{ fact: 'on', operator: 'equal', value: false }] }, event: { type: 'not-covered' } })
  engine.addRule({ name: 'no phase of use', priority: 20, conditions: { all: [{ fact: 'upper', operator: 'inNoScenario', value: asOf }] }, event: { type: 'not-covered' } })
  engine.addRule({ name: 'in use for certain', priority: 10, conditions: { all: [{ fact: 'lower', operator: 'inEveryScenario', value: asOf }] }, event: { type: 'covered' } })
  return engine
}

/** The peer's status: the event of the highest-priority rule that fires, else undetermined. */
export async function rulesStatus(engine: Engine, member: RawMember, asOf: string): Promise<Status> {
  const { events } = await engine.run({ ...facts(member, asOf) })
  return (events[0]?.type as Status | undefined) ?? 'undetermined'
}

/**
 * The peer: the same policy as json-rules-engine rules, over the same facts
 * (the floor's), as a team would write it with a general rules engine.
 */
import { Engine } from 'json-rules-engine'
import { facts, type Status } from './floor'
import type { RawMember } from './members'

export function rulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false })
  engine.addRule({ name: 'secondary school', priority: 40, conditions: { all: [{ fact: 'excluded', operator: 'equal', value: true }] }, event: { type: 'not-covered' } })
  engine.addRule({ name: 'opted out', priority: 30, conditions: { all: [{ fact: 'on', operator: 'equal', value: false }] }, event: { type: 'not-covered' } })
  engine.addRule({ name: 'not started', priority: 20, conditions: { all: [{ fact: 'asOf', operator: 'lessThan', value: { fact: 'earliest' } }] }, event: { type: 'not-covered' } })
  engine.addRule({ name: 'start unknown', priority: 10, conditions: { all: [{ fact: 'asOf', operator: 'lessThan', value: { fact: 'latest' } }] }, event: { type: 'undetermined' } })
  return engine
}

/** The peer's status: the event of the highest-priority rule that fires, else covered. */
export async function rulesStatus(engine: Engine, member: RawMember, asOf: string): Promise<Status> {
  const { events } = await engine.run({ ...facts(member, asOf) })
  return (events[0]?.type as Status | undefined) ?? 'covered'
}

/** How firmly a phase is known: `possible` phases never make a member `covered`. */
export type Certainty = 'stated' | 'reported' | 'possible'

/** Every certainty, weakest first. */
export const certainties = ['possible', 'reported', 'stated'] as const satisfies readonly Certainty[]

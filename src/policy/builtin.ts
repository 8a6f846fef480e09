/** The built-in policies by id: what `--policy NAME` names. */
import { linkedinGenAi } from './linkedin'
import { metaAiEu } from './meta'

/** The built-in policies, by their ids. */
export const policies = { [linkedinGenAi.id]: linkedinGenAi, [metaAiEu.id]: metaAiEu } as const

/** The built-in policies by id: what `--policy NAME` names. */
import { linkedinGenAi } from './linkedin'
import { metaAiEu } from './meta'

/** The built-in policies, by their ids (keys written out, so that a bundle without `policies` drops them). */
export const policies = { 'linkedin-genai': linkedinGenAi, 'meta-ai-eu': metaAiEu } as const

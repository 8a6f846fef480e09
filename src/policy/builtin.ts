/** The built-in policies by id: what `--policy NAME` names. */
import { linkedinGenAi } from './linkedin'
import { metaAiEu } from './meta'
import type { Policy } from './schema'

/** The built-in policies, by their ids (keys written out, so that a bundle without `policies` drops them). */
export const policies: Readonly<Record<string, Policy>> & { readonly 'linkedin-genai': typeof linkedinGenAi; readonly 'meta-ai-eu': typeof metaAiEu } = {
  'linkedin-genai': linkedinGenAi,
  'meta-ai-eu': metaAiEu,
}

import { AI_RULES } from './aiRules'
import { ENTITY_RULES } from './entityRules'
import { FLOW_RULES } from './flowRules'
import { PROCESS_RULES } from './processRules'
import { STORE_RULES } from './storeRules'

/** Every suggestion rule, in the order ties are shown: the walk's order of element kinds. */
export const SUGGESTION_RULES = [...ENTITY_RULES, ...FLOW_RULES, ...PROCESS_RULES, ...AI_RULES, ...STORE_RULES] as const

export type SuggestionRuleId = (typeof SUGGESTION_RULES)[number]['id']

import { describe, expect, it } from 'vitest'
import { AI_MODEL_ANSWERS as CANVAS_AI_MODEL_ANSWERS, PRIVILEGE_LEVELS as CANVAS_PRIVILEGE_LEVELS } from '@/lib/dfd/shapes/process-props'
import { AI_MODEL_ANSWERS, flowPropertiesSchema, PRIVILEGE_LEVELS, processPropertiesSchema, storePropertiesSchema } from './elementProperties'

describe('element properties', () => {
	it('uses the same privilege levels and AI-model answers as the process shape', () => {
		expect(PRIVILEGE_LEVELS).toEqual(CANVAS_PRIVILEGE_LEVELS)
		expect(AI_MODEL_ANSWERS).toEqual(CANVAS_AI_MODEL_ANSWERS)
	})

	it('fills missing properties with the canvas defaults', () => {
		expect(flowPropertiesSchema.parse({})).toEqual({ protocol: '', isEncrypted: false, isPublicNetwork: false, isBidirectional: false })
		expect(storePropertiesSchema.parse({ isALog: true })).toMatchObject({ isALog: true, isSigned: false })
		expect(processPropertiesSchema.parse({})).toEqual({ privilegeLevel: 'standard', isWebApplication: false, aiModel: 'unknown' })
	})

	it('rejects a privilege level the canvas does not know', () => {
		expect(processPropertiesSchema.safeParse({ privilegeLevel: 'root' }).success).toBe(false)
	})
})

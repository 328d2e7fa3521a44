import { describe, expect, it } from 'vitest'
import { processesAi } from './processesAi'

describe('processesAi', () => {
	it('reads yes and no, and leaves anything else unsaid', () => {
		expect(processesAi('yes')).toBe(true)
		expect(processesAi('no')).toBe(false)
		for (const other of ['unknown', undefined, null, true, 'YES']) expect(processesAi(other)).toBeUndefined()
	})
})

import { describe, expect, it } from 'vitest'
import type { RejectedMessage } from '@/lib/protocol/customMessages'
import { MAX_REJECTIONS_PER_FLUSH, RejectionReporter } from './rejectionReporter'

function rejection(recordId: string): RejectedMessage {
	return { type: 'rejected', recordType: 'threat', recordId, action: 'update', reason: 'Only the facilitator can …' }
}

describe('RejectionReporter', () => {
	it('sends nothing while the push is being handled, then everything it collected, per session', async () => {
		const sent: [string, string][] = []
		const reporter = new RejectionReporter((sessionId, message) => sent.push([sessionId, message.recordId]))
		reporter.report('a', rejection('threat:1'))
		reporter.report('b', rejection('threat:2'))
		reporter.report('a', rejection('threat:3'))
		expect(sent).toEqual([])
		await Promise.resolve()
		expect(sent).toEqual([
			['a', 'threat:1'],
			['a', 'threat:3'],
			['b', 'threat:2'],
		])
	})

	it(`answers one push with at most ${MAX_REJECTIONS_PER_FLUSH} messages`, async () => {
		const sent: string[] = []
		const reporter = new RejectionReporter((_sessionId, message) => sent.push(message.recordId))
		for (let n = 0; n < 1_000; n++) reporter.report('a', rejection(`threat:${n}`))
		await Promise.resolve()
		expect(sent).toHaveLength(MAX_REJECTIONS_PER_FLUSH)
		reporter.report('a', rejection('threat:later'))
		await Promise.resolve()
		expect(sent.at(-1)).toBe('threat:later')
	})
})

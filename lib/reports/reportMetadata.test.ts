import { describe, expect, it } from 'vitest'
import { buildSessionModel } from './buildSessionModel'
import { toCsv } from './csv'
import { toJson } from './json'
import { toMarkdown } from './markdownReport'
import { sessionModelSchema } from './sessionModel'
import { parseCsv } from '@/tests/fixtures/csv'
import { WEB_SHOP_INPUT, webShopModel } from '@/fixtures/sessionModel'
import { filterForView } from './views'

const PAY = { ...WEB_SHOP_INPUT, session: { ...WEB_SHOP_INPUT.session, projectPrefix: 'PAY', sessionNumber: 3 } }

describe('composed IDs, review status and metadata in the exports', () => {
	it('compose every threat ID with the project prefix and the session number', () => {
		const model = buildSessionModel(PAY)
		expect(model.session).toMatchObject({ projectPrefix: 'PAY', sessionNumber: 3 })
		expect(model.threats.map((threat) => threat.humanId).slice(0, 2)).toEqual(['PAY.S03.T-001', 'PAY.S03.T-002'])
		expect(model.mitigations.find((mitigation) => mitigation.humanId === 'M-001')?.threatHumanIds).toEqual(['PAY.S03.T-001'])
		expect(model.metadata.find((entry) => entry.targetKind === 'threat')?.targetHumanId).toBe('PAY.S03.T-001')
		expect(parseCsv(toCsv(model))[1]?.[0]).toBe('PAY.S03.T-001')
		const markdown = toMarkdown(model)
		expect(markdown).toContain('| **Project** | PAY · session S03 (threat IDs read PAY.S03.T-…) |')
		expect(markdown).toContain('| PAY.S03.T-001 |')
	})

	it('leave IDs as they are without a prefix', () => {
		const model = webShopModel()
		expect(model.session).toMatchObject({ projectPrefix: null, sessionNumber: 1 })
		expect(model.threats[0]?.humanId).toBe('T-001')
		expect(toMarkdown(model)).not.toContain('**Project**')
	})

	it('carry the review status in force and its history', () => {
		expect(webShopModel().session.review).toEqual({
			status: 'pendingReview',
			setByName: 'Fay',
			setAt: '2025-03-01T10:06:00.000Z',
			history: [
				{ status: 'inProgress', setByName: 'Fay', setAt: '2025-03-01T09:00:00.000Z' },
				{ status: 'pendingReview', setByName: 'Fay', setAt: '2025-03-01T10:06:00.000Z' },
			],
		})
		const { review } = buildSessionModel({ ...WEB_SHOP_INPUT, reviewEvents: [] }).session
		expect(review).toEqual({ status: 'notStarted', setByName: null, setAt: null, history: [] })
	})

	it('list the metadata of the session, the elements and live threats, session first, nothing of a threat gone', () => {
		expect(webShopModel().metadata).toEqual([
			{ targetKind: 'session', targetId: null, targetHumanId: null, key: 'compliance', value: 'PCI' },
			{ targetKind: 'element', targetId: 'shape:p1', targetHumanId: 'P1', key: 'data_class', value: 'cardholder' },
			{ targetKind: 'element', targetId: 'shape:p1', targetHumanId: 'P1', key: 'env', value: 'prod' },
			{ targetKind: 'threat', targetId: 'threat:t1', targetHumanId: 'T-001', key: 'owner.team', value: 'payments' },
		])
	})

	it('keep a view’s metadata to the threats it shows', () => {
		const unmitigated = filterForView(webShopModel(), 'unmitigated')
		expect(unmitigated.threats.some((threat) => threat.id === 'threat:t1')).toBe(false)
		expect(unmitigated.metadata.map((entry) => entry.targetKind)).toEqual(['session', 'element', 'element'])
	})

	it('keep a view’s metadata history to the threats it shows', () => {
		const entry = (seq: number, recordId: string) => ({
			seq,
			recordType: 'metadata-entry',
			recordId,
			recordHumanId: 'env',
			action: 'create' as const,
			field: '',
			fieldLabel: '',
			oldValue: '',
			newValue: 'env=prod',
			byName: 'Pat',
			byRole: 'participant' as const,
			at: '2025-03-01T09:30:00.000Z',
			lastAt: '2025-03-01T09:30:00.000Z',
			edits: 1,
		})
		const model = webShopModel()
		const withHistory = {
			...model,
			history: {
				stopped: false,
				entries: [entry(1, 'metadata-entry:threat~t1~env'), entry(2, 'metadata-entry:threat~t2~env'), entry(3, 'metadata-entry:shape~p1~env')],
			},
		}
		const kept = filterForView(withHistory, 'unmitigated').history.entries.map((historyEntry) => historyEntry.recordId)
		expect(kept).toEqual(['metadata-entry:threat~t2~env', 'metadata-entry:shape~p1~env'])
	})

	it('read a file written before them with no metadata, not started and no prefix', () => {
		const { metadata: _m, ...older } = JSON.parse(toJson(webShopModel()))
		const { review: _r, projectPrefix: _p, sessionNumber: _n, ...session } = older.session
		const parsed = sessionModelSchema.parse({ ...older, session })
		expect(parsed.metadata).toEqual([])
		expect(parsed.session).toMatchObject({ projectPrefix: null, sessionNumber: 1, review: { status: 'notStarted' } })
	})
})

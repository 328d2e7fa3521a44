import { describe, expect, it } from 'vitest'
import type { ThreatStatus } from '@/lib/risk/threatStatus'
import type { DecisionKind } from '@/lib/session/records/decisionRecord'
import { toCsv } from './csv'
import { toHtml } from './htmlReport'
import { toMarkdown } from './markdownReport'
import type { ModelDecision } from './sessionModel'
import { webShopModel } from '@/fixtures/sessionModel'
import { filterForView, isMitigated } from './views'

function decided(kind: DecisionKind): ModelDecision {
	return {
		id: `decision:${kind}`,
		kind,
		rationale: '',
		mitigation: '',
		owner: '',
		dueDate: null,
		issueUrl: null,
		reviewDate: null,
		deferUntil: null,
		transferTo: '',
		onBehalfOf: '',
		decidedBy: 'u',
		decidedByName: 'Pat',
		decidedAt: '2025-03-01T10:00:00.000Z',
	}
}

describe('isMitigated', () => {
	it.each<[ThreatStatus, DecisionKind | null, boolean]>([
		['Resolved', null, true],
		['Resolved', 'mitigate', true],
		['Closed', 'mitigate', true],
		['False Positive', null, true],
		['False Positive', 'accept', true],
		['Open', 'mitigate', false],
		['Mitigation Planned', 'mitigate', false],
		['Mitigation In Progress', 'mitigate', false],
		['Verification Pending', 'mitigate', false],
		['Accepted', 'accept', false],
		['Accepted', 'transfer', false],
		['Deferred', 'defer', false],
		['Confirmed', null, false],
		// The record contradicts itself: err towards not distributing.
		['Resolved', 'accept', false],
		['Closed', 'transfer', false],
		['Closed', 'defer', false],
	])('a threat %s under decision %s is mitigated: %s', (status, kind, expected) => {
		expect(isMitigated({ status, decision: kind === null ? null : decided(kind) })).toBe(expected)
	})
})

describe('filterForView', () => {
	const ids = (view: 'all' | 'distributable' | 'unmitigated') => filterForView(webShopModel(), view).threats.map((threat) => threat.humanId)

	it('keeps every threat in the full view', () => {
		expect(ids('all')).toHaveLength(9)
	})

	it('keeps only mitigated threats in the distributable view', () => {
		expect(ids('distributable')).toEqual(['T-001', 'T-008', 'T-009'])
	})

	it('keeps the rest, residual risks included, in the unmitigated view', () => {
		expect(ids('unmitigated')).toEqual(['T-002', 'T-003', 'T-004', 'T-005', 'T-006', 'T-007'])
	})

	it('splits the threats into two disjoint halves that add up to all of them', () => {
		const halves = [...ids('distributable'), ...ids('unmitigated')].sort()
		expect(halves).toEqual(ids('all'))
	})

	it('labels the model with its view and keeps marks and coverage', () => {
		const model = filterForView(webShopModel(), 'distributable')
		expect(model.view).toBe('distributable')
		expect(model.naMarks).toEqual(webShopModel().naMarks)
		expect(model.coverage).toEqual(webShopModel().coverage)
	})

	it('refuses to filter an extract again, which would mislabel it', () => {
		expect(() => filterForView(filterForView(webShopModel(), 'distributable'), 'all')).toThrow(/full model/)
	})

	it('leaves no trace of an unmitigated threat in any distributable output', () => {
		const model = filterForView(webShopModel(), 'distributable')
		const outputs = [toMarkdown(model), toHtml(model), toCsv(model)]
		for (const title of ['Price tampering', 'Password hashes', 'Payment provider disputes', 'checkout bots', 'escalates to admin', 'onerror']) {
			for (const output of outputs) expect(output).not.toContain(title)
		}
		expect(toMarkdown(model)).toContain('Distributable edition')
		expect(toMarkdown(model)).toContain('Not part of the distributable edition.')
	})

	it('warns that the unmitigated extract is confidential', () => {
		expect(toHtml(filterForView(webShopModel(), 'unmitigated'))).toContain('Handle it as confidential')
	})
})

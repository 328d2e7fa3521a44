import { describe, expect, it } from 'vitest'
import { buildSessionModel } from './buildSessionModel'
import { changesSince, withChangesSince } from './changesSince'
import { toHtml } from './htmlReport'
import { toJson } from './json'
import { toMarkdown } from './markdownReport'
import { sessionModelSchema } from './sessionModel'
import type { DecisionInput, SessionModelInput } from './sessionModelInput'
import { WEB_SHOP_INPUT, webShopModel } from '@/fixtures/sessionModel'
import { filterForView } from './views'

const at = (iso: string) => Date.parse(iso)

/** The follow-up of the web shop session, a month later, after lib/canvas/followUpSnapshot.ts and some work. */
function followUpInput(): SessionModelInput {
	const previous = WEB_SHOP_INPUT
	const decision: DecisionInput = {
		...(previous.decisions.find((entry) => entry.id === 'decision:d6') ?? previous.decisions[0]!),
		id: 'decision:d6b',
		kind: 'mitigate',
		mitigation: 'Rate limit at the CDN',
		decidedAt: at('2025-04-01T10:00:00Z'),
	}
	return {
		...previous,
		exportedAt: at('2025-04-01T11:00:00Z'),
		session: {
			...previous.session,
			id: 'sess_followup',
			status: 'active',
			createdAt: at('2025-04-01T09:00:00Z'),
			endedAt: null,
			previousSessionId: previous.session.id,
		},
		// The courier left the diagram; an admin API came in.
		elements: [
			...previous.elements.filter((element) => element.shapeId !== 'shape:ee3'),
			{ ...previous.elements.find((element) => element.shapeId === 'shape:p2')!, shapeId: 'shape:p3', humanId: 'P3', name: 'Admin API' },
		],
		threats: [
			...previous.threats
				.filter((threat) => ['T-002', 'T-003', 'T-006', 'T-007'].includes(threat.humanId))
				.map((threat) => {
					if (threat.humanId === 'T-003') return { ...threat, agreedLikelihood: 1, agreedImpact: 2 }
					if (threat.humanId === 'T-007') return { ...threat, status: 'Resolved' as const }
					return threat
				}),
			{
				...previous.threats[0]!,
				id: 'threat:t11',
				humanId: 'T-011',
				shapeId: 'shape:p3',
				title: 'Admin API lacks rate limiting',
				status: 'Open',
				createdAt: at('2025-04-01T09:30:00Z'),
			},
		],
		votes: [],
		naMarks: [],
		decisions: [...previous.decisions.filter((entry) => ['threat:t2', 'threat:t6', 'threat:t7'].includes(entry.threatId)), decision],
	}
}

const previous = webShopModel()
const current = buildSessionModel(followUpInput())
const changes = changesSince(current, previous)
const ids = (list: readonly { humanId: string }[]) => list.map((entry) => entry.humanId)

describe('changesSince', () => {
	it('names the session it follows', () => {
		expect(changes.previousSession).toEqual({
			id: 'sess_webshop01',
			name: 'Web shop checkout',
			createdAt: '2025-03-01T09:00:00.000Z',
			endedAt: '2025-03-01T10:05:00.000Z',
		})
	})

	it('lists threats new since, and those closed since with their old and new status', () => {
		expect(ids(changes.threats.new)).toEqual(['T-011'])
		expect(changes.threats.closed).toEqual([
			{ id: 'threat:t7', humanId: 'T-007', title: 'Support agent escalates to admin', elementHumanId: 'P2', from: 'Verification Pending', to: 'Resolved' },
		])
	})

	it('lists re-rated threats by their effective rating, before and after', () => {
		expect(changes.threats.reRated).toEqual([
			expect.objectContaining({
				humanId: 'T-003',
				from: { likelihood: 3, impact: 3, score: 9, band: 'High' },
				to: { likelihood: 1, impact: 2, score: 2, band: 'Low' },
			}),
		])
	})

	it('lists threats whose decision in force was taken since', () => {
		expect(changes.threats.decided.map((entry) => [entry.humanId, entry.decision.id])).toEqual([['T-006', 'decision:d6b']])
	})

	it('lists elements added and removed', () => {
		expect(changes.elements).toEqual({
			added: [{ shapeId: 'shape:p3', humanId: 'P3', kind: 'process', name: 'Admin API' }],
			removed: [{ shapeId: 'shape:ee3', humanId: 'EE3', kind: 'entity', name: 'Courier' }],
		})
	})

	it('finds nothing changed between a session and itself', () => {
		expect(changesSince(previous, previous)).toMatchObject({ threats: { new: [], closed: [], reRated: [], decided: [] }, elements: { added: [], removed: [] } })
	})

	it('travels in the JSON export, which its schema reads back', () => {
		const json: unknown = JSON.parse(toJson(withChangesSince(current, previous)))
		expect(sessionModelSchema.parse(json).changesSince).toEqual(changes)
	})

	it('gives the follow-up’s reports a “Changes since” section after the summary', () => {
		const markdown = toMarkdown(withChangesSince(current, previous))
		const headings = markdown.split('\n').filter((line) => line.startsWith('## '))
		expect(headings.slice(0, 4)).toEqual(['## Session', '## Executive summary', '## Changes since Web shop checkout (2025-03-01)', '## System overview'])
		expect(markdown).toContain('Admin API lacks rate limiting')
		expect(toHtml(withChangesSince(current, previous))).toContain('<section id="changes"')
		expect(toMarkdown(current)).not.toContain('Changes since')
	})

	it('names only the threats of the view in a filtered edition', () => {
		const distributable = filterForView(withChangesSince(current, previous), 'distributable')
		// T-007 is resolved under a mitigate decision: mitigated. The new and re-rated ones are open.
		expect(ids(distributable.changesSince?.threats.closed ?? [])).toEqual(['T-007'])
		expect(distributable.changesSince?.threats.new).toEqual([])
		expect(distributable.changesSince?.threats.reRated).toEqual([])
		expect(toMarkdown(distributable)).not.toContain('Admin API lacks rate limiting')
		expect(distributable.changesSince?.elements.added).toHaveLength(1)
	})
})

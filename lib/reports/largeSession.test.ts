import { describe, expect, it } from 'vitest'
import { THREAT_STATUSES } from '@/lib/risk/threatStatus'
import { DECISION_KINDS } from '@/lib/session/records/decisionRecord'
import { formatThreatId } from '@/lib/session/threatIds'
import { buildSessionModel } from './buildSessionModel'
import { toCsv } from './csv'
import { toHtml } from './htmlReport'
import { toJson } from './json'
import { toMarkdown } from './markdownReport'
import type { SessionModelInput } from './sessionModelInput'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'

const THREAT_COUNT = 500

/** The web shop with 500 threats spread over its elements, each voted on and decided. */
function largeInput(): SessionModelInput {
	const targets = WEB_SHOP_INPUT.elements.filter((element) => element.kind !== 'boundary' && element.kind !== 'text')
	const threats = Array.from({ length: THREAT_COUNT }, (_, i) => ({
		id: `threat:big${i}`,
		humanId: formatThreatId(i + 1),
		shapeId: targets[i % targets.length]?.shapeId ?? 'shape:p1',
		categories: ['T'],
		title: `Generated threat ${i} <b>|*_`,
		description: 'A generated description, with commas, "quotes" and\na second line.',
		likelihood: (i % 5) + 1,
		impact: ((i * 3) % 5) + 1,
		agreedLikelihood: i % 2 ? (i % 5) + 1 : null,
		agreedImpact: null,
		mitigation: i % 3 ? 'Do the thing' : '',
		owner: 'Team',
		dueDate: '2025-06-01',
		issueUrl: 'https://tracker.example.com/X-1',
		status: THREAT_STATUSES[i % THREAT_STATUSES.length] ?? 'Open',
		createdByName: 'Dana',
		createdAt: WEB_SHOP_INPUT.session.createdAt + i * 1000,
		isDeleted: false,
	}))
	return {
		...WEB_SHOP_INPUT,
		threats,
		votes: threats.flatMap((threat, i) =>
			['Fay', 'Pat', 'Dana'].map((voterName, j) => ({
				threatId: threat.id,
				voterName,
				likelihood: ((i + j) % 5) + 1,
				impact: ((i + 2 * j) % 5) + 1,
				votedAt: threat.createdAt + j,
			})),
		),
		decisions: threats.map((threat, i) => ({
			id: `decision:big${i}`,
			threatId: threat.id,
			kind: DECISION_KINDS[i % DECISION_KINDS.length] ?? 'mitigate',
			rationale: 'Because',
			mitigation: 'Do the thing',
			owner: 'Team',
			dueDate: '2025-06-01',
			issueUrl: '',
			reviewDate: '2025-09-01',
			deferUntil: '',
			transferTo: '',
			onBehalfOf: '',
			decidedBy: 'user-pat',
			decidedByName: 'Pat',
			decidedAt: threat.createdAt + 10,
		})),
	}
}

describe('report builders at workshop-marathon size', () => {
	// How fast is the benchmarks' business (npm run bench, "reports"); here only that nothing is lost.
	it(`build the model and all four formats for ${THREAT_COUNT} threats, every threat in each`, () => {
		const model = buildSessionModel(largeInput())
		expect(model.threats).toHaveLength(THREAT_COUNT)
		const ids = model.threats.map((threat) => threat.humanId).sort()
		for (const output of [toMarkdown(model), toHtml(model), toCsv(model), toJson(model)]) {
			expect([...new Set(output.match(/T-\d{3}/g))].sort()).toEqual(ids)
		}
	})
})

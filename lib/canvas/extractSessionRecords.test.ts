import { DEFAULT_INITIAL_SNAPSHOT } from '@tldraw/sync-core'
import { describe, expect, it } from 'vitest'
import { emptySessionRecordSet, extractSessionRecords, sessionRecordsOf } from './extractSessionRecords'
import type { ThreatId } from '../session/records/threatRecord'
import {
	FIXTURE_SHAPE_ID,
	fixtureDecision,
	fixtureMitigation,
	fixtureNaMark,
	fixturePhaseEvent,
	fixtureScopeItem,
	fixtureSessionEvent,
	fixtureThreat,
	fixtureTimerEvent,
	fixtureVote,
	fixtureWalk,
} from '@/fixtures/workshopRecords'

function snapshotWith(...states: unknown[]) {
	return {
		...DEFAULT_INITIAL_SNAPSHOT,
		documents: [...DEFAULT_INITIAL_SNAPSHOT.documents, ...states.map((state) => ({ state, lastChangedClock: 1 }))],
	}
}

describe('extractSessionRecords', () => {
	it('groups every workshop record of a saved room by type and leaves the canvas alone', () => {
		const threat = fixtureThreat({ humanId: 'T-001', createdBy: 'pat' })
		const vote = fixtureVote(threat.id, 'fay')
		const naMark = fixtureNaMark(FIXTURE_SHAPE_ID, 'R')
		const scopeItem = fixtureScopeItem({ humanId: 'A1' })
		const walk = fixtureWalk({ focusShapeId: FIXTURE_SHAPE_ID })
		const phase = fixturePhaseEvent({ at: 10 })
		const timer = fixtureTimerEvent({ at: 11 })
		const decision = fixtureDecision({ decidedAt: 12 })
		const end = fixtureSessionEvent({ at: 13 })
		const mitigation = fixtureMitigation({ humanId: 'M-001', createdBy: 'pat' })

		expect(extractSessionRecords(snapshotWith(threat, vote, naMark, scopeItem, walk, phase, timer, decision, end, mitigation))).toEqual({
			ok: true,
			records: {
				threats: [threat],
				votes: [vote],
				naMarks: [naMark],
				scopeItems: [scopeItem],
				walk,
				phaseEvents: [phase],
				timerEvents: [timer],
				decisions: [decision],
				sessionEvents: [end],
				mitigations: [mitigation],
			},
		})
	})

	it('finds nothing in a room without workshop records, or without documents at all', () => {
		const empty = { ok: true, records: emptySessionRecordSet() }
		expect(extractSessionRecords(DEFAULT_INITIAL_SNAPSHOT)).toEqual(empty)
		expect(extractSessionRecords({ schema: {} })).toEqual(empty)
		// Entries that do not claim to be a workshop record are the room's business.
		expect(extractSessionRecords({ documents: [{ clock: 3 }, { state: { id: 'x:1', typeName: 'unknown' } }] })).toEqual(empty)
	})

	it('refuses the whole save when a record fails the room validator, naming where', () => {
		const result = extractSessionRecords(
			snapshotWith(fixtureThreat(), fixtureThreat({ id: 'threat:t2' as ThreatId, likelihood: 9 }), fixtureVote(fixtureThreat().id, 'fay')),
		)
		expect(result).toEqual({
			ok: false,
			issues: [{ path: 'snapshot.documents.3.state', message: expect.stringContaining('likelihood') }],
		})
	})

	it('refuses a record forged with script in a link or a category list too long', () => {
		const result = extractSessionRecords(
			snapshotWith(
				fixtureDecision({ issueUrl: 'javascript:alert(1)' }),
				fixtureThreat({ id: 'threat:t2' as ThreatId, categories: Array.from({ length: 9 }, () => 'S') }),
			),
		)
		expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['snapshot.documents.2.state', 'snapshot.documents.3.state'])
	})

	it('refuses two records with one id, which the tables could not hold', () => {
		const result = extractSessionRecords(snapshotWith(fixtureThreat(), fixtureThreat({ title: 'Again' })))
		expect(result).toEqual({
			ok: false,
			issues: [{ path: 'snapshot.documents.3.state.id', message: 'Duplicate record id threat:t1' }],
		})
	})

	it('refuses documents that are not a list', () => {
		expect(extractSessionRecords({ documents: 'everything' })).toEqual({
			ok: false,
			issues: [{ path: 'snapshot.documents', message: 'Expected an array' }],
		})
	})
})

describe('sessionRecordsOf', () => {
	it('groups records already validated by type, as extraction does, and leaves the canvas alone', () => {
		const threat = fixtureThreat({ humanId: 'T-001', createdBy: 'pat' })
		const walk = fixtureWalk({ focusShapeId: FIXTURE_SHAPE_ID })
		const decision = fixtureDecision({ decidedAt: 12 })
		const snapshot = snapshotWith(threat, walk, decision)
		const extracted = extractSessionRecords(snapshot)
		expect(extracted.ok).toBe(true)
		const canvas = DEFAULT_INITIAL_SNAPSHOT.documents.map((document) => document.state)
		expect({ ok: true, records: sessionRecordsOf([...canvas, threat, walk, decision]) }).toEqual(extracted)
		expect(sessionRecordsOf(canvas)).toEqual(emptySessionRecordSet())
	})
})

import type { TLRecordAuthorizer } from '@tldraw/sync-core'
import { createUserId, DocumentRecordType, TLDOCUMENT_ID, type TLPageId, type TLRecord, type TLShape, UserRecordType } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { HumanIdAllocator, humanIdOf } from '@/lib/dfd/humanIds'
import type { Person, RejectedMessage } from '@/lib/protocol/customMessages'
import type { RecordWrite } from '@/lib/session/authorizeSessionRecords'
import { create, remove, sessionOf, update } from '@/tests/fixtures/authorizer'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { SessionLifecycle } from '@/lib/session/sessionLifecycle'
import { fixtureSessionEvent } from '@/fixtures/workshopRecords'
import { arrowBinding, dfdShape, flowArrow, pageRecord } from '../tests/support/canvasRecords'
import { roomAuthorizers, strictlyIncreasingClock } from './roomAuthorizers'

const PAGE = 'page:page' as TLPageId

function setup(ended: boolean) {
	const reports: RejectedMessage[] = []
	const lifecycle = new SessionLifecycle(ended ? [fixtureSessionEvent({ at: 1 })] : [])
	const allocator = new HumanIdAllocator({})
	const report = (_sessionId: string, message: RejectedMessage) => reports.push(message)
	const authorizers = roomAuthorizers({ allocator: () => allocator, lifecycle, framework: 'STRIDE', now: () => 5, report })
	function authorize(write: RecordWrite): TLRecord | null {
		const { typeName } = write.next ?? write.prev
		const authorizer = authorizers[typeName] as TLRecordAuthorizer<TLRecord, Person> | undefined
		return authorizer ? authorizer(write) : (write.next ?? write.prev)
	}
	return { authorize, reports }
}

const process = () => dfdShape('dfd-process', PAGE, { humanId: '' })
const flow = flowArrow(PAGE, 'Order')

/** A canvas write of each family the browser makes. */
const CANVAS_WRITES: { family: string; write: () => RecordWrite }[] = [
	{ family: 'shape', write: () => create(sessionOf('participant'), process()) },
	{ family: 'shape move', write: () => update(sessionOf('participant'), flow, { ...flow, x: flow.x + 10 }) },
	{ family: 'binding', write: () => create(sessionOf('participant'), arrowBinding(flow.id, process().id, 'end')) },
	{ family: 'page', write: () => create(sessionOf('participant'), pageRecord('second', 'Second diagram')) },
	{ family: 'page removal', write: () => remove(sessionOf('facilitator'), pageRecord('third', 'Third')) },
]

describe('the canvas in the room', () => {
	it.each(CANVAS_WRITES)('takes a $family while the session is open', ({ write }) => {
		const { authorize, reports } = setup(false)
		expect(authorize(write())).not.toBeNull()
		expect(reports).toEqual([])
	})

	it.each(CANVAS_WRITES)('refuses a $family once the session has ended, and says why', ({ write }) => {
		const { authorize, reports } = setup(true)
		const attempted = write()
		expect(authorize(attempted)).toBeNull()
		expect(reports).toEqual([expect.objectContaining({ action: attempted.type, reason: REJECTION_REASON.sessionEnded })])
	})

	it('gates every synced canvas type, document and assets included', () => {
		const { authorize } = setup(true)
		const document = DocumentRecordType.create({ id: TLDOCUMENT_ID })
		expect(authorize(update(sessionOf('facilitator'), document, { ...document, name: 'Renamed' }))).toBeNull()
	})

	it('still stamps human IDs and keeps them fixed while open', () => {
		const { authorize, reports } = setup(false)
		const stamped = authorize(create(sessionOf('participant'), process()))
		expect(stamped?.typeName === 'shape' && humanIdOf(stamped)).toBe('P1')
		const shape = stamped as TLShape
		expect(authorize(update(sessionOf('participant'), shape, { ...shape, props: { ...shape.props, humanId: 'P9' } } as TLShape))).toBeNull()
		expect(reports.map((report) => report.reason)).toEqual([REJECTION_REASON.elementId])
	})
})

describe("tldraw's user records (who drew what)", () => {
	const pat = sessionOf('participant')
	const userRecord = (userId: string, name: string) => UserRecordType.create({ id: createUserId(userId), name, color: '#1f77b4' })

	it('lets a person write their own: created, renamed, deleted', () => {
		const { authorize, reports } = setup(false)
		const own = userRecord(pat.meta.userId, 'Pat')
		expect(authorize(create(pat, own))).toEqual(own)
		expect(authorize(update(pat, own, { ...own, name: 'Patricia' }))).toEqual({ ...own, name: 'Patricia' })
		expect(authorize(remove(pat, own))).toEqual(own)
		expect(reports).toEqual([])
	})

	it("refuses every write of someone else's, and says why", () => {
		const { authorize, reports } = setup(false)
		const facilitators = userRecord(sessionOf('facilitator').meta.userId, 'Fay')
		expect(authorize(create(pat, facilitators))).toBeNull()
		expect(authorize(update(pat, facilitators, { ...facilitators, name: 'Fay (has left)' }))).toBeNull()
		expect(authorize(remove(pat, facilitators))).toBeNull()
		expect(reports.map((report) => report.reason)).toEqual(Array(3).fill(REJECTION_REASON.userRecord))
	})
})

describe('strictlyIncreasingClock', () => {
	it('never repeats or goes back, whatever the wall clock does', () => {
		const wall = [100, 100, 100, 90, 200]
		const clock = strictlyIncreasingClock(() => wall.shift() ?? 0)
		expect([clock(), clock(), clock(), clock(), clock()]).toEqual([100, 101, 102, 103, 200])
	})
})

import { describe, expect, it } from 'vitest'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { roomRecordsFromInput } from '@/tests/fixtures/roomRecords'
import { extractElements } from '@/lib/dfd/extractElements'
import { allocatorFor } from '@/lib/dfd/humanIds'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { CSV_COLUMNS, filterForView, isMitigated, sessionModelSchema } from '@/lib/reports'
import { WEB_SHOP_INPUT, webShopModel } from '@/fixtures/sessionModel'
import { addMonths } from '@/lib/reports/tracker/nextSessionIcs'
import { importThreatDragon } from '@/lib/threatDragon'
import { tdSchemaValidator } from '@/tests/fixtures/threatDragon/schemaValidator'
import { GET } from './route'

// The web shop of the report tests (fixtures/sessionModel.ts), saved as a room would save it, and
// exported through the route in every format and view.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const FILE_DATE = /-\d{4}-\d{2}-\d{2}\./

async function seedWebShop() {
	const created = await createSession({ name: WEB_SHOP_INPUT.session.name, description: WEB_SHOP_INPUT.session.description, framework: 'STRIDE' })
	const records = roomRecordsFromInput(WEB_SHOP_INPUT)
	const documents = { documents: records.map((state) => ({ state })) }
	await saveCanvas(created.id, {
		snapshot: { ...roomSnapshotOf(records, 3) },
		clock: 3,
		humanIdCounters: allocatorFor(records).toJSON(),
		elements: extractElements(documents),
	})
	return created
}

// Seeded on first use: the temporary database only exists once the file's beforeAll has run.
let seeding: ReturnType<typeof seedWebShop> | undefined
const webShop = () => (seeding ??= seedWebShop())

function get(id: string, query: string, token: string | null): Promise<Response> {
	const headers: HeadersInit = token === null ? {} : { authorization: `Bearer ${token}` }
	return GET(new Request(`${ORIGIN}/api/sessions/${id}/export?${query}`, { headers }), { params: Promise.resolve({ id }) })
}

async function exported(query: string) {
	const { id, tokens } = await webShop()
	const response = await get(id, query, tokens.facilitator)
	expect(response.status).toBe(200)
	expect(response.headers.get('cache-control')).toBe('no-store')
	const bytes = new Uint8Array(await response.arrayBuffer())
	// Decoded keeping a byte-order mark, which Response.text() would silently drop.
	return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

const disposition = (response: Response) => response.headers.get('content-disposition') ?? ''

describe('GET /api/sessions/:id/export', () => {
	describe('access', () => {
		it('answers 401 without a token and for an unknown one', async () => {
			const { id } = await webShop()
			expect((await get(id, 'format=md', null)).status).toBe(401)
			expect((await get(id, 'format=md', 'not-a-real-token-at-all')).status).toBe(401)
		})

		it('answers 403 to participants, observers and another session’s facilitator', async () => {
			const { id, tokens } = await webShop()
			const other = await createSession({ name: 'Other', description: '', framework: 'STRIDE' })
			for (const token of [tokens.participant, tokens.observer, other.tokens.facilitator]) {
				expect((await get(id, 'format=md', token)).status).toBe(403)
			}
		})

		it('lets the product owner export as well as the facilitator', async () => {
			const { id, tokens } = await webShop()
			expect((await get(id, 'format=md', tokens.productOwner)).status).toBe(200)
		})

		it('answers 404 for an unknown session, before looking at the token', async () => {
			expect((await get('nosuchsession', 'format=md', null)).status).toBe(404)
			expect((await get('bad id!', 'format=md', null)).status).toBe(404)
		})

		it('answers 400 with the parameter at fault for a bad format or view', async () => {
			const { id, tokens } = await webShop()
			for (const [query, path] of [
				['format=pdf', 'format'],
				['', 'format'],
				['format=md&view=secret', 'view'],
				['format=jira-csv&priority=P9', 'priority'],
				['format=tasks-md&priority=P0,P0', 'priority'],
			]) {
				const response = await get(id, query ?? '', tokens.facilitator)
				expect(response.status).toBe(400)
				expect(await response.json()).toMatchObject({ error: 'Invalid request', issues: [{ path }] })
			}
		})
	})

	describe('formats', () => {
		it('writes the Markdown report as a named attachment', async () => {
			const { response, text } = await exported('format=md')
			expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
			expect(disposition(response)).toMatch(/^attachment; filename="web-shop-checkout-\d{4}-\d{2}-\d{2}\.md"$/)
			expect(text).toContain('# Threat model: Web shop checkout')
			expect(text).toContain('## Threat inventory')
		})

		it('writes the HTML report under a policy that runs and loads nothing', async () => {
			const { response, text } = await exported('format=html')
			expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
			expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
			expect(response.headers.get('content-security-policy')).toContain('sandbox')
			expect(response.headers.get('x-content-type-options')).toBe('nosniff')
			expect(disposition(response)).toMatch(/\.html"$/)
			expect(text.startsWith('<!doctype html>')).toBe(true)
		})

		it('writes the CSV with the byte-order mark Excel needs, one row per live threat', async () => {
			const { response, bytes, text } = await exported('format=csv')
			expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
			expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true)
			const ids = text
				.split('\r\n')
				.slice(1, -1)
				.map((row) => row.split(',')[0])
			expect(ids).toEqual(webShopModel().threats.map((threat) => threat.humanId))
		})

		it('writes tracker tasks for the chosen priorities as GitHub and Jira CSV and as Markdown task blocks', async () => {
			const github = await exported('format=github-csv')
			expect(github.response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
			expect(disposition(github.response)).toMatch(/-github-issues-\d{4}-\d{2}-\d{2}\.csv"$/)
			expect(github.text).toContain('[SEC][P0] T-002 Price tampering in the checkout request')
			expect(github.text).not.toContain('T-007')
			const jira = await exported('format=jira-csv&priority=all')
			expect(jira.text.startsWith('Summary,Description,Issue Type,Priority,')).toBe(true)
			expect(jira.text).toContain('[SEC][P2] T-007')
			const tasks = await exported('format=tasks-md&priority=P1')
			expect(tasks.text).toContain('### \\[SEC\\]\\[P1\\] T-003')
			expect(tasks.text).not.toContain('T-002')
		})

		it('writes the next session as an iCalendar event', async () => {
			const { response, text } = await exported('format=ics')
			expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
			expect(disposition(response)).toMatch(/-next-session-\d{4}-\d{2}-\d{2}\.ics"$/)
			expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
			// No next-session date set: three months after the session started (today, here).
			const inThreeMonths = addMonths(new Date().toISOString().slice(0, 10), 3).replace(/-/g, '')
			expect(text).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\nDTEND;VALUE=DATE:\d{8}\r\n/)
			expect(text).toContain(`DTSTART;VALUE=DATE:${inThreeMonths}\r\n`)
			expect(text).toContain('UID:next-session-')
		})

		it('writes the session model: the threats, scope and coverage the session holds', async () => {
			const { response, text } = await exported('format=json')
			expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
			const model = sessionModelSchema.parse(JSON.parse(text))
			const expected = webShopModel()
			expect(model.threats).toEqual(expected.threats)
			expect(model.scope).toEqual(expected.scope)
			expect(model.naMarks).toEqual(expected.naMarks)
			expect(model.coverage).toEqual(expected.coverage)
			const facts = (diagrams: typeof model.diagrams) =>
				diagrams.map((diagram) => [
					diagram.pageId,
					diagram.name,
					diagram.elements.map(({ shapeId, humanId, kind, name, properties, zone, sourceShapeId, targetShapeId }) => ({
						shapeId,
						humanId,
						kind,
						name,
						properties,
						zone,
						sourceShapeId,
						targetShapeId,
					})),
				])
			expect(facts(model.diagrams)).toEqual(facts(expected.diagrams))
			expect(model.participants).toEqual([
				{ name: 'Fay', role: 'facilitator' },
				{ name: 'Pat', role: 'productOwner' },
				{ name: 'Dana', role: 'participant' },
				{ name: 'Mallory <b>', role: 'participant' },
			])
		})

		it('writes an OWASP Threat Dragon v2 model that TD’s schema accepts and our importer reads back', async () => {
			const { response, text } = await exported('format=threat-dragon')
			expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
			expect(disposition(response)).toMatch(/^attachment; filename="web-shop-checkout-\d{4}-\d{2}-\d{2}\.td\.json"$/)
			const json: unknown = JSON.parse(text)
			const validate = tdSchemaValidator()
			expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
			const imported = importThreatDragon(json)
			if (!imported.ok) throw new Error(JSON.stringify(imported.issues))
			expect(imported.model.diagrams.map((diagram) => diagram.name)).toEqual(['Checkout', 'Order fulfilment', 'Admin'])
			expect(imported.model.diagrams.flatMap((diagram) => diagram.threats)).toHaveLength(webShopModel().threats.length)
		})

		it('draws one diagram as SVG: the first by default, or the one named by page id or position', async () => {
			const first = await exported('format=svg')
			expect(first.response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
			expect(first.response.headers.get('content-security-policy')).toContain('sandbox')
			expect(disposition(first.response)).toMatch(/web-shop-checkout-checkout-\d{4}-\d{2}-\d{2}\.svg"$/)
			expect(first.text).toContain('Data flow diagram: Checkout')
			expect((await exported('format=svg&diagram=page:admin')).text).toContain('Data flow diagram: Admin')
			expect((await exported('format=svg&diagram=1')).text).toContain('Data flow diagram: Order fulfilment')
		})

		it('answers 400 for a diagram the session does not have', async () => {
			const { id, tokens } = await webShop()
			const response = await get(id, 'format=svg&diagram=7', tokens.facilitator)
			expect(response.status).toBe(400)
			expect(await response.json()).toMatchObject({ issues: [{ path: 'diagram' }] })
		})
	})

	describe('views', () => {
		const threatIds = async (view: string) => {
			const { text } = await exported(`format=json&view=${view}`)
			return sessionModelSchema.parse(JSON.parse(text)).threats
		}

		it('leaves the unmitigated threats out of the distributable edition, and names it so', async () => {
			const threats = await threatIds('distributable')
			expect(threats.every(isMitigated)).toBe(true)
			expect(threats.map((threat) => threat.humanId)).toEqual(filterForView(webShopModel(), 'distributable').threats.map((threat) => threat.humanId))
			const { response } = await exported('format=md&view=distributable')
			expect(disposition(response)).toMatch(/web-shop-checkout-distributable-\d{4}-\d{2}-\d{2}\.md"$/)
		})

		it('keeps only the unmitigated threats in the unmitigated extract, in every format', async () => {
			const threats = await threatIds('unmitigated')
			expect(threats.some(isMitigated)).toBe(false)
			expect(threats.map((threat) => threat.humanId)).toEqual(filterForView(webShopModel(), 'unmitigated').threats.map((threat) => threat.humanId))
			const csv = (await exported('format=csv&view=unmitigated')).text
			expect(csv.split('\r\n').slice(1, -1)).toHaveLength(threats.length)
			const td: unknown = JSON.parse((await exported('format=threat-dragon&view=unmitigated')).text)
			const imported = importThreatDragon(td)
			expect(imported.ok && imported.model.diagrams.flatMap((diagram) => diagram.threats).length).toBe(threats.length)
		})

		it('names every file after the session and the day', async () => {
			for (const format of ['md', 'html', 'csv', 'json', 'threat-dragon', 'svg']) {
				expect(disposition((await exported(`format=${format}`)).response)).toMatch(FILE_DATE)
			}
		})
	})
})

import { asc, eq } from 'drizzle-orm'
import { type DfdElement, dfdPropertiesSchema } from '@/lib/dfd/dfdElementSchema'
import type { Executor } from './executor'
import { type DfdElementRow, dfdElements } from './schema'

/** Rows per INSERT: 13 columns each stays far below SQLite's limit on bound parameters. */
const INSERT_CHUNK_ROWS = 500

export async function listDfdElements(db: Executor, sessionId: string): Promise<DfdElement[]> {
	const rows = await db.select().from(dfdElements).where(eq(dfdElements.sessionId, sessionId)).orderBy(asc(dfdElements.pageId), asc(dfdElements.humanId)).all()
	return rows.map(toDfdElement)
}

/** The projection mirrors the canvas as a whole, so a save replaces it rather than merging. */
export async function replaceDfdElements(db: Executor, sessionId: string, elements: readonly DfdElement[], now: number): Promise<void> {
	await db.delete(dfdElements).where(eq(dfdElements.sessionId, sessionId))
	for (let start = 0; start < elements.length; start += INSERT_CHUNK_ROWS) {
		const chunk = elements.slice(start, start + INSERT_CHUNK_ROWS)
		await db.insert(dfdElements).values(
			chunk.map((element) => ({
				...element,
				sessionId,
				properties: JSON.stringify(element.properties),
				updatedAt: now,
			})),
		)
	}
}

function toDfdElement(row: DfdElementRow): DfdElement {
	return {
		shapeId: row.shapeId,
		humanId: row.humanId,
		kind: row.kind,
		name: row.name,
		description: row.description,
		outOfScope: row.outOfScope,
		reasonOutOfScope: row.reasonOutOfScope,
		properties: dfdPropertiesSchema.parse(JSON.parse(row.properties)),
		pageId: row.pageId,
		sourceShapeId: row.sourceShapeId,
		targetShapeId: row.targetShapeId,
	}
}

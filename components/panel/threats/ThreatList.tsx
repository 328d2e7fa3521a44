'use client'

import { useValue } from 'tldraw'
import { canEditThreat } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { DeletedThreatRow, ThreatItem } from './ThreatItem'

/**
 * The threats on one element (or, for shapeId null, the model-level ones), oldest first; deleted
 * ones only for those who may restore them.
 */
export function ThreatList({ shapeId, categories }: { shapeId: string | null; categories: readonly string[] }) {
	const { model, role, userId } = useSession()
	const threats = useValue('element threats', () => model.threats.get().filter((threat) => threat.shapeId === shapeId), [model, shapeId])
	const live = threats.filter((threat) => !threat.isDeleted)
	const restorable = threats.filter((threat) => threat.isDeleted && canEditThreat(role, userId, threat))

	if (live.length === 0 && restorable.length === 0) {
		return <p className="tr-empty">{shapeId === null ? 'No model-level threats yet.' : 'No threats on this element yet.'}</p>
	}
	return (
		<ul className="tr-list tr-threats" aria-label={shapeId === null ? 'Threats on the whole model' : 'Threats on this element'}>
			{live.map((threat) => (
				<ThreatItem key={threat.id} threat={threat} categories={categories} />
			))}
			{restorable.map((threat) => (
				<DeletedThreatRow key={threat.id} threat={threat} />
			))}
		</ul>
	)
}

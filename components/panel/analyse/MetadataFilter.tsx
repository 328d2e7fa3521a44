'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { elementLabel } from '@/lib/session/canvasElements'
import { matchesMetadataFilter, parseMetadataFilter, threatMatchesMetadata } from '@/lib/session/metadata'
import { PanelSection } from '../common/PanelSection'
import { useSession } from '../SessionContext'
import { ThreatItem } from '../threats/ThreatItem'
import { categoriesOf } from './elementCategories'

/**
 * Finds what is tagged: `env=prod` (value case-insensitive) or a bare `pci` key. Lists the
 * elements carrying it and the live threats carrying it themselves or through their element.
 */
export function MetadataFilter() {
	const { model } = useSession()
	const [text, setText] = useState('')
	const filter = parseMetadataFilter(text)
	const matches = useValue('metadata matches', () => {
		if (!filter) return null
		const byTarget = model.metadata.get()
		const elements = model.elements.get()
		return {
			elements: elements.filter((element) => matchesMetadataFilter(byTarget.get(element.shapeId) ?? [], filter)),
			threats: model.liveThreats.get().filter((threat) => threatMatchesMetadata(byTarget, threat, filter)),
			elementOf: new Map(elements.map((element) => [element.shapeId, element])),
		}
	}, [model, filter?.key, filter?.value])

	return (
		<PanelSection title="Filter by metadata" testId="panel.analyse.metadata">
			<input
				className="tr-metadata__input"
				data-testid="panel.analyse.metadataFilter"
				aria-label="Filter by metadata: key=value or key"
				placeholder="key=value, e.g. env=prod"
				value={text}
				onChange={(event) => setText(event.target.value)}
			/>
			{text.trim() !== '' && !filter && <p className="tr-field__error">A filter is key=value or a key (a-z, 0-9, _ . -).</p>}
			{matches && (
				<div data-testid="panel.analyse.metadataResults">
					<p className="tr-note" data-testid="panel.analyse.metadataCount">
						{matches.elements.length} {matches.elements.length === 1 ? 'element' : 'elements'}, {matches.threats.length}{' '}
						{matches.threats.length === 1 ? 'threat' : 'threats'}
					</p>
					{matches.elements.length > 0 && (
						<ul className="tr-list" aria-label="Elements with this metadata">
							{matches.elements.map((element) => (
								<li key={element.shapeId} data-testid="panel.analyse.metadataElement" data-human-id={element.humanId}>
									{elementLabel(element)}
								</li>
							))}
						</ul>
					)}
					{matches.threats.length > 0 && (
						<ul className="tr-list tr-threats" aria-label="Threats with this metadata">
							{matches.threats.map((threat) => {
								const element = threat.shapeId === null ? undefined : matches.elementOf.get(threat.shapeId)
								return (
									<ThreatItem
										key={threat.id}
										threat={threat}
										categories={element ? categoriesOf(model.framework, element).map((category) => category.id) : threat.categories}
										showElement={element ? elementLabel(element) : undefined}
									/>
								)
							})}
						</ul>
					)}
				</div>
			)}
		</PanelSection>
	)
}

'use client'

import { useValue } from 'tldraw'
import { coverageText } from '@/lib/session/sessionCoverage'
import { useSession } from '../SessionContext'
import './coverage.css'

/** How much of the element × category grid the room has talked through (a threat or an n/a each). */
export function CoverageBar() {
	const { model } = useSession()
	const coverage = useValue(model.coverage)
	const percent = coverage.empty ? 0 : Math.floor(coverage.ratio * 100)
	const openElements = coverage.perElement.filter((element) => element.uncovered.length > 0).length
	return (
		<div className="tr-coverage">
			<div className="tr-coverage__head">
				<span className="tr-coverage__label" id="coverage-label">
					Coverage
				</span>
				<span className="tr-coverage__text" data-testid="panel.coverage" data-covered={coverage.covered} data-applicable={coverage.applicable}>
					{coverageText(coverage)}
				</span>
			</div>
			<div
				className="tr-coverage__track"
				role="progressbar"
				aria-labelledby="coverage-label"
				aria-valuemin={0}
				aria-valuemax={coverage.applicable}
				aria-valuenow={coverage.covered}
				aria-valuetext={coverageText(coverage)}
			>
				<span className="tr-coverage__fill" style={{ width: `${percent}%` }} />
			</div>
			{openElements > 0 && (
				<span className="tr-coverage__open">
					{openElements} {openElements === 1 ? 'element has' : 'elements have'} open categories
				</span>
			)}
		</div>
	)
}

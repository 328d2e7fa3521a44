import { mitigationPlanSection, testPlanSection } from './reportMitigations'
import { systemOverview, assetsSection, threatInventory } from './reportAnalysis'
import { changesSection } from './reportChanges'
import { historySection } from './reportHistory'
import type { ReportDocument, Section } from './reportDocument'
import { executiveSummary, titlePage } from './reportIntro'
import { metadataSection } from './reportMetadata'
import { attackTreesSection, notesSection, parkingLotSection } from './reportNotebook'
import { appendixSection, assumptionsSection, coverageSection, heatMapSection, retainedRisksSection } from './reportOutcome'
import type { SessionModel } from './sessionModel'
import { reportedThreatsOnly } from './views'

export interface ReportOptions {
	/** Where the full JSON export can be downloaded; the appendix links it when given. */
	jsonExportUrl?: string
}

const EDITION_SUFFIX: Record<SessionModel['view'], string> = {
	all: '',
	distributable: ' (distributable edition)',
	unmitigated: ' (unmitigated threats)',
}

/** The report's content in reading order, shared by the Markdown and HTML builders. */
export function buildReport(full: SessionModel, options: ReportOptions = {}): ReportDocument {
	const model = reportedThreatsOnly(full)
	const leftOut = full.threats.length - model.threats.length
	return {
		title: `Threat model: ${model.session.name || 'Untitled session'}${EDITION_SUFFIX[model.view]}`,
		sections: [
			titlePage(model),
			executiveSummary(model),
			// Only a follow-up has one.
			...[changesSection(model)].filter((section): section is Section => section !== null),
			systemOverview(model),
			assetsSection(model),
			threatInventory(model, leftOut),
			// Only a model with metadata on an element or a threat has one.
			...[metadataSection(model)].filter((section): section is Section => section !== null),
			...[attackTreesSection(model)].filter((section): section is Section => section !== null),
			mitigationPlanSection(model),
			testPlanSection(model),
			retainedRisksSection(model),
			assumptionsSection(model),
			...[parkingLotSection(model), notesSection(model)].filter((section): section is Section => section !== null),
			coverageSection(model),
			heatMapSection(model),
			appendixSection(model, options.jsonExportUrl),
			// Only a session with a recorded history has one.
			...[historySection(model)].filter((section): section is Section => section !== null),
		],
	}
}

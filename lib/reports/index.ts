// The report, export and view API the app's routes and panels call. Pure and React-free.
export { buildSessionModel } from './buildSessionModel'
export type * from './sessionModelInput'
export {
	REPORT_VIEWS,
	SESSION_MODEL_FORMAT,
	SESSION_MODEL_VERSION,
	sessionModelJsonSchema,
	sessionModelSchema,
	type ReportView,
	type SessionModel,
	type ModelThreat,
	type ModelElement,
	type ModelDecision,
	type Diagram,
	type ChangesSince,
} from './sessionModel'
export { changesSince, withChangesSince } from './changesSince'
export { modelRating, type ModelRating } from './modelRating'
export { filterForView, isMitigated } from './views'
export { toMarkdown, type MarkdownOptions } from './markdownReport'
export { toHtml } from './htmlReport'
export type { ReportOptions } from './buildReport'
export type { ReportImage } from './reportDocument'
export { toCsv, CSV_COLUMNS, type CsvOptions } from './csv'
export { toJson } from './json'
export { heatMap, heatMapCount, type HeatMapCounts } from './heatMap'
export { heatMapSvg } from './heatMapSvg'
export { diagramSvg } from './diagramSvg'

// The report, export and view API the app's routes and panels call. Pure and React-free.
export { buildSessionModel } from './buildSessionModel'
export type * from './sessionModelInput'
export { sessionModelSchema, type SessionModel } from './sessionModel'

export { filterForView, isMitigated } from './views'
export { toMarkdown } from './markdownReport'
export { toHtml } from './htmlReport'

export { toCsv, CSV_COLUMNS } from './csv'
export { toJson, toJsonAsBuilt } from './json'

export { diagramSvg } from './diagramSvg'

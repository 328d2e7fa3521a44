// OWASP Threat Dragon v2 import and export. Pure: the routes parse the upload and persist the result.
export { importThreatDragon, type ImportResult } from './importThreatDragon'
export type { ImportedDiagram, ImportedElement, ImportedModel, ImportedThreat } from './importedModel'
export type { ImportIssue } from './tdIssues'
export { sessionInputFromImport, shapeIdOfCell, threatIdOfTd, type ImportStamp } from './sessionInputFromImport'
export { exportThreatDragon } from './exportThreatDragon'
export type { TdOutModel } from './tdExportTypes'
export { tdModelSchema, type TdModel } from './tdSchema'

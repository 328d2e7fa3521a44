// OWASP Threat Dragon v2 import and export. Pure: the routes parse the upload and persist the result.
export { importThreatDragon } from './importThreatDragon'
export type { ImportedModel } from './importedModel'
export type { ImportIssue } from './tdIssues'

export { exportThreatDragon } from './exportThreatDragon'

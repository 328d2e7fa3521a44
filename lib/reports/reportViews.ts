// zod-free: the export panel lists the views, and a schema here would put zod in the page's bundle.

/** Which threats a model (and every report built from it) contains; see views.ts for the rules. */
export const REPORT_VIEWS = ['all', 'distributable', 'unmitigated'] as const
export type ReportView = (typeof REPORT_VIEWS)[number]

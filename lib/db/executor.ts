import type { Database } from './client'

/** The database itself or an open transaction on it: anything a repo function can run queries on. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0]

// Moved to lib/api/derivedSessionSchemas.ts (browser-safe, beside the response schema); kept here
// for the components that import it from this path.
export { followUpName } from '@/lib/api/derivedSessionSchemas'

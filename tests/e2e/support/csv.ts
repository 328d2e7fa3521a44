// Our exports read back with the same strict RFC 4180 reader the unit tests use.
export { csvRecords, parseCsv } from '@/tests/fixtures/csv'

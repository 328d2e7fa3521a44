// Our exports read back with the same strict RFC 4180 reader the unit tests use.
export { csvRecords } from '@/tests/fixtures/csv'

import fs from 'node:fs'
import path from 'node:path'

// Test support: the real Threat Dragon files in the workspace's shared/ folder, which sits beside
// the repository on developer machines and in CI. Read from there rather than copied, so a model
// added to shared/ is tested without touching this code.

const SHARED_DIR = process.env.THREATROOM_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../../shared')
const TD_FIXTURE_DIR = path.join(SHARED_DIR, 'fixtures', 'threat-dragon')

export const TD_SCHEMA_FILE = 'threat-dragon-v2.schema.json'
export const TD_MALFORMED_FILE = 'v2-malformed-new-model.json'
export const TD_EMPTY_FILE = 'v2-new-model.json'

export function readTdFixture(file: string): unknown {
	const json: unknown = JSON.parse(fs.readFileSync(path.join(TD_FIXTURE_DIR, file), 'utf8'))
	return json
}

/** Every model in the folder (not the schema, not the malformed one), by file name. */
export function tdModelFiles(): string[] {
	if (!fs.existsSync(TD_FIXTURE_DIR)) {
		throw new Error(`Threat Dragon fixtures not found at ${TD_FIXTURE_DIR}; set THREATROOM_SHARED_DIR to the shared/ folder`)
	}
	return fs
		.readdirSync(TD_FIXTURE_DIR)
		.filter((file) => file.endsWith('.json') && file !== TD_SCHEMA_FILE && file !== TD_MALFORMED_FILE)
		.sort()
}

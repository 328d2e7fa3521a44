import Ajv, { type ValidateFunction } from 'ajv'
import { z } from 'zod'
import { readTdFixture, TD_SCHEMA_FILE } from './tdFixtures'

/**
 * Test support: Threat Dragon's published v2 JSON schema, compiled the way TD itself does
 * (td.vue/src/service/schema/ajv.js: Ajv 8 with union types allowed).
 */
export function tdSchemaValidator(): ValidateFunction {
	const schema = z.looseObject({}).parse(readTdFixture(TD_SCHEMA_FILE))
	return new Ajv({ allowUnionTypes: true, allErrors: true }).compile(schema)
}

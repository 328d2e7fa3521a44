import { describe, expect, it } from 'vitest'
import { toJson, toJsonAsBuilt } from './json'
import { sessionModelSchema } from './sessionModel'
import { webShopModel } from '@/fixtures/sessionModel'
import { withChangesSince } from './changesSince'
import { REPORT_VIEWS } from './sessionModel'
import { filterForView } from './views'

describe('toJson', () => {
	it('writes a document its own schema accepts', () => {
		const parsed: unknown = JSON.parse(toJson(webShopModel()))
		expect(sessionModelSchema.safeParse(parsed).success).toBe(true)
	})

	it('reads back to the same model', () => {
		expect(sessionModelSchema.parse(JSON.parse(toJson(webShopModel())))).toEqual(webShopModel())
	})

	it('puts format and version first and keeps the schema’s key order', () => {
		const json = toJson(webShopModel())
		expect(json.startsWith('{\n  "format": "threatroom-session",\n  "version": 1,\n  "exportedAt"')).toBe(true)
		expect(Object.keys(JSON.parse(json))).toEqual([
			'format',
			'version',
			'exportedAt',
			'view',
			'session',
			'participants',
			'scope',
			'diagrams',
			'threats',
			'mitigations',
			'naMarks',
			'coverage',
			'changesSince',
			'attackTrees',
			'parkingLot',
			'notes',
			'history',
			'metadata',
		])
	})

	it('is stable: exporting an export gives the same bytes', () => {
		const once = toJson(webShopModel())
		expect(toJson(sessionModelSchema.parse(JSON.parse(once)))).toBe(once)
	})

	it('serialises a filtered view with its view name', () => {
		expect(JSON.parse(toJson(filterForView(webShopModel(), 'unmitigated')))).toMatchObject({ view: 'unmitigated' })
	})

	it('refuses to write a model that breaks its schema', () => {
		expect(() => toJson({ ...webShopModel(), exportedAt: 'yesterday' })).toThrow()
	})

	it('matches the golden file', async () => {
		await expect(toJson(webShopModel())).toMatchFileSnapshot('./__golden__/web-shop.json')
	})

	it('writes a built model, every view of it and its changes since another, as toJson does without validating again', () => {
		const previous = webShopModel()
		const models = [webShopModel(), withChangesSince(webShopModel(), { ...previous, threats: previous.threats.slice(1) })]
		for (const model of models) {
			for (const view of REPORT_VIEWS) expect(toJsonAsBuilt(filterForView(model, view))).toBe(toJson(filterForView(model, view)))
		}
	})
})

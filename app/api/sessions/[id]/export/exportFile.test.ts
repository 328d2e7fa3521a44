import { describe, expect, it } from 'vitest'
import { webShopModel } from '@/fixtures/sessionModel'
import { exportFile, slugOf } from './exportFile'

describe('slugOf', () => {
	it('makes an ASCII file name of any session name', () => {
		expect(slugOf('Zahlungsverkehr: Über-Prüfung (Q3)', 'x')).toBe('zahlungsverkehr-uber-prufung-q3')
		expect(slugOf('"; rm -rf / ; echo "', 'x')).toBe('rm-rf-echo')
		expect(slugOf('日本語', 'threat-model')).toBe('threat-model')
		expect(slugOf('a'.repeat(200), 'x')).toHaveLength(60)
	})
})

describe('exportFile', () => {
	it('names each file after the session, the view and the day of the export', () => {
		const model = webShopModel()
		expect(exportFile(model, { format: 'csv', view: 'all', priority: ['P0', 'P1'] }).filename).toBe('web-shop-checkout-2025-03-02.csv')
		expect(exportFile(model, { format: 'threat-dragon', view: 'unmitigated', priority: ['P0', 'P1'] }).filename).toBe(
			'web-shop-checkout-unmitigated-2025-03-02.td.json',
		)
		expect(exportFile(model, { format: 'svg', view: 'all', priority: ['P0', 'P1'], diagram: 'page:fulfil' }).filename).toBe(
			'web-shop-checkout-order-fulfilment-2025-03-02.svg',
		)
	})
})

import { describe, expect, it } from 'vitest'
import { getDb, localFilePath } from './client'
import { useTemporaryDatabase } from '@/tests/fixtures/database'

useTemporaryDatabase()

describe('database client', () => {
	it('finds the file behind relative, absolute and localhost file: URLs', () => {
		expect(localFilePath('file:./data/threatroom.db')).toBe('./data/threatroom.db')
		expect(localFilePath('file:/var/lib/threatroom.db')).toBe('/var/lib/threatroom.db')
		expect(localFilePath('file:///var/lib/threatroom.db')).toBe('/var/lib/threatroom.db')
		expect(localFilePath('file://localhost/var/lib/my%20db.db?mode=rwc')).toBe('/var/lib/my db.db')
	})

	it('has no local file for in-memory and remote databases', () => {
		expect(localFilePath('file::memory:')).toBeUndefined()
		expect(localFilePath(':memory:')).toBeUndefined()
		expect(localFilePath('libsql://threatroom.turso.io')).toBeUndefined()
		expect(localFilePath('http://127.0.0.1:8080')).toBeUndefined()
	})

	it('opens and migrates the database once, however many requests arrive together', async () => {
		const [first, second] = await Promise.all([getDb(), getDb()])
		expect(first).toBe(second)
		expect(await getDb()).toBe(first)
	})
})

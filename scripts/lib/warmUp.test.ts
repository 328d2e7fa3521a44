import { describe, expect, it } from 'vitest'
import { INTERNAL_SECRET_HEADER as APP_HEADER } from '@/lib/api/internalSchemas'
import { chunkPaths, INTERNAL_SECRET_HEADER, warmUpRequests } from './warmUp.mjs'

describe('the dev warm-up', () => {
	it('passes the internal routes’ guard, so they compile all the way', () => {
		expect(INTERNAL_SECRET_HEADER).toBe(APP_HEADER)
		const internal = warmUpRequests('s3cret').filter((request) => request.path.startsWith('/api/internal/'))
		expect(internal.map((request) => request.path)).toEqual(['/api/internal/sessions/warm-up/authorize', '/api/internal/sessions/warm-up/canvas'])
		for (const request of internal) expect(request.headers?.[APP_HEADER]).toBe('s3cret')
	})

	it('covers every route a first join goes through: home, session page, join, link check, canvas load', () => {
		expect(warmUpRequests('x').map((request) => `${request.method} ${request.path}`)).toEqual(
			expect.arrayContaining([
				'GET /',
				'GET /s/warm-up',
				'POST /api/sessions/warm-up/join',
				'POST /api/internal/sessions/warm-up/authorize',
				'GET /api/internal/sessions/warm-up/canvas',
			]),
		)
	})
})

describe('the chunks a page names', () => {
	it('are read from script tags and from the loader code inside chunks, once each', () => {
		const html = '<script src="/_next/static/chunks/a_1._.js" async></script><script src="/_next/static/chunks/%5Bturbopack%5D_hmr.js"></script>'
		const chunk = 'load("static/chunks/components_canvas_SessionCanvas_tsx_01._.js"),load("static/chunks/a_1._.js")'
		expect(chunkPaths(html)).toEqual(['/_next/static/chunks/a_1._.js', '/_next/static/chunks/%5Bturbopack%5D_hmr.js'])
		expect(chunkPaths(chunk)).toEqual(['/_next/static/chunks/components_canvas_SessionCanvas_tsx_01._.js', '/_next/static/chunks/a_1._.js'])
	})

	it('leave out the Pages Router entry Next’s runtime names: the app has none, and asking for it logs an error', () => {
		expect(chunkPaths('"/_next/static/chunks/pages/index.js","static/chunks/pages/_app.js","static/chunks/app_page.js"')).toEqual([
			'/_next/static/chunks/app_page.js',
		])
	})
})

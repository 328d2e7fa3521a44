import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
	resolve: {
		alias: {
			'@': path.resolve(import.meta.dirname),
			// lib/server/ modules start with `import 'server-only'`, which throws unless the bundler
			// resolves it for the server (Next.js does); the tests run them on the server too.
			'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
		},
	},
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['lib/**/*.test.ts', 'party/**/*.test.ts', 'app/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'] },
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// Ceilings for a busy machine, not speed goals: those are npm run bench's.
					testTimeout: 180_000,
					hookTimeout: 180_000,
					fileParallelism: false,
				},
			},
		],
	},
})

import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
	resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
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

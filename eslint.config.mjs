// Biome does the linting and formatting; ESLint is here for the one rule Biome cannot do
// reliably: a promise nobody awaits. Biome's noFloatingPromises does not see the types of
// libraries (an un-awaited Playwright `page.click()` passes it), typescript-eslint's reads them
// from the TypeScript program.
import tseslint from 'typescript-eslint'

export default [
	{
		ignores: [
			'**/.next/**',
			'bench/.build/**',
			'node_modules/**',
			'public/**',
			'test-results/**',
			'playwright-report/**',
			'.partykit/**',
			'data/**',
			'**/*.{js,mjs,cjs}',
		],
	},
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: { '@typescript-eslint/no-floating-promises': 'error' },
	},
]

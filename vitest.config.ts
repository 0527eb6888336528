import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
		pool: 'threads',
		testTimeout: 20_000,
		// Ink renders only the last frame when it believes it runs in CI; the UI tests that drive Ink's
		// own render() (not ink-testing-library) need every frame, as a player gets. The CLI does the same
		// for players whose shell sets CI (src/cli/play.ts), and the e2e test proves it with CI=true.
		env: {CI: '0', CONTINUOUS_INTEGRATION: '0'},
	},
});

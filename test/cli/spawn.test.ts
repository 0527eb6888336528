import {execFile} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {ROOT} from './run-cli.js';

/** Runs the real executable the way a user does (`npx tsx src/cli.tsx …`), without a terminal. */
function spawnCli(args: readonly string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		execFile('npx', ['tsx', 'src/cli.tsx', ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}}, (error, stdout, stderr) => {
			const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
			resolve({code, stdout, stderr});
		});
	});
}

describe('src/cli.tsx (a real process)', () => {
	it('runs validate and ends with its exit code', async () => {
		const [clean, broken] = await Promise.all([
			spawnCli(['validate', 'test/fixtures/levels/good']),
			spawnCli(['validate', 'test/fixtures/levels/broken/syntax.json']),
		]);
		expect(clean).toEqual({code: 0, stdout: '2 level files checked: no problems\n', stderr: ''});
		expect(broken.code).toBe(1);
		expect(broken.stdout).toMatch(/^test\/fixtures\/levels\/broken\/syntax\.json:6:2: JSON syntax error/u);
	});
});

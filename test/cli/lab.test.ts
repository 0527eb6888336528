import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {isRoot} from '../../src/lab/kernel.js';
import {removeTempDirs, ROOT, run} from './run-cli.js';

/**
 * `netquest lab` refusals, which never touch the kernel. Building a lab is
 * proven as root by `npm run verify:kernel` (it drives this command too).
 */

const BUILT_IN = path.join(ROOT, 'levels');

afterAll(removeTempDirs);

describe('netquest lab', () => {
	it('wants a level, and a hand-in or --saved, not both', async () => {
		for (const argv of [['lab'], ['lab', 'a', 'b', 'c'], ['lab', '07-host-firewall', 'x.txt', '--saved'], ['lab', '--clean', '07-host-firewall']]) {
			const result = await run(argv, {builtInDir: BUILT_IN});
			expect(result.code, argv.join(' ')).toBe(2);
			expect(result.stderr).toMatch(/^netquest lab: .*\nUsage: netquest lab/);
		}
	});

	it('needs root, and says so; as root it refuses an AWS level, saying why', async () => {
		const result = await run(['lab', '19-capstone'], {builtInDir: BUILT_IN});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(isRoot() ? /cannot be built: it has AWS parts \(/ : /needs root: it builds Linux network namespaces/);
	});

	it('takes --clean and --saved only after lab', async () => {
		expect((await run(['check', '--clean'])).stderr).toMatch(/unknown flag --clean/);
	});
});

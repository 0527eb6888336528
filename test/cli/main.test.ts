import {afterAll, describe, expect, it} from 'vitest';
import packageJson from '../../package.json' with {type: 'json'};
import {runCli} from '../../src/cli/main.js';
import {removeTempDirs, ROOT, run} from './run-cli.js';

afterAll(removeTempDirs);

describe('netquest (wiring)', () => {
	it('prints the version from package.json', async () => {
		expect(await run(['--version'])).toEqual({code: 0, stdout: `${packageJson.version}\n`, stderr: ''});
	});

	it('has --help for netquest and every subcommand, and `help <command>` says the same', async () => {
		const main = await run(['--help']);
		expect(main.code).toBe(0);
		expect(main.stdout).toContain('netquest check <level-file|level-id> <solution-file> [--json]');
		for (const command of ['levels', 'check', 'validate', 'export']) {
			const flag = await run([command, '--help']);
			expect(flag.code).toBe(0);
			expect(flag.stdout).toMatch(new RegExp(`^Usage: netquest ${command}`, 'u'));
			expect(await run(['help', command])).toEqual(flag);
		}
	});

	it.each([
		[['valdate', 'x'], 'netquest: unknown command "valdate" (did you mean "validate"?)\nRun "netquest --help" for usage.\n'],
		[['check', '--jsno'], 'netquest check: unknown flag --jsno (did you mean "--json"?)\nRun "netquest check --help" for usage.\n'],
		[['--colour'], 'netquest: unknown flag --colour\nRun "netquest --help" for usage.\n'],
		[['help', 'chek'], 'netquest help: unknown command "chek" (did you mean "check"?)\n'],
	])('%j is a usage error (exit 2) naming the nearest valid word', async (argv, stderr) => {
		expect(await run(argv)).toEqual({code: 2, stdout: '', stderr});
	});

	it('without a terminal, points at check, validate and levels instead of starting the game (exit 2)', async () => {
		const result = await run([]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			[
				'netquest: the game needs a terminal (stdin and stdout are not both a TTY).',
				'Without one, use:',
				'  netquest check <level-file|level-id> <solution-file> [--json]   grade a solution',
				'  netquest validate <file|dir>...                                 check level files',
				'  netquest levels [--json]                                        list the levels',
				'',
			].join('\n'),
		);
	});
});

describe('netquest play <level-id>', () => {
	it('names the nearest level id when the id is unknown (exit 2), terminal or not', async () => {
		const result = await run(['play', 'fixture-dsn']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^netquest play: no level with id "fixture-dsn" \(did you mean "fixture-dns"\?\)/);
	});

	it('with a known id still needs a terminal, and takes one id only', async () => {
		expect((await run(['play', 'fixture-dns'])).stderr).toMatch(/^netquest: the game needs a terminal/);
		expect(await run(['play', 'fixture-dns', 'fixture-bind'])).toMatchObject({code: 2, stderr: expect.stringMatching(/unexpected argument "fixture-bind"/)});
	});
});

describe('netquest (a bug inside)', () => {
	it('says it is an internal error and exits 3, never 1 (not solved) or 2 (bad input)', async () => {
		let stderr = '';
		const code = await runCli(['validate', 'test/fixtures/levels/good'], {
			stdout: () => {
				throw new Error('boom');
			},
			stderr: (text) => {
				stderr += text;
			},
			env: {},
			cwd: ROOT,
		});
		expect(code).toBe(3);
		expect(stderr).toMatch(/^netquest: internal error \(a bug in netquest, not in your files\): Error: boom\n/u);
	});
});

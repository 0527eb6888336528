import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {removeTempDirs, ROOT, run, tempFile} from './run-cli.js';

afterAll(removeTempDirs);

const DNS = 'test/fixtures/levels/good/01-dns.json';
const solved = () => tempFile('solution.txt', '# Alice\n\ndns add www.travelbuddy.com A 203.0.113.10\n');
const wrong = () => tempFile('solution.txt', 'dns add www.travelbuddy.com A 203.0.113.99\n');

describe('netquest check', () => {
	it('exits 0 for a solving solution, with each goal ✓ and the stars', async () => {
		expect(await run(['check', DNS, solved()])).toEqual({
			code: 0,
			stdout: [
				'fixture-dns: Name the website',
				'✓ A customer reaches the website at www.travelbuddy.com — Delivered: website on web accepts the connection on tcp port 80, and the reply gets back to laptop.',
				'✓ www.travelbuddy.com resolves to 203.0.113.10 — www.travelbuddy.com resolves to 203.0.113.10.',
				'✓ Nothing answers on port 22 — Blocked (CONNECTION_REFUSED): Nothing on web listens on tcp port 22, so the connection is refused.',
				'',
				'★★★  3 of 3 stars',
				'✓ solved: every goal passes',
				'✓ within par: 1 configuration command (par 1)',
				'✓ no hints and least privilege: no hints; no more open to the internet than the reference',
				'',
			].join('\n'),
			stderr: '',
		});
	});

	it('exits 1 when not solved, naming the component that blocked or let through each failing goal', async () => {
		const result = await run(['check', 'test/fixtures/levels/good/02-web-port.json', tempFile('s.txt', 'app bind web mysql 0.0.0.0\n')]);
		expect(result).toEqual({
			code: 1,
			stdout: [
				'fixture-bind: Listen to the world',
				'✗ A customer reaches the website — It does not get through yet: the app listens only to its own machine (127.0.0.1). (BOUND_TO_LOCALHOST: website on web listens on tcp port 80 at 127.0.0.1 only, so no other machine can reach it; bind it to 0.0.0.0 to accept outside connections.)',
				'    blocked by: app #1 on web: website 80/tcp @127.0.0.1 (at web)',
				'✗ The database is not reachable from the internet — It still gets through: nothing on the way stops it. (It should be blocked, but it was delivered: mysql on web accepts the connection on tcp port 3306, and the reply gets back to laptop.)',
				'    let through by: app #2 on web: mysql 3306/tcp (at web)',
				'',
				'Not solved: 2 of 2 goals fail.',
				'',
			].join('\n'),
			stderr: '',
		});
	});

	it('--json gives the full report: solved, stars, per-goal id, description, passed, code, trace', async () => {
		const result = await run(['check', DNS, wrong(), '--json']);
		expect(result.code).toBe(1);
		const report = JSON.parse(result.stdout) as Record<string, unknown> & {goals: Record<string, unknown>[]};
		expect(Object.keys(report)).toEqual(['level', 'solved', 'stars', 'commands', 'par', 'exposure', 'referenceExposure', 'goals']);
		expect(report).toMatchObject({level: 'fixture-dns', solved: false, stars: 0, commands: 1, par: 1});
		expect(report.goals.map((goal) => [goal['id'], goal['passed'], goal['code']])).toEqual([
			['by-name', false, 'NO_ROUTE'],
			['resolves', false, null],
			['no-ssh', true, 'CONNECTION_REFUSED'],
		]);
		for (const goal of report.goals) {
			expect(Object.keys(goal)).toEqual(['id', 'kind', 'description', 'passed', 'code', 'message', 'extra', 'missing', 'trace']);
		}
		expect(report.goals[0]?.['trace']).toMatchObject({flow: {from: 'laptop', to: 'www.travelbuddy.com', port: 80}, outcome: {code: 'NO_ROUTE'}});
		expect(report.goals[1]?.['trace']).toBeNull();
	});

	it('is deterministic: the same input gives byte-identical JSON', async () => {
		const solution = wrong();
		const first = await run(['check', DNS, solution, '--json']);
		const second = await run(['check', DNS, solution, '--json']);
		expect(second.stdout).toBe(first.stdout);
		expect(first.stdout.length).toBeGreaterThan(1000);
	});

	it('takes a level id from the catalog (built-in, user folder or --levels)', async () => {
		const byFile = await run(['check', DNS, solved(), '--json']);
		const byId = await run(['check', 'fixture-dns', solved(), '--json']);
		const byExtra = await run(['check', 'fixture-dns', solved(), '--json', '--levels', 'test/fixtures/levels/good'], {builtInDir: 'nowhere'});
		expect(byId).toEqual(byFile);
		expect(byExtra).toEqual(byFile);
		expect(byFile.code).toBe(0);
	});

	it('exits 2 with the line number of a solution line that does not parse or apply', async () => {
		const solution = tempFile('bad.txt', '# Bob\ndns add www.travelbuddy.com A 203.0.113.10\ndns add www.travelbuddy.com A 203.0.113.10\n');
		const result = await run(['check', path.join(ROOT, DNS), solution], {cwd: path.dirname(solution)});
		expect(result).toEqual({
			code: 2,
			stdout: '',
			stderr: [
				'netquest check: bad.txt:3: www.travelbuddy.com already points at 203.0.113.10',
				'  dns add www.travelbuddy.com A 203.0.113.10',
				'          ^^^^^^^^^^^^^^^^^^^',
				'',
			].join('\n'),
		});
		const typo = await run(['check', DNS, tempFile('typo.txt', 'dns ad www.travelbuddy.com A 203.0.113.10\n')]);
		expect(typo.code).toBe(2);
		expect(typo.stderr).toMatch(/typo\.txt:1: 'dns' has no 'ad'/u);
	});

	it('exits 2 for a command the level does not allow', async () => {
		const result = await run(['check', DNS, tempFile('s.txt', 'app bind web website 127.0.0.1\n')]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/s\.txt:1: app bind is not available in this level — here you can use: dns add, dns remove\n/u);
	});

	it.each([
		[['check', 'fixture-dsn', 'x.txt'], 'netquest check: no level with id "fixture-dsn" (did you mean "fixture-dns"?)\nRun "netquest levels" to see every level id, or give a level file.\n'],
		[['check', 'levels/nope.json', 'x.txt'], 'netquest check: no such level file: levels/nope.json\n'],
		[['check', DNS, 'missing.txt'], 'netquest check: missing.txt: no such file\n'],
		[['check', DNS], 'netquest check: give a level and a solution file\nUsage: netquest check <level-file|level-id> <solution-file> [--json]\n'],
	])('%j is bad input (exit 2)', async (argv, stderr) => {
		expect(await run(argv)).toEqual({code: 2, stdout: '', stderr});
	});

	it('exits 2 for a broken level file, listing its problems', async () => {
		const result = await run(['check', 'test/fixtures/levels/broken/syntax.json', solved()]);
		expect(result).toEqual({
			code: 2,
			stdout: '',
			stderr: [
				'netquest check: test/fixtures/levels/broken/syntax.json is not a playable level:',
				'test/fixtures/levels/broken/syntax.json:6:2: JSON syntax error: expected "," between two items',
				'test/fixtures/levels/broken/syntax.json:89:2: JSON syntax error: expected a value (JSON allows no trailing comma before "]")',
				'',
			].join('\n'),
		});
	});

	it('exits 2 for a solution file that is not UTF-8', async () => {
		const result = await run(['check', DNS, tempFile('latin1.txt', Buffer.from('# caf\xe9\n', 'latin1'))]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/latin1\.txt: the solution file is not UTF-8 text\n$/u);
	});
});

import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {openProgressStore} from '../../src/store/index.js';
import {parseCliArgs} from '../../src/cli/args.js';
import {cliContext} from '../../src/cli/context.js';
import {FIXTURES, removeTempDirs, ROOT, run, tempDir} from './run-cli.js';

/** The options of a bare `netquest`. */
function parseOptions() {
	const parsed = parseCliArgs([]);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.options;
}

afterAll(removeTempDirs);

/** A data directory with some progress: fixture-bind solved with 2 stars, fixture-dns started. */
function homeWithProgress(): string {
	const home = tempDir();
	const store = openProgressStore({dataDir: home});
	store.recordResult('fixture-bind', {stars: 2, commands: 1, hintsUsed: 1});
	store.saveDraft('fixture-dns', ['dns add www.travelbuddy.com A 203.0.113.10']);
	return home;
}

describe('netquest levels', () => {
	it('writes nothing: no data directory made, a newer or damaged progress file left as it is', async () => {
		const fresh = path.join(tempDir(), 'not-yet');
		expect((await run(['levels'], {home: fresh})).code).toBe(0);
		expect((await run(['export', 'fixture-dns'], {home: fresh})).code).toBe(1);
		expect(fs.existsSync(fresh)).toBe(false);
		for (const text of ['{"formatVersion": 5, "writtenBy": "netquest 2.0.0", "levels": {"fixture-bind": {"solved": true, "stars": 3}}}', '{"formatVersion": 1, "lev']) {
			const home = tempDir();
			fs.writeFileSync(path.join(home, 'progress.json'), text);
			const result = await run(['levels'], {home});
			expect(result.code).toBe(0);
			expect(result.stderr).toContain('it is left as it is');
			expect(fs.readdirSync(home)).toEqual(['progress.json']);
			expect(fs.readFileSync(path.join(home, 'progress.json'), 'utf8')).toBe(text);
		}
	});

	it('lists every pack with id, title, status, chapter and concepts, and broken files with their problems', async () => {
		const home = homeWithProgress();
		const result = await run(['levels', '--levels', 'test/fixtures/levels/dup'], {home});
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(
			[
				'Fixture pack (built-in)',
				'  fixture-bind  Listen to the world      ★★☆ solved  1 · One server · ports',
				'  fixture-dns   Name the website         started     1 · One server · dns, client-server',
				'',
				'dup (extra)',
				'  fixture-dns   Name the website, again  broken      test/fixtures/levels/dup/copy-of-dns.json',
				'',
			].join('\n'),
		);
		expect(result.stderr).toBe(
			'test/fixtures/levels/dup/copy-of-dns.json:3:8: duplicate level id "fixture-dns": also in ' +
				`${path.join(FIXTURES, 'good', '01-dns.json')} (at /id)\n`,
		);
	});

	it('--json gives one entry per level file with the store status', async () => {
		const home = homeWithProgress();
		const result = await run(['levels', '--json', '--levels', 'test/fixtures/levels/dup'], {home});
		expect(result.code).toBe(0);
		const listing = JSON.parse(result.stdout) as {levels: Record<string, unknown>[]; problems: Record<string, unknown>[]};
		expect(listing.levels).toEqual([
			{
				id: 'fixture-bind',
				title: 'Listen to the world',
				chapter: '1 · One server',
				concepts: ['ports'],
				pack: 'Fixture pack',
				source: 'built-in',
				file: 'test/fixtures/levels/good/02-web-port.json',
				status: 'solved',
				stars: 2,
				problems: [],
			},
			{
				id: 'fixture-dns',
				title: 'Name the website',
				chapter: '1 · One server',
				concepts: ['dns', 'client-server'],
				pack: 'Fixture pack',
				source: 'built-in',
				file: 'test/fixtures/levels/good/01-dns.json',
				status: 'started',
				stars: 0,
				problems: [],
			},
			expect.objectContaining({id: 'fixture-dns', title: 'Name the website, again', chapter: null, status: 'broken', file: 'test/fixtures/levels/dup/copy-of-dns.json'}),
		]);
		expect(listing.problems).toEqual([
			{file: 'test/fixtures/levels/dup/copy-of-dns.json', line: 3, column: 8, pointer: '/id', message: expect.stringMatching(/^duplicate level id "fixture-dns"/u)},
		]);
	});

	it('reads levels from the user level folder, which the game (not a listing) creates on first run', async () => {
		const home = tempDir();
		await run(['levels'], {home});
		expect(fs.existsSync(path.join(home, 'levels'))).toBe(false);
		const io = {stdout: () => undefined, stderr: () => undefined, env: {NETQUEST_HOME: home}, cwd: ROOT};
		await cliContext(io, parseOptions()).openStore();
		expect(fs.statSync(path.join(home, 'levels')).isDirectory()).toBe(true);
		fs.copyFileSync(path.join(FIXTURES, 'tricky', 'escapes.json'), path.join(home, 'levels', 'mine.json'));
		const result = await run(['levels'], {home});
		expect(result.stdout).toContain('levels (user)\n  tricky-escapes  Escapes red ');
		expect(result.stdout).not.toContain('\u001b');
	});

	it('--data-dir wins over NETQUEST_HOME', async () => {
		const home = homeWithProgress();
		const result = await run(['levels', '--data-dir', home], {home: tempDir()});
		expect(result.stdout).toContain('★★☆ solved');
	});
});

describe('netquest export', () => {
	it('prints the saved draft as a solution file with a # header naming the level', async () => {
		const home = homeWithProgress();
		expect(await run(['export', 'fixture-dns'], {home})).toEqual({
			code: 0,
			stdout: [
				'# netquest solution for level fixture-dns: Name the website',
				'# grade it with: netquest check fixture-dns <this file>',
				'dns add www.travelbuddy.com A 203.0.113.10',
				'',
			].join('\n'),
			stderr: '',
		});
	});

	it('gives a file that check grades (export → check)', async () => {
		const home = homeWithProgress();
		const exported = await run(['export', 'fixture-dns'], {home});
		const file = path.join(tempDir(), 'handed-in.txt');
		fs.writeFileSync(file, exported.stdout);
		const graded = await run(['check', 'fixture-dns', file, '--json'], {home});
		expect(graded.code).toBe(0);
		expect(JSON.parse(graded.stdout)).toMatchObject({level: 'fixture-dns', solved: true, commands: 1});
	});

	it('exits 1 when nothing is saved, 2 for an unknown id (with the nearest id)', async () => {
		const home = homeWithProgress();
		expect(await run(['export', 'fixture-bind'], {home})).toEqual({
			code: 1,
			stdout: '',
			stderr: 'netquest export: nothing saved for level fixture-bind yet: play it first (netquest), then export\n',
		});
		expect(await run(['export', 'fixture-dsn'], {home})).toEqual({
			code: 2,
			stdout: '',
			stderr: 'netquest export: no level with id "fixture-dsn" (did you mean "fixture-dns"?)\n',
		});
		expect((await run(['export'], {home})).code).toBe(2);
	});

	it('warns when the level changed since the draft was saved', async () => {
		const home = tempDir();
		openProgressStore({dataDir: home}).saveDraft('fixture-dns', ['dns add www.travelbuddy.com A 203.0.113.10'], 'an-old-hash');
		const result = await run(['export', 'fixture-dns'], {home});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('netquest export: note: level fixture-dns has changed since this work was saved\n');
	});
});

import {execFile, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import packageJson from '../../package.json' with {type: 'json'};
import {hasScript, startPty} from '../../bench/pty.js';
import {CHECKED_CACHE_FILE, CHECKED_KEY_FILE} from '../../src/levels/checked-cache.js';
import {run as runInProcess} from '../cli/run-cli.js';

/**
 * The bundle `npm run build` makes, built into a temporary folder outside
 * the repository (so nothing can come from the sources or node_modules) and
 * run the way a player or an instructor runs `netquest`.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEVEL_FILES = fs.readdirSync(path.join(ROOT, 'levels')).filter((name) => name.endsWith('.json')).sort();

let out = '';
let elsewhere = '';

beforeAll(() => {
	out = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-bundle-'));
	elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-cwd-'));
	execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], {cwd: ROOT, stdio: 'pipe'});
}, 60_000);

afterAll(() => {
	for (const dir of [out, elsewhere]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

/** Runs `file` (the bin itself, or node) without a terminal, from `cwd` (default: a folder outside the repository). */
function run(file: string, args: readonly string[], cwd = elsewhere): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		execFile(file, [...args], {cwd, env: {...process.env, NO_COLOR: '1', NETQUEST_HOME: path.join(elsewhere, 'home')}}, (error, stdout, stderr) => {
			resolve({code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr});
		});
	});
}

describe('npm run build', () => {
	it('writes an executable entry with a node shebang, its chunks, and every level file with the schema and the checked-levels cache beside it', () => {
		const bin = path.join(out, 'netquest.js');
		expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
		expect(fs.readFileSync(bin, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
		expect(fs.readdirSync(path.join(out, 'chunks')).filter((name) => name.endsWith('.js')).length).toBeGreaterThan(3);
		expect(fs.readdirSync(path.join(out, 'levels')).sort()).toEqual([CHECKED_CACHE_FILE, CHECKED_KEY_FILE, ...LEVEL_FILES].sort());
		expect(LEVEL_FILES).toEqual(expect.arrayContaining(['schema.json', 'pack.json']));
	});

	it('draws the built-in levels from the checked-levels cache while it matches the files, and from the files once they change', async () => {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-bundle-copy-'));
		try {
			fs.cpSync(out, copy, {recursive: true});
			const titles = async () => {
				const listed = await run(process.execPath, [path.join(copy, 'netquest.js'), 'levels', '--json']);
				return (JSON.parse(listed.stdout) as {levels: {title: string}[]}).levels.map((level) => level.title);
			};
			const original = await titles();
			// A cache that says something else than the files proves it is what the bundle reads…
			const cacheFile = path.join(copy, 'levels', CHECKED_CACHE_FILE);
			const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {packs: {levels: {level: {title: string}}[]}[]};
			cache.packs[0]!.levels[0]!.level.title = 'Read from the cache';
			fs.writeFileSync(cacheFile, JSON.stringify(cache));
			expect(await titles()).toEqual(['Read from the cache', ...original.slice(1)]);
			// …and any change to a level file sets it aside: the files are checked again.
			const first = path.join(copy, 'levels', LEVEL_FILES.find((name) => /^\d/.test(name))!);
			fs.appendFileSync(first, '\n');
			expect(await titles()).toEqual(original);
		} finally {
			fs.rmSync(copy, {recursive: true, force: true});
		}
	});

	it('runs as the bin from another folder and reads its own copy of the levels', async () => {
		const version = await run(path.join(out, 'netquest.js'), ['--version']);
		expect(version).toEqual({code: 0, stdout: `${packageJson.version}\n`, stderr: ''});
		const listed = await run(process.execPath, [path.join(out, 'netquest.js'), 'levels', '--json']);
		expect(listed.code).toBe(0);
		const {levels, problems} = JSON.parse(listed.stdout) as {levels: {file: string; source: string; status: string}[]; problems: unknown[]};
		expect(problems).toEqual([]);
		expect(levels).toHaveLength(LEVEL_FILES.length - 2);
		for (const level of levels) {
			expect(level.source).toBe('built-in');
			expect(level.status).toBe('new');
			expect(path.dirname(level.file)).toBe(path.join(out, 'levels'));
		}
	});

	it('grades a solution and validates levels with nothing but the bundle', async () => {
		const level = JSON.parse(fs.readFileSync(path.join(out, 'levels', LEVEL_FILES[0]!), 'utf8')) as {id: string; solution: string[]};
		const solution = path.join(elsewhere, 'solution.txt');
		fs.writeFileSync(solution, level.solution.join('\n'));
		const checked = await run(process.execPath, [path.join(out, 'netquest.js'), 'check', level.id, solution, '--json']);
		expect(checked.code).toBe(0);
		expect(JSON.parse(checked.stdout)).toMatchObject({level: level.id, solved: true, stars: 3});
		const validated = await run(process.execPath, [path.join(out, 'netquest.js'), 'validate', path.join(out, 'levels')]);
		expect(validated).toMatchObject({code: 0, stdout: `${LEVEL_FILES.length - 2} level files checked: no problems\n`});
	});

	it('prints what the sources print, byte for byte (validate on broken levels, check --json)', async () => {
		const bundled = (args: readonly string[]) => run(process.execPath, [path.join(out, 'netquest.js'), ...args], ROOT);
		const broken = ['validate', 'test/fixtures/levels/broken'];
		const [fromBundle, fromSources] = [await bundled(broken), await runInProcess(broken)];
		expect(fromBundle.code).toBe(1);
		expect(fromBundle).toEqual(fromSources);
		const solution = path.join(elsewhere, 'partial.txt');
		const level = path.join('levels', LEVEL_FILES[0]!);
		const first = JSON.parse(fs.readFileSync(path.join(ROOT, level), 'utf8')) as {solution: string[]};
		fs.writeFileSync(solution, first.solution.slice(0, -1).join('\n'));
		const check = ['check', level, solution, '--json'];
		const [checkedBundle, checkedSources] = [await bundled(check), await runInProcess(check)];
		expect(checkedBundle.code).toBe(1);
		expect(checkedBundle).toEqual(checkedSources);
	});

	it.skipIf(!hasScript())('draws the campaign map in a terminal without starting any child process, and quits on q', async () => {
		// A preload that records every child_process call the game makes.
		const hook = path.join(elsewhere, 'record-children.cjs');
		const log = path.join(elsewhere, 'children.log');
		fs.writeFileSync(
			hook,
			[
				"const cp = require('node:child_process');",
				"const fs = require('node:fs');",
				"for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {",
				'\tconst original = cp[name];',
				`\tcp[name] = function (...args) { fs.appendFileSync(${JSON.stringify(log)}, name + ' ' + String(args[0]) + '\\n'); return original.apply(this, args); };`,
				'}',
				"require('node:module').syncBuiltinESMExports();",
			].join('\n'),
		);
		const game = startPty(['node', '--require', hook, path.join(out, 'netquest.js'), '--data-dir', path.join(elsewhere, 'play')], {columns: 100, rows: 30, cwd: elsewhere});
		try {
			await game.waitFor((text) => text.includes('TravelBuddy') && text.includes('Clients and servers'), {what: 'the campaign map'});
			// Keys typed the moment the map shows (while the rest of the game loads) are not lost.
			const from = game.mark();
			game.write('\r');
			await game.waitFor((text) => text.includes('Enter start'), {from, what: 'the briefing'});
			game.write('q');
			expect(await game.exited).toBe(0);
		} finally {
			game.kill();
		}
		expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').toBe('');
	});
});

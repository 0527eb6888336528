import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {openProgressStore, PROGRESS_FILE} from './file-store.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** A fresh temp data directory, removed after the test. */
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-store-'));
	dirs.push(dir);
	return dir;
}

/** The parsed progress file. */
function readJson(dir: string): Record<string, unknown> {
	return JSON.parse(fs.readFileSync(path.join(dir, PROGRESS_FILE), 'utf8')) as Record<string, unknown>;
}

describe('openProgressStore: the file', () => {
	it('writes progress.json in format 1 and reads it back after reopening', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir});
		expect(store.dataDir).toBe(dir);
		store.saveDraft('01-dns', ['dns add travelbuddy.com A 203.0.113.10'], 'h1');
		store.recordResult('01-dns', {stars: 3, commands: 1, hintsUsed: 0, levelHash: 'h1'});
		store.setSettings({color: 'never'});
		expect(readJson(dir)).toMatchObject({
			formatVersion: 1,
			levels: {'01-dns': {solved: true, stars: 3, bestCommands: 1, draft: ['dns add travelbuddy.com A 203.0.113.10']}},
			settings: {color: 'never'},
		});
		const again = openProgressStore({dataDir: dir});
		expect(again.getLevel('01-dns')).toEqual(store.getLevel('01-dns'));
		expect(again.getSettings()).toEqual({color: 'never'});
		expect(again.warnings).toEqual([]);
	});

	it('creates a missing data directory', () => {
		const dir = path.join(tempDir(), 'deep', 'netquest');
		openProgressStore({dataDir: dir}).saveDraft('a', ['x']);
		expect(readJson(dir)).toMatchObject({levels: {a: {draft: ['x']}}});
	});

	it('migrates a hand-written version 0 file to format 1, losing nothing', () => {
		const dir = tempDir();
		fs.writeFileSync(
			path.join(dir, PROGRESS_FILE),
			'{\n  "solved": {"01-dns": {"stars": 2, "commands": 3}},\n  "drafts": {"02-ports": ["port open web 80"]},\n  "hints": {"02-ports": 1},\n  "color": "always"\n}\n',
		);
		const store = openProgressStore({dataDir: dir});
		expect(store.warnings).toEqual([]);
		expect(store.allLevels()).toEqual({
			'01-dns': {solved: true, stars: 2, bestCommands: 3, hintsUsed: 0, draft: []},
			'02-ports': {solved: false, stars: 0, hintsUsed: 1, draft: ['port open web 80']},
		});
		expect(store.getSettings()).toEqual({color: 'always'});
		const file = readJson(dir);
		expect(file['formatVersion']).toBe(1);
		expect(file['solved']).toBeUndefined();
		expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
	});

	it('writes atomically: each write replaces the file by rename and leaves no temp file', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir});
		store.saveDraft('a', ['x']);
		const before = fs.statSync(path.join(dir, PROGRESS_FILE)).ino;
		store.saveDraft('a', ['x', 'y']);
		expect(fs.statSync(path.join(dir, PROGRESS_FILE)).ino).not.toBe(before);
		expect(fs.readdirSync(dir)).toEqual([PROGRESS_FILE]);
	});
});

describe('openProgressStore: a damaged file', () => {
	const cases: [string, string, RegExp][] = [
		['truncated', '{"formatVersion": 1, "levels": {"01-dns": {"solved": tr', /not valid JSON/],
		['not JSON', 'I am not JSON\n', /not valid JSON/],
		['of the wrong shape', '["01-dns"]', /not a progress object/],
		['from a newer netquest', '{"formatVersion": 9, "levels": {"01-dns": {"whatever": 1}}}', /newer netquest/],
	];

	it.each(cases)('a file %s is kept aside, said once, and play goes on with empty progress', (_name, text, problem) => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, PROGRESS_FILE), text);
		const store = openProgressStore({dataDir: dir});
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toMatch(problem);
		expect(store.warnings[0]).toContain(`${PROGRESS_FILE}.corrupt-1`);
		expect(fs.readFileSync(path.join(dir, `${PROGRESS_FILE}.corrupt-1`), 'utf8')).toBe(text);
		expect(store.allLevels()).toEqual({});
		store.saveDraft('01-dns', ['x']);
		expect(readJson(dir)).toMatchObject({formatVersion: 1, levels: {'01-dns': {draft: ['x']}}});
		expect(openProgressStore({dataDir: dir}).warnings).toEqual([]);
	});

	it('numbers the copies with a counter, never overwriting an older copy', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, PROGRESS_FILE), 'first');
		openProgressStore({dataDir: dir});
		fs.writeFileSync(path.join(dir, PROGRESS_FILE), 'second');
		const store = openProgressStore({dataDir: dir});
		expect(store.warnings[0]).toContain(`${PROGRESS_FILE}.corrupt-2`);
		expect(fs.readFileSync(path.join(dir, `${PROGRESS_FILE}.corrupt-1`), 'utf8')).toBe('first');
		expect(fs.readFileSync(path.join(dir, `${PROGRESS_FILE}.corrupt-2`), 'utf8')).toBe('second');
	});

	it('keeps the readable levels of a partly damaged file (and the whole file aside)', () => {
		const dir = tempDir();
		const text = JSON.stringify({formatVersion: 1, levels: {good: {solved: true, stars: 2}, bad: {stars: -1}}});
		fs.writeFileSync(path.join(dir, PROGRESS_FILE), text);
		const store = openProgressStore({dataDir: dir});
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toMatch(/unreadable entries: bad.*readable part of your progress was kept/);
		expect(store.allLevels()).toEqual({good: {solved: true, stars: 2, hintsUsed: 0, draft: []}});
		expect(readJson(dir)).toMatchObject({levels: {good: {stars: 2}}});
		expect(fs.readFileSync(path.join(dir, `${PROGRESS_FILE}.corrupt-1`), 'utf8')).toBe(text);
	});

	it('notices a file damaged while the game runs, keeps it aside and carries on', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir});
		store.recordResult('a', {stars: 3, commands: 1, hintsUsed: 0});
		fs.writeFileSync(path.join(dir, PROGRESS_FILE), '{"formatVersion": 1, "lev');
		expect(store.getLevel('a')).toBeUndefined();
		expect(store.warnings).toHaveLength(1);
		expect(fs.existsSync(path.join(dir, `${PROGRESS_FILE}.corrupt-1`))).toBe(true);
		store.saveDraft('b', ['y']);
		expect(readJson(dir)).toMatchObject({formatVersion: 1, levels: {b: {draft: ['y']}}});
	});

	it('a data directory that cannot be used keeps progress in memory, with a warning', () => {
		const blocker = path.join(tempDir(), 'not-a-dir');
		fs.writeFileSync(blocker, 'a file where the directory should be');
		const store = openProgressStore({dataDir: blocker});
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toMatch(/kept only until you quit/);
		store.recordResult('a', {stars: 1, commands: 4, hintsUsed: 2});
		expect(store.getLevel('a')).toMatchObject({solved: true, stars: 1});
		expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the directory should be');
	});
});

describe('openProgressStore: two games at once', () => {
	it('each write merges into what the other game saved', () => {
		const dir = tempDir();
		const first = openProgressStore({dataDir: dir});
		const second = openProgressStore({dataDir: dir});
		first.recordResult('01-dns', {stars: 3, commands: 1, hintsUsed: 0});
		second.recordResult('02-ports', {stars: 2, commands: 4, hintsUsed: 1});
		first.saveDraft('03-nat', ['a']);
		second.setSettings({color: 'never'});
		expect(second.getLevel('01-dns')).toMatchObject({solved: true, stars: 3});
		expect(Object.keys(first.allLevels()).sort()).toEqual(['01-dns', '02-ports', '03-nat']);
		expect(first.getSettings()).toEqual({color: 'never'});
		// The same level from both: the best result wins whichever wrote last.
		second.recordResult('01-dns', {stars: 1, commands: 9, hintsUsed: 3});
		expect(first.getLevel('01-dns')).toMatchObject({stars: 3, bestCommands: 1});
	});

	it('breaks a lock left behind by a game that died while writing', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir});
		fs.mkdirSync(path.join(dir, `${PROGRESS_FILE}.lock`));
		store.saveDraft('a', ['x']);
		expect(readJson(dir)).toMatchObject({levels: {a: {draft: ['x']}}});
		expect(fs.readdirSync(dir)).toEqual([PROGRESS_FILE]);
	});

	it('two processes writing at the same time lose no level', async () => {
		const dir = tempDir();
		const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'file-store.worker.ts');
		const run = (name: string) =>
			new Promise<string>((resolve, reject) => {
				const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, name, '40'], {stdio: ['ignore', 'pipe', 'pipe']});
				let output = '';
				child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
				child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
				child.on('error', reject);
				child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`worker ${name} exited ${code}: ${output}`))));
			});
		await Promise.all([run('p'), run('q')]);
		const levels = readJson(dir)['levels'] as Record<string, {stars: number}>;
		expect(Object.keys(levels)).toHaveLength(80);
		expect(levels['p-39']).toMatchObject({stars: 2});
		expect(levels['q-0']).toMatchObject({stars: 2});
		expect(fs.readdirSync(dir).filter((name) => name !== PROGRESS_FILE)).toEqual([]);
	});
});

import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {processStartTime} from './file-lock.js';
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

	it('a data directory that cannot be used keeps progress in the game, says so, and saves it once it can', () => {
		const blocker = path.join(tempDir(), 'not-a-dir');
		fs.writeFileSync(blocker, 'a file where the directory should be');
		const store = openProgressStore({dataDir: blocker, retryMs: 0});
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toMatch(/Could not open your progress in .*saved as soon as that works/);
		store.recordResult('a', {stars: 1, commands: 4, hintsUsed: 2});
		expect(store.getLevel('a')).toMatchObject({solved: true, stars: 1});
		expect(store.saveProblem()).toMatch(/could not save your progress/);
		expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the directory should be');
		fs.rmSync(blocker);
		expect(store.flush()).toBe(true);
		expect(store.saveProblem()).toBeUndefined();
		expect(readJson(blocker)).toMatchObject({levels: {a: {solved: true, stars: 1}}});
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

	it('breaks a lock left behind by a game that died while writing, without waiting', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir, lockWaitMs: 0});
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		fs.writeFileSync(path.join(dir, `${PROGRESS_FILE}.lock`), JSON.stringify({pid: dead, host: os.hostname()}));
		store.saveDraft('a', ['x']);
		expect(store.saveProblem()).toBeUndefined();
		expect(readJson(dir)).toMatchObject({levels: {a: {draft: ['x']}}});
		expect(fs.readdirSync(dir)).toEqual([PROGRESS_FILE]);
		// The directory lock of an older netquest, abandoned long ago, too.
		fs.mkdirSync(path.join(dir, `${PROGRESS_FILE}.lock`));
		fs.utimesSync(path.join(dir, `${PROGRESS_FILE}.lock`), 0, 0);
		store.saveDraft('a', ['y']);
		expect(readJson(dir)).toMatchObject({levels: {a: {draft: ['y']}}});
		expect(fs.readdirSync(dir)).toEqual([PROGRESS_FILE]);
	});

	it('never takes the lock from a live holder: the save fails, says who holds it, and succeeds once it is released', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir, lockWaitMs: 30, retryMs: 0});
		const lock = path.join(dir, `${PROGRESS_FILE}.lock`);
		const started = processStartTime(process.pid);
		const holder = JSON.stringify({pid: process.pid, host: os.hostname(), ...(started === undefined ? {} : {started})});
		fs.writeFileSync(lock, holder);
		fs.utimesSync(lock, 0, 0);
		store.recordResult('a', {stars: 3, commands: 1, hintsUsed: 0});
		expect(store.saveProblem()).toContain(`pid ${process.pid} on ${os.hostname()}`);
		expect(fs.readFileSync(lock, 'utf8')).toBe(holder);
		expect(store.getLevel('a')).toMatchObject({solved: true, stars: 3});
		fs.rmSync(lock);
		store.saveDraft('b', ['x']);
		expect(store.saveProblem()).toBeUndefined();
		expect(readJson(dir)).toMatchObject({levels: {a: {stars: 3}, b: {draft: ['x']}}});
	});

	it('a pid reused by another process does not hold the lock (Linux: the start time differs)', () => {
		const started = processStartTime(process.pid);
		if (started === undefined) return;
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir, lockWaitMs: 0});
		fs.writeFileSync(path.join(dir, `${PROGRESS_FILE}.lock`), JSON.stringify({pid: process.pid, host: os.hostname(), started: started + 1}));
		store.saveDraft('a', ['x']);
		expect(store.saveProblem()).toBeUndefined();
	});

	it('waits for a slow save in another process instead of breaking its lock, so neither result is lost', async () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir});
		const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'slow-save.worker.ts');
		const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, '1500'], {stdio: ['ignore', 'pipe', 'inherit']});
		const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
		// Once the other game holds the lock (it says so), this game saves: it must wait the 1.5 s out.
		await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
		store.recordResult('fast', {stars: 3, commands: 1, hintsUsed: 0});
		expect(store.saveProblem()).toBeUndefined();
		expect(await closed).toBe(0);
		expect(readJson(dir)['levels']).toMatchObject({slow: {solved: true}, fast: {solved: true, stars: 3}});
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

describe('openProgressStore: saves that fail', () => {
	/** Makes every save fail: the file's place is taken by a directory (the rename onto it fails). */
	function blockWrites(dir: string): void {
		fs.rmSync(path.join(dir, PROGRESS_FILE), {force: true});
		fs.mkdirSync(path.join(dir, PROGRESS_FILE, 'x'), {recursive: true});
	}

	it('keeps the change, says why, and saves everything on the next change once it works', () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir, retryMs: 0});
		store.recordResult('a', {stars: 2, commands: 3, hintsUsed: 0});
		blockWrites(dir);
		store.recordResult('b', {stars: 3, commands: 1, hintsUsed: 0});
		expect(store.saveProblem()).toMatch(/: could not save your progress to .*progress\.json\.$/);
		expect(store.warnings.some((warning) => warning.includes('writes a copy elsewhere'))).toBe(true);
		expect(store.getLevel('b')).toMatchObject({solved: true, stars: 3});
		fs.rmSync(path.join(dir, PROGRESS_FILE), {recursive: true});
		store.saveDraft('c', ['x']);
		expect(store.saveProblem()).toBeUndefined();
		expect(Object.keys(readJson(dir)['levels'] as object).sort()).toEqual(['b', 'c']);
	});

	it('tries again on a timer, with no change needed, and tells its listeners', async () => {
		const dir = tempDir();
		const store = openProgressStore({dataDir: dir, retryMs: 10});
		let told = 0;
		store.onSaveStateChange(() => told++);
		blockWrites(dir);
		store.recordResult('a', {stars: 1, commands: 9, hintsUsed: 1});
		expect(store.saveProblem()).toBeDefined();
		expect(told).toBe(1);
		fs.rmSync(path.join(dir, PROGRESS_FILE), {recursive: true});
		const deadline = Date.now() + 10_000;
		while (store.saveProblem() !== undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		expect(store.saveProblem()).toBeUndefined();
		expect(told).toBe(2);
		expect(readJson(dir)).toMatchObject({levels: {a: {solved: true, stars: 1}}});
	});

	it('writes what is not saved as a copy elsewhere, never over another file', () => {
		const dir = tempDir();
		const elsewhere = tempDir();
		const store = openProgressStore({dataDir: dir, retryMs: 0, writtenBy: 'netquest test'});
		store.recordResult('a', {stars: 2, commands: 3, hintsUsed: 0});
		blockWrites(dir);
		store.recordResult('b', {stars: 3, commands: 1, hintsUsed: 0});
		fs.writeFileSync(path.join(elsewhere, 'netquest-unsaved-progress-1.json'), 'mine');
		const copy = store.writeCopy([path.join(elsewhere, 'missing'), elsewhere]);
		expect(copy).toBe(path.join(elsewhere, 'netquest-unsaved-progress-2.json'));
		expect(fs.readFileSync(path.join(elsewhere, 'netquest-unsaved-progress-1.json'), 'utf8')).toBe('mine');
		const saved = JSON.parse(fs.readFileSync(copy!, 'utf8')) as {formatVersion: number; writtenBy: string; levels: Record<string, unknown>};
		expect(saved).toMatchObject({formatVersion: 1, writtenBy: 'netquest test', levels: {b: {stars: 3}}});
	});
});

describe('openProgressStore: files it must not lose', () => {
	it('a file from a newer netquest is left untouched, read for display, and said with the version that wrote it', () => {
		const dir = tempDir();
		const text = JSON.stringify({formatVersion: 9, writtenBy: 'netquest 3.1.0', levels: {'01-dns': {solved: true, stars: 2, cloud: 1}}, sync: {}});
		fs.writeFileSync(path.join(dir, PROGRESS_FILE), text);
		const store = openProgressStore({dataDir: dir, retryMs: 0});
		expect(store.warnings).toHaveLength(1);
		expect(store.warnings[0]).toContain('written by netquest 3.1.0 (progress format 9');
		expect(store.warnings[0]).toContain('left untouched');
		expect(store.getLevel('01-dns')).toMatchObject({solved: true, stars: 2});
		expect(store.saveProblem()).toBeUndefined();
		store.recordResult('02-ports', {stars: 3, commands: 1, hintsUsed: 0});
		expect(store.getLevel('02-ports')).toMatchObject({stars: 3});
		expect(store.saveProblem()).toContain('left untouched');
		expect(store.flush()).toBe(false);
		expect(fs.readFileSync(path.join(dir, PROGRESS_FILE), 'utf8')).toBe(text);
		expect(fs.readdirSync(dir)).toEqual([PROGRESS_FILE]);
	});

	it('keeps the keys it does not know through a rewrite, and records who wrote the file', () => {
		const dir = tempDir();
		fs.writeFileSync(
			path.join(dir, PROGRESS_FILE),
			JSON.stringify({formatVersion: 1, sync: {id: 7}, levels: {a: {solved: true, stars: 1, timeSpent: 42}}, settings: {color: 'auto', theme: 'dark'}}),
		);
		const store = openProgressStore({dataDir: dir, writtenBy: 'netquest 0.1.0'});
		expect(store.warnings).toEqual([]);
		store.recordResult('a', {stars: 3, commands: 1, hintsUsed: 0});
		store.setSettings({color: 'never'});
		expect(readJson(dir)).toMatchObject({
			formatVersion: 1,
			writtenBy: 'netquest 0.1.0',
			sync: {id: 7},
			levels: {a: {solved: true, stars: 3, timeSpent: 42}},
			settings: {color: 'never', theme: 'dark'},
		});
		expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
	});

	it('removes what games that died mid-save left behind when it opens', () => {
		const dir = tempDir();
		const leftovers = [`${PROGRESS_FILE}.tmp-1733328000abc123`, `${PROGRESS_FILE}.lock.broken-77-abc`, `${PROGRESS_FILE}.lock.4242-x1y2z3`];
		for (const name of leftovers) fs.writeFileSync(path.join(dir, name), '{}');
		fs.utimesSync(path.join(dir, `${PROGRESS_FILE}.lock.4242-x1y2z3`), 0, 0);
		fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
		openProgressStore({dataDir: dir}).saveDraft('a', ['x']);
		expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', PROGRESS_FILE]);
	});
});

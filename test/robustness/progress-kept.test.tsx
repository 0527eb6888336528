import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {openProgressStore, PROGRESS_FILE} from '../../src/store/file-store.js';
import {type Game, KEY, startGame, waitForGame} from './support/game.js';

/**
 * Progress is never lost (issue 15), in the real game over the real file
 * store: a better result is saved as well as shown. The store's own tests
 * (src/store/file-store.test.ts) prove each guarantee at the store's level.
 */

const catalog = loadCatalog({builtInDir: builtInLevelsDir()});
const first = playableLevels(catalog)[0]!.level;
const solution = first.solution.filter((line) => line.trim() && !line.startsWith('#'));

const dirs: string[] = [];
let game: Game | undefined;
afterEach(() => {
	game?.stop();
	game = undefined;
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-kept-'));
	dirs.push(dir);
	return dir;
}

const size = {columns: 100, rows: 30};

function savedLevel(dataDir: string): Record<string, unknown> | undefined {
	const file = JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as {levels: Record<string, Record<string, unknown>>};
	return file.levels[first.id];
}

describe('progress is never lost', () => {
	it('a better result after a reset is saved, not only shown: on disk and on the map after a restart', async () => {
		expect(first.id).toBe('00-client-server');
		const dataDir = tempDir();
		game = startGame({catalog, store: openProgressStore({dataDir}), initialLevelId: first.id, ...size});
		await waitForGame(game, (text) => text.includes('Enter start'));
		game.type(KEY.enter);
		await waitForGame(game, (text) => text.includes('Output'));
		// Over par: a detour of two commands first.
		for (const line of ['app add api-server spare 8001', 'app remove api-server spare', ...solution]) game.type(`${line}\r`);
		await waitForGame(game, (text) => text.includes('Level complete'));
		expect(savedLevel(dataDir)).toMatchObject({solved: true, stars: 2, bestCommands: 4});
		game.type('w');
		await waitForGame(game, (text) => text.includes('commands 4'));
		// reset asks first (it removes every command): yes goes ahead.
		game.type('reset\r');
		await waitForGame(game, (text) => text.includes('Type reset again (or yes)'));
		game.type('yes\r');
		await waitForGame(game, (text) => text.includes('commands 0'));
		for (const line of solution) game.type(`${line}\r`);
		await waitForGame(game, (text) => text.includes('Better:'));
		expect(savedLevel(dataDir)).toMatchObject({solved: true, stars: 3, bestCommands: 2});
		game.stop();
		game = startGame({catalog, store: openProgressStore({dataDir}), ...size});
		const map = await waitForGame(game, (text) => text.includes('Solved 1/'));
		expect(map).toMatch(new RegExp(`★★★ ${first.title}`, 'u'));
	});

	it('a slow save in another game (its lock held 1.5 s) is waited for, not broken: the level solved here stays solved, and so does the other game\'s', async () => {
		const dataDir = tempDir();
		game = startGame({catalog, store: openProgressStore({dataDir}), initialLevelId: first.id, ...size});
		await waitForGame(game, (text) => text.includes('Enter start'));
		game.type(KEY.enter);
		await waitForGame(game, (text) => text.includes('Output'));
		game.type(`${solution[0]}\r`);
		await waitForGame(game, (text) => text.includes('commands 1'));
		const worker = path.join(import.meta.dirname, '..', '..', 'src', 'store', 'slow-save.worker.ts');
		const other = spawn(process.execPath, ['--import', 'tsx', worker, dataDir, '1500'], {stdio: ['ignore', 'pipe', 'inherit']});
		const closed = new Promise<number | null>((resolve) => other.on('close', resolve));
		await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
		game.type(`${solution[1]}\r`);
		const frame = await waitForGame(game, (text) => text.includes('Level complete'));
		expect(frame).not.toContain('Progress not saved');
		expect(await closed).toBe(0);
		expect(savedLevel(dataDir)).toMatchObject({solved: true, stars: 3});
		const file = JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as {levels: Record<string, unknown>};
		expect(file.levels['slow']).toMatchObject({solved: true});
	});

	it('what a game killed mid-save left (a lock of a dead pid, temporary files) costs nothing: removed on start, the first save at once', async () => {
		const dataDir = tempDir();
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		fs.writeFileSync(path.join(dataDir, `${PROGRESS_FILE}.lock`), JSON.stringify({pid: dead, host: os.hostname()}));
		fs.writeFileSync(path.join(dataDir, `${PROGRESS_FILE}.tmp-1733328000abc123`), '{"formatVersion": 1, "lev');
		// A lock wait of 0: had the dead game's lock to be waited out, the save would fail.
		const store = openProgressStore({dataDir, lockWaitMs: 0});
		expect(fs.readdirSync(dataDir)).toEqual([PROGRESS_FILE]);
		fs.writeFileSync(path.join(dataDir, `${PROGRESS_FILE}.lock`), JSON.stringify({pid: dead, host: os.hostname()}));
		game = startGame({catalog, store, initialLevelId: first.id, ...size});
		await waitForGame(game, (text) => text.includes('Enter start'));
		game.type(KEY.enter);
		await waitForGame(game, (text) => text.includes('Output'));
		game.type(`${solution[0]}\r`);
		const frame = await waitForGame(game, (text) => text.includes('commands 1'));
		expect(frame).not.toContain('Progress not saved');
		expect(savedLevel(dataDir)).toMatchObject({draft: [solution[0]]});
		expect(fs.readdirSync(dataDir)).toEqual([PROGRESS_FILE]);
	});
});

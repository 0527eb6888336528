import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {openProgressStore, PROGRESS_FILE} from '../../src/store/file-store.js';
import {type Game, KEY, settle, startGame, waitForGame} from './support/game.js';
import {frameProblems} from './support/screen.js';

/**
 * A corrupted progress file, in the real game over the real file store:
 * the game starts, says once (on the map) that the file was kept aside and
 * under which name, carries on, saves new work next to the kept copy, and
 * starts clean — with the new work — the next time. The store's own tests
 * (src/store/file-store.test.ts) prove the same at the store's level.
 */

const catalog = loadCatalog({builtInDir: builtInLevelsDir()});
const first = playableLevels(catalog)[0]!.level;
/** A configuration command that applies on the first level without solving it. */
const DRAFT = first.solution.find((line) => line.trim() && !line.startsWith('#'))!;

const dirs: string[] = [];
let game: Game | undefined;
afterEach(() => {
	game?.stop();
	game = undefined;
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-progress-'));
	dirs.push(dir);
	return dir;
}

const size = {columns: 100, rows: 30};

/** What the frame says, its rows joined as one text (messages wrap over rows). */
function said(frame: string): string {
	return frame.replace(/\s+/gu, ' ');
}

/** Starts the game over the progress in `dataDir` and waits for the map. */
async function play(dataDir: string): Promise<string> {
	game?.stop();
	game = startGame({catalog, store: openProgressStore({dataDir}), ...size});
	const frame = await waitForGame(game, (text) => text.includes('Solved '));
	expect(frameProblems(frame, size)).toEqual([]);
	return frame;
}

/** Opens the recommended level, types one command, and goes back to the map. */
async function typeOneCommand(): Promise<void> {
	game!.type(KEY.enter);
	await waitForGame(game!, (text) => text.includes('Enter start') || text.includes('Enter back to work'));
	game!.type(KEY.enter);
	await waitForGame(game!, (text) => text.includes('Output'));
	game!.type(`${DRAFT}\r`);
	await waitForGame(game!, (text) => text.includes('commands 1'));
	game!.type(KEY.esc);
	await settle(game!);
	game!.type(KEY.esc);
	await waitForGame(game!, (text) => text.includes('Solved '));
}

const CASES: [string, string, RegExp][] = [
	['truncated', '{"formatVersion": 1, "levels": {"00-client-server": {"solved": tr', /it is not valid JSON/u],
	['not JSON', '\u0000\u0001binary garbage\uFFFD', /it is not valid JSON/u],
	['of the wrong shape', '{"formatVersion": 1, "levels": ["00-client-server"]}', /could not be fully read/u],
	['empty', '', /it is not valid JSON/u],
];

describe('a corrupted progress file', () => {
	it.each(CASES)('%s: the game starts, says once where the file was kept, carries on, and starts clean next time', async (_kind, text, problem) => {
		const dataDir = tempDir();
		const file = path.join(dataDir, PROGRESS_FILE);
		fs.writeFileSync(file, text);

		let frame = await play(dataDir);
		expect(said(frame)).toMatch(problem);
		expect(said(frame)).toContain(`kept as ${file}.corrupt-1`);
		// Kept byte for byte, next to the file.
		expect(fs.readFileSync(`${file}.corrupt-1`, 'utf8')).toBe(text);

		await typeOneCommand();
		frame = await settle(game!);
		expect(frame, 'said once: gone once the player moved on').not.toContain('corrupt-1');
		// New work is saved in a good file; the bad one is still kept.
		expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({formatVersion: 1, levels: {[first.id]: {draft: [DRAFT]}}});
		expect(fs.readFileSync(`${file}.corrupt-1`, 'utf8')).toBe(text);

		frame = await play(dataDir);
		expect(frame).not.toContain('⚠');
		expect(frame).toMatch(new RegExp(`› … ☆☆☆ ${first.title}`, 'u'));
		expect(fs.readdirSync(dataDir).filter((name) => name.includes('corrupt')).sort()).toEqual([`${PROGRESS_FILE}.corrupt-1`]);
	});

	it('partly damaged: the readable levels are kept, the whole file too, and the player is told which', async () => {
		const dataDir = tempDir();
		const file = path.join(dataDir, PROGRESS_FILE);
		const text = JSON.stringify({formatVersion: 1, levels: {[first.id]: {solved: true, stars: 2, hintsUsed: 0, draft: []}, 'gone-level': {stars: 'many'}}});
		fs.writeFileSync(file, text);
		const frame = await play(dataDir);
		expect(said(frame)).toMatch(/unreadable entries: gone-level/u);
		expect(said(frame)).toContain('the readable part of your progress was kept');
		expect(frame).toMatch(new RegExp(`✓ ★★☆ ${first.title}`, 'u'));
		expect(fs.readFileSync(`${file}.corrupt-1`, 'utf8')).toBe(text);
	});

	it('damaged while the game runs (another program wrote over it): kept aside, said on the map, and the work in play saved again', async () => {
		const dataDir = tempDir();
		const file = path.join(dataDir, PROGRESS_FILE);
		await play(dataDir);
		await typeOneCommand();
		fs.writeFileSync(file, '{"formatVersion": 1, "lev');
		// Back to the level (the read notices the damage), one more command, back to the map.
		game!.type(KEY.enter);
		await waitForGame(game!, (text) => text.includes('Enter back to work'));
		game!.type(KEY.enter);
		await waitForGame(game!, (text) => text.includes('Output'));
		const [, second] = first.solution.filter((line) => line.trim() && !line.startsWith('#'));
		game!.type(`${second}\r`);
		await waitForGame(game!, (text) => text.includes('Level complete'));
		game!.type('m');
		const frame = await waitForGame(game!, (text) => text.includes('Solved 1/'));
		expect(said(frame)).toContain(`kept as ${file}.corrupt-1`);
		expect(fs.readFileSync(`${file}.corrupt-1`, 'utf8')).toBe('{"formatVersion": 1, "lev');
		// The whole draft is saved again with the result: nothing of this session's work is lost.
		expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({levels: {[first.id]: {solved: true, draft: [DRAFT, second]}}});
	});

	it('a data directory that cannot be written: the game says so on the map and where the player works, and plays', async () => {
		const blocker = path.join(tempDir(), 'not-a-directory');
		fs.writeFileSync(blocker, 'a file where the data directory should be');
		let frame = await play(blocker);
		expect(said(frame)).toContain('Could not open your progress in');
		game!.type(KEY.enter);
		await waitForGame(game!, (text) => text.includes('Enter start'));
		game!.type(KEY.enter);
		await waitForGame(game!, (text) => text.includes('Output'));
		game!.type(`${DRAFT}\r`);
		frame = await waitForGame(game!, (text) => text.includes('commands 1'));
		expect(frame).toContain('⚠ Progress not saved: ');
		expect(frameProblems(frame, size)).toEqual([]);
		expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the data directory should be');
	});

	it('from a newer netquest: left untouched byte for byte, the version that wrote it named, its levels shown, nothing written', async () => {
		const dataDir = tempDir();
		const file = path.join(dataDir, PROGRESS_FILE);
		const other = playableLevels(catalog)[1]!.level;
		const text = JSON.stringify({formatVersion: 7, writtenBy: 'netquest 4.2.0', levels: {[other.id]: {solved: true, stars: 3, cloud: 'x'}}, cloudSync: true});
		fs.writeFileSync(file, text);
		const frame = await play(dataDir);
		expect(said(frame)).toContain('written by netquest 4.2.0 (progress format 7');
		expect(said(frame)).toContain('left untouched');
		expect(frame).toMatch(new RegExp(`✓ ★★★ ${other.title}`, 'u'));
		await typeOneCommand();
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
		expect(fs.readdirSync(dataDir)).toEqual([PROGRESS_FILE]);
	});
});

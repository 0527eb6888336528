import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {openProgressStore, PROGRESS_FILE} from '../../src/store/file-store.js';
import {type Game, KEY, settle, startGame, waitForGame} from './support/game.js';

/**
 * Two games at once on the same progress. In two real games (two stores
 * over one data directory) each player's result survives the other's later
 * writes and each map shows both; across processes, writes are atomic (a
 * third process reading all along never sees a torn or missing file) and no
 * level's result is lost, the best one kept. The store's own tests
 * (src/store/file-store.test.ts) prove the merge per write and the lock.
 */

const catalog = loadCatalog({builtInDir: builtInLevelsDir()});
const [first, second] = playableLevels(catalog).map((entry) => entry.level) as [ReturnType<typeof playableLevels>[number]['level'], ReturnType<typeof playableLevels>[number]['level']];
const linesOf = (lines: readonly string[]) => lines.filter((line) => line.trim() && !line.startsWith('#'));

const dirs: string[] = [];
const games: Game[] = [];
afterEach(() => {
	for (const game of games.splice(0)) game.stop();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-two-'));
	dirs.push(dir);
	return dir;
}

function readProgress(dataDir: string): {levels: Record<string, {solved: boolean; stars: number; bestCommands?: number; draft: string[]}>} {
	return JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as ReturnType<typeof readProgress>;
}

/** Goes back to the map, from wherever the game is, and opens level `id` in the workbench. */
async function open(game: Game, id: string): Promise<void> {
	for (let step = 0; step < 4 && !(await settle(game)).includes('↑/↓ choose'); step++) game.type(game.frame().includes('Level complete') ? 'm' : KEY.esc);
	const index = playableLevels(catalog).findIndex((entry) => entry.level.id === id);
	// From the top of the map: Home is not a map key, so walk up then down.
	for (let step = 0; step < 25; step++) game.type(KEY.up);
	for (let step = 0; step < index; step++) game.type(KEY.down);
	await settle(game);
	game.type(KEY.enter);
	await waitForGame(game, (text) => /Enter (start|back to work)/u.test(text));
	game.type(KEY.enter);
	await waitForGame(game, (text) => text.includes('Output'));
}

describe('two games at once on the same progress', () => {
	it('in two real games, neither erases the other: results and drafts from both end up on disk and on both maps', async () => {
		const dataDir = tempDir();
		const size = {columns: 100, rows: 30};
		const a = startGame({catalog, store: openProgressStore({dataDir}), ...size});
		const b = startGame({catalog, store: openProgressStore({dataDir}), ...size});
		games.push(a, b);
		await waitForGame(a, (text) => text.includes('Solved 0/'));
		await waitForGame(b, (text) => text.includes('Solved 0/'));

		// Both open the first level; B starts typing, then A solves it.
		await open(b, first.id);
		const [bFirst] = linesOf(first.solution);
		b.type(`${bFirst}\r`);
		await waitForGame(b, (text) => text.includes('commands 1'));
		await open(a, first.id);
		for (const line of linesOf(first.solution)) a.type(`${line}\r`);
		await waitForGame(a, (text) => text.includes('Level complete'));
		expect(readProgress(dataDir).levels[first.id]).toMatchObject({solved: true});

		// B, later, solves the second level and keeps a draft on the first: A's result stays.
		await open(b, second.id);
		for (const line of linesOf(second.solution)) b.type(`${line}\r`);
		await waitForGame(b, (text) => text.includes('Level complete'));
		b.type('m');
		const bMap = await waitForGame(b, (text) => text.includes('Solved 2/'));
		expect(bMap).toMatch(new RegExp(`✓ ★+☆* ${first.title}`, 'u'));
		expect(bMap).toMatch(new RegExp(`✓ ★+☆* ${second.title}`, 'u'));
		a.type('m');
		const aMap = await waitForGame(a, (text) => text.includes('Solved 2/'));
		expect(aMap).toMatch(new RegExp(`✓ ★+☆* ${second.title}`, 'u'));

		// Both quit (each saves its draft as it closes).
		a.type('q');
		b.type('q');
		await Promise.all([a.done, b.done]);
		const levels = readProgress(dataDir).levels;
		expect(levels[first.id]).toMatchObject({solved: true});
		expect(levels[second.id]).toMatchObject({solved: true, draft: linesOf(second.solution)});
	});

	it('across processes: no torn file for a reader, no level lost, the best result kept whoever wrote last', {timeout: 30_000}, async () => {
		const dataDir = tempDir();
		const worker = path.join(import.meta.dirname, 'support', 'progress-worker.ts');
		const run = (...args: string[]) =>
			new Promise<string>((resolve, reject) => {
				const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
				let output = '';
				let errors = '';
				child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
				child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
				child.on('error', reject);
				child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`worker ${args.join(' ')} exited ${code}: ${errors}`))));
			});
		const reader = run('read', dataDir);
		await Promise.all([run('write', dataDir, 'best', '30'), run('write', dataDir, 'other', '30')]);
		fs.writeFileSync(path.join(dataDir, 'stop'), '');
		const {reads, torn} = JSON.parse(await reader) as {reads: number; torn: string[]};
		expect(reads).toBeGreaterThan(10);
		expect(torn).toEqual([]);
		const levels = readProgress(dataDir).levels;
		expect(Object.keys(levels)).toHaveLength(61);
		for (let n = 0; n < 30; n++) {
			expect(levels[`best-${n}`]).toMatchObject({solved: true, stars: 1 + (n % 3), draft: [`draft ${n}`]});
			expect(levels[`other-${n}`]).toMatchObject({solved: true, stars: 1 + (n % 3), draft: [`draft ${n}`]});
		}
		expect(levels['shared']).toMatchObject({solved: true, stars: 3, bestCommands: 2});
		expect(fs.readdirSync(dataDir).sort()).toEqual([PROGRESS_FILE, 'stop']);
	});
});

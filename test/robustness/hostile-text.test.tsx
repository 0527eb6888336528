import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {type Catalog, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {memoryProgressStore} from '../../src/store/memory-store.js';
import {type Game, KEY, settle, startGame, waitForGame} from './support/game.js';
import {writeHostilePack} from './support/hostile.js';
import {frameProblems, type Size} from './support/screen.js';

/**
 * Hostile text in levels is displayed safely and the layout stays intact.
 * Every built-in level is rewritten with escape sequences, control
 * characters, a 3000-character word and wide/combining/RTL Unicode in every
 * string the player reads (title, chapter, story, briefing, objective,
 * hints, goal descriptions, host labels…), in a folder and under file names
 * that hold escape sequences too. Each level is then played through every
 * screen — map, briefing, workbench, network pages, help, a goal's trace,
 * level complete — at 80×24, 40×10 and 120×40; every frame must fit the
 * window and show only text.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-hostile-'));
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));
const dir = path.join(tmp, 'pack-\u001B[31mred\u001B]0;pwned\u0007');
writeHostilePack(dir);
const catalog: Catalog = loadCatalog({extraDirs: [dir]});
const levels = playableLevels(catalog).map((entry) => entry.level);

const SIZES: readonly Size[] = [
	{columns: 80, rows: 24},
	{columns: 40, rows: 10},
	{columns: 120, rows: 40},
];

let game: Game | undefined;
afterEach(() => game?.stop());

/** The frame once `keys` are handled and `until` holds; it must be intact and hold nothing of the escape sequences. */
async function step(keys: string, size: Size, until: (frame: string) => boolean = () => true): Promise<string> {
	if (keys) game!.type(keys);
	await settle(game!);
	const frame = await waitForGame(game!, until);
	expect(frameProblems(frame, size), `after ${JSON.stringify(keys)}`).toEqual([]);
	// Nothing pushed the key hints off the bottom row (a line break inside a one-row title would).
	expect(frame.split('\n').at(-1), `the last row after ${JSON.stringify(keys)}`).toMatch(/^(↑\/↓|Enter|←\/→|Esc) |^This goal checks/u);
	// Colour is off: any escape in the output would have come from a level.
	expect(game!.raw()).not.toMatch(/[\u001B\u009B]/u);
	expect(frame).not.toMatch(/pwned|\[2J|\[31m/u);
	return frame;
}

describe('hostile text in level files', () => {
	it('loads every level (the text is cleaned, not refused) and reports the broken one', () => {
		expect(levels).toHaveLength(25);
		const broken = catalog.packs.flatMap((pack) => pack.levels.filter((entry) => !entry.ok));
		expect(broken).toHaveLength(1);
		for (const level of levels) {
			const texts = [level.title, level.chapter, level.story, level.briefing.question, level.objective, ...level.hints, ...level.goals.map((goal) => goal.description)];
			for (const text of texts) expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/u);
		}
	});

	it.each(SIZES)('the map at $columns×$rows lists the pack, the levels and the broken file safely', async (size) => {
		game = startGame({catalog, store: memoryProgressStore(), ...size});
		await step('', size, (frame) => frame.includes(`Solved 0/${levels.length}`));
		// Down to the broken file at the end of the pack, the list scrolling past every level.
		let frame = '';
		for (let index = 0; index < 30 && !/› ✗/u.test(frame); index++) frame = await step(KEY.down, size);
		expect(frame).toMatch(/› ✗ zz-漢字/u);
		expect(await step(KEY.enter, size)).toMatch(/cannot be\s+played until/u);
		await step('?', size, (frame) => /Keys/u.test(frame));
	});

	it.each(levels.map((level, index) => [level.id, index] as const))('%s: briefing, workbench, help, trace and level complete stay intact', {timeout: 20_000}, async (id, index) => {
		const size = SIZES[index % SIZES.length]!;
		const level = levels[index]!;
		game = startGame({catalog, store: memoryProgressStore(), ...size, initialLevelId: id});
		await step('', size, (frame) => /Enter start/u.test(frame) || frame.includes('Enter'));
		await step(KEY.pageDown, size);
		await step(KEY.enter, size, (frame) => frame.includes('›'));
		for (let page = 0; page < 2; page++) await step(KEY.ctrlN, size);
		await step('?', size, (frame) => /Keys/u.test(frame));
		await step(KEY.esc, size, (frame) => frame.includes('›'));
		await step(KEY.ctrlG, size);
		// The first goal's trace (a state goal has none: a notice says so and the prompt keeps the keys).
		if (/Hop \d+ of \d+/u.test(await step(KEY.enter, size))) {
			await step(KEY.right, size);
			await step(KEY.esc, size, (frame) => frame.includes('›'));
		}
		const lines = level.solution.filter((line) => line.trim() && !line.trim().startsWith('#'));
		for (const line of lines) await step(`${KEY.ctrlU}${line}\r`, size);
		await step('', size, (frame) => frame.includes('Level complete'));
		await step(KEY.pageDown, size);
		await step(KEY.esc, size, (frame) => !frame.includes('Level complete'));
	});
});

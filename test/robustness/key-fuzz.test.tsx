import {afterEach, describe, expect, it} from 'vitest';
import {replayDraft} from '../../src/game/index.js';
import {builtInLevelsDir, findLevel, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {memoryProgressStore} from '../../src/store/memory-store.js';
import {type Game, KEY, startGame, waitForGame} from './support/game.js';
import {type Random, seeded} from './support/random.js';
import {frameProblems} from './support/screen.js';

/**
 * Any key sequence never crashes the UI. Thousands of random keys and pastes
 * per seed — control characters, escape sequences real terminals send (and
 * broken ones), wide and combining Unicode, and real command lines from the
 * levels so the session, commands and engine run too — go through the real
 * app's stdin over the built-in campaign, with resizes now and then. After
 * every key: no exception, the app has not failed, the frame fits the window
 * and shows only text, and the key took less than two seconds (a hang shows
 * here). At the end every saved draft still replays.
 */

const catalog = loadCatalog({builtInDir: builtInLevelsDir()});
const levels = playableLevels(catalog).map((entry) => entry.level);

/** What terminals send, well-formed or not. */
const SPECIAL_KEYS: readonly string[] = [
	...Object.values(KEY),
	'\u001B[Z', // Shift+Tab
	'\u001BOP', '\u001B[15~', '\u001B[24~', // F1, F5, F12
	'\u001B[1;5C', '\u001B[1;3D', '\u001B[1;2A', // Ctrl/Alt/Shift+arrows
	'\u001Bb', '\u001Bf', '\u001B\u007F', // Alt+b, Alt+f, Alt+Backspace
	'\u001B[<0;10;5M', '\u001B[M !!', // mouse reports
	'\u001B[I', '\u001B[O', // focus in/out
	'\u001B[97;5u', '\u001B[13;2u', // kitty keyboard protocol
	'\u001B[', '\u001B[1;', '\u001BO', '\u001B[999999999999~', '\u001B]0;title\u0007', // broken or odd sequences
	'\u001B[200~pasted text\r\u001B[201~', // a bracketed paste
];

const CONTROLS = Array.from({length: 32}, (_, code) => String.fromCharCode(code)).concat(['\u007F', '\u0085', '\u009B', '\u009D']);
const TEXT = [...'abcdefghijklmnopqrstuvwxyz0123456789 .-/:?qjkbw', 'é', '漢字', '🚀', '👨‍👩‍👧', 'e\u0301', 'שלום', '\u202E', '\u200B', '\uFFFD', '\uD800', 'ﷺ', '\u00AD'];
const WORDS = [
	'help', 'hint', 'undo', 'reset', 'goals', 'check', 'show hosts', 'show routes', 'show firewall', 'dig travelbuddy.com', 'traceroute laptop travelbuddy.com',
	'curl laptop http://travelbuddy.com/', 'nc laptop 203.0.113.10 22', 'host ', 'dns add ', 'firewall ', 'route add ', 'sg ', 'nacl ', 'container ',
];
const COMMAND_LINES = levels.flatMap((level) => level.solution.filter((line) => line.trim() && !line.startsWith('#')));

/**
 * One random chunk of input: a key, a control byte, text, a word, a whole
 * command, or a paste of several. In the workbench of a level, now and then
 * the next line of that level's own solution, so levels get solved and the
 * level-complete screen and the next level are reached too.
 */
function chunk(random: Random, frame: string, progress: Map<string, number>): string {
	const level = levels.find((candidate) => frame.startsWith(candidate.title.slice(0, 20)));
	if (level && /^› /m.test(frame) && random.chance(0.25)) {
		const lines = level.solution.filter((line) => line.trim() && !line.startsWith('#'));
		const next = progress.get(level.id) ?? 0;
		progress.set(level.id, (next + 1) % Math.max(1, lines.length));
		return `\u0015${lines[next % Math.max(1, lines.length)] ?? ''}\r`;
	}
	const roll = random.next();
	if (roll < 0.3) return random.pick(SPECIAL_KEYS);
	if (roll < 0.4) return random.pick(CONTROLS);
	if (roll < 0.65) return random.pick(TEXT);
	if (roll < 0.78) return random.pick(WORDS);
	if (roll < 0.9) return `${random.pick(COMMAND_LINES)}${random.chance(0.7) ? '\r' : ''}`;
	if (roll < 0.98) return Array.from({length: 2 + random.int(6)}, () => random.pick([...WORDS, ...COMMAND_LINES, ...TEXT, '\r', '\t', '\u001B[A'])).join(random.pick(['', '\r', ' ', '\n']));
	// A huge paste: thousands of characters, now and then a megabyte.
	return random.pick(TEXT).repeat(random.chance(0.1) ? 1_000_000 : 200 + random.int(2000));
}

/** No key may take longer than this to handle (a hang shows here, not as a timeout of the whole run). */
const KEY_BUDGET_MS = 2000;

const SIZES = [
	{columns: 80, rows: 24},
	{columns: 40, rows: 10},
	{columns: 120, rows: 40},
	{columns: 20, rows: 5},
	{columns: 61, rows: 16},
	{columns: 1, rows: 1},
] as const;

/** How each screen can be recognised in a frame (big enough windows only). */
const SCREEN_MARKS: Record<string, RegExp> = {
	map: /Solved \d+\/\d+/,
	briefing: /Enter start/,
	workbench: /^› /m,
	trace: /Hop \d+ of \d+/,
	help: /Keys: /,
	complete: /Level complete/,
};

let game: Game | undefined;
afterEach(() => game?.stop());

/** Feeds `keys` random chunks from `seed` to the game, restarting it when the player's keys quit it. */
async function fuzz(seed: number, chunks: number): Promise<{quits: number; submitted: number; keys: number; seen: ReadonlySet<string>; solved: number}> {
	const random = seeded(seed);
	const store = memoryProgressStore();
	let size: {columns: number; rows: number} = SIZES[seed % SIZES.length]!;
	const start = (): Game => startGame({catalog, store, ...size});
	game = start();
	const recent: string[] = [];
	let quits = 0;
	let submitted = 0;
	const seen = new Set<string>();
	const solving = new Map<string, number>();
	let keys = 0;
	for (let step = 0; step < chunks; step++) {
		const input = chunk(random, game.frame(), solving);
		keys += input.length;
		recent.push(input);
		if (recent.length > 12) recent.shift();
		const where = () => `seed ${seed}, key ${step}, the last keys ${JSON.stringify(recent)}`;
		const started = performance.now();
		try {
			game.type(input);
		} catch (error) {
			throw new Error(`a key threw (${where()}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
		if (input.includes('\r')) submitted++;
		if (random.chance(0.02)) {
			size = random.pick(SIZES);
			game.resize(size.columns, size.rows);
			// The app re-lays out on the next tick (Ink first redraws the old tree at the new size).
			const now = size;
			await waitForGame(game, (frame) => frameProblems(frame, now).length === 0, 2000).catch(() => undefined);
		}
		// Let a lone Esc be read as Esc (Ink waits a tick to tell it from a sequence), and timers run.
		if (random.chance(0.2)) await new Promise((resolve) => setImmediate(resolve));
		const end = game.ended();
		if (end?.kind === 'error') throw new Error(`the UI failed (${where()}): ${String(end.error)}`);
		const frame = game.frame();
		expect(frameProblems(frame, size), where()).toEqual([]);
		expect(performance.now() - started, `time to handle the key (${where()})`).toBeLessThan(KEY_BUDGET_MS);
		for (const [screen, mark] of Object.entries(SCREEN_MARKS)) if (mark.test(frame)) seen.add(screen);
		if (end?.kind === 'quit') {
			quits++;
			game.stop();
			game = start();
		}
	}
	await new Promise((resolve) => setImmediate(resolve));
	expect(game.ended()?.kind).not.toBe('error');
	// What was saved is what the session applied: every draft replays on its level.
	for (const [id, progress] of Object.entries(store.allLevels())) {
		if (id === 'sandbox') continue;
		const level = findLevel(catalog, id)?.level;
		expect(level, `progress saved for an unknown level ${id}`).toBeDefined();
		const replay = replayDraft(level!, progress.draft);
		expect(replay.ok, `the saved draft of ${id} replays: ${JSON.stringify(progress.draft)}`).toBe(true);
	}
	const solved = Object.values(store.allLevels()).filter((progress) => progress.solved).length;
	return {quits, submitted, keys, seen, solved};
}

describe('random keys and pastes to the real UI', () => {
	const reached = new Set<string>();
	let solved = 0;

	it.each([1, 2, 3, 4, 5, 6])('seed %i: 1000 chunks (thousands of keys) never crash it, and every frame fits the window', {timeout: 60_000}, async (seed) => {
		const result = await fuzz(seed, 1000);
		expect(result.keys).toBeGreaterThan(3000);
		expect(result.submitted).toBeGreaterThan(100);
		for (const screen of result.seen) reached.add(screen);
		solved += result.solved;
	});

	it('reached every screen and solved levels on the way (the fuzz goes deep, not just round the map)', () => {
		expect([...reached].sort()).toEqual(Object.keys(SCREEN_MARKS).sort());
		expect(solved).toBeGreaterThan(0);
	});
});

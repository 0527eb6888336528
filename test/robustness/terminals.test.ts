import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {PROGRESS_FILE} from '../../src/store/file-store.js';
import {writeHostilePack} from './support/hostile.js';
import {frameProblems} from './support/screen.js';
import {exitStatus, gameCommand, hasTmux, lineModeRestored, ROOT, startTerminal, type Terminal} from './support/tmux.js';

/**
 * Odd terminals, with the real CLI in a real pseudo-terminal: no TTY at all,
 * TERM=dumb, NO_COLOR, a 40×10 window, resizes while typing, keys typed the
 * moment the first frame shows, hostile level text and a damaged progress
 * file on a real screen. Every screen read is checked to fit the window.
 */

const builtIn = playableLevels(loadCatalog({builtInDir: builtInLevelsDir()}));
const level = builtIn[0]!.level;
const solution = level.solution.filter((line) => line.trim() && !line.startsWith('#'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-terminals-'));
const terminals: Terminal[] = [];
afterAll(async () => {
	// The games save as they close: let them finish before their data directories go.
	await Promise.all(terminals.map((terminal) => terminal.stop()));
	fs.rmSync(tmp, {recursive: true, force: true});
});

/** The game in a new terminal; `env` is set on the game's command line (tmux sets TERM itself for the window). */
function open(args: string, size: {columns: number; rows: number}, env: Record<string, string> = {}): Terminal {
	const assignments = Object.entries({TERM: 'xterm-256color', ...env}).map(([name, value]) => `${name}=${value}`);
	const terminal = startTerminal(gameCommand(args, assignments.join(' ')), size);
	terminals.push(terminal);
	return terminal;
}

/** The game's frame on the real screen: the screen's rows without the empty ones below it. */
function frameOf(screen: string): string {
	return screen.replace(/\n+$/u, '');
}

// SGR sequences that set a colour (30–37, 90–97, 38;…, 40–47, 100–107, 48;…), as `capture-pane -e` shows them.
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9;]*)?m/u;

/** Plays the first level from the map to level complete, checking each screen on the way. */
async function playFirstLevel(terminal: Terminal, size: {columns: number; rows: number}, check: (screen: string) => void): Promise<void> {
	check(await terminal.waitFor((text) => text.includes('Solved 0/')));
	terminal.press('Enter');
	check(await terminal.waitFor((text) => text.includes('Enter start') || text.includes('Enter st')));
	terminal.press('Enter');
	check(await terminal.waitFor((text) => text.includes('commands 0') || /^›/mu.test(text)));
	for (const [index, line] of solution.entries()) {
		terminal.type(line);
		await terminal.waitFor((text) => text.includes(line.slice(-Math.min(12, size.columns - 8))));
		terminal.press('Enter');
		if (index < solution.length - 1) check(await terminal.waitFor((text) => text.includes(`commands ${index + 1}`) || text.includes(`${index + 1} · par`)));
	}
	check(await terminal.waitFor((text) => text.includes('Level complete')));
}

describe('without a terminal', () => {
	it('stdin and stdout not a TTY: says which subcommands work without one, exit 2, nothing written to disk, no escape sequence', () => {
		const dataDir = path.join(tmp, 'no-tty');
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.tsx', '--data-dir', dataDir], {cwd: ROOT, encoding: 'utf8', input: ''});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^netquest: the game needs a terminal \(stdin and stdout are not both a TTY\)\.\nWithout one, use:\n/u);
		expect(result.stderr).not.toMatch(/\u001B/u);
		expect(fs.existsSync(dataDir)).toBe(false);
	});
});

describe.skipIf(!hasTmux()).concurrent('odd terminals', () => {
	it('stdout piped from a real terminal: the same message, exit 2, and the terminal left in line mode', async ({expect}) => {
		const out = path.join(tmp, 'piped.txt');
		const terminal = open(`--data-dir ${path.join(tmp, 'piped')} > ${out}`, {columns: 80, rows: 24});
		const screen = await terminal.waitFor((text) => exitStatus(text) !== undefined);
		expect(exitStatus(screen)).toBe(2);
		expect(screen).toContain('netquest: the game needs a terminal');
		expect(fs.readFileSync(out, 'utf8')).toBe('');
		expect(lineModeRestored(terminal.lineSettings())).toBe(true);
		expect(terminal.alternateScreen()).toBe(false);
	});

	it('TERM=dumb: no colour, no alternate screen, the level plays to the end, and q leaves the terminal as it was', {timeout: 60_000}, async ({expect}) => {
		const size = {columns: 80, rows: 24};
		const dataDir = path.join(tmp, 'dumb');
		const terminal = open(`--data-dir ${dataDir}`, size, {TERM: 'dumb'});
		await playFirstLevel(terminal, size, (screen) => {
			expect(frameProblems(frameOf(screen), size)).toEqual([]);
			expect(terminal.screenWithEscapes()).not.toMatch(COLOUR);
			expect(terminal.alternateScreen()).toBe(false);
		});
		terminal.press('q');
		const after = await terminal.waitFor((text) => exitStatus(text) !== undefined);
		expect(exitStatus(after)).toBe(0);
		expect(terminal.cursorVisible()).toBe(true);
		expect(lineModeRestored(terminal.lineSettings())).toBe(true);
		expect(JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8'))).toMatchObject({levels: {[level.id]: {solved: true}}});
	});

	it('NO_COLOR: not one colour on the map, the briefing or the workbench (and without it, colours — so the check can fail)', {timeout: 60_000}, async ({expect}) => {
		const size = {columns: 100, rows: 30};
		const plain = open(`--data-dir ${path.join(tmp, 'no-color')}`, size, {NO_COLOR: '1'});
		await plain.waitFor((text) => text.includes('Solved 0/'));
		expect(plain.screenWithEscapes()).not.toMatch(COLOUR);
		plain.press('Enter');
		await plain.waitFor((text) => text.includes('Enter start'));
		expect(plain.screenWithEscapes()).not.toMatch(COLOUR);
		plain.press('Enter');
		plain.type('nonsense');
		plain.press('Enter');
		await plain.waitFor((text) => text.includes("unknown command 'nonsense'"));
		expect(plain.screenWithEscapes()).not.toMatch(COLOUR);
		const colourful = open(`--data-dir ${path.join(tmp, 'color')}`, size);
		await colourful.waitFor((text) => text.includes('Solved 0/'));
		expect(colourful.screenWithEscapes()).toMatch(COLOUR);
	});

	it('a 40×10 window: every screen fits, the level plays to the end', {timeout: 60_000}, async ({expect}) => {
		const size = {columns: 40, rows: 10};
		const terminal = open(`--data-dir ${path.join(tmp, 'tiny')}`, size);
		await playFirstLevel(terminal, size, (screen) => {
			expect(frameProblems(frameOf(screen), size)).toEqual([]);
			expect(terminal.rows()).toHaveLength(10);
		});
		terminal.press('C-c');
		expect(exitStatus(await terminal.waitFor((text) => exitStatus(text) !== undefined))).toBe(0);
	});

	it('resized again and again while typing: each size is drawn whole, nothing left over, no key lost', {timeout: 60_000}, async ({expect}) => {
		const size = {columns: 80, rows: 24};
		const terminal = open(`--data-dir ${path.join(tmp, 'resize')}`, size);
		await terminal.waitFor((text) => text.includes('Solved 0/'));
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('Enter start'));
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('commands 0'));
		const sizes = [
			{columns: 40, rows: 10},
			{columns: 120, rows: 40},
			{columns: 61, rows: 16},
			{columns: 30, rows: 8},
			{columns: 100, rows: 12},
			{columns: 80, rows: 24},
		];
		const [line] = solution;
		for (const [index, char] of [...line!].entries()) {
			terminal.type(char);
			if (index % 4 !== 0) continue;
			const next = sizes[(index / 4) % sizes.length]!;
			terminal.resize(next.columns, next.rows);
			// Drawn for the new size: the footer on the frame's last row, the header on the first, nothing below.
			const screen = await terminal.waitFor((text) => {
				const rows = text.replace(/\n$/u, '').split('\n');
				return rows.length === next.rows && rows.at(-1) === '' && /^(Enter|↑\/↓|Tab|…)|^[a-z-]+( [a-z-]+)*$|complete|·/u.test(rows.at(-2) ?? '') && frameProblems(frameOf(text), next).length === 0;
			});
			expect(frameProblems(frameOf(screen), next)).toEqual([]);
		}
		terminal.resize(80, 24);
		await terminal.waitFor((text) => text.includes(`› ${line}`));
		terminal.press('Enter');
		const screen = await terminal.waitFor((text) => text.includes('commands 1'));
		expect(frameProblems(frameOf(screen), size)).toEqual([]);
		expect(screen.split('\n')[0]).toMatch(/^Clients and servers/u);
	});

	it('keys typed the moment the first frame shows are read, not echoed over it', {timeout: 60_000}, async ({expect}) => {
		const size = {columns: 80, rows: 24};
		const terminal = open(`--data-dir ${path.join(tmp, 'type-ahead')}`, size);
		await terminal.waitFor((text) => text.includes('Solved 0/'));
		expect(lineModeRestored(terminal.lineSettings()), 'raw mode from the first frame').toBe(false);
		terminal.press('Enter');
		const screen = await terminal.waitFor((text) => text.includes('Enter start'));
		expect(screen.split('\n')[0]).toMatch(/^Clients and servers/u);
		expect(frameProblems(frameOf(screen), size)).toEqual([]);
	});

	it('hostile level text on a real screen: the layout holds', {timeout: 60_000}, async ({expect}) => {
		const size = {columns: 80, rows: 24};
		const pack = path.join(tmp, 'hostile-pack');
		const hostile = writeHostilePack(pack, 'evil-');
		const terminal = open(`--data-dir ${path.join(tmp, 'hostile')} --levels ${pack}`, size);
		let screen = await terminal.waitFor((text) => text.includes(`Solved 0/${builtIn.length + hostile.length}`));
		expect(frameProblems(frameOf(screen), size)).toEqual([]);
		// Down past the built-in campaign to the hostile pack's first level, and into its workbench.
		for (let step = 0; step < builtIn.length; step++) terminal.press('Down');
		screen = await terminal.waitFor((text) => /^› .*漢字/mu.test(text));
		expect(frameProblems(frameOf(screen), size)).toEqual([]);
		terminal.press('Enter');
		screen = await terminal.waitFor((text) => text.includes('Enter start'));
		expect(frameProblems(frameOf(screen), size)).toEqual([]);
		terminal.press('Enter');
		screen = await terminal.waitFor((text) => text.includes('commands 0'));
		expect(frameProblems(frameOf(screen), size)).toEqual([]);
		expect(screen.split('\n')).toHaveLength(25);
		expect(screen.split('\n')[22]).toMatch(/^Enter run/u);
		expect(terminal.screenWithEscapes()).not.toMatch(/\u001B\](?:0|2);/u);
	});

	it('a damaged progress file: the real game starts, says where the file was kept, and the next start is clean', {timeout: 60_000}, async ({expect}) => {
		const dataDir = path.join(tmp, 'damaged');
		fs.mkdirSync(dataDir, {recursive: true});
		fs.writeFileSync(path.join(dataDir, PROGRESS_FILE), '{"formatVersion": 1, "levels": {"00-cli');
		const first = open(`--data-dir ${dataDir}`, {columns: 120, rows: 30});
		const screen = await first.waitFor((text) => text.includes('Solved 0/'));
		expect(screen.replace(/\s+/gu, ' ')).toContain(`kept as ${path.join(dataDir, PROGRESS_FILE)}.corrupt-1`);
		first.press('q');
		expect(exitStatus(await first.waitFor((text) => exitStatus(text) !== undefined))).toBe(0);
		expect(fs.readFileSync(path.join(dataDir, `${PROGRESS_FILE}.corrupt-1`), 'utf8')).toBe('{"formatVersion": 1, "levels": {"00-cli');
		const second = open(`--data-dir ${dataDir}`, {columns: 120, rows: 30});
		expect(await second.waitFor((text) => text.includes('Solved 0/'))).not.toContain('⚠');
	});
});

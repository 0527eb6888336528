import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, it} from 'vitest';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {PROGRESS_FILE} from '../../src/store/file-store.js';
import {alive, exitStatus, gameCommand, hasTmux, lineModeRestored, startTerminal, type Terminal} from './support/tmux.js';

/**
 * Interrupts at any point: Ctrl+C, or SIGTERM / SIGINT / SIGHUP sent to the
 * game's process, on every screen. Each time, in a real terminal: the
 * process ends, the terminal is given back as it was (main screen, cursor
 * visible, line mode and echo on, no frame left behind), and the work in
 * progress is on disk.
 */

const level = playableLevels(loadCatalog({builtInDir: builtInLevelsDir()}))[0]!.level;
const [line1, line2] = level.solution.filter((line) => line.trim() && !line.startsWith('#')) as [string, string];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-interrupt-'));
const terminals: Terminal[] = [];
afterAll(async () => {
	// The games save as they close: let them finish before their data directories go.
	await Promise.all(terminals.map((terminal) => terminal.stop()));
	fs.rmSync(tmp, {recursive: true, force: true});
});

type Screen = 'map' | 'briefing' | 'workbench' | 'trace' | 'help' | 'complete';
type Interrupt = 'Ctrl+C' | 'SIGTERM' | 'SIGINT' | 'SIGHUP';

/** Drives the first level to `screen`, typing its first solution line on the way when the screen is past the briefing. */
async function reach(terminal: Terminal, screen: Screen): Promise<void> {
	await terminal.waitFor((text) => text.includes('Solved 0/'));
	if (screen === 'map') return;
	terminal.press('Enter');
	await terminal.waitFor((text) => text.includes('Enter start'));
	if (screen === 'briefing') return;
	terminal.press('Enter');
	await terminal.waitFor((text) => text.includes('commands 0'));
	terminal.type(line1);
	await terminal.waitFor((text) => text.includes(line1.slice(-15)));
	terminal.press('Enter');
	await terminal.waitFor((text) => text.includes('commands 1'));
	if (screen === 'workbench') {
		// And a line typed but not run yet.
		terminal.type('show ho');
		await terminal.waitFor((text) => text.includes('› show ho'));
		return;
	}
	if (screen === 'trace') {
		terminal.press('C-g');
		await terminal.waitFor((text) => text.includes('Enter trace it'));
		terminal.press('Enter');
		await terminal.waitFor((text) => /Hop \d+ of \d+/u.test(text));
		return;
	}
	if (screen === 'help') {
		terminal.type('?');
		await terminal.waitFor((text) => text.includes('Keys: Workbench'));
		return;
	}
	terminal.type(line2);
	await terminal.waitFor((text) => text.includes(line2.slice(-15)));
	terminal.press('Enter');
	await terminal.waitFor((text) => text.includes('Level complete'));
}

const SCREENS: readonly Screen[] = ['map', 'briefing', 'workbench', 'trace', 'help', 'complete'];
// SIGTERM on every screen (netquest's own handler); Ctrl+C, which Ink handles the same way everywhere, on
// two (and on the workbench in test/e2e/play.test.ts); SIGINT from outside on one.
const CASES: [Screen, Interrupt][] = [
	...SCREENS.map((screen): [Screen, Interrupt] => [screen, 'SIGTERM']),
	['map', 'Ctrl+C'],
	['trace', 'Ctrl+C'],
	['workbench', 'SIGINT'],
];

describe.skipIf(!hasTmux()).concurrent('interrupts', () => {
	it.for(CASES)('on the %s, %s: the terminal is restored and the work is on disk', {timeout: 60_000}, async ([screen, interrupt], {expect}) => {
		const dataDir = path.join(tmp, `${screen}-${interrupt}`);
		const terminal = startTerminal(gameCommand(`--data-dir ${dataDir}`), {columns: 100, rows: 30, env: {TERM: 'xterm-256color'}});
		terminals.push(terminal);
		await reach(terminal, screen);
		expect(terminal.alternateScreen(), 'the game draws on the alternate screen').toBe(true);
		expect(lineModeRestored(terminal.lineSettings()), 'the game reads keys in raw mode').toBe(false);
		if (interrupt === 'Ctrl+C') {
			terminal.press('C-c');
		} else {
			const pid = terminal.pidOf(/src\/cli\.tsx/u);
			expect(pid).toBeDefined();
			process.kill(pid!, interrupt);
		}
		const after = await terminal.waitFor((text) => exitStatus(text) !== undefined);
		// Ctrl+C is quitting; a signal ends the game as the CLI decides (1 today; 128 + the signal once it passes codes through).
		expect(interrupt === 'Ctrl+C' ? [0] : [1, interrupt === 'SIGTERM' ? 143 : 130]).toContain(exitStatus(after));
		expect(after.trim(), 'nothing of the game is left on the screen').toMatch(/^\[exit \d+\]$/u);
		expect(terminal.alternateScreen()).toBe(false);
		expect(terminal.cursorVisible()).toBe(true);
		expect(lineModeRestored(terminal.lineSettings())).toBe(true);
		const progress = JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as {levels: Record<string, {draft: string[]; solved: boolean}>};
		if (screen === 'map' || screen === 'briefing') expect(progress.levels[level.id]).toBeUndefined();
		else if (screen === 'complete') expect(progress.levels[level.id]).toMatchObject({solved: true, draft: [line1, line2]});
		else expect(progress.levels[level.id]).toMatchObject({solved: false, draft: [line1]});
		await terminal.stop();
	});

	it('the terminal closed under the game (SIGHUP): the process ends and the draft is on disk', {timeout: 60_000}, async ({expect}) => {
		const dataDir = path.join(tmp, 'hangup');
		const terminal = startTerminal(gameCommand(`--data-dir ${dataDir}`), {columns: 100, rows: 30, env: {TERM: 'xterm-256color'}});
		terminals.push(terminal);
		await reach(terminal, 'workbench');
		const pid = terminal.pidOf(/src\/cli\.tsx/u)!;
		await terminal.stop();
		expect(alive(pid), 'the game ended with its terminal').toBe(false);
		const progress = JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as {levels: Record<string, {draft: string[]}>};
		expect(progress.levels[level.id]).toMatchObject({draft: [line1]});
	});
});

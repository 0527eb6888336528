import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {execute} from '../../src/commands/index.js';
import {grade} from '../../src/engine/grade.js';
import {builtInLevelsDir, loadCatalog} from '../../src/levels/load.js';
import type {Level} from '../../src/levels/schema.js';
import {hasTmux, startTerminal, type Terminal} from '../robustness/support/tmux.js';

/**
 * End to end, in a real pseudo-terminal: play the first built-in level to
 * completion by typing its reference solution, leave, start again, and find
 * the level solved and the work in progress on the second level restored.
 */

const levels = loadCatalog({builtInDir: builtInLevelsDir()}).packs.flatMap((pack) => pack.levels.flatMap((entry) => (entry.ok ? [entry.level] : [])));

/** A configuration command for `level` that applies but does not solve it (a draft to leave behind). */
function harmlessCommand(level: Level): string | undefined {
	const fromSolution = level.solution.filter((line) => line.trim() && !line.trim().startsWith('#'));
	const variants = fromSolution.flatMap((line) => [line, line.replace(/(\d+\.\d+\.\d+\.)\d+/, '$199')]);
	const candidates = [...(fromSolution.length > 1 ? variants : variants.slice(1)), 'dns add e2e.example A 203.0.113.99'];
	return candidates.find((text) => {
		const result = execute(level.network, text, level.commands ? {allowed: level.commands} : {});
		return result.kind === 'changed' && !grade(result.network, level.goals).solved;
	});
}

let terminal: Terminal | undefined;
let dataDir: string | undefined;
afterEach(() => {
	terminal?.close();
	if (dataDir) fs.rmSync(dataDir, {recursive: true, force: true});
});

describe.skipIf(!hasTmux() || levels.length < 2)('playing in a terminal', () => {
	it('plays the first level with its solution, then finds it solved and the next level’s draft restored', {timeout: 120_000}, async () => {
		const [first, second] = levels as [Level, Level];
		const draft = harmlessCommand(second);
		expect(draft, 'a configuration command that leaves the second level unsolved').toBeDefined();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-e2e-'));
		// The shell stays a while after the game so its last words stay on the screen.
		const command = `npx tsx src/cli.tsx --data-dir ${dataDir}; echo "[exit $?]"; sleep 60`;
		// CI=true on purpose: many shells (and CI) set it, and the game must still draw every frame.
		const env = {NO_COLOR: '1', TERM: 'xterm-256color', CI: 'true'};

		terminal = startTerminal(command, {columns: 80, rows: 24, env});
		await terminal.waitFor((screen) => screen.includes(`›   ☆☆☆ ${first.title}  ◆ next`));
		terminal.press('Enter');
		await terminal.waitFor((screen) => screen.includes(first.briefing.question.slice(0, 30)));
		terminal.press('Enter');
		await terminal.waitFor((screen) => screen.includes('Output') && screen.includes('›'));
		for (const line of first.solution.filter((text) => text.trim() && !text.trim().startsWith('#'))) {
			terminal.type(line);
			await terminal.waitFor((screen) => screen.includes(line.slice(-20)));
			terminal.press('Enter');
		}
		let screen = await terminal.waitFor((text) => text.includes('Level complete'));
		expect(screen).toContain('✓ Solved: every goal passes');
		expect(screen).toContain(`Next: ${second.title}`);

		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes(second.briefing.question.slice(0, 30)));
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('commands 0'));
		terminal.type(draft!);
		await terminal.waitFor((text) => text.includes(draft!.slice(-20)));
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('commands 1'));
		terminal.press('Escape');
		await terminal.waitFor((text) => text.includes('Enter back to work'));
		terminal.press('Escape');
		await terminal.waitFor((text) => text.includes('Solved 1/'));
		terminal.press('q');
		screen = await terminal.waitFor((text) => text.includes('[exit 0]'));
		expect(screen.trim()).toBe('[exit 0]');
		expect(terminal.cursorVisible()).toBe(true);
		terminal.close();

		terminal = startTerminal(command, {columns: 80, rows: 24, env});
		screen = await terminal.waitFor((text) => text.includes('Solved 1/'));
		expect(screen).toMatch(new RegExp(`✓ ★+☆* ${escape(first.title)}`));
		expect(screen).toMatch(new RegExp(`› … ☆☆☆ ${escape(second.title)}  ◆ next`));
		terminal.press('Enter');
		screen = await terminal.waitFor((text) => text.includes('Your saved work (1 command) will be restored.'));
		terminal.press('Enter');
		screen = await terminal.waitFor((text) => text.includes('commands 1'));
		terminal.press('C-c');
		screen = await terminal.waitFor((text) => text.includes('[exit 0]'));
		expect(terminal.cursorVisible()).toBe(true);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

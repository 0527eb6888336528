import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {PROGRESS_FILE} from '../../src/store/file-store.js';
import {exitStatus, gameCommand, hasTmux, startTerminal, type Terminal} from './support/tmux.js';

/**
 * A full disk under the real game (root only: the data directory is a
 * tmpfs of 512 KiB, filled up while the game runs, always unmounted). A save
 * that fails is said where the player is (workbench, level complete), kept,
 * and retried: once space is freed, it is on disk without another keypress.
 * Quitting with unsaved progress says so, writes a copy elsewhere (its path
 * printed), and exits non-zero.
 */

const isRoot = process.getuid?.() === 0;
const levels = playableLevels(loadCatalog({builtInDir: builtInLevelsDir()})).map((entry) => entry.level);
const linesOf = (lines: readonly string[]) => lines.filter((line) => line.trim() && !line.startsWith('#'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-full-'));
const disk = path.join(tmp, 'disk');
const elsewhere = path.join(tmp, 'elsewhere');
let mounted = false;
let terminal: Terminal | undefined;
afterAll(async () => {
	await terminal?.stop();
	if (mounted) execFileSync('umount', [disk]);
	fs.rmSync(tmp, {recursive: true, force: true});
});

/** Fills the disk to the last byte. */
function fill(): void {
	const filler = path.join(disk, 'filler');
	const block = Buffer.alloc(64 * 1024);
	const fd = fs.openSync(filler, 'a');
	try {
		for (;;) fs.writeSync(fd, block);
	} catch {
		// ENOSPC: full.
	} finally {
		fs.closeSync(fd);
	}
	// Whatever is left below a block too.
	try {
		for (;;) fs.appendFileSync(filler, 'x');
	} catch {
		// Full to the byte.
	}
}

function saved(): {levels: Record<string, {solved: boolean}>} {
	return JSON.parse(fs.readFileSync(path.join(disk, 'netquest', PROGRESS_FILE), 'utf8')) as ReturnType<typeof saved>;
}

/** Types a level's solution in the workbench, line by line. */
async function solve(lines: readonly string[]): Promise<string> {
	for (const [index, line] of lines.entries()) {
		terminal!.type(line);
		await terminal!.waitFor((text) => text.includes(line.slice(-15)));
		terminal!.press('Enter');
		if (index < lines.length - 1) await terminal!.waitFor((text) => text.includes(`commands ${index + 1}`));
	}
	return terminal!.waitFor((text) => text.includes('Level complete'));
}

describe.skipIf(!isRoot || !hasTmux())('a full disk (root: a small tmpfs)', () => {
	it('says where the player is that progress is not saved, saves it once space is freed, and on quit writes a copy elsewhere and exits 1', {timeout: 90_000}, async () => {
		fs.mkdirSync(disk);
		fs.mkdirSync(elsewhere);
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk]);
		mounted = true;
		const dataDir = path.join(disk, 'netquest');
		terminal = startTerminal(gameCommand(`--data-dir ${dataDir}`, `TMPDIR=${elsewhere}`), {columns: 100, rows: 30, env: {TERM: 'xterm-256color'}});
		await terminal.waitFor((text) => text.includes('Solved 0/'));
		fill();
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('Enter start'));
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('commands 0'));
		const [one, two] = levels as [(typeof levels)[number], (typeof levels)[number]];
		await solve(linesOf(one.solution));
		let screen = await terminal.waitFor((text) => text.includes('Level complete') && text.includes('⚠ Progress not saved'));
		expect(screen).toMatch(/no space left on device/iu);
		// Space freed: the retry saves it, and the warning goes, with no key pressed.
		fs.rmSync(path.join(disk, 'filler'));
		await terminal.waitFor((text) => !text.includes('⚠ Progress not saved'));
		expect(saved().levels[one.id]).toMatchObject({solved: true});

		// Full again: the next level is solved but cannot be saved; quitting says so.
		fill();
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('Enter start'));
		terminal.press('Enter');
		await terminal.waitFor((text) => text.includes('commands 0'));
		await solve(linesOf(two.solution));
		// Said as soon as the save that failed has been tried (the frame that completes the level comes first).
		await terminal.waitFor((text) => text.includes('Level complete') && text.includes('⚠ Progress not saved'));
		terminal.type('q');
		screen = await terminal.waitFor((text) => exitStatus(text) !== undefined);
		expect(exitStatus(screen)).toBe(1);
		expect(screen).toContain('your progress is NOT saved');
		const copies = fs.readdirSync(elsewhere).filter((name) => name.startsWith('netquest-unsaved-progress-'));
		expect(copies).toHaveLength(1);
		expect(screen.replace(/\s+/gu, '')).toContain(path.join(elsewhere, copies[0]!).replace(/\s+/gu, ''));
		const copy = JSON.parse(fs.readFileSync(path.join(elsewhere, copies[0]!), 'utf8')) as {levels: Record<string, {solved: boolean}>};
		expect(copy.levels[one.id]).toMatchObject({solved: true});
		expect(copy.levels[two.id]).toMatchObject({solved: true});
		expect(saved().levels[two.id]?.solved).not.toBe(true);
		await terminal.stop();
		terminal = undefined;
	});
});

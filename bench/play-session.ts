/**
 * A scripted play session in a pseudo-terminal, the way a player uses the
 * game: open a level from the campaign map, type its reference solution in
 * the workbench (the first lines key by key, timing each key until its echo
 * is on screen, then whole lines as a paste), solve it, go back to the map,
 * and read the process's peak memory before quitting.
 */
import {setTimeout as sleep} from 'node:timers/promises';
import {type PtySession, peakRssMb, startPty} from './pty.js';

/** What the session needs to know about the level it plays. */
export type SessionLevel = {
	readonly title: string;
	/** Its position among the map's levels (0 = the first level), reached with Home then ↓. */
	readonly mapIndex: number;
	/** The start of its briefing's first line (proves the briefing is on screen). */
	readonly briefingText: string;
	/** The reference solution: configuration commands only, in order. */
	readonly commands: readonly string[];
};

/** What the session measured. */
export type SessionResult = {
	/** Key → echo on screen, ms, one per key typed. */
	readonly keyLatencies: number[];
	/** Enter → the command's result on screen (the header's command count), ms. */
	readonly commandLatencies: number[];
	/** VmHWM of the game process after the session, MB (undefined when /proc is unreadable). */
	readonly peakRssMb: number | undefined;
};

const HOME = '\u001B[H';
const ENTER = '\r';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Plays `level` in `bundle` (node <bundle> --data-dir <dataDir>) in a
 * `columns`×`rows` terminal. Keys are typed one at a time, each after the
 * previous echo plus `pauseMs` (a fast typist: the game's renderer draws at
 * most 30 frames a second, so keys closer than 33 ms share frames). At least
 * `minKeys` keys are timed; the remaining commands are pasted. Rejects when
 * a screen it waits for does not appear within 20 s.
 */
export async function playSession(options: {
	readonly bundle: string;
	/** Flags for node before the bundle (none by default: the game as the bin runs it). */
	readonly nodeFlags?: readonly string[];
	readonly dataDir: string;
	readonly level: SessionLevel;
	readonly columns: number;
	readonly rows: number;
	readonly minKeys: number;
	readonly pauseMs: number;
}): Promise<SessionResult> {
	const {level} = options;
	const session = startPty(['node', ...(options.nodeFlags ?? []), options.bundle, '--data-dir', options.dataDir], {columns: options.columns, rows: options.rows});
	const keyLatencies: number[] = [];
	const commandLatencies: number[] = [];
	try {
		await session.waitFor((text) => text.includes('TravelBuddy'), {what: 'the map'});
		await sleep(200);
		let mark = session.mark();
		// One key at a time, each after the frame of the one before: keys that
		// reach the game in one chunk arrive as one input, which the map ignores.
		session.write(HOME);
		await sleep(150);
		for (let step = 0; step < level.mapIndex; step++) {
			const chunks = session.chunkCount();
			session.write('j');
			await session.waitForChunk(chunks, {what: 'the map moving down'});
			await sleep(30);
		}
		const selected = new RegExp(`›[^\\n]{0,12}${escapeRegExp(level.title)}`, 'u');
		await session.waitFor((text) => selected.test(text), {from: mark, what: `${level.title} selected on the map`});
		await sleep(100);
		mark = session.mark();
		session.write(ENTER);
		await session.waitFor((text) => text.includes(level.briefingText), {from: mark, what: 'the briefing'});
		await sleep(100);
		mark = session.mark();
		session.write(ENTER);
		await session.waitFor((text) => text.includes('commands 0'), {from: mark, what: 'the workbench'});
		await sleep(200);
		for (const [index, command] of level.commands.entries()) {
			if (keyLatencies.length < options.minKeys) {
				await typeKeys(session, command, options.pauseMs, keyLatencies);
			} else {
				mark = session.mark();
				session.write(command);
				await session.waitFor((text) => text.includes(`› ${command}`), {from: mark, what: `the pasted command ${command}`});
				await sleep(options.pauseMs);
			}
			mark = session.mark();
			const sent = session.write(ENTER);
			const last = index === level.commands.length - 1;
			const expected = last ? 'Level complete' : `commands ${index + 1}`;
			const shown = await session.waitFor((text) => text.includes(expected), {from: mark, what: expected});
			commandLatencies.push(shown - sent);
			await sleep(100);
		}
		mark = session.mark();
		session.write('m');
		await session.waitFor((text) => text.includes('Solved 1/'), {from: mark, what: 'the map with the level solved'});
		await sleep(200);
		const pid = session.programPid();
		const peak = pid === undefined ? undefined : peakRssMb(pid);
		session.write('q');
		await Promise.race([session.exited, sleep(5000)]);
		return {keyLatencies, commandLatencies, peakRssMb: peak};
	} finally {
		session.kill();
		await session.exited;
	}
}

/**
 * Types `text` key by key, pushing each key's latency: from the write to the
 * frame that shows `› <typed so far>`. A frame ends no line with spaces, so a
 * key that types a space is timed to the first output after it (the frame
 * that moves the cursor).
 */
async function typeKeys(session: PtySession, text: string, pauseMs: number, latencies: number[]): Promise<void> {
	for (let end = 1; end <= text.length; end++) {
		const typed = text.slice(0, end);
		const mark = session.mark();
		const chunks = session.chunkCount();
		const sent = session.write(text[end - 1]!);
		const what = `the echo of ${JSON.stringify(typed)}`;
		const shown = typed.endsWith(' ')
			? await session.waitForChunk(chunks, {what})
			: await session.waitFor((screen) => screen.includes(`› ${typed}`), {from: mark, what});
		latencies.push(shown - sent);
		await sleep(pauseMs);
	}
}

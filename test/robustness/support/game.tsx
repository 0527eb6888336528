import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import React from 'react';
import {render} from 'ink';
import type {Catalog} from '../../../src/levels/load.js';
import type {ProgressStore} from '../../../src/store/progress.js';
import {App} from '../../../src/ui/app.js';
import {FakeStdin} from '../../../src/ui/test-helpers/fake-stdin.js';

/**
 * The real game (`App` over the real session rules, engine and commands) in
 * fake terminal streams, rendered by Ink as the CLI does (Ctrl+C exits), so a
 * test can type keys, read the latest frame, resize the window and learn how
 * the app ended: quit by the player, or failed with an error.
 */

/** A stdout of a given size that keeps the latest frame (Ink's debug mode writes whole frames). */
class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	columns: number;
	rows: number;
	frame = '';
	frames = 0;
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}
	write(chunk: string): boolean {
		this.frame = chunk;
		this.frames++;
		return true;
	}
}

/** How the app ended. */
export type GameEnd = {readonly kind: 'quit'} | {readonly kind: 'error'; readonly error: unknown};

/** A running game. */
export type Game = {
	/** Types a chunk of bytes (one key, or a paste). */
	type(chunk: string): void;
	/** The latest frame, as written (colour escapes included when colour is on). */
	raw(): string;
	/** The latest frame without escape sequences. */
	frame(): string;
	/** Sets the window size and tells the app (a SIGWINCH). */
	resize(columns: number, rows: number): void;
	readonly size: () => {columns: number; rows: number};
	/** How many frames Ink has written so far. */
	frames(): number;
	/** Set once the app has ended. */
	ended(): GameEnd | undefined;
	/** Unmounts the app (what the CLI does when the process ends). */
	stop(): void;
	/** Resolves with how the app ended. */
	readonly done: Promise<GameEnd>;
};

/** What the game is started with. */
export type GameOptions = {
	readonly catalog: Catalog;
	readonly store: ProgressStore;
	readonly columns?: number;
	readonly rows?: number;
	readonly color?: boolean;
	readonly initialLevelId?: string;
};

/** Starts the real game in fake 80×24 (or the given size) terminal streams. */
export function startGame(options: GameOptions): Game {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout(options.columns ?? 80, options.rows ?? 24);
	const stderr = new FakeStdout(options.columns ?? 80, options.rows ?? 24);
	const instance = render(
		<App catalog={options.catalog} store={options.store} color={options.color ?? false} {...(options.initialLevelId ? {initialLevelId: options.initialLevelId} : {})} />,
		{
			stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			debug: true,
			exitOnCtrlC: true,
			patchConsole: false,
		},
	);
	let end: GameEnd | undefined;
	const done = instance.waitUntilExit().then(
		(): GameEnd => (end = {kind: 'quit'}),
		(error: unknown): GameEnd => (end = {kind: 'error', error}),
	);
	return {
		type: (chunk) => stdin.write(chunk),
		raw: () => stdout.frame,
		frame: () => stripVTControlCharacters(stdout.frame),
		resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		size: () => ({columns: stdout.columns, rows: stdout.rows}),
		frames: () => stdout.frames,
		ended: () => end,
		stop() {
			instance.unmount();
			instance.cleanup();
		},
		done,
	};
}

/** Waits until the frame satisfies `predicate` (polling, no fixed sleep); fails with the frame after `timeout` ms. */
export async function waitForGame(game: Game, predicate: (frame: string) => boolean, timeout = 5000): Promise<string> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const frame = game.frame();
		if (predicate(frame)) return frame;
		const end = game.ended();
		if (end?.kind === 'error') throw new Error(`the game failed: ${String(end.error)}\nlast frame:\n${frame}`);
		if (Date.now() > deadline) throw new Error(`the game never showed what was expected; the last frame:\n${frame}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/**
 * Waits until the app has handled what was typed: Ink reads a lone Esc on a
 * later tick and React commits renders asynchronously, so this polls until a
 * few ticks pass without a new frame (no fixed sleep; a deadline).
 */
export async function settle(game: Game, timeout = 2000): Promise<string> {
	const deadline = Date.now() + timeout;
	let quiet = 0;
	let frames = game.frames();
	while (quiet < 3 && Date.now() < deadline) {
		await new Promise((resolve) => setImmediate(resolve));
		const now = game.frames();
		quiet = now === frames ? quiet + 1 : 0;
		frames = now;
	}
	return game.frame();
}

/** Keys as the terminal sends them. */
export const KEY = {
	enter: '\r',
	esc: '\u001B',
	tab: '\t',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	backspace: '\u007F',
	delete: '\u001B[3~',
	ctrlC: '\u0003',
	ctrlG: '\u0007',
	ctrlN: '\u000E',
	ctrlT: '\u0014',
	ctrlU: '\u0015',
} as const;

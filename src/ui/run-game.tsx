import React from 'react';
import {render} from 'ink';
import type {Catalog} from '../levels/load.js';
import type {ProgressStore} from '../store/progress.js';
import {App} from './app.js';

/**
 * The game's entry point for the CLI: renders the app in the terminal and
 * resolves with an exit code when the player leaves (q, or Ctrl+C). The
 * game draws on the terminal's alternate screen, so the terminal is left as
 * it was, cursor visible; screen-reader mode writes a plain transcript instead.
 */

/** What `runGame` needs. */
export type RunGameOptions = {
	readonly catalog: Catalog;
	readonly store: ProgressStore;
	/** Open this level's briefing first (`sandbox` for the sandbox). */
	readonly initialLevelId?: string;
	/** Colour wanted by the caller (`--no-color`, settings); `NO_COLOR` in `env` turns it off too. */
	readonly color: boolean;
	readonly stdin?: NodeJS.ReadStream;
	readonly stdout?: NodeJS.WriteStream;
	readonly stderr?: NodeJS.WriteStream;
	/** Read for NO_COLOR and INK_SCREEN_READER; defaults to process.env. */
	readonly env?: NodeJS.ProcessEnv;
};

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/** Whether colour may be used: asked for, and no `NO_COLOR` (any non-empty value, see no-color.org). */
export function colorEnabled(wanted: boolean, env: NodeJS.ProcessEnv): boolean {
	return wanted && !env['NO_COLOR'];
}

/** Runs the game until the player quits; 0 on a normal exit, 1 if the UI failed. */
export async function runGame(options: RunGameOptions): Promise<number> {
	const env = options.env ?? process.env;
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const screenReader = env['INK_SCREEN_READER'] === 'true';
	const fullScreen = stdout.isTTY === true && !screenReader;
	let restored = false;
	const restore = (): void => {
		if (restored) return;
		restored = true;
		if (fullScreen) stdout.write(LEAVE_ALTERNATE_SCREEN);
		stdout.write(SHOW_CURSOR);
	};
	if (fullScreen) stdout.write(ENTER_ALTERNATE_SCREEN);
	// Leave the alternate screen even if the process ends without unmounting (a signal, process.exit).
	process.once('exit', restore);
	const instance = render(
		<App catalog={options.catalog} store={options.store} initialLevelId={options.initialLevelId} color={colorEnabled(options.color, env)} />,
		{
			stdout,
			stderr,
			...(options.stdin ? {stdin: options.stdin} : {}),
			exitOnCtrlC: true,
			// Stray console output would tear the frame on the process's own terminal.
			patchConsole: stdout === process.stdout,
			isScreenReaderEnabled: screenReader,
		},
	);
	try {
		await instance.waitUntilExit();
		return 0;
	} catch (error) {
		restore();
		stderr.write(`netquest: the game stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}\nYour saved work is kept.\n`);
		return 1;
	} finally {
		process.off('exit', restore);
		restore();
	}
}

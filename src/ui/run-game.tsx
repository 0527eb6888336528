import React from 'react';
import type {Instance} from 'ink';
import type {Catalog} from '../levels/catalog.js';
import type {ProgressStore} from '../store/progress.js';
import {type FirstScreenOptions, firstScreenText} from './first-screen.js';
import {terminalSize} from './layout.js';

/**
 * The game's entry point for the CLI: renders the app in the terminal and
 * resolves with an exit code when the player leaves (q, or Ctrl+C) or the
 * process is asked to stop (SIGTERM, SIGHUP, SIGINT from outside). The game
 * draws on the terminal's alternate screen, so the terminal is left as it
 * was — main screen back, cursor visible, line mode restored — however it
 * ends; the work in progress is saved as it is typed, and once more as the
 * app closes. Screen-reader mode, and terminals that say they can do nothing
 * (`TERM=dumb`), get no alternate screen.
 *
 * The map is on screen before the rest of the game is loaded: on the
 * alternate screen, its first frame is written as text (first-screen.ts,
 * the same rows and escape codes the app draws), then Ink, React and the app
 * (commands, engine, session rules: most of the program) are imported, and
 * the progress store opened when it comes as a function, and the app's first
 * render draws the same cells over it (the screen is cleared first if the
 * store or the terminal's size changed the map meanwhile). Keys typed
 * meanwhile wait in the terminal and reach the app in order.
 */

/** What `runGame` needs. */
export type RunGameOptions = {
	readonly catalog: Catalog;
	/**
	 * The progress store, or how to open it: then the first frame is drawn from `preview`
	 * while the store opens (its code need not be loaded before the map is on screen).
	 */
	readonly store: ProgressStore | (() => Promise<ProgressStore>);
	/** What the first frame shows while the store opens (the progress file as read); default: the store. */
	readonly preview?: FirstScreenOptions['store'];
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
const HIDE_CURSOR = '\u001B[?25l';
const CURSOR_HOME = '\u001B[H';
const CLEAR_SCREEN = '\u001B[2J';

/** Whether colour may be used: asked for, and no `NO_COLOR` (any non-empty value, see no-color.org). */
export function colorEnabled(wanted: boolean, env: NodeJS.ProcessEnv): boolean {
	return wanted && !env['NO_COLOR'];
}

/** Signals that ask the game to stop: it closes as if the player had quit. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
const SIGNAL_NUMBERS: Readonly<Record<string, number>> = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15};

/**
 * Runs the game until the player quits; 0 on a normal exit, 1 if the UI
 * failed, 128 + the signal's number (143 for SIGTERM) when a signal stopped it.
 */
export async function runGame(options: RunGameOptions): Promise<number> {
	const env = options.env ?? process.env;
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const stdin = options.stdin ?? process.stdin;
	const screenReader = env['INK_SCREEN_READER'] === 'true';
	const fullScreen = stdout.isTTY === true && !screenReader && env['TERM'] !== 'dumb';
	// Keys are read raw from the first frame on: Ink only turns raw mode on after mounting, and until
	// then the terminal would echo type-ahead onto the frame (an Enter scrolls it) and hold it back.
	const raw = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
	let restored = false;
	const restore = (): void => {
		if (restored) return;
		restored = true;
		if (raw) {
			try {
				stdin.setRawMode(false);
			} catch {
				// The terminal is gone (SIGHUP): there is no line mode left to restore.
			}
		}
		if (fullScreen) stdout.write(LEAVE_ALTERNATE_SCREEN);
		stdout.write(SHOW_CURSOR);
	};
	const color = colorEnabled(options.color, env);
	const preview = options.preview ?? (typeof options.store === 'function' ? undefined : options.store);
	// A level asked for by id opens on its briefing, not the map; off the alternate screen the app draws in
	// the flow of the terminal: either way, nothing to draw before the app.
	/** The first frame for this progress at the terminal's size now; undefined if there is none to write. */
	const firstScreenOr = (progress: FirstScreenOptions['store']): string | undefined => {
		try {
			return firstScreenText({catalog: options.catalog, store: progress, size: terminalSize(stdout), color, screenReader});
		} catch {
			// Never a reason not to start: the app draws the map itself (and says what went wrong, if anything does).
			return undefined;
		}
	};
	const firstScreen = fullScreen && preview && options.initialLevelId === undefined ? firstScreenOr(preview) : undefined;
	const inkOptions = {
		stdout,
		stderr,
		stdin,
		exitOnCtrlC: true,
		// Stray console output would tear the frame on the process's own terminal.
		patchConsole: stdout === process.stdout,
		isScreenReaderEnabled: screenReader,
	};
	// A signal closes the app like quitting does: React unmounts (the draft is saved once more), Ink gives
	// the terminal back its line mode and cursor, and `restore` leaves the alternate screen. Having a
	// listener also keeps Ink's and conf's own signal handlers from killing the process half-way.
	let stoppedBy: NodeJS.Signals | undefined;
	let instance: Instance | undefined;
	const onSignal = (signal: NodeJS.Signals): void => {
		if (stoppedBy !== undefined) return;
		stoppedBy = signal;
		instance?.unmount();
	};
	for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
	// A write that fails (EIO, EPIPE) means the terminal is gone, as with SIGHUP: close, never crash.
	const onWriteError = (): void => onSignal('SIGHUP');
	stdout.on('error', onWriteError);
	// Leave the alternate screen even if the process ends without unmounting (a signal, process.exit).
	process.once('exit', restore);
	try {
		if (raw) stdin.setRawMode(true);
		// The first frame, then the cursor back home, hidden, where the app's first render starts.
		if (fullScreen) stdout.write(ENTER_ALTERNATE_SCREEN + (firstScreen === undefined ? '' : HIDE_CURSOR + firstScreen + CURSOR_HOME));
		const [{render}, {App}, store] = await Promise.all([import('ink'), import('./app.js'), typeof options.store === 'function' ? options.store() : options.store]);
		// Ink's first render writes over the screen without erasing it: if the app's map is not the one written
		// (the store had a warning the file did not, the terminal was resized), clear it first.
		if (firstScreen !== undefined && firstScreenOr(store) !== firstScreen) stdout.write(CLEAR_SCREEN + CURSOR_HOME);
		// Stopped while the app was loading: there is no work to save yet.
		if (stoppedBy === undefined) {
			instance = render(<App catalog={options.catalog} store={store} initialLevelId={options.initialLevelId} color={color} />, inkOptions);
			await instance.waitUntilExit();
		}
		return stoppedBy === undefined ? 0 : 128 + (SIGNAL_NUMBERS[stoppedBy] ?? 0);
	} catch (error) {
		restore();
		stderr.write(`netquest: the game stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}\nYour saved work is kept.\n`);
		return 1;
	} finally {
		restore();
		process.off('exit', restore);
		// After a signal the listener stays: conf's exit hook (when-exit) answers a signal by sending it
		// again, and that copy must not kill the process before the CLI has ended it its own way.
		if (stoppedBy === undefined) for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
		// Once the terminal has failed, later writes (the CLI's last words) fail too: they stay ignored.
		if (stoppedBy !== 'SIGHUP') stdout.off('error', onWriteError);
	}
}

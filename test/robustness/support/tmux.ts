import {execFileSync, spawnSync} from 'node:child_process';
import path from 'node:path';

/**
 * The real CLI in a real pseudo-terminal, through tmux on a private socket
 * per terminal (tests never touch the user's tmux, nor each other); used by
 * the robustness tests and the end-to-end play test. Beyond
 * typing and reading the screen, a robustness test needs to resize the
 * window, read the screen with its escape sequences, ask tmux whether the
 * cursor shows and whether the alternate screen is on, read the terminal's
 * line discipline, and signal the game's own process.
 */

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Whether tmux can be used here. */
export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
}

/** A command running in a tmux window. */
export type Terminal = {
	/** Types text literally. */
	type(text: string): void;
	/** Presses keys by tmux name: `Enter`, `Escape`, `C-c`, `Right`… */
	press(...keys: string[]): void;
	/** The screen as plain text, one string per row. */
	rows(): string[];
	/** The screen as plain text. */
	screen(): string;
	/** The screen with its colour escapes (`capture-pane -e`). */
	screenWithEscapes(): string;
	/** Waits until the screen satisfies `predicate`; fails with the screen after `timeout` ms. */
	waitFor(predicate: (screen: string) => boolean, timeout?: number): Promise<string>;
	/** Resizes the window (the program gets SIGWINCH). */
	resize(columns: number, rows: number): void;
	/** Whether the cursor is visible, the alternate screen is on. */
	cursorVisible(): boolean;
	alternateScreen(): boolean;
	/** `stty -a` of the terminal: its line discipline (raw or not). */
	lineSettings(): string;
	/** The pid of the process running `program` under the window's shell (the game itself, not a wrapper). */
	pidOf(program: RegExp): number | undefined;
	/** Ends this terminal's tmux server (its programs get SIGHUP). */
	close(): void;
	/** Closes the terminal and waits (up to 10 s) until every program that ran in it has ended. */
	stop(): Promise<void>;
};

/** Starts `command` (a shell command line) in a `columns`×`rows` terminal in the repository root. */
export function startTerminal(command: string, options: {columns: number; rows: number; env?: Record<string, string>}): Terminal {
	const socket = `netquest-robust-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const env = {...process.env, ...options.env};
	// The test runner's own settings must not leak into the game: colour, and CI (vitest's workers have
	// CI=0, and any CI variable turns chalk's colours off; see docs/reliability.md).
	for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CI', 'CONTINUOUS_INTEGRATION']) if (options.env?.[name] === undefined) delete env[name];
	const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {cwd: ROOT, encoding: 'utf8', env});
	tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'game', '-x', String(options.columns), '-y', String(options.rows), command);
	tmux('set-option', '-t', 'game', 'remain-on-exit', 'on');
	const terminal: Terminal = {
		type: (text) => void tmux('send-keys', '-t', 'game', '-l', text),
		press: (...keys) => void tmux('send-keys', '-t', 'game', ...keys),
		rows: () => tmux('capture-pane', '-p', '-t', 'game').replace(/\n$/u, '').split('\n'),
		screen: () => tmux('capture-pane', '-p', '-t', 'game'),
		screenWithEscapes: () => tmux('capture-pane', '-p', '-e', '-t', 'game'),
		async waitFor(predicate, timeout = 20_000) {
			const deadline = Date.now() + timeout;
			for (;;) {
				const screen = terminal.screen();
				if (predicate(screen)) return screen;
				if (Date.now() > deadline) throw new Error(`the terminal never showed what was expected; its screen:\n${screen}`);
				await new Promise((resolve) => setTimeout(resolve, 30));
			}
		},
		resize: (columns, rows) => void tmux('resize-window', '-t', 'game', '-x', String(columns), '-y', String(rows)),
		cursorVisible: () => tmux('display-message', '-p', '-t', 'game', '#{cursor_flag}').trim() === '1',
		alternateScreen: () => tmux('display-message', '-p', '-t', 'game', '#{alternate_on}').trim() === '1',
		lineSettings: () => execFileSync('stty', ['-a', '-F', tmux('display-message', '-p', '-t', 'game', '#{pane_tty}').trim()], {encoding: 'utf8'}),
		pidOf(program) {
			return processTree().below.find((entry) => program.test(entry.args))?.pid;
		},
		close() {
			try {
				execFileSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'});
			} catch {
				// Already gone.
			}
		},
		async stop() {
			let programs: number[] = [];
			try {
				const tree = processTree();
				programs = [tree.shell, ...tree.below.map((entry) => entry.pid)];
			} catch {
				// The server is gone already.
			}
			terminal.close();
			const deadline = Date.now() + 10_000;
			while (programs.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
		},
	};
	/** The window's shell, and the processes under it (never another test's), with their command lines. */
	function processTree(): {shell: number; below: {pid: number; args: string}[]} {
		const shell = Number(tmux('display-message', '-p', '-t', 'game', '#{pane_pid}').trim());
		const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], {encoding: 'utf8'});
		const processes = table
			.split('\n')
			.map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/u.exec(line))
			.flatMap((match) => (match ? [{pid: Number(match[1]), ppid: Number(match[2]), args: match[3]!}] : []));
		const mine = new Set([shell]);
		for (let grew = true; grew; ) {
			grew = false;
			for (const entry of processes) {
				if (!mine.has(entry.ppid) || mine.has(entry.pid)) continue;
				mine.add(entry.pid);
				grew = true;
			}
		}
		return {shell, below: processes.filter((entry) => mine.has(entry.pid) && entry.pid !== shell)};
	}
	return terminal;
}

/** Whether the process `pid` still runs. */
export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * The shell command that runs the game (the tsx loader inside the game's own
 * process, so the pid a test signals is the game, not a wrapper), then prints
 * its exit status, then keeps the window open so the last screen can be read.
 */
export function gameCommand(args: string, env = ''): string {
	return `${env} node --import tsx src/cli.tsx ${args}; echo "[exit $?]"; sleep 120`;
}

/** The exit status the shell printed after the game, once it has. */
export function exitStatus(screen: string): number | undefined {
	const match = /\[exit (\d+)\]/u.exec(screen);
	return match ? Number(match[1]) : undefined;
}

/** Whether the terminal is back in line mode: canonical input and echo on (the game had them off). */
export function lineModeRestored(settings: string): boolean {
	return /(^|\s)icanon(\s|$)/u.test(settings) && /(^|\s)echo(\s|$)/u.test(settings);
}

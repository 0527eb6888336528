import {execFileSync, spawnSync} from 'node:child_process';

/**
 * A real pseudo-terminal for end-to-end tests, driven through tmux on its own
 * socket (so it never touches the user's tmux): start a command in a window
 * of a given size, type into it, and wait for the screen to show something.
 */

/** Whether tmux can be used here. */
export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
}

/** A command running in a tmux window. */
export type Terminal = {
	/** Types text literally (no key names). */
	type(text: string): void;
	/** Presses keys by tmux name: `Enter`, `Escape`, `C-c`, `Right`… */
	press(...keys: string[]): void;
	/** The screen as plain text. */
	screen(): string;
	/** Waits until the screen satisfies `predicate`; fails with the screen after `timeout` ms. */
	waitFor(predicate: (screen: string) => boolean, timeout?: number): Promise<string>;
	/** Whether the terminal cursor is visible. */
	cursorVisible(): boolean;
	/** Ends the tmux server of this terminal. */
	close(): void;
};

/** Starts `command` (a shell command line) in a `columns`×`rows` terminal, in `cwd`. */
export function startTerminal(command: string, options: {cwd: string; columns: number; rows: number; env?: NodeJS.ProcessEnv}): Terminal {
	const socket = `netquest-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const tmux = (...args: string[]): string =>
		execFileSync('tmux', ['-L', socket, ...args], {cwd: options.cwd, encoding: 'utf8', env: {...process.env, ...options.env}});
	tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'game', '-x', String(options.columns), '-y', String(options.rows), command);
	tmux('set-option', '-t', 'game', 'remain-on-exit', 'on');
	const terminal: Terminal = {
		type: (text) => void tmux('send-keys', '-t', 'game', '-l', text),
		press: (...keys) => void tmux('send-keys', '-t', 'game', ...keys),
		screen: () => tmux('capture-pane', '-p', '-t', 'game'),
		async waitFor(predicate, timeout = 20_000) {
			const deadline = Date.now() + timeout;
			for (;;) {
				const screen = terminal.screen();
				if (predicate(screen)) return screen;
				if (Date.now() > deadline) throw new Error(`the terminal never showed what was expected; its screen:\n${screen}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		},
		cursorVisible: () => tmux('display-message', '-p', '-t', 'game', '#{cursor_flag}').trim() === '1',
		close() {
			try {
				tmux('kill-server');
			} catch {
				// Already gone.
			}
		},
	};
	return terminal;
}

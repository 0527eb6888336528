/**
 * A pseudo-terminal for benchmarks, without native modules: util-linux
 * `script` gives the command a pty and relays its output to a pipe, where
 * every chunk is timestamped on arrival. Keys written to `script`'s stdin
 * reach the program as typed keys.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import {performance} from 'node:perf_hooks';

/** A program running in a pseudo-terminal. */
export type PtySession = {
	/** performance.now() just before the spawn. */
	readonly startedAt: number;
	/** Everything the program wrote so far, escape sequences removed. */
	screenText(): string;
	/** Writes bytes as typed keys; returns performance.now() just before the write. */
	write(keys: string): number;
	/**
	 * Waits until the visible text written since output offset `from` satisfies
	 * `predicate`; resolves with the arrival time of the chunk that made it
	 * true. Rejects after `timeoutMs` with the text seen.
	 */
	waitFor(predicate: (text: string) => boolean, options?: {from?: number; timeoutMs?: number; what?: string}): Promise<number>;
	/** Output offset now (pass as `from` to look only at what comes next). */
	mark(): number;
	/** Chunks received so far (pass to `waitForChunk`). */
	chunkCount(): number;
	/** Resolves with the arrival time of the first chunk after the first `count`, escape sequences alone included. */
	waitForChunk(count: number, options?: {timeoutMs?: number; what?: string}): Promise<number>;
	/** The pid of the program itself (the child of `script`), once it is running. */
	programPid(): number | undefined;
	/** Resolves with the exit code when `script` ends. */
	readonly exited: Promise<number | null>;
	/** Ends the program (SIGKILL to it, then to `script`). */
	kill(): void;
};

/** CSI and OSC escape sequences, and two-byte escapes (ESC 7, ESC M…). */
const ESCAPES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[0-?@-Z\\-_])/gu;

/** Text without terminal escape sequences. */
export function stripEscapes(text: string): string {
	return text.replace(ESCAPES, '');
}

/** Where an escape sequence that is not complete yet starts at the end of `text` (its length when none). */
function incompleteEscapeAt(text: string): number {
	const last = text.lastIndexOf('\u001B');
	if (last === -1 || text.length - last > 256) return text.length;
	const tail = text.slice(last);
	const complete = new RegExp(`^(?:${ESCAPES.source})`, 'u').exec(tail);
	return complete ? text.length : last;
}

/** Whether util-linux `script` is available (the BSD and macOS `script` take other options). */
export function hasScript(): boolean {
	const probe = spawnSync('script', ['--version'], {encoding: 'utf8'});
	return probe.status === 0 && probe.stdout.includes('util-linux');
}

/**
 * Starts `argv` in a `columns`×`rows` pseudo-terminal. The shell `script`
 * runs sets the size with `stty` and then execs the program, so the program
 * is `script`'s only child.
 */
export function startPty(argv: readonly string[], options: {columns: number; rows: number; env?: NodeJS.ProcessEnv; cwd?: string}): PtySession {
	const quoted = argv.map((word) => `'${word.replace(/'/gu, `'\\''`)}'`).join(' ');
	const command = `stty cols ${options.columns} rows ${options.rows} 2>/dev/null; exec ${quoted}`;
	const env: NodeJS.ProcessEnv = {...process.env, SHELL: '/bin/sh', TERM: 'xterm-256color', ...options.env};
	// Ink renders only the last frame in CI: the benchmark measures the interactive terminal.
	delete env['CI'];
	delete env['CONTINUOUS_INTEGRATION'];
	const startedAt = performance.now();
	const child: ChildProcess = spawn('script', ['-qfec', command, '/dev/null'], {
		cwd: options.cwd,
		env,
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	let visible = '';
	let pending = '';
	let lastAt = startedAt;
	const arrivals: number[] = [];
	const waiters = new Set<() => void>();
	child.stdout!.setEncoding('utf8');
	child.stdout!.on('data', (chunk: string) => {
		const at = performance.now();
		// An escape sequence split across chunks waits for its end.
		const text = pending + chunk;
		const split = incompleteEscapeAt(text);
		pending = text.slice(split);
		visible += stripEscapes(text.slice(0, split));
		lastAt = at;
		arrivals.push(at);
		for (const wake of [...waiters]) wake();
	});
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	let pid: number | undefined;
	const session: PtySession = {
		startedAt,
		screenText: () => visible,
		write(keys) {
			const at = performance.now();
			child.stdin!.write(keys);
			return at;
		},
		mark: () => visible.length,
		chunkCount: () => arrivals.length,
		waitForChunk(count, {timeoutMs = 20_000, what = 'any output'} = {}) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const at = arrivals[count];
					if (at === undefined) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(at);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`the terminal never showed ${what} within ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		waitFor(predicate, {from = 0, timeoutMs = 20_000, what = 'what was expected'} = {}) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (predicate(visible.slice(from))) {
						waiters.delete(check);
						clearTimeout(timer);
						resolve(lastAt);
					}
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`the terminal never showed ${what} within ${timeoutMs} ms; it showed:\n${visible.slice(from).slice(-2000)}`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		programPid() {
			if (pid === undefined && child.pid !== undefined) pid = childOf(child.pid);
			return pid;
		},
		exited,
		kill() {
			const program = session.programPid();
			for (const target of [program, child.pid]) {
				if (target === undefined) continue;
				try {
					process.kill(target, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
		},
	};
	return session;
}

/** The first child of `pid`, from /proc. */
function childOf(pid: number): number | undefined {
	try {
		for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
			const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			const first = children.split(/\s+/u)[0];
			if (first) return Number(first);
		}
	} catch {
		return undefined;
	}
	return undefined;
}

/** Peak resident set size (VmHWM) of a process in MB, from /proc; undefined when unreadable. */
export function peakRssMb(pid: number): number | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmHWM:\s+(\d+)\s+kB/mu.exec(status);
		return match ? Number(match[1]) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

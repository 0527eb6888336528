import fs from 'node:fs';
import os from 'node:os';
import {codeOf, reasonOf} from './fs-errors.js';

/**
 * A lock between netquest processes sharing one data directory, so that a
 * read-merge-write of the progress file is not interleaved with another
 * game's. The lock is a file naming its holder (pid, host, and on Linux the
 * process's start time, so a reused pid is not mistaken for the holder). It
 * is created whole: written under a private name, then hard-linked into
 * place, which fails if the lock exists (atomic, NFS included). A lock is
 * never taken from a live holder, however slow its save (an NFS home, a busy
 * USB disk): it is broken only when the holder is known to be gone — its
 * process no longer runs on this host. A holder on another host, or one that
 * keeps the lock past the wait, makes the caller's save fail (and retry
 * later) instead.
 */

/** Who holds a lock. */
export type LockOwner = {
	readonly pid: number;
	readonly host: string;
	/** The process's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
	readonly started?: number;
};

/** What running under the lock gave: the action's value, or why the lock could not be taken. */
export type LockResult<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly problem: string; readonly code?: string};

/** Options of `withFileLock`. */
export type LockOptions = {
	/** How long to wait for a live holder before giving up (ms); default 5,000. */
	readonly waitMs?: number;
};

/** Milliseconds between attempts while a live holder has the lock. */
const WAIT_MS = 5;
/** A lock file still empty or unreadable this long after it was made was left half-made by a game that died. */
const HALF_MADE_MS = 2000;

/** Blocks the thread for `ms` milliseconds (the store is synchronous, like conf). */
function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The start time of process `pid` in clock ticks since boot, from /proc (Linux); undefined elsewhere. */
export function processStartTime(pid: number): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Field 22 (starttime); the command name (field 2) is in parentheses and may hold spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const started = Number(fields[19]);
		return Number.isFinite(started) ? started : undefined;
	} catch {
		return undefined;
	}
}

let self: LockOwner | undefined;
/** This process as a lock owner. */
export function selfOwner(): LockOwner {
	if (self === undefined) {
		const started = processStartTime(process.pid);
		self = {pid: process.pid, host: os.hostname(), ...(started === undefined ? {} : {started})};
	}
	return self;
}

/** The owner recorded in a lock file's text, or undefined if it names none. */
export function parseOwner(text: string): LockOwner | undefined {
	try {
		const data = JSON.parse(text) as Partial<LockOwner> | null;
		if (typeof data?.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0 || typeof data.host !== 'string') return undefined;
		return {pid: data.pid, host: data.host, ...(typeof data.started === 'number' ? {started: data.started} : {})};
	} catch {
		return undefined;
	}
}

/** Whether the owner's process is known to be gone: same host, and no such process (or another one under its pid). */
export function ownerGone(owner: LockOwner): boolean {
	if (owner.host !== os.hostname()) return false;
	try {
		process.kill(owner.pid, 0);
	} catch (error) {
		// EPERM: the process exists, under another user.
		return codeOf(error) === 'ESRCH';
	}
	if (owner.started === undefined) return false;
	const started = processStartTime(owner.pid);
	return started !== undefined && started !== owner.started;
}

/** What is at the lock's path now. */
type Holder = {readonly ino: number; readonly owner?: LockOwner; readonly gone: boolean};

/** Who holds the lock at `lockPath`, undefined if no one does now. */
function holderOf(lockPath: string): Holder | undefined {
	let stat: fs.Stats;
	try {
		stat = fs.lstatSync(lockPath);
	} catch {
		return undefined;
	}
	const young = Date.now() - stat.mtimeMs < HALF_MADE_MS;
	// A directory is the lock of netquest before issue 15 (held for milliseconds): one that old was abandoned.
	if (stat.isDirectory()) return {ino: stat.ino, gone: !young};
	let owner: LockOwner | undefined;
	try {
		owner = parseOwner(fs.readFileSync(lockPath, 'utf8'));
	} catch {
		return undefined;
	}
	if (owner === undefined) return {ino: stat.ino, gone: !young};
	return {ino: stat.ino, owner, gone: ownerGone(owner)};
}

/** Moves an abandoned lock out of the way; if another game replaced it meanwhile, puts that one back. */
function breakLock(lockPath: string, holder: Holder): void {
	const aside = `${lockPath}.broken-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	try {
		fs.renameSync(lockPath, aside);
	} catch {
		return;
	}
	try {
		if (fs.lstatSync(aside).ino !== holder.ino) fs.linkSync(aside, lockPath);
	} catch {
		// The other game's lock could not be put back: it finds its lock gone and its release does nothing.
	} finally {
		fs.rmSync(aside, {recursive: true, force: true});
	}
}

/** Tries once to create the lock: 'taken' with its inode, 'held' when someone has it, or the error that stopped it. */
function tryCreate(lockPath: string): {kind: 'taken'; ino: number} | {kind: 'held'} | {kind: 'failed'; error: unknown} {
	const text = JSON.stringify(selfOwner());
	const draft = `${lockPath}.${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	try {
		fs.writeFileSync(draft, text, {flag: 'wx'});
		try {
			fs.linkSync(draft, lockPath);
		} catch (error) {
			if (codeOf(error) === 'EEXIST') return {kind: 'held'};
			// A file system without hard links: create it in place (a reader may see it half-made for a moment).
			if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(codeOf(error) ?? '')) throw error;
			fs.writeFileSync(lockPath, text, {flag: 'wx'});
		}
		return {kind: 'taken', ino: fs.lstatSync(lockPath).ino};
	} catch (error) {
		return codeOf(error) === 'EEXIST' ? {kind: 'held'} : {kind: 'failed', error};
	} finally {
		fs.rmSync(draft, {force: true});
	}
}

/** Takes the lock, waiting for a live holder up to `waitMs`. */
function acquire(lockPath: string, waitMs: number): {ok: true; ino: number} | {ok: false; problem: string; code?: string} {
	const deadline = Date.now() + waitMs;
	let holder: Holder | undefined;
	for (;;) {
		const attempt = tryCreate(lockPath);
		if (attempt.kind === 'taken') return {ok: true, ino: attempt.ino};
		if (attempt.kind === 'failed') {
			const code = codeOf(attempt.error);
			return {ok: false, problem: `${reasonOf(attempt.error)} (making the lock ${lockPath})`, ...(code === undefined ? {} : {code})};
		}
		holder = holderOf(lockPath);
		if (holder?.gone === true) {
			breakLock(lockPath, holder);
			continue;
		}
		if (Date.now() >= deadline) break;
		sleep(WAIT_MS);
	}
	const who = holder?.owner === undefined ? 'another netquest' : `another netquest (pid ${holder.owner.pid} on ${holder.owner.host})`;
	return {ok: false, problem: `${who} has held the lock ${lockPath} for more than ${Math.round(waitMs / 1000)} s`, code: 'ELOCKED'};
}

/**
 * Runs `action` while holding the lock at `lockPath`, and releases it after,
 * even if `action` throws. If the lock cannot be taken (another live game
 * keeps it past the wait, or the directory cannot be written), `action` does
 * not run and the result says why.
 */
export function withFileLock<T>(lockPath: string, action: () => T, options: LockOptions = {}): LockResult<T> {
	const taken = acquire(lockPath, options.waitMs ?? 5000);
	if (!taken.ok) return taken;
	try {
		return {ok: true, value: action()};
	} finally {
		try {
			// Only our own lock: never one another game made after ours was (wrongly) broken.
			if (fs.lstatSync(lockPath).ino === taken.ino) fs.rmSync(lockPath, {force: true});
		} catch {
			// Already gone.
		}
	}
}

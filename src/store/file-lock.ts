import fs from 'node:fs';
import {codeOf} from './fs-errors.js';

/**
 * A lock between netquest processes sharing one data directory, so that a
 * read-merge-write of the progress file is not interleaved with another
 * game's. The lock is a directory (`mkdir` is atomic); a lock held longer
 * than a write could ever take is from a game that died holding it, and is
 * broken.
 */

/** Milliseconds between attempts. */
const WAIT_MS = 5;
/** Attempts before the lock counts as abandoned (about a second). */
const ATTEMPTS = 200;

/** Blocks the thread for `ms` milliseconds (the store is synchronous, like conf). */
function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock; false when it cannot be taken at all (a read-only directory): go on without. */
function acquire(lockPath: string): boolean {
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		try {
			fs.mkdirSync(lockPath);
			return true;
		} catch (error) {
			if (codeOf(error) !== 'EEXIST') return false;
		}
		sleep(WAIT_MS);
	}
	fs.rmSync(lockPath, {recursive: true, force: true});
	try {
		fs.mkdirSync(lockPath);
		return true;
	} catch {
		return false;
	}
}

/** Runs `action` while holding the lock at `lockPath`, and releases it after, even if `action` throws. */
export function withFileLock<T>(lockPath: string, action: () => T): T {
	const taken = acquire(lockPath);
	try {
		return action();
	} finally {
		if (taken) fs.rmSync(lockPath, {recursive: true, force: true});
	}
}

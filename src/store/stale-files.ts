import fs from 'node:fs';

/**
 * What games that died mid-save leave in the data directory: the temporary
 * files of an atomic write (`progress.json.tmp-…`, conf's writer), lock
 * drafts (`progress.json.lock.<pid>-…`) and broken locks moved aside.
 */

/** A lock draft is linked into place microseconds after it is made: one this old belonged to a game that died. */
const DRAFT_AGE_MS = 60_000;

/**
 * Removes the leftovers of `file`'s writes in `dir`. Call with the lock held:
 * every save happens under it, so no temporary file is in use by a live game.
 * Never throws (a leftover that cannot be removed is only clutter).
 */
export function removeStaleFiles(dir: string, file: string, now = Date.now()): string[] {
	const removed: string[] = [];
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return removed;
	}
	for (const name of names) {
		if (!name.startsWith(`${file}.`)) continue;
		const rest = name.slice(file.length + 1);
		const path = `${dir}/${name}`;
		let stale = rest.startsWith('tmp-') || rest.startsWith('lock.broken-');
		if (!stale && /^lock\.\d+-[a-z0-9]+$/u.test(rest)) {
			try {
				stale = now - fs.lstatSync(path).mtimeMs > DRAFT_AGE_MS;
			} catch {
				stale = false;
			}
		}
		if (!stale) continue;
		try {
			fs.rmSync(path, {recursive: true, force: true});
			removed.push(name);
		} catch {
			// Clutter only.
		}
	}
	return removed;
}

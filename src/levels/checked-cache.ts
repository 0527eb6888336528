import fs from 'node:fs';
import path from 'node:path';
import type {CatalogEntry, FolderLoad, LoadedEntry} from './catalog.js';
import {MAX_LEVEL_FILE_BYTES} from './limits.js';
import type {LevelProblem} from './problem.js';

/**
 * The checked-levels cache: what the full check of a level folder gave
 * (load.ts `loadFolder`), kept in a hidden file inside the folder so that a
 * start-up can skip parsing, schema checks, sanitizing and hashing when
 * nothing changed. `npm run build` writes one for the built-in levels, and
 * only the built-in folder's cache is ever read: it ships with the program,
 * while a cache file inside someone's level folder could claim anything.
 *
 * The cache is used only when it is certain to give what the full check
 * would: its key is the checker's identity (a digest of netquest's own
 * sources, set by the build; without one there is no cache) and the
 * contents of the folder as the loader sees it — every visible name and
 * kind, one level of sub-folders deep, and the bytes of every `.json` file,
 * which the cache keeps beside it (`CHECKED_KEY_FILE`) to compare: exact, and
 * cheaper at start-up than hashing them (node:crypto alone takes 3 ms to load).
 * Anything unusual (an unreadable folder, a file too large or not regular, a
 * damaged or foreign cache file) means no cache, never a different catalog.
 * This module loads no schema code.
 */

/** The cache's file name inside a level folder (hidden: the loader skips it). */
export const CHECKED_CACHE_FILE = '.netquest-checked.json';
/** Beside it, what the folder held when the cache was written (its fingerprint, bytes compared as they are). */
export const CHECKED_KEY_FILE = '.netquest-checked.key';

/** Replaced by the build (esbuild `define`) with the checker's identity; absent when running from the sources. */
declare const __NETQUEST_CHECKER__: string | undefined;
/** The identity of the checker this build carries; undefined when running from the sources (no cache then). */
export const BUILD_CHECKER: string | undefined = typeof __NETQUEST_CHECKER__ === 'string' ? __NETQUEST_CHECKER__ : undefined;

/** A file path as stored: relative to the folder, with forward slashes. */
type Relative = string;

type CachedProblem = Omit<LevelProblem, 'file'> & {readonly file: Relative};

type CachedEntry =
	| {readonly ok: true; readonly level: Extract<CatalogEntry, {ok: true}>['level']; readonly file: Relative; readonly hash: string; readonly idAt: CachedProblem}
	| {readonly ok: false; readonly file: Relative; readonly id?: string; readonly title?: string; readonly problems: CachedProblem[]};

/** The cache file's content. */
type CacheFile = {
	readonly checker: string;
	readonly packs: readonly {readonly title: string; readonly dir: Relative; readonly levels: readonly CachedEntry[]; readonly problems: readonly CachedProblem[]}[];
	readonly problems: readonly CachedProblem[];
};

/**
 * The folder's fingerprint: `checker` and everything the loader reads in
 * `dir`, written out (see the module comment), or undefined when the
 * folder holds something the cache does not vouch for. `files` counts the
 * `.json` files seen.
 */
export function folderFingerprint(dir: string, checker: string): {key: Buffer; files: number} | undefined {
	// What the loader would read, written out: names, kinds, sizes and bytes. Sizes and times from stat
	// would be cheaper, but copying or packing the program (npm) changes times: the bytes are what hold.
	const parts: Buffer[] = [];
	let seen = `netquest checked levels 3\0${checker}\0`;
	let files = 0;
	const visit = (relative: Relative, depth: number): boolean => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(absoluteIn(dir, relative), {withFileTypes: true});
		} catch {
			return false;
		}
		const names = entries.filter((entry) => !entry.name.startsWith('.')).map((entry) => entry.name);
		for (const name of names.sort()) {
			const inside = relative === '' ? name : `${relative}/${name}`;
			let stat: fs.Stats;
			try {
				stat = fs.statSync(absoluteIn(dir, inside));
			} catch {
				return false;
			}
			if (stat.isDirectory()) {
				seen += `d\0${inside}\0`;
				if (depth === 0 && !visit(inside, 1)) return false;
				continue;
			}
			seen += `f\0${inside}\0`;
			if (!name.endsWith('.json')) continue;
			if (!stat.isFile() || stat.size > MAX_LEVEL_FILE_BYTES) return false;
			let bytes: Buffer;
			try {
				bytes = fs.readFileSync(absoluteIn(dir, inside));
			} catch {
				return false;
			}
			files++;
			// The bytes themselves: comparing them is exact, and cheaper than hashing them in JavaScript or
			// loading node:crypto.
			seen += `${bytes.length}\0`;
			parts.push(Buffer.from(seen), bytes);
			seen = '\0';
		}
		return true;
	};
	if (!visit('', 0)) return undefined;
	parts.push(Buffer.from(seen));
	return {key: Buffer.concat(parts), files};
}

const relativeTo = (dir: string, file: string): Relative => path.relative(dir, file).split(path.sep).join('/');
/**
 * A stored path back inside `dir` (absolute and normalized, as `catalogFolders` gives it). The stored
 * paths come from `relativeTo` on files inside the folder, so joining them is plain concatenation
 * (path.join's normalizing is measurable at start-up, for every level and problem).
 */
const absoluteIn = (dir: string, file: Relative): string => {
	if (file === '') return dir;
	const inside = path.sep === '/' ? file : file.split('/').join(path.sep);
	return dir.endsWith(path.sep) ? dir + inside : dir + path.sep + inside;
};

/** The cache file's content and its key for a folder just loaded by the full check. */
export function checkedCacheContent(dir: string, checker: string, loaded: FolderLoad): {json: string; key: Buffer} | undefined {
	const fingerprint = folderFingerprint(dir, checker);
	if (fingerprint === undefined) return undefined;
	const problem = (item: LevelProblem): CachedProblem => ({...item, file: relativeTo(dir, item.file)});
	const entry = (item: LoadedEntry): CachedEntry =>
		item.ok
			? {ok: true, level: item.level, file: relativeTo(dir, item.file), hash: item.hash, idAt: problem(item.idAt)}
			: {...item, file: relativeTo(dir, item.file), problems: item.problems.map(problem)};
	const content: CacheFile = {
		checker,
		packs: loaded.packs.map((pack) => ({title: pack.title, dir: relativeTo(dir, pack.dir), levels: pack.levels.map(entry), problems: pack.problems.map(problem)})),
		problems: loaded.problems.map(problem),
	};
	return {json: JSON.stringify(content), key: fingerprint.key};
}

/**
 * The folder as the full check would load it, from its cache file: undefined
 * when there is no usable cache (none, another checker, the folder changed,
 * the file damaged). A folder without any `.json` file needs no cache: it
 * holds no pack.
 */
export function cachedFolder(dir: string, checker: string | undefined = BUILD_CHECKER): FolderLoad | undefined {
	if (checker === undefined) return undefined;
	const fingerprint = folderFingerprint(dir, checker);
	if (fingerprint === undefined) return undefined;
	if (fingerprint.files === 0) return {packs: [], problems: []};
	let content: CacheFile;
	try {
		if (!fs.readFileSync(absoluteIn(dir, CHECKED_KEY_FILE)).equals(fingerprint.key)) return undefined;
		content = JSON.parse(fs.readFileSync(absoluteIn(dir, CHECKED_CACHE_FILE), 'utf8')) as CacheFile;
		if (content.checker !== checker) return undefined;
		const problem = (item: CachedProblem): LevelProblem => ({...item, file: absoluteIn(dir, item.file)});
		const entry = (item: CachedEntry): LoadedEntry =>
			item.ok
				? {ok: true, level: item.level, file: absoluteIn(dir, item.file), hash: item.hash, idAt: problem(item.idAt)}
				: {...item, file: absoluteIn(dir, item.file), problems: item.problems.map(problem)};
		return {
			packs: content.packs.map((pack) => ({title: pack.title, dir: absoluteIn(dir, pack.dir), levels: pack.levels.map(entry), problems: pack.problems.map(problem)})),
			problems: content.problems.map(problem),
		};
	} catch {
		// Missing, unreadable, not JSON or not the shape written (either file): the full check decides.
		return undefined;
	}
}

import fs from 'node:fs';
import path from 'node:path';
import {MAX_LEVEL_FILE_BYTES, parseJsonSource, tooLargeMessage} from './json-source.js';
import {fileProblem, type LevelProblem} from './problem.js';
import {locateAll} from './read-level.js';
import {sanitizeText} from './sanitize.js';
import {parseWithSchema} from './schema-issues.js';
import {type Pack, packSchema} from './schema.js';
import {findUnknownKeys} from './unknown-keys.js';

/**
 * The file-system side of level packs: reading a level file safely, finding
 * the packs in a folder, and putting a pack's level files in play order.
 */

/** The file name of a pack's description. */
export const PACK_FILE = 'pack.json';
/** JSON files in a level folder that are not levels. */
const NOT_LEVELS = new Set([PACK_FILE, 'schema.json']);



/**
 * Reads a file's bytes, refusing (without reading it) anything over 5 MB and
 * anything that is not a regular file. `shown` is the name used in problems.
 */
export function readLevelBytes(file: string, shown: string): {ok: true; bytes: Uint8Array} | {ok: false; problem: LevelProblem} {
	try {
		const stat = fs.statSync(file);
		if (!stat.isFile()) return {ok: false, problem: fileProblem(shown, 'not a regular file')};
		if (stat.size > MAX_LEVEL_FILE_BYTES) return {ok: false, problem: fileProblem(shown, tooLargeMessage(stat.size))};
		return {ok: true, bytes: fs.readFileSync(file)};
	} catch (error) {
		return {ok: false, problem: fileProblem(shown, `cannot read the file (${errorCode(error)})`)};
	}
}

/** The `code` of a failed fs call (`ENOENT`), else the error's message. */
export function errorCode(error: unknown): string {
	if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
	return error instanceof Error ? error.message : String(error);
}

/** A folder of levels: its title (from `pack.json`, else the folder name) and its level files in play order. */
export type PackFolder = {
	readonly dir: string;
	readonly title: string;
	/** Absolute paths, in play order. */
	readonly files: readonly string[];
	/** Problems with `pack.json` (unreadable, invalid, naming a missing file). */
	readonly problems: readonly LevelProblem[];
};

/**
 * The packs inside `dir`: `dir` itself when it holds level files or a
 * `pack.json`, then each immediate sub-folder that does, in name order.
 * Hidden entries (starting with ".") are skipped; symbolic links count as
 * what they point to. A folder that cannot be read gives one problem and no pack.
 */
export function findPacks(dir: string, show: (file: string) => string): {packs: PackFolder[]; problems: LevelProblem[]} {
	const listing = list(dir);
	if (!listing.ok) return {packs: [], problems: [fileProblem(show(dir), `cannot read the level folder (${listing.code})`)]};
	const packs: PackFolder[] = [];
	const problems: LevelProblem[] = [];
	const own = readPack(dir, listing.entries, show);
	if (own) packs.push(own);
	for (const entry of listing.entries) {
		if (entry.kind !== 'dir') continue;
		const sub = path.join(dir, entry.name);
		const subListing = list(sub);
		if (!subListing.ok) {
			problems.push(fileProblem(show(sub), `cannot read the level folder (${subListing.code})`));
			continue;
		}
		const pack = readPack(sub, subListing.entries, show);
		if (pack) packs.push(pack);
	}
	return {packs, problems};
}

/** A folder entry: a folder (or a link to one), or anything else (a file, a link to one, a broken link…). */
type Entry = {readonly name: string; readonly kind: 'dir' | 'file'};

/**
 * The visible entries of a folder in name order. A symbolic link counts as
 * what it points to; a link that leads nowhere (dangling, or a loop) counts
 * as a file, so a level file behind it is reported as unreadable rather than
 * silently skipped.
 */
function list(dir: string): {ok: true; entries: Entry[]} | {ok: false; code: string} {
	try {
		const entries = fs
			.readdirSync(dir, {withFileTypes: true})
			.filter((entry) => !entry.name.startsWith('.'))
			.sort((a, b) => compareNames(a.name, b.name))
			.map((entry): Entry => ({name: entry.name, kind: isFolder(dir, entry) ? 'dir' : 'file'}));
		return {ok: true, entries};
	} catch (error) {
		return {ok: false, code: errorCode(error)};
	}
}

function isFolder(dir: string, entry: fs.Dirent): boolean {
	if (!entry.isSymbolicLink()) return entry.isDirectory();
	try {
		return fs.statSync(path.join(dir, entry.name)).isDirectory();
	} catch {
		return false;
	}
}

/** File-name order with numbers compared by value ("2-x" before "10-x"), ties broken by code units. */
function compareNames(a: string, b: string): number {
	return a.localeCompare(b, 'en', {numeric: true}) || (a < b ? -1 : a > b ? 1 : 0);
}

function readPack(dir: string, entries: readonly Entry[], show: (file: string) => string): PackFolder | undefined {
	const names = entries.filter((entry) => entry.kind === 'file' && entry.name.endsWith('.json') && !NOT_LEVELS.has(entry.name)).map((entry) => entry.name);
	const hasPackFile = entries.some((entry) => entry.kind === 'file' && entry.name === PACK_FILE);
	if (names.length === 0 && !hasPackFile) return undefined;
	const problems: LevelProblem[] = [];
	let pack: Pack | undefined;
	if (hasPackFile) {
		const result = readPackFile(path.join(dir, PACK_FILE), names, show);
		problems.push(...result.problems);
		pack = result.pack;
	}
	const ordered = pack?.order?.filter((name) => names.includes(name)) ?? [];
	const rest = names.filter((name) => !ordered.includes(name));
	return {
		dir,
		title: sanitizeText(pack?.title ?? path.basename(dir)),
		files: [...new Set(ordered), ...rest].map((name) => path.join(dir, name)),
		problems,
	};
}

function readPackFile(file: string, names: readonly string[], show: (file: string) => string): {pack?: Pack; problems: LevelProblem[]} {
	const shown = show(file);
	const bytes = readLevelBytes(file, shown);
	if (!bytes.ok) return {problems: [bytes.problem]};
	const parsed = parseJsonSource(bytes.bytes, shown);
	if (!parsed.ok) return {problems: parsed.problems};
	const result = parseWithSchema(packSchema, parsed.source.value);
	const issues = [...(result.ok ? [] : result.issues), ...findUnknownKeys(packSchema, parsed.source.value)];
	if (result.ok) {
		for (const [index, name] of (result.data.order ?? []).entries()) {
			if (!names.includes(name)) issues.push({path: ['order', index], message: `no level file named ${JSON.stringify(name)} in this folder`});
		}
	}
	const problems = locateAll(parsed.source, shown, issues);
	return result.ok ? {pack: result.data, problems} : {problems};
}

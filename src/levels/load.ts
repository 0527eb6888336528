import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {levelHash} from './hash.js';
import {fileProblem, findPacks, readLevelBytes} from './level-files.js';
import type {LevelProblem} from './problem.js';
import {readLevel} from './read-level.js';
import type {Level} from './schema.js';

/**
 * The level catalog: every pack the game can offer, from the built-in
 * `levels/` folder, the user's level folder and each `--levels` folder.
 * A broken file never stops the others: it is listed with its problems.
 */

/** Where a pack came from. */
export type PackSource = 'built-in' | 'user' | 'extra';

/** One level file of a pack: playable, or broken with every problem found. */
export type CatalogEntry =
	| {
			readonly ok: true;
			/** Every string sanitized for the terminal. */
			readonly level: Level;
			/** Absolute path. */
			readonly file: string;
			/** `levelHash(level)`: saved drafts compare it to notice a changed level. */
			readonly hash: string;
	  }
	| {
			readonly ok: false;
			readonly file: string;
			readonly id?: string;
			readonly title?: string;
			readonly problems: LevelProblem[];
	  };

/** A playable catalog entry. */
export type PlayableEntry = Extract<CatalogEntry, {ok: true}>;

/** A folder of levels. */
export type CatalogPack = {
	readonly title: string;
	/** Absolute path. */
	readonly dir: string;
	readonly source: PackSource;
	/** In play order: `pack.json`'s `order`, then file names (numbers by value). */
	readonly levels: CatalogEntry[];
};

/** Every pack, and the problems that belong to no single level (pack.json, unreadable folders, duplicate ids). */
export type Catalog = {
	readonly packs: CatalogPack[];
	readonly problems: LevelProblem[];
};

/** Where to look for levels. */
export type CatalogOptions = {
	/** The built-in campaign (`builtInLevelsDir()`); omitted: none. A missing folder is a problem. */
	readonly builtInDir?: string;
	/** The user's level folder; a missing one is simply empty. */
	readonly userDir?: string;
	/** `--levels` folders, in the order given. A missing folder is a problem. */
	readonly extraDirs?: readonly string[];
};

/**
 * Loads every pack: built-in first, then the user's folder, then each extra
 * folder. Each folder is a pack when it holds level files, and so is each of
 * its immediate sub-folders. A level id already used by an earlier level is
 * reported in `problems` and the later file is listed as broken. File paths
 * in the catalog (and in its problems) are absolute. Never throws.
 */
export function loadCatalog(options: CatalogOptions): Catalog {
	const folders: {dir: string; source: PackSource; required: boolean}[] = [];
	if (options.builtInDir !== undefined) folders.push({dir: options.builtInDir, source: 'built-in', required: true});
	if (options.userDir !== undefined) folders.push({dir: options.userDir, source: 'user', required: false});
	for (const dir of options.extraDirs ?? []) folders.push({dir, source: 'extra', required: true});

	const show = (file: string) => file;
	const packs: CatalogPack[] = [];
	const problems: LevelProblem[] = [];
	const firstFileOfId = new Map<string, string>();
	for (const folder of folders) {
		const dir = path.resolve(folder.dir);
		if (!fs.existsSync(dir)) {
			if (folder.required) problems.push(fileProblem(dir, 'level folder not found'));
			continue;
		}
		const found = findPacks(dir, show);
		problems.push(...found.problems);
		for (const pack of found.packs) {
			problems.push(...pack.problems);
			const levels = pack.files.map((file): Loaded => {
				const entry = loadEntry(file);
				if (!entry.ok) return entry;
				const first = firstFileOfId.get(entry.level.id);
				if (first === undefined) {
					firstFileOfId.set(entry.level.id, file);
					return entry;
				}
				const problem = {...entry.idAt, message: `duplicate level id ${JSON.stringify(entry.level.id)}: also in ${first}`};
				problems.push(problem);
				return {ok: false, file, id: entry.level.id, title: entry.level.title, problems: [problem]};
			});
			packs.push({title: pack.title, dir: pack.dir, source: folder.source, levels: levels.map(stripLocation)});
		}
	}
	return {packs, problems};
}

type Loaded = Extract<CatalogEntry, {ok: false}> | (PlayableEntry & {readonly idAt: LevelProblem});

function loadEntry(file: string): Loaded {
	const bytes = readLevelBytes(file, file);
	if (!bytes.ok) return {ok: false, file, problems: [bytes.problem]};
	const read = readLevel(bytes.bytes, file);
	if (!read.ok) {
		const {ok, problems, ...names} = read;
		return {ok, file, problems, ...names};
	}
	const idAt = {file, ...read.source.locate(['id']), pointer: '/id', message: ''};
	return {ok: true, level: read.level, file, hash: levelHash(read.level), idAt};
}

function stripLocation(entry: Loaded): CatalogEntry {
	if (!entry.ok) return entry;
	return {ok: true, level: entry.level, file: entry.file, hash: entry.hash};
}

/** Every playable level of the catalog, in catalog order. */
export function playableLevels(catalog: Catalog): PlayableEntry[] {
	return catalog.packs.flatMap((pack) => pack.levels.filter((entry): entry is PlayableEntry => entry.ok));
}

/** The playable level with this id, or undefined. */
export function findLevel(catalog: Catalog, id: string): PlayableEntry | undefined {
	return playableLevels(catalog).find((entry) => entry.level.id === id);
}

/**
 * The built-in `levels/` folder: the nearest ancestor of this module (or of
 * the bundle in `dist/`) that has `levels/schema.json`. When none is found,
 * `levels/` next to the package root as a best guess (the loader then reports it missing).
 */
export function builtInLevelsDir(from: string = import.meta.url): string {
	const start = path.dirname(fileURLToPath(from));
	for (let dir = start; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'levels');
		if (fs.existsSync(path.join(candidate, 'schema.json'))) return candidate;
		if (path.dirname(dir) === dir) break;
	}
	return path.resolve(start, '..', '..', 'levels');
}

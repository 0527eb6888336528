import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {fileProblem, type LevelProblem} from './problem.js';
import type {Level} from './schema.js';

/**
 * The level catalog's shape, and how it is put together from its folders:
 * built-in first, then the user's folder, then each `--levels` folder, with
 * level ids unique across all of them. How one folder is read is passed in
 * (`FolderLoader`): the full check (load.ts) or the checked-levels cache
 * (checked-cache.ts). This module loads no schema code, so the game's first
 * frame can be drawn from the cache without it.
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

/** A playable entry with where its `id` is written (for the duplicate-id problem). */
export type LoadedEntry = Extract<CatalogEntry, {ok: false}> | (PlayableEntry & {readonly idAt: LevelProblem});

/** One folder read: its packs (the folder itself and its sub-folders) and the problems of no single level. */
export type FolderLoad = {
	readonly packs: readonly {
		readonly title: string;
		readonly dir: string;
		readonly levels: readonly LoadedEntry[];
		/** Problems with `pack.json`. */
		readonly problems: readonly LevelProblem[];
	}[];
	/** Folders that cannot be read. */
	readonly problems: readonly LevelProblem[];
};

/** Reads one existing folder (absolute path). */
export type FolderLoader = (dir: string) => FolderLoad;

/** The folders of the options, in catalog order, as absolute paths. */
export function catalogFolders(options: CatalogOptions): {dir: string; source: PackSource; required: boolean}[] {
	const folders: {dir: string; source: PackSource; required: boolean}[] = [];
	if (options.builtInDir !== undefined) folders.push({dir: options.builtInDir, source: 'built-in', required: true});
	if (options.userDir !== undefined) folders.push({dir: options.userDir, source: 'user', required: false});
	for (const dir of options.extraDirs ?? []) folders.push({dir, source: 'extra', required: true});
	return folders.map((folder) => ({...folder, dir: path.resolve(folder.dir)}));
}

/**
 * Puts the catalog together: each folder read by `loadFolder`, in order. A
 * level id already used by an earlier level is reported in `problems` and the
 * later file is listed as broken. Never throws (when `loadFolder` does not).
 */
export function assembleCatalog(options: CatalogOptions, loadFolder: FolderLoader): Catalog {
	const packs: CatalogPack[] = [];
	const problems: LevelProblem[] = [];
	const firstFileOfId = new Map<string, string>();
	for (const folder of catalogFolders(options)) {
		if (!fs.existsSync(folder.dir)) {
			if (folder.required) problems.push(fileProblem(folder.dir, 'level folder not found'));
			continue;
		}
		const loaded = loadFolder(folder.dir);
		problems.push(...loaded.problems);
		for (const pack of loaded.packs) {
			problems.push(...pack.problems);
			const levels = pack.levels.map((entry): CatalogEntry => {
				if (!entry.ok) return entry;
				const {idAt, ...playable} = entry;
				const first = firstFileOfId.get(entry.level.id);
				if (first === undefined) {
					firstFileOfId.set(entry.level.id, entry.file);
					return playable;
				}
				const problem = {...idAt, message: `duplicate level id ${JSON.stringify(entry.level.id)}: also in ${first}`};
				problems.push(problem);
				return {ok: false, file: entry.file, id: entry.level.id, title: entry.level.title, problems: [problem]};
			});
			packs.push({title: pack.title, dir: pack.dir, source: folder.source, levels});
		}
	}
	return {packs, problems};
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

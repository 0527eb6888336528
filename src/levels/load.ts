import {levelHash} from './hash.js';
import {assembleCatalog, type Catalog, type CatalogOptions, type FolderLoad, type LoadedEntry, type PlayableEntry} from './catalog.js';
import {findPacks, readLevelBytes} from './level-files.js';
import {readLevel} from './read-level.js';

/**
 * The level catalog: every pack the game can offer, from the built-in
 * `levels/` folder, the user's level folder and each `--levels` folder.
 * A broken file never stops the others: it is listed with its problems.
 */

export type {Catalog, CatalogEntry, CatalogOptions, CatalogPack, PackSource, PlayableEntry} from './catalog.js';
export {builtInLevelsDir} from './catalog.js';

/**
 * Loads every pack: built-in first, then the user's folder, then each extra
 * folder. Each folder is a pack when it holds level files, and so is each of
 * its immediate sub-folders. A level id already used by an earlier level is
 * reported in `problems` and the later file is listed as broken. File paths
 * in the catalog (and in its problems) are absolute. Never throws.
 */
export function loadCatalog(options: CatalogOptions): Catalog {
	return assembleCatalog(options, loadFolder);
}

/** Reads one existing folder with the full check: every level file parsed, checked against the schema, sanitized and hashed. */
export function loadFolder(dir: string): FolderLoad {
	const found = findPacks(dir, (file) => file);
	return {
		problems: found.problems,
		packs: found.packs.map((pack) => ({title: pack.title, dir: pack.dir, problems: pack.problems, levels: pack.files.map(loadEntry)})),
	};
}

function loadEntry(file: string): LoadedEntry {
	const bytes = readLevelBytes(file, file);
	if (!bytes.ok) return {ok: false, file, problems: [bytes.problem]};
	const read = readLevel(bytes.bytes, file);
	if (!read.ok) {
		// The names only: a catalog keeps no parsed source of a broken file (the validator rereads it).
		const {problems, id, title} = read;
		return {ok: false, file, problems, ...(id === undefined ? {} : {id}), ...(title === undefined ? {} : {title})};
	}
	const idAt = {file, ...read.source.locate(['id']), pointer: '/id', message: ''};
	return {ok: true, level: read.level, file, hash: levelHash(read.level), idAt};
}

/** Every playable level of the catalog, in catalog order. */
export function playableLevels(catalog: Catalog): PlayableEntry[] {
	return catalog.packs.flatMap((pack) => pack.levels.filter((entry): entry is PlayableEntry => entry.ok));
}

/** The playable level with this id, or undefined. */
export function findLevel(catalog: Catalog, id: string): PlayableEntry | undefined {
	return playableLevels(catalog).find((entry) => entry.level.id === id);
}

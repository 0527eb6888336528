import fs from 'node:fs';
import path from 'node:path';
import {assembleCatalog, type Catalog, type CatalogOptions, catalogFolders, type FolderLoad, type FolderLoader} from './catalog.js';
import {BUILD_CHECKER, cachedFolder, folderFingerprint} from './checked-cache.js';

/**
 * The catalog as `loadCatalog` (load.ts) gives it, drawing the built-in
 * folder from its cache and skipping folders without level files; the
 * full check (and the schema code) is loaded only for what is left. Used
 * where start-up time matters: the game's first frame.
 */
export async function loadCatalogQuickly(
	options: CatalogOptions,
	{checker = BUILD_CHECKER, fullLoader = async () => (await import('./load.js')).loadFolder}: {checker?: string; fullLoader?: () => Promise<FolderLoader>} = {},
): Promise<Catalog> {
	const builtIn = options.builtInDir === undefined ? undefined : path.resolve(options.builtInDir);
	const known = new Map<string, FolderLoad>();
	let rest = false;
	for (const {dir} of catalogFolders(options)) {
		if (known.has(dir) || !fs.existsSync(dir)) continue;
		const quick = dir === builtIn ? cachedFolder(dir, checker) : emptyFolder(dir);
		if (quick) known.set(dir, quick);
		else rest = true;
	}
	const full = rest ? await fullLoader() : undefined;
	return assembleCatalog(options, (dir) => known.get(dir) ?? full!(dir));
}

/** A folder with no `.json` file anywhere the loader looks (and nothing unreadable) holds no pack. */
function emptyFolder(dir: string): FolderLoad | undefined {
	return folderFingerprint(dir, '')?.files === 0 ? {packs: [], problems: []} : undefined;
}

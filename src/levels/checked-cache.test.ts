import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import type {FolderLoader} from './catalog.js';
import {BUILD_CHECKER, CHECKED_CACHE_FILE, CHECKED_KEY_FILE, cachedFolder} from './checked-cache.js';
import {loadCatalogQuickly} from './load-quickly.js';
import {loadCatalog, loadFolder} from './load.js';
import {writeCheckedCache} from './write-checked-cache.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-checked-'));
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

let copies = 0;
/** A fresh copy of a folder (the built-in levels by default) in the temp folder. */
function copyOf(source = path.join(root, 'levels')): string {
	const dir = path.join(tmp, `copy-${copies++}`);
	fs.cpSync(source, dir, {recursive: true});
	return dir;
}

/** The full loader, counting the folders it had to read. */
function countingLoader(): {read: string[]; fullLoader: () => Promise<FolderLoader>} {
	const read: string[] = [];
	return {
		read,
		fullLoader: async () => (dir) => {
			read.push(dir);
			return loadFolder(dir);
		},
	};
}

describe('the checked-levels cache', () => {
	it('gives exactly the catalog of the full check, without reading any level file through it', async () => {
		const dir = copyOf();
		expect(writeCheckedCache(dir, 'checker-1')).toBe(true);
		const {read, fullLoader} = countingLoader();
		const quick = await loadCatalogQuickly({builtInDir: dir}, {checker: 'checker-1', fullLoader});
		expect(read).toEqual([]);
		expect(quick).toStrictEqual(loadCatalog({builtInDir: dir}));
		expect(quick.packs[0]?.levels.length).toBeGreaterThan(15);
	});

	it('is not a level file: the loader and the quick loader both skip it', () => {
		const dir = copyOf();
		writeCheckedCache(dir, 'checker-1');
		expect(fs.existsSync(path.join(dir, CHECKED_CACHE_FILE))).toBe(true);
		const files = loadCatalog({builtInDir: dir}).packs.flatMap((pack) => pack.levels.map((entry) => path.basename(entry.file)));
		expect(files).not.toContain(CHECKED_CACHE_FILE);
	});

	it('still holds after the folder moves: paths are rebuilt from the new place', async () => {
		const dir = copyOf();
		writeCheckedCache(dir, 'checker-1');
		const moved = path.join(tmp, `moved-${copies++}`);
		fs.renameSync(dir, moved);
		const {read, fullLoader} = countingLoader();
		const quick = await loadCatalogQuickly({builtInDir: moved}, {checker: 'checker-1', fullLoader});
		expect(read).toEqual([]);
		expect(quick).toStrictEqual(loadCatalog({builtInDir: moved}));
	});

	it('keeps broken levels, pack problems and sub-folder packs exactly as the full check reports them', async () => {
		const dir = copyOf(path.join(root, 'test', 'fixtures', 'levels'));
		expect(writeCheckedCache(dir, 'checker-1')).toBe(true);
		const {read, fullLoader} = countingLoader();
		const quick = await loadCatalogQuickly({builtInDir: dir}, {checker: 'checker-1', fullLoader});
		expect(read).toEqual([]);
		const full = loadCatalog({builtInDir: dir});
		expect(quick).toStrictEqual(full);
		expect(full.packs.some((pack) => pack.levels.some((entry) => !entry.ok))).toBe(true);
	});

	const changes: [string, (dir: string) => void][] = [
		['a level file edited', (dir) => {
			const file = path.join(dir, '00-client-server.json');
			fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"title": "', '"title": "Edited: '));
		}],
		['a level file added', (dir) => fs.copyFileSync(path.join(dir, '00-client-server.json'), path.join(dir, '99-copy.json'))],
		['a level file removed', (dir) => fs.rmSync(path.join(dir, '01-public-ip.json'))],
		['a level file renamed', (dir) => fs.renameSync(path.join(dir, '01-public-ip.json'), path.join(dir, '01-renamed.json'))],
		['pack.json edited', (dir) => fs.writeFileSync(path.join(dir, 'pack.json'), '{"title": "Another campaign"}')],
		['a sub-folder pack added', (dir) => {
			fs.mkdirSync(path.join(dir, 'more'));
			fs.copyFileSync(path.join(dir, '00-client-server.json'), path.join(dir, 'more', 'x.json'));
		}],
		['the key file gone', (dir) => fs.rmSync(path.join(dir, CHECKED_KEY_FILE))],
		['the key file from another folder', (dir) => fs.writeFileSync(path.join(dir, CHECKED_KEY_FILE), 'netquest checked levels 3\0checker-1\0')],
		['the cache file damaged', (dir) => fs.writeFileSync(path.join(dir, CHECKED_CACHE_FILE), '{"checker": "checker-1", "fingerprint": ')],
		['the cache file of another shape', (dir) => {
			const cache = JSON.parse(fs.readFileSync(path.join(dir, CHECKED_CACHE_FILE), 'utf8')) as Record<string, unknown>;
			fs.writeFileSync(path.join(dir, CHECKED_CACHE_FILE), JSON.stringify({...cache, packs: 'nope'}));
		}],
	];
	for (const [change, apply] of changes) {
		it(`falls back to the full check when ${change}, and the catalog shows the change`, async () => {
			const dir = copyOf();
			writeCheckedCache(dir, 'checker-1');
			apply(dir);
			const {read, fullLoader} = countingLoader();
			const quick = await loadCatalogQuickly({builtInDir: dir}, {checker: 'checker-1', fullLoader});
			expect(read).toEqual([dir]);
			expect(quick).toStrictEqual(loadCatalog({builtInDir: dir}));
		});
	}

	it('belongs to one checker: another build (or none, running from the sources) does not use it', async () => {
		const dir = copyOf();
		writeCheckedCache(dir, 'checker-1');
		expect(cachedFolder(dir, 'checker-2')).toBeUndefined();
		expect(cachedFolder(dir, undefined)).toBeUndefined();
		expect(cachedFolder(dir, 'checker-1')).toBeDefined();
		// Tests run from the sources: no build defined a checker.
		expect(BUILD_CHECKER).toBeUndefined();
	});

	it('is read only for the built-in folder: a cache file in a player\'s or instructor\'s folder could claim anything', async () => {
		const dir = copyOf();
		writeCheckedCache(dir, 'checker-1');
		const {read, fullLoader} = countingLoader();
		const quick = await loadCatalogQuickly({extraDirs: [dir], userDir: dir}, {checker: 'checker-1', fullLoader});
		// Read by the full check both times it is named (the second time, every id is a duplicate).
		expect(read).toEqual([dir, dir]);
		expect(quick).toStrictEqual(loadCatalog({extraDirs: [dir], userDir: dir}));
	});

	it('needs neither cache nor full check for folders without level files, and reports missing ones as the loader does', async () => {
		const builtIn = copyOf();
		writeCheckedCache(builtIn, 'checker-1');
		const empty = path.join(tmp, `empty-${copies++}`);
		fs.mkdirSync(path.join(empty, 'notes'), {recursive: true});
		fs.writeFileSync(path.join(empty, 'README.md'), 'no levels here');
		const options = {builtInDir: builtIn, userDir: empty, extraDirs: [path.join(tmp, 'missing')]};
		const {read, fullLoader} = countingLoader();
		const quick = await loadCatalogQuickly(options, {checker: 'checker-1', fullLoader});
		expect(read).toEqual([]);
		expect(quick).toStrictEqual(loadCatalog(options));
		expect(quick.problems.map((problem) => problem.message)).toEqual(['level folder not found']);
	});
});

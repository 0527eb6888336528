import fs from 'node:fs';
import path from 'node:path';
import {CHECKED_CACHE_FILE, CHECKED_KEY_FILE, checkedCacheContent} from './checked-cache.js';
import {loadFolder} from './load.js';

/**
 * Writes a level folder's checked-levels cache (checked-cache.ts) after the
 * full check; `npm run build` calls it for the built-in levels. Returns
 * false, writing nothing, when the folder holds something the cache does
 * not vouch for.
 */
export function writeCheckedCache(dir: string, checker: string): boolean {
	const content = checkedCacheContent(dir, checker, loadFolder(dir));
	if (content === undefined) return false;
	fs.writeFileSync(path.join(dir, CHECKED_CACHE_FILE), content.json);
	fs.writeFileSync(path.join(dir, CHECKED_KEY_FILE), content.key);
	return true;
}

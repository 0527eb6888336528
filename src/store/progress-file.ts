import fs from 'node:fs';
import path from 'node:path';
import {codeOf, messageOf} from './fs-errors.js';
import {emptyProgress, type ReadProgress, readProgressData} from './progress-format.js';

/**
 * Reading the progress file as it is, without opening the store (no lock,
 * no repair, no conf): the game's first frame draws the map from it while
 * the store itself opens.
 */

/** The progress file's name inside the data directory. */
export const PROGRESS_FILE = 'progress.json';

/** The progress file as read: what it means, and its parsed JSON (undefined if missing or not JSON). */
export type ProgressFileRead = {readonly read: ReadProgress; readonly data: unknown; readonly exists: boolean};

/** The progress file's contents right now with its parsed JSON (to keep what this build does not know). Never throws. */
export function readProgressFileData(file: string): ProgressFileRead {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if (codeOf(error) === 'ENOENT') return {read: {kind: 'ok', progress: emptyProgress(), migrated: false}, data: undefined, exists: false};
		return {read: {kind: 'damaged', progress: emptyProgress(), problem: `it cannot be read (${messageOf(error)})`}, data: undefined, exists: true};
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {read: {kind: 'damaged', progress: emptyProgress(), problem: 'it is not valid JSON (truncated or edited?)'}, data: undefined, exists: true};
	}
	return {read: readProgressData(data), data, exists: true};
}

/** The progress file's contents right now; a missing file is empty progress. Never throws. */
export function readProgressFile(file: string): ReadProgress {
	return readProgressFileData(file).read;
}

/** The progress saved in a data directory, read as it is (see `readProgressFile`). */
export function readSavedProgress(dataDir: string): ReadProgress {
	return readProgressFile(path.join(dataDir, PROGRESS_FILE));
}

import fs from 'node:fs';
import path from 'node:path';
import {codeOf, messageOf} from './fs-errors.js';
import {emptyProgress, type ReadProgress, readProgressText} from './progress-format.js';

/**
 * Reading the progress file as it is, without opening the store (no lock,
 * no repair, no conf): the game's first frame draws the map from it while
 * the store itself opens.
 */

/** The progress file's name inside the data directory. */
export const PROGRESS_FILE = 'progress.json';

/** The progress file's contents right now; a missing file is empty progress. Never throws. */
export function readProgressFile(file: string): ReadProgress {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if (codeOf(error) === 'ENOENT') return {kind: 'ok', progress: emptyProgress(), migrated: false};
		return {kind: 'damaged', progress: emptyProgress(), problem: `it cannot be read (${messageOf(error)})`};
	}
	return readProgressText(text);
}

/** The progress saved in a data directory, read as it is (see `readProgressFile`). */
export function readSavedProgress(dataDir: string): ReadProgress {
	return readProgressFile(path.join(dataDir, PROGRESS_FILE));
}

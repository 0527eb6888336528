import type {ProgressStore} from './progress.js';
import {emptyProgress, type ProgressData} from './progress-format.js';
import {progressStoreOver} from './store-over.js';

/**
 * A progress store kept in memory, with the same behaviour as the file
 * store: for tests, and for the game's first frame, drawn from the progress
 * file as read while the real store opens (src/cli/play.ts). `initial` seeds it.
 */
export function memoryProgressStore(initial: Partial<ProgressData> = {}): ProgressStore {
	let progress: ProgressData = {...emptyProgress(), ...initial};
	return progressStoreOver({
		dataDir: '',
		warnings: [],
		load: () => progress,
		update(change) {
			progress = change(progress);
		},
	});
}

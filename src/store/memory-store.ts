import type {ProgressStore} from './progress.js';
import {emptyProgress, type ProgressData} from './progress-format.js';
import {progressStoreOver} from './store-over.js';

/**
 * A progress store kept in memory, with the same behaviour as the file
 * store: for tests and the UI's tests. `initial` seeds it.
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

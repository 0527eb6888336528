import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {withFileLock} from './file-lock.js';
import type {ProgressStore} from './progress.js';
import {
	PROGRESS_FORMAT_VERSION,
	emptyProgress,
	progressToFile,
	readProgressData,
	type ProgressData,
	type ReadProgress,
} from './progress-format.js';
import {codeOf, messageOf} from './fs-errors.js';
import {PROGRESS_FILE, readProgressFile as readFile} from './progress-file.js';
import {progressStoreOver} from './store-over.js';

export {PROGRESS_FILE};

/** Options of `openProgressStore`. */
export type OpenProgressStoreOptions = {
	/** The data directory (see `resolveDataDir`); created if missing. */
	readonly dataDir: string;
};

/**
 * Copies a damaged file next to itself as `<file>.corrupt-<n>`, the first
 * free n (a counter, not a clock). Returns the copy's path, or undefined if
 * it could not be copied.
 */
export function keepAside(file: string): string | undefined {
	for (let n = 1; n < 10_000; n++) {
		const copy = `${file}.corrupt-${n}`;
		try {
			fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
			return copy;
		} catch (error) {
			if (codeOf(error) !== 'EEXIST') return undefined;
		}
	}
	return undefined;
}

/** Creates conf over the file; the migrations bring a version 0 file to the current format. */
function openConf(dataDir: string): Conf<Record<string, unknown>> {
	return new Conf<Record<string, unknown>>({
		projectName: 'netquest',
		cwd: dataDir,
		configName: path.basename(PROGRESS_FILE, '.json'),
		projectVersion: `${PROGRESS_FORMAT_VERSION}.0.0`,
		accessPropertiesByDotNotation: false,
		clearInvalidConfig: false,
		migrations: {
			'1.0.0': (store) => {
				const read = readProgressData(store.store);
				// Damaged data is left alone here: the store keeps it aside before touching it.
				if (read.kind === 'ok') store.store = progressToFile(read.progress);
			},
		},
	});
}

/**
 * Opens the progress file in `dataDir` (`progress.json`, through conf: atomic
 * writes by rename). Never throws for a bad file or directory:
 * - a damaged file (not JSON, wrong shape, a newer format) is copied to
 *   `progress.json.corrupt-<n>`, a warning says so, and play goes on with
 *   what could be salvaged (nothing, or the good entries);
 * - a file that cannot be copied aside is left untouched, and progress is
 *   kept in memory only, with a warning; so is progress after a failed write.
 * Every read re-reads the file; every write re-reads and merges under a lock,
 * so two games running at once do not erase each other's levels.
 */
export function openProgressStore({dataDir}: OpenProgressStoreOptions): ProgressStore {
	const file = path.join(dataDir, PROGRESS_FILE);
	const lock = `${file}.lock`;
	const warnings: string[] = [];
	const warn = (message: string): void => {
		if (!warnings.includes(message)) warnings.push(message);
	};
	let conf: Conf<Record<string, unknown>> | undefined;
	/** Set when the file cannot be used: progress lives here until the game ends. */
	let memory: ProgressData | undefined;

	const toMemory = (progress: ProgressData, why: string): ProgressData => {
		memory = progress;
		warn(`${why} Your progress is kept only until you quit this game.`);
		return progress;
	};

	const write = (progress: ProgressData): void => {
		try {
			if (conf === undefined) throw new Error('the progress file is not open');
			conf.store = progressToFile(progress);
		} catch (error) {
			toMemory(progress, `Could not save your progress to ${file} (${messageOf(error)}).`);
		}
	};

	/**
	 * Copies a damaged file aside and says so; false (and memory-only play) if
	 * it cannot be copied, so that nothing is thrown away.
	 */
	const setAside = (read: Extract<ReadProgress, {kind: 'damaged'}>): boolean => {
		const copy = keepAside(file);
		if (copy === undefined) {
			toMemory(read.progress, `Your progress file ${file} is unusable (${read.problem}) and could not be copied aside, so it was left untouched.`);
			return false;
		}
		const salvaged = Object.keys(read.progress.levels).length > 0;
		warn(
			`Your progress file could not be fully read: ${read.problem}. It was kept as ${copy}; ` +
				(salvaged ? 'the readable part of your progress was kept.' : 'netquest starts with empty progress.'),
		);
		return true;
	};

	/** Keeps a damaged file aside and replaces it with what was salvaged. Call with the lock held. */
	const repair = (read: Extract<ReadProgress, {kind: 'damaged'}>): ProgressData => {
		if (setAside(read)) write(read.progress);
		return read.progress;
	};

	/** The latest saved progress, repairing a damaged file. Call with the lock held. */
	const loadLocked = (): ProgressData => {
		if (memory !== undefined) return memory;
		const read = readFile(file);
		return read.kind === 'ok' ? read.progress : repair(read);
	};

	try {
		fs.mkdirSync(dataDir, {recursive: true});
		withFileLock(lock, () => {
			// Checked before conf opens the file: its migrations must never rewrite a damaged or newer file.
			const read = readFile(file);
			if (read.kind === 'damaged') {
				if (!setAside(read)) return;
				fs.rmSync(file, {force: true});
			}
			conf = openConf(dataDir);
			if (read.kind === 'damaged') write(read.progress);
		});
	} catch (error) {
		toMemory(emptyProgress(), `Could not open your progress in ${dataDir} (${messageOf(error)}).`);
	}

	return progressStoreOver({
		dataDir,
		warnings,
		load() {
			if (memory !== undefined) return memory;
			const read = readFile(file);
			if (read.kind === 'ok') return read.progress;
			return withFileLock(lock, loadLocked);
		},
		update(change) {
			if (memory !== undefined) {
				memory = change(memory);
				return;
			}
			withFileLock(lock, () => {
				const next = change(loadLocked());
				if (memory !== undefined) memory = next;
				else write(next);
			});
		},
	});
}

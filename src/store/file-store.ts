import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {withFileLock} from './file-lock.js';
import type {ProgressStore} from './progress.js';
import {PROGRESS_FORMAT_VERSION, progressToFile, readProgressData, type ProgressData, type ReadProgress} from './progress-format.js';
import {codeOf, messageOf, reasonOf} from './fs-errors.js';
import {PROGRESS_FILE, readProgressFileData as readFile} from './progress-file.js';
import {removeStaleFiles} from './stale-files.js';
import {progressStoreOver} from './store-over.js';

export {PROGRESS_FILE};

/** Options of `openProgressStore`. */
export type OpenProgressStoreOptions = {
	/** The data directory (see `resolveDataDir`); created if missing. */
	readonly dataDir: string;
	/** Who writes (`netquest 0.1.0`): recorded in the file, so that an older netquest can name it. */
	readonly writtenBy?: string;
	/** How long a save waits for another running game to finish its own (ms); default 5,000. */
	readonly lockWaitMs?: number;
	/** The first delay before a failed save is tried again on its own (ms), doubled up to 30 s; default 2,000; 0: only on the next change. */
	readonly retryMs?: number;
};

/** A change of the progress, kept until it is on disk and applied to the file as it is then (so it merges). */
type Change = (progress: ProgressData) => ProgressData;

/** A file that must be left untouched: what it held, and why. */
type Untouched = {readonly progress: ProgressData; readonly problem: string};

/** The longest wait between two tries of a failed save. */
const MAX_RETRY_MS = 30_000;

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
function openConf(dataDir: string, writtenBy: string | undefined): Conf<Record<string, unknown>> {
	return new Conf<Record<string, unknown>>({
		projectName: 'netquest',
		cwd: dataDir,
		configName: path.basename(PROGRESS_FILE, '.json'),
		projectVersion: `${PROGRESS_FORMAT_VERSION}.0.0`,
		accessPropertiesByDotNotation: false,
		clearInvalidConfig: false,
		migrations: {
			'1.0.0': (store) => {
				const previous = store.store;
				const read = readProgressData(previous);
				// Damaged data is left alone here: the store keeps it aside before touching it.
				if (read.kind === 'ok') store.store = progressToFile(read.progress, previous, writtenBy);
			},
		},
	});
}

/**
 * Opens the progress file in `dataDir` (`progress.json`, through conf: atomic
 * writes by rename). Never throws for a bad file or directory:
 * - a damaged file (not JSON, wrong shape) is copied to
 *   `progress.json.corrupt-<n>`, a warning says so, and play goes on with
 *   what could be salvaged (nothing, or the good entries);
 * - a file written by a newer netquest, or a damaged one that cannot be
 *   copied aside, is left untouched and never written: progress made in this
 *   game stays unsaved (`saveProblem`), for the CLI to copy elsewhere on quit;
 * - a save that fails (disk full, no permission, another game holding the
 *   lock too long) keeps the change and tries again on the next change and on
 *   a timer, until it is on disk; `saveProblem` says why meanwhile.
 * Every read re-reads the file; every save re-reads it and applies the
 * changes not yet saved under a lock, level by level, so two games running
 * at once never erase each other's levels. Keys this build does not know
 * are kept. Stale temporary files of games that died are removed on opening.
 */
export function openProgressStore(options: OpenProgressStoreOptions): ProgressStore {
	const {dataDir, writtenBy} = options;
	const lockOptions = {waitMs: options.lockWaitMs ?? 5000};
	const retryMs = options.retryMs ?? 2000;
	const file = path.join(dataDir, PROGRESS_FILE);
	const lock = `${file}.lock`;
	const warnings: string[] = [];
	const warn = (message: string): void => {
		if (!warnings.includes(message)) warnings.push(message);
	};
	let conf: Conf<Record<string, unknown>> | undefined;
	/** Set when the file must be left untouched: what it held, and why. */
	let readOnly: Untouched | undefined;
	/** `readOnly` now (a function, so that a check after a call that may set it is not narrowed away). */
	const untouched = (): Untouched | undefined => readOnly;
	/** Changes not on disk yet, oldest first. */
	let pending: Change[] = [];
	let problem: string | undefined;
	let timer: NodeJS.Timeout | undefined;
	let delay = retryMs;
	const listeners = new Set<() => void>();

	const setProblem = (next: string | undefined): void => {
		if (next === problem) return;
		problem = next;
		if (next !== undefined) warn(`${next} It is kept in this game and saved as soon as that works; if you quit first, netquest writes a copy elsewhere.`);
		for (const listener of [...listeners]) listener();
	};

	const leaveUntouched = (progress: ProgressData, why: string): void => {
		readOnly = {progress, problem: `${why}, so it is left untouched and this game's progress is not saved there.`};
		warn(readOnly.problem);
	};

	/** Writes `progress` over the file, keeping what this build does not know of `previous`. Throws if it cannot. */
	const writeLocked = (progress: ProgressData, previous: unknown): void => {
		fs.mkdirSync(dataDir, {recursive: true});
		conf ??= openConf(dataDir, writtenBy);
		conf.store = progressToFile(progress, previous, writtenBy);
	};

	/** Copies a damaged file aside and says so; throws (the file left untouched, the save to be tried again) if it cannot be copied. */
	const setAside = (read: Extract<ReadProgress, {kind: 'damaged'}>): void => {
		const copy = keepAside(file);
		if (copy === undefined) throw new Error(`the file is unusable (${read.problem}) and could not be copied aside, so it was left untouched`);
		const salvaged = Object.keys(read.progress.levels).length > 0;
		warn(
			`Your progress file could not be fully read: ${read.problem}. It was kept as ${copy}; ` +
				(salvaged ? 'the readable part of your progress was kept.' : 'netquest starts with empty progress.'),
		);
	};

	/** The file as it is now (repaired if damaged, or marked untouchable if newer). Call with the lock held; throws if a repair fails. */
	const loadLocked = (): {progress: ProgressData; data: unknown} => {
		const {read, data} = readFile(file);
		if (read.kind === 'newer') leaveUntouched(read.progress, `Your progress file ${file} cannot be used: ${read.problem}`);
		else if (read.kind === 'damaged') {
			setAside(read);
			writeLocked(read.progress, data);
		}
		return {progress: read.progress, data};
	};

	const applyPending = (progress: ProgressData): ProgressData => pending.reduce((value, change) => change(value), progress);

	const schedule = (): void => {
		if (timer !== undefined || retryMs <= 0 || readOnly !== undefined) return;
		timer = setTimeout(() => {
			timer = undefined;
			if (flush()) delay = retryMs;
			else {
				delay = Math.min(MAX_RETRY_MS, delay * 2);
				schedule();
			}
		}, delay);
		timer.unref();
	};

	/** Saves the changes not on disk yet; true when everything is saved. */
	const flush = (): boolean => {
		if (pending.length === 0) {
			setProblem(undefined);
			return true;
		}
		if (readOnly !== undefined) {
			setProblem(readOnly.problem);
			return false;
		}
		let failure: string;
		try {
			fs.mkdirSync(dataDir, {recursive: true});
			const saved = withFileLock(
				lock,
				() => {
					const {progress, data} = loadLocked();
					if (untouched() !== undefined) return false;
					writeLocked(applyPending(progress), data);
					return true;
				},
				lockOptions,
			);
			if (saved.ok && saved.value) {
				pending = [];
				setProblem(undefined);
				return true;
			}
			failure = saved.ok ? '' : saved.problem;
		} catch (error) {
			failure = reasonOf(error);
		}
		setProblem(untouched()?.problem ?? `${failure}: could not save your progress to ${file}.`);
		schedule();
		return false;
	};

	/** The latest saved progress, with the changes not saved yet. Never throws. */
	const load = (): ProgressData => {
		if (readOnly !== undefined) return applyPending(readOnly.progress);
		const {read} = readFile(file);
		if (read.kind === 'ok') return applyPending(read.progress);
		let progress = read.progress;
		try {
			const repaired = withFileLock(lock, loadLocked, lockOptions);
			if (repaired.ok) progress = repaired.value.progress;
		} catch {
			// The repair could not be written: the next save tries again.
		}
		return applyPending(untouched()?.progress ?? progress);
	};

	try {
		fs.mkdirSync(dataDir, {recursive: true});
		withFileLock(
			lock,
			() => {
				removeStaleFiles(dataDir, PROGRESS_FILE);
				// Checked before conf opens the file: its migrations must never rewrite a damaged or newer file.
				const {read, data} = readFile(file);
				if (read.kind === 'newer') {
					leaveUntouched(read.progress, `Your progress file ${file} cannot be used: ${read.problem}`);
					return;
				}
				if (read.kind === 'damaged') {
					setAside(read);
					fs.rmSync(file, {force: true});
				}
				conf = openConf(dataDir, writtenBy);
				if (read.kind === 'damaged') writeLocked(read.progress, data);
			},
			lockOptions,
		);
	} catch (error) {
		warn(`Could not open your progress in ${dataDir} (${messageOf(error)}). Progress made in this game is kept in it and saved as soon as that works.`);
	}

	return progressStoreOver({
		dataDir,
		warnings,
		load,
		update(change) {
			pending.push(change);
			flush();
		},
		saveProblem: () => problem,
		flush,
		writeCopy(dirs) {
			const text = `${JSON.stringify(progressToFile(load(), undefined, writtenBy), undefined, '\t')}\n`;
			for (const dir of dirs) {
				for (let n = 1; n < 1000; n++) {
					const copy = path.join(dir, `netquest-unsaved-progress-${n}.json`);
					try {
						fs.writeFileSync(copy, text, {flag: 'wx'});
						return copy;
					} catch (error) {
						if (codeOf(error) === 'EEXIST') continue;
						// A copy cut short (the disk filled up) is not a copy.
						fs.rmSync(copy, {force: true});
						break;
					}
				}
			}
			return undefined;
		},
		onSaveStateChange(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	});
}

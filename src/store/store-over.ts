import type {LevelProgress, ProgressStore} from './progress.js';
import type {ProgressData} from './progress-format.js';
import {updateLevel, updateSettings, withDraft, withHintsUsed, withResult} from './progress-merge.js';

/** Where a store keeps its data: read the latest, write a whole new version. */
export type ProgressBackend = {
	readonly dataDir: string;
	/** The progress as saved right now. */
	load(): ProgressData;
	/**
	 * Re-reads the saved progress, applies `change` and saves the result, as
	 * one step as far as other writers are concerned.
	 */
	update(change: (progress: ProgressData) => ProgressData): void;
	readonly warnings: string[];
	/** See `ProgressStore`: a backend that always saves at once may leave these out. */
	saveProblem?(): string | undefined;
	flush?(): boolean;
	writeCopy?(dirs: readonly string[]): string | undefined;
	onSaveStateChange?(listener: () => void): () => void;
};

/** A copy that callers cannot use to change the store's data by accident. */
function copyLevel(level: LevelProgress): LevelProgress {
	return {...level, draft: [...level.draft]};
}

/** The `ProgressStore` methods over a backend: every read loads, every write merges. */
export function progressStoreOver(backend: ProgressBackend): ProgressStore {
	return {
		dataDir: backend.dataDir,
		warnings: backend.warnings,
		getLevel(id) {
			const {levels} = backend.load();
			const level = Object.hasOwn(levels, id) ? levels[id] : undefined;
			return level === undefined ? undefined : copyLevel(level);
		},
		allLevels() {
			return Object.fromEntries(Object.entries(backend.load().levels).map(([id, level]) => [id, copyLevel(level)]));
		},
		saveDraft(id, draft, levelHash) {
			backend.update((progress) => updateLevel(progress, id, (level) => withDraft(level, draft, levelHash)));
		},
		recordResult(id, result) {
			backend.update((progress) => updateLevel(progress, id, (level) => withResult(level, result)));
		},
		setHintsUsed(id, hintsUsed) {
			backend.update((progress) => updateLevel(progress, id, (level) => withHintsUsed(level, hintsUsed)));
		},
		getSettings() {
			return {...backend.load().settings};
		},
		setSettings(patch) {
			backend.update((progress) => updateSettings(progress, patch));
		},
		saveProblem: () => backend.saveProblem?.(),
		flush: () => backend.flush?.() ?? true,
		writeCopy: (dirs) => backend.writeCopy?.(dirs),
		onSaveStateChange: (listener) => backend.onSaveStateChange?.(listener) ?? (() => undefined),
	};
}

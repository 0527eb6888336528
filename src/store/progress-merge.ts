import type {LevelProgress, LevelResult, Settings} from './progress.js';
import type {ProgressData} from './progress-format.js';

/**
 * Pure updates of one level's progress. Each changes only the fields its
 * write is about, so applying it to the freshly re-read file merges it with
 * whatever another running game saved meanwhile.
 */

/** A level never opened before. */
export const NEW_LEVEL: LevelProgress = {solved: false, stars: 0, hintsUsed: 0, draft: []};

/** A whole number within [min, max] (bad numbers from a caller must not make the file unreadable). */
function clampInt(value: number, min: number, max: number): number {
	if (!Number.isFinite(value)) return min;
	return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** The level with its draft replaced (and the hash of the level it belongs to). */
export function withDraft(level: LevelProgress | undefined, draft: readonly string[], levelHash?: string): LevelProgress {
	const {levelHash: _old, ...rest} = level ?? NEW_LEVEL;
	void _old;
	return {...rest, draft: [...draft], ...(levelHash === undefined ? {} : {levelHash})};
}

/** The level after a solving run: solved, the best stars, the fewest commands, the run's hints. */
export function withResult(level: LevelProgress | undefined, result: LevelResult): LevelProgress {
	const before = level ?? NEW_LEVEL;
	const stars = clampInt(result.stars, 0, 3);
	const commands = clampInt(result.commands, 0, Number.MAX_SAFE_INTEGER);
	return {
		...before,
		solved: true,
		stars: Math.max(before.stars, stars),
		bestCommands: before.bestCommands === undefined ? commands : Math.min(before.bestCommands, commands),
		hintsUsed: clampInt(result.hintsUsed, 0, Number.MAX_SAFE_INTEGER),
		...(result.levelHash === undefined ? {} : {levelHash: result.levelHash}),
	};
}

/** The level with its count of revealed hints set. */
export function withHintsUsed(level: LevelProgress | undefined, hintsUsed: number): LevelProgress {
	return {...(level ?? NEW_LEVEL), hintsUsed: clampInt(hintsUsed, 0, Number.MAX_SAFE_INTEGER)};
}

/** The progress with one level replaced by `update` of its current value; other levels untouched. */
export function updateLevel(
	progress: ProgressData,
	id: string,
	update: (level: LevelProgress | undefined) => LevelProgress,
): ProgressData {
	const current = Object.hasOwn(progress.levels, id) ? progress.levels[id] : undefined;
	return {...progress, levels: {...progress.levels, [id]: update(current)}};
}

/** The progress with the settings patched (undefined fields of the patch are ignored). */
export function updateSettings(progress: ProgressData, patch: Partial<Settings>): ProgressData {
	const color = patch.color;
	return {...progress, settings: {...progress.settings, ...(color === undefined ? {} : {color})}};
}

/**
 * The progress contract: what netquest remembers about each level and the
 * player's settings, and the store interface the UI and CLI use. Two
 * implementations: `openProgressStore` (a file in the data directory) and
 * `memoryProgressStore` (tests).
 */

/** What is remembered about one level. */
export type LevelProgress = {
	/** Solved at least once; stays true. */
	readonly solved: boolean;
	/** The best stars earned (0 until solved). */
	readonly stars: number;
	/** The fewest configuration commands of a solving run. */
	readonly bestCommands?: number;
	/** Hints revealed on this level so far (restored when the level is resumed). */
	readonly hintsUsed: number;
	/** The configuration commands of the work in progress, replayed on resume. */
	readonly draft: readonly string[];
	/** The hash of the level the draft was written against (see `levelHash` in src/game). */
	readonly levelHash?: string;
};

/** Colour output: follow the terminal, force it on, or off. */
export type ColorSetting = 'auto' | 'always' | 'never';

/** The player's settings. */
export type Settings = {
	readonly color: ColorSetting;
};

/** A solving run, as reported to `recordResult`. */
export type LevelResult = {
	readonly stars: number;
	readonly commands: number;
	readonly hintsUsed: number;
	readonly levelHash?: string;
};

/**
 * Progress and settings. Reads always see the latest saved state (another
 * running game's writes included); every write changes only the fields it is
 * about, merged into what is saved at that moment.
 */
export type ProgressStore = {
	/** The data directory (empty string for the memory store). */
	readonly dataDir: string;
	/** The progress of one level, or undefined if it was never opened. */
	getLevel(id: string): LevelProgress | undefined;
	/** Every level with saved progress, by id. */
	allLevels(): Record<string, LevelProgress>;
	/** Replaces the level's draft (and the hash of the level it was written against). */
	saveDraft(id: string, draft: readonly string[], levelHash?: string): void;
	/** Records a solving run: marks the level solved, keeps the best stars and the fewest commands. */
	recordResult(id: string, result: LevelResult): void;
	/** Sets the number of hints revealed on the level. */
	setHintsUsed(id: string, hintsUsed: number): void;
	getSettings(): Settings;
	setSettings(patch: Partial<Settings>): void;
	/**
	 * Why some progress is not on disk right now (a save that failed and is
	 * being retried, a file this netquest must not write), in the player's
	 * words; undefined when everything is saved.
	 */
	saveProblem(): string | undefined;
	/** Tries again now to save what is not saved yet; true when everything is on disk. */
	flush(): boolean;
	/**
	 * Writes the whole progress, saved and unsaved, as a progress file in the
	 * first of `dirs` that takes it (never over an existing file); its path,
	 * or undefined if none did. For quitting with unsaved progress.
	 */
	writeCopy(dirs: readonly string[]): string | undefined;
	/** Calls `listener` whenever `saveProblem()` may have changed (a retry succeeded or failed); returns the unsubscribe. */
	onSaveStateChange(listener: () => void): () => void;
	/**
	 * Problems met while reading or writing progress (a corrupted file kept
	 * aside, a file from a newer netquest, a failed write), in the words to say
	 * to the player once. Grows as problems happen; never throws them.
	 */
	readonly warnings: string[];
};

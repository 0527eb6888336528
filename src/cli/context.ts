import fs from 'node:fs';
import path from 'node:path';
import {displayPath} from '../levels/display-path.js';
import {builtInLevelsDir, type Catalog} from '../levels/catalog.js';
import {loadCatalogQuickly} from '../levels/load-quickly.js';
import type {LevelProblem} from '../levels/problem.js';
import {sanitizeText} from '../levels/sanitize.js';
import type {ProgressStore} from '../store/index.js';
import {memoryProgressStore} from '../store/memory-store.js';
import {resolveDataDir, userLevelsDir} from '../store/paths.js';
import {PROGRESS_FILE, readSavedProgress} from '../store/progress-file.js';
import type {CliOptions} from './args.js';
import type {CliIo} from './io.js';
import {VERSION} from './version.js';

/**
 * What the subcommands share: where the data directory is, the level
 * catalog, the progress store, colour, and how paths are shown.
 */
export type CliContext = {
	readonly io: CliIo;
	readonly options: CliOptions;
	/** Colour on: stdout is a terminal, and neither --no-color nor NO_COLOR says otherwise. */
	readonly color: boolean;
	/** `--data-dir`, else NETQUEST_HOME, else the platform config directory. */
	readonly dataDir: string;
	/** A path as shown to the user: relative to the working directory when inside it, control characters removed. */
	show(file: string): string;
	/** A problem with its file shown relative to the working directory. */
	showProblem(problem: LevelProblem): LevelProblem;
	/**
	 * Loads the catalog: built-in, the user's level folder, then every --levels folder. The built-in
	 * levels come from the build's checked-levels cache when it holds; the full check is loaded only
	 * for what it does not cover.
	 */
	loadCatalog(): Promise<Catalog>;
	/** Opens the progress store (imported on demand), creating the data and user level folders on first run. */
	openStore(): Promise<ProgressStore>;
	/**
	 * The saved progress as it is, for commands that only read it (`levels`, `export`): nothing is created,
	 * repaired or moved. `warnings` says what is wrong with the file, if anything.
	 */
	readProgress(): {readonly store: Pick<ProgressStore, 'getLevel' | 'allLevels'>; readonly warnings: readonly string[]};
};

/** The context for one run. */
export function cliContext(io: CliIo, options: CliOptions): CliContext {
	const dataDir = resolveDataDir({
		...(options.dataDir === undefined ? {} : {dataDir: path.resolve(io.cwd, options.dataDir)}),
		env: {...io.env, ...(io.env['NETQUEST_HOME'] ? {NETQUEST_HOME: path.resolve(io.cwd, io.env['NETQUEST_HOME'])} : {})},
	});
	const show = (file: string) => sanitizeText(displayPath(io.cwd, file));
	return {
		io,
		options,
		color: io.stdoutIsTTY === true && !options.noColor && !io.env['NO_COLOR'],
		dataDir,
		show,
		showProblem: (problem) => ({...problem, file: show(problem.file)}),
		loadCatalog: () =>
			loadCatalogQuickly({
				builtInDir: io.builtInDir ?? builtInLevelsDir(),
				userDir: userLevelsDir(dataDir),
				extraDirs: options.levels.map((dir) => path.resolve(io.cwd, dir)),
			}),
		readProgress: () => {
			const saved = readSavedProgress(dataDir);
			const warnings =
				saved.kind === 'ok'
					? []
					: [`Your progress file ${path.join(dataDir, PROGRESS_FILE)} could not be fully read (${saved.problem}); it is left as it is: the game itself says what to do.`];
			return {store: memoryProgressStore(saved.progress), warnings};
		},
		openStore: async () => {
			const {openProgressStore} = await import('../store/index.js');
			const store = openProgressStore({dataDir, writtenBy: `netquest ${VERSION}`});
			try {
				fs.mkdirSync(userLevelsDir(dataDir), {recursive: true});
			} catch {
				// A read-only data directory only means no user levels: the store reports its own problems.
			}
			return store;
		},
	};
}

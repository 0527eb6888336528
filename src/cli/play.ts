import os from 'node:os';
import path from 'node:path';
import {SANDBOX_ID} from '../game/sandbox-id.js';
import type {CliContext} from './context.js';
import {sanitizeText} from '../levels/sanitize.js';
import type {ProgressStore} from '../store/index.js';
import {PROGRESS_FILE} from '../store/progress-file.js';
import {memoryProgressStore} from '../store/memory-store.js';
import {readSavedProgress} from '../store/progress-file.js';
import {EXIT, type ExitCode} from './io.js';

/**
 * `netquest` with no subcommand, or `netquest play [level-id]`: the game. It needs a terminal on both
 * stdin and stdout; otherwise it says which subcommands work without one.
 * The UI is imported only here, so the other subcommands never load Ink.
 */
export async function playCommand(args: readonly string[], context: CliContext, named = false): Promise<ExitCode> {
	const {io} = context;
	// `netquest play <level-id>` opens that level's briefing (as an instructor's handout says); plain `netquest`, the map.
	if (args.length > (named ? 1 : 0)) {
		const name = named ? 'netquest play' : 'netquest';
		io.stderr(`${name}: unexpected argument ${JSON.stringify(sanitizeText(args[named ? 1 : 0] ?? ''))}\nRun "${name} --help" for usage.\n`);
		return EXIT.usage;
	}
	const wanted = named ? args[0] : undefined;
	// An unknown id is said before anything else, terminal or not.
	if (wanted !== undefined && wanted !== SANDBOX_ID) {
		const catalog = await context.loadCatalog();
		// Only when a level is named: the loader's lookups stay off the path to the first frame.
		const [{findLevel, playableLevels}, {didYouMean}] = await Promise.all([import('../levels/load.js'), import('../levels/nearest.js')]);
		if (findLevel(catalog, wanted) === undefined) {
			const ids = playableLevels(catalog).map((entry) => entry.level.id);
			io.stderr(`netquest play: no level with id ${JSON.stringify(sanitizeText(wanted))}${didYouMean(wanted, [...ids, SANDBOX_ID])}\nRun "netquest levels" for the list.\n`);
			return EXIT.usage;
		}
	}
	if (io.stdinIsTTY !== true || io.stdoutIsTTY !== true) {
		io.stderr(
			[
				'netquest: the game needs a terminal (stdin and stdout are not both a TTY).',
				'Without one, use:',
				'  netquest check <level-file|level-id> <solution-file> [--json]   grade a solution',
				'  netquest validate <file|dir>...                                 check level files',
				'  netquest levels [--json]                                        list the levels',
				'',
			].join('\n'),
		);
		return EXIT.usage;
	}
	// Ink draws nothing until exit when it believes it runs in CI (CI or CONTINUOUS_INTEGRATION set, as in many
	// developers' shells), and chalk drops colour whenever CI exists at all; a player at a terminal is no CI
	// job, so the variables go before Ink is loaded.
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[key];
	// The UI's code (Ink, React, the map) is read while the catalog loads.
	const ui = import('../ui/run-game.js');
	// Awaited below; a failure to load must not count as unhandled meanwhile.
	ui.catch(() => undefined);
	const catalog = await context.loadCatalog();
	// The map is drawn from the progress file as it is while the store (conf, the lock) opens behind it.
	// A damaged file is repaired first: the first frame says where it was kept.
	const saved = readSavedProgress(context.dataDir);
	const store = saved.kind === 'ok' ? undefined : await context.openStore();
	const preview = store ?? memoryProgressStore(saved.progress);
	const {runGame} = await ui;
	// The game always runs in a terminal: colour unless --no-color or the saved setting says never (runGame honours NO_COLOR).
	const color = !context.options.noColor && preview.getSettings().color !== 'never';
	let opened = store;
	const open = async (): Promise<ProgressStore> => (opened = await context.openStore());
	const code = await runGame({catalog, store: store ?? open, preview, color, env: {...io.env}, ...(wanted === undefined ? {} : {initialLevelId: wanted})});
	const unsaved = opened === undefined ? false : !saidUnsaved(opened, context);
	// 128 + the signal's number when a signal stopped the game (143 for SIGTERM), as shells expect.
	if (code >= 128) return code;
	return code === 0 && !unsaved ? EXIT.ok : EXIT.problems;
}

/**
 * Tries a last time to save; if progress is still not on disk, writes a copy
 * of it elsewhere (the temporary folder, else the working directory), says
 * where and how to bring it back, and returns false.
 */
function saidUnsaved(store: ProgressStore, context: CliContext): boolean {
	if (store.flush()) return true;
	const problem = store.saveProblem() ?? 'it could not be saved';
	const copy = store.writeCopy([os.tmpdir(), context.io.cwd]);
	const lines = [`netquest: your progress is NOT saved: ${problem}`];
	if (copy === undefined) lines.push('netquest: a copy could not be written anywhere either; this game\'s progress is lost.');
	else {
		lines.push(`netquest: a copy of all your progress was written to ${context.show(copy)}`);
		lines.push(`netquest: once the problem is fixed, put it back with: cp ${JSON.stringify(copy)} ${JSON.stringify(path.join(store.dataDir, PROGRESS_FILE))}`);
	}
	context.io.stderr(`${lines.map(sanitizeText).join('\n')}\n`);
	return false;
}

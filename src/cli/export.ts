import {findLevel, playableLevels} from '../levels/load.js';
import {didYouMean} from '../levels/nearest.js';
import {sanitizeText} from '../levels/sanitize.js';
import type {CliContext} from './context.js';
import {EXIT, type ExitCode, writeLines} from './io.js';

/**
 * `netquest export <level-id>`: the player's saved draft for a level as a
 * solution file (a `#` header naming the level, then one command a line),
 * ready for `netquest check`. Exit 0 printed, 1 nothing saved, 2 unknown id.
 */
export async function exportCommand(args: readonly string[], context: CliContext): Promise<ExitCode> {
	const {io} = context;
	if (args.length !== 1) {
		io.stderr('netquest export: give one level id\nUsage: netquest export <level-id>\n');
		return EXIT.usage;
	}
	const [id = ''] = args;
	const catalog = await context.loadCatalog();
	const entry = findLevel(catalog, id);
	if (entry === undefined) {
		const ids = playableLevels(catalog).map((candidate) => candidate.level.id);
		io.stderr(`netquest export: no level with id ${JSON.stringify(sanitizeText(id))}${didYouMean(id, ids)}\n`);
		return EXIT.usage;
	}
	// A listing writes nothing: no progress file, no folder, no repair.
	const {store, warnings} = context.readProgress();
	writeLines(io.stderr, warnings.map((warning) => `netquest: ${sanitizeText(warning)}`));
	const progress = store.getLevel(id);
	const draft = progress?.draft ?? [];
	if (draft.length === 0) {
		io.stderr(`netquest export: nothing saved for level ${id} yet: play it first (netquest), then export\n`);
		return EXIT.problems;
	}
	if (progress?.levelHash !== undefined && progress.levelHash !== entry.hash) {
		io.stderr(`netquest export: note: level ${id} has changed since this work was saved\n`);
	}
	const header = [
		`# netquest solution for level ${id}: ${entry.level.title}`,
		`# grade it with: netquest check ${id} <this file>`,
	];
	writeLines(io.stdout, [...header, ...draft].map((line) => sanitizeText(line).replace(/\n/gu, ' ')));
	return EXIT.ok;
}

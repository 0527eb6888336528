import {levelStatus, starGlyphs} from '../game/index.js';
import type {Catalog, PackSource} from '../levels/load.js';
import {formatProblem, type LevelProblem} from '../levels/problem.js';
import {sanitizeText} from '../levels/sanitize.js';
import type {ProgressStore} from '../store/index.js';
import type {CliContext} from './context.js';
import {EXIT, type ExitCode, writeLines} from './io.js';

/**
 * `netquest levels [--json]`: every level of every pack with the player's
 * status. Broken files are listed (status "broken") with their problems.
 */

/** One level in the `--json` listing. */
export type LevelListing = {
	/** Null for a broken file without a readable id. */
	readonly id: string | null;
	readonly title: string | null;
	readonly chapter: string | null;
	readonly concepts: readonly string[];
	readonly pack: string;
	readonly source: PackSource;
	/** Shown relative to the working directory when inside it. */
	readonly file: string;
	readonly status: 'new' | 'started' | 'solved' | 'broken';
	readonly stars: number;
	readonly problems: readonly LevelProblem[];
};

/** Runs `levels`. Always exit 0 unless the usage is wrong: broken levels are reported, not fatal. */
export async function levelsCommand(args: readonly string[], context: CliContext): Promise<ExitCode> {
	const {io} = context;
	if (args.length > 0) {
		io.stderr(`netquest levels: unexpected argument ${JSON.stringify(args[0])}\nUsage: netquest levels [--json]\n`);
		return EXIT.usage;
	}
	const catalog = await context.loadCatalog();
	// A listing writes nothing: no progress file, no folder, no repair.
	const {store, warnings} = context.readProgress();
	const packs = listPacks(catalog, store, context);
	const listing = packs.flatMap((pack) => pack.levels);
	const problems = catalog.problems.map(context.showProblem);
	if (context.options.json) {
		io.stdout(`${JSON.stringify({levels: listing, problems}, null, 2)}\n`);
	} else {
		writeLines(io.stdout, humanListing(packs));
		writeLines(io.stderr, [...new Set([...problems, ...listing.flatMap((level) => level.problems)].map(formatProblem))]);
	}
	writeLines(io.stderr, warnings.map((warning) => `netquest: ${sanitizeText(warning)}`));
	return EXIT.ok;
}

/** The catalog as listing rows, pack by pack, in catalog order. */
export function listPacks(catalog: Catalog, store: Pick<ProgressStore, 'getLevel'>, context: Pick<CliContext, 'show' | 'showProblem'>): PackListing[] {
	return catalog.packs.map((pack) => ({
		title: pack.title,
		source: pack.source,
		levels: pack.levels.map((entry): LevelListing => {
			const base = {pack: pack.title, source: pack.source, file: context.show(entry.file)};
			if (!entry.ok) {
				const names = {id: entry.id ?? null, title: entry.title ?? null, chapter: null};
				return {...names, concepts: [], ...base, status: 'broken', stars: 0, problems: entry.problems.map(context.showProblem)};
			}
			const {level} = entry;
			const progress = store.getLevel(level.id);
			return {
				id: level.id,
				title: level.title,
				chapter: level.chapter,
				concepts: level.concepts,
				...base,
				status: levelStatus(level.id, progress === undefined ? {} : {[level.id]: progress}),
				stars: progress?.stars ?? 0,
				problems: [],
			};
		}),
	}));
}

/** A pack and its rows. */
export type PackListing = {readonly title: string; readonly source: PackSource; readonly levels: readonly LevelListing[]};

function humanListing(packs: readonly PackListing[]): string[] {
	const all = packs.flatMap((pack) => pack.levels);
	const idWidth = Math.max(0, ...all.map((level) => (level.id ?? '?').length));
	const titleWidth = Math.max(0, ...all.map((level) => (level.title ?? '').length));
	const lines: string[] = [];
	for (const pack of packs) {
		if (lines.length > 0) lines.push('');
		lines.push(`${pack.title} (${pack.source})`);
		for (const level of pack.levels) {
			const status = level.status === 'solved' ? `${starGlyphs(level.stars)} solved` : level.status;
			const what = level.status === 'broken' ? level.file : `${level.chapter ?? ''} · ${level.concepts.join(', ')}`;
			lines.push(`  ${(level.id ?? '?').padEnd(idWidth)}  ${(level.title ?? '').padEnd(titleWidth)}  ${status.padEnd(10)}  ${what}`);
		}
	}
	if (lines.length === 0) lines.push('No levels found.');
	return lines.map(sanitizeText);
}

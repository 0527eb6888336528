import fs from 'node:fs';
import path from 'node:path';
import {readLevelBytes} from '../levels/level-files.js';
import {playableLevels} from '../levels/load.js';
import {didYouMean} from '../levels/nearest.js';
import {formatProblem} from '../levels/problem.js';
import {readLevel} from '../levels/read-level.js';
import type {Level} from '../levels/schema.js';
import type {CliContext} from './context.js';

/**
 * A level named on the command line: a level file, or the id of a level in
 * the catalog (built-in, the user's folder, --levels folders).
 */
export type ResolvedLevel =
	| {readonly ok: true; readonly level: Level; readonly hash?: string}
	/** Lines for stderr, already prefixed. */
	| {readonly ok: false; readonly lines: readonly string[]};

/** Resolves `name` (a path to an existing file, else a level id) to a playable level, or says why not. */
export async function resolveLevel(name: string, context: CliContext, command: string): Promise<ResolvedLevel> {
	const file = path.resolve(context.io.cwd, name);
	if (isFile(file)) {
		const shown = context.show(file);
		const bytes = readLevelBytes(file, shown);
		if (!bytes.ok) return {ok: false, lines: [formatProblem(bytes.problem)]};
		const read = readLevel(bytes.bytes, shown);
		if (!read.ok) return {ok: false, lines: [`netquest ${command}: ${shown} is not a playable level:`, ...read.problems.map(formatProblem)]};
		return {ok: true, level: read.level};
	}
	if (name.endsWith('.json') || name.includes('/') || name.includes(path.sep)) {
		return {ok: false, lines: [`netquest ${command}: no such level file: ${name}`]};
	}
	const catalog = await context.loadCatalog();
	const playable = playableLevels(catalog);
	const found = playable.find((entry) => entry.level.id === name);
	if (found) return {ok: true, level: found.level, hash: found.hash};
	const broken = catalog.packs.flatMap((pack) => pack.levels).find((entry) => !entry.ok && entry.id === name);
	if (broken && !broken.ok) {
		return {
			ok: false,
			lines: [`netquest ${command}: level ${JSON.stringify(name)} is broken:`, ...broken.problems.map((problem) => formatProblem(context.showProblem(problem)))],
		};
	}
	const ids = playable.map((entry) => entry.level.id);
	return {
		ok: false,
		lines: [
			`netquest ${command}: no level with id ${JSON.stringify(name)}${didYouMean(name, ids)}`,
			'Run "netquest levels" to see every level id, or give a level file.',
		],
	};
}

function isFile(file: string): boolean {
	try {
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

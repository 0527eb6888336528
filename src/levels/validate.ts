import fs from 'node:fs';
import path from 'node:path';
import {displayPath} from './display-path.js';
import {findPacks, readLevelBytes} from './level-files.js';
import {compareProblems, type LevelProblem} from './problem.js';
import {locateAll, readLevel} from './read-level.js';
import type {Level} from './schema.js';
import {goalIssues, solutionIssues} from './solution.js';

/**
 * The instructor's validator: every problem of a level file, from JSON
 * syntax to "the reference solution does not solve it", each placed at a
 * line, column and JSON pointer.
 */

/**
 * Every problem of one level file's content, sorted by position: JSON,
 * schema, unknown fields, references, and solvability (the reference solution
 * parses, applies and solves the level; the start network does not).
 * `file` is the name shown in the problems.
 */
export function validateLevelText(content: string | Uint8Array, file: string): LevelProblem[] {
	return checkLevel(content, file).problems;
}

/** `validateLevelText` on a file read from disk (files over 5 MB are refused unread). `shown` defaults to `file`. */
export function validateLevelFile(file: string, shown: string = file): LevelProblem[] {
	return checkFile(file, shown).problems;
}

type Checked = {readonly problems: LevelProblem[]; readonly level?: Level; readonly locateId?: () => LevelProblem};

function checkLevel(content: string | Uint8Array, file: string): Checked {
	const read = readLevel(content, file);
	if (!read.ok) {
		if (read.partial === undefined) return {problems: read.problems};
		const {level, source} = read.partial;
		return {problems: [...read.problems, ...locateAll(source, file, goalIssues(level))].sort(compareProblems)};
	}
	const {level, source} = read;
	return {
		problems: locateAll(source, file, solutionIssues(level)),
		level,
		locateId: () => ({file, ...source.locate(['id']), pointer: '/id', message: ''}),
	};
}

function checkFile(file: string, shown: string): Checked {
	const bytes = readLevelBytes(file, shown);
	return bytes.ok ? checkLevel(bytes.bytes, shown) : {problems: [bytes.problem]};
}

/** What `netquest validate` found: how many level files it read and every problem. */
export type ValidationReport = {
	readonly files: number;
	readonly problems: readonly LevelProblem[];
};

/**
 * Validates files and folders (a folder: its `pack.json` and every level file
 * of it and of its immediate sub-folders). Also reports a level id used by two
 * of the files. Paths are resolved against `cwd` and shown relative to it.
 */
export function validatePaths(paths: readonly string[], cwd: string): ValidationReport {
	const show = (file: string) => displayPath(cwd, file);
	const problems: LevelProblem[] = [];
	const files: string[] = [];
	for (const given of paths) {
		const absolute = path.resolve(cwd, given);
		if (isDirectory(absolute)) {
			const found = findPacks(absolute, show);
			problems.push(...found.problems);
			for (const pack of found.packs) {
				problems.push(...pack.problems);
				files.push(...pack.files);
			}
		} else {
			files.push(absolute);
		}
	}
	const firstFileOfId = new Map<string, string>();
	for (const file of new Set(files)) {
		const checked = checkFile(file, show(file));
		problems.push(...checked.problems);
		if (!checked.level || !checked.locateId) continue;
		const first = firstFileOfId.get(checked.level.id);
		if (first === undefined) firstFileOfId.set(checked.level.id, show(file));
		else problems.push({...checked.locateId(), message: `level id ${JSON.stringify(checked.level.id)} is also used by ${first}`});
	}
	return {files: new Set(files).size, problems: problems.sort(compareProblems)};
}

function isDirectory(file: string): boolean {
	try {
		return fs.statSync(file).isDirectory();
	} catch {
		return false;
	}
}

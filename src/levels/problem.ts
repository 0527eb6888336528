import {sanitizeText} from './sanitize.js';

/**
 * A problem found in a level file (or a pack): where it is, as a 1-based line
 * and column and as a JSON pointer, and what is wrong, in words an instructor
 * can act on. Problems are values: the loader and the validator collect every
 * one instead of stopping at the first.
 */
export type LevelProblem = {
	/** The file as it should be shown to the user (relative to the working directory where possible). */
	readonly file: string;
	/** 1-based line of the offending value (1 when the whole file is concerned). */
	readonly line: number;
	/** 1-based column, counted in UTF-16 code units from the start of the line (a tab counts as 1). */
	readonly column: number;
	/** RFC 6901 JSON pointer of the offending value, e.g. `/network/routeTables/1/routes/0/target`; `''` for the whole file. */
	readonly pointer: string;
	readonly message: string;
};

/** A problem that concerns a whole file or folder. */
export function fileProblem(file: string, message: string): LevelProblem {
	return {file, line: 1, column: 1, pointer: '', message};
}

/** A problem before it is placed in a file: the path of the offending value and what is wrong. */
export type PathIssue = {
	readonly path: readonly PropertyKey[];
	readonly message: string;
};

/**
 * One line of text for a problem: `file:line:col: message (at /pointer)`,
 * without the `(at …)` part when the whole file is concerned. Control
 * characters are removed, so the line is safe to print to a terminal.
 */
export function formatProblem(problem: LevelProblem): string {
	const where = problem.pointer === '' ? '' : ` (at ${problem.pointer})`;
	return sanitizeText(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}${where}`).replace(/\n/gu, ' ');
}

/** Orders problems by file, then line, then column, then message: a stable order for output and tests. */
export function compareProblems(a: LevelProblem, b: LevelProblem): number {
	return (
		compareText(a.file, b.file) ||
		a.line - b.line ||
		a.column - b.column ||
		compareText(a.pointer, b.pointer) ||
		compareText(a.message, b.message)
	);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Path segments (as zod and the engine give them) as an RFC 6901 JSON pointer: `['a', 0, 'b/c']` → `/a/0/b~1c`. */
export function toPointer(path: readonly PropertyKey[]): string {
	return path.map((segment) => `/${String(segment).replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');
}

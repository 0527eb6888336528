import {type JsonSource, parseJsonSource} from './json-source.js';
import {compareProblems, type LevelProblem, type PathIssue, toPointer} from './problem.js';
import {staticIssues} from './references.js';
import {sanitizeDeep, sanitizeText} from './sanitize.js';
import {parseWithSchema} from './schema-issues.js';
import {LEVEL_FORMAT_VERSION, type Level, levelSchema} from './schema.js';
import {findUnknownKeys} from './unknown-keys.js';

/**
 * Reading one level file's content into a `Level`: JSON (size, encoding,
 * depth, syntax), then the schema, unknown fields, and the start network's
 * references. Solvability is the validator's job (`validate.ts`).
 */

/** A level read from a file, or every problem that keeps it from being played. */
export type LevelReadResult =
	| {readonly ok: true; readonly level: Level; readonly source: JsonSource}
	| {
			readonly ok: false;
			readonly problems: LevelProblem[];
			/** The id and title, when the file has them as strings (sanitized), so a broken level can still be named. */
			readonly id?: string;
			readonly title?: string;
			/** Set when the file matches the schema and only its references are wrong, so the validator can look further. */
			readonly partial?: {readonly level: Level; readonly source: JsonSource};
	  };

/**
 * Reads a level from the bytes (or text) of `file`. Every string of the
 * returned level has gone through `sanitizeText`; problems are sorted by
 * position. Never throws.
 */
export function readLevel(content: string | Uint8Array, file: string): LevelReadResult {
	const parsed = parseJsonSource(content, file);
	if (!parsed.ok) return {ok: false, problems: parsed.problems};
	const {source} = parsed;
	const names = namesOf(source.value);
	const version = fieldOf(source.value, 'formatVersion');
	if (typeof version === 'number' && version !== LEVEL_FORMAT_VERSION) {
		const message =
			version > LEVEL_FORMAT_VERSION
				? `formatVersion ${version} is newer than this netquest reads (${LEVEL_FORMAT_VERSION}); update netquest`
				: `formatVersion ${version} is not supported; this netquest reads formatVersion ${LEVEL_FORMAT_VERSION}`;
		return {ok: false, problems: locateAll(source, file, [{path: ['formatVersion'], message}]), ...names};
	}
	const result = parseWithSchema(levelSchema, source.value);
	const issues = [...(result.ok ? [] : result.issues), ...findUnknownKeys(levelSchema, source.value)];
	if (result.ok) issues.push(...staticIssues(result.data));
	if (!result.ok) return {ok: false, problems: locateAll(source, file, issues), ...names};
	const level = sanitizeDeep(result.data);
	if (issues.length > 0) return {ok: false, problems: locateAll(source, file, issues), ...names, partial: {level, source}};
	return {ok: true, level, source};
}

/** Places path issues in the file: line and column of the value (or its nearest ancestor), and the JSON pointer. */
export function locateAll(source: JsonSource, file: string, issues: readonly PathIssue[]): LevelProblem[] {
	return issues
		.map((issue) => ({file, ...source.locate(issue.path), pointer: toPointer(issue.path), message: sanitizeText(issue.message)}))
		.sort(compareProblems);
}

function fieldOf(value: unknown, key: string): unknown {
	if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
	return (value as Record<string, unknown>)[key];
}

function namesOf(value: unknown): {id?: string; title?: string} {
	const names: {id?: string; title?: string} = {};
	const id = fieldOf(value, 'id');
	const title = fieldOf(value, 'title');
	if (typeof id === 'string' && id !== '') names.id = sanitizeText(id).slice(0, 80);
	if (typeof title === 'string' && title !== '') names.title = sanitizeText(title).slice(0, 80);
	return names;
}

import type {z} from 'zod';
import {didYouMean} from './nearest.js';
import type {PathIssue} from './problem.js';

/**
 * Running a zod schema over level JSON and saying what went wrong the way an
 * instructor reads it: "missing required field "target" (a string)",
 * "expected one of "tcp", "udp", got "tpc" (did you mean "tcp"?)".
 * Messages written into the schema itself (`'has host bits set…'`) win.
 */

/** The parsed data, or every schema issue with its path. */
export type SchemaResult<T> = {readonly ok: true; readonly data: T} | {readonly ok: false; readonly issues: PathIssue[]};

/** Parses `value` with `schema`, collecting every issue (zod does not stop at the first). */
export function parseWithSchema<T extends z.ZodType>(schema: T, value: unknown): SchemaResult<z.output<T>> {
	const result = schema.safeParse(value, {reportInput: true, error: messageFor});
	if (result.success) return {ok: true, data: result.data};
	return {
		ok: false,
		issues: result.error.issues.map((issue) => ({path: issue.path, message: unionMessage(issue) ?? issue.message})),
	};
}

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** The error map: our wording for zod's built-in checks; `undefined` keeps zod's (or the schema's) message. */
function messageFor(issue: RawIssue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return missing(issue.path, kind(issue.expected));
			return `expected ${kind(issue.expected)}, got ${describe(issue.input)}`;
		case 'invalid_value': {
			if (issue.input === undefined) return missing(issue.path, issue.values.map(show).join(' or '));
			const got = describe(issue.input);
			if (issue.values.length === 1) return `expected ${show(issue.values[0])}, got ${got}`;
			const hint = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
			return `expected one of ${issue.values.map(show).join(', ')}, got ${got}${hint}`;
		}
		case 'too_small':
			return sizeMessage('at least', issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.input);
		case 'too_big':
			return sizeMessage('at most', issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.input);
		default:
			return undefined;
	}
}

/** Zod builds discriminated-union issues without the error map; reword them here. */
function unionMessage(issue: z.core.$ZodIssue): string | undefined {
	if (issue.code !== 'invalid_union' || !('discriminator' in issue) || typeof issue.discriminator !== 'string') return undefined;
	const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
	const input: unknown = 'input' in issue ? issue.input : undefined;
	const actual = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
	const field = JSON.stringify(issue.discriminator);
	if (actual === undefined) return `missing required field ${field} (one of ${options.map(show).join(', ')})`;
	const hint = typeof actual === 'string' ? didYouMean(actual, options) : '';
	return `expected ${field} to be one of ${options.map(show).join(', ')}, got ${describe(actual)}${hint}`;
}

function missing(path: readonly PropertyKey[] | undefined, expected: string): string {
	const field = path?.at(-1);
	return `missing required field ${JSON.stringify(String(field))} (${expected})`;
}

function sizeMessage(bound: string, origin: string, limit: number, inclusive: boolean, input: unknown): string {
	if (origin === 'string') {
		if (bound === 'at least' && limit === 1) return 'must not be empty';
		const length = typeof input === 'string' ? ` (this one has ${input.length})` : '';
		return `must be ${bound} ${limit} characters long${length}`;
	}
	if (origin === 'array') return `needs ${bound} ${limit} ${limit === 1 ? 'item' : 'items'}`;
	const relation = inclusive ? bound : bound === 'at least' ? 'more than' : 'less than';
	return `must be ${relation} ${limit}, got ${describe(input)}`;
}

const KINDS: Readonly<Record<string, string>> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	null: 'null',
};

function kind(expected: string): string {
	return KINDS[expected] ?? expected;
}

/** A value as a short phrase for a message. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	return String(value);
}

function show(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

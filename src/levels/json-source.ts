import {type Node, type ParseError, parseTree, printParseErrorCode} from 'jsonc-parser';
import {MAX_LEVEL_FILE_BYTES} from './limits.js';
import type {LevelProblem} from './problem.js';

/**
 * Turning the bytes of a level file into a JSON value, defensively: size,
 * encoding, nesting depth and syntax are each checked before the next step,
 * and every failure is a `LevelProblem` with a line and column. The parsed
 * source also maps a JSON path back to a line and column for later problems.
 */

export {MAX_LEVEL_FILE_BYTES};
/** JSON nested deeper than this is refused before parsing (a real level needs about ten levels). */
export const MAX_JSON_DEPTH = 64;

/** A 1-based line and column. */
export type Position = {readonly line: number; readonly column: number};

/** A parsed JSON file that still knows where each value came from. */
export type JsonSource = {
	readonly text: string;
	/** The value, as `JSON.parse` builds it (a `__proto__` key is an ordinary own property). */
	readonly value: unknown;
	/** Where the value at `path` starts; the nearest existing ancestor when part of the path is missing. */
	locate(path: readonly PropertyKey[]): Position;
};

/** The parsed source, or every problem that stopped it from being parsed. */
export type JsonSourceResult = {readonly ok: true; readonly source: JsonSource} | {readonly ok: false; readonly problems: LevelProblem[]};

/** The "file too large" message, shared by the loader (which checks the size before reading). */
export function tooLargeMessage(bytes: number): string {
	return `file is ${(bytes / (1024 * 1024)).toFixed(1)} MB; a level file may be at most ${MAX_LEVEL_FILE_BYTES / (1024 * 1024)} MB`;
}

/**
 * Parses a level file's content (raw bytes, or text already decoded). Refuses,
 * in this order and each with a clear problem: more than 5 MB, bytes that are
 * not UTF-8, nesting deeper than 64, JSON syntax errors (all of them, with
 * line and column; comments and trailing commas are errors, as in JSON).
 */
export function parseJsonSource(content: string | Uint8Array, file: string): JsonSourceResult {
	const size = typeof content === 'string' ? utf8Length(content) : content.byteLength;
	if (size > MAX_LEVEL_FILE_BYTES) return failure(file, {line: 1, column: 1}, tooLargeMessage(size));
	let text: string;
	if (typeof content === 'string') {
		text = content.startsWith('\ufeff') ? content.slice(1) : content;
	} else {
		try {
			text = new TextDecoder('utf-8', {fatal: true}).decode(content);
		} catch {
			const at = firstInvalidUtf8(content);
			const before = new TextDecoder().decode(content.subarray(0, at));
			const position = toPosition(lineStarts(before), before.length);
			return failure(file, position, `file is not UTF-8 text (invalid byte 0x${hexByte(content[at])}); save it as UTF-8`);
		}
	}
	const lines = lineStarts(text);
	const tooDeep = findExcessiveNesting(text);
	if (tooDeep !== undefined) {
		return failure(file, toPosition(lines, tooDeep), `JSON nests deeper than ${MAX_JSON_DEPTH} levels; refusing to read it`);
	}
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
	if (errors.length > 0 || root === undefined) {
		const problems: LevelProblem[] = [];
		let previousEnd = -1;
		for (const error of errors) {
			// The parser recovers and often reports the same mistake again right after it: keep the first.
			const follows = error.offset >= previousEnd && text.slice(previousEnd, error.offset).trim() === '';
			const cascade = previousEnd >= 0 && (error.offset < previousEnd || follows);
			previousEnd = Math.max(previousEnd, error.offset + error.length);
			if (cascade) continue;
			const position = toPosition(lines, error.offset);
			problems.push({file, ...position, pointer: '', message: `JSON syntax error: ${syntaxMessage(printParseErrorCode(error.error))}`});
		}
		if (problems.length === 0) problems.push({file, line: 1, column: 1, pointer: '', message: 'JSON syntax error: the file is empty'});
		return {ok: false, problems};
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return failure(file, {line: 1, column: 1}, `JSON syntax error: ${error instanceof Error ? error.message : String(error)}`);
	}
	return {
		ok: true,
		source: {text, value, locate: (path) => toPosition(lines, nodeAt(root, path).offset)},
	};
}

function failure(file: string, position: Position, message: string): JsonSourceResult {
	return {ok: false, problems: [{file, ...position, pointer: '', message}]};
}

const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
	InvalidSymbol: 'unexpected text here (is a string missing its double quotes?)',
	InvalidNumberFormat: 'invalid number',
	PropertyNameExpected: 'expected a property name in double quotes (JSON allows no trailing comma before "}")',
	ValueExpected: 'expected a value (JSON allows no trailing comma before "]")',
	ColonExpected: 'expected ":" after the property name',
	CommaExpected: 'expected "," between two items',
	CloseBraceExpected: 'expected "}" to close the object',
	CloseBracketExpected: 'expected "]" to close the array',
	EndOfFileExpected: 'expected the end of the file after the level object',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'comments are not allowed in JSON',
	UnexpectedEndOfString: 'unterminated string (a line break inside a string is written \\n)',
	UnexpectedEndOfNumber: 'unterminated number',
	InvalidUnicode: 'invalid \\u escape (it needs four hex digits)',
	InvalidEscapeCharacter: 'invalid escape in a string (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)',
	InvalidCharacter: 'a control character inside a string must be escaped (write \\n, \\t or \\u001b)',
};

function syntaxMessage(code: string): string {
	return SYNTAX_MESSAGES[code] ?? code;
}

/** The value node at `path`, or its deepest existing ancestor. Duplicate keys: the last wins, as in JSON.parse. */
function nodeAt(root: Node, path: readonly PropertyKey[]): Node {
	let node = root;
	for (const segment of path) {
		let next: Node | undefined;
		if (node.type === 'object') {
			for (const property of node.children ?? []) {
				if (property.children?.[0]?.value === String(segment)) next = property.children[1];
			}
		} else if (node.type === 'array') {
			next = node.children?.[Number(segment)];
		}
		if (next === undefined) return node;
		node = next;
	}
	return node;
}

/** The offset of the first `{` or `[` that opens level MAX_JSON_DEPTH + 1, skipping strings; undefined when within limits. */
function findExcessiveNesting(text: string): number | undefined {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (inString) {
			if (char === 0x5c) index++;
			else if (char === 0x22) inString = false;
		} else if (char === 0x22) {
			inString = true;
		} else if (char === 0x7b || char === 0x5b) {
			depth++;
			if (depth > MAX_JSON_DEPTH) return index;
		} else if (char === 0x7d || char === 0x5d) {
			depth = Math.max(0, depth - 1);
		}
	}
	return undefined;
}

/** Offsets at which each line starts (after \n, \r\n or a lone \r). */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		if (char === 0x0a || (char === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) starts.push(index + 1);
	}
	return starts;
}

function toPosition(starts: readonly number[], offset: number): Position {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((starts[middle] ?? 0) <= offset) low = middle;
		else high = middle - 1;
	}
	return {line: low + 1, column: offset - (starts[low] ?? 0) + 1};
}

function utf8Length(text: string): number {
	// Every UTF-16 unit is at least one UTF-8 byte: a long string is refused without encoding it.
	if (text.length > MAX_LEVEL_FILE_BYTES) return text.length;
	return new TextEncoder().encode(text).byteLength;
}

function hexByte(byte: number | undefined): string {
	return (byte ?? 0).toString(16).padStart(2, '0').toUpperCase();
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629 table 3-7). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let index = 0;
	while (index < bytes.length) {
		const lead = bytes[index] ?? 0;
		let length: number;
		let low = 0x80;
		let high = 0xbf;
		if (lead < 0x80) length = 1;
		else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
		else if (lead >= 0xe0 && lead <= 0xef) {
			length = 3;
			if (lead === 0xe0) low = 0xa0; // no overlong forms
			if (lead === 0xed) high = 0x9f; // no UTF-16 surrogates
		} else if (lead >= 0xf0 && lead <= 0xf4) {
			length = 4;
			if (lead === 0xf0) low = 0x90;
			if (lead === 0xf4) high = 0x8f; // nothing above U+10FFFF
		} else return index;
		for (let next = 1; next < length; next++) {
			const byte = bytes[index + next];
			const min = next === 1 ? low : 0x80;
			const max = next === 1 ? high : 0xbf;
			if (byte === undefined || byte < min || byte > max) return index;
		}
		index += length;
	}
	return index;
}

import {describe, expect, it} from 'vitest';
import {MAX_JSON_DEPTH, MAX_LEVEL_FILE_BYTES, parseJsonSource} from './json-source.js';

const problemsOf = (content: string | Uint8Array) => {
	const result = parseJsonSource(content, 'f.json');
	if (result.ok) throw new Error('expected problems');
	return result.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
};

describe('parseJsonSource: syntax', () => {
	it.each([
		['a trailing comma in an object', '{\n\t"a": 1,\n}', ['3:1 JSON syntax error: expected a property name in double quotes (JSON allows no trailing comma before "}")']],
		['a trailing comma in an array', '[1,\n2,\n]', ['3:1 JSON syntax error: expected a value (JSON allows no trailing comma before "]")']],
		['a missing comma', '{\n  "a": 1\n  "b": 2\n}', ['3:3 JSON syntax error: expected "," between two items']],
		['a comment', '{\n  // note\n  "a": 1\n}', ['2:3 JSON syntax error: comments are not allowed in JSON']],
		['an unquoted word', '{"a": yes}', ['1:7 JSON syntax error: unexpected text here (is a string missing its double quotes?)']],
		['an unterminated string', '{"a": "b\n}', ['1:7 JSON syntax error: unterminated string (a line break inside a string is written \\n)']],
		['a raw escape character in a string', '{"a": "\u001b[31m"}', ['1:7 JSON syntax error: a control character inside a string must be escaped (write \\n, \\t or \\u001b)']],
		['an empty file', '', ['1:1 JSON syntax error: expected a value (JSON allows no trailing comma before "]")']],
		['two top-level values', '{}\n{}', ['2:1 JSON syntax error: expected the end of the file after the level object']],
	])('reports %s with line and column', (_name, text, expected) => {
		expect(problemsOf(text)).toEqual(expected);
	});

	it('reports every syntax error, not just the first', () => {
		expect(problemsOf('{\n"a": 1,\n"b" 2,\n"c": [1 2]\n}')).toEqual([
			'3:5 JSON syntax error: expected ":" after the property name',
			'4:9 JSON syntax error: expected "," between two items',
		]);
	});

	it('counts CRLF line ends as one line break', () => {
		expect(problemsOf('{\r\n"a": 1,\r\n}')).toEqual(['3:1 JSON syntax error: expected a property name in double quotes (JSON allows no trailing comma before "}")']);
	});
});

describe('parseJsonSource: defences', () => {
	it('refuses text over 5 MB before parsing it', () => {
		const text = `{"story": "${'x'.repeat(MAX_LEVEL_FILE_BYTES)}"}`;
		expect(problemsOf(text)).toEqual(['1:1 file is 5.0 MB; a level file may be at most 5 MB']);
	});

	it('refuses bytes that are not UTF-8, at the line and column of the bad byte', () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('{\n  "title": "caf'), 0xe9, ...new TextEncoder().encode('"\n}')]);
		expect(problemsOf(bytes)).toEqual(['2:16 file is not UTF-8 text (invalid byte 0xE9); save it as UTF-8']);
	});

	it.each([
		['an overlong encoding', [0xc0, 0xaf]],
		['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
		['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
		['a truncated sequence', [0xe2, 0x82]],
	])('refuses %s', (_name, tail) => {
		expect(problemsOf(new Uint8Array([0x5b, ...tail, 0x5d]))[0]).toMatch(/^1:2 file is not UTF-8 text/u);
	});

	it('accepts a UTF-8 byte order mark', () => {
		const result = parseJsonSource(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a": "é"}')]), 'f.json');
		expect(result.ok && result.source.value).toEqual({a: 'é'});
	});

	it(`refuses nesting deeper than ${MAX_JSON_DEPTH} without a stack overflow`, () => {
		const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
		expect(problemsOf(deep)).toEqual([`1:${MAX_JSON_DEPTH + 1} JSON nests deeper than ${MAX_JSON_DEPTH} levels; refusing to read it`]);
	});

	it(`accepts exactly ${MAX_JSON_DEPTH} levels, and brackets inside strings do not count`, () => {
		const text = `${'['.repeat(MAX_JSON_DEPTH - 1)}"[[[[{{{{\\"[["${']'.repeat(MAX_JSON_DEPTH - 1)}`;
		expect(parseJsonSource(`[${text}]`, 'f.json').ok).toBe(true);
		expect(parseJsonSource(`[[${text}]]`, 'f.json').ok).toBe(false);
	});

	it('keeps a __proto__ key as an own property and pollutes nothing', () => {
		const result = parseJsonSource('{"__proto__": {"polluted": true}, "a": {"__proto__": []}}', 'f.json');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const value = result.source.value as Record<string, unknown>;
		expect(Object.hasOwn(value, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});
});

describe('JsonSource.locate', () => {
	const text = '{\n\t"network": {\n\t\t"routes": [\n\t\t\t{"target": "nat-2"},\n\t\t\t{}\n\t\t]\n\t}\n}';
	const result = parseJsonSource(text, 'f.json');
	const locate = (path: (string | number)[]) => (result.ok ? result.source.locate(path) : undefined);

	it.each([
		[['network', 'routes', 0, 'target'], {line: 4, column: 15}],
		[['network', 'routes', 1], {line: 5, column: 4}],
		[['network', 'routes', 1, 'target'], {line: 5, column: 4}],
		[['network', 'routes', 7, 'target'], {line: 3, column: 13}],
		[['network', 'routes', '0', 'target'], {line: 4, column: 15}],
		[[], {line: 1, column: 1}],
	])('places %j at the value or its nearest existing ancestor', (path, expected) => {
		expect(locate(path)).toEqual(expected);
	});

	it('takes the last of duplicate keys, as JSON.parse does', () => {
		const duplicate = parseJsonSource('{"a": 1,\n"a": 2}', 'f.json');
		expect(duplicate.ok && duplicate.source.locate(['a'])).toEqual({line: 2, column: 6});
	});
});

import {describe, expect, it} from 'vitest';
import {compareProblems, formatProblem, type LevelProblem, toPointer} from './problem.js';

describe('formatProblem', () => {
	it('prints file:line:col: message (at pointer)', () => {
		const problem = {file: 'levels/07-nat.json', line: 41, column: 7, pointer: '/network/routeTables/1/routes/0/target', message: "route target 'nat-2' does not exist"};
		expect(formatProblem(problem)).toBe("levels/07-nat.json:41:7: route target 'nat-2' does not exist (at /network/routeTables/1/routes/0/target)");
	});

	it('leaves out the pointer for a whole-file problem, and keeps the line free of control characters', () => {
		expect(formatProblem({file: 'a\u001b[2J.json', line: 1, column: 1, pointer: '', message: 'bad\nthing\u0007'})).toBe('a.json:1:1: bad thing');
	});
});

describe('JSON pointers', () => {
	it.each([
		[[], ''],
		[['network', 'hosts', 0, 'id'], '/network/hosts/0/id'],
		[['a/b', 'c~d'], '/a~1b/c~0d'],
	])('%j → %s', (path, pointer) => {
		expect(toPointer(path)).toBe(pointer);
	});
});

describe('compareProblems', () => {
	it('orders by file, line, column, then message', () => {
		const at = (file: string, line: number, column: number, message = 'm'): LevelProblem => ({file, line, column, pointer: '', message});
		const sorted = [at('b', 1, 1), at('a', 2, 1), at('a', 1, 9), at('a', 1, 2, 'z'), at('a', 1, 2, 'y')].sort(compareProblems);
		expect(sorted.map((p) => `${p.file}:${p.line}:${p.column}:${p.message}`)).toEqual(['a:1:2:y', 'a:1:2:z', 'a:1:9:m', 'a:2:1:m', 'b:1:1:m']);
	});
});

import {describe, expect, it} from 'vitest';
import {emptyProgress, migrateV0, progressToFile, readProgressData, readProgressText} from './progress-format.js';

describe('readProgressText', () => {
	it('reads a version 1 file, filling defaults', () => {
		const read = readProgressText(
			JSON.stringify({
				formatVersion: 1,
				levels: {'01-dns': {solved: true, stars: 2, bestCommands: 1, draft: ['x']}},
				settings: {color: 'always'},
				__internal__: {migrations: {version: '1.0.0'}},
			}),
		);
		expect(read).toEqual({
			kind: 'ok',
			migrated: false,
			progress: {
				levels: {'01-dns': {solved: true, stars: 2, bestCommands: 1, hintsUsed: 0, draft: ['x']}},
				settings: {color: 'always'},
			},
		});
	});

	it.each([
		['truncated JSON', '{"formatVersion": 1, "levels": {"01-dns": {"sol', /not valid JSON/],
		['not JSON at all', 'hello', /not valid JSON/],
		['empty file', '', /not valid JSON/],
		['an array', '[1, 2]', /not a progress object/],
		['a number', '42', /not a progress object/],
		['null', 'null', /not a progress object/],
		['a newer format', '{"formatVersion": 2, "levels": {}}', /newer netquest \(progress format 2/],
		['a format that is not a number', '{"formatVersion": "one"}', /unknown progress format "one"/],
		['levels that are not an object', '{"formatVersion": 1, "levels": []}', /unreadable entries: levels/],
	])('a file with %s is damaged, with empty progress', (_name, text, problem) => {
		const read = readProgressText(text);
		expect(read.kind).toBe('damaged');
		if (read.kind !== 'damaged') return;
		expect(read.problem).toMatch(problem);
		expect(read.progress).toEqual(emptyProgress());
	});

	it('salvages the good entries of a partly bad file and names the bad ones', () => {
		const read = readProgressText(
			JSON.stringify({
				formatVersion: 1,
				levels: {good: {solved: true, stars: 3}, bad: {stars: 'three'}, worse: 7},
				settings: {color: 'purple'},
				extra: true,
			}),
		);
		expect(read).toEqual({
			kind: 'damaged',
			problem: 'unreadable entries: bad, worse, settings, extra',
			progress: {levels: {good: {solved: true, stars: 3, hintsUsed: 0, draft: []}}, settings: {color: 'auto'}},
		});
	});
});

describe('migrateV0', () => {
	it('turns a version 0 file into per-level progress', () => {
		const v0 = {
			solved: {'01-dns': {stars: 3, commands: 1}, '02-ports': {stars: 1}},
			drafts: {'02-ports': ['port open web 443'], '03-subnets': ['subnet add a 10.0.1.0/24']},
			hints: {'03-subnets': 2},
			color: 'never',
		};
		expect(migrateV0(v0)).toEqual({
			kind: 'ok',
			migrated: true,
			progress: {
				levels: {
					'01-dns': {solved: true, stars: 3, bestCommands: 1, hintsUsed: 0, draft: []},
					'02-ports': {solved: true, stars: 1, hintsUsed: 0, draft: ['port open web 443']},
					'03-subnets': {solved: false, stars: 0, hintsUsed: 2, draft: ['subnet add a 10.0.1.0/24']},
				},
				settings: {color: 'never'},
			},
		});
	});

	it('reads an empty object (a brand-new file) as empty progress', () => {
		expect(readProgressData({})).toEqual({kind: 'ok', migrated: true, progress: emptyProgress()});
	});

	it('does not take an object of unknown shape for empty version 0 progress', () => {
		const read = readProgressData({players: ['ann'], solved: {a: {stars: 1}}});
		expect(read.kind).toBe('damaged');
		if (read.kind === 'damaged') expect(read.problem).toBe('unreadable entries: players');
		expect(read.progress.levels).toEqual({a: {solved: true, stars: 1, hintsUsed: 0, draft: []}});
	});

	it('keeps an id such as "__proto__" as a plain level', () => {
		const read = readProgressText('{"drafts": {"__proto__": ["x"]}}');
		expect(read.kind).toBe('ok');
		expect(Object.hasOwn(read.progress.levels, '__proto__')).toBe(true);
	});
});

describe('progressToFile', () => {
	it('writes what reads back the same', () => {
		const progress = {
			levels: {a: {solved: true, stars: 2, bestCommands: 4, hintsUsed: 1, draft: ['x'], levelHash: 'h'}},
			settings: {color: 'never' as const},
		};
		expect(readProgressData(JSON.parse(JSON.stringify(progressToFile(progress))))).toEqual({kind: 'ok', migrated: false, progress});
	});
});

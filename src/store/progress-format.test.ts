import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {DEFAULT_SETTINGS, emptyProgress, migrateV0, progressToFile, readProgressData, readProgressText} from './progress-format.js';
import type {LevelProgress, Settings} from './progress.js';

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
		['a format that is not a number', '{"formatVersion": "one"}', /unknown progress format "one"/],
		['levels that are not an object', '{"formatVersion": 1, "levels": []}', /unreadable entries: levels/],
	])('a file with %s is damaged, with empty progress', (_name, text, problem) => {
		const read = readProgressText(text);
		expect(read.kind).toBe('damaged');
		if (read.kind !== 'damaged') return;
		expect(read.problem).toMatch(problem);
		expect(read.progress).toEqual(emptyProgress());
	});

	it('a newer format is "newer": its writer named, what can be read of it kept for display', () => {
		expect(readProgressText('{"formatVersion": 2, "levels": {}}')).toEqual({
			kind: 'newer',
			progress: emptyProgress(),
			problem: 'it was written by a newer netquest (progress format 2; this netquest reads format 1)',
		});
		const read = readProgressText(
			JSON.stringify({formatVersion: 3, writtenBy: 'netquest 0.4.0\u001b]0;x\u0007', levels: {a: {solved: true, stars: 2, cloud: {}}, b: 'other'}}),
		);
		expect(read).toEqual({
			kind: 'newer',
			progress: {levels: {a: {solved: true, stars: 2, hintsUsed: 0, draft: []}}, settings: DEFAULT_SETTINGS},
			problem: 'it was written by netquest 0.4.0?]0;x? (progress format 3; this netquest reads format 1)',
		});
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
			// An unknown key (`extra`) is not a problem: it is kept when the file is rewritten (progressToFile).
			problem: 'unreadable entries: bad, worse, settings',
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

	it('keeps the keys it does not know from the file it replaces: at the top, in levels, in settings', () => {
		const previous = {
			formatVersion: 1,
			writtenBy: 'netquest 0.2.0',
			cloudSync: {on: true},
			levels: {a: {solved: true, stars: 1, timeSpent: 90}, gone: {stars: 1, note: 'x'}},
			settings: {color: 'auto', theme: 'dark'},
		};
		const progress = {levels: {a: {solved: true, stars: 3, hintsUsed: 0, draft: []}, b: {solved: false, stars: 0, hintsUsed: 0, draft: ['y']}}, settings: {color: 'never' as const}};
		expect(progressToFile(progress, previous, 'netquest 0.1.0')).toStrictEqual({
			cloudSync: {on: true},
			formatVersion: 1,
			writtenBy: 'netquest 0.1.0',
			levels: {a: {timeSpent: 90, solved: true, stars: 3, hintsUsed: 0, draft: []}, b: {solved: false, stars: 0, hintsUsed: 0, draft: ['y']}},
			settings: {theme: 'dark', color: 'never'},
		});
		// A file of another format (version 0) lends nothing.
		expect(progressToFile(progress, {solved: {}, extra: 1})).not.toHaveProperty('extra');
	});
});

/**
 * Reads one version 1 level entry on its own: the level it gave, or undefined
 * when it was reported bad (then it must be named, and nothing kept).
 */
function readV1Level(entry: unknown): LevelProgress | undefined {
	const read = readProgressData({formatVersion: 1, levels: {x: entry}});
	if (read.kind === 'ok') return read.progress.levels['x'];
	expect(read.problem).toBe('unreadable entries: x');
	expect(read.progress.levels).toStrictEqual({});
	return undefined;
}

const DEFAULTS = {solved: false, stars: 0, hintsUsed: 0, draft: []};

describe('a version 1 level entry', () => {
	it.each<[string, unknown, LevelProgress]>([
		['an empty entry: every default', {}, DEFAULTS],
		[
			'every field',
			{solved: true, stars: 3, bestCommands: 4, hintsUsed: 2, draft: ['a', 'b'], levelHash: 'h'},
			{solved: true, stars: 3, bestCommands: 4, hintsUsed: 2, draft: ['a', 'b'], levelHash: 'h'},
		],
		['stars 0', {stars: 0}, DEFAULTS],
		['stars 3', {stars: 3}, {...DEFAULTS, stars: 3}],
		['solved false given', {solved: false}, DEFAULTS],
		['bestCommands 0', {bestCommands: 0}, {...DEFAULTS, bestCommands: 0}],
		[
			'the largest safe integers',
			{bestCommands: Number.MAX_SAFE_INTEGER, hintsUsed: Number.MAX_SAFE_INTEGER},
			{...DEFAULTS, bestCommands: Number.MAX_SAFE_INTEGER, hintsUsed: Number.MAX_SAFE_INTEGER},
		],
		['a whole number written as a float', JSON.parse('{"stars": 2.0, "hintsUsed": 1e1}'), {...DEFAULTS, stars: 2, hintsUsed: 10}],
		['an empty levelHash', {levelHash: ''}, {...DEFAULTS, levelHash: ''}],
		['an empty draft', {draft: []}, DEFAULTS],
		['a draft of empty strings', {draft: ['', '']}, {...DEFAULTS, draft: ['', '']}],
		[
			'fields set to undefined (not from JSON): defaults, and no optional key',
			{solved: undefined, stars: undefined, bestCommands: undefined, hintsUsed: undefined, draft: undefined, levelHash: undefined},
			DEFAULTS,
		],
		['unknown keys: dropped', {stars: 1, note: 'x', bestcommands: 3, Stars: 2}, {...DEFAULTS, stars: 1}],
		[
			'a JSON "__proto__" key: dropped, never taken as the prototype',
			JSON.parse('{"__proto__": {"solved": true, "stars": 3}, "hintsUsed": 1}'),
			{...DEFAULTS, hintsUsed: 1},
		],
		['an object with no prototype', Object.assign(Object.create(null), {stars: 2}), {...DEFAULTS, stars: 2}],
		// Fields are read as zod read them, inherited ones included (JSON.parse never makes these).
		['an inherited field', Object.create({stars: 2}), {...DEFAULTS, stars: 2}],
	])('%s is read', (_name, entry, expected) => {
		expect(readV1Level(entry)).toStrictEqual(expected);
	});

	it.each<[string, unknown]>([
		['stars 2.5', {stars: 2.5}],
		['stars -1', {stars: -1}],
		['stars 4', {stars: 4}],
		['stars "2"', {stars: '2'}],
		['stars NaN', {stars: Number.NaN}],
		['stars Infinity', {stars: Number.POSITIVE_INFINITY}],
		['stars null', {stars: null}],
		['stars true', {stars: true}],
		['stars [2]', {stars: [2]}],
		['stars a boxed number', {stars: new Number(2)}],
		['solved "true"', {solved: 'true'}],
		['solved 1', {solved: 1}],
		['solved null', {solved: null}],
		['bestCommands 1.5', {bestCommands: 1.5}],
		['bestCommands -1', {bestCommands: -1}],
		['bestCommands "3"', {bestCommands: '3'}],
		['bestCommands null', {bestCommands: null}],
		['bestCommands beyond the safe integers', {bestCommands: 2 ** 53}],
		['bestCommands Infinity', {bestCommands: Number.POSITIVE_INFINITY}],
		['hintsUsed -1', {hintsUsed: -1}],
		['hintsUsed 0.5', {hintsUsed: 0.5}],
		['hintsUsed "1"', {hintsUsed: '1'}],
		['hintsUsed null', {hintsUsed: null}],
		['hintsUsed NaN', {hintsUsed: Number.NaN}],
		['hintsUsed beyond the safe integers', {hintsUsed: 2 ** 53}],
		['draft a string', {draft: 'x'}],
		['draft with a number', {draft: ['a', 1]}],
		['draft with null', {draft: [null]}],
		['draft with a nested array', {draft: [['a']]}],
		['draft null', {draft: null}],
		['draft an array-like object', {draft: {0: 'a', length: 1}}],
		// eslint-disable-next-line no-sparse-arrays
		['draft with a hole', {draft: [, 'a']}],
		['levelHash 5', {levelHash: 5}],
		['levelHash null', {levelHash: null}],
		['levelHash ["h"]', {levelHash: ['h']}],
		['levelHash a boxed string', {levelHash: new String('h')}],
		['one bad field among good ones', {solved: true, stars: 3, bestCommands: 2, hintsUsed: 0, draft: ['a'], levelHash: 7}],
		['a number', 7],
		['a string', 'x'],
		['null', null],
		['true', true],
		['an array', []],
		['an array of an object', [{}]],
	])('%s is reported bad', (_name, entry) => {
		expect(readV1Level(entry)).toBeUndefined();
	});

	it('keeps -0 as zod did', () => {
		expect(Object.is(readV1Level({stars: -0})?.stars, -0)).toBe(true);
	});

	it('copies the draft, and gives every level a draft of its own', () => {
		const draft = ['a'];
		const read = readProgressData({formatVersion: 1, levels: {a: {draft}, b: {}, c: {}}});
		const levels = read.progress.levels;
		expect(levels['a']?.draft).toStrictEqual(['a']);
		expect(levels['a']?.draft).not.toBe(draft);
		expect(levels['b']?.draft).not.toBe(levels['c']?.draft);
	});

	it('keeps the good entries and names the bad in file order', () => {
		const read = readProgressData({formatVersion: 1, levels: {z: {stars: 9}, a: {}, m: null, b: {stars: 1}}});
		expect(read).toStrictEqual({
			kind: 'damaged',
			problem: 'unreadable entries: z, m',
			progress: {levels: {a: DEFAULTS, b: {...DEFAULTS, stars: 1}}, settings: {color: 'auto'}},
		});
	});

	it('keeps a level id such as "__proto__" as a plain key', () => {
		const read = readProgressText('{"formatVersion": 1, "levels": {"__proto__": {"stars": 2}, "constructor": {}}}');
		expect(read.kind).toBe('ok');
		expect(Object.getPrototypeOf(read.progress.levels)).toBe(Object.prototype);
		expect(Object.hasOwn(read.progress.levels, '__proto__')).toBe(true);
		expect(Object.getOwnPropertyDescriptor(read.progress.levels, '__proto__')?.value).toStrictEqual({...DEFAULTS, stars: 2});
		expect(Object.hasOwn(read.progress.levels, 'constructor')).toBe(true);
	});

	it('takes levels: null as unreadable, and no levels key as none', () => {
		expect(readProgressData({formatVersion: 1, levels: null})).toMatchObject({kind: 'damaged', problem: 'unreadable entries: levels'});
		expect(readProgressData({formatVersion: 1})).toStrictEqual({kind: 'ok', migrated: false, progress: emptyProgress()});
	});
});

describe('version 1 settings', () => {
	it.each<[string, Record<string, unknown>, Settings]>([
		['absent', {}, {color: 'auto'}],
		['null', {settings: null}, {color: 'auto'}],
		['empty', {settings: {}}, {color: 'auto'}],
		['a colour left undefined', {settings: {color: undefined}}, {color: 'auto'}],
		['always', {settings: {color: 'always'}}, {color: 'always'}],
		['never, with an unknown key dropped', {settings: {color: 'never', theme: 'dark'}}, {color: 'never'}],
	])('%s are read', (_name, extra, settings) => {
		expect(readProgressData({formatVersion: 1, ...extra})).toStrictEqual({
			kind: 'ok',
			migrated: false,
			progress: {levels: {}, settings},
		});
	});

	it.each<[string, unknown]>([
		['an unknown colour', {color: 'purple'}],
		['a colour in capitals', {color: 'AUTO'}],
		['a null colour', {color: null}],
		['a numeric colour', {color: 1}],
		['a colour in an array', {color: ['auto']}],
		['a string', 'auto'],
		['an array', []],
		['a number', 0],
		['false', false],
	])('%s is reported bad and the defaults used', (_name, settings) => {
		expect(readProgressData({formatVersion: 1, levels: {a: {}}, settings})).toStrictEqual({
			kind: 'damaged',
			problem: 'unreadable entries: settings',
			progress: {levels: {a: DEFAULTS}, settings: DEFAULT_SETTINGS},
		});
	});
});

describe('a version 0 file', () => {
	it.each<[string, Record<string, unknown>, Record<string, LevelProgress>]>([
		['a solved level with 0 stars', {solved: {a: {stars: 0}}}, {a: {...DEFAULTS, solved: true}}],
		['commands 0', {solved: {a: {stars: 2, commands: 0}}}, {a: {...DEFAULTS, solved: true, stars: 2, bestCommands: 0}}],
		['a result with an unknown key', {solved: {a: {stars: 1, time: 30}}}, {a: {...DEFAULTS, solved: true, stars: 1}}],
		['commands left undefined (not from JSON)', {solved: {a: {stars: 1, commands: undefined}}}, {a: {...DEFAULTS, solved: true, stars: 1}}],
		['an empty draft only', {drafts: {a: []}}, {a: DEFAULTS}],
		['zero hints only', {hints: {a: 0}}, {a: DEFAULTS}],
		['one level in all three maps', {solved: {a: {stars: 3, commands: 2}}, drafts: {a: ['x']}, hints: {a: 1}}, {a: {solved: true, stars: 3, bestCommands: 2, hintsUsed: 1, draft: ['x']}}],
		['empty maps: nothing', {solved: {}, drafts: {}, hints: {}}, {}],
	])('%s is migrated', (_name, v0, levels) => {
		const read = migrateV0(v0);
		expect(read).toStrictEqual({kind: 'ok', migrated: true, progress: {levels, settings: {color: 'auto'}}});
	});

	it.each<[string, Record<string, unknown>, string]>([
		['stars 2.5', {solved: {a: {stars: 2.5}}}, 'a'],
		['no stars', {solved: {a: {}}}, 'a'],
		['stars 4', {solved: {a: {stars: 4}}}, 'a'],
		['stars "1"', {solved: {a: {stars: '1'}}}, 'a'],
		['commands -1', {solved: {a: {stars: 2, commands: -1}}}, 'a'],
		['commands 1.5', {solved: {a: {stars: 2, commands: 1.5}}}, 'a'],
		['commands null', {solved: {a: {stars: 2, commands: null}}}, 'a'],
		['a null result', {solved: {a: null}}, 'a'],
		['a result of true', {solved: {a: true}}, 'a'],
		['a result that is an array', {solved: {a: [3]}}, 'a'],
		['a draft with a number', {drafts: {a: ['x', 1]}}, 'a'],
		['a draft that is a string', {drafts: {a: 'x'}}, 'a'],
		['a null draft', {drafts: {a: null}}, 'a'],
		['hints -1', {hints: {a: -1}}, 'a'],
		['hints 1.5', {hints: {a: 1.5}}, 'a'],
		['hints "1"', {hints: {a: '1'}}, 'a'],
		['null hints', {hints: {a: null}}, 'a'],
	])('a level with %s is reported bad, the others kept', (_name, v0, bad) => {
		const read = migrateV0({...v0, solved: {...(v0['solved'] as object), good: {stars: 1}}});
		expect(read).toMatchObject({kind: 'damaged', problem: `unreadable entries: ${bad}`});
		expect(read.progress.levels).toStrictEqual({good: {...DEFAULTS, solved: true, stars: 1}});
	});

	it.each<[string, Record<string, unknown>, string, Record<string, LevelProgress>]>([
		['a null colour', {color: null, hints: {a: 1}}, 'color', {a: {...DEFAULTS, hintsUsed: 1}}],
		['an unknown colour', {color: 'purple', hints: {a: 1}}, 'color', {a: {...DEFAULTS, hintsUsed: 1}}],
		['solved that is an array', {solved: [{stars: 1}], hints: {a: 1}}, 'solved', {a: {...DEFAULTS, hintsUsed: 1}}],
		['null drafts', {drafts: null, solved: {a: {stars: 2}}}, 'drafts', {a: {...DEFAULTS, solved: true, stars: 2}}],
		['hints that are a number', {hints: 3, drafts: {a: ['x']}}, 'hints', {a: {...DEFAULTS, draft: ['x']}}],
		['an unknown key', {levels: {}, drafts: {a: ['x']}}, 'levels', {a: {...DEFAULTS, draft: ['x']}}],
	])('%s is reported bad, the rest kept', (_name, v0, bad, levels) => {
		expect(migrateV0(v0)).toStrictEqual({
			kind: 'damaged',
			problem: `unreadable entries: ${bad}`,
			progress: {levels, settings: DEFAULT_SETTINGS},
		});
	});

	it('names unknown keys, then bad maps, then bad levels, then the colour', () => {
		const read = migrateV0({color: 7, hints: {b: -1}, solved: {a: null}, drafts: 'x', players: []});
		expect(read).toStrictEqual({
			kind: 'damaged',
			problem: 'unreadable entries: players, drafts, a, b, color',
			progress: {levels: {}, settings: DEFAULT_SETTINGS},
		});
	});
});

/** Whether `level` has the shape of LevelProgress and nothing else. */
function isLevelProgress(level: LevelProgress): boolean {
	const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
	const keys = Object.keys(level).filter((key) => !['solved', 'stars', 'bestCommands', 'hintsUsed', 'draft', 'levelHash'].includes(key));
	return (
		keys.length === 0 &&
		typeof level.solved === 'boolean' &&
		isCount(level.stars) &&
		level.stars <= 3 &&
		(level.bestCommands === undefined || isCount(level.bestCommands)) &&
		isCount(level.hintsUsed) &&
		Array.isArray(level.draft) &&
		level.draft.every((line) => typeof line === 'string') &&
		(level.levelHash === undefined || typeof level.levelHash === 'string')
	);
}

describe('readProgressData on anything', () => {
	it('does not throw on a format version with no JSON form', () => {
		const cycle: Record<string, unknown> = {};
		cycle['self'] = cycle;
		expect(readProgressData({formatVersion: 1n})).toMatchObject({kind: 'damaged', problem: 'unknown progress format bigint'});
		expect(readProgressData({formatVersion: cycle})).toMatchObject({kind: 'damaged', problem: 'unknown progress format object'});
	});


	const anything = fc.anything({withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withObjectString: true, withBigInt: true, withMap: true, withDate: true});
	const entry = fc.oneof(
		anything,
		fc.record(
			{
				solved: fc.oneof(fc.boolean(), anything),
				stars: fc.oneof(fc.integer({min: -1, max: 4}), fc.double(), anything),
				bestCommands: fc.oneof(fc.integer({min: -2}), fc.double(), anything),
				hintsUsed: fc.oneof(fc.nat(), fc.double(), anything),
				draft: fc.oneof(fc.array(fc.string()), anything),
				levelHash: fc.oneof(fc.string(), anything),
			},
			{requiredKeys: []},
		),
	);
	const file = fc.oneof(
		anything,
		fc.record({formatVersion: fc.constant(1), levels: fc.dictionary(fc.string(), entry), settings: fc.oneof(fc.record({color: fc.constantFrom('auto', 'always', 'never', 'x')}), anything)}, {requiredKeys: ['formatVersion']}),
		fc.record({solved: fc.dictionary(fc.string(), fc.oneof(fc.record({stars: fc.integer({min: -1, max: 4}), commands: fc.integer({min: -1})}), anything)), drafts: fc.dictionary(fc.string(), entry), hints: fc.dictionary(fc.string(), fc.oneof(fc.integer(), anything)), color: anything}, {requiredKeys: []}),
	);

	it('never throws, and every level it keeps has the LevelProgress shape', () => {
		fc.assert(
			fc.property(file, (data) => {
				const read = readProgressData(data);
				expect(['ok', 'damaged']).toContain(read.kind);
				expect(Object.values(read.progress.levels).every(isLevelProgress)).toBe(true);
				expect(['auto', 'always', 'never']).toContain(read.progress.settings.color);
			}),
			{numRuns: 500},
		);
	});
});

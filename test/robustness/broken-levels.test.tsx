import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {MAX_LEVEL_FILE_BYTES} from '../../src/levels/json-source.js';
import {type Catalog, type CatalogEntry, loadCatalog} from '../../src/levels/load.js';
import {formatProblem} from '../../src/levels/problem.js';
import {openProgressStore, PROGRESS_FILE} from '../../src/store/file-store.js';
import {type Game, KEY, settle, startGame, waitForGame} from './support/game.js';
import {frameProblems} from './support/screen.js';

/**
 * Broken level files of every kind sit in a course folder next to good
 * ones: the loader reports each (file, line, column, what is wrong) without
 * throwing, the map lists each with its first problem and refuses to open
 * it, the levels that load but cannot be solved as written say so when
 * opened, and the rest of the course plays to the end, saved on disk.
 */

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'levels');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-broken-'));
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

const course = path.join(tmp, 'course');
const good = fs.readFileSync(path.join(FIXTURES, 'good', '01-dns.json'), 'utf8');

/** Every kind of broken file, by name: what to write (or do) there. */
const BROKEN: Record<string, (file: string) => void> = {
	'b-empty.json': (file) => fs.writeFileSync(file, ''),
	'b-binary.json': (file) => fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
	'b-array.json': (file) => fs.writeFileSync(file, '[1, 2, 3]'),
	'b-null.json': (file) => fs.writeFileSync(file, 'null'),
	'b-truncated.json': (file) => fs.writeFileSync(file, good.slice(0, good.length / 2)),
	'b-huge.json': (file) => fs.writeFileSync(file, Buffer.alloc(MAX_LEVEL_FILE_BYTES + 1, 0x20)),
	'b-deep.json': (file) => fs.writeFileSync(file, `{"story": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
	'b-latin1.json': (file) => fs.writeFileSync(file, Buffer.from(good.replace('Name the website', 'Nommer le caf\u00e9'), 'latin1')),
	'b-constructor.json': (file) => fs.writeFileSync(file, good.replace('"formatVersion": 1,', '"formatVersion": 1, "constructor": {"prototype": {"polluted": true}},')),
	'b-loop.json': (file) => fs.symlinkSync(file, file),
	'b-dangling.json': (file) => fs.symlinkSync(path.join(tmp, 'nowhere.json'), file),
	'b-fifo.json': (file) => execFileSync('mkfifo', [file]),
};

/** The broken fixtures of the levels tests: syntax, schema, references, a newer format, __proto__ keys, bad solutions. */
const BROKEN_FIXTURES = fs.readdirSync(path.join(FIXTURES, 'broken'));

fs.mkdirSync(course, {recursive: true});
fs.writeFileSync(path.join(course, 'a-good.json'), good);
fs.copyFileSync(path.join(FIXTURES, 'good', '02-web-port.json'), path.join(course, 'a-web-port.json'));
// A good level kept elsewhere and linked in (instructors share levels between courses this way).
fs.writeFileSync(path.join(tmp, 'shared.json'), good.replace('"fixture-dns"', '"shared-dns"'));
fs.symlinkSync(path.join(tmp, 'shared.json'), path.join(course, 'a-linked.json'));
for (const name of BROKEN_FIXTURES) fs.copyFileSync(path.join(FIXTURES, 'broken', name), path.join(course, name));
for (const [name, write] of Object.entries(BROKEN)) write(path.join(course, name));
// A pack.json that is itself broken: the folder still loads, named after itself, in file-name order.
fs.writeFileSync(path.join(course, 'pack.json'), '{"title": "Course", "order": [');

const entriesOf = (catalog: Catalog): CatalogEntry[] => catalog.packs.flatMap((pack) => pack.levels);

let game: Game | undefined;
afterEach(() => game?.stop());

describe('broken level files', () => {
	it('are each reported with where and what, in well under a second, and the good ones load', () => {
		const started = performance.now();
		const catalog = loadCatalog({extraDirs: [course]});
		expect(performance.now() - started).toBeLessThan(2000);
		const byName = new Map(entriesOf(catalog).map((entry) => [path.basename(entry.file), entry]));
		// Loaded and playable: the good ones, and those whose only fault is their solution (the validator's job; see below).
		const playable = [...byName].filter(([, entry]) => entry.ok).map(([name]) => name).sort();
		expect(playable).toEqual(['a-good.json', 'a-linked.json', 'a-web-port.json', 'already-solved.json', 'solution-apply.json', 'solution-parse.json', 'solution-unsolved.json']);
		const expected: Record<string, RegExp> = {
			'b-empty.json': /:1:1: JSON syntax error: the file is empty|:1:1: JSON syntax error/u,
			'b-binary.json': /not UTF-8 text \(invalid byte 0x89\)/u,
			'b-array.json': /:1:1: expected an object, got a list/u,
			'b-null.json': /:1:1: expected an object/u,
			'b-truncated.json': /JSON syntax error/u,
			'b-huge.json': /:1:1: file is 5\.0 MB; a level file may be at most 5 MB/u,
			'b-deep.json': /:1:\d+: JSON nests deeper than 64 levels/u,
			'b-latin1.json': /not UTF-8 text \(invalid byte 0xE9\)/u,
			'b-constructor.json': /unknown field "constructor"/u,
			'b-fifo.json': /not a regular file/u,
			'b-loop.json': /cannot read the file \(ELOOP\)/u,
			'b-dangling.json': /cannot read the file \(ENOENT\)/u,
			'syntax.json': /JSON syntax error/u,
			'bad-schema.json': /\(at \/\w+/u,
			'unknown-ref.json': /'nat-2' does not exist/u,
			'future-version.json': /formatVersion 2 is newer than this netquest reads/u,
			'proto.json': /unknown field "__proto__"/u,
		};
		for (const [name, problem] of Object.entries(expected)) {
			const entry = byName.get(name);
			expect(entry?.ok, name).toBe(false);
			if (entry?.ok !== false) continue;
			expect(entry.problems.length, name).toBeGreaterThan(0);
			expect(entry.problems.map(formatProblem).join('\n'), name).toMatch(problem);
			for (const found of entry.problems) expect(formatProblem(found), name).toMatch(new RegExp(`^${escape(path.join(course, name))}:\\d+:\\d+: `, 'u'));
		}
		expect(catalog.problems.map(formatProblem)).toEqual([`${path.join(course, 'pack.json')}:1:31: JSON syntax error: expected "]" to close the array`]);
		expect(catalog.packs.map((pack) => pack.title)).toEqual(['course']);
		// Nothing leaked into the prototypes.
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('the map lists every broken file with its first problem and will not open it; the rest of the course plays, saved on disk', async () => {
		const catalog = loadCatalog({extraDirs: [course]});
		const dataDir = path.join(tmp, 'data');
		const store = openProgressStore({dataDir});
		const size = {columns: 100, rows: 60};
		game = startGame({catalog, store, ...size});
		let frame = await waitForGame(game, (text) => text.includes('Solved 0/7'));
		expect(frameProblems(frame, size)).toEqual([]);
		const broken = entriesOf(catalog).filter((entry) => !entry.ok);
		expect(frame.match(/✗ .* \(cannot be played\)/gu)).toHaveLength(broken.length);
		expect(frame).toContain('⚠ ');
		// Walk the whole list: a broken entry says it cannot be played; nothing crashes.
		let refused = 0;
		for (let step = 0; step < 40; step++) {
			frame = await settle(game);
			if (/^› ✗ /mu.test(frame)) {
				game.type(KEY.enter);
				frame = await waitForGame(game, (text) => text.includes('cannot be played until its file is fixed (netquest validate)'));
				refused++;
			}
			game.type(KEY.down);
		}
		expect(refused).toBe(broken.length);
		expect(game.ended()).toBeUndefined();

		// The unsolvable level loads, and says so as soon as it is opened.
		game.stop();
		game = startGame({catalog, store, ...size, initialLevelId: 'broken-unsolved'});
		await waitForGame(game, (text) => text.includes('Enter start'));
		game.type(KEY.enter);
		frame = await waitForGame(game, (text) => text.includes('Output'));
		expect(frame).toMatch(/reference solution leaves goals? .* failing: the level may be\s+impossible as written/u);

		// A good level plays to the end, and its result is on disk.
		game.stop();
		game = startGame({catalog, store, ...size, initialLevelId: 'fixture-dns'});
		await waitForGame(game, (text) => text.includes('Enter start'));
		game.type(KEY.enter);
		await waitForGame(game, (text) => text.includes('Output'));
		const level = catalog.packs.flatMap((pack) => pack.levels).find((entry) => entry.ok && entry.level.id === 'fixture-dns');
		const solution = level?.ok ? level.level.solution.filter((line) => line.trim() && !line.startsWith('#')) : [];
		for (const line of solution) game.type(`${line}\r`);
		frame = await waitForGame(game, (text) => text.includes('Level complete'));
		expect(frameProblems(frame, size)).toEqual([]);
		const saved = JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as {levels: Record<string, {solved: boolean; draft: string[]}>};
		expect(saved.levels['fixture-dns']).toMatchObject({solved: true, draft: solution});
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {levelHash} from './hash.js';
import {MAX_LEVEL_FILE_BYTES} from './json-source.js';
import {builtInLevelsDir, type Catalog, findLevel, loadCatalog, playableLevels} from './load.js';
import {formatProblem} from './problem.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'test', 'fixtures', 'levels');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-load-'));
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

/** Problems as printed, with paths relative to the fixtures folder (or the tmp folder). */
const printed = (problems: Catalog['problems']) =>
	problems.map((problem) => formatProblem({...problem, file: path.relative(fixtures, problem.file).replace(path.relative(fixtures, tmp), '<tmp>')}));

const entriesOf = (catalog: Catalog) => catalog.packs.flatMap((pack) => pack.levels);

describe('loadCatalog', () => {
	it('reads a pack: title and order from pack.json, every string sanitized, a hash per level', () => {
		const catalog = loadCatalog({builtInDir: path.join(fixtures, 'good')});
		expect(catalog.problems).toEqual([]);
		expect(catalog.packs.map((pack) => [pack.title, pack.source, pack.dir])).toEqual([['Fixture pack', 'built-in', path.join(fixtures, 'good')]]);
		const levels = playableLevels(catalog);
		expect(levels.map((entry) => [entry.level.id, path.basename(entry.file)])).toEqual([
			['fixture-bind', '02-web-port.json'],
			['fixture-dns', '01-dns.json'],
		]);
		for (const entry of levels) expect(entry.hash).toBe(levelHash(entry.level));
		expect(findLevel(catalog, 'fixture-dns')?.level.title).toBe('Name the website');
		expect(findLevel(catalog, 'nope')).toBeUndefined();
	});

	it('lists every broken file with its problems and still loads the others', () => {
		const catalog = loadCatalog({extraDirs: [path.join(fixtures, 'broken')]});
		const byFile = Object.fromEntries(entriesOf(catalog).map((entry) => [path.basename(entry.file), entry]));
		expect(Object.keys(byFile)).toEqual([
			'already-solved.json',
			'bad-schema.json',
			'future-version.json',
			'proto.json',
			'solution-apply.json',
			'solution-parse.json',
			'solution-unsolved.json',
			'syntax.json',
			'unknown-ref.json',
		]);
		// Solvability is the validator's business: these load.
		for (const name of ['already-solved.json', 'solution-apply.json', 'solution-parse.json', 'solution-unsolved.json']) {
			expect(byFile[name]?.ok).toBe(true);
		}
		const syntax = byFile['syntax.json'];
		expect(syntax?.ok === false && printed(syntax.problems)).toEqual([
			'broken/syntax.json:6:2: JSON syntax error: expected "," between two items',
			'broken/syntax.json:89:2: JSON syntax error: expected a value (JSON allows no trailing comma before "]")',
		]);
		const future = byFile['future-version.json'];
		expect(future?.ok === false && [future.id, future.title, ...printed(future.problems)]).toEqual([
			'broken-future',
			'Name the website',
			'broken/future-version.json:2:19: formatVersion 2 is newer than this netquest reads (1); update netquest (at /formatVersion)',
		]);
		const refs = byFile['unknown-ref.json'];
		expect(refs?.ok === false && printed(refs.problems)).toEqual([
			"broken/unknown-ref.json:60:17: route table rt-lan: the route for 0.0.0.0/0 cannot go there: 'nat-2' does not exist; a target is local, blackhole, a router or NAT device (or its address), an internet gateway or a NAT gateway (at /network/routeTables/0/routes/0/target)",
			'broken/unknown-ref.json:68:3: "dns remov" is not a configuration command (did you mean "dns remove"?) (at /commands/1)',
		]);
	});

	it('treats __proto__ keys as unknown fields and pollutes no prototype', () => {
		const catalog = loadCatalog({extraDirs: [path.join(fixtures, 'broken')]});
		const proto = entriesOf(catalog).find((entry) => entry.file.endsWith('proto.json'));
		expect(proto?.ok === false && printed(proto.problems)).toEqual([
			'broken/proto.json:2:15: unknown field "__proto__"; it is ignored (at /__proto__)',
			'broken/proto.json:20:18: unknown field "__proto__"; it is ignored (at /network/hosts/0/__proto__)',
		]);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect(({} as Record<string, unknown>)['kind']).toBeUndefined();
	});

	it('removes escape sequences from level text before handing it out', () => {
		const level = findLevel(loadCatalog({extraDirs: [path.join(fixtures, 'tricky')]}), 'tricky-escapes')?.level;
		expect(level?.title).toBe('Escapes red');
		expect(level?.story).toBe('Before after.\nSecond line.');
	});

	it('reports a level id used twice across packs, keeps the first and lists the second as broken', () => {
		const catalog = loadCatalog({builtInDir: path.join(fixtures, 'good'), extraDirs: [path.join(fixtures, 'dup')]});
		const message = `duplicate level id "fixture-dns": also in ${path.join(fixtures, 'good', '01-dns.json')}`;
		expect(catalog.problems.map((problem) => [path.relative(fixtures, problem.file), problem.line, problem.column, problem.pointer, problem.message])).toEqual([
			['dup/copy-of-dns.json', 3, 8, '/id', message],
		]);
		const copy = catalog.packs[1]?.levels[0];
		expect(copy?.ok === false && [copy.id, copy.title, copy.problems.map((problem) => problem.message)]).toEqual([
			'fixture-dns',
			'Name the website, again',
			[message],
		]);
		expect(findLevel(catalog, 'fixture-dns')?.file).toBe(path.join(fixtures, 'good', '01-dns.json'));
	});

	it('refuses huge, non-UTF-8 and deeply nested files, each with a clear problem, and loads the rest of the folder', () => {
		const dir = path.join(tmp, 'hostile');
		fs.mkdirSync(dir);
		fs.copyFileSync(path.join(fixtures, 'good', '01-dns.json'), path.join(dir, 'a-good.json'));
		fs.writeFileSync(path.join(dir, 'b-huge.json'), Buffer.alloc(MAX_LEVEL_FILE_BYTES + 1024 * 1024, 0x20));
		fs.writeFileSync(path.join(dir, 'c-latin1.json'), Buffer.from('{\n\t"title": "Caf\xe9"\n}\n', 'latin1'));
		fs.writeFileSync(path.join(dir, 'd-deep.json'), `{"story": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
		const catalog = loadCatalog({extraDirs: [dir]});
		const entries = entriesOf(catalog);
		expect(entries.map((entry) => entry.ok)).toEqual([true, false, false, false]);
		expect(entries.flatMap((entry) => (entry.ok ? [] : printed(entry.problems)))).toEqual([
			'<tmp>/hostile/b-huge.json:1:1: file is 6.0 MB; a level file may be at most 5 MB',
			'<tmp>/hostile/c-latin1.json:2:15: file is not UTF-8 text (invalid byte 0xE9); save it as UTF-8',
			'<tmp>/hostile/d-deep.json:1:74: JSON nests deeper than 64 levels; refusing to read it',
		]);
	});

	it('reads sub-folders as packs, falls back to the folder name and file-name order when pack.json is broken', () => {
		const dir = path.join(tmp, 'course');
		fs.mkdirSync(path.join(dir, 'week-1'), {recursive: true});
		fs.mkdirSync(path.join(dir, 'week-2'), {recursive: true});
		fs.mkdirSync(path.join(dir, '.hidden'), {recursive: true});
		fs.copyFileSync(path.join(fixtures, 'good', '01-dns.json'), path.join(dir, 'week-1', '10-dns.json'));
		fs.copyFileSync(path.join(fixtures, 'good', '02-web-port.json'), path.join(dir, 'week-1', '9-bind.json'));
		fs.copyFileSync(path.join(fixtures, 'tricky', 'escapes.json'), path.join(dir, '.hidden', 'x.json'));
		fs.writeFileSync(path.join(dir, 'week-2', 'pack.json'), '{"title": "Week 2", "order": ["missing.json"]}');
		fs.writeFileSync(path.join(dir, 'week-1', 'pack.json'), '{"title": ""}');
		const catalog = loadCatalog({extraDirs: [dir]});
		expect(catalog.packs.map((pack) => [pack.title, pack.levels.map((entry) => path.basename(entry.file))])).toEqual([
			['week-1', ['9-bind.json', '10-dns.json']],
			['Week 2', []],
		]);
		expect(printed(catalog.problems)).toEqual([
			'<tmp>/course/week-1/pack.json:1:11: must not be empty (at /title)',
			'<tmp>/course/week-2/pack.json:1:31: no level file named "missing.json" in this folder (at /order/0)',
		]);
	});

	it('follows symbolic links: a linked level loads, a link to nowhere is reported, not skipped', () => {
		const dir = path.join(tmp, 'linked');
		fs.mkdirSync(dir);
		fs.symlinkSync(path.join(fixtures, 'good', '01-dns.json'), path.join(dir, 'a-linked.json'));
		fs.symlinkSync(path.join(tmp, 'nowhere.json'), path.join(dir, 'b-dangling.json'));
		fs.symlinkSync(path.join(fixtures, 'good'), path.join(dir, 'c-linked-folder'));
		const catalog = loadCatalog({extraDirs: [dir]});
		expect(catalog.packs.map((pack) => [path.basename(pack.dir), pack.levels.map((entry) => [path.basename(entry.file), entry.ok])])).toEqual([
			['linked', [['a-linked.json', true], ['b-dangling.json', false]]],
			['c-linked-folder', [['02-web-port.json', true], ['01-dns.json', false]]],
		]);
		const dangling = catalog.packs[0]?.levels[1];
		expect(dangling?.ok === false && printed(dangling.problems)).toEqual(['<tmp>/linked/b-dangling.json:1:1: cannot read the file (ENOENT)']);
	});

	it('reports a missing --levels folder but not a missing user folder', () => {
		const catalog = loadCatalog({userDir: path.join(tmp, 'no-user'), extraDirs: [path.join(tmp, 'no-extra')]});
		expect(catalog.packs).toEqual([]);
		expect(printed(catalog.problems)).toEqual(['<tmp>/no-extra:1:1: level folder not found']);
	});
});

describe('builtInLevelsDir', () => {
	it('finds levels/ from the source tree', () => {
		expect(builtInLevelsDir()).toBe(path.join(root, 'levels'));
	});

	it('from a bundle in dist/, prefers the levels copied beside it, else walks up to the package', () => {
		const base = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-levels-dir-'));
		try {
			const make = (dir: string) => {
				fs.mkdirSync(dir, {recursive: true});
				fs.writeFileSync(path.join(dir, 'schema.json'), '{}');
			};
			make(path.join(base, 'pkg', 'levels'));
			fs.mkdirSync(path.join(base, 'pkg', 'dist'));
			const bundle = pathToFileURL(path.join(base, 'pkg', 'dist', 'netquest.js')).href;
			expect(builtInLevelsDir(bundle)).toBe(path.join(base, 'pkg', 'levels'));
			make(path.join(base, 'pkg', 'dist', 'levels'));
			expect(builtInLevelsDir(bundle)).toBe(path.join(base, 'pkg', 'dist', 'levels'));
		} finally {
			fs.rmSync(base, {recursive: true, force: true});
		}
	});
});

import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import wrapAnsi from 'wrap-ansi';
import {bundleOptions} from '../../scripts/build.mjs';
import {fastInkOutput, INK_OUTPUT_SHA256, patchOutputSource, patchTokenizeSource, segmenterSource} from '../../scripts/fast-output-plugin.mjs';
import {graphemeSegments, graphemes, type StyledCell, styledCharsToStringFast} from '../../scripts/fast-output.mjs';

/**
 * scripts/fast-output.mjs replaces, in the bundle, Ink's Output.get() and
 * ansi-tokenize's grapheme segmentation (issue 7: the first frame's cost).
 * Nothing may change on screen: each piece is checked against the original
 * on random input, and the patched Output is built by the plugin itself
 * (esbuild, fast-output-plugin.mjs) and compared with Ink's own.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INK_OUTPUT = path.join(ROOT, 'node_modules/ink/build/output.js');

type Transformer = (line: string, index: number) => string;
type Clip = {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined};
type OutputInstance = {
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: Clip): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type OutputClass = new (options: {width: number; height: number}) => OutputInstance;

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const segmented = (text: string) => Array.from(segmenter.segment(text));

// ---------------------------------------------------------------------------------------------------------
// Random text: what the game draws, and everything that joins into clusters or trips up a tokenizer.

const SGR = [
	'\u001B[0m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[3m', '\u001B[23m', '\u001B[4m', '\u001B[24m', '\u001B[7m', '\u001B[27m',
	'\u001B[9m', '\u001B[29m', '\u001B[31m', '\u001B[36m', '\u001B[39m', '\u001B[90m', '\u001B[42m', '\u001B[49m', '\u001B[1;31m',
	'\u001B[2;4;33m', '\u001B[38;5;208m', '\u001B[48;2;10;20;30m', '\u001B[38;2;255;128;0m', '\u001B[m',
];
const LINKS = ['\u001B]8;;https://travelbuddy.example/\u0007', '\u001B]8;;\u0007', '\u001B]8;id=1;https://x.example/a\u0007'];
const MAP_SYMBOLS = ['›', '★', '☆', '·', '—', '✓', '✗', '→', '│', '─', '┌', '┐', '└', '┘', '●', '○', '▸', '…', '⚠'];
const CJK = ['日', '本', '語', 'あ', 'ア', '한', '국', '　', 'Ａ'];
const EMOJI = ['👍', '👍🏽', '🏽', '⚠\uFE0F', '❤\uFE0F', '✔\uFE0E', '👩\u200D💻', '👨\u200D👩\u200D👧', '1\uFE0F\u20E3', '#\u20E3', '🇫🇷', '🇫', '🇺🇸🇫', '🏳\uFE0F\u200D🌈', '🧑🏿\u200D🦱', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'];
const JOINERS = ['e\u0301', '\u0301', '\u0308\u0323', 'a\u200Db', '\u200D', '\u200C', '\uFE0F', '\uFE0E', '\u{E0100}', '\u00AD', '\u0600a', '\u0D4Eക', '\u{111C2}a', 'ก\u0E33', 'ຕ\u0EB3', 'ｶ\uFF9E', 'क्षि', '\u0915\u094D\u0937'];
const HANGUL = ['\u1112', '\u1161', '\u11AB', '\u1112\u1161\u11AB', '\uAC00', '\uAC01', '\uAC00\u11A8', '\uA960', '\uD7B0', '\uD7CB'];
const CONTROLS = ['\r\n', '\r', '\n', '\t', '\u0000', '\u0007', '\u001B', '\u001B[', '\u001B]8;', '\u007F', '\u0085', '\u009B', '\uD800', '\uDC00', '\uDBFF\uDFFF'];

const ascii = fc.integer({min: 0x20, max: 0x7e}).map((code) => String.fromCharCode(code));
const anyCodePoint = fc
	.integer({min: 0, max: 0x10ffff})
	.filter((code) => code < 0xd800 || code > 0xdfff)
	.map((code) => String.fromCodePoint(code));
const bmp = fc.integer({min: 0x80, max: 0xffff}).map((code) => String.fromCharCode(code));
const fromList = (list: readonly string[]) => fc.constantFrom(...list);

/** Text with every kind of piece, joiners included. */
const anyPiece = fc.oneof(
	{arbitrary: ascii, weight: 6},
	{arbitrary: fromList(SGR), weight: 2},
	{arbitrary: fromList(LINKS), weight: 1},
	{arbitrary: fromList(MAP_SYMBOLS), weight: 3},
	{arbitrary: fromList(CJK), weight: 1},
	{arbitrary: fromList(EMOJI), weight: 2},
	{arbitrary: fromList(JOINERS), weight: 2},
	{arbitrary: fromList(HANGUL), weight: 1},
	{arbitrary: fromList(CONTROLS), weight: 1},
	{arbitrary: anyCodePoint, weight: 1},
	{arbitrary: bmp, weight: 1},
);
/** Text like the map's: nothing that joins (the fast path), but the odd lone surrogate or CR. */
const plainPiece = fc.oneof(
	{arbitrary: ascii, weight: 8},
	{arbitrary: fromList(SGR), weight: 2},
	{arbitrary: fromList(LINKS), weight: 1},
	{arbitrary: fromList(MAP_SYMBOLS), weight: 4},
	{arbitrary: fromList(CJK.filter((char) => !/[\uAC00-\uD7A3]/u.test(char))), weight: 1},
	{arbitrary: fromList(['👍', '🚀', '⭐', '\u{20000}', '\u{1F600}', '\t', '\n', '\u001B']), weight: 1},
);
const text = (piece: fc.Arbitrary<string>, maxLength: number) => fc.array(piece, {maxLength}).map((pieces) => pieces.join(''));

// ---------------------------------------------------------------------------------------------------------

describe('graphemes', () => {
	it('yields exactly the segmenter’s clusters for random text of every kind', () => {
		fc.assert(
			fc.property(text(anyPiece, 40), (sample) => {
				expect(Array.from(graphemes(sample))).toEqual(segmented(sample));
			}),
			{numRuns: 3000},
		);
	});

	it('yields exactly the segmenter’s clusters for map-like text, mostly without the segmenter', () => {
		let fast = 0;
		fc.assert(
			fc.property(text(plainPiece, 60), (sample) => {
				const clusters = graphemes(sample);
				if (Array.isArray(clusters)) fast++;
				expect(Array.from(clusters)).toEqual(segmented(sample));
			}),
			{numRuns: 2000},
		);
		expect(fast).toBe(2000);
	});

	it.each([
		['the empty string', ''],
		['a map line', '\u001B[36m›\u001B[39m \u001B[1m★ Level 3\u001B[22m · Subnets — done ✓'],
		['CJK and astral emoji without modifiers', '日本 🚀 \u{20000}'],
		['controls but CR', 'a\tb\nc\u0000\u007F\u0085'],
	])('goes without the segmenter for %s', (_, sample) => {
		const clusters = graphemes(sample);
		expect(Array.isArray(clusters)).toBe(true);
		expect(Array.from(clusters)).toEqual(segmented(sample));
	});

	it.each([
		['a combining accent', 'e\u0301'],
		['a VS16', '⚠\uFE0F'],
		['a skin tone', '👍🏽'],
		['a ZWJ', '👩\u200D💻'],
		['a flag', '🇫🇷'],
		['CR LF', 'a\r\nb'],
		['Hangul jamo', '\u1112\u1161\u11AB'],
		['a Hangul syllable', '\uAC00'],
		['a keycap', '1\u20E3'],
		['a Prepend letter', '\u0D4Eക'],
		['Thai SARA AM (a SpacingMark letter)', 'ก\u0E33'],
		['a lone surrogate', 'a\uD800b'],
		['a historic script outside the BMP', '\u{11F02}a'],
	])('leaves %s to the segmenter', (_, sample) => {
		expect(Array.isArray(graphemes(sample))).toBe(false);
		expect(Array.from(graphemes(sample))).toEqual(segmented(sample));
	});

	it('splits, in this Node’s Unicode, every code point it does not leave to the segmenter from any other', () => {
		// Whatever `graphemes` takes on alone has a Grapheme_Cluster_Break that never joins (Other, Control, LF):
		// then it joins none of these representatives, nor itself (a Prepend letter would join a following 'a',
		// an Extend or SpacingMark one a preceding 'a', L, V, T or a regional indicator itself, CR a following LF).
		const alone: string[] = [];
		for (let code = 0; code <= 0x10ffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const char = String.fromCodePoint(code);
			if (Array.isArray(graphemes(char))) alone.push(char);
		}
		expect(alone.length).toBeGreaterThan(150_000);
		const joined: string[] = [];
		const check = (sample: string) => {
			for (const {segment} of segmenter.segment(sample)) if (segment.length > 2 || (segment.length === 2 && segment.codePointAt(0)! <= 0xffff)) joined.push(segment);
		};
		// Segmenting one long string is quadratic in V8: short pieces.
		for (let start = 0; start < alone.length; start += 64) {
			const piece = alone.slice(start, start + 64);
			for (const other of ['a', '\n', '\u0001']) check(other + piece.join(other) + other);
			check(piece.map((char) => char + char).join(''));
		}
		expect(joined).toEqual([]);
	}, 20_000);
});

describe('graphemeSegments', () => {
	/** Everything slice-ansi and string-width ask of a Segments object: its clusters, and the one containing each index. */
	const observe = (segments: ReturnType<typeof graphemeSegments>, sample: string) => ({
		clusters: Array.from(segments),
		containing: [-2, -1, -0.5, ...Array.from({length: sample.length + 2}, (_, i) => i), 0.5, 1.7, Number.NaN, Number.POSITIVE_INFINITY].map((index) => segments.containing(index)),
	});

	it('gives what the segmenter’s segment() gives, iterated and asked for containing(), for random text', () => {
		let fast = 0;
		fc.assert(
			fc.property(fc.oneof(text(anyPiece, 30), text(plainPiece, 30)), (sample) => {
				const segments = graphemeSegments(sample);
				if (Object.getPrototypeOf(segments) !== Object.getPrototypeOf(segmenter.segment(''))) fast++;
				expect(observe(segments, sample)).toEqual(observe(segmenter.segment(sample), sample));
			}),
			{numRuns: 2000},
		);
		expect(fast).toBeGreaterThan(500);
	});
});

// ---------------------------------------------------------------------------------------------------------

const blank = (): StyledCell => ({type: 'char', value: ' ', fullWidth: false, styles: []});
/** The cells of a styled line, as Ink's Output makes them. */
const cellsOf = (line: string) => styledCharsFromTokens(tokenize(line)) as unknown as StyledCell[];
const styledLine = text(
	fc.oneof(
		{arbitrary: ascii, weight: 5},
		{arbitrary: fromList(SGR), weight: 4},
		{arbitrary: fromList(LINKS), weight: 1},
		{arbitrary: fromList(MAP_SYMBOLS), weight: 2},
		{arbitrary: fromList([...CJK, ...EMOJI, 'e\u0301']), weight: 1},
	),
	30,
);

describe('styledCharsToStringFast', () => {
	it('gives styledCharsToString’s text for random rows of styled characters and blank cells', () => {
		const piece = fc.oneof(
			{arbitrary: styledLine.map(cellsOf), weight: 3},
			{arbitrary: fc.integer({min: 1, max: 8}).map((count) => Array.from({length: count}, blank)), weight: 2},
			// A wide character's filler: its styles, no value.
			{arbitrary: styledLine.map(cellsOf).map((cells) => cells.flatMap((cell) => [cell, {...cell, value: ''}])), weight: 1},
		);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 6}), (pieces) => {
				const row = pieces.flat();
				expect(styledCharsToStringFast(row)).toBe(styledCharsToString(row as never));
			}),
			{numRuns: 3000},
		);
	});

	it('gives styledCharsToString’s text when neighbours have equal styles in separate arrays, or the same codes in another order', () => {
		const bold = {type: 'ansi' as const, code: '\u001B[1m', endCode: '\u001B[22m'};
		const dim = {type: 'ansi' as const, code: '\u001B[2m', endCode: '\u001B[22m'};
		const red = {type: 'ansi' as const, code: '\u001B[31m', endCode: '\u001B[39m'};
		const cell = (value: string, styles: StyledCell['styles']): StyledCell => ({type: 'char', value, fullWidth: false, styles});
		const rows = [
			[cell('a', [bold, red]), cell('b', [{...bold}, {...red}]), cell('c', [red, bold]), cell('d', [])],
			[cell('a', [bold, dim]), cell('b', [dim, bold]), cell('c', [dim]), cell('d', [bold]), blank()],
			[blank(), cell('x', [red]), blank()],
			[cell('', [red]), cell('', [])],
			[],
		];
		for (const row of rows) expect(styledCharsToStringFast(row)).toBe(styledCharsToString(row as never));
	});
});

// ---------------------------------------------------------------------------------------------------------

/** What the bundle gets, patched: Ink's Output, and the text functions whose segmenter the plugin replaces. */
type PatchedProbe = {
	Output: OutputClass;
	sliceAnsi: typeof sliceAnsi;
	stringWidth: typeof stringWidth;
	wrapAnsi: typeof wrapAnsi;
	styledCharsFromTokens: typeof styledCharsFromTokens;
	tokenize: typeof tokenize;
};

let work = '';
let Patched: OutputClass;
let Original: OutputClass;
let probe: PatchedProbe;

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-fast-output-'));
	const outfile = path.join(work, 'patched-output.mjs');
	const result = await esbuild.build({
		stdin: {
			contents: `export {default as Output} from ${JSON.stringify(INK_OUTPUT)};\nexport {default as sliceAnsi} from 'slice-ansi';\nexport {default as stringWidth} from 'string-width';\nexport {default as wrapAnsi} from 'wrap-ansi';\nexport {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';`,
			resolveDir: ROOT,
			sourcefile: 'probe.js',
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile,
		metafile: true,
		logLevel: 'silent',
		plugins: [fastInkOutput],
	});
	expect(Object.keys(result.metafile.inputs)).toContain('scripts/fast-output.mjs');
	expect(result.warnings).toEqual([]);
	probe = (await import(pathToFileURL(outfile).href)) as PatchedProbe;
	Patched = probe.Output;
	Original = ((await import(pathToFileURL(INK_OUTPUT).href)) as {default: OutputClass}).default;
}, 30_000);

afterAll(() => {
	if (work) fs.rmSync(work, {recursive: true, force: true});
});

/** What Ink's components use as transformers (Text's transform, colours, a prefix per line); each logs its calls. */
const TRANSFORMERS: readonly ((log: string[]) => Transformer)[] = [
	(log) => (line, index) => (log.push(`upper ${index} ${line}`), line.toUpperCase()),
	(log) => (line, index) => (log.push(`green ${index} ${line}`), `\u001B[32m${line}\u001B[39m`),
	(log) => (line, index) => (log.push(`prefix ${index} ${line}`), `${index}›${line}`),
	(log) => (line, index) => (log.push(`bg ${index} ${line}`), `\u001B[44m${line}\u001B[49m`),
];

type Operation =
	| {kind: 'write'; x: number; y: number; lines: string[]; transformers: number[]}
	| {kind: 'clip'; clip: Clip}
	| {kind: 'unclip'};

const coordinate = (min: number, max: number) => fc.oneof({arbitrary: fc.integer({min, max}), weight: 9}, {arbitrary: fc.constantFrom(1.5, -0), weight: 1});
const maybe = (arbitrary: fc.Arbitrary<number>) => fc.option(arbitrary, {nil: undefined, freq: 3});
const outputLine = text(
	fc.oneof(
		{arbitrary: ascii, weight: 6},
		{arbitrary: fromList(SGR), weight: 3},
		{arbitrary: fromList(LINKS), weight: 1},
		{arbitrary: fromList(MAP_SYMBOLS), weight: 3},
		{arbitrary: fromList([...CJK, ...EMOJI, ...JOINERS, '\t', '\u0000']), weight: 1},
	),
	24,
);
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{
		arbitrary: fc.record({
			kind: fc.constant('write' as const),
			x: coordinate(-4, 32),
			y: coordinate(-3, 13),
			lines: fc.array(outputLine, {minLength: 1, maxLength: 4}),
			transformers: fc.subarray([0, 1, 2, 3]),
		}),
		weight: 6,
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('clip' as const),
			clip: fc.record({x1: maybe(fc.integer({min: -2, max: 30})), x2: maybe(fc.integer({min: -2, max: 34})), y1: maybe(fc.integer({min: -2, max: 12})), y2: maybe(fc.integer({min: -2, max: 14}))}),
		}),
		weight: 2,
	},
	{arbitrary: fc.constant({kind: 'unclip' as const}), weight: 1},
);

/** Applies the operations to a new Output of the class and returns what get() gives and the transformers' calls. */
function run(Output: OutputClass, size: {width: number; height: number}, operations: readonly Operation[]) {
	const log: string[] = [];
	const transformers = TRANSFORMERS.map((make) => make(log));
	const output = new Output(size);
	for (const op of operations) {
		if (op.kind === 'write') output.write(op.x, op.y, op.lines.join('\n'), {transformers: op.transformers.map((index) => transformers[index]!)});
		else if (op.kind === 'clip') output.clip(op.clip);
		else output.unclip();
	}
	return {result: output.get(), log};
}

describe('the patched Output (as the plugin builds it)', () => {
	it('gives exactly Ink’s get() for random writes, clips and unclips with transformers, calling them alike', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 30}), fc.integer({min: 0, max: 12}), fc.array(operation, {maxLength: 14}), (width, height, operations) => {
				expect(run(Patched, {width, height}, operations)).toEqual(run(Original, {width, height}, operations));
			}),
			{numRuns: 1500},
		);
	});

	it('gives exactly Ink’s get() frame after frame, rows remembered from earlier frames included', () => {
		// Frames that share most rows with the frame before, as typing makes them: each drawn twice more,
		// once after another frame (rows now come from the row cache), and compared every time.
		fc.assert(
			fc.property(fc.integer({min: 1, max: 30}), fc.integer({min: 1, max: 12}), fc.array(operation, {maxLength: 10}), fc.array(operation, {maxLength: 3}), (width, height, base, change) => {
				const frames = [base, [...base, ...change], base, [...change, ...base], [...base, ...change]];
				for (const frame of frames) expect(run(Patched, {width, height}, frame)).toEqual(run(Original, {width, height}, frame));
			}),
			{numRuns: 600},
		);
	});

	it('gives exactly Ink’s get() for a map screen, 120 × 40', () => {
		const operations: Operation[] = [{kind: 'clip', clip: {x1: 0, x2: 120, y1: 0, y2: 40}}];
		for (let row = 0; row < 12; row++) {
			const line = `\u001B[36m${row === 3 ? '›' : ' '}\u001B[39m \u001B[1m★\u001B[22m Level ${row + 1} · \u001B[90mSubnets and routes — ${row % 2 === 0 ? '\u001B[32m✓ done\u001B[39m' : 'open'}\u001B[39m`;
			operations.push({kind: 'write', x: 2, y: row * 3 + 1, lines: [line], transformers: []});
		}
		operations.push({kind: 'write', x: 0, y: 0, lines: ['\u001B[1mTravelBuddy\u001B[22m — campaign map'], transformers: [1]});
		operations.push({kind: 'write', x: 110, y: 39, lines: ['日本語テキスト'], transformers: []});
		operations.push({kind: 'unclip'});
		const patched = run(Patched, {width: 120, height: 40}, operations);
		expect(patched).toEqual(run(Original, {width: 120, height: 40}, operations));
		expect(patched.result.height).toBe(40);
		expect(patched.result.output.split('\n')[4]).toContain('Level 2');
	});

	it('gives Ink’s empty screen for an Output nothing was written to, and for no rows at all', () => {
		for (const size of [{width: 120, height: 40}, {width: 0, height: 3}, {width: 5, height: 0}]) {
			expect(new Patched(size).get()).toEqual(new Original(size).get());
		}
	});
});

describe('slice-ansi and string-width segmenting with graphemeSegments (as the plugin builds them)', () => {
	it('slice exactly as slice-ansi does', () => {
		fc.assert(
			fc.property(text(anyPiece, 30), fc.integer({min: -2, max: 30}), fc.option(fc.integer({min: -2, max: 34}), {nil: undefined}), (sample, start, end) => {
				expect(probe.sliceAnsi(sample, start, end)).toBe(sliceAnsi(sample, start, end));
			}),
			{numRuns: 1500},
		);
	});

	it('turn tokens into exactly the styled characters ansi-tokenize makes, with one frozen styles array per run of codes', () => {
		fc.assert(
			fc.property(text(anyPiece, 40), (sample) => {
				const chars = probe.styledCharsFromTokens(probe.tokenize(sample));
				expect(chars).toEqual(styledCharsFromTokens(tokenize(sample)));
				for (const char of chars) expect(Object.isFrozen(char.styles)).toBe(true);
				// Neighbours under the same codes share one array.
				for (let index = 1; index < chars.length; index++) {
					if (JSON.stringify(chars[index]!.styles) === JSON.stringify(chars[index - 1]!.styles) && !/\u001B/.test(sample)) expect(chars[index]!.styles).toBe(chars[index - 1]!.styles);
				}
			}),
			{numRuns: 1500},
		);
	});

	it('measure exactly as string-width does, and wrap as wrap-ansi (with its own string-width) does', () => {
		fc.assert(
			fc.property(text(anyPiece, 30), fc.integer({min: 1, max: 12}), (sample, columns) => {
				expect(probe.stringWidth(sample)).toBe(stringWidth(sample));
				expect(probe.wrapAnsi(sample, columns, {hard: true, trim: false})).toBe(wrapAnsi(sample, columns, {hard: true, trim: false}));
			}),
			{numRuns: 1000},
		);
	});
});

// ---------------------------------------------------------------------------------------------------------

describe('fast-output-plugin', () => {
	const tokenizeSource = fs.readFileSync(path.join(ROOT, 'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js'), 'utf8');
	const outputSource = fs.readFileSync(INK_OUTPUT, 'utf8');

	it('patches the installed files: tokenize loops over graphemes, get() calls outputGet, no segmenter at module level', () => {
		const tokenizePatched = patchTokenizeSource(tokenizeSource);
		expect(tokenizePatched).toContain('of __netquestGraphemes(str)');
		expect(tokenizePatched).not.toContain('Intl.Segmenter');
		const outputPatched = patchOutputSource(outputSource);
		expect(outputPatched).toMatch(/get\(\) \{\n\s+return __netquestOutputGet\(this, sliceAnsi\);\n\s+\}\n\}/);
		expect(outputPatched).not.toContain('styledCharsToString(');
	});

	it.each([
		['a tokenize.js whose loop changed', () => patchTokenizeSource(tokenizeSource.replace('of segmenter.segment(str)', 'of segmenter.segment(input)')), /tokenize\.js: expected/],
		['a tokenize.js without its module-level segmenter', () => patchTokenizeSource(tokenizeSource.replace('const segmenter = new Intl.Segmenter', 'let segmenter = new Intl.Segmenter')), /tokenize\.js: expected/],
		['a tokenize.js using the segmenter elsewhere', () => patchTokenizeSource(`${tokenizeSource}\nexport const s = segmenter;\n`), /uses `segmenter` elsewhere/],
		['an output.js changed by one character', () => patchOutputSource(outputSource.replace('trimEnd()', 'trim()')), /Ink changed/],
		['a segmenter used other than by segment()', () => segmenterSource('const seg = new Intl.Segmenter();\nseg.resolvedOptions();\n', 'const seg = new Intl.Segmenter();', 'x.js'), /uses `seg` other than/],
		['a word segmenter', () => segmenterSource("const seg = new Intl.Segmenter('en', {granularity: 'word'});\n", "const seg = new Intl.Segmenter('en', {granularity: 'word'});", 'x.js'), /not a grapheme segmenter/],
		['a missing segmenter declaration', () => segmenterSource('const other = 1;\n', 'const seg = new Intl.Segmenter();', 'x.js'), /x\.js: expected/],
	])('refuses %s', (_, patch, message) => {
		expect(patch).toThrow(message);
	});

	it('records the installed output.js’s digest', () => {
		expect(INK_OUTPUT_SHA256).toMatch(/^[0-9a-f]{64}$/);
		expect(() => patchOutputSource(outputSource)).not.toThrow();
	});

	it('fails the build when a file to patch is not the expected one', async () => {
		const fake = path.join(work, 'fake', 'node_modules', 'ink', 'build');
		fs.mkdirSync(fake, {recursive: true});
		fs.writeFileSync(path.join(fake, 'output.js'), `${outputSource}\n// a newer Ink\n`);
		const build = esbuild.build({
			stdin: {contents: `import Output from ${JSON.stringify(path.join(fake, 'output.js'))}; console.log(Output);`, resolveDir: ROOT},
			bundle: true,
			platform: 'node',
			format: 'esm',
			write: false,
			logLevel: 'silent',
			plugins: [fastInkOutput],
		});
		await expect(build).rejects.toThrow(/Ink changed/);
	});

	it('fails the build when another plugin loaded a file it patches first', async () => {
		const first = {
			name: 'first',
			setup(build: esbuild.PluginBuild) {
				build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, () => ({contents: outputSource.replace(/^import .*ansi-tokenize.*$/m, ''), loader: 'js'}));
			},
		};
		const build = esbuild.build({
			stdin: {contents: `import Output from ${JSON.stringify(INK_OUTPUT)}; console.log(Output);`, resolveDir: ROOT},
			bundle: true,
			platform: 'node',
			format: 'esm',
			write: false,
			metafile: true,
			logLevel: 'silent',
			plugins: [first, fastInkOutput],
		});
		await expect(build).rejects.toThrow(/another plugin loaded it first/);
	});

	it('only warns when another plugin loaded string-width or slice-ansi first (the bundle is right, only slower)', async () => {
		const first = {
			name: 'first',
			setup(build: esbuild.PluginBuild) {
				build.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async (args) => ({contents: await fs.promises.readFile(args.path, 'utf8'), loader: 'js'}));
			},
		};
		const result = await esbuild.build({
			stdin: {contents: "import stringWidth from 'string-width'; console.log(stringWidth('a'));", resolveDir: ROOT},
			bundle: true,
			platform: 'node',
			format: 'esm',
			write: false,
			metafile: true,
			logLevel: 'silent',
			plugins: [first, fastInkOutput],
		});
		expect(result.errors).toEqual([]);
		expect(result.warnings.map((warning) => warning.text)).toEqual([expect.stringMatching(/did not patch node_modules\/string-width\/index\.js/)]);
	});

	it('leaves no Intl.Segmenter made at module load in a bundle of Ink with the netquest plugins, nor by a clipped frame of plain text', async () => {
		const outfile = path.join(work, 'ink-probe.mjs');
		const options = bundleOptions({entry: 'unused', name: 'unused', outdir: work});
		delete options.entryPoints;
		// The netquest bundle's own plugin list carries the fast output, first.
		expect(options.plugins?.[0]).toBe(fastInkOutput);
		await esbuild.build({
			...options,
			stdin: {
				contents: `export * from 'ink';\nexport {default as Output} from ${JSON.stringify(INK_OUTPUT)};\nexport {tokenize} from '@alcalzone/ansi-tokenize';\nexport {default as stringWidth} from 'string-width';\nexport {default as sliceAnsi} from 'slice-ansi';\nexport {default as wrapAnsi} from 'wrap-ansi';`,
				resolveDir: ROOT,
				sourcefile: 'probe.js',
			},
			outdir: undefined,
			splitting: false,
			outfile,
			sourcemap: false,
			legalComments: 'none',
			plugins: options.plugins ?? [],
		});
		const script = `
			let made = 0;
			const Real = Intl.Segmenter;
			Intl.Segmenter = class extends Real { constructor(...args) { super(...args); made++; } };
			const probe = await import(${JSON.stringify(pathToFileURL(outfile).href)});
			const atLoad = made;
			const output = new probe.Output({width: 120, height: 40});
			// netquest's screens are in a Box with overflow hidden: every line goes through slice-ansi.
			output.clip({x1: 0, x2: 120, y1: 0, y2: 40});
			output.write(2, 1, '\\u001B[36m›\\u001B[39m \\u001B[1m★ Level 1\\u001B[22m · Subnets — done ✓', {transformers: []});
			output.write(2, 2, 'width ' + probe.stringWidth('★ ok') + ' ' + probe.sliceAnsi('plain text', 0, 5), {transformers: []});
			output.unclip();
			const frame = output.get().output;
			const afterFrame = made;
			probe.tokenize('👍🏽 e\\u0301');
			probe.wrapAnsi('👍🏽 wide', 3, {hard: true});
			console.log(JSON.stringify({atLoad, afterFrame, end: made, frame: frame.split('\\n').slice(0, 3)}));
		`;
		const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(child.stderr).toBe('');
		const report = JSON.parse(child.stdout) as {atLoad: number; afterFrame: number; end: number; frame: string[]};
		expect(report.frame[1]).toBe('  \u001B[36m›\u001B[39m \u001B[1m★ Level 1\u001B[22m · Subnets — done ✓');
		expect(report.frame[2]).toBe('  width 4 plain');
		expect(report.atLoad).toBe(0);
		expect(report.afterFrame).toBe(0);
		// Text that needs one still gets one (and one is enough for all).
		expect(report.end).toBeGreaterThan(0);
	}, 30_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundleOptions} from '../../scripts/build.mjs';
import {fastWidth} from '../../scripts/fast-width.mjs';

/**
 * scripts/fast-width.mjs answers for string-width in the bundle, so whenever
 * it gives a number that number must be string-width's. Checked here against
 * the real string-width (the one the bundle wraps), for every code point and
 * for random mixtures of sure and unsure text with ANSI escape sequences.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every code point fastWidth is sure of on its own, ascending. */
const SURE: number[] = [];
/** Code points where fastWidth and string-width disagree (should stay empty). */
const WRONG: {codePoint: string; fast: number; real: number}[] = [];
let exhaustiveMs = 0;

beforeAll(() => {
	const start = performance.now();
	for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
		if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
		const text = String.fromCodePoint(codePoint);
		const fast = fastWidth(text);
		if (fast === undefined) continue;
		SURE.push(codePoint);
		const real = stringWidth(text);
		if (fast !== real) WRONG.push({codePoint: codePoint.toString(16), fast, real});
	}
	exhaustiveMs = performance.now() - start;
}, 30_000);

const segmenter = new Intl.Segmenter();

/**
 * The grapheme clusters that hold more than one code point, in the text made
 * of `pieces`, each `between` and the next. Segmented a few hundred pieces at
 * a time (iterating one long segmentation gets slower with the text's length):
 * each chunk starts and ends with `between`, so no pair is left out.
 */
function joined(pieces: readonly string[], between: string): string[] {
	const found: string[] = [];
	for (let start = 0; start < pieces.length; start += 500) {
		const text = between + pieces.slice(start, start + 500).join(between) + between;
		for (const {segment} of segmenter.segment(text)) {
			if (segment.length > 2 || (segment.length === 2 && segment.codePointAt(0)! <= 0xffff)) found.push(segment);
		}
	}
	return found;
}

const chars = (text: string): string[] => Array.from(text);

/** What fastWidth must be sure of: the ordinary text of the game's screens. */
const MUST_BE_SURE: readonly (readonly [string, readonly string[]])[] = [
	['printable ASCII', chars(Array.from({length: 95}, (_, i) => String.fromCharCode(0x20 + i)).join(''))],
	['Latin-1 and Latin Extended letters', chars('àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÉÎÕÜÇÑŁłőŐžŽșțăĂđĐơưǆȘȚɐʃ')],
	['Latin-1 signs', chars('§µ·×÷°±©®¬¿¡«»€£¥')],
	['general punctuation', chars('—–…’‘“”‹›•†‰′″‼')],
	['arrows', chars('←↑→↓↔↕⇄⇒⇠⇐⇔↵')],
	['mathematical and technical', chars('≤≥≠≈∞∑√⏎⌘⌥')],
	['box drawing', chars(Array.from({length: 0x80}, (_, i) => String.fromCharCode(0x2500 + i)).join(''))],
	['block elements', chars(Array.from({length: 0x20}, (_, i) => String.fromCharCode(0x2580 + i)).join(''))],
	['geometric shapes and stars', chars('■□▪▫▲△▶▸▹►▼▽◀◂◆◇○●◎◉★☆')],
	['check marks and crosses', chars('✓✔✗✘✕✖')],
	['warning sign without a variation selector', ['⚠']],
	['emoji-presentation symbols', chars('⚡✅❌⭐⌛')],
	['CJK ideographs and kana', chars('日本語漢字東京中文あいうアイウ　、。')],
	['Hangul syllables', chars('한국어')],
	['fullwidth forms', chars('ＡＢＣ１２３！')],
	['controls but CR', chars('\t\n\u0000\u001B\u007F\u0085')],
];

/** What fastWidth must leave to string-width: every one joins a neighbour or needs the emoji rules. */
const MUST_BE_UNSURE: readonly (readonly [string, string])[] = [
	['e and a combining acute accent', 'e\u0301'],
	['a thumbs-up with a skin tone', '👍🏽'],
	['a flag (regional indicators)', '🇫🇷'],
	['the warning emoji (with U+FE0F)', '⚠\uFE0F'],
	['a keycap', '1\uFE0F\u20E3'],
	['a ZWJ sequence', '👩\u200D💻'],
	['Hangul jamo', '\u1112\u1161\u11AB'],
	['CRLF', 'a\r\nb'],
	['a lone high surrogate', 'a\uD800b'],
	['a lone low surrogate', 'a\uDC00b'],
	['a soft hyphen', 'co\u00ADop'],
	['an unassigned code point', '\u0378'],
	['Devanagari (marks and conjuncts)', 'क्षि'],
];

describe('fastWidth against string-width', () => {
	it('gives string-width’s width for every code point it is sure of, in well under 10 s', () => {
		expect(WRONG).toEqual([]);
		expect(SURE.length).toBeGreaterThan(100_000);
		expect(exhaustiveMs).toBeLessThan(10_000);
	});

	it('is never sure of a lone surrogate', () => {
		for (let unit = 0xd800; unit <= 0xdfff; unit++) expect(fastWidth(String.fromCharCode(unit))).toBeUndefined();
	});

	it('is sure only of code points that never join a neighbour into one grapheme cluster', () => {
		// A sure code point's Grapheme_Cluster_Break can only be Other, Control, LF, LV or LVT, represented by
		// these. Any other class joins one of them or itself: Extend, SpacingMark and ZWJ join a preceding
		// 'a', Prepend a following 'a', CR a following LF, L a following LV, V and T a preceding LV, and a
		// regional indicator another one. The rules over longer context (emoji ZWJ sequences, flags, Indic
		// conjuncts) all need a ZWJ, a regional indicator or a virama, none of them sure.
		const representatives = ['a', '\n', '\u0001', '\uAC00', '\uAC01'];
		for (const other of representatives) expect(fastWidth(other)).not.toBeUndefined();
		const all = SURE.map((codePoint) => String.fromCodePoint(codePoint));
		for (const other of representatives) expect(joined(all, other)).toEqual([]);
		expect(joined(all.map((char) => char + char), '')).toEqual([]);
	});

	it.each(MUST_BE_SURE)('is sure of %s', (_, list) => {
		for (const char of list) expect([char, fastWidth(char)]).toEqual([char, stringWidth(char)]);
		expect(fastWidth(list.join(''))).toBe(stringWidth(list.join('')));
	});

	it.each(MUST_BE_UNSURE)('leaves %s to string-width', (_, text) => {
		expect(fastWidth(text)).toBeUndefined();
		expect(fastWidth(`ok ${text} ok`)).toBeUndefined();
	});

	it.each([
		['', 0],
		['TravelBuddy', 11],
		['\u001B[36m›\u001B[39m \u001B[1m★ TravelBuddy\u001B[22m', 15],
		['\u001B[38;2;255;128;0m日本\u001B[0m ✓', 6],
		['\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 →', 6],
		['a\u001Bb', 2],
	])('measures %j as %i, as string-width does', (text, width) => {
		expect(stringWidth(text)).toBe(width);
		expect(fastWidth(text)).toBe(width);
	});

	it('is not sure of what is not a string', () => {
		expect(fastWidth(undefined)).toBeUndefined();
		expect(fastWidth(42)).toBeUndefined();
	});
});

describe('fastWidth on mixed text', () => {
	const sureChar = fc.oneof(
		fc.constantFrom(...MUST_BE_SURE.flatMap(([, list]) => list)),
		fc
			.oneof(
				fc.integer({min: 0, max: 0x2ff}),
				fc.integer({min: 0x2000, max: 0x2bff}),
				fc.integer({min: 0x3000, max: 0x9fff}),
				fc.integer({min: 0xac00, max: 0xd7a3}),
				fc.integer({min: 0xff00, max: 0xffef}),
				fc.integer({min: 0x20000, max: 0x2a6df}),
			)
			.map((codePoint) => String.fromCodePoint(codePoint))
			.filter((char) => fastWidth(char) !== undefined),
	);
	const sgr = fc.oneof(
		fc.constantFrom('\u001B[0m', '\u001B[1m', '\u001B[22m', '\u001B[4m', '\u001B[24m', '\u001B[7m', '\u001B[27m', '\u001B[39m', '\u001B[49m'),
		fc.integer({min: 0, max: 255}).map((n) => `\u001B[38;5;${n}m`),
		fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => `\u001B[48;2;${r};${g};${b}m`),
		fc.integer({min: 30, max: 107}).map((n) => `\u001B[${n}m`),
	);
	const unsure = fc.constantFrom(...MUST_BE_UNSURE.map(([, text]) => text), '\r', '\u0301', '\uFE0F', '\u200D', '\u{1F3FD}', '\u{1F1EB}', '\u1161');

	it('gives a number equal to string-width’s for text of sure code points and SGR sequences', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(sureChar, sgr), {maxLength: 40}), (pieces) => {
				const text = pieces.join('');
				expect(fastWidth(text)).toBe(stringWidth(text));
			}),
			{numRuns: 1000},
		);
	});

	it('whenever it gives a number for text with unsure pieces too, string-width gives the same', () => {
		let sure = 0;
		fc.assert(
			fc.property(fc.array(fc.oneof({arbitrary: sureChar, weight: 6}, {arbitrary: sgr, weight: 2}, {arbitrary: unsure, weight: 1}), {maxLength: 30}), (pieces) => {
				const text = pieces.join('');
				const fast = fastWidth(text);
				if (fast !== undefined) {
					sure++;
					expect(fast).toBe(stringWidth(text));
				}
			}),
			{numRuns: 2000},
		);
		expect(sure).toBeGreaterThan(100);
	});
});

describe('string-width in the bundle', () => {
	let out = '';
	let bundled: {stringWidth: (text: string) => number; wrapAnsi: (text: string, columns: number, options?: object) => string};
	let inputs: string[] = [];

	beforeAll(async () => {
		out = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-fast-width-'));
		const options = bundleOptions({entry: 'unused', name: 'unused', outdir: out});
		delete options.entryPoints;
		const result = await esbuild.build({
			...options,
			stdin: {contents: "export {default as stringWidth} from 'string-width';\nexport {default as wrapAnsi} from 'wrap-ansi';", resolveDir: ROOT, sourcefile: 'probe.js'},
			splitting: false,
			outExtension: {'.js': '.mjs'},
			sourcemap: false,
			legalComments: 'none',
		});
		inputs = Object.keys(result.metafile?.inputs ?? {});
		bundled = (await import(pathToFileURL(path.join(out, 'stdin.mjs')).href)) as typeof bundled;
	}, 30_000);

	afterAll(() => {
		if (out) fs.rmSync(out, {recursive: true, force: true});
	});

	it('takes the fast path, and gives string-width’s widths, sure or not', () => {
		expect(inputs).toContain('scripts/fast-width.mjs');
		for (const text of ['› ★ · — ⚠ ✔', '\u001B[1m日本\u001B[22m', '⚠\uFE0F 👍🏽 e\u0301', 'plain', '']) {
			expect(bundled.stringWidth(text)).toBe(stringWidth(text));
			// Again, now from the memo cache.
			expect(bundled.stringWidth(text)).toBe(stringWidth(text));
		}
	});

	it('leaves wrap-ansi’s own string-width (v7, which measures ⚠ and ✔ as 2) answering for itself', () => {
		// string-width v8 measures a lone ⚠ as 1 column; wrap-ansi's v7 copy as 2, so three of them wrap at 3 columns.
		expect(stringWidth('⚠⚠⚠')).toBe(3);
		expect(bundled.wrapAnsi('⚠⚠⚠', 3, {hard: true})).toBe('⚠\n⚠\n⚠');
	});
});

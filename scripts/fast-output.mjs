/**
 * A cheaper first frame for Ink (issue 7), with exactly Ink's output. A CPU
 * profile of the first render showed most of its time in Ink's `Output.get()`
 * (ink/build/output.js, Ink 6.8): it builds a width × height grid of cell
 * objects, tokenizes every written line with @alcalzone/ansi-tokenize (which
 * walks each string with `Intl.Segmenter`: its first construction costs about
 * 10 ms, the start of ICU's break iterators), and turns every row back into a
 * string with `styledCharsToString`, which diffs the styles of every pair of
 * neighbouring cells with three `new Set(...)` each.
 *
 * - `graphemes`, `graphemeSegments`: the segmenter's grapheme clusters,
 *   without the segmenter for text where each code point is certainly a
 *   cluster of its own;
 * - `styledCharsToStringFast`: `styledCharsToString` without the diff
 *   between neighbours of equal styles (the diff is then empty);
 * - `outputGet`: `Output.get()` that materializes only the rows written to
 *   and converts them with `styledCharsToStringFast`.
 *
 * fast-output-plugin.mjs patches the bundle's copies of ansi-tokenize, Ink,
 * slice-ansi and string-width to use them; test/build/fast-output.test.ts
 * checks each against the original on random input.
 */
import {ansiCodesToString, diffAnsiCodes} from '@alcalzone/ansi-tokenize';

/**
 * Code points that make `graphemes` ask the segmenter. Everything else has
 * Grapheme_Cluster_Break Other, Control or LF (UAX #29), and a pair of those
 * is always split (GB4, GB5, GB999): every code point is its own cluster.
 * Listed:
 * - marks (\p{M}: Extend and SpacingMark), format characters (\p{Cf}: ZWJ,
 *   ZWNJ, tags, the Prepend ones of Arabic, Syriac, Kaithi…), variation
 *   selectors and the keycap (marks as well, listed for the reader);
 * - lone surrogates (\p{Cs}: in a string they are code units the rest of
 *   this file would not treat as one; they are rare);
 * - CR (CR LF is one cluster);
 * - the letters of other classes: Prepend U+0D4E, SpacingMark U+0E33 and
 *   U+0EB3, Extend U+FF9E–FF9F (halfwidth voiced sound marks);
 * - Hangul jamo (L, V, T) and syllables (LV, LVT: they join jamo);
 * - everything outside the BMP but the symbols and emoji block range
 *   U+1F000–1FBFF (regional indicators U+1F1E6–1F1FF and emoji modifiers
 *   U+1F3FB–1F3FF excepted) and the CJK ideograph planes U+20000–3FFFF. The
 *   historic and minority scripts there are where Unicode keeps adding
 *   Prepend and SpacingMark letters and V jamo-like vowels (U+111C2, U+1193F,
 *   U+11F02, U+113D1, U+16D63…): when unsure, the segmenter decides.
 * The test checks, in the running Node's Unicode, that no code point outside
 * this class joins a neighbour.
 */
const NEEDS_SEGMENTER =
	/[\p{M}\p{Cf}\p{Cs}\r\u0D4E\u0E33\u0EB3\u1100-\u11FF\u20E3\uA960-\uA97F\uAC00-\uD7FF\uFE00-\uFE0F\uFF9E\uFF9F\u{10000}-\u{1EFFF}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{1FC00}-\u{1FFFF}\u{40000}-\u{10FFFF}]/u;

/** Built on first need: the first `Intl.Segmenter` of a process costs about 10 ms. */
let segmenter;

/** The grapheme segmenter, constructed on the first call. */
function graphemeSegmenter() {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter;
}

/**
 * The clusters of a string where every code point is one, with no lone
 * surrogate: `{segment, index, input}` each, as the segmenter makes them.
 * @param {string} str
 */
function codePointClusters(str) {
	const clusters = [];
	for (let index = 0; index < str.length; ) {
		// No lone surrogate gets here: a high one starts a pair.
		const size = (str.charCodeAt(index) & 0xfc00) === 0xd800 ? 2 : 1;
		clusters.push({segment: size === 1 ? str[index] : str.slice(index, index + 2), index, input: str});
		index += size;
	}
	return clusters;
}

/**
 * The grapheme clusters of `str`: exactly what
 * `new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(str)`
 * yields (`{segment, index, input}` in order). When no code point of `str`
 * can join a neighbour it is an array made without the segmenter, each code
 * point one cluster; otherwise (or for a non-string) the segmenter's own
 * iterable, its segmenter built on first need. Never throws for a string.
 * @param {string} str
 * @returns {Iterable<{segment: string, index: number, input: string}>}
 */
export function graphemes(str) {
	if (typeof str !== 'string' || NEEDS_SEGMENTER.test(str)) return graphemeSegmenter().segment(str);
	return codePointClusters(str);
}

/**
 * What `Intl.Segmenter#segment` returns, for a string whose every code point
 * is a cluster of its own (no lone surrogate): iterable, and `containing`.
 */
class CodePointSegments {
	/** @param {string} str */
	constructor(str) {
		this.input = str;
	}

	/**
	 * The cluster holding the code unit at `index` (converted as the
	 * segmenter converts it), or undefined outside the string.
	 * @param {unknown} index
	 */
	containing(index) {
		const str = this.input;
		let at = Math.trunc(+index);
		if (Number.isNaN(at)) at = 0;
		if (at < 0 || at >= str.length) return undefined;
		// -0 (from -0.5, say) is index 0.
		at |= 0;
		// The low half of a pair belongs to the cluster its high half starts.
		if ((str.charCodeAt(at) & 0xfc00) === 0xdc00) at--;
		const size = (str.charCodeAt(at) & 0xfc00) === 0xd800 ? 2 : 1;
		return {segment: size === 1 ? str[at] : str.slice(at, at + 2), index: at, input: str};
	}

	[Symbol.iterator]() {
		return codePointClusters(this.input)[Symbol.iterator]();
	}
}

/**
 * Exactly what `segment(str)` of a grapheme `Intl.Segmenter` gives, as far
 * as iterating it and its `containing(index)` go (slice-ansi and string-width
 * use nothing else): for a string where no code point can join a neighbour,
 * without the segmenter; otherwise the segmenter's own `Segments`.
 * @param {string} str
 * @returns {Iterable<{segment: string, index: number, input: string}> & {containing(index: number): {segment: string, index: number, input: string} | undefined}}
 */
export function graphemeSegments(str) {
	if (typeof str !== 'string' || NEEDS_SEGMENTER.test(str)) return graphemeSegmenter().segment(str);
	return new CodePointSegments(str);
}

/**
 * Whether two style lists are equal code by code, in order (the same array
 * is). ansi-tokenize's `diffAnsiCodes(from, to)` is then empty: its first
 * part undoes the codes of `from` whose end code (start code, for bold and
 * dim) is not among `to`'s, and each is, as the codes are the same; its
 * second part adds the codes of `to` whose start code is not among `from`'s,
 * and each is. `undoAnsiCodes([])` is `[]` and `ansiCodesToString([])` is
 * '': the neighbour adds nothing. (Order does not matter to the diff; equal
 * in order is simply the cheap sufficient test.)
 * @param {readonly {code: string, endCode: string}[]} a
 * @param {readonly {code: string, endCode: string}[]} b
 */
function sameStyles(a, b) {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const left = a[i];
		const right = b[i];
		if (left.code !== right.code || left.endCode !== right.endCode) return false;
	}
	return true;
}

/**
 * `styledCharsToString` of ansi-tokenize over `chars[0]` to `chars[end - 1]`.
 * A first cell without styles opens nothing (`ansiCodesToString([])` is ''),
 * neighbours of equal styles need no diff (`sameStyles`), and a last cell
 * without styles closes nothing (`diffAnsiCodes([], [])` is empty).
 * @param {readonly {value: string, styles: readonly {code: string, endCode: string}[]}[]} chars
 * @param {number} end
 */
function charsToString(chars, end) {
	let ret = '';
	let previous;
	for (let i = 0; i < end; i++) {
		const char = chars[i];
		const styles = char.styles;
		if (i === 0) {
			if (styles.length > 0) ret += ansiCodesToString(styles);
		} else if (!sameStyles(previous, styles)) {
			ret += ansiCodesToString(diffAnsiCodes(previous, styles));
		}
		ret += char.value;
		previous = styles;
	}
	if (end > 0 && previous.length > 0) ret += ansiCodesToString(diffAnsiCodes(previous, []));
	return ret;
}

/**
 * Exactly `styledCharsToString(chars)` of @alcalzone/ansi-tokenize (0.2.x):
 * each cell's value, preceded by the codes that take the previous cell's
 * styles to its own, and the codes that close the last cell's styles at the
 * end; only faster when neighbours share their styles.
 * @param {readonly {value: string, styles: readonly {code: string, endCode: string}[]}[]} chars
 * @returns {string}
 */
export function styledCharsToStringFast(chars) {
	return charsToString(chars, chars.length);
}

/** The styles of every blank cell: shared, and frozen so that nothing can change them for all. */
const NO_STYLES = Object.freeze([]);
/** Ink's blank cell. Its users only read cells (and replace them), never change them: one object serves all. */
const BLANK = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES});

/** The last blank row made, copied for each row written to (rows of one screen have one width). */
let blankRow = [];
/** The width `blankRow` was made for. */
let blankRowWidth;

/**
 * A new row of blank cells: as many as Ink's `for (x = 0; x < width; x++)`
 * makes. Empty slots and undefined values never occur in it.
 * @param {number} width
 */
function newBlankRow(width) {
	if (blankRowWidth !== width) {
		const row = [];
		for (let x = 0; x < width; x++) row.push(BLANK);
		blankRow = row;
		blankRowWidth = width;
	}
	return blankRow.slice();
}

/**
 * A row of cells as Ink prints it: `styledCharsToString` of its cells (empty
 * slots left out, as Ink's `filter` leaves them), then `trimEnd()`. Blank
 * trailing cells (a value of ' ' or '', no styles) are not converted: after
 * the last other cell they add only the codes closing its styles, which that
 * cell's own conversion ends with anyway, then spaces, which `trimEnd()`
 * removes.
 * @param {({value: string, styles: readonly {code: string, endCode: string}[]} | undefined)[]} row
 * @param {number} width the length of a row nothing was written beyond
 */
function rowToString(row, width) {
	// Only a write beyond the row's end can leave empty slots, and it makes the row longer.
	const cells = row.length === width ? row : row.filter((item) => item !== undefined);
	let end = cells.length;
	while (end > 0) {
		const cell = cells[end - 1];
		if (cell.styles.length !== 0 || (cell.value !== ' ' && cell.value !== '')) break;
		end--;
	}
	return charsToString(cells, end).trimEnd();
}

/**
 * Exactly what Ink 6.8's `output.get()` returns for an `Output`
 * (ink/build/output.js): `{output, height}`, the screen as text, one row a
 * line, and the number of rows. The operations (writes with transformers,
 * clips, unclips) are applied as Ink applies them, with the same calls to
 * transformers and to the output's caches; only what cannot change the result
 * is skipped: rows never written to are '' without making their cells, blank
 * cells are one shared object, rows are converted by `styledCharsToStringFast`,
 * and a row written exactly as in a recent frame is not converted again. `sliceAnsi` must be the function Ink's
 * output.js imports (fast-output-plugin.mjs passes it).
 * @param {{width: number, height: number, operations: readonly any[], caches: {getWidestLine(text: string): number, getStringWidth(text: string): number, getStyledChars(line: string): readonly any[]}}} output
 * @param {(text: string, start: number, end?: number) => string} sliceAnsi
 * @returns {{output: string, height: number}}
 */
export function outputGet(output, sliceAnsi) {
	const {width, caches} = output;
	// Ink's rows, each `null` until written to (then the writes it got): the same indices (a `for (y = 0; y <
	// height; y++)`) find one.
	const rows = [];
	for (let y = 0; y < output.height; y++) rows.push(null);
	let rowWidth = 0;
	for (let x = 0; x < width; x++) rowWidth++;
	const clips = [];
	for (const operation of output.operations) {
		if (operation.type === 'clip') {
			clips.push(operation.clip);
		}
		if (operation.type === 'unclip') {
			clips.pop();
		}
		if (operation.type === 'write') {
			const {text, transformers} = operation;
			let {x, y} = operation;
			let lines = text.split('\n');
			const clip = clips.at(-1);
			if (clip) {
				const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
				const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
				// Text wholly outside the clip is skipped.
				if (clipHorizontally) {
					const textWidth = caches.getWidestLine(text);
					if (x + textWidth < clip.x1 || x > clip.x2) {
						continue;
					}
				}
				if (clipVertically) {
					const textHeight = lines.length;
					if (y + textHeight < clip.y1 || y > clip.y2) {
						continue;
					}
				}
				if (clipHorizontally) {
					lines = lines.map((line) => {
						const from = x < clip.x1 ? clip.x1 - x : 0;
						const lineWidth = caches.getStringWidth(line);
						const to = x + lineWidth > clip.x2 ? clip.x2 - x : lineWidth;
						return sliceAnsi(line, from, to);
					});
					if (x < clip.x1) {
						x = clip.x1;
					}
				}
				if (clipVertically) {
					const from = y < clip.y1 ? clip.y1 - y : 0;
					const textHeight = lines.length;
					const to = y + textHeight > clip.y2 ? clip.y2 - y : textHeight;
					lines = lines.slice(from, to);
					if (y < clip.y1) {
						y = clip.y1;
					}
				}
			}
			let offsetY = 0;
			for (let index = 0; index < lines.length; index++) {
				let line = lines[index];
				// As in Ink: a missing row (above or below the screen) skips the line without moving down.
				let writes = rows[y + offsetY];
				if (writes === undefined) {
					continue;
				}
				if (writes === null) {
					writes = [];
					rows[y + offsetY] = writes;
				}
				for (const transformer of transformers) {
					line = transformer(line, index);
				}
				writes.push(x, line);
				offsetY++;
			}
		}
	}
	let generated = '';
	for (let y = 0; y < rows.length; y++) {
		if (y > 0) generated += '\n';
		const writes = rows[y];
		if (writes !== null) generated += rowText(writes, width, rowWidth, caches);
	}
	return {output: generated, height: rows.length};
}

/**
 * Rows already converted, by what was written to them: a row's text depends
 * only on the screen's width and the lines written to it, in order, with
 * their columns. Most rows of a frame are the rows of the frame before (typing
 * changes the prompt's row), so they are not rebuilt cell by cell. Two
 * generations of at most `ROW_CACHE_LIMIT` rows: what the last frames drew
 * stays, memory stays bounded.
 */
const ROW_CACHE_LIMIT = 512;
let recentRows = new Map();
let olderRows = new Map();

/**
 * The text of a row from its writes (`[x, line, x, line, …]`, in the order
 * Ink applied them): Ink's cells for them, converted by `rowToString`.
 * @param {(number | string)[]} writes
 * @param {number} width
 * @param {number} rowWidth
 * @param {{getStringWidth(text: string): number, getStyledChars(line: string): readonly any[]}} caches
 */
function rowText(writes, width, rowWidth, caches) {
	let key = `${width}`;
	for (let index = 0; index < writes.length; index += 2) key += `|${writes[index]}|${writes[index + 1].length}|${writes[index + 1]}`;
	const known = recentRows.get(key) ?? olderRows.get(key);
	if (known !== undefined) {
		if (!recentRows.has(key)) rememberRow(key, known);
		return known;
	}
	const row = newBlankRow(width);
	for (let index = 0; index < writes.length; index += 2) {
		const characters = caches.getStyledChars(writes[index + 1]);
		let offsetX = writes[index];
		for (const character of characters) {
			row[offsetX] = character;
			const characterWidth = Math.max(1, caches.getStringWidth(character.value));
			// A wide character's following cells become empty fillers in its styles.
			if (characterWidth > 1) {
				for (let fill = 1; fill < characterWidth; fill++) {
					row[offsetX + fill] = {
						type: 'char',
						value: '',
						fullWidth: false,
						styles: character.styles,
					};
				}
			}
			offsetX += characterWidth;
		}
	}
	return rememberRow(key, rowToString(row, rowWidth));
}

/** Keeps a converted row in the newer generation, starting a new one when it is full. */
function rememberRow(key, text) {
	if (recentRows.size >= ROW_CACHE_LIMIT) {
		olderRows = recentRows;
		recentRows = new Map();
	}
	recentRows.set(key, text);
	return text;
}

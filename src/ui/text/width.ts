import stringWidth from 'string-width';

/**
 * Terminal column widths of text, measured exactly as Ink measures it when
 * it lays out and clips rows (`string-width`: grapheme clusters, East Asian
 * width, emoji sequences, zero-width marks), so the UI's own arithmetic —
 * wrapping, padding, box borders — always agrees with what Ink draws.
 *
 * Text is drawn through `cellText` first: a line break inside a row is
 * drawn as a space (a row is one terminal row); control characters are
 * dropped (the last line of defence: text from files and the player is
 * sanitized before it gets here); and the invisible presentation code points
 * that terminals disagree about (variation selectors, emoji skin-tone
 * modifiers, soft hyphens, bidi controls and other default-ignorable code
 * points; U+200D stays for emoji sequences) are dropped, so the terminal's
 * idea of a row's width matches Ink's.
 */

// C0 and C1 controls (a line break is handled before).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;
// Default_Ignorable_Code_Point but ZWJ (emoji sequences need it), and the Fitzpatrick modifiers.
const INVISIBLE = /(?!\u200D)[\p{Default_Ignorable_Code_Point}\u{1F3FB}-\u{1F3FF}]/gu;
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/u;
// Code points that join a neighbour into one grapheme cluster (marks, joiners and other format
// characters, variation selectors, emoji modifiers, regional indicators, Hangul jamo, keycaps, CR, and
// the few prepended letters and spacing vowels such as Thai ำ and half-width ﾞ): text without any of them is one grapheme per code point and needs no
// segmenter. Between two code points that are neither, a cluster boundary is certain (UAX #29).
const JOINING =
	/[\p{M}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u20E3\r\u0D4E\u{111C2}\u{111C3}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u0E33\u0EB3\uFF9E\uFF9F\u{1193F}\u{11941}\u{11F02}\u{113D1}\u{16D63}\u{16D67}-\u{16D6A}]/u;
/** The segmenter is slow (about 10 µs a cluster, worse on long runs of emoji sequences): it gets short pieces. */
const PIECE = 256;
// Created on first use: the first segmenter of a process costs milliseconds, and most text never needs one.
let segmenter: Intl.Segmenter | undefined;

/** Measuring runs regular expressions over each grapheme: short measured text is remembered (a frame repeats most of the last one). */
const widths = new Map<string, number>();
const CACHE_LIMIT = 20_000;
const CACHED_LENGTH = 256;

/** The text as it is drawn in one terminal row: no line breaks, no control characters, none of the invisible code points terminals disagree about. */
export function cellText(text: string): string {
	if (PRINTABLE_ASCII.test(text)) return text;
	return text.replace(/\n/gu, ' ').replace(CONTROL, '').replace(INVISIBLE, '');
}

function remember(text: string, width: number): number {
	if (text.length > CACHED_LENGTH) return width;
	if (widths.size >= CACHE_LIMIT) widths.clear();
	widths.set(text, width);
	return width;
}

/** Columns a string takes once drawn (see `cellText`). */
export function textWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	const known = widths.get(text);
	if (known !== undefined) return known;
	if (JOINING.test(text) && text.length <= PIECE) return remember(text, stringWidth(cellText(text)));
	// The sum of each grapheme's (remembered) width: what string-width adds up, without segmenting a long text at once.
	let width = 0;
	for (const grapheme of clusters(text)) width += widths.get(grapheme) ?? remember(grapheme, stringWidth(cellText(grapheme)));
	return remember(text, width);
}

/** Columns one code point takes on its own. */
export function charWidth(codePoint: number): number {
	return textWidth(String.fromCodePoint(codePoint));
}

/** Whether `code` (a code point) can join a neighbour into a cluster. */
function joins(code: number | undefined): boolean {
	return code !== undefined && JOINING.test(String.fromCodePoint(code));
}

/** Whether a cluster boundary is certain at UTF-16 index `at`: no surrogate pair cut, and neither neighbour joins. */
function certainBoundary(text: string, at: number): boolean {
	const next = text.charCodeAt(at);
	if (next >= 0xdc00 && next <= 0xdfff) return false;
	const before = text.charCodeAt(at - 1) >= 0xdc00 && text.charCodeAt(at - 1) <= 0xdfff ? text.codePointAt(at - 2) : text.codePointAt(at - 1);
	return !joins(text.codePointAt(at)) && !joins(before);
}

/** The grapheme clusters of `text`, lazily, segmenting it a short piece at a time (cut where a boundary is certain). */
function* clusters(text: string): Generator<string> {
	if (!JOINING.test(text)) {
		yield* text;
		return;
	}
	for (let start = 0; start < text.length; ) {
		let cut = Math.min(text.length, start + PIECE);
		while (cut < text.length && !certainBoundary(text, cut)) cut++;
		for (const part of (segmenter ??= new Intl.Segmenter()).segment(text.slice(start, cut))) yield part.segment;
		start = cut;
	}
}

/** The grapheme clusters of `text` (what a terminal draws as one character), in order. */
export function graphemes(text: string): string[] {
	if (PRINTABLE_ASCII.test(text)) return text.split('');
	return Array.from(clusters(text));
}

/** The longest prefix of `text` that fits in `width` columns, never splitting a grapheme cluster; only its start is looked at. */
export function sliceToWidth(text: string, width: number): string {
	if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, width));
	let used = 0;
	let end = 0;
	for (const grapheme of clusters(text)) {
		const w = textWidth(grapheme);
		if (used + w > width) break;
		used += w;
		end += grapheme.length;
	}
	return text.slice(0, end);
}

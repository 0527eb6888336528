/**
 * The width string-width (v8, default options) gives a text, computed
 * without its Unicode slow path whenever that path could not change the
 * answer. string-width segments the text into grapheme clusters and sums
 * their widths; its first non-ASCII call compiles the `\p{RGI_Emoji}`
 * regular expression and starts `Intl.Segmenter` (about 10–20 ms). For text
 * made only of the code points in `SURE` (ANSI escape sequences stripped
 * first, as string-width strips them) neither is needed:
 *
 * - none of them can join a neighbour into a cluster (no marks, ZWJ,
 *   variation selectors, emoji modifiers, regional indicators, Hangul jamo,
 *   keycap, CR or prepended letters: their Grapheme_Cluster_Break is Other,
 *   Control, LF, or LV/LVT, which join only the jamo that are not here), so
 *   every code point is its own cluster (UAX #29);
 * - the width of each, on its own, is in the table.
 *
 * The bundle (scripts/bundle-plugins.mjs, memoized-text) asks `fastWidth`
 * first and calls string-width only when it answers `undefined`.
 * test/build/fast-width.test.ts checks every code point of the table against
 * string-width and that none of them joins another. Only assigned code
 * points are in the table, so a newer Unicode cannot turn one into a mark.
 */
import stripAnsi from 'strip-ansi';

/**
 * Sorted, disjoint ranges of code points as triples: first, last, width of
 * each one alone. Anything else (CR, marks, joiners, emoji modifiers and
 * sequences, jamo, invisible format characters, unassigned code points, the
 * scripts not listed) is left to string-width.
 */
const SURE = [
	// C0 controls (CR excepted: CR LF is one cluster), ASCII, DEL and C1 controls
	0x0000, 0x000C, 0, 0x000E, 0x001F, 0, 0x0020, 0x007E, 1, 0x007F, 0x009F, 0,
	// Latin-1 Supplement (the soft hyphen excepted), Latin Extended-A and -B, IPA Extensions,
	// Spacing Modifier Letters
	0x00A0, 0x00AC, 1, 0x00AE, 0x02FF, 1,
	// Greek and Coptic, Cyrillic and Cyrillic Supplement (combining marks excepted)
	0x0370, 0x0377, 1, 0x037A, 0x037F, 1, 0x0384, 0x038A, 1, 0x038C, 0x038C, 1, 0x038E, 0x03A1, 1,
	0x03A3, 0x0482, 1, 0x048A, 0x052F, 1,
	// Latin Extended Additional, Greek Extended
	0x1E00, 0x1F15, 1, 0x1F18, 0x1F1D, 1, 0x1F20, 0x1F45, 1, 0x1F48, 0x1F4D, 1, 0x1F50, 0x1F57, 1,
	0x1F59, 0x1F59, 1, 0x1F5B, 0x1F5B, 1, 0x1F5D, 0x1F5D, 1, 0x1F5F, 0x1F7D, 1, 0x1F80, 0x1FB4, 1,
	0x1FB6, 0x1FC4, 1, 0x1FC6, 0x1FD3, 1, 0x1FD6, 0x1FDB, 1, 0x1FDD, 0x1FEF, 1, 0x1FF2, 0x1FF4, 1,
	0x1FF6, 0x1FFE, 1,
	// General Punctuation (the invisible format characters and line/paragraph separators excepted),
	// Superscripts and Subscripts, Currency Symbols
	0x2000, 0x200A, 1, 0x2010, 0x2027, 1, 0x202F, 0x205F, 1, 0x2070, 0x2071, 1, 0x2074, 0x208E, 1,
	0x2090, 0x209C, 1, 0x20A0, 0x20C1, 1,
	// Letterlike Symbols to Miscellaneous Symbols and Arrows: arrows, mathematical operators, technical
	// symbols, enclosed alphanumerics, box drawing, block elements, geometric shapes, miscellaneous
	// symbols, dingbats. The wide ones are the emoji-presentation symbols (⌚ ⚡ ✅ ⭐…) and a few CJK-wide ones.
	0x2100, 0x218B, 1, 0x2190, 0x2319, 1, 0x231A, 0x231B, 2, 0x231C, 0x2328, 1, 0x2329, 0x232A, 2,
	0x232B, 0x23E8, 1, 0x23E9, 0x23EC, 2, 0x23ED, 0x23EF, 1, 0x23F0, 0x23F0, 2, 0x23F1, 0x23F2, 1,
	0x23F3, 0x23F3, 2, 0x23F4, 0x2429, 1, 0x2440, 0x244A, 1, 0x2460, 0x25FC, 1, 0x25FD, 0x25FE, 2,
	0x25FF, 0x2613, 1, 0x2614, 0x2615, 2, 0x2616, 0x262F, 1, 0x2630, 0x2637, 2, 0x2638, 0x2647, 1,
	0x2648, 0x2653, 2, 0x2654, 0x267E, 1, 0x267F, 0x267F, 2, 0x2680, 0x2689, 1, 0x268A, 0x268F, 2,
	0x2690, 0x2692, 1, 0x2693, 0x2693, 2, 0x2694, 0x26A0, 1, 0x26A1, 0x26A1, 2, 0x26A2, 0x26A9, 1,
	0x26AA, 0x26AB, 2, 0x26AC, 0x26BC, 1, 0x26BD, 0x26BE, 2, 0x26BF, 0x26C3, 1, 0x26C4, 0x26C5, 2,
	0x26C6, 0x26CD, 1, 0x26CE, 0x26CE, 2, 0x26CF, 0x26D3, 1, 0x26D4, 0x26D4, 2, 0x26D5, 0x26E9, 1,
	0x26EA, 0x26EA, 2, 0x26EB, 0x26F1, 1, 0x26F2, 0x26F3, 2, 0x26F4, 0x26F4, 1, 0x26F5, 0x26F5, 2,
	0x26F6, 0x26F9, 1, 0x26FA, 0x26FA, 2, 0x26FB, 0x26FC, 1, 0x26FD, 0x26FD, 2, 0x26FE, 0x2704, 1,
	0x2705, 0x2705, 2, 0x2706, 0x2709, 1, 0x270A, 0x270B, 2, 0x270C, 0x2727, 1, 0x2728, 0x2728, 2,
	0x2729, 0x274B, 1, 0x274C, 0x274C, 2, 0x274D, 0x274D, 1, 0x274E, 0x274E, 2, 0x274F, 0x2752, 1,
	0x2753, 0x2755, 2, 0x2756, 0x2756, 1, 0x2757, 0x2757, 2, 0x2758, 0x2794, 1, 0x2795, 0x2797, 2,
	0x2798, 0x27AF, 1, 0x27B0, 0x27B0, 2, 0x27B1, 0x27BE, 1, 0x27BF, 0x27BF, 2, 0x27C0, 0x2B1A, 1,
	0x2B1B, 0x2B1C, 2, 0x2B1D, 0x2B4F, 1, 0x2B50, 0x2B50, 2, 0x2B51, 0x2B54, 1, 0x2B55, 0x2B55, 2,
	0x2B56, 0x2B73, 1, 0x2B76, 0x2BFF, 1,
	// Latin Extended-C
	0x2C60, 0x2C7F, 1,
	// Supplemental Punctuation
	0x2E00, 0x2E5D, 1,
	// CJK radicals, symbols and punctuation, kana, bopomofo, Hangul compatibility jamo, enclosed CJK,
	// CJK Unified Ideographs and Extension A, Yi (combining marks and the Hangul filler excepted)
	0x2E80, 0x2E99, 2, 0x2E9B, 0x2EF3, 2, 0x2F00, 0x2FD5, 2, 0x2FF0, 0x3029, 2, 0x3030, 0x303E, 2,
	0x303F, 0x303F, 1, 0x3041, 0x3096, 2, 0x309B, 0x30FF, 2, 0x3105, 0x312F, 2, 0x3131, 0x3163, 2,
	0x3165, 0x318E, 2, 0x3190, 0x31E5, 2, 0x31EF, 0x321E, 2, 0x3220, 0x3247, 2, 0x3248, 0x324F, 1,
	0x3250, 0xA48C, 2, 0xA490, 0xA4C6, 2,
	// Latin Extended-D
	0xA720, 0xA7DC, 1, 0xA7F1, 0xA7FF, 1,
	// Latin Extended-E
	0xAB30, 0xAB6B, 1,
	// Hangul Syllables (LV and LVT: they join only a following jamo, which is not here)
	0xAC00, 0xD7A3, 2,
	// CJK Compatibility Ideographs
	0xF900, 0xFA6D, 2, 0xFA70, 0xFAD9, 2,
	// Vertical Forms
	0xFE10, 0xFE19, 2,
	// CJK Compatibility Forms, Small Form Variants
	0xFE30, 0xFE52, 2, 0xFE54, 0xFE66, 2, 0xFE68, 0xFE6B, 2,
	// Halfwidth and Fullwidth Forms (the halfwidth voiced sound marks and Hangul filler excepted)
	0xFF01, 0xFF60, 2, 0xFF61, 0xFF9D, 1, 0xFFA1, 0xFFBE, 1, 0xFFC2, 0xFFC7, 1, 0xFFCA, 0xFFCF, 1,
	0xFFD2, 0xFFD7, 1, 0xFFDA, 0xFFDC, 1, 0xFFE0, 0xFFE6, 2, 0xFFE8, 0xFFEE, 1,
	// CJK Unified Ideographs Extensions B to J and CJK Compatibility Ideographs Supplement
	0x20000, 0x2A6DF, 2, 0x2A700, 0x2B81D, 2, 0x2B820, 0x2CEAD, 2, 0x2CEB0, 0x2EBE0, 2,
	0x2EBF0, 0x2EE5D, 2, 0x2F800, 0x2FA1D, 2, 0x30000, 0x3134A, 2, 0x31350, 0x33479, 2,
];

/** How many triples `SURE` holds. */
const RANGES = SURE.length / 3;

/**
 * The width of one code point of `SURE`, or undefined if it is not there.
 * @param {number} codePoint
 * @returns {number | undefined}
 */
function sureWidth(codePoint) {
	let low = 0;
	let high = RANGES - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const at = middle * 3;
		if (codePoint < SURE[at]) high = middle - 1;
		else if (codePoint > SURE[at + 1]) low = middle + 1;
		else return SURE[at + 2];
	}
	return undefined;
}

/**
 * Exactly what `stringWidth(text)` (string-width v8, default options)
 * returns when every code point of `text`, ANSI escape sequences stripped,
 * is one it is sure of (printable ASCII, Latin, Greek, Cyrillic, general
 * punctuation, arrows, symbols, box drawing, geometric shapes, dingbats, CJK,
 * Hangul syllables, controls but CR); otherwise `undefined`, and
 * string-width must decide. Never throws; a non-string gives `undefined`.
 * @param {unknown} text
 * @returns {number | undefined}
 */
export function fastWidth(text) {
	if (typeof text !== 'string') return undefined;
	const plain = stripAnsi(text);
	let width = 0;
	for (let index = 0; index < plain.length; index++) {
		const unit = plain.charCodeAt(index);
		if (unit >= 0x20 && unit < 0x7f) {
			width++;
			continue;
		}
		let codePoint = unit;
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = plain.charCodeAt(index + 1);
			// A lone high surrogate; a lone low one is not in SURE either.
			if (!(next >= 0xdc00 && next <= 0xdfff)) return undefined;
			codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
			index++;
		}
		const known = sureWidth(codePoint);
		if (known === undefined) return undefined;
		width += known;
	}
	return width;
}

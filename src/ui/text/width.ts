/**
 * Terminal column widths of text, close to what Ink measures: most
 * characters take one column, East Asian wide characters and emoji take two,
 * combining marks and zero-width characters take none.
 */

/** Columns one code point takes in a terminal. */
export function charWidth(codePoint: number): number {
	if (codePoint === 0 || (codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0x200b || codePoint === 0x200d) return 0;
	if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return 0;
	if (
		(codePoint >= 0x1100 && codePoint <= 0x115f) ||
		(codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
		(codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
		(codePoint >= 0xf900 && codePoint <= 0xfaff) ||
		(codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
		(codePoint >= 0xff00 && codePoint <= 0xff60) ||
		(codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
		(codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
		(codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
		(codePoint >= 0x20000 && codePoint <= 0x3fffd)
	) {
		return 2;
	}
	return 1;
}

/** Columns a string takes (no ANSI escapes expected: the UI styles text through Ink). */
export function textWidth(text: string): number {
	let width = 0;
	for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
	return width;
}

/** The longest prefix of `text` that fits in `width` columns. */
export function sliceToWidth(text: string, width: number): string {
	let used = 0;
	let end = 0;
	for (const char of text) {
		const w = charWidth(char.codePointAt(0) ?? 0);
		if (used + w > width) break;
		used += w;
		end += char.length;
	}
	return text.slice(0, end);
}

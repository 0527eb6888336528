/** At most this many characters of a hand-in line are echoed under an error (a line may be a megabyte). */
export const ECHO_WIDTH = 120;

// C0 controls and DEL shown as their Unicode Control Pictures (U+2400–U+2421: ␀ … ␛ … ␡), C1 and bidi
// controls as U+FFFD: the caret then sits under a visible mark of the byte the error names, one column each.
function visible(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (char) => {
		const code = char.charCodeAt(0);
		if (code < 0x20) return String.fromCharCode(0x2400 + code);
		return code === 0x7f ? '\u2421' : '\ufffd';
	});
}

/**
 * The two lines that show where an error sits in a hand-in line: the line, indented by two, and a caret
 * line under `start..end` (end exclusive). A long line is cut to a window of `ECHO_WIDTH` characters around
 * the span, each cut marked with `…`, and the caret is as long as the window at most, so a file of a
 * million NUL bytes prints two short lines. Control characters are drawn as visible marks, one column
 * each, so the caret stays under the byte or word the error names.
 */
export function echoLine(text: string, start: number, end: number, width = ECHO_WIDTH): [string, string] {
	const from = Math.min(Math.max(0, start), text.length);
	const to = Math.max(from + 1, Math.min(end, text.length));
	if (text.length <= width) return [`  ${visible(text)}`, `  ${' '.repeat(from)}${'^'.repeat(to - from)}`];
	const before = Math.min(from, Math.floor(width / 3));
	const windowStart = from - before;
	const windowEnd = Math.min(text.length, windowStart + width);
	const head = windowStart > 0 ? '…' : '';
	const tail = windowEnd < text.length ? '…' : '';
	const shown = visible(text.slice(windowStart, windowEnd));
	const caret = Math.max(1, Math.min(to, windowEnd) - from);
	return [`  ${head}${shown}${tail}`, `  ${' '.repeat(head.length + before)}${'^'.repeat(caret)}`];
}

/** `text` cut to `width` characters with a `…` when longer (an error message may quote a megabyte-long word). */
export function capText(text: string, width = 4 * ECHO_WIDTH): string {
	return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

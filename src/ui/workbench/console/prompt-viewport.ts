import {charWidth, textWidth} from '../../text/width.js';

/**
 * Which part of a long command line fits the prompt (pure): the text
 * scrolls sideways so the cursor always stays visible.
 */

/** The visible text, where the cursor is in it (columns), and whether text is hidden on either side. */
export type PromptViewport = {readonly text: string; readonly cursorColumn: number; readonly clippedLeft: boolean; readonly clippedRight: boolean};

/** Fits `text` with the cursor at `cursor` (UTF-16 index) into `width` columns (one kept for the cursor at the end). */
export function promptViewport(text: string, cursor: number, width: number): PromptViewport {
	const room = Math.max(1, width - 1);
	if (textWidth(text) <= room) return {text, cursorColumn: textWidth(text.slice(0, cursor)), clippedLeft: false, clippedRight: false};
	const chars = Array.from(text);
	const widths = chars.map((char) => charWidth(char.codePointAt(0) ?? 0));
	// The cursor's index in code points.
	let index = 0;
	for (let units = 0; index < chars.length && units < cursor; index++) units += chars[index]!.length;
	// Start as far left as keeps the cursor within the room.
	let start = index;
	let used = 0;
	while (start > 0 && used + widths[start - 1]! <= room - 1) used += widths[--start]!;
	let end = start;
	let shown = 0;
	while (end < chars.length && shown + widths[end]! <= room) shown += widths[end++]!;
	const cursorColumn = widths.slice(start, index).reduce((sum, w) => sum + w, 0);
	return {text: chars.slice(start, end).join(''), cursorColumn, clippedLeft: start > 0, clippedRight: end < chars.length};
}

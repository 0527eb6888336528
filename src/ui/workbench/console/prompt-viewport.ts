import {graphemes, textWidth} from '../../text/width.js';

/**
 * Which part of a long command line fits the prompt (pure): the text
 * scrolls sideways so the cursor always stays visible. Characters are whole
 * grapheme clusters (an emoji sequence or a letter with its accents is never
 * cut), measured as Ink measures them.
 */

/** The visible text, where the cursor is in it (columns), and whether text is hidden on either side. */
export type PromptViewport = {readonly text: string; readonly cursorColumn: number; readonly clippedLeft: boolean; readonly clippedRight: boolean};

/** Fits `text` with the cursor at `cursor` (UTF-16 index) into `width` columns (one kept for the cursor at the end). */
export function promptViewport(text: string, cursor: number, width: number): PromptViewport {
	const room = Math.max(1, width - 1);
	const chars = graphemes(text);
	const widths = chars.map(textWidth);
	// The cursor's index in graphemes: those that end at or before it (a cursor inside a cluster sits before it).
	let index = 0;
	for (let units = 0; index < chars.length && units + chars[index]!.length <= cursor; index++) units += chars[index]!.length;
	const total = widths.reduce((sum, w) => sum + w, 0);
	if (total <= room) return {text, cursorColumn: widths.slice(0, index).reduce((sum, w) => sum + w, 0), clippedLeft: false, clippedRight: false};
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

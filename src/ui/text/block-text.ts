import {paint} from '../tone.js';
import {lineWidth, type StyledLine} from './styled-line.js';
import {cellText} from './width.js';

/**
 * Rows of styled lines as one pre-styled string, as `TextBlock` hands it to
 * Ink and as the game's first frame is written before Ink is loaded
 * (first-screen.ts). Pure: no React, no Ink.
 */

/** Whether every row fits in `width` columns (then it can be drawn as one string, as it is). */
export function fitsWidth(lines: readonly StyledLine[], width: number): boolean {
	return lines.every((line) => lineWidth(line) <= width);
}

/** Whether nothing of the line would be drawn (no segments, or only text `cellText` drops): it is drawn as one space, so the row stays. */
export function drawnEmpty(line: StyledLine): boolean {
	return line.every((segment) => cellText(segment.text) === '');
}

/** The rows as drawn text, one row a line: each segment as `cellText` in its tone (`paint`), an empty row as a space. */
export function blockText(lines: readonly StyledLine[], color: boolean): string {
	return lines.map((line) => (drawnEmpty(line) ? ' ' : line.map((segment) => paint(cellText(segment.text), segment.tone, color)).join(''))).join('\n');
}

import {type StyledLine, seg, truncateLine} from './text/styled-line.js';

/**
 * The footer's key hints: `Enter start · Esc map · ? help`.
 */

/** A key and what it does. */
export type KeyHint = readonly [key: string, label: string];

/** The hints as one line cut to `width`. */
export function keyHintLine(hints: readonly KeyHint[], width: number): StyledLine {
	const line: StyledLine = hints.flatMap(([key, label], index) => [
		...(index > 0 ? [seg(' · ', 'dim')] : []),
		seg(key, 'key'),
		seg(` ${label}`, 'dim'),
	]);
	return truncateLine(line, width);
}

import {type StyledLine, seg, truncateLine} from './text/styled-line.js';
import {textWidth} from './text/width.js';

/**
 * The footer's key hints: `Enter start · Esc map · ? help`.
 */

/** A key and what it does; `optional` hints are left out first when the line is too wide. */
export type KeyHint = readonly [key: string, label: string, optional?: 'optional'];

function hintsWidth(hints: readonly KeyHint[]): number {
	return hints.reduce((sum, [key, label], index) => sum + (index > 0 ? 3 : 0) + textWidth(key) + 1 + textWidth(label), 0);
}

/** The hints as one line cut to `width`: optional hints are dropped (last first) until the others fit whole. */
export function keyHintLine(given: readonly KeyHint[], width: number): StyledLine {
	let hints = [...given];
	while (hintsWidth(hints) > width) {
		let last = hints.length - 1;
		while (last >= 0 && hints[last]![2] !== 'optional') last--;
		if (last < 0) break;
		hints = hints.filter((_hint, index) => index !== last);
	}
	const line: StyledLine = hints.flatMap(([key, label], index) => [
		...(index > 0 ? [seg(' · ', 'dim')] : []),
		seg(key, 'key'),
		seg(` ${label}`, 'dim'),
	]);
	return truncateLine(line, width);
}

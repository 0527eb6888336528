import type {Tone} from '../tone.js';
import {sliceToWidth, textWidth} from './width.js';

/**
 * Styled lines: what the UI's pure layout functions produce and the
 * `<Lines>` component draws. A line is a list of segments, each with a tone
 * (a meaning such as `ok` or `bad`, mapped to colours only when colour is on).
 */

/** A run of text in one tone. */
export type Segment = {readonly text: string; readonly tone?: Tone};
/** One terminal line: segments drawn left to right. */
export type StyledLine = readonly Segment[];

/** A segment. */
export function seg(text: string, tone?: Tone): Segment {
	return tone === undefined ? {text} : {text, tone};
}

/** A line of one segment. */
export function plainLine(text: string, tone?: Tone): StyledLine {
	return [seg(text, tone)];
}

/** The text of a line without styles. */
export function lineText(line: StyledLine): string {
	return line.map((segment) => segment.text).join('');
}

/** Columns a line takes. */
export function lineWidth(line: StyledLine): number {
	return line.reduce((sum, segment) => sum + textWidth(segment.text), 0);
}

/** The line cut to `width` columns; a cut line ends with '…'. */
export function truncateLine(line: StyledLine, width: number): StyledLine {
	if (width <= 0) return [];
	if (lineWidth(line) <= width) return line;
	const out: Segment[] = [];
	let left = width - 1;
	for (const segment of line) {
		if (left <= 0) break;
		const text = sliceToWidth(segment.text, left);
		if (text) out.push({...segment, text});
		left -= textWidth(text);
	}
	const lastTone = out.at(-1)?.tone;
	out.push(seg('…', lastTone));
	return out;
}

/** The line padded with spaces (in `tone`) to exactly `width` columns, cutting it if longer. */
export function padLine(line: StyledLine, width: number, tone?: Tone): StyledLine {
	const cut = truncateLine(line, width);
	const missing = width - lineWidth(cut);
	return missing > 0 ? [...cut, seg(' '.repeat(missing), tone)] : cut;
}

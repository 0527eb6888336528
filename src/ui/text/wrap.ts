import type {Tone} from '../tone.js';
import {type Segment, type StyledLine, seg} from './styled-line.js';
import {graphemes, textWidth} from './width.js';

/**
 * Word wrapping of styled lines to a column width, so panels know exactly
 * how many rows their content takes (Ink then draws each row as is).
 */

type Piece = {readonly text: string; readonly tone?: Tone; readonly space: boolean};

function pieces(line: StyledLine): Piece[] {
	const out: Piece[] = [];
	for (const segment of line) {
		for (const part of segment.text.split(/( +)/)) {
			if (part === '') continue;
			out.push({text: part, ...(segment.tone === undefined ? {} : {tone: segment.tone}), space: part.startsWith(' ')});
		}
	}
	return out;
}

/**
 * Wraps one styled line to `width` columns: breaks at spaces, splits words
 * longer than a row, drops the spaces at a break. Continuation rows start with
 * `indent` spaces (at most half the width). Always returns at least one row.
 */
export function wrapLine(line: StyledLine, width: number, indent = 0): StyledLine[] {
	const columns = Math.max(1, width);
	const hang = Math.min(indent, Math.floor(columns / 2));
	const rows: Segment[][] = [];
	let row: Segment[] = [];
	let used = 0;
	// Columns taken by the row's indent: nothing on the first row, `hang` after.
	let start = 0;
	const newRow = (): void => {
		rows.push(row);
		row = hang > 0 ? [seg(' '.repeat(hang))] : [];
		used = hang;
		start = hang;
	};
	const push = (text: string, tone?: Tone): void => {
		const last = row.at(-1);
		if (last && last.tone === tone) row[row.length - 1] = seg(last.text + text, tone);
		else row.push(seg(text, tone));
		used += textWidth(text);
	};
	for (const piece of pieces(line)) {
		const width = textWidth(piece.text);
		if (piece.space) {
			if (used + width <= columns) push(piece.text, piece.tone);
			else if (used > start) newRow();
			continue;
		}
		if (used + width <= columns) {
			push(piece.text, piece.tone);
			continue;
		}
		if (used > start && width <= columns - hang) {
			newRow();
			push(piece.text, piece.tone);
			continue;
		}
		// A word longer than a row: split it, grapheme by grapheme, in one pass however long it is.
		for (const grapheme of graphemes(piece.text)) {
			const columnsOf = textWidth(grapheme);
			while (used + columnsOf > columns) {
				if (used > start) newRow();
				else if (start > 0) {
					// Too narrow for this character even after the indent: drop the indent on this row.
					row = [];
					used = 0;
					start = 0;
				} else break;
			}
			push(grapheme, piece.tone);
		}
	}
	rows.push(row);
	return rows.map(trimEnd);
}

function trimEnd(row: Segment[]): StyledLine {
	const out = [...row];
	while (out.length > 0) {
		const last = out[out.length - 1]!;
		const text = last.text.replace(/ +$/, '');
		if (text === last.text) break;
		if (text) {
			out[out.length - 1] = seg(text, last.tone);
			break;
		}
		out.pop();
	}
	return out;
}

/** Wraps several lines. */
export function wrapLines(lines: readonly StyledLine[], width: number, indent = 0): StyledLine[] {
	return lines.flatMap((line) => wrapLine(line, width, indent));
}

/** Wraps plain text (which may hold newlines) in one tone. */
export function wrapText(text: string, width: number, tone?: Tone, indent = 0): StyledLine[] {
	return text.split('\n').flatMap((paragraph) => wrapLine([seg(paragraph, tone)], width, indent));
}

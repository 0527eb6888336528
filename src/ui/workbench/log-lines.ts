import type {LogEntry} from '../../game/types.js';
import type {Tone} from '../tone.js';
import {type StyledLine, seg} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';

/**
 * The output log laid out as styled lines (pure): what was typed, what
 * changed with its real-world equivalent, inspection output, errors with a
 * caret under the offending token, hints and successes.
 */

const TONE: Readonly<Record<LogEntry['kind'], Tone | undefined>> = {
	input: 'accent',
	output: undefined,
	change: 'ok',
	error: 'bad',
	hint: 'warn',
	info: 'dim',
	success: 'ok',
};

/** The typed text with the erroneous span marked, and a caret line under it. */
export function caretLines(text: string, start: number, end: number): StyledLine[] {
	const from = Math.max(0, Math.min(start, text.length));
	const to = Math.max(from + 1, Math.min(end, text.length));
	const line: StyledLine = [seg('  '), seg(text.slice(0, from)), seg(text.slice(from, to) || ' ', 'bad'), seg(text.slice(to))];
	const caret: StyledLine = [seg(' '.repeat(2 + from)), seg('^'.repeat(Math.max(1, to - from)), 'bad')];
	return [line, caret];
}

/** The lines of one log entry, wrapped to `width`; `traceHint` adds the key that opens its trace. */
export function entryLines(entry: LogEntry, width: number, traceHint = false): StyledLine[] {
	const tone = TONE[entry.kind];
	const out: StyledLine[] = [];
	if (entry.kind === 'input') {
		for (const text of entry.lines) out.push(...wrapLine([seg('› ', 'dim'), seg(text, tone)], width, 2));
		return out;
	}
	if (entry.kind === 'error' && entry.error) {
		// A caret only lines up when the typed line fits on one row.
		if (drawsTypedLine(entry, width)) out.push(...caretLines(entry.error.text, entry.error.start, entry.error.end));
	}
	for (const text of entry.lines) out.push(...wrapLine([seg(text, tone)], width, 2));
	for (const equivalent of entry.realWorld ?? []) {
		out.push(...wrapLine([seg('  real world: ', 'dim'), seg(equivalent, 'accent')], width, 4));
	}
	if (entry.trace && traceHint) out.push([seg('  Ctrl+T: step through this trace hop by hop', 'dim')]);
	return out;
}

/** Whether an error entry draws the typed line itself (with the caret under it). */
function drawsTypedLine(entry: LogEntry | undefined, width: number): boolean {
	return entry?.kind === 'error' && entry.error !== undefined && entry.error.text.length + 2 <= width;
}

/**
 * Every entry's lines, oldest first. The echo of a typed line is left out
 * when the error right after it shows the same line with a caret; the newest
 * entry with a trace says how to open it.
 */
export function logLines(log: readonly LogEntry[], width: number): StyledLine[] {
	let lastTraced = -1;
	log.forEach((entry, index) => {
		if (entry.trace) lastTraced = index;
	});
	return log.flatMap((entry, index) => {
		const next = log[index + 1];
		if (entry.kind === 'input' && drawsTypedLine(next, width) && next?.error?.text === entry.lines.join(' ')) return [];
		return entryLines(entry, width, index === lastTraced);
	});
}

import React from 'react';
import {Frame} from './frame.js';
import {type KeyHint, keyHintLine} from './key-hints.js';
import {frameColumns, frameRows, type TerminalSize} from './layout.js';
import {fitRows} from './text/fit.js';
import {Lines} from './text/lines.js';
import {type StyledLine, seg} from './text/styled-line.js';
import {wrapLine} from './text/wrap.js';

/** How far a page of `total` lines can scroll in a terminal of `size`. */
export function maxPageScroll(total: number, size: TerminalSize): number {
	return Math.max(0, total - Math.max(0, frameRows(size) - 1));
}

/** Props of a scrolling page. */
export type ScrollPageProps = {
	readonly lines: readonly StyledLine[];
	/** Rows scrolled down from the top. */
	readonly scroll: number;
	readonly hints: readonly KeyHint[];
	readonly size: TerminalSize;
	readonly linear: boolean;
};

/** A page of text that scrolls, with the key hints as its last row (everything at once for screen readers). */
export function ScrollPage({lines, scroll, hints, size, linear}: ScrollPageProps): React.JSX.Element {
	const width = frameColumns(size);
	const height = Math.max(0, frameRows(size) - 1);
	const start = Math.min(Math.max(0, scroll), maxPageScroll(lines.length, size));
	const more = start + height < lines.length;
	const allHints: readonly KeyHint[] = more || start > 0 ? [...hints, ['↑/↓', 'scroll']] : hints;
	const footer = keyHintLine(allHints, width - (more ? 8 : 0));
	if (linear) {
		return (
			<Frame size={size} linear>
				<Lines lines={[...lines, ...wrapLine(keyHintLine(hints, Number.MAX_SAFE_INTEGER), width, 2)]} />
			</Frame>
		);
	}
	return (
		<Frame size={size} linear={false}>
			<Lines lines={[...fitRows(lines.slice(start), height), more ? [...footer, seg('  ↓ more', 'accent')] : footer]} />
		</Frame>
	);
}

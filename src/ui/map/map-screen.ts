import {sanitizeText} from '../../levels/sanitize.js';
import {type KeyHint, keyHintLine} from '../key-hints.js';
import {frameColumns, frameRows, type TerminalSize} from '../layout.js';
import {fitRows} from '../text/fit.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import {textWidth} from '../text/width.js';
import {wrapLine} from '../text/wrap.js';
import {mapDetailLines} from './map-detail.js';
import {type MapItem, mapProgress} from './map-items.js';
import {mapLines, progressText} from './map-lines.js';

/**
 * The campaign map laid out as rows (pure: no React, no Ink), for the map
 * component and for the game's first frame, which is written before Ink is
 * loaded (first-screen.ts): both draw these same rows.
 */

const TITLE = 'netquest — build TravelBuddy’s network';
const HINTS: readonly KeyHint[] = [
	['↑/↓', 'choose'],
	['Enter', 'open'],
	['?', 'help'],
	['q', 'quit'],
];

function headerLine(items: readonly MapItem[], width: number): StyledLine {
	const progress = progressText(mapProgress(items));
	const gap = width - textWidth(TITLE) - textWidth(progress);
	return gap >= 2 ? [seg(TITLE, 'title'), seg(' '.repeat(gap)), seg(progress, 'warn')] : truncateLine([seg(progress, 'warn')], width);
}

/** The rows above the list (title line, warnings) and the selected item's description. */
function mapParts(items: readonly MapItem[], cursor: number, width: number, warnings: readonly string[]): {top: StyledLine[]; detail: StyledLine[]} {
	const top = [headerLine(items, width), ...warnings.flatMap((warning) => wrapLine([seg(`⚠ ${sanitizeText(warning)}`, 'warn')], width, 2))];
	return {top, detail: mapDetailLines(items[cursor], width)};
}

/** The map as one flowing column, for screen readers: everything, nothing cut to a height. */
export function linearMapLines(items: readonly MapItem[], cursor: number, size: TerminalSize, warnings: readonly string[]): StyledLine[] {
	const width = frameColumns(size);
	const {top, detail} = mapParts(items, cursor, width, warnings);
	const all = mapLines(items, cursor, width, Number.MAX_SAFE_INTEGER, true);
	return [...top, ...all, [], ...detail, ...wrapLine(keyHintLine(HINTS, Number.MAX_SAFE_INTEGER), width, 2)];
}

/** The map's screen: exactly the frame's rows (`frameRows`), the list scrolled to the cursor, the description and the keys at the bottom. */
export function mapScreenLines(items: readonly MapItem[], cursor: number, size: TerminalSize, warnings: readonly string[]): StyledLine[] {
	const width = frameColumns(size);
	const {top, detail} = mapParts(items, cursor, width, warnings);
	const rows = frameRows(size);
	const bottom = [...fitRows(detail, 2), keyHintLine(HINTS, width)];
	const shownTop = top.slice(0, Math.max(1, rows - bottom.length - 1));
	const listHeight = Math.max(0, rows - shownTop.length - bottom.length);
	return fitRows([...shownTop, ...fitRows(mapLines(items, cursor, width, listHeight), listHeight), ...bottom], rows);
}

import React from 'react';
import {sanitizeText} from '../../levels/sanitize.js';
import {Frame} from '../frame.js';
import {type KeyHint, keyHintLine} from '../key-hints.js';
import {frameColumns, frameRows, type LayoutMode, type TerminalSize} from '../layout.js';
import {fitRows} from '../text/fit.js';
import {fitsWidth, Lines, TextBlock} from '../text/lines.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import {textWidth} from '../text/width.js';
import {wrapLine} from '../text/wrap.js';
import {mapDetailLines} from './map-detail.js';
import {type MapItem, mapProgress} from './map-items.js';
import {mapLines, progressText} from './map-lines.js';

/** Props of the campaign map. */
export type CampaignMapProps = {
	readonly items: readonly MapItem[];
	readonly cursor: number;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
	/** Said once at the top: problems of the progress store, a level that was asked for but does not exist. */
	readonly warnings: readonly string[];
};

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

/** The campaign map: chapters and levels with stars, packs, broken levels, the sandbox; the selected item described below. */
export function CampaignMap({items, cursor, size, mode, warnings}: CampaignMapProps): React.JSX.Element {
	const width = frameColumns(size);
	const top = [headerLine(items, width), ...warnings.flatMap((warning) => wrapLine([seg(`⚠ ${sanitizeText(warning)}`, 'warn')], width, 2))];
	const detail = mapDetailLines(items[cursor], width);
	if (mode === 'linear') {
		const all = mapLines(items, cursor, width, Number.MAX_SAFE_INTEGER, true);
		return <Lines lines={[...top, ...all, [], ...detail, ...wrapLine(keyHintLine(HINTS, Number.MAX_SAFE_INTEGER), width, 2)]} />;
	}
	const rows = frameRows(size);
	const bottom = [...fitRows(detail, 2), keyHintLine(HINTS, width)];
	const shownTop = top.slice(0, Math.max(1, rows - bottom.length - 1));
	const listHeight = Math.max(0, rows - shownTop.length - bottom.length);
	const screen = fitRows([...shownTop, ...fitRows(mapLines(items, cursor, width, listHeight), listHeight), ...bottom], rows);
	// Exactly `rows` rows; when they also fit the width there is nothing for the frame to cut.
	return (
		<Frame size={size} linear={false} clip={!fitsWidth(screen, width)}>
			<TextBlock lines={screen} width={width} />
		</Frame>
	);
}

import React from 'react';
import {Frame} from '../frame.js';
import {frameColumns, type LayoutMode, type TerminalSize} from '../layout.js';
import {fitsWidth} from '../text/block-text.js';
import {Lines, TextBlock} from '../text/lines.js';
import type {MapItem} from './map-items.js';
import {linearMapLines, mapScreenLines} from './map-screen.js';

/** Props of the campaign map. */
export type CampaignMapProps = {
	readonly items: readonly MapItem[];
	readonly cursor: number;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
	/** Said once at the top: problems of the progress store, a level that was asked for but does not exist. */
	readonly warnings: readonly string[];
};

/** The campaign map: chapters and levels with stars, packs, broken levels, the sandbox; the selected item described below. */
export function CampaignMap({items, cursor, size, mode, warnings}: CampaignMapProps): React.JSX.Element {
	if (mode === 'linear') return <Lines lines={linearMapLines(items, cursor, size, warnings)} />;
	const width = frameColumns(size);
	const screen = mapScreenLines(items, cursor, size, warnings);
	// Exactly the frame's rows; when they also fit the width there is nothing for the frame to cut.
	return (
		<Frame size={size} linear={false} clip={!fitsWidth(screen, width)}>
			<TextBlock lines={screen} width={width} />
		</Frame>
	);
}

import React, {useMemo} from 'react';
import {useIsScreenReaderEnabled} from 'ink';
import type {Catalog} from '../levels/catalog.js';
import type {ProgressStore} from '../store/progress.js';
import {layoutMode} from './layout.js';
import {CampaignMap} from './map/campaign-map.js';
import {initialCursor} from './map/map-items.js';
import {mapItemsOf} from './map/map-model.js';
import {ThemeProvider} from './theme.js';
import {useTerminalSize} from './use-terminal-size.js';

/** What the first frame needs: the levels, the progress store and the colour decision. */
export type FirstFrameProps = {
	readonly catalog: Catalog;
	/** Progress as the map shows it: the store, or the progress file read while the store opens. */
	readonly store: Pick<ProgressStore, 'getLevel' | 'allLevels' | 'warnings'>;
	readonly color: boolean;
};

/**
 * The campaign map exactly as the app first draws it — same items, cursor,
 * warnings, size and layout — with none of the game's code (commands,
 * engine, session rules). `runGame` shows it while the app itself loads and
 * then swaps the app in; the frame does not change. It reads no keys: those
 * typed meanwhile wait in the terminal for the app.
 */
export function FirstFrame({catalog, store, color}: FirstFrameProps): React.JSX.Element {
	const size = useTerminalSize();
	const mode = layoutMode(size, useIsScreenReaderEnabled());
	const items = useMemo(() => mapItemsOf(catalog, store), [catalog, store]);
	return (
		<ThemeProvider color={color}>
			<CampaignMap items={items} cursor={initialCursor(items)} warnings={store.warnings} size={size} mode={mode} />
		</ThemeProvider>
	);
}

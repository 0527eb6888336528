import type {Catalog} from '../levels/catalog.js';
import type {ProgressStore} from '../store/progress.js';
import {frameColumns, layoutMode, type TerminalSize} from './layout.js';
import {initialCursor} from './map/map-items.js';
import {mapItemsOf} from './map/map-model.js';
import {mapScreenLines} from './map/map-screen.js';
import {blockText, fitsWidth} from './text/block-text.js';

/**
 * The game's first frame as text, written to the terminal before Ink, React
 * and the app are loaded (as a web page is rendered on the server and then
 * hydrated): the campaign map exactly as the app's first render draws it —
 * the same rows (map-screen.ts), the same styling (`blockText`, Ink's own
 * escape codes) — so when the app takes over, it draws the same cells again.
 * Pure: no React, no Ink.
 */

/** What the first frame needs. */
export type FirstScreenOptions = {
	readonly catalog: Catalog;
	/** Progress as the map shows it: the store, or the progress file read while the store opens. */
	readonly store: Pick<ProgressStore, 'getLevel' | 'allLevels' | 'warnings'>;
	readonly size: TerminalSize;
	readonly color: boolean;
	readonly screenReader: boolean;
};

/**
 * The map's first frame, one row a line, or undefined when the app must draw
 * it itself: for screen readers (one flowing column, not a screen), or when a
 * row does not fit the width (Ink then cuts it its own way).
 */
export function firstScreenText({catalog, store, size, color, screenReader}: FirstScreenOptions): string | undefined {
	if (layoutMode(size, screenReader) === 'linear') return undefined;
	const items = mapItemsOf(catalog, store);
	const screen = mapScreenLines(items, initialCursor(items), size, store.warnings);
	return fitsWidth(screen, frameColumns(size)) ? blockText(screen, color) : undefined;
}

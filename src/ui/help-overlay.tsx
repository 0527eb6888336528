import React from 'react';
import type {Key} from 'ink';
import {frameColumns, type LayoutMode, type TerminalSize} from './layout.js';
import {helpLines} from './help-lines.js';
import {ScrollPage} from './scroll-page.js';
import type {Screen} from './use-app-state.js';

/** What a key does in the help overlay. */
export type HelpIntent = {readonly type: 'close'} | {readonly type: 'scroll'; readonly delta: number};

/** ↑/↓ PgUp/PgDn scroll; Esc, ?, q or Enter close. */
export function helpKeyIntent(input: string, key: Key): HelpIntent | undefined {
	if (key.escape || key.return || input === '?' || input === 'q') return {type: 'close'};
	if (key.upArrow || input === 'k') return {type: 'scroll', delta: -1};
	if (key.downArrow || input === 'j') return {type: 'scroll', delta: 1};
	if (key.pageUp) return {type: 'scroll', delta: -10};
	if (key.pageDown || input === ' ') return {type: 'scroll', delta: 10};
	return undefined;
}

/** Props of the help overlay. */
export type HelpOverlayProps = {
	readonly screen: Screen;
	readonly commandHelp: readonly string[];
	readonly scroll: number;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** Help (`?`): the keys of every screen, the commands and the outcome codes. */
export function HelpOverlay({screen, commandHelp, scroll, size, mode}: HelpOverlayProps): React.JSX.Element {
	const lines = helpLines(screen, commandHelp, frameColumns(size));
	return <ScrollPage lines={lines} scroll={scroll} hints={[['Esc', 'close help']]} size={size} linear={mode === 'linear'} />;
}

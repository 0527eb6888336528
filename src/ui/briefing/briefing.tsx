import React from 'react';
import type {Level} from '../../levels/schema.js';
import {frameColumns, type LayoutMode, type TerminalSize} from '../layout.js';
import {ScrollPage} from '../scroll-page.js';
import {briefingLines, type BriefingState} from './briefing-lines.js';

/** Props of the briefing. */
export type BriefingProps = {
	readonly level: Level;
	readonly state: BriefingState;
	readonly scroll: number;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** The briefing: the story, the question and answer, the task and goals. */
export function Briefing({level, state, scroll, size, mode}: BriefingProps): React.JSX.Element {
	const lines = briefingLines(level, state, frameColumns(size));
	const hints = [['Enter', state.resuming ? 'back to work' : 'start'], ['Esc', 'map'], ['?', 'help'], ['q', 'quit']] as const;
	return <ScrollPage lines={lines} scroll={scroll} hints={hints} size={size} linear={mode === 'linear'} />;
}

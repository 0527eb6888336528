import React from 'react';
import type {StarReport} from '../../game/types.js';
import {frameColumns, type LayoutMode, type TerminalSize} from '../layout.js';
import {ScrollPage} from '../scroll-page.js';
import {sanitizeText} from '../../levels/sanitize.js';
import {seg, truncateLine} from '../text/styled-line.js';
import {completeLines, type RealWorldStep} from './complete-lines.js';

/** Props of the level-complete screen. */
export type LevelCompleteProps = {
	readonly title: string;
	readonly report: StarReport;
	readonly steps: readonly RealWorldStep[];
	/** The next level's title, if there is one. */
	readonly next?: string;
	readonly scroll: number;
	/** One line said above everything else (progress not saved). */
	readonly warning?: string;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** Level complete: stars and why, the real-world commands, what is next. */
export function LevelComplete(props: LevelCompleteProps): React.JSX.Element {
	const {size, mode} = props;
	const width = frameColumns(size);
	const warning = props.warning === undefined ? [] : [truncateLine([seg(sanitizeText(props.warning), 'warn')], width)];
	const lines = [...warning, ...completeLines({title: props.title, report: props.report, steps: props.steps, next: props.next, width, words: mode === 'linear'})];
	const hints = [[`Enter`, props.next ? 'next level' : 'map'], ['r', 'replay'], ['w', 'keep working'], ['m', 'map'], ['q', 'quit']] as const;
	return <ScrollPage lines={lines} scroll={props.scroll} hints={hints} size={size} linear={mode === 'linear'} />;
}

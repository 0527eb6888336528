import React from 'react';
import {Frame} from '../frame.js';
import {keyHintLine} from '../key-hints.js';
import {frameColumns, frameRows, type LayoutMode, type TerminalSize} from '../layout.js';
import {fitRows} from '../text/fit.js';
import {Lines} from '../text/lines.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';
import {flowLine, hopListLines, pathDiagram, pathLine, stepLines} from './trace-lines.js';
import type {TraceViewState} from './use-trace-view-state.js';

/** Props of the trace view. */
export type TraceViewProps = {
	readonly state: TraceViewState;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** Why the goal fails, in at most `rows` rows (all of it when undefined); a cut sentence ends with …. */
function whyLines(why: string, width: number, rows: number | undefined): StyledLine[] {
	const line: StyledLine = [seg('✗ Why the goal fails: ', 'bad'), seg(why)];
	if (rows === 1) return [truncateLine(line, width)];
	const all = wrapLine(line, width, 2);
	if (rows === undefined || all.length <= rows) return all;
	const shown = all.slice(0, rows);
	shown[rows - 1] = truncateLine([...shown[rows - 1]!, seg(' …')], width);
	return shown;
}

/** Steps through a trace hop by hop, like a packet simulator. */
export function TraceView({state, size, mode}: TraceViewProps): React.JSX.Element {
	const width = frameColumns(size);
	const linear = mode === 'linear';
	const head: StyledLine[] = [
		truncateLine([seg('Trace ', 'title'), seg(state.title, 'strong')], width),
		truncateLine(flowLine(state.trace), width),
		// Why the goal fails comes before the hops: a trace that ends "connection refused" may read like a success.
		// In a small window one row, cut: the hop detail below must keep its room.
		...(state.why ? whyLines(state.why, width, linear ? undefined : frameRows(size) < 20 ? 1 : 3) : []),
		...(linear ? wrapLine(pathLine(state.trace, state.step), width, 2) : pathDiagram(state.trace, state.step, width)),
		[],
	];
	const detail = stepLines(state, width);
	const footer = keyHintLine([['←/→', 'step'], ['Home/End', 'first/last', 'optional'], ['b', 'where it stopped'], ['m', 'on the map'], ['Esc', 'back'], ['?', 'help']], width);
	if (linear) return <Lines lines={[...head, ...detail, footer]} />;
	const rows = frameRows(size);
	const top = [...head, ...detail].slice(0, Math.max(0, rows - 1));
	const room = rows - 1 - top.length;
	const list = room >= 3 ? [[] as StyledLine, [seg('Hops', 'title')] as StyledLine, ...hopListLines(state, width, room - 2)] : [];
	return (
		<Frame size={size} linear={false}>
			<Lines lines={[...fitRows([...top, ...list], rows - 1), footer]} />
		</Frame>
	);
}

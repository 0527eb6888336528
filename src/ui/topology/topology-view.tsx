import React, {useMemo} from 'react';
import type {Network} from '../../engine/network.js';
import {topologyModel, topologyText, traceOverlay} from '../../commands/topology-model.js';
import {Frame} from '../frame.js';
import {keyHintLine} from '../key-hints.js';
import {frameColumns, frameRows, type LayoutMode, type TerminalSize} from '../layout.js';
import {fitRows} from '../text/fit.js';
import {Lines} from '../text/lines.js';
import {type StyledLine, plainLine, seg, truncateLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';
import {flowLine} from '../trace-view/trace-lines.js';
import type {TraceViewState} from '../trace-view/use-trace-view-state.js';
import {topologyLines} from './topology-lines.js';

/** The topology screen's state: how far it is scrolled (undefined: keep the packet in view) and the trace drawn on it. */
export type TopologyViewState = {
	readonly scroll?: number;
	readonly trace?: TraceViewState;
};

/** Props of the topology screen. */
export type TopologyViewProps = {
	readonly network: Network;
	readonly title: string;
	readonly state: TopologyViewState;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** Rows the picture gets on a terminal of `size` (for scroll limits). */
export function topologyBodyRows(size: TerminalSize, traced: boolean): number {
	return Math.max(1, frameRows(size) - (traced ? 4 : 2));
}

/** The first row shown: the player's scroll, else one that keeps the packet's mark in view. */
export function topologyTop(total: number, rows: number, scroll: number | undefined, focusRow: number | undefined): number {
	const max = Math.max(0, total - rows);
	if (scroll !== undefined) return Math.min(Math.max(0, scroll), max);
	if (focusRow === undefined) return 0;
	return Math.min(max, Math.max(0, focusRow - Math.floor(rows / 3)));
}

/** The first row the picture shows now (where a scroll key starts from). */
export function topologyScrollOf(state: {readonly topology?: TopologyViewState; readonly current?: {readonly session?: {readonly network: Network}}}, size: TerminalSize, width: number): number {
	const topology = state.topology;
	const network = state.current?.session?.network;
	if (!topology || !network) return 0;
	const overlay = topology.trace ? traceOverlay(topology.trace.trace, topology.trace.step) : undefined;
	const drawn = topologyLines(topologyModel(network), width, overlay);
	return topologyTop(drawn.lines.length, topologyBodyRows(size, topology.trace !== undefined), topology.scroll, drawn.focusRow);
}

/** The whole screen as lines (pure): the title, the trace's flow and result, one window of the picture, the keys. */
export function topologyScreenLines({network, title, state, size, mode}: TopologyViewProps): StyledLine[] {
	const width = frameColumns(size);
	const {trace} = state;
	const model = topologyModel(network);
	const keys = keyHintLine(
		trace
			? [['↑/↓', 'scroll'], ['←/→', 'step the trace'], ['Home/End', 'first/last', 'optional'], ['b', 'where it stopped', 'optional'], ['Esc', 'back'], ['?', 'help', 'optional']]
			: [['↑/↓', 'scroll'], ['PgUp/PgDn', 'page', 'optional'], ['Esc', 'back'], ['?', 'help', 'optional']],
		width,
	);
	if (mode === 'linear') {
		const text = topologyText(model, trace?.trace, trace?.step).flatMap((line) => wrapLine(plainLine(line), width, 2));
		return [plainLine(`Topology of ${title}`, 'title'), ...text, keys];
	}
	const overlay = trace ? traceOverlay(trace.trace, trace.step) : undefined;
	const drawn = topologyLines(model, width, overlay);
	const rows = topologyBodyRows(size, trace !== undefined);
	const top = topologyTop(drawn.lines.length, rows, state.scroll, drawn.focusRow);
	const more = drawn.lines.length > rows ? `  rows ${top + 1}-${Math.min(drawn.lines.length, top + rows)} of ${drawn.lines.length}` : '';
	const head: StyledLine[] = [truncateLine([seg('Topology ', 'title'), seg(title, 'strong'), seg(more, 'dim')], width)];
	if (trace && overlay) {
		head.push(truncateLine([...flowLine(trace.trace), seg(` · ${trace.step >= trace.trace.hops.length ? 'result' : `hop ${trace.step + 1}/${trace.trace.hops.length}`}`, 'dim')], width));
		head.push(truncateLine([seg(overlay.delivered ? '✓ ' : '✗ ', overlay.delivered ? 'ok' : 'bad'), seg(overlay.outcome, overlay.delivered ? 'ok' : 'bad')], width));
	}
	const body = drawn.lines.slice(top, top + rows);
	return [...head, ...fitRows(body, frameRows(size) - head.length - 1), keys];
}

/** The network as a picture, the last trace's path on it, stepped hop by hop. */
export function TopologyView(props: TopologyViewProps): React.JSX.Element {
	const {network, title, state, size, mode} = props;
	const lines = useMemo(() => topologyScreenLines({network, title, state, size, mode}), [network, title, state, size, mode]);
	if (mode === 'linear') return <Lines lines={lines} />;
	return (
		<Frame size={size} linear={false}>
			<Lines lines={lines} />
		</Frame>
	);
}

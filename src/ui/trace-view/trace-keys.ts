import type {Key} from 'ink';
import type {TraceViewAction} from './use-trace-view-state.js';

/** What a key does in the trace view. */
export type TraceIntent = {readonly type: 'step'; readonly action: TraceViewAction} | {readonly type: 'close'} | {readonly type: 'help'} | {readonly type: 'topology'};

/** ←/→ (h/l) step, Home/End first/last, b the blocking hop, m the topology picture, Esc/Enter/q back, ? help. */
export function traceKeyIntent(input: string, key: Key): TraceIntent | undefined {
	if (key.rightArrow || input === 'l' || input === ' ' || key.downArrow) return {type: 'step', action: {type: 'next'}};
	if (key.leftArrow || input === 'h' || key.upArrow) return {type: 'step', action: {type: 'previous'}};
	if (key.home) return {type: 'step', action: {type: 'first'}};
	if (key.end) return {type: 'step', action: {type: 'last'}};
	if (input === 'b') return {type: 'step', action: {type: 'decisive'}};
	if (input === 'm' || (key.ctrl && input === 'o')) return {type: 'topology'};
	if (key.escape || key.return || input === 'q') return {type: 'close'};
	if (input === '?') return {type: 'help'};
	return undefined;
}

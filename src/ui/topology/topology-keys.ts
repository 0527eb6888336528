import type {Key} from 'ink';
import type {TraceViewAction} from '../trace-view/use-trace-view-state.js';

/** What a key does on the topology screen. */
export type TopologyIntent =
	| {readonly type: 'scroll'; readonly delta: number}
	| {readonly type: 'step'; readonly action: TraceViewAction}
	| {readonly type: 'close'}
	| {readonly type: 'help'};

/** ↑/↓ (k/j) and PgUp/PgDn scroll, ←/→ (h/l) step the trace, Home/End first/last hop, b where it stopped, Esc/q back. */
export function topologyKeyIntent(input: string, key: Key, page: number): TopologyIntent | undefined {
	if (key.upArrow || input === 'k') return {type: 'scroll', delta: -1};
	if (key.downArrow || input === 'j') return {type: 'scroll', delta: 1};
	if (key.pageUp) return {type: 'scroll', delta: -page};
	if (key.pageDown || input === ' ') return {type: 'scroll', delta: page};
	if (key.rightArrow || input === 'l') return {type: 'step', action: {type: 'next'}};
	if (key.leftArrow || input === 'h') return {type: 'step', action: {type: 'previous'}};
	if (key.home) return {type: 'step', action: {type: 'first'}};
	if (key.end) return {type: 'step', action: {type: 'last'}};
	if (input === 'b') return {type: 'step', action: {type: 'decisive'}};
	if (key.escape || key.return || input === 'q' || (key.ctrl && input === 'o')) return {type: 'close'};
	if (input === '?') return {type: 'help'};
	return undefined;
}

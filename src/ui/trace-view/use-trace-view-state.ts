import type {Trace} from '../../engine/flow.js';
import type {Network} from '../../engine/network.js';

/**
 * The trace view's state as a pure reducer: which hop of a trace is shown.
 * Steps run over the hops and end on the outcome (one step past the last hop).
 */

/** A trace being stepped through. */
export type TraceViewState = {
	readonly trace: Trace;
	/** What was traced, e.g. the goal's description or the command typed. */
	readonly title: string;
	/** 0…hops.length; hops.length shows the outcome. */
	readonly step: number;
	/** The network the trace ran over, to quote the rules and routes that decided; unknown when it has changed since. */
	readonly network?: Network;
	/** For a goal's trace: why the goal fails, in plain words (the trace alone may read like a success). */
	readonly why?: string;
};

/** Everything the trace view can do. */
export type TraceViewAction =
	| {readonly type: 'next'}
	| {readonly type: 'previous'}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'decisive'};

/** The index of the hop where the packet stopped, if it was dropped. */
export function blockingHopIndex(trace: Trace): number | undefined {
	if (trace.outcome.code === 'DELIVERED') return undefined;
	for (let index = trace.hops.length - 1; index >= 0; index--) {
		if (trace.hops[index]!.action === 'drop') return index;
	}
	return trace.hops.length > 0 ? trace.hops.length - 1 : undefined;
}

/** A trace view on the first hop. */
export function initialTraceView(trace: Trace, title: string, network?: Network, why?: string): TraceViewState {
	return {trace, title, step: 0, ...(network ? {network} : {}), ...(why ? {why} : {})};
}

/** The last step (the outcome). */
export function lastStep(state: TraceViewState): number {
	return state.trace.hops.length;
}

/** The trace view's reducer. `decisive` jumps to the blocking hop (or the outcome when delivered). */
export function traceViewReducer(state: TraceViewState, action: TraceViewAction): TraceViewState {
	const last = lastStep(state);
	switch (action.type) {
		case 'next':
			return state.step >= last ? state : {...state, step: state.step + 1};
		case 'previous':
			return state.step <= 0 ? state : {...state, step: state.step - 1};
		case 'first':
			return {...state, step: 0};
		case 'last':
			return {...state, step: last};
		case 'decisive':
			return {...state, step: blockingHopIndex(state.trace) ?? last};
	}
}

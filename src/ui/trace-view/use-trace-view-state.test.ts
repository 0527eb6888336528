import {describe, expect, it} from 'vitest';
import {deliveredTrace, fixtureTrace} from '../test-helpers/fixtures.js';
import {blockingHopIndex, initialTraceView, type TraceViewAction, traceViewReducer} from './use-trace-view-state.js';

const steps = (actions: readonly TraceViewAction[], trace = fixtureTrace()) => actions.reduce(traceViewReducer, initialTraceView(trace, 'title')).step;

describe('traceViewReducer', () => {
	it('steps through the hops and onto the outcome, never past either end', () => {
		expect(steps([{type: 'next'}])).toBe(1);
		expect(steps([{type: 'next'}, {type: 'next'}, {type: 'next'}, {type: 'next'}, {type: 'next'}, {type: 'next'}])).toBe(4);
		expect(steps([{type: 'previous'}])).toBe(0);
		expect(steps([{type: 'last'}, {type: 'previous'}])).toBe(3);
		expect(steps([{type: 'last'}, {type: 'first'}])).toBe(0);
	});

	it('jumps to the hop where the packet was dropped, or to the outcome when it was delivered', () => {
		expect(steps([{type: 'decisive'}])).toBe(3);
		expect(steps([{type: 'decisive'}], deliveredTrace())).toBe(2);
	});

	it('finds the blocking hop', () => {
		expect(blockingHopIndex(fixtureTrace())).toBe(3);
		expect(blockingHopIndex(deliveredTrace())).toBeUndefined();
	});
});

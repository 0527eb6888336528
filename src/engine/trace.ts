import type {Flow, FlowInput, Trace} from './flow.js';
import type {Network} from './network.js';

/**
 * Traces one flow through the network hop by hop.
 * PLACEHOLDER until the engine lands (issue 2): the real walker replaces this file.
 */
export function trace(network: Network, flow: FlowInput | Flow): Trace {
	void network;
	void flow;
	throw new Error('trace: not implemented yet');
}

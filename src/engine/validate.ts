import type {Network} from './network.js';

/** A problem with a network on its own: where (a JSON-pointer-like path), what, and the offending value. */
export type NetworkIssue = {
	/** Path segments from the network root, e.g. ['hosts', 2, 'interfaces', 0, 'ip']. */
	readonly path: readonly (string | number)[];
	readonly message: string;
	readonly value?: unknown;
};

/**
 * Checks a network for things that cannot be: a host address outside its
 * subnet, overlapping subnets, a route to a target that does not exist…
 * PLACEHOLDER until the engine lands (issue 2).
 */
export function validateNetwork(network: Network): NetworkIssue[] {
	void network;
	throw new Error('validateNetwork: not implemented yet');
}

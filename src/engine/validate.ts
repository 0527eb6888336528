import type {Network} from './network.js';
import {checkAddresses} from './validate-addresses.js';
import {checkIds, indexEntities, type NetworkIssue} from './validate-context.js';
import {checkDns} from './validate-dns.js';
import {checkFilters} from './validate-filters.js';
import {checkRoutes} from './validate-routes.js';
import {checkServices} from './validate-services.js';

export type {NetworkIssue} from './validate-context.js';

/**
 * Checks a network for things that cannot be — a host address outside its
 * subnet, overlapping subnets, a route to a target that does not exist, two
 * apps on one port… — and returns every problem, not just the first, each
 * with its path from the network root, a sentence for the learner and the
 * offending value. A valid network gives []. Things a puzzle may start with
 * on purpose (a NAT gateway in a private subnet, a detached internet
 * gateway, a closed firewall) are not problems: the trace explains those.
 * Order: ids, addressing, routing, filters, services, DNS; list order within each.
 */
export function validateNetwork(network: Network): NetworkIssue[] {
	const index = indexEntities(network);
	return [
		...checkIds(network, index),
		...checkAddresses(network, index),
		...checkRoutes(network, index),
		...checkFilters(network, index),
		...checkServices(network, index),
		...checkDns(network),
	];
}

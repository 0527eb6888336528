import type {Trace} from './flow.js';
import type {Network, Protocol} from './network.js';
import type {OutcomeCode} from './outcome.js';
import {cutsOfNetwork, cutsOfNodes, segmentsOf, splitRange, type PortCuts} from './port-partition.js';
import {mergeRanges, PROTOCOLS, type PortSets} from './port-spans.js';
import type {PortRange} from './ports.js';
import {trace} from './trace.js';

/**
 * Exactly which ports of a target a source can reach, over all of TCP and
 * UDP 1–65535, without sampling: the port space is cut at every boundary of
 * the components involved and one port per segment is traced.
 *
 * `path` scope (the default) starts from the source's and target's
 * components and refines: when a representative's trace meets a component
 * whose boundaries split its segment, the segment is split and each new
 * piece traced, until every segment is uniform at every node its trace
 * passed. This is exact because routing depends on addresses only; a port
 * changes the path only through port forwards and publish mappings, which are
 * boundaries of the node that applies them. `network` scope cuts at every
 * boundary in the whole network up front.
 */

/** Where the boundaries come from. */
export type PartitionScope = 'path' | 'network';

/**
 * Outcomes that mean the packet crossed every filter and reached the target
 * itself — the port is open to this source, whether or not a service
 * answers there (a port scanner would see "closed", not "filtered"). This is
 * what least privilege measures: a firewall rule opening 1024-65535 opens
 * 64,512 ports even where nothing listens yet.
 */
export const OPEN_CODES: ReadonlySet<OutcomeCode> = new Set<OutcomeCode>([
	'DELIVERED',
	'CONNECTION_REFUSED',
	'BOUND_TO_LOCALHOST',
	'PORT_NOT_PUBLISHED',
]);

/** The open and the delivered ports of one (source, target) pair. */
export type Reachability = {
	readonly from: string;
	readonly toHost: string;
	/** Ports whose flows reach the target (an outcome in OPEN_CODES). */
	readonly open: PortSets;
	/** Ports whose flows are DELIVERED to a listening app (a subset of `open`). */
	readonly delivered: PortSets;
	/** How many flows were traced to find out. */
	readonly traced: number;
};

type Pending = {readonly range: PortRange; readonly known?: Trace};

/** Every id a trace names: its path, each hop's node and decider, and where it ended. */
export function nodesOfTrace(result: Trace): string[] {
	const ids = new Set<string>(result.path);
	for (const hop of result.hops) {
		ids.add(hop.node);
		if (hop.decidedBy !== undefined) ids.add(hop.decidedBy.id);
	}
	ids.add(result.outcome.at);
	if (result.outcome.decidedBy !== undefined) ids.add(result.outcome.decidedBy.id);
	return [...ids].sort();
}

function reachForProtocol(
	network: Network,
	from: string,
	toHost: string,
	protocol: Protocol,
	scope: PartitionScope,
	initial: PortCuts,
	cutsByNodes: Map<string, PortCuts>,
): {open: PortRange[]; delivered: PortRange[]; traced: number} {
	const open: PortRange[] = [];
	const delivered: PortRange[] = [];
	const queue: Pending[] = segmentsOf(initial[protocol]).map((range) => ({range}));
	let traced = 0;
	while (queue.length > 0) {
		const {range, known} = queue.pop()!;
		let result = known;
		if (result === undefined) {
			result = trace(network, {from, toHost, port: range.from, protocol});
			traced++;
		}
		if (scope === 'path' && known === undefined) {
			const nodes = nodesOfTrace(result);
			const key = nodes.join('\u0000');
			let cuts = cutsByNodes.get(key);
			if (cuts === undefined) {
				cuts = cutsOfNodes(network, [from, toHost, ...nodes]);
				cutsByNodes.set(key, cuts);
			}
			const pieces = splitRange(range, cuts[protocol]);
			if (pieces.length > 1) {
				// The piece holding the traced port keeps its trace: same trace, same nodes, same cuts.
				for (const piece of pieces) queue.push(piece.from === range.from ? {range: piece, known: result} : {range: piece});
				continue;
			}
		}
		if (result.outcome.code === 'DELIVERED') delivered.push(range);
		if (OPEN_CODES.has(result.outcome.code)) open.push(range);
	}
	return {open: mergeRanges(open), delivered: mergeRanges(delivered), traced};
}

/**
 * The ports (per protocol) on which flows from `from` to `toHost` are open
 * (reach the target) and DELIVERED. Never samples: every port is accounted for by a traced
 * representative of a segment in which all ports behave the same.
 */
export function reachablePorts(network: Network, from: string, toHost: string, scope: PartitionScope = 'path'): Reachability {
	const initial = scope === 'network' ? cutsOfNetwork(network) : cutsOfNodes(network, [from, toHost]);
	const cutsByNodes = new Map<string, PortCuts>();
	const open: Record<Protocol, PortRange[]> = {tcp: [], udp: []};
	const delivered: Record<Protocol, PortRange[]> = {tcp: [], udp: []};
	let traced = 0;
	for (const protocol of PROTOCOLS) {
		const result = reachForProtocol(network, from, toHost, protocol, scope, initial, cutsByNodes);
		open[protocol] = result.open;
		delivered[protocol] = result.delivered;
		traced += result.traced;
	}
	return {from, toHost, open, delivered, traced};
}

/** Remembers reachability per (source, target) within one grading, so goals and exposure share work. */
export class ReachabilityCache {
	readonly #network: Network;
	readonly #entries = new Map<string, Reachability>();

	/** A cache for one network. */
	constructor(network: Network) {
		this.#network = network;
	}

	/** The reachability of `toHost` from `from`, computed once. */
	get(from: string, toHost: string): Reachability {
		const key = `${from}\u0000${toHost}`;
		let entry = this.#entries.get(key);
		if (entry === undefined) {
			entry = reachablePorts(this.#network, from, toHost);
			this.#entries.set(key, entry);
		}
		return entry;
	}
}

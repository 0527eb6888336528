import type {Exposure, PortSpan} from './goal.js';
import {INTERNET, type Host, type Network} from './network.js';
import {countSet, isEmptySet, toSpans, unionSets} from './port-spans.js';
import {ReachabilityCache} from './reachable-ports.js';

/**
 * Exposure: what the internet can reach. The least-privilege figure behind
 * the stars — a solution that opens more than the reference one exposes more.
 */

/**
 * True for a host that stands for the internet: a client or server whose
 * every interface is on `internet`. Routers and NAT devices with an outside
 * interface are gateways, not internet users, and a dual-homed server also
 * sits inside; counting them would expose everything behind them.
 */
export function isInternetHost(host: Host): boolean {
	if (host.kind === 'router' || host.kind === 'nat') return false;
	return host.interfaces.length > 0 && host.interfaces.every((attachment) => attachment.subnet === INTERNET);
}

/** True for an internet client (a customer's laptop): one of the sources, never a target of exposure. */
function isInternetClient(host: Host): boolean {
	return host.kind === 'client' && isInternetHost(host);
}

/**
 * For every host and container — except internet clients, which are the
 * internet's machines rather than the network's surface — the (protocol,
 * port) pairs open to some internet host (see `isInternetHost`; open: the
 * packet gets through every filter to the target, see OPEN_CODES), a source
 * never counting itself or its own containers, over the whole port space,
 * exactly. `total` counts distinct (host, protocol, port); `byHost` lists
 * only ids with something open, keys sorted.
 */
export function computeExposure(network: Network, cache: ReachabilityCache = new ReachabilityCache(network)): Exposure {
	const sources = network.hosts.filter(isInternetHost).map((host) => host.id);
	const ids = [
		...network.hosts.filter((host) => !isInternetClient(host)).map((host) => host.id),
		...network.containers.map((container) => container.id),
	];
	const targets = [...new Set(ids)].sort();
	const dockerHostOf = new Map(network.containers.map((container) => [container.id, container.host]));
	const byHost: Record<string, readonly PortSpan[]> = {};
	let total = 0;
	for (const target of targets) {
		// A machine reaching itself, or a Docker host reaching its own containers, is not the internet reaching in.
		const outsiders = sources.filter((source) => source !== target && dockerHostOf.get(target) !== source);
		const reached = unionSets(outsiders.map((source) => cache.get(source, target).open));
		if (isEmptySet(reached)) continue;
		byHost[target] = toSpans(reached);
		total += countSet(reached);
	}
	return {total, byHost};
}

import {cidrContains, isAddress, parseAddress} from './address.js';
import type {Network} from './network.js';
import {normalizeName, topologyOf, type Topology} from './topology.js';

/**
 * Name resolution as a host or container sees it: Docker's embedded DNS
 * for container names on user-defined networks, then the public zone
 * (`network.dns`: A and CNAME records, case-insensitive, trailing dot
 * ignored, CNAME chains followed up to a limit).
 */

/** One record followed while resolving. `index` is its position in `network.dns` (-1: a container name from Docker's DNS). */
export type DnsStep = {
	readonly name: string;
	readonly type: 'A' | 'CNAME';
	readonly value: string;
	readonly index: number;
};

/** The answer to a lookup. */
export type Resolution =
	| {
			readonly ok: true;
			readonly address: string;
			readonly chain: readonly DnsStep[];
			readonly source: 'public-dns' | 'container-dns';
	  }
	| {
			readonly ok: false;
			readonly code: 'NXDOMAIN' | 'CNAME_LOOP';
			readonly message: string;
			readonly chain: readonly DnsStep[];
	  };

/** The most CNAME records one lookup follows (a longer chain is reported as CNAME_LOOP). */
export const CNAME_LIMIT = 8;

export {normalizeName};

/**
 * Resolves `name` as `from` would (a host or container id; omitted: public
 * DNS). A container on a user-defined container network first asks Docker's
 * DNS, which knows the containers sharing a network with it (their address
 * on that network); on the default bridge there is no such DNS, so a
 * container name is NXDOMAIN unless the public zone has it.
 * A name with several A records gives the first; a name with both A and
 * CNAME records (not allowed in real DNS) uses its A record.
 */
export function resolveName(network: Network, name: string, from?: string): Resolution {
	const topology = topologyOf(network);
	const wanted = normalizeName(name);
	if (from !== undefined) {
		const local = containerDns(topology, wanted, from);
		if (local !== undefined) return local;
	}
	const answer = publicDns(topology, wanted);
	const why = from === undefined || answer.ok || answer.code !== 'NXDOMAIN' ? undefined : containerMiss(topology, wanted, from);
	return why === undefined || answer.ok ? answer : {...answer, message: `${answer.message} ${why}`};
}

/** Why a container could not find another container by name, or undefined when the name is no container's. */
function containerMiss(topology: Topology, wanted: string, from: string): string | undefined {
	const asker = topology.containers.get(from);
	if (asker === undefined) return undefined;
	const target = (topology.containersOfHost.get(asker.host) ?? []).find((container) => normalizeName(container.id) === wanted);
	if (target === undefined) return undefined;
	const userDefined = asker.networks.filter((membership) => topology.containerNetworks.get(membership.network)?.default === false);
	if (userDefined.length === 0) {
		return `${asker.id} is only on Docker's default bridge, which has no name resolution: put both containers on a user-defined network.`;
	}
	return `${target.id} is a container, but it shares no user-defined network with ${asker.id}, so Docker's DNS does not tell ${asker.id} about it.`;
}

function containerDns(topology: Topology, wanted: string, from: string): Resolution | undefined {
	const asker = topology.containers.get(from);
	if (asker === undefined) return undefined;
	for (const membership of asker.networks) {
		const bridge = topology.containerNetworks.get(membership.network);
		if (bridge === undefined || bridge.default || bridge.host !== asker.host) continue;
		for (const container of topology.containersOfHost.get(asker.host) ?? []) {
			if (normalizeName(container.id) !== wanted) continue;
			const ip = container.networks.find((other) => other.network === bridge.id)?.ip;
			if (ip === undefined || !isAddress(ip)) continue;
			const block = topology.blocks.get(bridge.id);
			const address = parseAddress(ip);
			if (block !== undefined && address !== undefined && !cidrContains(block, address)) continue;
			return {ok: true, address: ip, chain: [{name: wanted, type: 'A', value: ip, index: -1}], source: 'container-dns'};
		}
	}
	return undefined;
}

function publicDns(topology: Topology, wanted: string): Resolution {
	const records = topology.network.dns;
	const chain: DnsStep[] = [];
	const seen = new Set<string>();
	let current = wanted;
	for (;;) {
		const indices = topology.dnsNames.get(current) ?? [];
		const aIndex = indices.find((index) => records[index]?.type === 'A');
		const chosen = aIndex ?? indices.find((index) => records[index]?.type === 'CNAME');
		const record = chosen === undefined ? undefined : records[chosen];
		if (chosen === undefined || record === undefined) {
			const message =
				chain.length === 0
					? `${wanted} does not exist in DNS (NXDOMAIN): no record has that name.`
					: `${wanted} leads to ${current} (${describeChain(chain)}), which does not exist in DNS (NXDOMAIN).`;
			return {ok: false, code: 'NXDOMAIN', message, chain};
		}
		seen.add(current);
		if (record.type === 'A') {
			chain.push({name: current, type: 'A', value: record.value, index: chosen});
			if (!isAddress(record.value)) {
				return {ok: false, code: 'NXDOMAIN', message: `${current} has an A record '${record.value}' that is not an IPv4 address, so it gives no answer.`, chain};
			}
			return {ok: true, address: record.value, chain, source: 'public-dns'};
		}
		const target = normalizeName(record.value);
		if (chain.length >= CNAME_LIMIT) {
			chain.push({name: current, type: 'CNAME', value: target, index: chosen});
			return {ok: false, code: 'CNAME_LOOP', message: `${wanted} is a chain of more than ${CNAME_LIMIT} CNAME records; resolvers give up on chains that long.`, chain};
		}
		chain.push({name: current, type: 'CNAME', value: target, index: chosen});
		if (seen.has(target)) {
			return {ok: false, code: 'CNAME_LOOP', message: `The CNAME records go round in a circle (${describeChain(chain)}), so ${wanted} never reaches an address.`, chain};
		}
		current = target;
	}
}

/** Writes a chain as "a → b → c". */
export function describeChain(chain: readonly DnsStep[]): string {
	const first = chain[0];
	if (first === undefined) return '';
	return [first.name, ...chain.map((step) => step.value)].join(' → ');
}

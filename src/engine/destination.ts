import {parseAddress} from './address.js';
import {containerAddressFor} from './containers.js';
import {describeChain, resolveName} from './dns.js';
import type {Decider, Flow} from './flow.js';
import {INTERNET, type Container, type Host} from './network.js';
import type {OutcomeCode} from './outcome.js';
import {normalizeName, type Topology} from './topology.js';
import {packetOf, record, type Walk, type Wire, possessive} from './walk.js';

/**
 * Where a flow goes: `to` (an address, or a name resolved as the source
 * resolves it) or `toHost` (a host or container, at its address as seen
 * from the source).
 */

/** The host or container that starts a flow. */
export type Source = {readonly kind: 'host'; readonly host: Host; readonly id: string} | {readonly kind: 'container'; readonly container: Container; readonly id: string};

/** The destination address, or why there is none. */
export type Destination =
	| {readonly ok: true; readonly address: number}
	| {readonly ok: false; readonly code: OutcomeCode; readonly message: string; readonly decidedBy?: Decider; readonly recorded: boolean};

const numeric = /^[0-9./]+$/;

/**
 * A host's or container's address as `source` sees it: the public address
 * (an internet interface, else the public IP) when the source is on the
 * internet and the target is not; else its primary address (for a
 * container: its address on a network shared with a source container).
 */
export function addressSeenFrom(topology: Topology, source: Source, targetId: string): {readonly address?: string; readonly known: boolean} {
	const host = topology.hosts.get(targetId);
	if (host !== undefined) {
		const sourceOnInternet = source.kind === 'host' && source.host.interfaces[0]?.subnet === INTERNET;
		if (sourceOnInternet) {
			const outside = host.interfaces.find((iface) => iface.subnet === INTERNET)?.ip;
			const seen = outside ?? host.publicIp ?? host.interfaces[0]?.ip;
			return seen === undefined ? {known: true} : {address: seen, known: true};
		}
		const primary = host.interfaces[0]?.ip;
		return primary === undefined ? {known: true} : {address: primary, known: true};
	}
	const container = topology.containers.get(targetId);
	if (container === undefined) return {known: false};
	const address = containerAddressFor(container, source.kind === 'container' ? source.container : undefined);
	return address === undefined ? {known: true} : {address, known: true};
}

/** Records a drop before the packet has a destination address (the hop shows the name or id instead). */
function dropUnsent(walk: Walk, node: string, wire: Wire, shown: string, message: string, decidedBy?: Decider): void {
	walk.hops.push({node, action: 'drop', packet: {...packetOf(wire), dst: shown}, note: message, ...(decidedBy === undefined ? {} : {decidedBy})});
}

/** Finds the flow's destination address, recording a `resolve` hop for a DNS name. */
export function resolveDestination(walk: Walk, source: Source, flow: Flow, wire: Wire): Destination {
	if (flow.toHost !== undefined) {
		const seen = addressSeenFrom(walk.topology, source, flow.toHost);
		if (!seen.known) return {ok: false, code: 'BAD_FLOW', message: `There is no host or container called '${flow.toHost}'.`, recorded: false};
		const address = seen.address === undefined ? undefined : parseAddress(seen.address);
		if (address === undefined) {
			const message = `${flow.toHost} has no address yet (no network interface), so nothing can reach it.`;
			dropUnsent(walk, source.id, wire, flow.toHost, message);
			return {ok: false, code: 'HOST_UNREACHABLE', message, recorded: true};
		}
		return {ok: true, address};
	}
	const to = (flow.to ?? '').trim();
	const literal = parseAddress(to);
	if (literal !== undefined) return {ok: true, address: literal};
	if (numeric.test(to)) return {ok: false, code: 'BAD_FLOW', message: `'${to}' is not a valid IPv4 address (four numbers 0–255 like 203.0.113.10).`, recorded: false};
	if (normalizeName(to) === 'localhost') {
		const address = parseAddress('127.0.0.1') ?? 0;
		record(walk, source.id, 'resolve', {...wire, dst: address}, `localhost is 127.0.0.1, from ${possessive(source.id)} own hosts file (no DNS needed).`);
		return {ok: true, address};
	}
	const resolution = resolveName(walk.topology.network, to, source.id);
	const last = resolution.chain[resolution.chain.length - 1];
	if (!resolution.ok) {
		const decidedBy: Decider | undefined = last === undefined ? undefined : {kind: 'dns-record', id: walk.topology.network.dns[last.index]?.name ?? last.name, index: last.index};
		dropUnsent(walk, source.id, wire, to, resolution.message, decidedBy);
		return decidedBy === undefined
			? {ok: false, code: resolution.code, message: resolution.message, recorded: true}
			: {ok: false, code: resolution.code, message: resolution.message, decidedBy, recorded: true};
	}
	const address = parseAddress(resolution.address) ?? 0;
	const resolved = {...wire, dst: address};
	if (resolution.source === 'container-dns') {
		const note = `Docker's DNS answers ${source.id}: container ${normalizeName(to)} is at ${resolution.address} on a network they share.`;
		record(walk, source.id, 'resolve', resolved, note, {decidedBy: {kind: 'dns-record', id: normalizeName(to), list: 'container-dns'}});
		return {ok: true, address};
	}
	const index = last?.index ?? 0;
	const cnames = resolution.chain.length - 1;
	const note =
		cnames === 0
			? `DNS: ${normalizeName(to)} has address ${resolution.address} (A record).`
			: `DNS: ${describeChain(resolution.chain)} (following ${cnames} CNAME record${cnames === 1 ? '' : 's'}).`;
	record(walk, source.id, 'resolve', resolved, note, {decidedBy: {kind: 'dns-record', id: walk.topology.network.dns[index]?.name ?? normalizeName(to), index}});
	return {ok: true, address};
}

/** True when the address is one of the source's own (so the packet never leaves it). */
export function isOwnAddress(topology: Topology, source: Source, address: number): boolean {
	if (source.kind === 'host') return topology.hostAddresses.get(source.host.id)?.has(address) ?? false;
	return source.container.networks.some((membership) => parseAddress(membership.ip) === address);
}

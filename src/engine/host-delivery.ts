import {isLoopback, parseAddress} from './address.js';
import {deliverToApp, matchApp, refuse} from './deliver.js';
import {checkChain} from './guards.js';
import type {Container, Host} from './network.js';
import {fail, ip, move, record, type Step, type Walk, type Wire, possessive} from './walk.js';

/**
 * A request addressed to a host. In the order of the Linux kernel:
 * destination NAT first (Docker's published ports, a NAT device's port
 * forwards — both in PREROUTING, before the INPUT chain), then the input
 * chain, then the host's own listening apps.
 */

/** Where a request addressed to the host itself came from. */
export type Arrival = {
	/** Sent by the host itself (loopback or its own address): no firewall is consulted. */
	readonly fromSelf: boolean;
	/** Sent to 127.0.0.0/8. */
	readonly loopback: boolean;
};

/** Docker's published ports (`-p [hostIp:]hostPort:containerPort`). Undefined when none matches. */
function published(walk: Walk, host: Host, wire: Wire, arrival: Arrival): Step | undefined {
	const port = wire.dstPort.from;
	for (const container of walk.topology.containersOfHost.get(host.id) ?? []) {
		for (const [index, mapping] of container.publish.entries()) {
			if (mapping.protocol !== wire.protocol || mapping.hostPort !== port) continue;
			const hostIp = parseAddress(mapping.hostIp);
			// A mapping on 127.0.0.1 is DNAT'ed only for packets sent to 127.0.0.1; from
			// elsewhere no mapping matches and the input chain decides (localhostOnly below).
			if (hostIp !== undefined && isLoopback(hostIp) && !arrival.loopback) continue;
			if (hostIp !== 0 && hostIp !== wire.dst && !(hostIp !== undefined && isLoopback(hostIp))) continue;
			return toContainer(walk, host, container, index, wire, arrival);
		}
	}
	return undefined;
}

function toContainer(walk: Walk, host: Host, container: Container, index: number, wire: Wire, arrival: Arrival): Step {
	const mapping = container.publish[index];
	const membership = container.networks[0];
	const bridge = membership === undefined ? undefined : walk.topology.containerNetworks.get(membership.network);
	const address = membership === undefined ? undefined : parseAddress(membership.ip);
	const decidedBy = {kind: 'publish', id: container.id, index} as const;
	if (mapping === undefined || bridge === undefined || address === undefined) {
		return fail(walk, host.id, 'HOST_UNREACHABLE', `${container.id} is published on port ${wire.dstPort.from} but is on no container network, so Docker has nowhere to send it.`, wire, decidedBy);
	}
	const port = {from: mapping.containerPort, to: mapping.containerPort};
	// From one of the host's own containers, Docker's proxy relays the connection: the container sees it come from the host.
	const fromContainer = !arrival.fromSelf && (walk.topology.bridgesOfHost.get(host.id) ?? []).some((other) => walk.topology.bridgeOwners.get(other.id)?.has(wire.src) ?? false);
	const relay = fromContainer ? parseAddress(host.interfaces[0]?.ip ?? '') : undefined;
	const after: Wire = relay === undefined ? {...wire, dst: address, dstPort: port} : {...wire, src: relay, srcOwner: host.id, dst: address, dstPort: port};
	walk.nat.push({node: host.id, kind: 'dnat', original: {address: wire.dst, port: wire.dstPort}, translated: {address, port}});
	if (relay !== undefined) walk.nat.push({node: host.id, kind: 'snat', original: {address: wire.src, port: wire.srcPort}, translated: {address: relay, port: wire.srcPort}});
	const note =
		`Docker on ${host.id} sends ${wire.protocol} port ${mapping.hostPort} to container ${container.id} at ${ip(address)}:${mapping.containerPort} ` +
		`(published with -p ${mapping.hostPort}:${mapping.containerPort}); this DNAT happens before the input chain, so ${possessive(host.id)} host firewall input rules are not consulted` +
		(relay === undefined ? '.' : `, and as the connection comes from a container, Docker relays it from the host's address ${ip(relay)}.`);
	record(walk, host.id, 'translate', wire, note, {after, decidedBy});
	if (!arrival.fromSelf) {
		const stopped = checkChain(walk, host, 'forward', after);
		if (stopped !== undefined) return stopped;
	}
	return move(walk, {at: 'container-arrive', container, network: bridge}, after);
}

/** A NAT device's outside address: port forwards (destination NAT), else nothing comes in. Undefined: not that case. */
function natInbound(walk: Walk, host: Host, wire: Wire): Step | undefined {
	const nat = host.nat;
	if (host.kind !== 'nat' || nat === undefined) return undefined;
	const outside = host.interfaces.find((iface) => iface.subnet === nat.outside);
	if (outside === undefined || parseAddress(outside.ip) !== wire.dst) return undefined;
	const port = wire.dstPort.from;
	const index = nat.portForwards.findIndex((forward) => forward.protocol === wire.protocol && forward.port === port);
	const forward = nat.portForwards[index];
	const target = forward === undefined ? undefined : parseAddress(forward.toIp);
	if (forward === undefined || target === undefined) {
		if (matchApp(host.apps, wire.protocol, port, wire.dst, false).kind !== 'none') return undefined;
		const message = `${host.id} has no port forward for ${wire.protocol} port ${port} on ${outside.ip}: NAT lets only replies in, so a connection started from outside has nowhere to go.`;
		return fail(walk, host.id, 'NAT_NO_INBOUND', message, wire, {kind: 'nat', id: host.id});
	}
	const toPort = {from: forward.toPort, to: forward.toPort};
	const after: Wire = {...wire, dst: target, dstPort: toPort};
	walk.nat.push({node: host.id, kind: 'dnat', original: {address: wire.dst, port: wire.dstPort}, translated: {address: target, port: toPort}});
	const note = `${host.id} forwards ${wire.protocol} port ${port} on its outside address to ${forward.toIp}:${forward.toPort} (port forward #${index + 1}, destination NAT).`;
	record(walk, host.id, 'translate', wire, note, {after, decidedBy: {kind: 'port-forward', id: host.id, index}});
	return {kind: 'move', position: {at: 'host-send', host, mode: 'forward'}, wire: after};
}

/**
 * A port published on 127.0.0.1 only (`-p 127.0.0.1:3306:3306`), reached at
 * another address of the host (from elsewhere after the input chain let it
 * in, or from the host itself) where no app of the host listens: BOUND_TO_LOCALHOST.
 */
function localhostOnly(walk: Walk, host: Host, wire: Wire): Step | undefined {
	const port = wire.dstPort.from;
	for (const container of walk.topology.containersOfHost.get(host.id) ?? []) {
		const index = container.publish.findIndex((mapping) => {
			const hostIp = parseAddress(mapping.hostIp);
			return mapping.protocol === wire.protocol && mapping.hostPort === port && hostIp !== undefined && isLoopback(hostIp);
		});
		const mapping = container.publish[index];
		if (mapping === undefined) continue;
		const message = `${possessive(container.id)} port ${mapping.containerPort} is published on ${mapping.hostIp}:${port} only (-p ${mapping.hostIp}:${port}:${mapping.containerPort}), so only ${host.id} itself can reach it, at 127.0.0.1.`;
		return fail(walk, host.id, 'BOUND_TO_LOCALHOST', message, wire, {kind: 'publish', id: container.id, index});
	}
	return undefined;
}

/** Some container on the host listens on the port but it is not published: PORT_NOT_PUBLISHED. */
function unpublished(walk: Walk, host: Host, wire: Wire): Step | undefined {
	for (const container of walk.topology.containersOfHost.get(host.id) ?? []) {
		const index = container.apps.findIndex((app) => app.protocol === wire.protocol && app.port === wire.dstPort.from);
		const app = container.apps[index];
		if (app === undefined) continue;
		const message = `${app.name} in container ${container.id} listens on ${wire.protocol} port ${app.port}, but no -p mapping publishes that port on ${host.id}, so nothing on the host answers.`;
		return fail(walk, host.id, 'PORT_NOT_PUBLISHED', message, wire, {kind: 'app', id: container.id, index});
	}
	return undefined;
}

/** Delivers a request addressed to `host` itself. */
export function deliverAtHost(walk: Walk, host: Host, wire: Wire, arrival: Arrival): Step {
	const dnat = published(walk, host, wire, arrival) ?? (arrival.fromSelf ? undefined : natInbound(walk, host, wire));
	if (dnat !== undefined) return dnat;
	if (!arrival.fromSelf) {
		const stopped = checkChain(walk, host, 'input', wire);
		if (stopped !== undefined) return stopped;
	}
	const listener = {id: host.id, apps: host.apps, at: {kind: 'host', host}} as const;
	// A host app on the port answers first: a 127.0.0.1-only mapping leaves the host's other addresses alone.
	const answered = deliverToApp(walk, listener, wire, arrival);
	if (answered !== undefined) return answered;
	return (arrival.loopback ? undefined : localhostOnly(walk, host, wire)) ?? unpublished(walk, host, wire) ?? refuse(walk, host.id, wire);
}

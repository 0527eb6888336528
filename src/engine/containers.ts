import {cidrContains, parseAddress} from './address.js';
import {deliverToApp, reachClient, refuse} from './deliver.js';
import type {Container, ContainerNetwork} from './network.js';
import {fail, ip, move, record, what, type Step, type Walk, type Wire} from './walk.js';

/**
 * Containers (Docker bridge networking): containers on one container
 * network reach each other directly over the bridge; Docker keeps
 * different container networks apart; anything else goes through the
 * Docker host, which masquerades it as the host's own address.
 */

/** The container's address on the network it shares with `other` (another container), else its first address. */
export function containerAddressFor(container: Container, other?: Container): string | undefined {
	const shared = other?.networks.find((mine) => container.networks.some((theirs) => theirs.network === mine.network));
	const on = shared === undefined ? container.networks[0] : container.networks.find((membership) => membership.network === shared.network);
	return on?.ip;
}

/** A container sends a packet: its own request or its reply. */
export function containerSend(walk: Walk, container: Container, wire: Wire): Step {
	const {topology} = walk;
	const origin = walk.phase === 'request';
	for (const membership of container.networks) {
		const bridge = topology.containerNetworks.get(membership.network);
		const block = topology.blocks.get(membership.network);
		const own = parseAddress(membership.ip);
		if (bridge === undefined || block === undefined || own === undefined || !cidrContains(block, wire.dst)) continue;
		const out = origin ? {...wire, src: own} : wire;
		if (origin) walk.client.address = own;
		record(walk, container.id, 'route', out, `${ip(wire.dst)} is on container network ${bridge.id}, which ${container.id} is on, so it goes straight over the bridge.`);
		const peer = topology.bridgeOwners.get(bridge.id)?.get(wire.dst);
		if (peer === undefined) return fail(walk, container.id, 'HOST_UNREACHABLE', `No container on network ${bridge.id} has address ${ip(wire.dst)}.`, out);
		return move(walk, {at: 'container-arrive', container: peer, network: bridge}, out);
	}
	const isolated = (topology.bridgesOfHost.get(container.host) ?? []).find((bridge) => {
		const block = topology.blocks.get(bridge.id);
		return block !== undefined && cidrContains(block, wire.dst);
	});
	if (isolated !== undefined) {
		const message = `${ip(wire.dst)} is on container network ${isolated.id}, which ${container.id} is not on: Docker keeps separate container networks apart.`;
		return fail(walk, container.id, 'NETWORK_ISOLATED', message, wire);
	}
	const dockerHost = topology.hosts.get(container.host);
	const first = container.networks[0];
	const firstAddress = first === undefined ? undefined : parseAddress(first.ip);
	if (dockerHost === undefined || first === undefined || firstAddress === undefined) {
		const why = dockerHost === undefined ? `its Docker host '${container.host}' does not exist` : 'it is on no container network';
		return fail(walk, container.id, 'NO_ROUTE', `${container.id} cannot send anything to ${ip(wire.dst)}: ${why}.`, wire);
	}
	const out = origin ? {...wire, src: firstAddress} : wire;
	if (origin) walk.client.address = firstAddress;
	record(walk, container.id, 'leave', out, `${container.id} sends the ${what(walk)} for ${ip(wire.dst)} to its Docker host ${dockerHost.id} (its default gateway on ${first.network}).`);
	if (topology.hostAddresses.get(dockerHost.id)?.has(wire.dst) ?? false) {
		return move(walk, {at: 'host-arrive', host: dockerHost, viaBridge: true}, out);
	}
	return move(walk, {at: 'host-send', host: dockerHost, mode: 'forward'}, out);
}

/** A packet arrives at a container over a bridge: a request for its apps, or the reply to its own request. */
export function containerArrive(walk: Walk, container: Container, network: ContainerNetwork, wire: Wire): Step {
	if (walk.phase === 'reply') {
		if (container.id === walk.client.id && wire.dst === walk.client.address) return reachClient(walk, container.id, wire);
		return fail(walk, container.id, 'NO_ROUTE', `The reply ends up at ${container.id} on ${network.id}, not at ${walk.client.id} which sent the request.`, wire);
	}
	const listener = {id: container.id, apps: container.apps, at: {kind: 'container', container}} as const;
	return deliverToApp(walk, listener, wire, {fromSelf: false, loopback: false}) ?? refuse(walk, container.id, wire);
}

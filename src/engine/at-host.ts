import {checkChain, checkGroups, untracked} from './guards.js';
import {deliverAtHost} from './host-delivery.js';
import {INTERNET, type Host} from './network.js';
import {describeChoice, describeOnward, egressOf, follow, nextHop, type Onward} from './next-hop.js';
import {reachClient} from './deliver.js';
import {chooseRoute, hostRouting, routeDecider, type RoutingContext} from './routing.js';
import {fail, ip, record, what, type Step, type Walk, type Wire, possessive} from './walk.js';
import type {PortRange} from './ports.js';
import type {Topology} from './topology.js';

/**
 * A packet at a host: sent by it (its own or, for routers, NAT devices and
 * Docker hosts, forwarded), or arriving at it.
 */

function samePorts(a: PortRange, b: PortRange): boolean {
	return a.from === b.from && a.to === b.to;
}

function noRouteMessage(topology: Topology, host: Host, context: RoutingContext, destination: number): string {
	if (host.interfaces.length === 0) return `${host.id} has no network interface yet, so it cannot send anything to ${ip(destination)}.`;
	if (context.attachments.length === 0) return `${possessive(host.id)} interfaces have no valid address, so it cannot send anything.`;
	const missing = context.subnet !== undefined && context.subnet !== INTERNET && !topology.subnets.has(context.subnet);
	if (missing) return `${host.id} is attached to subnet '${context.subnet}', which does not exist, so it has no route to ${ip(destination)}.`;
	const where = `${ip(destination)} is outside ${possessive(host.id)} own subnets`;
	if (context.table !== undefined) return `Route table ${context.table} has no route that matches ${ip(destination)} (and ${where}).`;
	const why = host.kind === 'router' || host.kind === 'nat' ? `${host.id} has no route table` : `subnet ${context.subnet ?? '?'} has no route table`;
	return `${host.id} has no route to ${ip(destination)}: ${where} and ${why}.`;
}

/** The host's address in the subnet the packet leaves by (its primary address when that is not known). */
function egressAddress(context: RoutingContext, next: Onward, fallback: number): number {
	const subnet = egressOf(next) ?? context.subnet;
	return context.attachments.find((attachment) => attachment.subnet === subnet)?.ip ?? context.attachments[0]?.ip ?? fallback;
}

/** Source NAT on the way out of a NAT device's outside interface, or Docker's masquerade of a container's packet. */
function translateOut(walk: Walk, host: Host, next: Onward, wire: Wire, address: number): Wire {
	if (walk.phase === 'reply') {
		// Connection tracking undoes the destination NAT the request got here (port forward or published port).
		const entry = walk.nat.find(
			(candidate) => candidate.node === host.id && candidate.kind === 'dnat' && candidate.translated.address === wire.src && samePorts(candidate.translated.port, wire.srcPort),
		);
		if (entry === undefined) return wire;
		const after: Wire = {...wire, src: entry.original.address, srcPort: entry.original.port};
		record(walk, host.id, 'translate', wire, `${host.id} gives the reply its original source back: ${ip(wire.src)} becomes ${ip(after.src)} (connection tracking undoes the destination NAT).`, {
			after,
			decidedBy: {kind: 'nat', id: host.id},
		});
		return after;
	}
	const masquerade = host.kind === 'nat' && host.nat !== undefined && egressOf(next) === host.nat.outside && wire.src !== address;
	const bridges = walk.topology.bridgesOfHost.get(host.id) ?? [];
	const fromContainer = next.kind !== 'container' && bridges.some((bridge) => walk.topology.bridgeOwners.get(bridge.id)?.has(wire.src) ?? false);
	if (!masquerade && !fromContainer) return wire;
	const after: Wire = {...wire, src: address, srcOwner: host.id};
	walk.nat.push({node: host.id, kind: 'snat', original: {address: wire.src, port: wire.srcPort}, translated: {address, port: wire.srcPort}});
	const note = masquerade
		? `${host.id} masquerades the packet: its source ${ip(wire.src)} becomes ${possessive(host.id)} outside address ${ip(address)} (source NAT), so the reply comes back to ${host.id}.`
		: `Docker on ${host.id} masquerades the container's source ${ip(wire.src)} as ${possessive(host.id)} own address ${ip(address)} as the packet leaves the host.`;
	record(walk, host.id, 'translate', wire, note, {after, decidedBy: {kind: 'nat', id: host.id}});
	return after;
}

/**
 * A host sends a packet: its own (`origin`) or one it forwards. Route first
 * (which also picks the source address), then the firewall chain (output
 * for its own packets, forward for others'), source NAT, outbound security
 * groups, and on to the next hop.
 */
export function hostSend(walk: Walk, host: Host, mode: 'origin' | 'forward', wire: Wire): Step {
	const {topology} = walk;
	const request = walk.phase === 'request';
	// Requests meet the stateful security groups; a reply only at a host the request never passed.
	// The firewall chains are stateless: they judge every packet (checkChain).
	const judged = request || untracked(walk, host);
	const context = hostRouting(topology, host);
	const choice = chooseRoute(topology, context, wire.dst);
	if (choice === undefined) {
		return fail(walk, host.id, 'NO_ROUTE', noRouteMessage(topology, host, context, wire.dst), wire, context.table === undefined ? undefined : {kind: 'route', id: context.table});
	}
	const decidedBy = routeDecider(choice);
	if (decidedBy !== undefined) walk.lastRoute = decidedBy;
	const next = nextHop(topology, context, choice, wire.dst);
	let out = wire;
	if (request && mode === 'origin' && next.kind !== 'stop') {
		const address = egressAddress(context, next, wire.src);
		out = {...wire, src: address};
		walk.client.address = address;
	}
	record(walk, host.id, 'route', out, describeChoice(topology, context, choice, wire.dst, what(walk)), decidedBy === undefined ? {} : {decidedBy});
	if (next.kind === 'stop') return fail(walk, host.id, next.code, next.message, out, decidedBy);
	const chained = checkChain(walk, host, mode === 'origin' ? 'output' : 'forward', out);
	if (chained !== undefined) return chained;
	if (mode === 'forward') out = translateOut(walk, host, next, out, egressAddress(context, next, out.src));
	if (judged && next.kind !== 'container') {
		const vpc = context.vpc;
		const owner = vpc === undefined ? undefined : topology.vpcOwners.get(vpc)?.get(out.dst);
		const stopped = checkGroups(walk, host, 'outbound', out, owner?.kind === 'host' ? owner.host.id : undefined);
		if (stopped !== undefined) return stopped;
	}
	const verb = mode === 'origin' ? `sends the ${what(walk)} from ${ip(out.src)}` : `forwards the ${what(walk)}`;
	record(walk, host.id, mode === 'origin' ? 'leave' : 'forward', out, `${host.id} ${verb} ${describeOnward(next)}.`);
	return follow(walk, next, out);
}

/**
 * A packet arrives at a host. A request meets the host's security groups
 * (unless it came over a Docker bridge), then is delivered if it is
 * addressed to the host, forwarded if the host is a router, or dropped.
 * A reply is either home (the client), translated back (NAT), forwarded by
 * a router (whose security groups judge it only if the request never passed
 * it), or lost.
 */
export function hostArrive(walk: Walk, host: Host, viaBridge: boolean, wire: Wire): Step {
	const own = walk.topology.hostAddresses.get(host.id)?.has(wire.dst) ?? false;
	const router = host.kind === 'router' || host.kind === 'nat';
	if (walk.phase === 'reply') {
		if (!own && !router) return fail(walk, host.id, 'NO_ROUTE', `${host.id} is not a router, so it drops the reply addressed to ${ip(wire.dst)}.`, wire);
		if (!own) {
			const stopped = !viaBridge && untracked(walk, host) ? checkGroups(walk, host, 'inbound', wire, wire.srcOwner) : undefined;
			return stopped ?? hostSend(walk, host, 'forward', wire);
		}
		if (host.id === walk.client.id && wire.dst === walk.client.address) {
			// Home: the reply crosses the client's input chain like any packet (chains are stateless).
			return checkChain(walk, host, 'input', wire) ?? reachClient(walk, host.id, wire);
		}
		const entry = walk.nat.find(
			(candidate) => candidate.node === host.id && candidate.kind === 'snat' && candidate.translated.address === wire.dst && samePorts(candidate.translated.port, wire.dstPort),
		);
		if (entry === undefined) return fail(walk, host.id, 'NO_ROUTE', `The reply ends up at ${host.id}, not at ${walk.client.id} which sent the request.`, wire);
		const after: Wire = {...wire, dst: entry.original.address, dstPort: entry.original.port};
		record(walk, host.id, 'translate', wire, `${host.id} recognises the reply and sends it on to ${ip(after.dst)}: connection tracking undoes the source NAT.`, {
			after,
			decidedBy: {kind: 'nat', id: host.id},
		});
		return hostSend(walk, host, 'forward', after);
	}
	if (!viaBridge) {
		const stopped = checkGroups(walk, host, 'inbound', wire, wire.srcOwner);
		if (stopped !== undefined) return stopped;
	}
	if (own) return deliverAtHost(walk, host, wire, {fromSelf: false, loopback: false});
	if (router) return hostSend(walk, host, 'forward', wire);
	return fail(walk, host.id, 'NO_ROUTE', `${host.id} received a packet for ${ip(wire.dst)}, but it is not a router, so it drops packets addressed to others.`, wire);
}

import {isLoopback, parseAddress} from './address.js';
import type {App} from './network.js';
import {fail, finish, ip, record, type Delivered, type Step, type Walk, type Wire} from './walk.js';

/**
 * The last step of a request: an app listening on the packet's protocol
 * and port, bound to an address that accepts it. And the last step of a
 * reply: the client recognising it.
 */

/** Which app (if any) takes a packet, and why not when none does. */
export type AppMatch =
	| {readonly kind: 'accepted'; readonly app: App; readonly index: number}
	| {readonly kind: 'localhost-only'; readonly app: App; readonly index: number}
	| {readonly kind: 'other-address'; readonly app: App; readonly index: number}
	| {readonly kind: 'none'};

/**
 * Finds the app that takes a packet for `destination` on (protocol, port).
 * An app bound to 0.0.0.0 takes any, one bound to an address takes packets
 * sent to that address only — over loopback too: an app bound to the host's
 * own address does not answer at 127.0.0.1. A listener that misses a packet
 * sent over loopback (`loopback`) is `other-address`, never `localhost-only`.
 */
export function matchApp(apps: readonly App[], protocol: App['protocol'], port: number, destination: number, loopback: boolean): AppMatch {
	const listening = apps.map((app, index) => ({app, index})).filter(({app}) => app.protocol === protocol && app.port === port);
	// A socket bound to a specific address only receives packets addressed to it (ip(7): INADDR_ANY is the wildcard).
	const accepted = listening.find(({app}) => app.bind === '0.0.0.0' || parseAddress(app.bind) === destination);
	if (accepted !== undefined) return {kind: 'accepted', ...accepted};
	const local = loopback ? undefined : listening.find(({app}) => {
		const bind = parseAddress(app.bind);
		return bind !== undefined && isLoopback(bind);
	});
	if (local !== undefined) return {kind: 'localhost-only', ...local};
	const other = listening[0];
	return other === undefined ? {kind: 'none'} : {kind: 'other-address', ...other};
}

/** What listens: a host's or a container's apps. */
export type Listener = {readonly id: string; readonly apps: readonly App[]; readonly at: Delivered['at']};

/**
 * Delivers to the listener's app, or fails with BOUND_TO_LOCALHOST or
 * CONNECTION_REFUSED. Returns undefined when nothing at all listens on the
 * port, so that the caller can say more (an unpublished container port).
 */
export function deliverToApp(walk: Walk, listener: Listener, wire: Wire, options: {readonly fromSelf: boolean; readonly loopback: boolean}): Step | undefined {
	const port = wire.dstPort.from;
	const match = matchApp(listener.apps, wire.protocol, port, wire.dst, options.loopback);
	const what = `${wire.protocol} port ${port}`;
	if (match.kind === 'none') return undefined;
	const decidedBy = {kind: 'app', id: listener.id, index: match.index} as const;
	if (match.kind === 'accepted') {
		const verb = wire.protocol === 'tcp' ? 'accepts the connection' : 'receives the packet';
		const message = `${match.app.name} on ${listener.id} ${verb} on ${what}.`;
		record(walk, listener.id, 'deliver', wire, message, {decidedBy});
		return finish({code: 'DELIVERED', at: listener.id, decidedBy, message}, {at: listener.at, wire});
	}
	if (match.kind === 'localhost-only') {
		const message = options.fromSelf
			? `${match.app.name} on ${listener.id} listens on ${what} at 127.0.0.1 only, so even from ${listener.id} itself it answers only at 127.0.0.1, not at ${ip(wire.dst)}.`
			: `${match.app.name} on ${listener.id} listens on ${what} at 127.0.0.1 only, so no other machine can reach it; bind it to 0.0.0.0 to accept outside connections.`;
		return fail(walk, listener.id, 'BOUND_TO_LOCALHOST', message, wire, decidedBy);
	}
	const message = `${match.app.name} on ${listener.id} listens on ${what} only at ${match.app.bind}, not at ${ip(wire.dst)}, so the connection is refused.`;
	return fail(walk, listener.id, 'CONNECTION_REFUSED', message, wire, decidedBy);
}

/** Nothing listens: the connection is refused (TCP reset, or ICMP port unreachable for UDP). */
export function refuse(walk: Walk, id: string, wire: Wire): Step {
	const message = `Nothing on ${id} listens on ${wire.protocol} port ${wire.dstPort.from}, so the connection is refused.`;
	return fail(walk, id, 'CONNECTION_REFUSED', message, wire);
}

/**
 * The reply arrives back at the client. It must come from the address and
 * port the client sent its request to; otherwise the client does not
 * recognise it (a NAT on the way back that the request never went through).
 */
export function reachClient(walk: Walk, node: string, wire: Wire): Step {
	const {target} = walk;
	if (wire.src !== target.address || wire.srcPort.from !== target.port || wire.srcPort.to !== target.port) {
		const message = `The reply reaches ${node} from ${ip(wire.src)}:${wire.srcPort.from}, but ${node} sent its request to ${ip(target.address)}:${target.port}, so it does not recognise the reply and drops it: the reply did not come back through the same translation.`;
		return fail(walk, node, 'NO_RETURN_ROUTE', message, wire);
	}
	const message = `The reply reaches ${node}: the connection works both ways.`;
	record(walk, node, 'reply', wire, message);
	return finish({code: 'DELIVERED', at: node, message});
}

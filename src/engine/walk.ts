import {formatAddress} from './address.js';
import type {Decider, Flow, Hop, HopAction, Outcome, Packet} from './flow.js';
import type {Container, ContainerNetwork, Host, InternetGateway, NatGateway, Protocol} from './network.js';
import type {OutcomeCode} from './outcome.js';
import {formatPortRange, type PortRange} from './ports.js';
import type {PublicOwner, Topology} from './topology.js';

/**
 * The packet walker's working state: the packet on the wire, where it is,
 * the hops recorded so far, the NAT translations the request made (what a
 * kernel's connection tracking remembers, so the reply can be translated
 * back), and the hop limit.
 */

/** The hop limit (TTL) a packet starts with. */
export const HOP_LIMIT = 64;

/** A packet as the walker carries it: numeric addresses, ports as ranges. */
export type Wire = {
	readonly protocol: Protocol;
	readonly src: number;
	readonly srcPort: PortRange;
	readonly dst: number;
	readonly dstPort: PortRange;
	/** The host whose address `src` is, for security-group source rules; undefined when it came in from the internet. */
	readonly srcOwner?: string;
};

/** One address translation made by the request, remembered for its reply. */
export type NatEntry = {
	/** Where it happened (a host or gateway id). */
	readonly node: string;
	/** `snat` rewrote the source, `dnat` the destination. */
	readonly kind: 'snat' | 'dnat';
	readonly original: {readonly address: number; readonly port: PortRange};
	readonly translated: {readonly address: number; readonly port: PortRange};
};

/** Where the packet is and what happens there next. */
export type Position =
	| {readonly at: 'host-send'; readonly host: Host; readonly mode: 'origin' | 'forward'}
	| {readonly at: 'host-arrive'; readonly host: Host; readonly viaBridge: boolean}
	| {readonly at: 'container-send'; readonly container: Container}
	| {readonly at: 'container-arrive'; readonly container: Container; readonly network: ContainerNetwork}
	| {readonly at: 'internet'}
	| {readonly at: 'igw-out'; readonly gateway: InternetGateway}
	| {readonly at: 'igw-in'; readonly gateway: InternetGateway; readonly owner: PublicOwner}
	| {readonly at: 'natgw-arrive'; readonly natGateway: NatGateway};

/** Where a request was delivered, for the reply to start from. */
export type Delivered = {
	readonly at: {readonly kind: 'host'; readonly host: Host} | {readonly kind: 'container'; readonly container: Container};
	/** The packet as the listening app saw it. */
	readonly wire: Wire;
};

/** The end of a walk: its outcome, and where a request was delivered (for the reply to start from). */
export type End = {readonly kind: 'end'; readonly outcome: Outcome; readonly delivered?: Delivered};

/** The result of one step: move on, or stop with an outcome. */
export type Step = {readonly kind: 'move'; readonly position: Position; readonly wire: Wire} | End;

/** The walker's state for one trace. */
export type Walk = {
	readonly topology: Topology;
	readonly flow: Flow;
	phase: 'request' | 'reply';
	readonly hops: Hop[];
	readonly path: string[];
	readonly nat: NatEntry[];
	/** The client: who sent the request, from which address and port(s). */
	client: {readonly id: string; address: number; readonly port: PortRange};
	/** What the client sent its request to (the reply must come from there). */
	target: {address: number; readonly port: number};
	/** Moves made in this phase (each one costs one TTL). */
	moves: number;
	/** State (position + packet) → index in `trail`, to spot a packet going round in circles. */
	seen: Map<string, number>;
	/** Node ids of the moves of this phase, in order. */
	trail: string[];
	/** The route that sent the packet on most recently (it closes a loop). */
	lastRoute?: Decider;
	/**
	 * During the reply: the nodes the request passed through. Their stateful
	 * filters (connection tracking) know the connection and let the reply
	 * pass; any other node judges the reply like a new packet.
	 */
	tracked?: ReadonlySet<string>;
};

/** Dotted quad of a numeric address. */
export const ip = formatAddress;

/** A name's possessive for a sentence: `web-1's`, but `payments'` (a name ending in s takes only the apostrophe). */
export function possessive(name: string): string {
	return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** "port 443" or "ports 1024-65535". */
export function portWords(range: PortRange): string {
	return range.from === range.to ? `port ${range.from}` : `ports ${formatPortRange(range)}`;
}

/** "packet" during the request, "reply" during the reply: for notes. */
export function what(walk: Walk): 'packet' | 'reply' {
	return walk.phase === 'reply' ? 'reply' : 'packet';
}

/** The packet as hops show it. */
export function packetOf(wire: Wire): Packet {
	const packet: Packet = {
		protocol: wire.protocol,
		src: formatAddress(wire.src),
		srcPort: formatPortRange(wire.srcPort),
		dst: formatAddress(wire.dst),
		dstPort: wire.dstPort.from,
	};
	return wire.dstPort.from === wire.dstPort.to ? packet : {...packet, dstPortRange: formatPortRange(wire.dstPort)};
}

/** The node id of a position. */
export function nodeOf(position: Position): string {
	switch (position.at) {
		case 'host-send':
		case 'host-arrive':
			return position.host.id;
		case 'container-send':
		case 'container-arrive':
			return position.container.id;
		case 'internet':
			return 'internet';
		case 'igw-out':
		case 'igw-in':
			return position.gateway.id;
		case 'natgw-arrive':
			return position.natGateway.id;
	}
}

/** Adds a node to the trace's path (once). */
export function visit(walk: Walk, node: string): void {
	if (!walk.path.includes(node)) walk.path.push(node);
}

/** Records a hop; during the reply every hop but a drop is a `reply` hop. */
export function record(
	walk: Walk,
	node: string,
	action: HopAction,
	wire: Wire,
	note: string,
	extra: {readonly after?: Wire; readonly decidedBy?: Decider} = {},
): void {
	const shown: HopAction = walk.phase === 'reply' && action !== 'drop' ? 'reply' : action;
	const hop: Hop = {node, action: shown, packet: packetOf(wire), note};
	walk.hops.push({
		...hop,
		...(extra.after === undefined ? {} : {after: packetOf(extra.after)}),
		...(extra.decidedBy === undefined ? {} : {decidedBy: extra.decidedBy}),
	});
}

/** Ends the walk with an outcome (no drop hop: used for deliveries). */
export function finish(outcome: Outcome, delivered?: Delivered): End {
	return delivered === undefined ? {kind: 'end', outcome} : {kind: 'end', outcome, delivered};
}

const replyCodes: Partial<Record<OutcomeCode, OutcomeCode>> = {
	DENIED_BY_NACL: 'REPLY_DENIED_BY_NACL',
	LOOP: 'LOOP',
	REPLY_DENIED_BY_NACL: 'REPLY_DENIED_BY_NACL',
	// A stateful filter the request never passed judges the reply (see Walk.tracked).
	DENIED_BY_HOST_FIREWALL: 'DENIED_BY_HOST_FIREWALL',
	DENIED_BY_NETWORK_FIREWALL: 'DENIED_BY_NETWORK_FIREWALL',
	DENIED_BY_SECURITY_GROUP: 'DENIED_BY_SECURITY_GROUP',
};

/**
 * Drops the packet: records a `drop` hop and ends with the outcome. During
 * the reply, a NACL drop becomes REPLY_DENIED_BY_NACL, a loop and a drop by
 * a firewall or security group keep their code, and anything else means the
 * reply has no way back (NO_RETURN_ROUTE).
 */
export function fail(walk: Walk, node: string, code: OutcomeCode, message: string, wire: Wire, decidedBy?: Decider): End {
	const reply = walk.phase === 'reply';
	const finalCode = reply ? (replyCodes[code] ?? 'NO_RETURN_ROUTE') : code;
	const finalMessage = reply && finalCode !== 'REPLY_DENIED_BY_NACL' ? `The request arrived, but the reply cannot come back: ${message}` : message;
	record(walk, node, 'drop', wire, finalMessage, decidedBy === undefined ? {} : {decidedBy});
	const outcome: Outcome = {code: finalCode, at: node, message: finalMessage};
	return {kind: 'end', outcome: decidedBy === undefined ? outcome : {...outcome, decidedBy}};
}

/** Starts a phase: resets the hop limit and the loop detector. */
export function startPhase(walk: Walk, phase: 'request' | 'reply', origin: string): void {
	walk.phase = phase;
	walk.moves = 0;
	walk.seen = new Map();
	walk.trail = [origin];
	delete walk.lastRoute;
	visit(walk, origin);
}

/** What decides a packet's future at a position (the interface it came in by does not: routing ignores it). */
function stateKey(position: Position, wire: Wire): string {
	const ports = `${formatPortRange(wire.srcPort)}>${formatPortRange(wire.dstPort)}`;
	const bridge = position.at === 'host-arrive' && position.viaBridge ? 'bridge' : '';
	return `${position.at}${bridge}|${nodeOf(position)}|${wire.src}>${wire.dst}|${ports}|${wire.srcOwner ?? ''}`;
}

/**
 * Moves the packet to its next position, spending one hop of TTL. A packet
 * that comes back to a place it has been, unchanged, would circle forever
 * (routing is deterministic): that is reported as LOOP at once, naming the
 * circle; the hop limit catches anything else.
 */
export function move(walk: Walk, position: Position, wire: Wire): Step {
	const node = nodeOf(position);
	const key = stateKey(position, wire);
	walk.trail.push(node);
	const previous = walk.seen.get(key);
	if (previous !== undefined) {
		const circle = walk.trail.slice(previous).join(' → ');
		const message = `The packet goes round in a circle (${circle}) and would keep doing so until its hop limit (TTL ${HOP_LIMIT}) runs out: the routes point at each other.`;
		return fail(walk, node, 'LOOP', message, wire, walk.lastRoute);
	}
	walk.seen.set(key, walk.trail.length - 1);
	walk.moves += 1;
	if (walk.moves > HOP_LIMIT) {
		const repeated = [...new Set(walk.trail.filter((id, index) => walk.trail.indexOf(id) !== index))];
		const message = `The packet used up its hop limit (TTL ${HOP_LIMIT}) without arriving${repeated.length > 0 ? `, passing ${repeated.join(', ')} again and again` : ''}.`;
		return fail(walk, node, 'LOOP', message, wire, walk.lastRoute);
	}
	visit(walk, node);
	return {kind: 'move', position, wire};
}

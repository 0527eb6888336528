import {z} from 'zod';
import {idSchema, portSchema, protocolSchema} from './network.js';
import type {OutcomeCode} from './outcome.js';

/**
 * A flow: one connection attempt, and what the engine says happened to it.
 */

/**
 * A connection attempt from a host or container. The destination is either
 * `to` (an address or a DNS name, resolved as the source would resolve it)
 * or `toHost` (a host or container id: its address as seen from the source —
 * the public address when the source is on the internet).
 */
export const flowSchema = z
	.object({
		/** Host or container id that starts the connection. */
		from: idSchema,
		/** Address or DNS name. */
		to: z.string().min(1).optional(),
		/** Host or container id. */
		toHost: idSchema.optional(),
		port: portSchema,
		protocol: protocolSchema.default('tcp'),
		/** The client's source port; omitted: any ephemeral port (1024–65535), all of which must work. */
		sourcePort: portSchema.optional(),
	})
	.refine((flow) => (flow.to === undefined) !== (flow.toHost === undefined), {
		message: 'a flow needs exactly one of "to" (address or name) and "toHost" (host id)',
	});

/** A flow with defaults filled. */
export type Flow = z.infer<typeof flowSchema>;
/** A flow as written in JSON. */
export type FlowInput = z.input<typeof flowSchema>;

/** A packet's addresses at one point of its trip. */
export type Packet = {
	readonly protocol: 'tcp' | 'udp';
	readonly src: string;
	/** A single port, or a range such as "1024-65535" while the client's port is any ephemeral one. */
	readonly srcPort: string;
	readonly dst: string;
	readonly dstPort: number;
	/**
	 * Only on a reply's hops while the client's port is any ephemeral one: the
	 * whole range, e.g. "1024-65535" (`dstPort` then holds its first port).
	 * Show `dstPortRange ?? dstPort`.
	 */
	readonly dstPortRange?: string;
};

/** What happened at a hop. */
export type HopAction =
	| 'resolve' // DNS lookup
	| 'leave' // left the source (egress filters passed)
	| 'route' // a route table chose the next hop
	| 'translate' // NAT, internet gateway or port mapping rewrote addresses
	| 'filter' // a firewall, security group or ACL let it pass
	| 'forward' // a router or gateway passed it on
	| 'deliver' // reached the listening app
	| 'reply' // the reply's way back
	| 'drop'; // the packet stopped here

/**
 * What decided a hop: which component and which of its lines, so the UI can
 * point at the player's own rule or route. `index` is the 0-based position in
 * the component's list (`routes`, chain `rules`, `inbound`…); `rule` is a
 * NACL rule number; `list` names the list when a component has several.
 */
export type Decider = {
	readonly kind:
		| 'dns-record'
		| 'route'
		| 'firewall-rule'
		| 'firewall-policy'
		| 'security-group'
		| 'nacl-rule'
		| 'nacl-default'
		| 'app'
		| 'publish'
		| 'port-forward'
		| 'internet-gateway'
		| 'nat-gateway'
		| 'nat';
	/** The component's id (route table, host, security group, ACL, gateway, container…). */
	readonly id: string;
	readonly list?: string;
	readonly index?: number;
	readonly rule?: number;
};

/** One step of a packet's trip. */
export type Hop = {
	/** The node where it happened: a host, container, gateway id, or `internet`. */
	readonly node: string;
	readonly action: HopAction;
	/** The packet as it was when it reached this hop. */
	readonly packet: Packet;
	/** The packet after a translation (only on `translate` hops). */
	readonly after?: Packet;
	readonly decidedBy?: Decider;
	/** One sentence for a learner. */
	readonly note: string;
};

/** How a trace ended. */
export type Outcome = {
	readonly code: OutcomeCode;
	/** The node where it was decided. */
	readonly at: string;
	readonly decidedBy?: Decider;
	/** One sentence a learner understands. */
	readonly message: string;
};

/** A flow's whole trip: request hops, then (TCP) the reply's hops, and the outcome. */
export type Trace = {
	readonly flow: Flow;
	readonly hops: readonly Hop[];
	readonly outcome: Outcome;
	/** Ids of every component the packet passed through (hosts, gateways, routers), for `via` goals. */
	readonly path: readonly string[];
};

import {z} from 'zod';
import {sourceClassSchema} from './address-class.js';
import {flowSchema, type Trace} from './flow.js';
import {addressSchema, cidrSchema, idSchema, portSchema, protocolSchema} from './network.js';
import {OUTCOME_CODES, type OutcomeCode} from './outcome.js';

/**
 * Goals: what a level asks of the player's network. They are checked against
 * the network's behaviour (flows traced by the engine), never against the
 * commands the player typed.
 */

const goalBase = {
	/** Unique within the level. */
	id: idSchema,
	/** What the player reads, e.g. "Customers reach the website on port 443". */
	description: z.string().min(1),
};

/** This flow must be delivered (and, with `via`, pass through that component). */
export const reachGoalSchema = z.object({
	...goalBase,
	kind: z.literal('reach'),
	flow: flowSchema,
	/** Every address of this class, sent from where `flow.from` sits, must be delivered (see address-class.ts). */
	sources: sourceClassSchema.optional(),
	/** A host, gateway or router id the packet must pass through. */
	via: idSchema.optional(),
});

/** This flow must not be delivered; with `codes`, it must end with one of them. */
export const blockedGoalSchema = z.object({
	...goalBase,
	kind: z.literal('blocked'),
	flow: flowSchema,
	/** No address of this class, sent from where `flow.from` sits, may be delivered. */
	sources: sourceClassSchema.optional(),
	codes: z.array(z.enum(OUTCOME_CODES)).optional(),
});

/** One port of an `only` goal. */
export const servicePortSchema = z.object({protocol: protocolSchema.default('tcp'), port: portSchema});

/**
 * From each of these sources, the target is reachable on exactly these ports
 * and no other — checked over every TCP and UDP port, exactly.
 */
export const onlyGoalSchema = z.object({
	...goalBase,
	kind: z.literal('only'),
	/** Host or container ids. */
	from: z.array(idSchema).min(1),
	/** The target host or container id (its address as seen from each source). */
	toHost: idSchema,
	ports: z.array(servicePortSchema),
});

/** Facts about the network that no single flow expresses. */
export const stateCheckSchema = z.discriminatedUnion('check', [
	/** The subnet exists and lies inside its VPC's block. */
	z.object({check: z.literal('subnet-in-vpc'), subnet: idSchema}),
	/** No two subnets (of this VPC, or of the whole network) overlap. */
	z.object({check: z.literal('no-overlap'), vpc: idSchema.optional()}),
	/** The subnet has no route to an internet gateway (and hosts in it have no public path in). */
	z.object({check: z.literal('subnet-private'), subnet: idSchema}),
	/** The subnet's route table sends 0.0.0.0/0 to an attached internet gateway. */
	z.object({check: z.literal('subnet-public'), subnet: idSchema}),
	/** The subnet (or, without `subnet`, every subnet) lies inside this block: an address plan, e.g. the company's 10.0.0.0/16. */
	z.object({check: z.literal('subnet-within'), cidr: cidrSchema, subnet: idSchema.optional()}),
	/** The subnet has room for at least this many hosts (after reserved addresses). */
	z.object({check: z.literal('subnet-size'), subnet: idSchema, hosts: z.number().int().min(1)}),
	/** The host has an interface in the subnet. */
	z.object({check: z.literal('host-in-subnet'), host: idSchema, subnet: idSchema}),
	/** The name resolves (from `from`, or in public DNS) to this address. */
	z.object({check: z.literal('resolves'), name: z.string().min(1), address: addressSchema, from: idSchema.optional()}),
]);

/** A state goal. */
export const stateGoalSchema = z.object({
	...goalBase,
	kind: z.literal('state'),
	state: stateCheckSchema,
});

/** Any goal. */
export const goalSchema = z.discriminatedUnion('kind', [reachGoalSchema, blockedGoalSchema, onlyGoalSchema, stateGoalSchema]);

export type ReachGoal = z.infer<typeof reachGoalSchema>;
export type BlockedGoal = z.infer<typeof blockedGoalSchema>;
export type OnlyGoal = z.infer<typeof onlyGoalSchema>;
export type StateCheck = z.infer<typeof stateCheckSchema>;
export type StateGoal = z.infer<typeof stateGoalSchema>;
export type ServicePort = z.infer<typeof servicePortSchema>;
/**
 * A run of ports of one protocol in a grade report: the single port `port`,
 * or every port from `port` to `to` inclusive when `to` is set — so that
 * "1024-65535 is open" is one entry, not 64,512.
 */
export type PortSpan = ServicePort & {readonly to?: number};
/** A goal with defaults filled. */
export type Goal = z.infer<typeof goalSchema>;
/** A goal as written in JSON. */
export type GoalInput = z.input<typeof goalSchema>;

/** The verdict on one goal. */
export type GoalResult = {
	readonly id: string;
	readonly kind: Goal['kind'];
	readonly description: string;
	readonly passed: boolean;
	/** The outcome code of the deciding trace (state goals: DELIVERED when true is not meaningful, so omitted). */
	readonly code?: OutcomeCode;
	/** One sentence: why it passed or failed. */
	readonly message: string;
	/** The trace that decided it (reach/blocked; for `only`, the first offending port's trace). */
	readonly trace?: Trace;
	/**
	 * For `only` goals: ports open that should not be (a packet gets through
	 * every filter to the target, even if nothing listens), and ports required
	 * but not delivered, as sorted runs (tcp before udp), at most 20 each.
	 */
	readonly extra?: readonly PortSpan[];
	readonly missing?: readonly PortSpan[];
};

/**
 * Ports open to the internet, per host: the least-privilege figure for stars.
 * A port is open when a packet from an internet host gets through every filter
 * to the target (delivered, refused, or bound to localhost): an open firewall
 * counts even where nothing listens yet.
 */
export type Exposure = {
	/** Total number of (host, protocol, port) open to any internet host. */
	readonly total: number;
	/** Host or container id → its reachable ports as sorted runs; only ids with something reachable. */
	readonly byHost: Readonly<Record<string, readonly PortSpan[]>>;
};

/** The grade of a network against a level's goals. */
export type GradeReport = {
	readonly solved: boolean;
	readonly goals: readonly GoalResult[];
	readonly exposure: Exposure;
};

import {z} from 'zod';
import {isAddress, readCidr} from './address.js';
import {parsePortRange} from './ports.js';

/**
 * The network model: one zod schema that is the source of the TypeScript
 * types, the runtime check of level files and the JSON Schema for editors.
 * Every entity has an `id`; ids are unique across the whole network, so a
 * route target, a security-group source or a goal can name any of them.
 * The shape is plain data (JSON in, JSON out): the engine never mutates it.
 */

/** The id that stands for the public internet in an interface's `subnet`. */
export const INTERNET = 'internet';

/** An IPv4 address, strict dotted-quad decimal. */
export const addressSchema = z
	.string()
	.refine(isAddress, {message: 'expected an IPv4 address like 203.0.113.10 (four decimal numbers 0–255)'});

/** A CIDR block with no host bits set, like 10.0.1.0/24. */
export const cidrSchema = z.string().superRefine((text, context) => {
	const result = readCidr(text);
	if (result.ok) return;
	context.addIssue({
		code: 'custom',
		message:
			result.reason === 'host-bits'
				? `'${text}' has host bits set; did you mean ${result.suggestion}?`
				: 'expected a CIDR block like 10.0.1.0/24',
	});
});

/** An id: letters, digits, '-', '_' and '.', starting with a letter or digit. */
export const idSchema = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, 'expected a name of letters, digits, "-", "_" or "." (at most 63)');

/** A transport protocol of a flow or an app. */
export const protocolSchema = z.enum(['tcp', 'udp']);
/** A protocol in a filter rule; `all` matches every protocol and port. */
export const ruleProtocolSchema = z.enum(['tcp', 'udp', 'all']);
/** A port number, 1–65535. */
export const portSchema = z.number().int().min(1).max(65535);
/** A port or an inclusive range as text: `"443"` or `"1024-65535"`. */
export const portRangeSchema = z
	.string()
	.refine((text) => parsePortRange(text) !== undefined, {message: 'expected a port like "443" or a range like "1024-65535"'});
/** allow or deny. */
export const actionSchema = z.enum(['allow', 'deny']);

/** A program listening for connections. */
export const appSchema = z.object({
	/** What it is, e.g. `website`, `mysql`, `payment`. */
	name: z.string().min(1),
	port: portSchema,
	protocol: protocolSchema.default('tcp'),
	/** Bind address: 0.0.0.0 (every interface), 127.0.0.1 (this host only) or one of the host's addresses. */
	bind: addressSchema.default('0.0.0.0'),
});

/**
 * What a firewall rule does with a packet it matches: `allow` (-j ACCEPT),
 * `deny` (-j DROP: the packet vanishes and the client times out) or `reject`
 * (-j REJECT: the sender is told at once; iptables-extensions(8) REJECT sends
 * icmp-port-unreachable by default, which a TCP client reports as "connection refused").
 */
export const firewallActionSchema = z.enum(['allow', 'deny', 'reject']);

/** One rule of a firewall chain (iptables-like). Omitted matchers match everything. */
export const firewallRuleSchema = z.object({
	action: firewallActionSchema,
	protocol: ruleProtocolSchema.default('all'),
	/** Destination port or range; only with tcp/udp. Omitted: every port. */
	ports: portRangeSchema.optional(),
	/** Source block. Omitted: 0.0.0.0/0. */
	source: cidrSchema.optional(),
	/** Destination block. Omitted: 0.0.0.0/0. */
	destination: cidrSchema.optional(),
	/**
	 * `established`: matches only packets of a connection the host's connection
	 * tracking already knows (`-m conntrack --ctstate ESTABLISHED,RELATED`) —
	 * the replies to connections that passed this host. Omitted: any packet.
	 */
	state: z.literal('established').optional(),
	/** `lo`: matches only packets over the loopback interface (`-i lo` on input, `-o lo` on output). Omitted: any interface. */
	interface: z.literal('lo').optional(),
});

/**
 * An ordered chain: the first matching rule decides, else the policy. Like
 * iptables, a chain is stateless: a reply is a packet like any other, and
 * passes only if a rule (usually `allow established`) or the policy lets it.
 * A built-in chain's policy is ACCEPT or DROP only (iptables(8) -P): a
 * rejecting chain ends with a `reject` rule.
 */
export const chainSchema = z.object({
	policy: actionSchema.default('allow'),
	rules: z.array(firewallRuleSchema).default([]),
});

/**
 * A firewall on a host. `input` and `output` are the host firewall
 * (packets to and from the host itself); `forward` filters packets a router
 * passes between subnets — that is a network firewall. A missing chain allows all.
 */
export const firewallSchema = z.object({
	input: chainSchema.optional(),
	output: chainSchema.optional(),
	forward: chainSchema.optional(),
});

/** A host's attachment to a subnet (or to the internet, `subnet: "internet"`). */
export const interfaceSchema = z.object({
	subnet: idSchema,
	ip: addressSchema,
});

/** Destination NAT on a NAT device or router: a port on its outside address forwarded inside. */
export const portForwardSchema = z.object({
	protocol: protocolSchema.default('tcp'),
	port: portSchema,
	toIp: addressSchema,
	toPort: portSchema,
});

/**
 * What kind of machine a host is. `router` forwards between its interfaces;
 * `nat` is a router that also rewrites addresses (source NAT out of its
 * `nat.outside` interface). The others are end hosts.
 */
export const hostKindSchema = z.enum(['server', 'client', 'instance', 'router', 'nat']);

/** A machine: a server, a client on the internet, a cloud instance, a router or a NAT device. */
export const hostSchema = z.object({
	id: idSchema,
	kind: hostKindSchema.default('server'),
	/** Words for the player, e.g. "customer's laptop". */
	label: z.string().optional(),
	/**
	 * Outside the player's control: a customer's laptop, the payment provider, an attacker, a machine on the
	 * internet. Commands that would configure it (or its containers) are refused, and no goal is met by its filters.
	 */
	external: z.boolean().optional(),
	/** Attachments; the first is the host's primary address. Empty: not placed yet. */
	interfaces: z.array(interfaceSchema).default([]),
	/** Cloud: the public or elastic IP that the internet gateway maps to the primary private address. */
	publicIp: addressSchema.optional(),
	apps: z.array(appSchema).default([]),
	firewall: firewallSchema.optional(),
	/** Security group ids (cloud instances). */
	securityGroups: z.array(idSchema).default([]),
	/** Routers and NAT devices: their own route table id (connected subnets are always known). */
	routeTable: idSchema.optional(),
	/** NAT devices: the outside interface's subnet (usually `internet`) and port forwards. */
	nat: z
		.object({
			outside: idSchema,
			portForwards: z.array(portForwardSchema).default([]),
		})
		.optional(),
});

/** A route: traffic for `destination` goes to `target`. */
export const routeSchema = z.object({
	destination: cidrSchema,
	/**
	 * `local`, `blackhole`, or the id of a router/NAT host, an internet
	 * gateway or a NAT gateway; a router's interface address works too
	 * (`via 10.0.1.1`).
	 */
	target: z.string().min(1),
});

/** A route table. In a VPC it always holds the local route for the VPC block (implicit). */
export const routeTableSchema = z.object({
	id: idSchema,
	vpc: idSchema.optional(),
	routes: z.array(routeSchema).default([]),
});

/** A subnet: a block of addresses, its route table and (in a VPC) its network ACL. */
export const subnetSchema = z.object({
	id: idSchema,
	cidr: cidrSchema,
	/** The VPC it belongs to; cloud subnets reserve their first four and last address. */
	vpc: idSchema.optional(),
	/** Route table id; omitted: only the local/connected route. */
	routeTable: idSchema.optional(),
	/** Network ACL id; omitted: the default ACL, which allows everything. */
	networkAcl: idSchema.optional(),
	label: z.string().optional(),
});

/** A virtual private cloud: a private address block. */
export const vpcSchema = z.object({
	id: idSchema,
	cidr: cidrSchema,
});

/** An internet gateway, attached to at most one VPC. */
export const internetGatewaySchema = z.object({
	id: idSchema,
	vpc: idSchema.optional(),
});

/** A managed NAT gateway: lives in a subnet, has a private and an elastic public IP. */
export const natGatewaySchema = z.object({
	id: idSchema,
	subnet: idSchema,
	privateIp: addressSchema,
	publicIp: addressSchema,
});

/** Ports and protocol of a security-group or ACL rule. */
const portMatch = {
	protocol: ruleProtocolSchema.default('tcp'),
	/** Port or range; omitted: every port (required to be omitted for `all`). */
	ports: portRangeSchema.optional(),
};

/** Allow rule of a security group, inbound: from a CIDR block or from members of a group. */
export const sgInboundRuleSchema = z.object({
	...portMatch,
	/** A CIDR block or a security group id. */
	source: z.string().min(1),
	description: z.string().optional(),
});

/** Allow rule of a security group, outbound: to a CIDR block or to members of a group. */
export const sgOutboundRuleSchema = z.object({
	...portMatch,
	/** A CIDR block or a security group id. */
	destination: z.string().min(1),
	description: z.string().optional(),
});

/** A security group: stateful, allow-only. Outbound allows everything unless rules are given. */
export const securityGroupSchema = z.object({
	id: idSchema,
	vpc: idSchema.optional(),
	description: z.string().optional(),
	inbound: z.array(sgInboundRuleSchema).default([]),
	outbound: z.array(sgOutboundRuleSchema).default([{protocol: 'all', destination: '0.0.0.0/0'}]),
});

/** A numbered network ACL rule; lower numbers are evaluated first. */
export const naclRuleSchema = z.object({
	rule: z.number().int().min(1).max(32766),
	action: actionSchema,
	...portMatch,
	cidr: cidrSchema,
});

/** A network ACL: stateless, per subnet, numbered rules then a final deny. */
export const networkAclSchema = z.object({
	id: idSchema,
	vpc: idSchema.optional(),
	inbound: z.array(naclRuleSchema).default([]),
	outbound: z.array(naclRuleSchema).default([]),
});

/** A DNS record in the public zone. Names are case-insensitive; a trailing dot is ignored. */
export const dnsRecordSchema = z.object({
	name: z.string().min(1),
	type: z.enum(['A', 'CNAME']),
	/** An address for A, a name for CNAME. */
	value: z.string().min(1),
});

/**
 * A Docker network on a host. `default: true` is Docker's default `bridge`
 * network, where containers cannot find each other by name; user-defined
 * bridge networks have an embedded DNS server that resolves container names.
 */
export const containerNetworkSchema = z.object({
	id: idSchema,
	/** The Docker host (a host id). */
	host: idSchema,
	cidr: cidrSchema,
	default: z.boolean().default(false),
});

/** `docker run -p [hostIp:]hostPort:containerPort[/protocol]`. */
export const publishSchema = z.object({
	hostPort: portSchema,
	containerPort: portSchema,
	protocol: protocolSchema.default('tcp'),
	/** 0.0.0.0 (everyone) or 127.0.0.1 (only the Docker host itself). */
	hostIp: addressSchema.default('0.0.0.0'),
});

/** A container on a Docker host. */
export const containerSchema = z.object({
	id: idSchema,
	host: idSchema,
	/** Image name, for the player's eyes (`mysql:8`). */
	image: z.string().optional(),
	networks: z.array(z.object({network: idSchema, ip: addressSchema})).default([]),
	apps: z.array(appSchema).default([]),
	publish: z.array(publishSchema).default([]),
});

/** A whole network: everything a level starts with and a player changes. */
export const networkSchema = z.object({
	hosts: z.array(hostSchema).default([]),
	subnets: z.array(subnetSchema).default([]),
	routeTables: z.array(routeTableSchema).default([]),
	vpcs: z.array(vpcSchema).default([]),
	internetGateways: z.array(internetGatewaySchema).default([]),
	natGateways: z.array(natGatewaySchema).default([]),
	securityGroups: z.array(securityGroupSchema).default([]),
	networkAcls: z.array(networkAclSchema).default([]),
	dns: z.array(dnsRecordSchema).default([]),
	containerNetworks: z.array(containerNetworkSchema).default([]),
	containers: z.array(containerSchema).default([]),
});

export type Protocol = z.infer<typeof protocolSchema>;
export type RuleProtocol = z.infer<typeof ruleProtocolSchema>;
export type Action = z.infer<typeof actionSchema>;
export type FirewallAction = z.infer<typeof firewallActionSchema>;
export type App = z.infer<typeof appSchema>;
export type FirewallRule = z.infer<typeof firewallRuleSchema>;
export type Chain = z.infer<typeof chainSchema>;
export type Firewall = z.infer<typeof firewallSchema>;
export type Interface = z.infer<typeof interfaceSchema>;
export type PortForward = z.infer<typeof portForwardSchema>;
export type HostKind = z.infer<typeof hostKindSchema>;
export type Host = z.infer<typeof hostSchema>;
export type Route = z.infer<typeof routeSchema>;
export type RouteTable = z.infer<typeof routeTableSchema>;
export type Subnet = z.infer<typeof subnetSchema>;
export type Vpc = z.infer<typeof vpcSchema>;
export type InternetGateway = z.infer<typeof internetGatewaySchema>;
export type NatGateway = z.infer<typeof natGatewaySchema>;
export type SgInboundRule = z.infer<typeof sgInboundRuleSchema>;
export type SgOutboundRule = z.infer<typeof sgOutboundRuleSchema>;
export type SecurityGroup = z.infer<typeof securityGroupSchema>;
export type NaclRule = z.infer<typeof naclRuleSchema>;
export type NetworkAcl = z.infer<typeof networkAclSchema>;
export type DnsRecord = z.infer<typeof dnsRecordSchema>;
export type ContainerNetwork = z.infer<typeof containerNetworkSchema>;
export type Publish = z.infer<typeof publishSchema>;
export type Container = z.infer<typeof containerSchema>;
/** A whole network, with every default filled in. */
export type Network = z.infer<typeof networkSchema>;
/** A network as written in JSON: defaults may be omitted. */
export type NetworkInput = z.input<typeof networkSchema>;

/** Reads a network from JSON-shaped data, filling defaults; throws on bad shape (use in tests and fixtures). */
export function network(input: NetworkInput): Network {
	return networkSchema.parse(input);
}

/** A network with nothing in it. */
export function emptyNetwork(): Network {
	return networkSchema.parse({});
}

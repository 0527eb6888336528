import {parseAddress, parseCidr, type Cidr} from './address.js';
import {
	INTERNET,
	type Container,
	type ContainerNetwork,
	type Host,
	type InternetGateway,
	type NaclRule,
	type NatGateway,
	type Network,
	type NetworkAcl,
	type RouteTable,
	type SecurityGroup,
	type Subnet,
	type Vpc,
} from './network.js';

/**
 * The index of a network that the packet walker needs: entities by id and
 * "who owns this address" maps, built once per network object and cached
 * (networks are immutable values, so a WeakMap keyed on the object is safe).
 */

/** Who answers for a private address inside a subnet or VPC. */
export type AddressOwner =
	| {readonly kind: 'host'; readonly host: Host; readonly subnet: string}
	| {readonly kind: 'nat-gateway'; readonly natGateway: NatGateway; readonly subnet: string};

/** Who answers for a public address on the internet. */
export type PublicOwner =
	/** A host with an interface on the internet (a client, a server with a public IP, a NAT device's outside). */
	| {readonly kind: 'internet-host'; readonly host: Host}
	/** A cloud instance's public or elastic IP, mapped by its VPC's internet gateway. */
	| {readonly kind: 'public-ip'; readonly host: Host}
	/** A NAT gateway's elastic IP. */
	| {readonly kind: 'nat-gateway'; readonly natGateway: NatGateway};

/** A NACL rule with its position in the ACL's list (rules are kept sorted by number). */
export type IndexedNaclRule = {readonly rule: NaclRule; readonly index: number};

/** The index of one network. Build it with `topologyOf`. */
export type Topology = {
	readonly network: Network;
	readonly hosts: ReadonlyMap<string, Host>;
	readonly containers: ReadonlyMap<string, Container>;
	readonly containerNetworks: ReadonlyMap<string, ContainerNetwork>;
	readonly subnets: ReadonlyMap<string, Subnet>;
	readonly routeTables: ReadonlyMap<string, RouteTable>;
	readonly vpcs: ReadonlyMap<string, Vpc>;
	readonly internetGateways: ReadonlyMap<string, InternetGateway>;
	readonly natGateways: ReadonlyMap<string, NatGateway>;
	readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
	readonly networkAcls: ReadonlyMap<string, NetworkAcl>;
	/** Parsed blocks of subnets, VPCs and container networks, by id. */
	readonly blocks: ReadonlyMap<string, Cidr>;
	/** Interface addresses of each host. */
	readonly hostAddresses: ReadonlyMap<string, ReadonlySet<number>>;
	/** Subnet id → address → owner (host interfaces and NAT gateways' private IPs). */
	readonly subnetOwners: ReadonlyMap<string, ReadonlyMap<number, AddressOwner>>;
	/** VPC id → address → owner, over every subnet of the VPC. */
	readonly vpcOwners: ReadonlyMap<string, ReadonlyMap<number, AddressOwner>>;
	/** Public address → who answers for it on the internet. */
	readonly publicOwners: ReadonlyMap<number, PublicOwner>;
	/** Container network id → address → container. */
	readonly bridgeOwners: ReadonlyMap<string, ReadonlyMap<number, Container>>;
	/** Docker host id → its container networks, in network order. */
	readonly bridgesOfHost: ReadonlyMap<string, readonly ContainerNetwork[]>;
	/** Docker host id → its containers, in network order. */
	readonly containersOfHost: ReadonlyMap<string, readonly Container[]>;
	/** VPC id → the first internet gateway attached to it. */
	readonly gatewayOfVpc: ReadonlyMap<string, InternetGateway>;
	/** Security group id → ids of the hosts that are members. */
	readonly groupMembers: ReadonlyMap<string, ReadonlySet<string>>;
	/** NACL id → its rules sorted by rule number (ties: list order). */
	readonly naclRules: ReadonlyMap<string, {readonly inbound: readonly IndexedNaclRule[]; readonly outbound: readonly IndexedNaclRule[]}>;
	/** Normalised DNS name → indices of its records in `network.dns`. */
	readonly dnsNames: ReadonlyMap<string, readonly number[]>;
};

const cache = new WeakMap<Network, Topology>();

/** The index of `network`, built on first use and cached for the life of the network object. */
export function topologyOf(network: Network): Topology {
	const cached = cache.get(network);
	if (cached !== undefined) return cached;
	const built = buildTopology(network);
	cache.set(network, built);
	return built;
}

/** Lower-cases a DNS name and drops one trailing dot: `WWW.Example.com.` → `www.example.com`. */
export function normalizeName(name: string): string {
	const lower = name.trim().toLowerCase();
	return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function byId<T extends {id: string}>(items: readonly T[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
	return map;
}

function nested<K, V>(outer: Map<string, Map<K, V>>, key: string): Map<K, V> {
	let inner = outer.get(key);
	if (inner === undefined) {
		inner = new Map();
		outer.set(key, inner);
	}
	return inner;
}

function setFirst<K, V>(map: Map<K, V>, key: K, value: V): void {
	if (!map.has(key)) map.set(key, value);
}

function sortRules(rules: readonly NaclRule[]): IndexedNaclRule[] {
	return rules.map((rule, index) => ({rule, index})).sort((a, b) => a.rule.rule - b.rule.rule || a.index - b.index);
}

function buildTopology(network: Network): Topology {
	const subnets = byId(network.subnets);
	const vpcs = byId(network.vpcs);
	const containerNetworks = byId(network.containerNetworks);
	const blocks = new Map<string, Cidr>();
	for (const item of [...network.subnets, ...network.vpcs, ...network.containerNetworks]) {
		const block = parseCidr(item.cidr);
		if (block !== undefined) setFirst(blocks, item.id, block);
	}

	const hostAddresses = new Map<string, Set<number>>();
	const subnetOwners = new Map<string, Map<number, AddressOwner>>();
	const vpcOwners = new Map<string, Map<number, AddressOwner>>();
	const publicOwners = new Map<number, PublicOwner>();
	const addOwner = (subnetId: string, address: number, owner: AddressOwner): void => {
		setFirst(nested(subnetOwners, subnetId), address, owner);
		const vpc = subnets.get(subnetId)?.vpc;
		if (vpc !== undefined) setFirst(nested(vpcOwners, vpc), address, owner);
	};
	const groupMembers = new Map<string, Set<string>>();
	for (const host of network.hosts) {
		const own = hostAddresses.get(host.id) ?? new Set<number>();
		hostAddresses.set(host.id, own);
		for (const iface of host.interfaces) {
			const address = parseAddress(iface.ip);
			if (address === undefined) continue;
			own.add(address);
			if (iface.subnet === INTERNET) setFirst(publicOwners, address, {kind: 'internet-host', host});
			else addOwner(iface.subnet, address, {kind: 'host', host, subnet: iface.subnet});
		}
		const publicIp = host.publicIp === undefined ? undefined : parseAddress(host.publicIp);
		if (publicIp !== undefined) setFirst(publicOwners, publicIp, {kind: 'public-ip', host});
		for (const group of host.securityGroups) {
			const members = groupMembers.get(group) ?? new Set<string>();
			members.add(host.id);
			groupMembers.set(group, members);
		}
	}
	for (const natGateway of network.natGateways) {
		const privateIp = parseAddress(natGateway.privateIp);
		if (privateIp !== undefined) addOwner(natGateway.subnet, privateIp, {kind: 'nat-gateway', natGateway, subnet: natGateway.subnet});
		const publicIp = parseAddress(natGateway.publicIp);
		if (publicIp !== undefined) setFirst(publicOwners, publicIp, {kind: 'nat-gateway', natGateway});
	}

	const bridgeOwners = new Map<string, Map<number, Container>>();
	const bridgesOfHost = new Map<string, ContainerNetwork[]>();
	const containersOfHost = new Map<string, Container[]>();
	for (const bridge of network.containerNetworks) {
		if (containerNetworks.get(bridge.id) !== bridge) continue;
		const list = bridgesOfHost.get(bridge.host) ?? [];
		list.push(bridge);
		bridgesOfHost.set(bridge.host, list);
	}
	for (const container of network.containers) {
		const list = containersOfHost.get(container.host) ?? [];
		list.push(container);
		containersOfHost.set(container.host, list);
		for (const membership of container.networks) {
			const address = parseAddress(membership.ip);
			if (address !== undefined) setFirst(nested(bridgeOwners, membership.network), address, container);
		}
	}

	const gatewayOfVpc = new Map<string, InternetGateway>();
	for (const gateway of network.internetGateways) if (gateway.vpc !== undefined) setFirst(gatewayOfVpc, gateway.vpc, gateway);

	const naclRules = new Map<string, {inbound: IndexedNaclRule[]; outbound: IndexedNaclRule[]}>();
	for (const acl of network.networkAcls) {
		setFirst(naclRules, acl.id, {inbound: sortRules(acl.inbound), outbound: sortRules(acl.outbound)});
	}

	const dnsNames = new Map<string, number[]>();
	network.dns.forEach((record, index) => {
		const name = normalizeName(record.name);
		const list = dnsNames.get(name) ?? [];
		list.push(index);
		dnsNames.set(name, list);
	});

	return {
		network,
		hosts: byId(network.hosts),
		containers: byId(network.containers),
		containerNetworks,
		subnets,
		routeTables: byId(network.routeTables),
		vpcs,
		internetGateways: byId(network.internetGateways),
		natGateways: byId(network.natGateways),
		securityGroups: byId(network.securityGroups),
		networkAcls: byId(network.networkAcls),
		blocks,
		hostAddresses,
		subnetOwners,
		vpcOwners,
		publicOwners,
		bridgeOwners,
		bridgesOfHost,
		containersOfHost,
		gatewayOfVpc,
		groupMembers,
		naclRules,
		dnsNames,
	};
}

/** The first interface's subnet of a host (its primary subnet), if it has one. */
export function primarySubnetOf(host: Host): string | undefined {
	return host.interfaces[0]?.subnet;
}

/** The VPC a subnet belongs to, if any. */
export function vpcOfSubnet(topology: Topology, subnetId: string | undefined): string | undefined {
	return subnetId === undefined ? undefined : topology.subnets.get(subnetId)?.vpc;
}

import type {App, Chain, Container, Host, NaclRule, Network, Protocol, RuleProtocol} from './network.js';
import {ALL_PORTS, rangeOf, type PortRange} from './ports.js';

/**
 * Partitions the port space at every boundary where a component's behaviour
 * can change, so that one traced port stands for a whole segment exactly.
 * A cut `c` means "a new segment starts at port c"; a rule on 1000-2000 cuts
 * at 1000 and 2001. Components are firewall chains, security-group and
 * network-ACL rules, apps, port forwards and Docker publish mappings.
 */

/** Sorted, unique cut points (2–65535) per protocol. */
export type PortCuts = {readonly tcp: readonly number[]; readonly udp: readonly number[]};

type MutableCuts = {readonly tcp: Set<number>; readonly udp: Set<number>};

type ComponentIndex = {
	readonly hosts: ReadonlyMap<string, Host>;
	readonly containers: ReadonlyMap<string, Container>;
	readonly containersByHost: ReadonlyMap<string, readonly Container[]>;
	/** Subnet id and NAT gateway id → the network ACL that guards its subnet. */
	readonly aclOf: ReadonlyMap<string, string>;
	readonly aclRules: ReadonlyMap<string, readonly NaclRule[]>;
	readonly groups: ReadonlyMap<string, Network['securityGroups'][number]>;
};

const indexes = new WeakMap<Network, ComponentIndex>();

function indexOf(network: Network): ComponentIndex {
	const cached = indexes.get(network);
	if (cached !== undefined) return cached;
	const containersByHost = new Map<string, Container[]>();
	for (const container of network.containers) {
		const list = containersByHost.get(container.host) ?? [];
		list.push(container);
		containersByHost.set(container.host, list);
	}
	const aclOf = new Map<string, string>();
	for (const subnet of network.subnets) if (subnet.networkAcl !== undefined) aclOf.set(subnet.id, subnet.networkAcl);
	for (const gateway of network.natGateways) {
		const acl = aclOf.get(gateway.subnet);
		if (acl !== undefined) aclOf.set(gateway.id, acl);
	}
	const index: ComponentIndex = {
		hosts: new Map(network.hosts.map((host) => [host.id, host])),
		containers: new Map(network.containers.map((container) => [container.id, container])),
		containersByHost,
		aclOf,
		aclRules: new Map(network.networkAcls.map((acl) => [acl.id, [...acl.inbound, ...acl.outbound]])),
		groups: new Map(network.securityGroups.map((group) => [group.id, group])),
	};
	indexes.set(network, index);
	return index;
}

function addRange(cuts: MutableCuts, protocol: RuleProtocol, range: PortRange): void {
	const protocols: readonly Protocol[] = protocol === 'all' ? ['tcp', 'udp'] : [protocol];
	for (const name of protocols) {
		if (range.from > ALL_PORTS.from) cuts[name].add(range.from);
		if (range.to < ALL_PORTS.to) cuts[name].add(range.to + 1);
	}
}

function addRule(cuts: MutableCuts, rule: {readonly protocol: RuleProtocol; readonly ports?: string | undefined}): void {
	if (rule.ports !== undefined) addRange(cuts, rule.protocol, rangeOf(rule.ports));
}

function addApps(cuts: MutableCuts, apps: readonly App[]): void {
	for (const app of apps) addRange(cuts, app.protocol, {from: app.port, to: app.port});
}

function addChain(cuts: MutableCuts, chain: Chain | undefined): void {
	for (const rule of chain?.rules ?? []) addRule(cuts, rule);
}

function addContainer(cuts: MutableCuts, container: Container): void {
	addApps(cuts, container.apps);
	for (const mapping of container.publish) {
		addRange(cuts, mapping.protocol, {from: mapping.hostPort, to: mapping.hostPort});
		addRange(cuts, mapping.protocol, {from: mapping.containerPort, to: mapping.containerPort});
	}
}

function addAcl(cuts: MutableCuts, index: ComponentIndex, aclId: string | undefined): void {
	if (aclId === undefined) return;
	for (const rule of index.aclRules.get(aclId) ?? []) addRule(cuts, rule);
}

function addGroup(cuts: MutableCuts, index: ComponentIndex, groupId: string): void {
	const group = index.groups.get(groupId);
	if (group === undefined) return;
	for (const rule of group.inbound) addRule(cuts, rule);
	for (const rule of group.outbound) addRule(cuts, rule);
}

function addHost(cuts: MutableCuts, index: ComponentIndex, host: Host): void {
	addChain(cuts, host.firewall?.input);
	addChain(cuts, host.firewall?.output);
	addChain(cuts, host.firewall?.forward);
	addApps(cuts, host.apps);
	for (const groupId of host.securityGroups) addGroup(cuts, index, groupId);
	for (const attachment of host.interfaces) addAcl(cuts, index, index.aclOf.get(attachment.subnet));
	for (const forward of host.nat?.portForwards ?? []) {
		addRange(cuts, forward.protocol, {from: forward.port, to: forward.port});
		addRange(cuts, forward.protocol, {from: forward.toPort, to: forward.toPort});
	}
	for (const container of index.containersByHost.get(host.id) ?? []) addContainer(cuts, container);
}

/** Adds the cuts of one component, named by id (host, container, NAT gateway, subnet, group or ACL). */
function addNode(cuts: MutableCuts, index: ComponentIndex, id: string): void {
	const host = index.hosts.get(id);
	if (host !== undefined) addHost(cuts, index, host);
	const container = index.containers.get(id);
	if (container !== undefined) {
		addContainer(cuts, container);
		const dockerHost = index.hosts.get(container.host);
		if (dockerHost !== undefined) addHost(cuts, index, dockerHost);
	}
	addAcl(cuts, index, index.aclOf.get(id));
	if (index.aclRules.has(id)) addAcl(cuts, index, id);
	addGroup(cuts, index, id);
}

function freeze(cuts: MutableCuts): PortCuts {
	return {tcp: [...cuts.tcp].sort((a, b) => a - b), udp: [...cuts.udp].sort((a, b) => a - b)};
}

/**
 * The cuts of the components a packet meets at these nodes: for a host its
 * firewall chains, apps, security groups, its subnets' network ACLs, port
 * forwards and the containers it runs; for a container also its Docker host;
 * for a NAT gateway or subnet its network ACL; a group or ACL id its rules.
 * Unknown ids add nothing.
 */
export function cutsOfNodes(network: Network, ids: Iterable<string>): PortCuts {
	const index = indexOf(network);
	const cuts: MutableCuts = {tcp: new Set(), udp: new Set()};
	for (const id of ids) addNode(cuts, index, id);
	return freeze(cuts);
}

/** The cuts of every component of the network: always enough, and the slowest choice. */
export function cutsOfNetwork(network: Network): PortCuts {
	const index = indexOf(network);
	const cuts: MutableCuts = {tcp: new Set(), udp: new Set()};
	for (const host of network.hosts) addHost(cuts, index, host);
	for (const container of network.containers) addContainer(cuts, container);
	for (const acl of network.networkAcls) addAcl(cuts, index, acl.id);
	for (const group of network.securityGroups) addGroup(cuts, index, group.id);
	return freeze(cuts);
}

/** Index of the first cut greater than `port` in a sorted cut list. */
function firstCutAfter(cuts: readonly number[], port: number): number {
	let low = 0;
	let high = cuts.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (cuts[middle]! <= port) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Splits `range` at the cuts that fall inside it; one piece when none does. */
export function splitRange(range: PortRange, cuts: readonly number[]): PortRange[] {
	const pieces: PortRange[] = [];
	let from = range.from;
	for (let index = firstCutAfter(cuts, range.from); index < cuts.length; index++) {
		const cut = cuts[index]!;
		if (cut > range.to) break;
		pieces.push({from, to: cut - 1});
		from = cut;
	}
	pieces.push({from, to: range.to});
	return pieces;
}

/** The segments of the whole port space 1–65535 for sorted cuts. */
export function segmentsOf(cuts: readonly number[]): PortRange[] {
	return splitRange(ALL_PORTS, cuts);
}

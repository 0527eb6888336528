import {INTERNET, type Network} from '../engine/network.js';

/**
 * The kinds of things a command can name, and how to list them in a
 * network. Ids are unique across the whole network, so one id names at most
 * one thing.
 */

/** A kind of entity a parameter refers to. */
export type EntityKind =
	| 'host'
	| 'router'
	| 'subnet'
	| 'attachable-subnet'
	| 'route-table'
	| 'table-owner'
	| 'vpc'
	| 'igw'
	| 'natgw'
	| 'sg'
	| 'nacl'
	| 'container'
	| 'container-network'
	| 'endpoint';

type KindInfo = {readonly label: string; readonly plural: string; readonly list: (network: Network) => string[]};

const ids = <T extends {id: string}>(items: readonly T[]) => items.map((item) => item.id);

const KINDS: Readonly<Record<EntityKind, KindInfo>> = {
	host: {label: 'host', plural: 'hosts', list: (network) => ids(network.hosts)},
	router: {
		label: 'router or NAT device',
		plural: 'routers and NAT devices',
		list: (network) => ids(network.hosts.filter((host) => host.kind === 'router' || host.kind === 'nat')),
	},
	subnet: {label: 'subnet', plural: 'subnets', list: (network) => ids(network.subnets)},
	'attachable-subnet': {label: 'subnet', plural: 'subnets', list: (network) => [...ids(network.subnets), INTERNET]},
	'route-table': {label: 'route table', plural: 'route tables', list: (network) => ids(network.routeTables)},
	'table-owner': {
		label: 'subnet or router',
		plural: 'subnets and routers',
		list: (network) => [...ids(network.subnets), ...KINDS.router.list(network)],
	},
	vpc: {label: 'VPC', plural: 'VPCs', list: (network) => ids(network.vpcs)},
	igw: {label: 'internet gateway', plural: 'internet gateways', list: (network) => ids(network.internetGateways)},
	natgw: {label: 'NAT gateway', plural: 'NAT gateways', list: (network) => ids(network.natGateways)},
	sg: {label: 'security group', plural: 'security groups', list: (network) => ids(network.securityGroups)},
	nacl: {label: 'network ACL', plural: 'network ACLs', list: (network) => ids(network.networkAcls)},
	container: {label: 'container', plural: 'containers', list: (network) => ids(network.containers)},
	'container-network': {label: 'container network', plural: 'container networks', list: (network) => ids(network.containerNetworks)},
	endpoint: {label: 'host or container', plural: 'hosts and containers', list: (network) => [...ids(network.hosts), ...ids(network.containers)]},
};

/** The words a player reads for a kind: "route table", "security group". */
export function kindLabel(kind: EntityKind): string {
	return KINDS[kind].label;
}

/** The plural for lists: "route tables", "hosts and containers". */
export function kindPlural(kind: EntityKind): string {
	return KINDS[kind].plural;
}

/** The ids of every entity of a kind, in network order. */
export function idsOf(network: Network, kind: EntityKind): string[] {
	return KINDS[kind].list(network);
}

/** What an id names anywhere in the network ("host", "subnet"…), or undefined when nothing has it. */
export function whatIs(network: Network, id: string): string | undefined {
	const lists: readonly [string, readonly {id: string}[]][] = [
		['host', network.hosts],
		['subnet', network.subnets],
		['route table', network.routeTables],
		['VPC', network.vpcs],
		['internet gateway', network.internetGateways],
		['NAT gateway', network.natGateways],
		['security group', network.securityGroups],
		['network ACL', network.networkAcls],
		['container network', network.containerNetworks],
		['container', network.containers],
	];
	for (const [label, items] of lists) if (items.some((item) => item.id === id)) return label;
	return undefined;
}

/** Every id in the network. */
export function allIds(network: Network): string[] {
	return [
		...ids(network.hosts),
		...ids(network.subnets),
		...ids(network.routeTables),
		...ids(network.vpcs),
		...ids(network.internetGateways),
		...ids(network.natGateways),
		...ids(network.securityGroups),
		...ids(network.networkAcls),
		...ids(network.containerNetworks),
		...ids(network.containers),
	];
}

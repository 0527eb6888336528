import {cidrContains, parseAddress, parseCidr} from './address.js';
import type {Decider} from './flow.js';
import {INTERNET, type ContainerNetwork, type Host, type NatGateway, type Route} from './network.js';
import {PrefixTable} from './prefix-table.js';
import {primarySubnetOf, vpcOfSubnet, type Topology} from './topology.js';

/**
 * Route choice at one node: connected subnets (and a Docker host's bridges)
 * first, then the node's route table, longest prefix winning; on a tie the
 * connected route wins, then the route listed first. A VPC table always
 * holds the VPC's local route, which a route with the same destination
 * cannot replace (a more specific one does win, as in AWS).
 */

/** One attachment of a node: the subnet (or `internet`) and its address there. */
export type Attachment = {readonly subnet: string; readonly ip: number};

/** What a node routes with. */
export type RoutingContext = {
	/** The node's id (a host or a NAT gateway). */
	readonly node: string;
	/** Its attachments, primary first. */
	readonly attachments: readonly Attachment[];
	/** A Docker host's container networks: directly connected bridges. */
	readonly bridges: readonly ContainerNetwork[];
	/** The route table it uses, if any. */
	readonly table?: string;
	/** The VPC whose local route the table implicitly holds. */
	readonly localVpc?: string;
	/** The subnet the node sends from when a route names a gateway (its primary subnet). */
	readonly subnet?: string;
	/** The VPC the node lives in (for gateway targets). */
	readonly vpc?: string;
};

/** The route a node picked for a destination. */
export type RouteChoice =
	| {readonly kind: 'connected'; readonly subnet: string; readonly prefix: number}
	| {readonly kind: 'bridge'; readonly network: ContainerNetwork; readonly prefix: number}
	| {readonly kind: 'vpc-local'; readonly vpc: string; readonly table?: string; readonly prefix: number}
	| {readonly kind: 'route'; readonly table: string; readonly index: number; readonly route: Route; readonly prefix: number};

type TableEntry = {readonly kind: 'local'; readonly vpc: string} | {readonly kind: 'route'; readonly index: number; readonly route: Route};

const tableCache = new WeakMap<Topology, Map<string, PrefixTable<TableEntry>>>();

/** The longest-prefix-match table of a route table plus (in a VPC) its implicit local route; cached per topology. */
function lookupTable(topology: Topology, tableId: string | undefined, vpcId: string | undefined): PrefixTable<TableEntry> {
	let tables = tableCache.get(topology);
	if (tables === undefined) {
		tables = new Map();
		tableCache.set(topology, tables);
	}
	const key = `${tableId ?? ''}\u0000${vpcId ?? ''}`;
	const cached = tables.get(key);
	if (cached !== undefined) return cached;
	const table = new PrefixTable<TableEntry>();
	const vpcBlock = vpcId === undefined ? undefined : topology.blocks.get(vpcId);
	if (vpcId !== undefined && vpcBlock !== undefined && topology.vpcs.has(vpcId)) table.add(vpcBlock.base, vpcBlock.prefix, {kind: 'local', vpc: vpcId});
	const routes = tableId === undefined ? [] : (topology.routeTables.get(tableId)?.routes ?? []);
	routes.forEach((route, index) => {
		const block = parseCidr(route.destination);
		if (block !== undefined) table.add(block.base, block.prefix, {kind: 'route', index, route});
	});
	tables.set(key, table);
	return table;
}

const contextCache = new WeakMap<Topology, Map<string, RoutingContext>>();

function cachedContext(topology: Topology, id: string, build: () => RoutingContext): RoutingContext {
	let contexts = contextCache.get(topology);
	if (contexts === undefined) {
		contexts = new Map();
		contextCache.set(topology, contexts);
	}
	const cached = contexts.get(id);
	if (cached !== undefined) return cached;
	const context = build();
	contexts.set(id, context);
	return context;
}

/**
 * How a host routes. End hosts use their primary subnet's route table.
 * Routers and NAT devices use their own `routeTable`; one without its own
 * table that sits in a VPC subnet (a NAT instance) uses that subnet's table,
 * as the VPC router would.
 */
export function hostRouting(topology: Topology, host: Host): RoutingContext {
	return cachedContext(topology, host.id, () => {
		const attachments: Attachment[] = [];
		for (const iface of host.interfaces) {
			const ip = parseAddress(iface.ip);
			if (ip !== undefined) attachments.push({subnet: iface.subnet, ip});
		}
		const subnet = primarySubnetOf(host);
		const vpc = vpcOfSubnet(topology, subnet);
		const bridges = topology.bridgesOfHost.get(host.id) ?? [];
		const subnetTable = subnet === undefined ? undefined : topology.subnets.get(subnet)?.routeTable;
		const forwarder = host.kind === 'router' || host.kind === 'nat';
		if (forwarder && host.routeTable !== undefined) return {node: host.id, attachments, bridges, table: host.routeTable, subnet, vpc};
		if (forwarder && vpc === undefined) return {node: host.id, attachments, bridges, subnet};
		return {node: host.id, attachments, bridges, table: subnetTable, localVpc: vpc, subnet, vpc};
	});
}

/** How a NAT gateway routes: by its own subnet's route table (plus the VPC local route). */
export function natGatewayRouting(topology: Topology, natGateway: NatGateway): RoutingContext {
	return cachedContext(topology, natGateway.id, () => {
		const ip = parseAddress(natGateway.privateIp);
		const vpc = vpcOfSubnet(topology, natGateway.subnet);
		return {
			node: natGateway.id,
			attachments: ip === undefined ? [] : [{subnet: natGateway.subnet, ip}],
			bridges: [],
			table: topology.subnets.get(natGateway.subnet)?.routeTable,
			localVpc: vpc,
			subnet: natGateway.subnet,
			vpc,
		};
	});
}

/** The route a node picks for `destination`, or undefined when nothing matches. */
export function chooseRoute(topology: Topology, context: RoutingContext, destination: number): RouteChoice | undefined {
	let best: RouteChoice | undefined;
	for (const attachment of context.attachments) {
		// The internet is reached through an internet-facing interface like a default route.
		const prefix = attachment.subnet === INTERNET ? 0 : containedPrefix(topology, attachment.subnet, destination);
		if (prefix !== undefined && (best === undefined || prefix > best.prefix)) best = {kind: 'connected', subnet: attachment.subnet, prefix};
	}
	for (const bridge of context.bridges) {
		const prefix = containedPrefix(topology, bridge.id, destination);
		if (prefix !== undefined && (best === undefined || prefix > best.prefix)) best = {kind: 'bridge', network: bridge, prefix};
	}
	if (context.table === undefined && context.localVpc === undefined) return best;
	const match = lookupTable(topology, context.table, context.localVpc).lookup(destination);
	if (match === undefined || (best !== undefined && match.prefix <= best.prefix)) return best;
	const entry = match.value;
	if (entry.kind === 'local') return {kind: 'vpc-local', vpc: entry.vpc, table: context.table, prefix: match.prefix};
	return {kind: 'route', table: context.table ?? '', index: entry.index, route: entry.route, prefix: match.prefix};
}

function containedPrefix(topology: Topology, blockId: string, address: number): number | undefined {
	const block = topology.blocks.get(blockId);
	return block !== undefined && cidrContains(block, address) ? block.prefix : undefined;
}

/** The decider of a route choice (undefined for connected routes and bridges). */
export function routeDecider(choice: RouteChoice): Decider | undefined {
	if (choice.kind === 'route') return {kind: 'route', id: choice.table, index: choice.index};
	if (choice.kind === 'vpc-local') return {kind: 'route', id: choice.table ?? choice.vpc, list: 'local'};
	return undefined;
}

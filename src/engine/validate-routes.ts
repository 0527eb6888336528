import {isAddress} from './address.js';
import type {Host, Network, RouteTable} from './network.js';
import {checkReference, ENTITY_NOUN, withArticle, type EntityIndex, type NetworkIssue} from './validate-context.js';

/**
 * Validation of routing: route tables and the subnets, routers and VPCs that
 * name them, and every route's target.
 */

function forwards(host: Host): boolean {
	return host.kind === 'router' || host.kind === 'nat';
}

/** Why a route target cannot be used, or undefined when it can. */
function targetProblem(network: Network, index: EntityIndex, target: string): string | undefined {
	if (target === 'local' || target === 'blackhole') return undefined;
	if (isAddress(target)) {
		const owner = network.hosts.find((host) => host.interfaces.some((attachment) => attachment.ip === target));
		if (owner === undefined) return `no router has the address ${target}`;
		return forwards(owner) ? undefined : `${target} belongs to ${owner.kind} ${owner.id}, which does not forward packets (only a router or NAT device does)`;
	}
	const found = index.get(target);
	if (found === undefined) {
		return `'${target}' does not exist; a target is local, blackhole, a router or NAT device (or its address), an internet gateway or a NAT gateway`;
	}
	if (found.list === 'internetGateways' || found.list === 'natGateways') return undefined;
	if (found.list === 'hosts') {
		const host = network.hosts[found.index]!;
		return forwards(host) ? undefined : `'${target}' is ${withArticle(host.kind)}, which does not forward packets (only a router or NAT device does)`;
	}
	return `'${target}' is ${withArticle(ENTITY_NOUN[found.list])}, not somewhere a packet can be sent`;
}

/** The VPC a table belongs to: its own `vpc`, else the VPC of the first subnet that uses it. */
function vpcOfTable(network: Network, table: RouteTable): string | undefined {
	return table.vpc ?? network.subnets.find((subnet) => subnet.routeTable === table.id && subnet.vpc !== undefined)?.vpc;
}

function checkTable(network: Network, index: EntityIndex, table: RouteTable, position: number): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const owner = `route table ${table.id}`;
	if (table.vpc !== undefined) issues.push(...checkReference(index, ['routeTables', position, 'vpc'], table.vpc, 'vpcs', owner));
	const vpcId = vpcOfTable(network, table);
	const vpc = network.vpcs.find((candidate) => candidate.id === vpcId);
	const seen = new Map<string, number>();
	table.routes.forEach((route, slot) => {
		const path = ['routeTables', position, 'routes', slot];
		const earlier = seen.get(route.destination);
		if (earlier === undefined) seen.set(route.destination, slot);
		else {
			issues.push({
				path: [...path, 'destination'],
				message: `${owner} already has a route for ${route.destination} (route #${earlier + 1}); a table holds one route per destination`,
				value: route.destination,
			});
		}
		if (vpc !== undefined && route.destination === vpc.cidr) {
			issues.push({
				path: [...path, 'destination'],
				message: `${owner} cannot replace the local route of VPC ${vpc.id} (${vpc.cidr}); it is built in, so route a smaller block instead`,
				value: route.destination,
			});
		}
		const problem = targetProblem(network, index, route.target);
		if (problem !== undefined) {
			issues.push({path: [...path, 'target'], message: `${owner}: the route for ${route.destination} cannot go there: ${problem}`, value: route.target});
		}
	});
	return issues;
}

/** Every routing problem of the network, in list order. */
export function checkRoutes(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	network.subnets.forEach((subnet, position) => {
		if (subnet.routeTable === undefined) return;
		issues.push(...checkReference(index, ['subnets', position, 'routeTable'], subnet.routeTable, 'routeTables', `subnet ${subnet.id}`));
	});
	network.hosts.forEach((host, position) => {
		if (host.routeTable === undefined) return;
		issues.push(...checkReference(index, ['hosts', position, 'routeTable'], host.routeTable, 'routeTables', `host ${host.id}`));
	});
	network.routeTables.forEach((table, position) => issues.push(...checkTable(network, index, table, position)));
	return issues;
}

import type {Network} from '../engine/network.js';
import {byId} from './edit.js';
import {
	appsTable,
	containerTables,
	dnsTable,
	firewallTables,
	gatewaysTable,
	hostsTable,
	naclTable,
	routeTableTable,
	securityGroupTable,
	subnetsTable,
	vpcsTable,
} from './show-tables.js';
import type {ShowTable} from './types.js';

/**
 * What `show` returns: the whole network, one part of it (a topic), or
 * everything about one entity (by id), as tables.
 */

/** The parts `show` knows by name. */
export const SHOW_TOPICS = ['hosts', 'apps', 'subnets', 'routes', 'firewall', 'sg', 'nacl', 'dns', 'containers', 'vpcs', 'gateways'] as const;

const ids = (items: readonly {id: string}[]) => items.map((item) => item.id);

function topicTables(network: Network, topic: string): ShowTable[] {
	switch (topic) {
		case 'hosts':
			return [hostsTable(network.hosts)];
		case 'apps':
			return [appsTable(network, [...ids(network.hosts), ...ids(network.containers)])];
		case 'subnets':
			return [subnetsTable(network, ids(network.subnets))];
		case 'routes':
			return network.routeTables.map((table) => routeTableTable(network, table));
		case 'firewall':
			return network.hosts.flatMap(firewallTables);
		case 'sg':
			return network.securityGroups.map((group) => securityGroupTable(network, group));
		case 'nacl':
			return network.networkAcls.map((acl) => naclTable(network, acl));
		case 'dns':
			return [dnsTable(network)];
		case 'containers':
			return containerTables(network, ids(network.containerNetworks), ids(network.containers));
		case 'vpcs':
			return [vpcsTable(network, ids(network.vpcs))];
		case 'gateways':
			return [gatewaysTable(network, [...ids(network.internetGateways), ...ids(network.natGateways), ...ids(network.hosts)])];
		default:
			return [];
	}
}

function entityTables(network: Network, id: string): ShowTable[] {
	const host = byId(network.hosts, id);
	if (host !== undefined) {
		return [
			hostsTable([host]),
			appsTable(network, [id]),
			...firewallTables(host),
			...network.securityGroups.filter((group) => host.securityGroups.includes(group.id)).map((group) => securityGroupTable(network, group)),
			...(host.nat === undefined ? [] : [gatewaysTable(network, [id])]),
			...(host.routeTable === undefined ? [] : routeTablesById(network, [host.routeTable])),
		];
	}
	const subnet = byId(network.subnets, id);
	if (subnet !== undefined) {
		const acl = subnet.networkAcl === undefined ? undefined : byId(network.networkAcls, subnet.networkAcl);
		return [
			subnetsTable(network, [id]),
			hostsTable(network.hosts.filter((item) => item.interfaces.some((face) => face.subnet === id))),
			...routeTablesById(network, subnet.routeTable === undefined ? [] : [subnet.routeTable]),
			...(acl === undefined ? [] : [naclTable(network, acl)]),
		];
	}
	const table = byId(network.routeTables, id);
	if (table !== undefined) return [routeTableTable(network, table)];
	const group = byId(network.securityGroups, id);
	if (group !== undefined) return [securityGroupTable(network, group)];
	const acl = byId(network.networkAcls, id);
	if (acl !== undefined) return [naclTable(network, acl)];
	if (byId(network.vpcs, id) !== undefined) {
		return [vpcsTable(network, [id]), subnetsTable(network, network.subnets.filter((item) => item.vpc === id).map((item) => item.id))];
	}
	if (byId(network.internetGateways, id) !== undefined || byId(network.natGateways, id) !== undefined) return [gatewaysTable(network, [id])];
	const container = byId(network.containers, id);
	if (container !== undefined) {
		return [...containerTables(network, container.networks.map((entry) => entry.network), [id]), appsTable(network, [id])];
	}
	if (byId(network.containerNetworks, id) !== undefined) {
		return containerTables(network, [id], network.containers.filter((item) => item.networks.some((entry) => entry.network === id)).map((item) => item.id));
	}
	return [];
}

function routeTablesById(network: Network, tableIds: readonly string[]): ShowTable[] {
	return network.routeTables.filter((table) => tableIds.includes(table.id)).map((table) => routeTableTable(network, table));
}

/**
 * The tables for `show [what]`: no topic gives every non-empty part; a topic
 * gives that part (possibly empty tables); an id gives that entity's tables.
 */
export function showTables(network: Network, what?: string): ShowTable[] {
	if (what === undefined) {
		return SHOW_TOPICS.flatMap((topic) => topicTables(network, topic))
			.filter((table) => table.rows.length > 0 || table.title.startsWith('route table') || table.title.includes(' — policy '));
	}
	if ((SHOW_TOPICS as readonly string[]).includes(what)) return topicTables(network, what);
	return entityTables(network, what);
}

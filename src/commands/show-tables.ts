import {parseCidr, usableHosts} from '../engine/address.js';
import type {Chain, Host, Network, NetworkAcl, RouteTable, SecurityGroup} from '../engine/network.js';
import {publishText} from './definitions/container.js';
import {describeRule} from './definitions/firewall.js';
import {byId, isCloud} from './edit.js';
import type {ShowTable} from './types.js';

/**
 * Builders of the tables `show` returns, one per part of the network. Each
 * takes the items to show (already filtered) and returns plain text cells.
 */

const list = (items: readonly string[]) => (items.length === 0 ? '—' : items.join(', '));

/** Hosts: kind, addresses (subnet:ip), public IP and security groups. */
export function hostsTable(hosts: readonly Host[]): ShowTable {
	return {
		title: 'hosts',
		columns: ['host', 'kind', 'addresses', 'public ip', 'security groups'],
		rows: hosts.map((host) => [
			host.id,
			host.kind,
			list(host.interfaces.map((face) => `${face.ip} (${face.subnet})`)),
			host.publicIp ?? '—',
			list(host.securityGroups),
		]),
	};
}

/** Apps of hosts and containers: where they listen. */
export function appsTable(network: Network, owners: readonly string[]): ShowTable {
	const rows: string[][] = [];
	for (const owner of [...network.hosts, ...network.containers]) {
		if (!owners.includes(owner.id)) continue;
		for (const app of owner.apps) rows.push([owner.id, app.name, `${app.bind}:${app.port}`, app.protocol]);
	}
	return {title: 'apps', columns: ['on', 'app', 'listens on', 'protocol'], rows};
}

/** Subnets: block, VPC, route table, network ACL and how many hosts fit. */
export function subnetsTable(network: Network, ids: readonly string[]): ShowTable {
	return {
		title: 'subnets',
		columns: ['subnet', 'cidr', 'vpc', 'route table', 'network acl', 'hosts'],
		rows: network.subnets
			.filter((subnet) => ids.includes(subnet.id))
			.map((subnet) => {
				const block = parseCidr(subnet.cidr);
				const used = network.hosts.filter((host) => host.interfaces.some((face) => face.subnet === subnet.id)).length;
				return [
					subnet.id,
					subnet.cidr,
					subnet.vpc ?? '—',
					subnet.routeTable ?? '(connected only)',
					subnet.networkAcl ?? (isCloud(subnet) ? '(default: allow all)' : '—'),
					`${used} of ${block === undefined ? '?' : usableHosts(block, isCloud(subnet))}`,
				];
			}),
	};
}

/** One route table, with the implicit local route of a VPC table first. */
export function routeTableTable(network: Network, table: RouteTable): ShowTable {
	const users = [
		...network.subnets.filter((subnet) => subnet.routeTable === table.id).map((subnet) => subnet.id),
		...network.hosts.filter((host) => host.routeTable === table.id).map((host) => host.id),
	];
	const vpc = table.vpc === undefined ? undefined : byId(network.vpcs, table.vpc);
	const rows = table.routes.map((route, index) => [String(index + 1), route.destination, route.target]);
	if (vpc !== undefined) rows.unshift(['—', vpc.cidr, 'local (implicit)']);
	return {
		title: `route table ${table.id}${table.vpc === undefined ? '' : ` (vpc ${table.vpc})`} — used by ${list(users)}`,
		columns: ['#', 'destination', 'target'],
		rows,
	};
}

/** The chains of a host's firewall. */
export function firewallTables(host: Host): ShowTable[] {
	const chains: [string, Chain | undefined][] = [
		['input', host.firewall?.input],
		['output', host.firewall?.output],
		['forward', host.firewall?.forward],
	];
	return chains
		.filter((entry): entry is [string, Chain] => entry[1] !== undefined)
		.map(([name, chain]) => ({
			title: `${host.id} ${name} — policy ${chain.policy}`,
			columns: ['#', 'rule'],
			rows: chain.rules.map((rule, index) => [String(index + 1), describeRule(rule)]),
		}));
}

/** One security group's rules and who has it. */
export function securityGroupTable(network: Network, group: SecurityGroup): ShowTable {
	const members = network.hosts.filter((host) => host.securityGroups.includes(group.id)).map((host) => host.id);
	return {
		title: `security group ${group.id}${group.vpc === undefined ? '' : ` (vpc ${group.vpc})`} — attached to ${list(members)}`,
		columns: ['direction', 'protocol', 'ports', 'from/to'],
		rows: [
			...group.inbound.map((rule) => ['inbound', rule.protocol, rule.ports ?? 'all', `from ${rule.source}`]),
			...group.outbound.map((rule) => ['outbound', rule.protocol, rule.ports ?? 'all', `to ${rule.destination}`]),
		],
	};
}

/** One network ACL: rules by number per direction, each list ending in the implicit deny. */
export function naclTable(network: Network, acl: NetworkAcl): ShowTable {
	const subnets = network.subnets.filter((subnet) => subnet.networkAcl === acl.id).map((subnet) => subnet.id);
	const rows: string[][] = [];
	for (const direction of ['inbound', 'outbound'] as const) {
		for (const rule of [...acl[direction]].sort((a, b) => a.rule - b.rule)) {
			rows.push([direction, String(rule.rule), rule.action, rule.protocol, rule.ports ?? 'all', rule.cidr]);
		}
		rows.push([direction, '*', 'deny', 'all', 'all', '0.0.0.0/0']);
	}
	return {title: `network ACL ${acl.id} — subnets ${list(subnets)}`, columns: ['direction', 'rule', 'action', 'protocol', 'ports', 'cidr'], rows};
}

/** The public DNS zone. */
export function dnsTable(network: Network): ShowTable {
	return {title: 'dns', columns: ['name', 'type', 'value'], rows: network.dns.map((record) => [record.name, record.type, record.value])};
}

/** Container networks and containers. */
export function containerTables(network: Network, networkIds: readonly string[], containerIds: readonly string[]): ShowTable[] {
	return [
		{
			title: 'container networks',
			columns: ['network', 'host', 'cidr', 'kind'],
			rows: network.containerNetworks
				.filter((item) => networkIds.includes(item.id))
				.map((item) => [item.id, item.host, item.cidr, item.default ? 'default bridge (no names)' : 'user-defined (names resolve)']),
		},
		{
			title: 'containers',
			columns: ['container', 'host', 'image', 'addresses', 'published'],
			rows: network.containers
				.filter((item) => containerIds.includes(item.id))
				.map((item) => [
					item.id,
					item.host,
					item.image ?? '—',
					list(item.networks.map((entry) => `${entry.ip} (${entry.network})`)),
					list(item.publish.map(publishText)),
				]),
		},
	];
}

/** VPCs with their subnets and internet gateway. */
export function vpcsTable(network: Network, ids: readonly string[]): ShowTable {
	return {
		title: 'vpcs',
		columns: ['vpc', 'cidr', 'subnets', 'internet gateway'],
		rows: network.vpcs
			.filter((vpc) => ids.includes(vpc.id))
			.map((vpc) => [
				vpc.id,
				vpc.cidr,
				list(network.subnets.filter((subnet) => subnet.vpc === vpc.id).map((subnet) => subnet.id)),
				list(network.internetGateways.filter((gateway) => gateway.vpc === vpc.id).map((gateway) => gateway.id)),
			]),
	};
}

/** Internet gateways, NAT gateways and NAT devices. */
export function gatewaysTable(network: Network, ids: readonly string[]): ShowTable {
	const rows: string[][] = [];
	for (const gateway of network.internetGateways) {
		if (ids.includes(gateway.id)) rows.push([gateway.id, 'internet gateway', gateway.vpc === undefined ? 'not attached' : `vpc ${gateway.vpc}`, '—']);
	}
	for (const gateway of network.natGateways) {
		if (ids.includes(gateway.id)) rows.push([gateway.id, 'NAT gateway', `subnet ${gateway.subnet}`, `${gateway.privateIp} ⇒ ${gateway.publicIp}`]);
	}
	for (const host of network.hosts) {
		if (!ids.includes(host.id) || host.nat === undefined) continue;
		const forwards = host.nat.portForwards.map((item) => `${item.protocol}/${item.port} → ${item.toIp}:${item.toPort}`);
		rows.push([host.id, 'NAT device', `outside ${host.nat.outside}`, list(forwards)]);
	}
	return {title: 'gateways', columns: ['gateway', 'type', 'where', 'addresses / forwards'], rows};
}

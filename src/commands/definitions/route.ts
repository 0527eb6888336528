import {isAddress} from '../../engine/address.js';
import {routeTableSchema, type Network, type Route} from '../../engine/network.js';
import {cidr, flag, introduced, newId, readAddress, ref} from '../args.js';
import {config, fail} from '../define.js';
import {byId, replaceById} from '../edit.js';
import {idsOf, whatIs} from '../entities.js';
import {nearest} from '../suggest.js';
import type {Param} from '../types.js';
import {nameTag} from './subnet.js';

/** Route tables and routes. */

const SPECIAL_TARGETS = ['local', 'blackhole'] as const;

/** A route target: local, blackhole, a router's address, or a router, internet gateway or NAT gateway id. */
function routeTarget<const N extends string>(name: N): Param<N, string, false> {
	const expected = 'local, blackhole, a router address, or the id of a router, internet gateway or NAT gateway';
	return {
		name,
		optional: false,
		label: '<target>',
		expected,
		read: (token, context) => {
			const lower = token.text.toLowerCase();
			if ((SPECIAL_TARGETS as readonly string[]).includes(lower)) return {ok: true, value: lower};
			if (/^[\d.]+$/.test(token.text)) return readAddress(token.text);
			if (context.network === undefined) return {ok: true, value: token.text};
			const ids = targetIds(context.network);
			if (ids.includes(token.text)) return {ok: true, value: token.text};
			const suggestion = nearest(token.text, [...ids, ...SPECIAL_TARGETS]);
			const other = whatIs(context.network, token.text);
			const head = other === undefined ? `no route target named '${token.text}'` : `'${token.text}' is a ${other}, which cannot be a route target`;
			return {
				ok: false,
				message: `${head}${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (targets: local, blackhole, routers, internet gateways, NAT gateways, or via <ip>)`,
				expected,
				...(suggestion === undefined ? {} : {suggestion}),
			};
		},
		candidates: (context) => [...SPECIAL_TARGETS, ...(context.network === undefined ? [] : targetIds(context.network))],
	};
}

function targetIds(network: Network): string[] {
	return [...idsOf(network, 'router'), ...idsOf(network, 'igw'), ...idsOf(network, 'natgw')];
}

/** How a route looks to `ip route` (on-premises tables). */
export function ipRoute(network: Network, tableId: string, route: Route): string {
	if (route.target === 'blackhole') return `ip route add blackhole ${route.destination}`;
	if (route.target === 'local') return `ip route add ${route.destination} dev eth0`;
	if (isAddress(route.target)) return `ip route add ${route.destination} via ${route.target}`;
	const router = byId(network.hosts, route.target);
	const owners = new Set(network.subnets.filter((subnet) => subnet.routeTable === tableId).map((subnet) => subnet.id));
	const face = router?.interfaces.find((item) => owners.has(item.subnet)) ?? router?.interfaces[0];
	const gateway = byId(network.natGateways, route.target)?.privateIp;
	const via = face?.ip ?? gateway;
	return via === undefined ? `ip route add ${route.destination} via <${route.target}'s address>` : `ip route add ${route.destination} via ${via}   # ${route.target}`;
}

/** How a route looks to the AWS CLI (VPC tables). */
function awsRoute(network: Network, tableId: string, route: Route, verb: 'create' | 'delete'): string[] {
	const head = `aws ec2 ${verb}-route --route-table-id ${tableId} --destination-cidr-block ${route.destination}`;
	if (verb === 'delete') return [head];
	if (route.target === 'local') return ['# the local route of a VPC table is implicit: AWS adds it for the VPC block'];
	if (route.target === 'blackhole') return ['# AWS has no blackhole target: a route whose target is deleted becomes a blackhole', head];
	if (byId(network.internetGateways, route.target) !== undefined) return [`${head} --gateway-id ${route.target}`];
	if (byId(network.natGateways, route.target) !== undefined) return [`${head} --nat-gateway-id ${route.target}`];
	const owner = isAddress(route.target) ? network.hosts.find((host) => host.interfaces.some((face) => face.ip === route.target)) : undefined;
	return [`${head} --instance-id ${owner?.id ?? route.target}`];
}

/**
 * Why a gateway cannot be a target of a table in `vpc`, as AWS refuses it
 * ("route table and network gateway belong to different networks"); undefined when it can.
 * A start network may still hold such a route (a gateway detached later is a blackhole in AWS).
 */
function gatewayMismatch(network: Network, vpc: string | undefined, target: string): string | undefined {
	const igw = byId(network.internetGateways, target);
	if (igw !== undefined) {
		if (vpc === undefined) return `${target} is an internet gateway: only a VPC route table can send traffic to it`;
		if (igw.vpc === undefined) return `${target} is not attached to ${vpc} (nor to any VPC): attach it first with igw attach ${target} ${vpc}`;
		if (igw.vpc !== vpc) return `${target} is attached to VPC ${igw.vpc}, not to ${vpc}: a route table can use only its own VPC's gateway`;
	}
	const natgw = byId(network.natGateways, target);
	if (natgw !== undefined) {
		const natVpc = byId(network.subnets, natgw.subnet)?.vpc;
		if (natVpc !== vpc) return `${target} lives in ${natVpc === undefined ? 'no VPC' : `VPC ${natVpc}`}, so a route table of ${vpc === undefined ? 'no VPC' : `VPC ${vpc}`} cannot use it`;
	}
	return undefined;
}

/**
 * Why an on-premises next hop (a router's address or id) cannot be used by
 * this table: it must sit in a subnet that uses the table (or that a router
 * using it is attached to), as Linux refuses a gateway it cannot reach
 * directly ("Nexthop has invalid gateway"). Undefined when it can, or when no
 * subnet uses the table yet. VPC tables may name an instance anywhere in the VPC.
 */
function unreachableNextHop(network: Network, tableId: string, vpc: string | undefined, target: string): string | undefined {
	if (vpc !== undefined) return undefined;
	const owners = new Set(network.subnets.filter((subnet) => subnet.routeTable === tableId).map((subnet) => subnet.id));
	for (const host of network.hosts) if (host.routeTable === tableId) for (const face of host.interfaces) owners.add(face.subnet);
	if (owners.size === 0) return undefined;
	const reachable = network.hosts.flatMap((host) => host.interfaces.filter((face) => owners.has(face.subnet)).map((face) => ({host: host.id, ip: face.ip})));
	const direct = isAddress(target) ? reachable.some((face) => face.ip === target) : reachable.some((face) => face.host === target);
	const isHop = isAddress(target) || byId(network.hosts, target) !== undefined;
	if (!isHop || direct) return undefined;
	const where = [...owners].map((id) => `${id} ${byId(network.subnets, id)?.cidr ?? ''}`.trim()).join(', ');
	return `${target} is not in a subnet that uses ${tableId} (${where}): a next hop must be reachable directly — Linux refuses it too ("Nexthop has invalid gateway")`;
}

function isVpcTable(network: Network, tableId: string): boolean {
	return byId(network.routeTables, tableId)?.vpc !== undefined;
}

/** `route-table create`, `route-table associate`, `route add`, `route remove`. */
export const ROUTE_COMMANDS = [
	config({
		name: 'route-table create',
		summary: 'Create an empty route table (a VPC table always holds the local route of its VPC).',
		example: 'route-table create rt-db --vpc main',
		params: [newId('id', 'route table'), flag('--vpc', ref('vpc', 'vpc'))],
		apply: (network, args) => ({
			network: {...network, routeTables: [...network.routeTables, routeTableSchema.parse({id: args.id, ...(args.vpc === undefined ? {} : {vpc: args.vpc})})]},
			summary: `Created route table ${args.id}${args.vpc === undefined ? '' : ` in VPC ${args.vpc}`}.`,
		}),
		realWorld: (args) =>
			args.vpc === undefined
				? [`echo '100 ${args.id}' >> /etc/iproute2/rt_tables`]
				: [`aws ec2 create-route-table --vpc-id ${args.vpc} ${nameTag('route-table', args.id)}`],
	}),
	config({
		name: 'route-table associate',
		summary: 'Make a subnet (or a router) use a route table; a subnet has exactly one.',
		example: 'route-table associate rt-private app',
		params: [ref('table', 'route-table'), ref('owner', 'table-owner', '<subnet|router>')],
		apply: (network, args) => {
			const subnet = byId(network.subnets, args.owner);
			const current = subnet?.routeTable ?? byId(network.hosts, args.owner)?.routeTable;
			if (current === args.table) return fail(`${args.owner} already uses route table ${args.table}`, 'owner');
			const next =
				subnet === undefined
					? {...network, hosts: replaceById(network.hosts, args.owner, (host) => ({...host, routeTable: args.table}))}
					: {...network, subnets: replaceById(network.subnets, args.owner, (item) => ({...item, routeTable: args.table}))};
			return {network: next, summary: `${args.owner} now uses route table ${args.table}${current === undefined ? '' : ` (was ${current})`}.`};
		},
		realWorld: (args, before) =>
			byId(before.subnets, args.owner) !== undefined && isVpcTable(before, args.table)
				? [`aws ec2 associate-route-table --route-table-id ${args.table} --subnet-id ${args.owner}`]
				: [`ip rule add from all lookup ${args.table}   # on ${args.owner}`],
	}),
	config({
		name: 'route add',
		summary: 'Send traffic for a block to a target: a router (or via its address), a gateway, local or blackhole.',
		example: 'route add rt-private 0.0.0.0/0 nat-1',
		details: [
			'The longest matching prefix wins: a /25 beats a /24 for the addresses inside it.',
			'0.0.0.0/0 is the default route: it matches every destination that nothing longer matches.',
		],
		params: [ref('table', 'route-table'), cidr('destination', '<cidr>', true), introduced('via', routeTarget('target'), true)],
		apply: (network, args) => {
			const table = byId(network.routeTables, args.table)!;
			const clash = table.routes.find((route) => route.destination === args.destination);
			if (clash !== undefined) {
				return fail(
					`${args.table} already has a route for ${args.destination} (to ${clash.target}) — remove it first with route remove ${args.table} ${args.destination}`,
					'destination',
				);
			}
			const mismatch = gatewayMismatch(network, table.vpc, args.target) ?? unreachableNextHop(network, table.id, table.vpc, args.target);
			if (mismatch !== undefined) return fail(mismatch, 'target');
			const route: Route = {destination: args.destination, target: args.target};
			return {
				network: {...network, routeTables: replaceById(network.routeTables, table.id, (item) => ({...item, routes: [...item.routes, route]}))},
				summary: `Route table ${args.table}: ${args.destination} → ${args.target}.`,
			};
		},
		realWorld: (args, before, after) => {
			const route = {destination: args.destination, target: args.target};
			return isVpcTable(before, args.table) ? awsRoute(after, args.table, route, 'create') : [ipRoute(after, args.table, route)];
		},
	}),
	config({
		name: 'route remove',
		summary: 'Remove the route for a block from a route table.',
		example: 'route remove rt-public 10.9.0.0/16',
		params: [ref('table', 'route-table'), cidr('destination')],
		apply: (network, args) => {
			const table = byId(network.routeTables, args.table)!;
			if (!table.routes.some((route) => route.destination === args.destination)) {
				const known = table.routes.map((route) => route.destination);
				return fail(`${args.table} has no route for ${args.destination}${known.length === 0 ? ' (it has no routes)' : ` (routes: ${known.join(', ')})`}`, 'destination');
			}
			return {
				network: {
					...network,
					routeTables: replaceById(network.routeTables, table.id, (item) => ({...item, routes: item.routes.filter((route) => route.destination !== args.destination)})),
				},
				summary: `Route table ${args.table}: removed the route for ${args.destination}.`,
			};
		},
		realWorld: (args, before) =>
			isVpcTable(before, args.table)
				? awsRoute(before, args.table, {destination: args.destination, target: 'local'}, 'delete')
				: [`ip route del ${args.destination}`],
	}),
];

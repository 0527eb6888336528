import type {Host, Network, Subnet} from '../../engine/network.js';
import {
	describeApp,
	describeChain,
	describeDnsRecord,
	describeFirewallRule,
	describeNaclRule,
	describePortForward,
	describePublish,
	describeRoute,
	describeSgInbound,
	describeSgOutbound,
	// The module itself, not the command language's index: the workbench's drawing must not pull the command table in.
} from '../../commands/network-text.js';
import {type Segment, type StyledLine, lineWidth, padLine, seg, truncateLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';

/**
 * The network drawn as styled lines (pure): a box per place — the internet,
 * each subnet (grouped by VPC) — with the hosts in it, then tables for route
 * tables, firewalls, NAT, security groups, network ACLs, DNS and containers.
 * Only what the network has is drawn.
 */

function box(title: StyledLine, body: readonly StyledLine[], width: number): StyledLine[] {
	const inner = Math.max(1, width - 4);
	const head = truncateLine(title, Math.max(1, width - 5));
	const fill = Math.max(0, width - 4 - lineWidth(head));
	const top: StyledLine = [seg('┌ ', 'dim'), ...head, seg(` ${'─'.repeat(fill)}┐`, 'dim')];
	const rows = body.flatMap((line) => wrapLine(line, inner, 2)).map((line): StyledLine => [seg('│ ', 'dim'), ...padLine(line, inner), seg(' │', 'dim')]);
	const bottom: StyledLine = [seg(`└${'─'.repeat(Math.max(0, width - 2))}┘`, 'dim')];
	return [top, ...(rows.length > 0 ? rows : [[seg('│ ', 'dim'), ...padLine([seg('(empty)', 'dim')], inner), seg(' │', 'dim')]]), bottom];
}

function hostRows(host: Host, ip: string | undefined): StyledLine[] {
	const head: Segment[] = [seg(host.id, 'strong')];
	if (ip) head.push(seg(` ${ip}`));
	if (host.publicIp) head.push(seg(` ⇄ ${host.publicIp}`, 'accent'));
	const tag = [host.kind === 'server' ? '' : host.kind, host.label ?? ''].filter(Boolean).join(', ');
	if (tag) head.push(seg(` (${tag})`, 'dim'));
	const facts: string[] = host.apps.map(describeApp);
	if (host.firewall) {
		const chains = (['input', 'output', 'forward'] as const).filter((name) => host.firewall?.[name]);
		if (chains.length > 0) facts.push(`firewall ${chains.join('/')}`);
	}
	if (host.securityGroups.length > 0) facts.push(`sg ${host.securityGroups.join(', ')}`);
	if (host.nat) facts.push(`NAT out via ${host.nat.outside}`);
	return facts.length > 0 ? [head, [seg(`  ${facts.join(' · ')}`, 'dim')]] : [head];
}

function subnetTitle(subnet: Subnet): StyledLine {
	const extra = [subnet.routeTable ? `rt ${subnet.routeTable}` : '', subnet.networkAcl ? `acl ${subnet.networkAcl}` : ''].filter(Boolean).join(' · ');
	return [seg(subnet.label ? `${subnet.id} (${subnet.label})` : subnet.id, 'title'), seg(` ${subnet.cidr}`), seg(extra ? ` · ${extra}` : '', 'dim')];
}

function placeBoxes(network: Network, width: number): StyledLine[] {
	const out: StyledLine[] = [];
	const hostsIn = (subnetId: string): StyledLine[] =>
		network.hosts.flatMap((host) => host.interfaces.filter((nic) => nic.subnet === subnetId).flatMap((nic) => hostRows(host, nic.ip)));
	const internetHosts = hostsIn('internet');
	if (internetHosts.length > 0) out.push(...box([seg('internet', 'title')], internetHosts, width));
	const subnetBox = (subnet: Subnet): StyledLine[] => {
		const gateways = network.natGateways
			.filter((gateway) => gateway.subnet === subnet.id)
			.map((gateway): StyledLine => [seg(gateway.id, 'strong'), seg(` ${gateway.privateIp}`), seg(` ⇄ ${gateway.publicIp}`, 'accent'), seg(' (NAT gateway)', 'dim')]);
		return box(subnetTitle(subnet), [...hostsIn(subnet.id), ...gateways], width);
	};
	for (const vpc of network.vpcs) {
		const gateways = network.internetGateways.filter((gateway) => gateway.vpc === vpc.id).map((gateway) => gateway.id);
		out.push([seg(`VPC ${vpc.id}`, 'title'), seg(` ${vpc.cidr}`), seg(gateways.length > 0 ? ` · igw ${gateways.join(', ')}` : ' · no internet gateway', 'dim')]);
		for (const subnet of network.subnets.filter((candidate) => candidate.vpc === vpc.id)) out.push(...subnetBox(subnet));
	}
	const vpcIds = new Set(network.vpcs.map((vpc) => vpc.id));
	const loose = network.subnets.filter((candidate) => !candidate.vpc || !vpcIds.has(candidate.vpc));
	// Under a VPC's heading a subnet would read as part of it: say where the loose ones are.
	if (loose.length > 0 && network.vpcs.length > 0) out.push([seg('Outside every VPC', 'title'), seg(' (no --vpc)', 'dim')]);
	for (const subnet of loose) out.push(...subnetBox(subnet));
	const unplaced = network.hosts.filter((host) => host.interfaces.length === 0).flatMap((host) => hostRows(host, undefined));
	if (unplaced.length > 0) out.push(...box([seg('not placed yet', 'title')], unplaced, width));
	return out;
}

function table(title: string, rows: readonly StyledLine[]): StyledLine[] {
	return rows.length > 0 ? [[seg(title, 'title')], ...rows] : [];
}

function routeRows(network: Network): StyledLine[] {
	return network.routeTables.flatMap((routeTable) => {
		const users = [
			...network.subnets.filter((subnet) => subnet.routeTable === routeTable.id).map((subnet) => subnet.id),
			...network.hosts.filter((host) => host.routeTable === routeTable.id).map((host) => host.id),
		];
		const vpc = network.vpcs.find((candidate) => candidate.id === routeTable.vpc);
		const rows: StyledLine[] = [[seg(` ${routeTable.id}`, 'strong'), seg(users.length > 0 ? ` (${users.join(', ')})` : ' (not associated)', 'dim')]];
		if (vpc) rows.push([seg(`    ${vpc.cidr} → local (VPC)`, 'dim')]);
		routeTable.routes.forEach((route, index) => rows.push([seg(`  ${String(index + 1).padStart(2)} ${describeRoute(route)}`)]));
		if (!vpc && routeTable.routes.length === 0) rows.push([seg('    (no routes)', 'dim')]);
		return rows;
	});
}

function firewallRows(network: Network): StyledLine[] {
	return network.hosts.flatMap((host) =>
		(['input', 'output', 'forward'] as const).flatMap((name) => {
			const chain = host.firewall?.[name];
			if (!chain) return [];
			return [
				[seg(` ${host.id} ${name}`, 'strong'), seg(` ${describeChain(chain)}`, chain.policy === 'deny' ? 'warn' : 'dim')],
				...chain.rules.map((rule, index): StyledLine => [seg(`  ${String(index + 1).padStart(2)} `), seg(describeFirewallRule(rule), rule.action === 'deny' ? 'warn' : undefined)]),
			];
		}),
	);
}

function natRows(network: Network): StyledLine[] {
	return network.hosts.flatMap((host) =>
		host.nat
			? [
					[seg(` ${host.id}`, 'strong'), seg(` masquerades out of ${host.nat.outside}`, 'dim')],
					...host.nat.portForwards.map((forward, index): StyledLine => [seg(`  ${String(index + 1).padStart(2)} forward ${describePortForward(forward)}`)]),
				]
			: [],
	);
}

function securityGroupRows(network: Network): StyledLine[] {
	return network.securityGroups.flatMap((group) => {
		const members = network.hosts.filter((host) => host.securityGroups.includes(group.id)).map((host) => host.id);
		return [
			[seg(` ${group.id}`, 'strong'), seg(members.length > 0 ? ` (${members.join(', ')})` : ' (no members)', 'dim')],
			...(group.inbound.length === 0 ? [[seg('    in  nothing allowed', 'dim')]] : group.inbound.map((rule): StyledLine => [seg(`    in  ${describeSgInbound(rule)}`)])),
			...group.outbound.map((rule): StyledLine => [seg(`    out ${describeSgOutbound(rule)}`, 'dim')]),
		];
	});
}

function naclRows(network: Network): StyledLine[] {
	return network.networkAcls.flatMap((acl) => {
		const subnets = network.subnets.filter((subnet) => subnet.networkAcl === acl.id).map((subnet) => subnet.id);
		const list = (name: string, rules: typeof acl.inbound): StyledLine[] => [
			...[...rules].sort((a, b) => a.rule - b.rule).map((rule): StyledLine => [seg(`    ${name} ${describeNaclRule(rule)}`, rule.action === 'deny' ? 'warn' : undefined)]),
			[seg(`    ${name} * deny all`, 'dim')],
		];
		return [
			[seg(` ${acl.id}`, 'strong'), seg(subnets.length > 0 ? ` (${subnets.join(', ')})` : ' (no subnets)', 'dim')],
			...list('in ', acl.inbound),
			...list('out', acl.outbound),
		];
	});
}

function containerRows(network: Network): StyledLine[] {
	const rows: StyledLine[] = network.containerNetworks.map((net): StyledLine => [
		seg(` ${net.id}`, 'strong'),
		seg(` ${net.cidr} on ${net.host}`),
		seg(net.default ? ' (default bridge: no name resolution)' : ' (user-defined: names resolve)', 'dim'),
	]);
	for (const container of network.containers) {
		const facts = [
			container.image ?? '',
			container.networks.map((attachment) => `${attachment.network} ${attachment.ip}`).join(', '),
			container.apps.map(describeApp).join(', '),
			container.publish.length > 0 ? `-p ${container.publish.map(describePublish).join(' ')}` : '',
		].filter(Boolean);
		rows.push([seg(`  ${container.id}`, 'strong'), seg(` on ${container.host}`, 'dim'), seg(facts.length > 0 ? ` · ${facts.join(' · ')}` : '')]);
	}
	return rows;
}

/** The whole network view, wrapped to `width` columns. */
export function networkLines(network: Network, width: number): StyledLine[] {
	const looseGateways = network.internetGateways
		.filter((gateway) => !gateway.vpc || !network.vpcs.some((vpc) => vpc.id === gateway.vpc))
		.map((gateway): StyledLine => [seg(` ${gateway.id}`, 'strong'), seg(' internet gateway, not attached', 'dim')]);
	const tables = [
		...table('Route tables', routeRows(network)),
		...table('Firewalls', firewallRows(network)),
		...table('NAT', natRows(network)),
		...table('Gateways', looseGateways),
		...table('Security groups', securityGroupRows(network)),
		...table('Network ACLs', naclRows(network)),
		...table('DNS', network.dns.map((record): StyledLine => [seg(` ${describeDnsRecord(record)}`)])),
		...table('Containers', containerRows(network)),
	];
	const lines = [...placeBoxes(network, width), ...tables.flatMap((line) => wrapLine(line, width, 4))];
	return lines.length > 0 ? lines : [[seg('(an empty network)', 'dim')]];
}

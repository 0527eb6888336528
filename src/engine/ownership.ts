import type {Host, Network} from './network.js';

/**
 * Who controls what. A level marks the machines that are not the player's
 * (`external: true`): customers' laptops, the payment provider, attackers,
 * hosts on the internet. The player may not configure them — a real admin
 * cannot put a firewall on a customer's laptop — so a goal about keeping
 * someone out is met on TravelBuddy's own side or not at all.
 */

/** True for a host outside the player's control. */
export function isExternal(host: Host): boolean {
	return host.external === true;
}

/** Ids of the hosts outside the player's control, and of the containers they run. */
export function externalIds(network: Network): ReadonlySet<string> {
	const ids = new Set(network.hosts.filter(isExternal).map((host) => host.id));
	for (const container of network.containers) if (ids.has(container.host)) ids.add(container.id);
	return ids;
}

/** What of an external host a change touched. */
export type ExternalChange = {readonly host: Host; readonly what: string};

function same(a: unknown, b: unknown): boolean {
	return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Security groups every one of whose members is external: configuring one configures only machines that are not the player's. */
function externalOnlyGroups(network: Network): Set<string> {
	const members = new Map<string, boolean[]>();
	for (const host of network.hosts) {
		for (const group of host.securityGroups) members.set(group, [...(members.get(group) ?? []), isExternal(host)]);
	}
	return new Set([...members].filter(([, flags]) => flags.every(Boolean)).map(([group]) => group));
}

/**
 * The first external host whose configuration differs between `before` and
 * `after` — the host itself (interfaces, apps, firewall, security groups,
 * NAT), its containers, its own route table, or a security group only
 * external hosts belong to — or undefined when none does.
 */
export function externalChange(before: Network, after: Network): ExternalChange | undefined {
	const external = before.hosts.filter(isExternal);
	if (external.length === 0) return undefined;
	const afterHosts = new Map(after.hosts.map((host) => [host.id, host]));
	const groups = externalOnlyGroups(before);
	for (const host of external) {
		const changed = afterHosts.get(host.id);
		if (changed === undefined) return {host, what: 'removed'};
		if (!same(host, changed)) return {host, what: 'configured'};
		const containers = (network: Network) => network.containers.filter((container) => container.host === host.id);
		if (!same(containers(before), containers(after))) return {host, what: 'its containers changed'};
		if (host.routeTable !== undefined) {
			const table = (network: Network) => network.routeTables.find((candidate) => candidate.id === host.routeTable);
			if (!same(table(before), table(after))) return {host, what: 'its route table changed'};
		}
		for (const group of host.securityGroups) {
			if (!groups.has(group)) continue;
			const find = (network: Network) => network.securityGroups.find((candidate) => candidate.id === group);
			if (!same(find(before), find(after))) return {host, what: `its security group ${group} changed`};
		}
	}
	return undefined;
}

/** The player's own machines that an external host talks to: what to protect instead, for the refusal's sentence. */
export function ownHosts(network: Network): string[] {
	return network.hosts.filter((host) => !isExternal(host) && host.kind !== 'client').map((host) => host.id);
}

/** One sentence: why a change to an external host is refused, and what to protect instead. */
export function externalRefusal(network: Network, change: ExternalChange): string {
	const who = change.host.label === undefined ? change.host.id : `${change.host.id} (${change.host.label})`;
	const own = ownHosts(network);
	const instead = own.length === 0 ? 'TravelBuddy\'s own machines' : own.slice(0, 4).join(', ') + (own.length > 4 ? ' …' : '');
	return `${who} is not TravelBuddy's machine, so you cannot configure it — protect the servers you run instead (${instead}): their firewall, security groups, or the router and subnet in front of them`;
}

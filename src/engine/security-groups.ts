import {cidrContains, parseCidr} from './address.js';
import type {Protocol, SgInboundRule, SgOutboundRule} from './network.js';
import {subtractRanges} from './port-spans.js';
import {ALL_PORTS, inRange, rangeOf, type PortRange} from './ports.js';
import type {Topology} from './topology.js';

/**
 * Security groups: stateful, allow-only filters on an instance. A packet
 * passes when any rule of any of the host's groups allows it; replies of an
 * allowed connection pass without being asked again — only a host the
 * request never passed judges a reply (see `evaluateSecurityGroupsOverPorts`).
 */

/** What a security group rule looks at. */
export type GroupPacket = {
	readonly protocol: Protocol;
	readonly dstPort: number;
	/** The other end: the source address inbound, the destination address outbound. */
	readonly peer: number;
	/** The host id behind the peer address, for rules that name a group; undefined when unknown or from the internet. */
	readonly peerHost?: string;
};

/** The decision: the group and 0-based rule that allowed it, or a refusal. */
export type GroupVerdict =
	| {readonly allowed: true; readonly group: string; readonly index: number}
	| {readonly allowed: false};

function ruleMatches(topology: Topology, rule: SgInboundRule | SgOutboundRule, other: string, packet: GroupPacket): boolean {
	if (rule.protocol !== 'all') {
		if (rule.protocol !== packet.protocol || !inRange(rangeOf(rule.ports), packet.dstPort)) return false;
	}
	const block = parseCidr(other);
	if (block !== undefined) return cidrContains(block, packet.peer);
	// Not a block: a security group id; it matches members of that group (AWS "source group").
	return packet.peerHost !== undefined && (topology.groupMembers.get(other)?.has(packet.peerHost) ?? false);
}

/**
 * Evaluates a host's groups for one direction. Groups that do not exist
 * hold no rules. A host with no groups at all is not filtered: callers only
 * ask for hosts that have at least one.
 */
export function evaluateSecurityGroups(
	topology: Topology,
	groups: readonly string[],
	direction: 'inbound' | 'outbound',
	packet: GroupPacket,
): GroupVerdict {
	for (const groupId of groups) {
		const group = topology.securityGroups.get(groupId);
		if (group === undefined) continue;
		const index =
			direction === 'inbound'
				? group.inbound.findIndex((rule) => ruleMatches(topology, rule, rule.source, packet))
				: group.outbound.findIndex((rule) => ruleMatches(topology, rule, rule.destination, packet));
		if (index >= 0) return {allowed: true, group: groupId, index};
	}
	return {allowed: false};
}

/** The decision over a range of destination ports; when refused, `ports` is the first sub-range no rule allows. */
export type GroupRangeVerdict =
	| {readonly allowed: true; readonly group: string; readonly index: number}
	| {readonly allowed: false; readonly ports: PortRange};

/**
 * Evaluates a host's groups for a packet whose destination port is any of
 * `ports` (a reply to a client's ephemeral ports): allowed only when the
 * rules together cover every port. When allowed, names the first rule used.
 */
export function evaluateSecurityGroupsOverPorts(
	topology: Topology,
	groups: readonly string[],
	direction: 'inbound' | 'outbound',
	packet: Omit<GroupPacket, 'dstPort'>,
	ports: PortRange,
): GroupRangeVerdict {
	let open: PortRange[] = [ports];
	let first: {readonly group: string; readonly index: number} | undefined;
	for (const groupId of groups) {
		const group = topology.securityGroups.get(groupId);
		const rules: readonly (SgInboundRule | SgOutboundRule)[] = group === undefined ? [] : direction === 'inbound' ? group.inbound : group.outbound;
		for (const [index, rule] of rules.entries()) {
			const covers = rule.protocol === 'all' ? ALL_PORTS : rangeOf(rule.ports);
			const peer = 'source' in rule ? rule.source : rule.destination;
			// Test protocol and peer at the rule's own first port; the ports themselves are cut below.
			if (!ruleMatches(topology, rule, peer, {...packet, dstPort: covers.from})) continue;
			if (!open.some((segment) => segment.from <= covers.to && covers.from <= segment.to)) continue;
			first ??= {group: groupId, index};
			open = subtractRanges(open, [covers]);
			if (open.length === 0) return {allowed: true, ...first};
		}
	}
	return {allowed: false, ports: open[0] ?? ports};
}

import {addressIndexOf} from './address-index.js';
import {cidrContains, parseCidr, type Cidr} from './address.js';
import type {Protocol, SgInboundRule, SgOutboundRule} from './network.js';
import {claimRange, firstRunFrom, subtractRanges} from './port-spans.js';
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

type SgRule = SgInboundRule | SgOutboundRule;

/** A rule with its text fields parsed once: its ports, and its peer as a block or (not a block) a group id. */
type CompiledSgRule = {readonly rule: SgRule; readonly covers: PortRange; readonly block: Cidr | undefined; readonly peer: string};

/** Networks are immutable, so a group's parsed rules are computed once per rule list. */
const compiledLists = new WeakMap<readonly SgRule[], readonly CompiledSgRule[]>();

function compiledRules(rules: readonly SgRule[]): readonly CompiledSgRule[] {
	let compiled = compiledLists.get(rules);
	if (compiled === undefined) {
		compiled = rules.map((rule) => {
			const peer = 'source' in rule ? rule.source : rule.destination;
			return {rule, covers: rule.protocol === 'all' ? ALL_PORTS : rangeOf(rule.ports), block: parseCidr(peer), peer};
		});
		compiledLists.set(rules, compiled);
	}
	return compiled;
}

/** The rules that can match a peer address, in list order: rules naming a block holding it, and every rule naming a group (see AddressIndex). */
function candidateRules(rules: readonly CompiledSgRule[], peer: number): number[] {
	return addressIndexOf(rules, () => rules.map((rule) => rule.block)).candidates(peer);
}

function ruleMatches(topology: Topology, compiled: CompiledSgRule, packet: GroupPacket): boolean {
	const {rule} = compiled;
	if (rule.protocol !== 'all') {
		if (rule.protocol !== packet.protocol || !inRange(compiled.covers, packet.dstPort)) return false;
	}
	if (compiled.block !== undefined) return cidrContains(compiled.block, packet.peer);
	// Not a block: a security group id; it matches members of that group (AWS "source group").
	return packet.peerHost !== undefined && (topology.groupMembers.get(compiled.peer)?.has(packet.peerHost) ?? false);
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
	const allowed = allowedPorts(topology, groups, direction, packet);
	const found = allowed[firstRunFrom(allowed, packet.dstPort)];
	return found !== undefined && found.range.from <= packet.dstPort ? {allowed: true, group: found.group, index: found.index} : {allowed: false};
}

/** A run of ports allowed by one rule (the first, in group and rule order, that allows them). */
type AllowedRun = {readonly range: PortRange; readonly group: string; readonly index: number};

/**
 * The ports a host's groups allow for one direction, protocol and peer, each
 * with the rule that allows it, in port order. Grading asks about the same
 * peer for port after port: each answer is then a binary search instead of a
 * pass over every rule. Computed once per topology and question (bounded).
 */
const allowedCache = new WeakMap<Topology['network'], Map<string, readonly AllowedRun[]>>();
const ALLOWED_PER_TOPOLOGY = 64;

function allowedPorts(topology: Topology, groups: readonly string[], direction: 'inbound' | 'outbound', packet: GroupPacket): readonly AllowedRun[] {
	// Keyed by the network: a topology seen from one source address (see source-view.ts) shares its groups.
	let known = allowedCache.get(topology.network);
	if (known === undefined) {
		known = new Map();
		allowedCache.set(topology.network, known);
	}
	const key = `${direction} ${groups.join(',')} ${packet.protocol} ${packet.peer} ${packet.peerHost ?? ''}`;
	let runs = known.get(key);
	if (runs !== undefined) return runs;
	const open: PortRange[] = [ALL_PORTS];
	const found: AllowedRun[] = [];
	for (const groupId of groups) {
		const group = topology.securityGroups.get(groupId);
		if (group === undefined) continue;
		const rules = compiledRules(direction === 'inbound' ? group.inbound : group.outbound);
		for (const index of candidateRules(rules, packet.peer)) {
			if (open.length === 0) break;
			const compiled = rules[index]!;
			// Protocol and peer, tested at the rule's own first port; its ports are claimed below.
			if (!ruleMatches(topology, compiled, {...packet, dstPort: compiled.covers.from})) continue;
			for (const range of claimRange(open, compiled.covers)) found.push({range, group: groupId, index});
		}
	}
	runs = found.sort((a, b) => a.range.from - b.range.from);
	if (known.size >= ALLOWED_PER_TOPOLOGY) known.clear();
	known.set(key, runs);
	return runs;
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
		const rules: readonly SgRule[] = group === undefined ? [] : direction === 'inbound' ? group.inbound : group.outbound;
		const compiledList = compiledRules(rules);
		for (const index of candidateRules(compiledList, packet.peer)) {
			const compiled = compiledList[index]!;
			const {covers} = compiled;
			// Test protocol and peer at the rule's own first port; the ports themselves are cut below.
			if (!ruleMatches(topology, compiled, {...packet, dstPort: covers.from})) continue;
			if (!open.some((segment) => segment.from <= covers.to && covers.from <= segment.to)) continue;
			first ??= {group: groupId, index};
			open = subtractRanges(open, [covers]);
			if (open.length === 0) return {allowed: true, ...first};
		}
	}
	return {allowed: false, ports: open[0] ?? ports};
}

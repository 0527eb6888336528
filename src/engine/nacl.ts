import {cidrContains, parseCidr, type Cidr} from './address.js';
import type {Action, Protocol} from './network.js';
import {claimRange, firstRunFrom} from './port-spans.js';
import {ALL_PORTS, formatPortRange, rangeOf, type PortRange} from './ports.js';
import {addressIndexOf} from './address-index.js';
import type {IndexedNaclRule} from './topology.js';

/**
 * Network ACLs: stateless, numbered rules evaluated lowest number first,
 * first match wins, then an implicit final deny. Because they are
 * stateless, a reply is checked like any packet — and a reply goes to the
 * client's source port, which may be any ephemeral port. So the evaluation
 * works on a port *range*: the first rule covering each sub-range decides it.
 * See https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */

/** How one sub-range of ports was decided: by a rule, or (rule undefined) by the final deny. */
export type NaclDecision = {
	readonly range: PortRange;
	readonly action: Action;
	readonly rule?: IndexedNaclRule;
};

/** The verdict over a port range. */
export type NaclVerdict = {
	/** True when every port of the range is allowed. */
	readonly allowed: boolean;
	/** Every sub-range and what decided it, in port order. */
	readonly decisions: readonly NaclDecision[];
	/** The decision to report: the first denied sub-range, or (allowed) the first sub-range. */
	readonly deciding: NaclDecision;
	/** The denied sub-ranges, in port order. */
	readonly denied: readonly NaclDecision[];
};

/** What a NACL rule looks at. */
export type NaclPacket = {
	readonly protocol: Protocol;
	/** The source address (inbound) or destination address (outbound). */
	readonly address: number;
	/** Destination ports: one port for a request, maybe the ephemeral range for a reply. */
	readonly ports: PortRange;
};

/** A rule with its text fields parsed once (an unparsable block matches nothing). */
type CompiledNaclRule = {readonly indexed: IndexedNaclRule; readonly block: Cidr | undefined; readonly covers: PortRange};

/** Networks are immutable (and their topology cached), so a list's parsed rules are computed once per list. */
const compiledLists = new WeakMap<readonly IndexedNaclRule[], readonly CompiledNaclRule[]>();

function compiledRules(rules: readonly IndexedNaclRule[]): readonly CompiledNaclRule[] {
	let compiled = compiledLists.get(rules);
	if (compiled === undefined) {
		compiled = rules.map((indexed) => ({
			indexed,
			block: parseCidr(indexed.rule.cidr),
			covers: indexed.rule.protocol === 'all' ? ALL_PORTS : rangeOf(indexed.rule.ports),
		}));
		compiledLists.set(rules, compiled);
	}
	return compiled;
}

/** Every port of `protocol` from (or to) `address`, decided: the first rule covering each sub-range, else the final deny; in port order. */
function partition(rules: readonly IndexedNaclRule[], protocol: Protocol, address: number): readonly NaclDecision[] {
	const open: PortRange[] = [ALL_PORTS];
	const decisions: NaclDecision[] = [];
	const compiled = compiledRules(rules);
	// Only the rules whose block holds the address can match it (rule order kept: lowest number first).
	for (const position of addressIndexOf(compiled, () => compiled.map((rule) => rule.block ?? null)).candidates(address)) {
		if (open.length === 0) break;
		const {indexed, block, covers} = compiled[position]!;
		const {rule} = indexed;
		if (rule.protocol !== 'all' && rule.protocol !== protocol) continue;
		if (block === undefined || !cidrContains(block, address)) continue;
		for (const range of claimRange(open, covers)) decisions.push({range, action: rule.action, rule: indexed});
	}
	for (const segment of open) decisions.push({range: segment, action: 'deny'});
	return decisions.sort((a, b) => a.range.from - b.range.from);
}

/**
 * Partitions already computed, per rule list and (protocol, address): grading
 * asks one list about the same peer for port after port, and each answer is
 * a binary search instead of a pass over every rule. Bounded per list.
 */
const partitions = new WeakMap<readonly IndexedNaclRule[], Map<string, readonly NaclDecision[]>>();
const PARTITIONS_PER_LIST = 16;

function partitionOf(rules: readonly IndexedNaclRule[], protocol: Protocol, address: number): readonly NaclDecision[] {
	let known = partitions.get(rules);
	if (known === undefined) {
		known = new Map();
		partitions.set(rules, known);
	}
	const key = `${protocol} ${address}`;
	let decisions = known.get(key);
	if (decisions === undefined) {
		decisions = partition(rules, protocol, address);
		if (known.size >= PARTITIONS_PER_LIST) known.clear();
		known.set(key, decisions);
	}
	return decisions;
}

/** Evaluates rules (already sorted by number) over a packet whose destination port is a range. */
export function evaluateNacl(rules: readonly IndexedNaclRule[], packet: NaclPacket): NaclVerdict {
	const all = partitionOf(rules, packet.protocol, packet.address);
	const {from, to} = packet.ports;
	// The decisions that overlap the packet's ports, cut to them.
	const decisions: NaclDecision[] = [];
	for (let index = firstRunFrom(all, from); index < all.length && all[index]!.range.from <= to; index++) {
		const decision = all[index]!;
		decisions.push({...decision, range: {from: Math.max(from, decision.range.from), to: Math.min(to, decision.range.to)}});
	}
	const denied = decisions.filter((decision) => decision.action === 'deny');
	const deciding = denied[0] ?? decisions[0] ?? {range: packet.ports, action: 'deny'};
	return {allowed: denied.length === 0, decisions, deciding, denied};
}

/** Lists sub-ranges compactly: "1024-32767, 40000". */
export function describeRanges(ranges: readonly PortRange[]): string {
	const shown = ranges.slice(0, 4).map(formatPortRange);
	return ranges.length > 4 ? `${shown.join(', ')} and ${ranges.length - 4} more` : shown.join(', ');
}

import {cidrContains, parseCidr} from './address.js';
import type {Action, Protocol} from './network.js';
import {ALL_PORTS, formatPortRange, rangeOf, type PortRange} from './ports.js';
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

function subtract(segments: readonly PortRange[], cut: PortRange): PortRange[] {
	const rest: PortRange[] = [];
	for (const segment of segments) {
		if (cut.to < segment.from || cut.from > segment.to) {
			rest.push(segment);
			continue;
		}
		if (segment.from < cut.from) rest.push({from: segment.from, to: cut.from - 1});
		if (segment.to > cut.to) rest.push({from: cut.to + 1, to: segment.to});
	}
	return rest;
}

/** Evaluates rules (already sorted by number) over a packet whose destination port is a range. */
export function evaluateNacl(rules: readonly IndexedNaclRule[], packet: NaclPacket): NaclVerdict {
	let open: PortRange[] = [packet.ports];
	const decisions: NaclDecision[] = [];
	for (const indexed of rules) {
		if (open.length === 0) break;
		const {rule} = indexed;
		if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) continue;
		const block = parseCidr(rule.cidr);
		if (block === undefined || !cidrContains(block, packet.address)) continue;
		const covers = rule.protocol === 'all' ? ALL_PORTS : rangeOf(rule.ports);
		for (const segment of open) {
			const from = Math.max(segment.from, covers.from);
			const to = Math.min(segment.to, covers.to);
			if (from <= to) decisions.push({range: {from, to}, action: rule.action, rule: indexed});
		}
		open = subtract(open, covers);
	}
	for (const segment of open) decisions.push({range: segment, action: 'deny'});
	decisions.sort((a, b) => a.range.from - b.range.from);
	const denied = decisions.filter((decision) => decision.action === 'deny');
	const deciding = denied[0] ?? decisions[0] ?? {range: packet.ports, action: 'deny'};
	return {allowed: denied.length === 0, decisions, deciding, denied};
}

/** Lists sub-ranges compactly: "1024-32767, 40000". */
export function describeRanges(ranges: readonly PortRange[]): string {
	const shown = ranges.slice(0, 4).map(formatPortRange);
	return ranges.length > 4 ? `${shown.join(', ')} and ${ranges.length - 4} more` : shown.join(', ');
}

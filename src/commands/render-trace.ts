import type {Decider, Hop, Packet, Trace} from '../engine/flow.js';
import {OUTCOME_SUMMARY} from '../engine/outcome.js';
import {wrap} from './wrap.js';

/**
 * A trace as plain text (no colours), ≤ 78 columns where the words allow:
 * the flow, then one line per hop — a mark (→ passed, ← the reply's way
 * back, ✗ dropped), the node, what happened and why (wrapped under itself)
 * — with rewritten addresses shown `before ⇒ after`, then the outcome code
 * and its message, and the component that decided.
 */

/** `10.0.2.15:1024-65535 → 203.0.113.50:443` */
export function formatPacket(packet: Packet): string {
	return `${packet.src}:${packet.srcPort} → ${packet.dst}:${packet.dstPortRange ?? packet.dstPort}`;
}

/** The component that decided, in the player's words; positions are 1-based as the commands number them. */
export function describeDecider(decider: Decider): string {
	const position = decider.index === undefined ? '' : ` #${decider.index + 1}`;
	const list = decider.list === undefined ? '' : ` ${decider.list}`;
	switch (decider.kind) {
		case 'dns-record':
			return `DNS record ${decider.id}`;
		case 'route':
			if (decider.index !== undefined) return `route table ${decider.id}, route${position}`;
			return decider.list === 'local' ? `route table ${decider.id}, the local route` : `route table ${decider.id}: no route matches`;
		case 'firewall-rule':
			return `firewall of ${decider.id},${list} rule${position}`;
		case 'firewall-policy':
			return `firewall of ${decider.id},${list} policy`;
		case 'security-group':
			// Without a rule number no group allowed it, and the id is the instance's: name its groups, not a group called db-1.
			if (decider.index === undefined) return `the security groups of ${decider.id}${decider.list === undefined ? '' : `, ${decider.list}`}: no rule allows it`;
			return `security group ${decider.id}${decider.list === undefined ? '' : `, ${decider.list}`} rule${position}`;
		case 'nacl-rule':
			return `network ACL ${decider.id},${list} rule ${decider.rule ?? '?'}`;
		case 'nacl-default':
			return `network ACL ${decider.id},${list} final deny (*)`;
		case 'app':
			return `app${position} on ${decider.id}`;
		case 'publish':
			return `published port${position} of ${decider.id}`;
		case 'port-forward':
			return `port forward${position} of ${decider.id}`;
		case 'internet-gateway':
			return `internet gateway ${decider.id}`;
		case 'nat-gateway':
			return `NAT gateway ${decider.id}`;
		case 'nat':
			return `NAT on ${decider.id}`;
	}
}

/** Node names are padded to the longest in the trace, within these bounds, so the notes line up. */
const MIN_NODE_WIDTH = 8;
const MAX_NODE_WIDTH = 16;
const ACTION_WIDTH = 9;

/** What a translation rewrote: `source a:p ⇒ b:p`, `destination …`, or both. */
export function describeRewrite(before: Packet, after: Packet): string[] {
	const lines: string[] = [];
	const source = (packet: Packet) => `${packet.src}:${packet.srcPort}`;
	const destination = (packet: Packet) => `${packet.dst}:${packet.dstPortRange ?? packet.dstPort}`;
	if (source(before) !== source(after)) lines.push(`source ${source(before)} ⇒ ${source(after)}`);
	if (destination(before) !== destination(after)) lines.push(`destination ${destination(before)} ⇒ ${destination(after)}`);
	return lines;
}

function hopLines(hop: Hop, nodeWidth: number): string[] {
	const mark = hop.action === 'drop' ? '✗' : hop.action === 'reply' ? '←' : '→';
	const head = `${mark} ${hop.node.padEnd(nodeWidth)} ${hop.action.padEnd(ACTION_WIDTH)} `;
	const lines = wrap(hop.note, head, ' '.repeat(head.length));
	if (hop.after !== undefined) lines.push(...describeRewrite(hop.packet, hop.after).map((line) => `${' '.repeat(nodeWidth + 3)}${line}`));
	return lines;
}

/** The lines of a trace. */
export function renderTrace(trace: Trace): string[] {
	const {flow, outcome} = trace;
	const target = flow.to ?? flow.toHost ?? '?';
	const lines = [`${flow.from} → ${target} port ${flow.port}/${flow.protocol}`];
	const first = trace.hops[0];
	if (first !== undefined) lines.push(`  ${formatPacket(first.packet)}`);
	const longest = Math.max(0, ...trace.hops.map((hop) => hop.node.length));
	const nodeWidth = Math.min(MAX_NODE_WIDTH, Math.max(MIN_NODE_WIDTH, longest));
	let replying = false;
	for (const hop of trace.hops) {
		if (hop.action === 'reply' && !replying) {
			replying = true;
			lines.push('  the reply:');
		}
		lines.push(...hopLines(hop, nodeWidth));
	}
	const delivered = outcome.code === 'DELIVERED';
	const head = `${delivered ? '✓' : '✗'} ${outcome.code}${delivered ? '' : ` at ${outcome.at}`}`;
	// The dropping hop usually says it already: then name what the code means instead of repeating it.
	const said = trace.hops.at(-1)?.action === 'drop' && trace.hops.at(-1)?.note === outcome.message;
	lines.push(...wrap(said ? OUTCOME_SUMMARY[outcome.code] : outcome.message, `${head}${said ? ' — ' : ': '}`, '  '));
	if (outcome.decidedBy !== undefined && !delivered) lines.push(`  decided by ${describeDecider(outcome.decidedBy)}`);
	return lines;
}

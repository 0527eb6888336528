import type {Hop, Packet, Trace} from '../../engine/flow.js';
import type {Network} from '../../engine/network.js';
import {windowAround} from '../scroll-window.js';
import {type Segment, type StyledLine, plainLine, seg, truncateLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';
import {textWidth} from '../text/width.js';
// The module itself, not the command language's index: the trace view must not pull the command table in.
import {quoteDecider} from '../../commands/quote-decider.js';
import {blockingHopIndex, type TraceViewState} from './use-trace-view-state.js';

/**
 * The trace view laid out as styled lines (pure): the packet's path with the
 * current hop and the blocking hop marked, the current hop in detail (its
 * addresses, NAT rewrites highlighted, the rule or route that decided), and
 * the list of every hop.
 */

/** The packet as text, e.g. `tcp 10.0.2.15:1024-65535 → 203.0.113.50:443`; fields differing from `before` are marked. */
export function packetSegments(packet: Packet, before?: Packet): Segment[] {
	const mark = (text: string, changed: boolean): Segment => seg(text, changed ? 'changed' : undefined);
	return [
		seg(`${packet.protocol} `),
		mark(packet.src, before !== undefined && before.src !== packet.src),
		seg(':'),
		mark(packet.srcPort, before !== undefined && before.srcPort !== packet.srcPort),
		seg(' → '),
		mark(packet.dst, before !== undefined && before.dst !== packet.dst),
		seg(':'),
		// A reply to any ephemeral port carries the whole range (dstPortRange); dstPort is then only its first port.
		mark(packet.dstPortRange ?? String(packet.dstPort), before !== undefined && before.dstPort !== packet.dstPort),
	];
}

/** What a translation rewrote, e.g. `source 10.0.1.10 ⇒ 203.0.113.7`. */
export function rewrites(before: Packet, after: Packet): string[] {
	const out: string[] = [];
	if (before.src !== after.src || before.srcPort !== after.srcPort) {
		out.push(`source ${before.src}:${before.srcPort} ⇒ ${after.src}:${after.srcPort}`);
	}
	if (before.dst !== after.dst || before.dstPort !== after.dstPort) {
		out.push(`destination ${before.dst}:${before.dstPortRange ?? before.dstPort} ⇒ ${after.dst}:${after.dstPortRange ?? after.dstPort}`);
	}
	return out;
}

/** A run of hops at one node: where the packet stopped on its way. */
type Stop = {node: string; first: number; last: number; reply: boolean};

function stopsOf(trace: Trace): Stop[] {
	const stops: Stop[] = [];
	trace.hops.forEach((hop, index) => {
		const previous = stops.at(-1);
		const reply = hop.action === 'reply';
		// A node the packet stays at is one stop, even where the reply sets off from it.
		if (previous && previous.node === hop.node) previous.last = index;
		else stops.push({node: hop.node, first: index, last: index, reply});
	});
	return stops;
}

/** The path strip: every node the packet visited, in order, the current one in brackets, the blocking one marked ✗. */
export function pathLine(trace: Trace, step: number): StyledLine {
	const blocking = blockingHopIndex(trace);
	const segments: Segment[] = [];
	stopsOf(trace).forEach((stop, index) => {
		if (index > 0) segments.push(seg(stop.reply ? ' ⇠ ' : ' → ', 'dim'));
		const current = step >= stop.first && step <= stop.last;
		const blocked = blocking !== undefined && blocking >= stop.first && blocking <= stop.last;
		const label = `${blocked ? '✗ ' : ''}${stop.node}`;
		segments.push(seg(current ? `[${label}]` : label, current ? 'selected' : blocked ? 'bad' : undefined));
	});
	return segments;
}

/**
 * The path drawn as boxes, like a packet simulator: one box per stop, the
 * packet's current stop in a heavy box, the blocking stop marked ✗. Falls
 * back to the one-line strip (wrapped) when the boxes do not fit the width.
 */
export function pathDiagram(trace: Trace, step: number, width: number): StyledLine[] {
	const blocking = blockingHopIndex(trace);
	const stops = stopsOf(trace);
	const labels = stops.map((stop) => `${blocking !== undefined && blocking >= stop.first && blocking <= stop.last ? '✗ ' : ''}${stop.node}`);
	const total = labels.reduce((sum, label) => sum + textWidth(label) + 4, 0) + 3 * Math.max(0, stops.length - 1);
	if (stops.length === 0 || total > width) return wrapLine(pathLine(trace, step), width, 2);
	const rows: Segment[][] = [[], [], []];
	stops.forEach((stop, index) => {
		const current = step >= stop.first && step <= stop.last;
		const blocked = labels[index]!.startsWith('✗');
		const tone = current ? 'accent' : blocked ? 'bad' : 'dim';
		const [h, v, tl, tr, bl, br] = current ? ['━', '┃', '┏', '┓', '┗', '┛'] : ['─', '│', '┌', '┐', '└', '┘'];
		const bar = h!.repeat(textWidth(labels[index]!) + 2);
		if (index > 0) {
			rows[0]!.push(seg('   '));
			rows[1]!.push(seg(stop.reply ? ' ⇠ ' : ' → ', 'dim'));
			rows[2]!.push(seg('   '));
		}
		rows[0]!.push(seg(`${tl}${bar}${tr}`, tone));
		rows[1]!.push(seg(`${v} `, tone), seg(labels[index]!, current ? 'selected' : blocked ? 'bad' : undefined), seg(` ${v}`, tone));
		rows[2]!.push(seg(`${bl}${bar}${br}`, tone));
	});
	return rows;
}

function detailOfHop(hop: Hop, index: number, trace: Trace, network: Network | undefined, width: number): StyledLine[] {
	const blocking = blockingHopIndex(trace);
	const lines: StyledLine[] = [];
	lines.push([seg(`Hop ${index + 1} of ${trace.hops.length}`, 'title'), seg(` · at ${hop.node} · ${hop.action}`, 'strong')]);
	lines.push([seg('packet      ', 'dim'), ...packetSegments(hop.packet)]);
	if (hop.after) {
		lines.push([seg('after       ', 'dim'), ...packetSegments(hop.after, hop.packet)]);
		for (const change of rewrites(hop.packet, hop.after)) lines.push([seg('rewritten   ', 'dim'), seg(change, 'changed')]);
	}
	if (hop.decidedBy) lines.push(...wrapLine([seg('decided by  ', 'dim'), seg(quoteDecider(network, hop.decidedBy))], width, 12));
	lines.push(...wrapLine([seg(hop.note)], width, 0));
	if (index === blocking) {
		lines.push(...wrapLine([seg(`✗ Blocked here: ${trace.outcome.code}`, 'bad'), seg(` — ${trace.outcome.message}`)], width, 2));
	}
	return lines;
}

/** The outcome as lines: the code, where, what decided it and the sentence. */
export function outcomeLines(trace: Trace, network: Network | undefined, width: number): StyledLine[] {
	const {outcome} = trace;
	const delivered = outcome.code === 'DELIVERED';
	const lines: StyledLine[] = [
		[seg(delivered ? '✓ ' : '✗ ', delivered ? 'ok' : 'bad'), seg(outcome.code, delivered ? 'ok' : 'bad'), seg(` at ${outcome.at}`)],
	];
	if (outcome.decidedBy) lines.push(...wrapLine([seg('decided by  ', 'dim'), seg(quoteDecider(network, outcome.decidedBy))], width, 12));
	lines.push(...wrapLine([seg(outcome.message)], width, 0));
	return lines;
}

/** The detail of the current step: a hop, or the outcome after the last hop (rules quoted from the state's network, if known). */
export function stepLines(state: TraceViewState, width: number): StyledLine[] {
	const {network} = state;
	const hop = state.trace.hops[state.step];
	if (!hop) return [[seg('Result', 'title'), seg(` · after ${state.trace.hops.length} hops`, 'strong')], ...outcomeLines(state.trace, network, width)];
	return detailOfHop(hop, state.step, state.trace, network, width);
}

/** One line per hop (windowed to `height` around the current step), the current one marked `›`, the blocking one `✗`. */
export function hopListLines(state: TraceViewState, width: number, height: number): StyledLine[] {
	const {trace, step} = state;
	const blocking = blockingHopIndex(trace);
	const rows = trace.hops.map((hop, index): StyledLine => {
		const current = index === step;
		const mark = current ? '›' : index === blocking ? '✗' : ' ';
		const tone = current ? 'selected' : index === blocking ? 'bad' : undefined;
		return truncateLine([seg(`${mark}${String(index + 1).padStart(3)} ${hop.node} ${hop.action}`, tone), seg(` ${hop.note}`, 'dim')], width);
	});
	const window = windowAround(rows.length, step, height);
	return rows.slice(window.start, window.end);
}

/** The flow being traced, in one line. */
export function flowLine(trace: Trace): StyledLine {
	const {flow} = trace;
	const target = flow.to ?? flow.toHost ?? '?';
	return plainLine(`${flow.from} → ${target} ${flow.protocol}/${flow.port}${flow.sourcePort ? ` from port ${flow.sourcePort}` : ''}`, 'dim');
}

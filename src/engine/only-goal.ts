import type {GoalResult, OnlyGoal, PortSpan} from './goal.js';
import type {Network} from './network.js';
import {
	formatSpan,
	formatSpans,
	fromServicePorts,
	isEmptySet,
	subtractSets,
	toSpans,
	unionSets,
	type PortSets,
} from './port-spans.js';
import type {ReachabilityCache} from './reachable-ports.js';
import {trace} from './trace.js';

/**
 * The `only` goal: from each source, the target is reachable on exactly the
 * listed ports — no port more (the "open everything" answer fails) and none
 * less — over the whole TCP and UDP port space, computed exactly. A port is
 * "more" when it is open (the packet gets through every filter to the
 * target, see OPEN_CODES), even if nothing listens there; a listed port is
 * missing unless its flow is DELIVERED.
 */

/** At most this many runs are listed in `extra` and `missing`. */
export const SPAN_LIST_CAP = 20;

/** How many runs a sentence names before "and N more". */
const MESSAGE_CAP = 5;

type Offence = {readonly source: string; readonly span: PortSpan; readonly kind: 'extra' | 'missing'};

function endpointExists(network: Network, id: string): boolean {
	return network.hosts.some((host) => host.id === id) || network.containers.some((container) => container.id === id);
}

/** Grades an `only` goal, reusing reachability already computed in this grading. */
export function gradeOnlyGoal(network: Network, goal: OnlyGoal, cache: ReachabilityCache): GoalResult {
	const base = {id: goal.id, kind: goal.kind, description: goal.description} as const;
	const unknown = [...goal.from, goal.toHost].filter((id) => !endpointExists(network, id));
	if (unknown.length > 0) {
		return {
			...base,
			passed: false,
			code: 'BAD_FLOW',
			message: `There is no host or container called ${unknown.map((id) => `'${id}'`).join(', ')}.`,
		};
	}
	const allowed = fromServicePorts(goal.ports);
	const extras: PortSets[] = [];
	const missings: PortSets[] = [];
	let first: Offence | undefined;
	const offendingSources: string[] = [];
	for (const source of goal.from) {
		const {open, delivered} = cache.get(source, goal.toHost);
		const extra = subtractSets(open, allowed);
		const missing = subtractSets(allowed, delivered);
		extras.push(extra);
		missings.push(missing);
		if (isEmptySet(extra) && isEmptySet(missing)) continue;
		offendingSources.push(source);
		if (first === undefined) {
			// Show a port that really answers (say ssh on 22) before one that only gets past the filters.
			const answering = subtractSets(extra, subtractSets(extra, delivered));
			const span = toSpans(answering)[0] ?? toSpans(extra)[0];
			first = span !== undefined ? {source, span, kind: 'extra'} : {source, span: toSpans(missing)[0]!, kind: 'missing'};
		}
	}
	const wanted = toSpans(allowed);
	if (first === undefined) {
		const list = wanted.length === 0 ? 'no port at all' : `only ${formatSpans(wanted, MESSAGE_CAP)}`;
		return {...base, passed: true, message: `${goal.toHost} is reachable on ${list}, as required.`, extra: [], missing: []};
	}
	const extraSpans = toSpans(unionSets(extras));
	const missingSpans = toSpans(unionSets(missings));
	const offence = first;
	const offendingTrace = trace(network, {
		from: offence.source,
		toHost: goal.toHost,
		port: offence.span.port,
		protocol: offence.span.protocol,
	});
	const parts: string[] = [];
	if (extraSpans.length > 0) {
		parts.push(`nothing stops traffic to ${goal.toHost} on ${formatSpans(extraSpans, MESSAGE_CAP)}, which should be closed`);
	}
	if (missingSpans.length > 0) {
		parts.push(`${formatSpans(missingSpans, MESSAGE_CAP)} should be reachable but ${missingSpans.length === 1 ? 'is' : 'are'} not`);
	}
	const who = `From ${offendingSources.join(' and ')}`;
	const port = formatSpan({protocol: offence.span.protocol, port: offence.span.port});
	const delivered = offendingTrace.outcome.code === 'DELIVERED';
	const example =
		offence.kind === 'extra' && !delivered
			? `e.g. ${port} gets past every filter; only because nothing listens there is it refused: ${offendingTrace.outcome.message}`
			: `e.g. ${port}: ${offendingTrace.outcome.message}`;
	return {
		...base,
		passed: false,
		code: offendingTrace.outcome.code,
		message: `${who}: ${parts.join('; ')} (${example})`,
		trace: offendingTrace,
		extra: extraSpans.slice(0, SPAN_LIST_CAP),
		missing: missingSpans.slice(0, SPAN_LIST_CAP),
	};
}

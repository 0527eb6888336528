import {isLoopback, parseAddress} from './address.js';
import {hostArrive, hostSend} from './at-host.js';
import {containerArrive, containerSend} from './containers.js';
import {deliverToApp, refuse} from './deliver.js';
import {isOwnAddress, resolveDestination, type Source} from './destination.js';
import {flowSchema, type Flow, type FlowInput, type Outcome, type Trace} from './flow.js';
import {gatewayIn, gatewayOut, natGatewayArrive, onInternet} from './gateways.js';
import {checkChain} from './guards.js';
import {deliverAtHost} from './host-delivery.js';
import type {Network} from './network.js';
import {EPHEMERAL_PORTS} from './ports.js';
import {sourceView} from './source-view.js';
import {topologyOf, type Topology} from './topology.js';
import {fail, ip, nodeOf, record, startPhase, type End, type Position, type Step, type Walk, type Wire, possessive} from './walk.js';

/**
 * The packet walker: traces one flow through the network hop by hop — DNS,
 * the source's egress filters, routing, translations, the destination's
 * ingress filters, the listening app — and, for TCP, the reply back to the
 * client (stateless network ACLs and return routes checked, stateful
 * filters remembering the connection).
 */

/** Steps a walk can take before the walker gives up (a safety net far above any real path; loops end at the hop limit). */
const STEP_LIMIT = 10_000;

function dispatch(walk: Walk, position: Position, wire: Wire): Step {
	switch (position.at) {
		case 'host-send':
			return hostSend(walk, position.host, position.mode, wire);
		case 'host-arrive':
			return hostArrive(walk, position.host, position.viaBridge, wire);
		case 'container-send':
			return containerSend(walk, position.container, wire);
		case 'container-arrive':
			return containerArrive(walk, position.container, position.network, wire);
		case 'internet':
			return onInternet(walk, wire);
		case 'igw-out':
			return gatewayOut(walk, position.gateway, wire);
		case 'igw-in':
			return gatewayIn(walk, position.gateway, position.owner, wire);
		case 'natgw-arrive':
			return natGatewayArrive(walk, position.natGateway, wire);
	}
}

function run(walk: Walk, first: Step): End {
	let step = first;
	for (let count = 0; step.kind === 'move'; count++) {
		// Unreachable in practice: every move spends TTL. A safety net so the walker can never spin.
		if (count >= STEP_LIMIT) return fail(walk, nodeOf(step.position), 'LOOP', 'The packet never arrived anywhere, so the walk was stopped.', step.wire);
		step = dispatch(walk, step.position, step.wire);
	}
	return step;
}

/** A best-effort Flow for a trace of input that is not a valid flow. */
function coerceFlow(input: unknown): Flow {
	const value = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
	const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
	const flow: Record<string, unknown> = {
		from: text('from') ?? '',
		port: typeof value.port === 'number' ? value.port : 0,
		protocol: value.protocol === 'udp' ? 'udp' : 'tcp',
	};
	if (text('to') !== undefined) flow.to = text('to');
	if (text('toHost') !== undefined) flow.toHost = text('toHost');
	if (typeof value.sourcePort === 'number') flow.sourcePort = value.sourcePort;
	return flow as Flow;
}

function badFlow(flow: Flow, message: string, hops: Trace['hops'] = []): Trace {
	return {flow, hops, path: [], outcome: {code: 'BAD_FLOW', at: flow.from === '' ? 'flow' : flow.from, message}};
}

function sourceOf(walkFlow: Flow, topology: Topology): Source | undefined {
	const host = topology.hosts.get(walkFlow.from);
	if (host !== undefined) return {kind: 'host', host, id: host.id};
	const container = topology.containers.get(walkFlow.from);
	return container === undefined ? undefined : {kind: 'container', container, id: container.id};
}

/**
 * Delivery without the network: to 127.0.0.0/8 or to one of the source's own
 * addresses. Such packets cross the loopback interface `lo`, and Linux runs
 * them through the OUTPUT chain and then the INPUT chain like any other
 * (iptables(8): a rule with `-i lo` matches them), which is why real rule sets
 * begin with `-A INPUT -i lo -j ACCEPT`. Containers have no chains here.
 */
function selfDelivery(walk: Walk, source: Source, wire: Wire): Step {
	const loopback = isLoopback(wire.dst);
	// The kernel's local route for 127.0.0.0/8 has `src 127.0.0.1`; to one of its own addresses a host sends from that address (ip-route(8)).
	const out: Wire = {...wire, src: loopback ? (parseAddress('127.0.0.1') ?? wire.dst) : wire.dst};
	walk.client.address = out.src;
	const note = loopback
		? `${ip(wire.dst)} is a loopback address (all of 127.0.0.0/8 is): the packet never leaves ${source.id}, it goes over the loopback interface lo.`
		: `${ip(wire.dst)} is ${possessive(source.id)} own address: the packet never leaves ${source.id}, it goes over the loopback interface lo.`;
	record(walk, source.id, 'route', out, note);
	const arrival = {fromSelf: true, loopback};
	if (source.kind === 'host') {
		const stopped = checkChain(walk, source.host, 'output', out, {loopback: true}) ?? checkChain(walk, source.host, 'input', out, {loopback: true});
		return stopped ?? deliverAtHost(walk, source.host, out, arrival);
	}
	const listener = {id: source.id, apps: source.container.apps, at: {kind: 'container', container: source.container}} as const;
	return deliverToApp(walk, listener, out, arrival) ?? refuse(walk, source.id, out);
}

/**
 * Traces the reply of a delivered request back to the client; returns the
 * final outcome. TCP always answers; so does a UDP service (the game's UDP
 * apps are request/response services such as DNS), and its reply meets the
 * same stateless filters a TCP reply does.
 */
function traceReply(walk: Walk, delivered: NonNullable<End['delivered']>, request: Outcome, local: boolean): Outcome {
	const server = delivered.at.kind === 'host' ? delivered.at.host.id : delivered.at.container.id;
	// Every node the request passed keeps it in its connection tracking table.
	walk.tracked = new Set(walk.path);
	startPhase(walk, 'reply', server);
	const sent = delivered.wire;
	const reply: Wire = {protocol: sent.protocol, src: sent.dst, srcPort: sent.dstPort, dst: sent.src, dstPort: sent.srcPort, srcOwner: server};
	if (local) {
		const host = delivered.at.kind === 'host' ? delivered.at.host : undefined;
		const stopped = host === undefined ? undefined : (checkChain(walk, host, 'output', reply, {loopback: true}) ?? checkChain(walk, host, 'input', reply, {loopback: true}));
		if (stopped?.kind === 'end') return stopped.outcome;
		record(walk, server, 'reply', reply, `The reply comes straight back to ${walk.client.id} inside the machine, over lo.`);
		return request;
	}
	const position: Position = delivered.at.kind === 'host' ? {at: 'host-send', host: delivered.at.host, mode: 'origin'} : {at: 'container-send', container: delivered.at.container};
	const end = run(walk, {kind: 'move', position, wire: reply});
	if (end.outcome.code !== 'DELIVERED') return end.outcome;
	return {...request, message: `${request.message.replace(/\.$/, '')}, and the reply gets back to ${walk.client.id}.`};
}

/** How a trace is sent, beyond its flow. */
export type TraceOptions = {
	/**
	 * Send from this address instead of the source host's own (first
	 * interface): one address of the class the host stands for (see source-view.ts).
	 */
	readonly sourceAddress?: number;
};

function traceFlow(network: Network, input: FlowInput | Flow, options: TraceOptions): Trace {
	const parsed = flowSchema.safeParse(input);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
		return badFlow(coerceFlow(input), `This flow is malformed: ${issues.join('; ')}.`);
	}
	const flow = parsed.data;
	const base = topologyOf(network);
	const topology = options.sourceAddress === undefined ? base : sourceView(base, flow.from, options.sourceAddress);
	const source = sourceOf(flow, topology);
	if (source === undefined) return badFlow(flow, `There is no host or container called '${flow.from}'.`);
	const primary = source.kind === 'host' ? source.host.interfaces[0]?.ip : source.container.networks[0]?.ip;
	const srcPort = flow.sourcePort === undefined ? EPHEMERAL_PORTS : {from: flow.sourcePort, to: flow.sourcePort};
	const walk: Walk = {
		topology,
		flow,
		phase: 'request',
		hops: [],
		path: [],
		nat: [],
		client: {id: source.id, address: parseAddress(primary ?? '') ?? 0, port: srcPort},
		target: {address: 0, port: flow.port},
		moves: 0,
		seen: new Map(),
		trail: [],
	};
	startPhase(walk, 'request', source.id);
	const start: Wire = {protocol: flow.protocol, src: walk.client.address, srcPort, dst: 0, dstPort: {from: flow.port, to: flow.port}};
	const destination = resolveDestination(walk, source, flow, source.kind === 'host' ? {...start, srcOwner: source.id} : start);
	if (!destination.ok) {
		if (destination.code === 'BAD_FLOW') return badFlow(flow, destination.message, walk.hops);
		const outcome: Outcome = {code: destination.code, at: source.id, message: destination.message};
		return {flow, hops: walk.hops, path: walk.path, outcome: destination.decidedBy === undefined ? outcome : {...outcome, decidedBy: destination.decidedBy}};
	}
	walk.target.address = destination.address;
	const wire: Wire = {...start, dst: destination.address, ...(source.kind === 'host' ? {srcOwner: source.id} : {})};
	// A flow to the source's own address never leaves the machine, so neither does its reply.
	const local = isLoopback(wire.dst) || isOwnAddress(topology, source, wire.dst);
	const first: Step = local
		? selfDelivery(walk, source, wire)
		: {kind: 'move', position: source.kind === 'host' ? {at: 'host-send', host: source.host, mode: 'origin'} : {at: 'container-send', container: source.container}, wire};
	const end = run(walk, first);
	const outcome = end.delivered === undefined ? end.outcome : traceReply(walk, end.delivered, end.outcome, local);
	return {flow, hops: walk.hops, path: walk.path, outcome};
}

/**
 * Traces one flow through the network and says what happened to it: every
 * hop in order, the components passed (`path`), and one outcome with a code
 * from OUTCOME_CODES. Accepts a flow as written in JSON (defaults filled).
 * Never throws: a malformed flow or an unknown source gives BAD_FLOW.
 */
export function trace(network: Network, flow: FlowInput | Flow, options: TraceOptions = {}): Trace {
	try {
		return traceFlow(network, flow, options);
	} catch (error) {
		// Exceptions are bugs; a game must not crash on one, so it is reported as a failed trace.
		return badFlow(coerceFlow(flow), `The engine could not trace this flow (internal error: ${error instanceof Error ? error.message : String(error)}).`);
	}
}

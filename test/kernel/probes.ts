import type {Flow} from '../../src/engine/flow.js';
import type {Goal, GradeReport, OnlyGoal, PortSpan} from '../../src/engine/goal.js';
import type {App, Network} from '../../src/engine/network.js';
import type {OutcomeCode} from '../../src/engine/outcome.js';
import {trace} from '../../src/engine/trace.js';
import type {ProbeRequest, ProbeResult} from '../../src/lab/kernel.js';

/**
 * What verify:kernel sends through a lab, and what the engine says of each
 * probe: every `reach` and `blocked` goal's flow, and for each `only` goal,
 * from each source, its listed ports and a sample of the others (the ports
 * the engine reports extra or missing, and well-known ones). An unlisted
 * sampled port gets a listener on the target, in the engine's network and in
 * the lab alike, so "open" means the same on both: a connection is accepted.
 * Pure: the kernel part is in verify-kernel.ts.
 */

/** One probe, with the engine's verdict on it. */
export type Probe = {
	readonly goal: string;
	readonly request: ProbeRequest;
	readonly label: string;
	readonly engineDelivered: boolean;
	readonly engineCode: OutcomeCode;
};

/** How one goal is decided from its probes' kernel results. */
export type GoalCheck = {
	readonly id: string;
	readonly kind: Goal['kind'];
	/** The engine's verdict on the goal, whole. */
	readonly enginePassed: boolean;
	/**
	 * The engine's verdict on what the kernel can see: for `reach`, delivered
	 * (not the path of `via`); for `blocked`, not delivered (not which of `codes`
	 * stopped it); for `only`, the goal itself.
	 */
	readonly engineObservable: boolean;
	/** The goal's verdict on the kernel, from its probes' results (in `probes` order). */
	readonly kernelPassed: (results: readonly ProbeResult[]) => boolean;
	/** Indices into the probe list. */
	readonly probes: readonly number[];
	readonly note?: string;
};

/** Everything one scenario checks. */
export type ScenarioProbes = {
	readonly probes: readonly Probe[];
	readonly goals: readonly GoalCheck[];
	/** Listeners to add (node → apps) so that sampled ports answer when they are open. */
	readonly listeners: ReadonlyMap<string, readonly App[]>;
	/** Goals the kernel cannot check (state goals), with why. */
	readonly unchecked: readonly {readonly id: string; readonly why: string}[];
};

/** Well-known TCP ports sampled for every `only` goal besides its own and the engine's extra and missing ones. */
const SAMPLE_TCP = [1, 21, 22, 23, 25, 80, 443, 1024, 3306, 5432, 6379, 8000, 8080, 9090, 11434, 27017, 65535];
const SAMPLE_UDP = [53, 123, 9999];

/** The address a flow goes to, as the engine resolved it (a name stays a name: the lab's /etc/hosts resolves it). */
function destination(network: Network, flow: Flow): string | undefined {
	if (flow.to !== undefined) return flow.to;
	const first = trace(network, flow).hops[0];
	return first?.packet.dst;
}

function spanPorts(spans: readonly PortSpan[] | undefined): {protocol: 'tcp' | 'udp'; port: number}[] {
	return (spans ?? []).flatMap((span) => {
		const ports = [span.port, ...(span.to === undefined ? [] : [span.to])];
		return ports.map((port) => ({protocol: span.protocol, port}));
	});
}

function endpointApps(network: Network, id: string): readonly App[] {
	return network.hosts.find((host) => host.id === id)?.apps ?? network.containers.find((item) => item.id === id)?.apps ?? [];
}

/** Whether a Docker host publishes this port (its docker-proxy listens there). */
function publishes(network: Network, hostId: string, protocol: string, port: number): boolean {
	return network.containers.some((item) => item.host === hostId && item.publish.some((publish) => publish.protocol === protocol && publish.hostPort === port));
}

function withApps(network: Network, listeners: ReadonlyMap<string, readonly App[]>): Network {
	return {
		...network,
		hosts: network.hosts.map((host) => ({...host, apps: [...host.apps, ...(listeners.get(host.id) ?? [])]})),
		containers: network.containers.map((item) => ({...item, apps: [...item.apps, ...(listeners.get(item.id) ?? [])]})),
	};
}

/** The probes and goal checks of one scenario: `network` is the network after the hand-in, `report` its grade. */
export function scenarioProbes(network: Network, goals: readonly Goal[], report: GradeReport): ScenarioProbes {
	// A listener on a port some reach or blocked goal sends to would change that goal, wherever it points (127.0.0.1 included).
	const flowPorts = new Set<string>();
	for (const goal of goals) if (goal.kind === 'reach' || goal.kind === 'blocked') flowPorts.add(`${goal.flow.protocol}/${goal.flow.port}`);
	const listeners = new Map<string, App[]>();
	const onlySamples = new Map<string, {listed: {protocol: 'tcp' | 'udp'; port: number}[]; unlisted: {protocol: 'tcp' | 'udp'; port: number}[]}>();
	for (const goal of goals) {
		if (goal.kind !== 'only') continue;
		const result = report.goals.find((item) => item.id === goal.id);
		const listed = goal.ports.map((item) => ({protocol: item.protocol, port: item.port}));
		const isListed = (protocol: string, port: number) => listed.some((item) => item.protocol === protocol && item.port === port);
		const candidates = [
			...spanPorts(result?.extra),
			...spanPorts(result?.missing),
			...SAMPLE_TCP.map((port) => ({protocol: 'tcp' as const, port})),
			...SAMPLE_UDP.map((port) => ({protocol: 'udp' as const, port})),
		];
		const unlisted: {protocol: 'tcp' | 'udp'; port: number}[] = [];
		for (const candidate of candidates) {
			if (isListed(candidate.protocol, candidate.port) || unlisted.some((item) => item.protocol === candidate.protocol && item.port === candidate.port)) continue;
			const apps = [...endpointApps(network, goal.toHost), ...(listeners.get(goal.toHost) ?? [])];
			const taken = apps.some((app) => app.protocol === candidate.protocol && app.port === candidate.port) || publishes(network, goal.toHost, candidate.protocol, candidate.port);
			if (!taken) {
				if (flowPorts.has(`${candidate.protocol}/${candidate.port}`)) continue;
				listeners.set(goal.toHost, [...(listeners.get(goal.toHost) ?? []), {name: `probe-${candidate.protocol}-${candidate.port}`, port: candidate.port, protocol: candidate.protocol, bind: '0.0.0.0'}]);
			}
			unlisted.push(candidate);
		}
		onlySamples.set(goal.id, {listed, unlisted});
	}
	const probed = withApps(network, listeners);
	const probes: Probe[] = [];
	const checks: GoalCheck[] = [];
	const unchecked: {id: string; why: string}[] = [];
	const add = (goal: string, flow: Flow): number | undefined => {
		const to = destination(probed, flow);
		if (to === undefined) return undefined;
		const outcome = trace(probed, flow).outcome;
		probes.push({
			goal,
			request: {from: flow.from, protocol: flow.protocol, to, port: flow.port, ...(flow.sourcePort === undefined ? {} : {sourcePort: flow.sourcePort})},
			label: `${flow.from} → ${flow.to ?? flow.toHost}${flow.to === undefined ? ` (${to})` : ''} ${flow.protocol}/${flow.port}`,
			engineDelivered: outcome.code === 'DELIVERED',
			engineCode: outcome.code,
		});
		return probes.length - 1;
	};
	for (const goal of goals) {
		const enginePassed = report.goals.find((item) => item.id === goal.id)?.passed ?? false;
		if (goal.kind === 'state') {
			unchecked.push({id: goal.id, why: `a state goal (${goal.state.check}) is about the configuration, not traffic`});
			continue;
		}
		if (goal.kind === 'reach' || goal.kind === 'blocked') {
			const index = add(goal.id, goal.flow);
			if (index === undefined) {
				unchecked.push({id: goal.id, why: 'its flow names nothing the engine can address'});
				continue;
			}
			const delivered = (results: readonly ProbeResult[]) => results[0] === 'connected';
			const engineDelivered = probes[index]!.engineDelivered;
			const note =
				goal.kind === 'reach' && goal.via !== undefined
					? `through ${goal.via}: the kernel sees delivery, the engine also the path`
					: goal.kind === 'blocked' && goal.codes !== undefined
						? `with ${goal.codes.join(' or ')}: the kernel sees blocked, the engine also why`
						: undefined;
			checks.push({
				id: goal.id,
				kind: goal.kind,
				enginePassed,
				engineObservable: goal.kind === 'reach' ? engineDelivered : !engineDelivered,
				probes: [index],
				kernelPassed: goal.kind === 'reach' ? delivered : (results) => !delivered(results),
				...(note === undefined ? {} : {note}),
			});
			continue;
		}
		checks.push(onlyCheck(goal, enginePassed, onlySamples.get(goal.id)!, add));
	}
	return {probes, goals: checks, listeners, unchecked};
}

function onlyCheck(
	goal: OnlyGoal,
	enginePassed: boolean,
	samples: {listed: {protocol: 'tcp' | 'udp'; port: number}[]; unlisted: {protocol: 'tcp' | 'udp'; port: number}[]},
	add: (goal: string, flow: Flow) => number | undefined,
): GoalCheck {
	const wanted: number[] = [];
	const unwanted: number[] = [];
	for (const source of goal.from) {
		for (const port of samples.listed) {
			const index = add(goal.id, {from: source, toHost: goal.toHost, port: port.port, protocol: port.protocol});
			if (index !== undefined) wanted.push(index);
		}
		for (const port of samples.unlisted) {
			const index = add(goal.id, {from: source, toHost: goal.toHost, port: port.port, protocol: port.protocol});
			if (index !== undefined) unwanted.push(index);
		}
	}
	const all = [...wanted, ...unwanted];
	// Open, as the engine counts it: the packet reaches the target. On the kernel: a connection accepted, or a datagram heard.
	return {
		id: goal.id,
		kind: 'only',
		enginePassed,
		engineObservable: enginePassed,
		probes: all,
		kernelPassed: (results) => results.every((result, position) => (position < wanted.length ? result === 'connected' : result !== 'connected' && result !== 'arrived')),
		note: 'sampled ports: the listed ones, the ones the engine finds extra or missing, and well-known ones',
	};
}

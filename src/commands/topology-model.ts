import type {Trace} from '../engine/flow.js';
import type {Host, Network, Subnet} from '../engine/network.js';
import {describeDecider, describeRewrite} from './render-trace.js';

/**
 * The network as a picture's data (pure): places inside places — the
 * internet, each VPC with its subnets, the on-premises site with its subnets,
 * each Docker host with its container networks — and the machines in them.
 * A machine attached to several places (a router, a NAT device) is listed in
 * each, saying where else it is: that is how the picture shows the links.
 * Gateways sit on their VPC's edge. `topologyText` reads it out as linear
 * text for screen readers and the log; the UI draws it as boxes.
 */

/** What a machine in the picture is. */
export type TopologyNodeKind = 'client' | 'server' | 'instance' | 'router' | 'nat' | 'internet-gateway' | 'nat-gateway' | 'container';

/** One machine or gateway in a place. */
export type TopologyNode = {
	/** The id traces name it by. */
	readonly id: string;
	readonly kind: TopologyNodeKind;
	/** Its address in this place (and its public address, for cloud instances and NAT gateways). */
	readonly address?: string;
	readonly publicAddress?: string;
	/** Short facts: what listens, published ports. */
	readonly facts: readonly string[];
	/** Other places this machine is attached to (routers, NAT devices, containers on several networks). */
	readonly alsoIn: readonly string[];
};

/** A box of the picture. */
export type TopologyPlace = {
	readonly id: string;
	readonly kind: 'internet' | 'vpc' | 'site' | 'subnet' | 'docker-host' | 'container-network' | 'unplaced';
	/** `10.0.1.0/24`, a route table, an ACL: what the title line says after the id. */
	readonly facts: readonly string[];
	/** Gateways on this place's edge (a VPC's internet gateway). */
	readonly edge: readonly TopologyNode[];
	readonly nodes: readonly TopologyNode[];
	readonly places: readonly TopologyPlace[];
};

/** The whole picture: its top-level places in order (internet first). */
export type TopologyModel = {readonly places: readonly TopologyPlace[]};

/** The id of the internet in an interface's subnet (engine/network.ts's INTERNET; not imported, so drawing the picture never loads zod). */
const INTERNET = 'internet';

const KIND_WORD: Readonly<Record<TopologyNodeKind, string>> = {
	client: 'client',
	server: 'server',
	instance: 'instance',
	router: 'router',
	nat: 'NAT device',
	'internet-gateway': 'internet gateway',
	'nat-gateway': 'NAT gateway',
	container: 'container',
};

/** The word for a node's kind, e.g. `NAT gateway`. */
export function kindWord(kind: TopologyNodeKind): string {
	return KIND_WORD[kind];
}

function hostNode(network: Network, host: Host, place: string, address: string | undefined): TopologyNode {
	const places = host.interfaces.map((nic) => nic.subnet);
	const alsoIn = [...new Set(places.filter((other) => other !== place))];
	const facts = host.apps.map((app) => `${app.name} ${app.port}/${app.protocol}${app.bind === '127.0.0.1' ? ' @127.0.0.1' : ''}`);
	if (network.containers.some((container) => container.host === host.id)) facts.push('runs containers');
	return {
		id: host.id,
		kind: host.kind,
		...(address === undefined ? {} : {address}),
		...(host.publicIp === undefined || place === INTERNET ? {} : {publicAddress: host.publicIp}),
		facts,
		alsoIn,
	};
}

function subnetPlace(network: Network, subnet: Subnet): TopologyPlace {
	const nodes: TopologyNode[] = [];
	for (const host of network.hosts) {
		for (const nic of host.interfaces) if (nic.subnet === subnet.id) nodes.push(hostNode(network, host, subnet.id, nic.ip));
	}
	for (const gateway of network.natGateways) {
		if (gateway.subnet === subnet.id) nodes.push({id: gateway.id, kind: 'nat-gateway', address: gateway.privateIp, publicAddress: gateway.publicIp, facts: [], alsoIn: []});
	}
	const facts = [subnet.cidr, ...(subnet.label ? [subnet.label] : []), ...(subnet.routeTable ? [`route table ${subnet.routeTable}`] : []), ...(subnet.networkAcl ? [`ACL ${subnet.networkAcl}`] : [])];
	return {id: subnet.id, kind: 'subnet', facts, edge: [], nodes, places: []};
}

/** The picture of a network. */
export function topologyModel(network: Network): TopologyModel {
	const places: TopologyPlace[] = [];
	const internetNodes = network.hosts.flatMap((host) => host.interfaces.filter((nic) => nic.subnet === INTERNET).map((nic) => hostNode(network, host, INTERNET, nic.ip)));
	const looseGateways = network.internetGateways
		.filter((gateway) => gateway.vpc === undefined || !network.vpcs.some((vpc) => vpc.id === gateway.vpc))
		.map((gateway): TopologyNode => ({id: gateway.id, kind: 'internet-gateway', facts: ['not attached to a VPC'], alsoIn: []}));
	places.push({id: INTERNET, kind: 'internet', facts: [], edge: [], nodes: [...internetNodes, ...looseGateways], places: []});
	for (const vpc of network.vpcs) {
		const edge = network.internetGateways
			.filter((gateway) => gateway.vpc === vpc.id)
			.map((gateway): TopologyNode => ({id: gateway.id, kind: 'internet-gateway', facts: [], alsoIn: [INTERNET]}));
		const subnets = network.subnets.filter((subnet) => subnet.vpc === vpc.id).map((subnet) => subnetPlace(network, subnet));
		places.push({id: vpc.id, kind: 'vpc', facts: [vpc.cidr, ...(edge.length === 0 ? ['no internet gateway'] : [])], edge, nodes: [], places: subnets});
	}
	const vpcIds = new Set(network.vpcs.map((vpc) => vpc.id));
	const onPremises = network.subnets.filter((subnet) => subnet.vpc === undefined || !vpcIds.has(subnet.vpc));
	if (onPremises.length > 0) places.push({id: 'on-premises', kind: 'site', facts: ['not in a VPC'], edge: [], nodes: [], places: onPremises.map((subnet) => subnetPlace(network, subnet))});
	const dockerHosts = [...new Set(network.containerNetworks.map((bridge) => bridge.host))];
	for (const host of dockerHosts) {
		const bridges = network.containerNetworks.filter((bridge) => bridge.host === host);
		const inner = bridges.map((bridge): TopologyPlace => {
			const nodes = network.containers.flatMap((container) =>
				container.networks
					.filter((membership) => membership.network === bridge.id)
					.map((membership): TopologyNode => ({
						id: container.id,
						kind: 'container',
						address: membership.ip,
						facts: [
							...container.apps.map((app) => `${app.name} ${app.port}/${app.protocol}${app.bind === '127.0.0.1' ? ' @127.0.0.1' : ''}`),
							...container.publish.map((publish) => `-p ${publish.hostIp === '0.0.0.0' ? '' : `${publish.hostIp}:`}${publish.hostPort}:${publish.containerPort}`),
						],
						alsoIn: container.networks.map((other) => other.network).filter((other) => other !== bridge.id),
					})),
			);
			return {id: bridge.id, kind: 'container-network', facts: [bridge.cidr, bridge.default ? 'default bridge: no names' : 'names resolve'], edge: [], nodes, places: []};
		});
		const detached = network.containers.filter((container) => container.host === host && container.networks.length === 0);
		const loose = detached.map((container): TopologyNode => ({id: container.id, kind: 'container', facts: ['on no network'], alsoIn: []}));
		places.push({id: host, kind: 'docker-host', facts: [], edge: [], nodes: loose, places: inner});
	}
	const unplaced = network.hosts.filter((host) => host.interfaces.length === 0).map((host) => hostNode(network, host, '', undefined));
	if (unplaced.length > 0) places.push({id: 'not placed yet', kind: 'unplaced', facts: [], edge: [], nodes: unplaced, places: []});
	return {places};
}

/** Where a trace is at one step, for the picture: which nodes it visited, where it is now, where it stopped. */
export type TraceOverlay = {
	/** Node id → the 1-based hop numbers at that node. */
	readonly visited: ReadonlyMap<string, readonly number[]>;
	/** The node of the current step (undefined on the outcome step). */
	readonly current?: string;
	/** What happens at the current step, in one line. */
	readonly currentNote?: string;
	/** The node where the packet was dropped, if it was. */
	readonly droppedAt?: string;
	/** The outcome in one line. */
	readonly outcome: string;
	readonly delivered: boolean;
};

/** The overlay of `trace` at `step` (0…hops; `hops.length` is the outcome). */
export function traceOverlay(trace: Trace, step: number): TraceOverlay {
	const visited = new Map<string, number[]>();
	trace.hops.forEach((hop, index) => {
		if (index > step) return;
		const list = visited.get(hop.node) ?? [];
		list.push(index + 1);
		visited.set(hop.node, list);
	});
	const delivered = trace.outcome.code === 'DELIVERED';
	const hop = trace.hops[step];
	let currentNote: string | undefined;
	if (hop !== undefined) {
		const rewrite = hop.after === undefined ? [] : describeRewrite(hop.packet, hop.after);
		const decided = hop.decidedBy === undefined ? '' : ` (${describeDecider(hop.decidedBy)})`;
		currentNote = `hop ${step + 1}/${trace.hops.length} ${hop.action}${rewrite.length > 0 ? `: ${rewrite.join(', ')}` : ''}${decided} — ${hop.note}`;
	}
	const decided = trace.outcome.decidedBy === undefined || delivered ? '' : `, decided by ${describeDecider(trace.outcome.decidedBy)}`;
	return {
		visited,
		...(hop === undefined ? {} : {current: hop.node}),
		...(currentNote === undefined ? {} : {currentNote}),
		...(delivered ? {} : {droppedAt: trace.outcome.at}),
		outcome: `${delivered ? 'delivered' : `stopped at ${trace.outcome.at}`}: ${trace.outcome.code}${decided}`,
		delivered,
	};
}

function nodeText(node: TopologyNode): string {
	const where = node.address === undefined ? '' : ` at ${node.address}`;
	const outside = node.publicAddress === undefined ? '' : `, public ${node.publicAddress}`;
	const facts = node.facts.length === 0 ? '' : `, ${node.facts.join(', ')}`;
	const also = node.alsoIn.length === 0 ? '' : `, also in ${node.alsoIn.join(' and ')}`;
	return `${kindWord(node.kind)} ${node.id}${where}${outside}${facts}${also}`;
}

function overlayText(node: TopologyNode, overlay: TraceOverlay | undefined): string {
	if (overlay === undefined) return '';
	const hops = overlay.visited.get(node.id);
	const marks: string[] = [];
	if (hops !== undefined) marks.push(`trace hops ${hops.join(', ')}`);
	if (overlay.current === node.id) marks.push('the packet is here now');
	if (overlay.droppedAt === node.id && overlay.current === undefined) marks.push('dropped here');
	return marks.length === 0 ? '' : ` (${marks.join('; ')})`;
}

function placeTitle(place: TopologyPlace): string {
	const word = {internet: 'The internet', vpc: 'VPC', site: 'On-premises site', subnet: 'subnet', 'docker-host': 'Docker host', 'container-network': 'container network', unplaced: 'Not placed yet'}[place.kind];
	const id = place.kind === 'internet' || place.kind === 'site' || place.kind === 'unplaced' ? '' : ` ${place.id}`;
	return `${word}${id}${place.facts.length === 0 ? '' : ` (${place.facts.join(', ')})`}`;
}

/**
 * The picture read out as lines, one sentence each, nested places indented
 * by two spaces: for screen readers, the log, and `netquest` output without
 * a terminal. With a trace, each machine says at which hops the packet was
 * there, and the last lines say where the trace is and how it ended.
 */
export function topologyText(model: TopologyModel, trace?: Trace, step?: number): string[] {
	const overlay = trace === undefined ? undefined : traceOverlay(trace, step ?? trace.hops.length);
	const lines: string[] = [];
	const walk = (place: TopologyPlace, depth: number): void => {
		const pad = '  '.repeat(depth);
		const here = overlay?.visited.get(place.id) === undefined ? '' : ` (trace hops ${overlay.visited.get(place.id)!.join(', ')})`;
		const count = place.nodes.length + place.places.length;
		lines.push(`${pad}${placeTitle(place)}${here}${count === 0 && place.edge.length === 0 ? ': empty.' : ':'}`);
		for (const gateway of place.edge) lines.push(`${pad}  on its edge, ${nodeText(gateway)} to the internet${overlayText(gateway, overlay)}.`);
		for (const node of place.nodes) lines.push(`${pad}  ${nodeText(node)}${overlayText(node, overlay)}.`);
		for (const inner of place.places) walk(inner, depth + 1);
	};
	for (const place of model.places) {
		if (place.kind === 'internet' && place.nodes.length === 0 && model.places.length > 1) continue;
		walk(place, 0);
	}
	if (trace !== undefined && overlay !== undefined) {
		const {flow} = trace;
		lines.push(`Trace ${flow.from} → ${flow.to ?? flow.toHost ?? '?'} ${flow.protocol}/${flow.port}: ${overlay.outcome}.`);
		if (overlay.currentNote !== undefined) lines.push(`Now at ${overlay.current}: ${overlay.currentNote}.`);
	}
	return lines;
}

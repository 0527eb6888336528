import {cidrContains, formatCidr, parseAddress} from './address.js';
import {INTERNET, type Container, type ContainerNetwork, type Host, type InternetGateway, type NatGateway} from './network.js';
import type {OutcomeCode} from './outcome.js';
import type {RouteChoice, RoutingContext} from './routing.js';
import {travel} from './boundary.js';
import {vpcOfSubnet, type AddressOwner, type Topology} from './topology.js';
import {ip, type Step, type Walk, type Wire, possessive} from './walk.js';

/**
 * Turns a route choice into where the packet goes next: a host in a subnet
 * (the destination or a router), a NAT gateway, a container on a bridge,
 * the internet, an internet gateway — or a reason it can go nowhere.
 */

/** The next hop of a packet, with the subnets it leaves and enters (for network ACLs). */
export type NextHop =
	| {readonly kind: 'host'; readonly host: Host; readonly egress: string; readonly ingress: string}
	| {readonly kind: 'nat-gateway'; readonly natGateway: NatGateway; readonly egress?: string; readonly ingress: string}
	| {readonly kind: 'container'; readonly container: Container; readonly network: ContainerNetwork}
	| {readonly kind: 'internet'}
	| {readonly kind: 'internet-gateway'; readonly gateway: InternetGateway; readonly egress?: string}
	| {readonly kind: 'stop'; readonly code: OutcomeCode; readonly message: string};

function stop(code: OutcomeCode, message: string): NextHop {
	return {kind: 'stop', code, message};
}

function toOwner(owner: AddressOwner, egress: string | undefined): NextHop {
	if (owner.kind === 'host') return {kind: 'host', host: owner.host, egress: egress ?? owner.subnet, ingress: owner.subnet};
	return egress === undefined
		? {kind: 'nat-gateway', natGateway: owner.natGateway, ingress: owner.subnet}
		: {kind: 'nat-gateway', natGateway: owner.natGateway, egress, ingress: owner.subnet};
}

function vpcLocal(topology: Topology, context: RoutingContext, vpc: string, destination: number): NextHop {
	const owner = topology.vpcOwners.get(vpc)?.get(destination);
	if (owner === undefined) return stop('HOST_UNREACHABLE', `No one in VPC ${vpc} has address ${ip(destination)}, so the local route leads nowhere.`);
	return toOwner(owner, context.subnet);
}

function connectedOwner(topology: Topology, context: RoutingContext, address: number): {owner: AddressOwner; subnet: string} | undefined {
	for (const attachment of context.attachments) {
		const owner = topology.subnetOwners.get(attachment.subnet)?.get(address);
		if (owner !== undefined) return {owner, subnet: attachment.subnet};
	}
	return undefined;
}

function viaRouter(topology: Topology, context: RoutingContext, router: Host, preferred?: string): NextHop {
	if (router.id === context.node) return stop('LOOP', `The route sends the packet back to ${context.node} itself, so it would go round in circles.`);
	if (router.kind !== 'router' && router.kind !== 'nat') {
		return stop('NO_ROUTE', `The route sends the packet to ${router.id}, which is not a router (it is a ${router.kind}) and does not forward packets for others.`);
	}
	const onRouter = new Set(router.interfaces.map((iface) => iface.subnet));
	const candidates = [preferred, context.subnet, ...context.attachments.map((attachment) => attachment.subnet)];
	const shared = candidates.find((subnet) => subnet !== undefined && onRouter.has(subnet) && context.attachments.some((a) => a.subnet === subnet));
	if (shared !== undefined) return {kind: 'host', host: router, egress: shared, ingress: shared};
	// In a VPC a route may name an instance in another subnet of the VPC (a NAT instance): the VPC router delivers to it.
	const inVpc = context.vpc === undefined ? undefined : router.interfaces.find((iface) => vpcOfSubnet(topology, iface.subnet) === context.vpc);
	if (inVpc !== undefined && context.subnet !== undefined) return {kind: 'host', host: router, egress: context.subnet, ingress: inVpc.subnet};
	return stop('NO_ROUTE', `The route sends the packet to ${router.id}, but ${router.id} shares no subnet with ${context.node}, so ${context.node} cannot hand it over.`);
}

/** Where a packet at the node of `context`, routed by `choice`, goes next. */
export function nextHop(topology: Topology, context: RoutingContext, choice: RouteChoice, destination: number): NextHop {
	switch (choice.kind) {
		case 'connected': {
			if (choice.subnet === INTERNET) return {kind: 'internet'};
			const owner = topology.subnetOwners.get(choice.subnet)?.get(destination);
			if (owner === undefined) return stop('HOST_UNREACHABLE', `No one in subnet ${choice.subnet} has address ${ip(destination)} (nothing answers ARP for it: ARP is how a machine asks its subnet “who has this address?” before handing a packet over).`);
			return toOwner(owner, choice.subnet);
		}
		case 'bridge': {
			const container = topology.bridgeOwners.get(choice.network.id)?.get(destination);
			if (container === undefined) return stop('HOST_UNREACHABLE', `No container on network ${choice.network.id} has address ${ip(destination)}.`);
			return {kind: 'container', container, network: choice.network};
		}
		case 'vpc-local':
			return vpcLocal(topology, context, choice.vpc, destination);
		case 'route':
			return routeTarget(topology, context, choice, destination);
	}
}

function routeTarget(topology: Topology, context: RoutingContext, choice: RouteChoice & {kind: 'route'}, destination: number): NextHop {
	const {route, table} = choice;
	const target = route.target;
	const said = `Route table ${table} sends ${route.destination} to ${target}`;
	if (target === 'local') {
		if (context.localVpc !== undefined) return vpcLocal(topology, context, context.localVpc, destination);
		const found = connectedOwner(topology, context, destination);
		if (found === undefined) return stop('HOST_UNREACHABLE', `${said}, but no one in ${possessive(context.node)} subnets has address ${ip(destination)}.`);
		return toOwner(found.owner, found.subnet);
	}
	if (target === 'blackhole') return stop('BLACKHOLE', `${said} (route #${choice.index + 1}): packets for ${ip(destination)} are dropped on purpose.`);
	const router = topology.hosts.get(target);
	if (router !== undefined) return viaRouter(topology, context, router);
	const gateway = topology.internetGateways.get(target);
	if (gateway !== undefined) {
		if (gateway.vpc !== undefined && gateway.vpc === context.vpc) return context.subnet === undefined ? {kind: 'internet-gateway', gateway} : {kind: 'internet-gateway', gateway, egress: context.subnet};
		const attached = gateway.vpc === undefined ? 'is not attached to any VPC' : `is attached to ${gateway.vpc}, not to ${context.vpc ?? `${possessive(context.node)} network`}`;
		return stop('NO_ROUTE', `${said}, but internet gateway ${target} ${attached}, so the packet has no way to the internet.`);
	}
	const natGateway = topology.natGateways.get(target);
	if (natGateway !== undefined) {
		if (natGateway.id === context.node) return stop('LOOP', `${said}: back to ${target} itself, so the packet would go round in circles.`);
		const vpc = vpcOfSubnet(topology, natGateway.subnet);
		if (vpc === undefined || vpc !== context.vpc) return stop('NO_ROUTE', `${said}, but NAT gateway ${target} is not in ${context.vpc ?? `${possessive(context.node)} VPC`}, so the packet cannot reach it.`);
		return context.subnet === undefined
			? {kind: 'nat-gateway', natGateway, ingress: natGateway.subnet}
			: {kind: 'nat-gateway', natGateway, egress: context.subnet, ingress: natGateway.subnet};
	}
	const address = parseAddress(target);
	if (address === undefined) return stop('NO_ROUTE', `${said}, but there is no router or gateway called '${target}'.`);
	const found = connectedOwner(topology, context, address);
	if (found !== undefined) {
		if (found.owner.kind === 'nat-gateway') return toOwner(found.owner, found.subnet);
		return viaRouter(topology, context, found.owner.host, found.subnet);
	}
	const inSubnet = context.attachments.find((attachment) => {
		const block = topology.blocks.get(attachment.subnet);
		return block !== undefined && cidrContains(block, address);
	});
	if (inSubnet !== undefined) return stop('HOST_UNREACHABLE', `${said}, but no one in subnet ${inSubnet.subnet} has the gateway address ${target}.`);
	return stop('NO_ROUTE', `${said}, but ${target} is not in any subnet of ${context.node}, so ${context.node} cannot reach that gateway.`);
}

/** One sentence saying which route a node picked. */
export function describeChoice(topology: Topology, context: RoutingContext, choice: RouteChoice, destination: number, subject: 'packet' | 'reply' = 'packet'): string {
	switch (choice.kind) {
		case 'connected':
			return choice.subnet === INTERNET
				? `${context.node} is on the internet, so the ${subject} for ${ip(destination)} goes out to the internet.`
				: `${ip(destination)} is in ${possessive(context.node)} own subnet ${choice.subnet}, so it is delivered directly (connected route).`;
		case 'bridge':
			return `${ip(destination)} is on container network ${choice.network.id}, so ${context.node} hands it over its Docker bridge.`;
		case 'vpc-local': {
			const block = topology.blocks.get(choice.vpc);
			const name = choice.table === undefined ? `The route table of ${context.subnet ?? context.node}` : `Route table ${choice.table}`;
			return `${name} sends ${ip(destination)} to local: it is inside VPC ${choice.vpc}${block === undefined ? '' : ` (${formatCidr(block)})`}.`;
		}
		case 'route':
			return `Route table ${choice.table} sends ${choice.route.destination} to ${choice.route.target} (route #${choice.index + 1}).`;
	}
}

/** A next hop the packet can take. */
export type Onward = Exclude<NextHop, {readonly kind: 'stop'}>;

/** Where the packet goes, in words: "to r1 on subnet web". */
export function describeOnward(next: Onward): string {
	switch (next.kind) {
		case 'host':
			return `to ${next.host.id} in subnet ${next.ingress}`;
		case 'nat-gateway':
			return `to NAT gateway ${next.natGateway.id}`;
		case 'container':
			return `to container ${next.container.id} over container network ${next.network.id}`;
		case 'internet':
			return 'out to the internet';
		case 'internet-gateway':
			return `to internet gateway ${next.gateway.id}`;
	}
}

/** The subnet a next hop leaves from (undefined for bridges). */
export function egressOf(next: Onward): string | undefined {
	if (next.kind === 'host' || next.kind === 'nat-gateway' || next.kind === 'internet-gateway') return next.egress;
	return next.kind === 'internet' ? INTERNET : undefined;
}

/** Sends the packet on to its next hop, through the network ACLs of the subnets it leaves and enters. */
export function follow(walk: Walk, next: Onward, wire: Wire): Step {
	switch (next.kind) {
		case 'host':
			return travel(walk, {at: 'host-arrive', host: next.host, viaBridge: false}, wire, next.egress, next.ingress);
		case 'nat-gateway':
			return travel(walk, {at: 'natgw-arrive', natGateway: next.natGateway}, wire, next.egress, next.ingress);
		case 'container':
			return travel(walk, {at: 'container-arrive', container: next.container, network: next.network}, wire, undefined, next.network.id);
		case 'internet':
			return travel(walk, {at: 'internet'}, wire, INTERNET, INTERNET);
		case 'internet-gateway':
			return travel(walk, {at: 'igw-out', gateway: next.gateway}, wire, next.egress, undefined);
	}
}

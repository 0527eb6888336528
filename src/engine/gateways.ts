import {isPrivate, isPublic, isShared, parseAddress} from './address.js';
import {travel} from './boundary.js';
import {INTERNET, type InternetGateway, type NatGateway} from './network.js';
import {describeChoice, describeOnward, follow, nextHop} from './next-hop.js';
import {EPHEMERAL_PORTS} from './ports.js';
import {chooseRoute, natGatewayRouting, routeDecider} from './routing.js';
import {primarySubnetOf, vpcOfSubnet, type PublicOwner} from './topology.js';
import {fail, ip, move, record, what, type Step, type Walk, type Wire, possessive} from './walk.js';

/**
 * The internet, internet gateways and NAT gateways. The internet routes
 * public addresses only. An internet gateway is a 1:1 NAT between an
 * instance's private address and its public IP. A NAT gateway rewrites the
 * source of outgoing packets to its own private address and sends them on by
 * its own subnet's route table; only replies come back in.
 */

const PUBLIC_SUBNET_HINT = 'a NAT gateway must sit in a public subnet (one whose route table sends 0.0.0.0/0 to an internet gateway)';

/** The packet is on the internet: delivered to whoever owns its public destination address. */
export function onInternet(walk: Walk, wire: Wire): Step {
	const node = INTERNET;
	if (isPrivate(wire.dst)) {
		return fail(walk, node, 'PRIVATE_ADDRESS_UNROUTABLE', `${ip(wire.dst)} is a private address (RFC 1918): the internet does not route private addresses, so the packet is dropped.`, wire);
	}
	if (isShared(wire.dst)) {
		return fail(walk, node, 'PRIVATE_ADDRESS_UNROUTABLE', `${ip(wire.dst)} is in 100.64.0.0/10, the shared space of carrier-grade NAT (RFC 6598): it is not public, so the internet does not route it and the packet is dropped.`, wire);
	}
	if (!isPublic(wire.dst)) return fail(walk, node, 'NO_ROUTE', `${ip(wire.dst)} is not a public address, so the internet has no route to it.`, wire);
	if (!isPublic(wire.src)) {
		const message = `The packet's source ${ip(wire.src)} is a private address and nothing translated it (no NAT on the way), so the internet drops it — no reply could ever find its way back to ${ip(wire.src)}.`;
		return fail(walk, node, 'PRIVATE_ADDRESS_UNROUTABLE', message, wire);
	}
	const owner = walk.topology.publicOwners.get(wire.dst);
	if (owner === undefined) return fail(walk, node, 'NO_ROUTE', `No one on the internet answers at ${ip(wire.dst)}.`, wire);
	if (owner.kind === 'internet-host') {
		record(walk, node, 'forward', wire, `The internet carries the ${what(walk)} to ${ip(wire.dst)} (${owner.host.id}).`);
		return move(walk, {at: 'host-arrive', host: owner.host, viaBridge: false}, wire);
	}
	const id = owner.kind === 'public-ip' ? owner.host.id : owner.natGateway.id;
	const vpc = vpcOfSubnet(walk.topology, owner.kind === 'public-ip' ? primarySubnetOf(owner.host) : owner.natGateway.subnet);
	const gateway = vpc === undefined ? undefined : walk.topology.gatewayOfVpc.get(vpc);
	if (gateway === undefined) {
		const where = vpc === undefined ? 'it is not in a VPC with an internet gateway' : `its VPC ${vpc} has no internet gateway attached`;
		return fail(walk, node, 'NO_ROUTE', `${ip(wire.dst)} is the public IP of ${id}, but ${where}, so the internet cannot reach it.`, wire);
	}
	record(walk, node, 'forward', wire, `The internet carries the ${what(walk)} to ${ip(wire.dst)}, the public IP of ${id}, at internet gateway ${gateway.id}.`);
	return move(walk, {at: 'igw-in', gateway, owner}, wire);
}

/** Inbound through an internet gateway: public IP → private address, delivered by the VPC's local route. */
export function gatewayIn(walk: Walk, gateway: InternetGateway, owner: PublicOwner, wire: Wire): Step {
	const decidedBy = {kind: 'internet-gateway', id: gateway.id} as const;
	if (owner.kind === 'nat-gateway') {
		const address = parseAddress(owner.natGateway.privateIp);
		if (address === undefined) return fail(walk, gateway.id, 'NO_ROUTE', `NAT gateway ${owner.natGateway.id} has no valid private address.`, wire, decidedBy);
		const after: Wire = {...wire, dst: address};
		record(walk, gateway.id, 'translate', wire, `Internet gateway ${gateway.id} maps public IP ${ip(wire.dst)} to NAT gateway ${possessive(owner.natGateway.id)} private address ${ip(address)}.`, {after, decidedBy});
		return travel(walk, {at: 'natgw-arrive', natGateway: owner.natGateway}, after, undefined, owner.natGateway.subnet);
	}
	const host = owner.host;
	const primary = host.interfaces[0];
	const address = primary === undefined ? undefined : parseAddress(primary.ip);
	if (primary === undefined || address === undefined) return fail(walk, gateway.id, 'NO_ROUTE', `${host.id} has a public IP but no private address to map it to.`, wire, decidedBy);
	// From here on the source is an internet address: no security group of the VPC can name it.
	const after: Wire = {protocol: wire.protocol, src: wire.src, srcPort: wire.srcPort, dst: address, dstPort: wire.dstPort};
	const note = `Internet gateway ${gateway.id} maps public IP ${ip(wire.dst)} to ${possessive(host.id)} private address ${ip(address)} (1:1 NAT) and delivers it by the VPC's local route.`;
	record(walk, gateway.id, 'translate', wire, note, {after, decidedBy});
	return travel(walk, {at: 'host-arrive', host, viaBridge: false}, after, undefined, primary.subnet);
}

/** Outbound through an internet gateway: the private source becomes the instance's (or NAT gateway's) public IP. */
export function gatewayOut(walk: Walk, gateway: InternetGateway, wire: Wire): Step {
	const decidedBy = {kind: 'internet-gateway', id: gateway.id} as const;
	const owner = gateway.vpc === undefined ? undefined : walk.topology.vpcOwners.get(gateway.vpc)?.get(wire.src);
	let publicIp: number | undefined;
	let who = ip(wire.src);
	if (owner?.kind === 'host') {
		who = `${owner.host.id} (${ip(wire.src)})`;
		const primary = owner.host.interfaces[0];
		if (owner.host.publicIp !== undefined && primary !== undefined && parseAddress(primary.ip) === wire.src) publicIp = parseAddress(owner.host.publicIp);
	} else if (owner?.kind === 'nat-gateway') {
		who = `NAT gateway ${owner.natGateway.id} (${ip(wire.src)})`;
		publicIp = parseAddress(owner.natGateway.publicIp);
	}
	if (publicIp === undefined) {
		const message = `${who} has no public IP, so internet gateway ${gateway.id} has no public address to give the packet: give it a public or elastic IP, or send its traffic through a NAT gateway.`;
		return fail(walk, gateway.id, 'NO_PUBLIC_IP', message, wire, decidedBy);
	}
	const after: Wire = {protocol: wire.protocol, src: publicIp, srcPort: wire.srcPort, dst: wire.dst, dstPort: wire.dstPort};
	record(walk, gateway.id, 'translate', wire, `Internet gateway ${gateway.id} maps ${who} to its public IP ${ip(publicIp)} (1:1 NAT) and sends it on to the internet.`, {after, decidedBy});
	return move(walk, {at: 'internet'}, after);
}

/** A packet reaches a NAT gateway: a request is source-NATed and sent on; a reply is translated back. */
export function natGatewayArrive(walk: Walk, natGateway: NatGateway, wire: Wire): Step {
	const decidedBy = {kind: 'nat-gateway', id: natGateway.id} as const;
	const privateIp = parseAddress(natGateway.privateIp);
	if (privateIp === undefined) return fail(walk, natGateway.id, 'NO_ROUTE', `NAT gateway ${natGateway.id} has no valid private address.`, wire, decidedBy);
	if (walk.phase === 'reply') {
		const entry = walk.nat.find((candidate) => candidate.node === natGateway.id && candidate.kind === 'snat' && candidate.translated.address === wire.dst);
		if (wire.dst !== privateIp || entry === undefined) {
			const message = `the reply was routed to NAT gateway ${natGateway.id}, which never saw the request: it would give the reply another source address and ${walk.client.id} would drop it, so the return route must lead back the way the request came.`;
			return fail(walk, natGateway.id, 'NO_RETURN_ROUTE', message, wire, decidedBy);
		}
		const after: Wire = {...wire, dst: entry.original.address, dstPort: entry.original.port};
		record(walk, natGateway.id, 'translate', wire, `NAT gateway ${natGateway.id} recognises the reply and sends it back to ${ip(after.dst)} (connection tracking undoes its source NAT).`, {after, decidedBy});
		return natGatewaySend(walk, natGateway, after);
	}
	if (wire.dst === privateIp) {
		const message = `NAT gateway ${natGateway.id} only translates connections on their way out; it lets only their replies back in, so a connection started towards it has nowhere to go.`;
		return fail(walk, natGateway.id, 'NAT_NO_INBOUND', message, wire, decidedBy);
	}
	// A NAT gateway picks its own source port, anywhere in 1024-65535, whatever port the client used:
	// https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html#nacl-ephemeral-ports
	const after: Wire = {...wire, src: privateIp, srcPort: EPHEMERAL_PORTS, srcOwner: natGateway.id};
	walk.nat.push({node: natGateway.id, kind: 'snat', original: {address: wire.src, port: wire.srcPort}, translated: {address: privateIp, port: EPHEMERAL_PORTS}});
	record(walk, natGateway.id, 'translate', wire, `NAT gateway ${natGateway.id} rewrites the source ${ip(wire.src)} to its own address ${ip(privateIp)} (source NAT), so the reply comes back to it.`, {after, decidedBy});
	return natGatewaySend(walk, natGateway, after);
}

/** A NAT gateway sends a packet on, by the route table of its own subnet. */
function natGatewaySend(walk: Walk, natGateway: NatGateway, wire: Wire): Step {
	const {topology} = walk;
	const context = natGatewayRouting(topology, natGateway);
	const table = context.table ?? '(no route table)';
	const choice = chooseRoute(topology, context, wire.dst);
	if (choice === undefined) {
		const hint = isPublic(wire.dst) ? `: ${PUBLIC_SUBNET_HINT}` : '';
		const message = `NAT gateway ${natGateway.id} sits in subnet ${natGateway.subnet}, whose route table ${table} has no route to ${ip(wire.dst)}${hint}.`;
		return fail(walk, natGateway.id, 'NO_ROUTE', message, wire, context.table === undefined ? undefined : {kind: 'route', id: context.table});
	}
	const decidedBy = routeDecider(choice);
	if (decidedBy !== undefined) walk.lastRoute = decidedBy;
	record(walk, natGateway.id, 'route', wire, describeChoice(topology, context, choice, wire.dst, what(walk)), decidedBy === undefined ? {} : {decidedBy});
	const next = nextHop(topology, context, choice, wire.dst);
	if (next.kind === 'stop') {
		const destination = choice.kind === 'route' ? choice.route.destination : ip(wire.dst);
		const message =
			next.code === 'LOOP'
				? `NAT gateway ${natGateway.id} sits in subnet ${natGateway.subnet}, whose route table ${table} sends ${destination} back to ${natGateway.id} itself: ${PUBLIC_SUBNET_HINT}.`
				: next.message;
		return fail(walk, natGateway.id, next.code, message, wire, decidedBy);
	}
	record(walk, natGateway.id, 'forward', wire, `NAT gateway ${natGateway.id} sends the ${what(walk)} ${describeOnward(next)}.`);
	return follow(walk, next, wire);
}

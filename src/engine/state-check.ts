import {cidrInside, lastAddress, parseCidr, usableHosts, type Cidr} from './address.js';
import {resolveName} from './dns.js';
import type {StateCheck} from './goal.js';
import type {Network, Subnet} from './network.js';

/**
 * State checks: facts about the network that no single flow expresses
 * (a subnet inside its VPC, subnets not overlapping, a subnet private or
 * public, big enough, a host placed in it, a name resolving to an address).
 */

/** The verdict of one state check, with a sentence for the learner. */
export type StateVerdict = {readonly passed: boolean; readonly message: string};

function pass(message: string): StateVerdict {
	return {passed: true, message};
}

function fail(message: string): StateVerdict {
	return {passed: false, message};
}

function describeSubnet(subnet: Subnet): string {
	return `subnet ${subnet.id} (${subnet.cidr})`;
}

/** The internet gateway a subnet's routes send `destination` (or any destination) to, when attached to its VPC. */
function routesToGateway(network: Network, subnet: Subnet, onlyDefault: boolean): {route: string; gateway: string} | undefined {
	if (subnet.vpc === undefined || subnet.routeTable === undefined) return undefined;
	const table = network.routeTables.find((candidate) => candidate.id === subnet.routeTable);
	for (const route of table?.routes ?? []) {
		if (onlyDefault && route.destination !== '0.0.0.0/0') continue;
		const gateway = network.internetGateways.find((candidate) => candidate.id === route.target);
		if (gateway !== undefined && gateway.vpc === subnet.vpc) return {route: route.destination, gateway: gateway.id};
	}
	return undefined;
}

function checkNoOverlap(network: Network, vpc: string | undefined): StateVerdict {
	const scope = vpc === undefined ? 'the network' : `VPC ${vpc}`;
	if (vpc !== undefined && !network.vpcs.some((candidate) => candidate.id === vpc)) return fail(`There is no VPC called '${vpc}'.`);
	const blocks = network.subnets
		.filter((subnet) => vpc === undefined || subnet.vpc === vpc)
		.map((subnet) => ({subnet, cidr: parseCidr(subnet.cidr)}))
		.filter((entry): entry is {subnet: Subnet; cidr: Cidr} => entry.cidr !== undefined)
		.sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix);
	let widest: {subnet: Subnet; end: number} | undefined;
	for (const {subnet, cidr} of blocks) {
		if (widest !== undefined && cidr.base <= widest.end) {
			return fail(`In ${scope}, ${subnet.cidr} (${subnet.id}) overlaps ${describeSubnet(widest.subnet)}.`);
		}
		const end = lastAddress(cidr);
		if (widest === undefined || end > widest.end) widest = {subnet, end};
	}
	return pass(`No two subnets of ${scope} overlap.`);
}

/** Every named subnet (or every subnet) lies inside `block`. */
function checkWithin(network: Network, blockText: string, only: string | undefined): StateVerdict {
	const block = parseCidr(blockText);
	const subnets = network.subnets.filter((subnet) => only === undefined || subnet.id === only);
	if (only !== undefined && subnets.length === 0) return fail(`There is no subnet called '${only}'.`);
	const outside = subnets.filter((subnet) => {
		const cidr = parseCidr(subnet.cidr);
		return block === undefined || cidr === undefined || !cidrInside(cidr, block);
	});
	if (outside.length > 0) return fail(`${outside.map(describeSubnet).join(', ')} ${outside.length === 1 ? 'is' : 'are'} not inside ${blockText}: carve subnets out of that block.`);
	return pass(only === undefined ? `Every subnet lies inside ${blockText}.` : `${describeSubnet(subnets[0]!)} lies inside ${blockText}.`);
}

/** Evaluates one state check against a network. Unknown ids fail with a sentence naming them. */
export function checkState(network: Network, check: StateCheck): StateVerdict {
	if (check.check === 'no-overlap') return checkNoOverlap(network, check.vpc);
	if (check.check === 'resolves') {
		const resolution = resolveName(network, check.name, check.from);
		if (!resolution.ok) return fail(`${check.name} does not resolve: ${resolution.message}`);
		return resolution.address === check.address
			? pass(`${check.name} resolves to ${check.address}.`)
			: fail(`${check.name} resolves to ${resolution.address}, not ${check.address}.`);
	}
	if (check.check === 'subnet-within') return checkWithin(network, check.cidr, check.subnet);
	if (check.check === 'host-in-subnet') {
		const host = network.hosts.find((candidate) => candidate.id === check.host);
		if (host === undefined) return fail(`There is no host called '${check.host}'.`);
		const attachment = host.interfaces.find((candidate) => candidate.subnet === check.subnet);
		return attachment === undefined
			? fail(`${host.id} has no interface in ${check.subnet}.`)
			: pass(`${host.id} is in ${check.subnet} at ${attachment.ip}.`);
	}
	const subnet = network.subnets.find((candidate) => candidate.id === check.subnet);
	if (subnet === undefined) return fail(`There is no subnet called '${check.subnet}'.`);
	const cidr = parseCidr(subnet.cidr);
	if (cidr === undefined) return fail(`${subnet.id} has no valid CIDR block.`);
	switch (check.check) {
		case 'subnet-in-vpc': {
			if (subnet.vpc === undefined) return fail(`${describeSubnet(subnet)} does not belong to a VPC.`);
			const vpc = network.vpcs.find((candidate) => candidate.id === subnet.vpc);
			if (vpc === undefined) return fail(`${describeSubnet(subnet)} names VPC '${subnet.vpc}', which does not exist.`);
			const block = parseCidr(vpc.cidr);
			return block !== undefined && cidrInside(cidr, block)
				? pass(`${describeSubnet(subnet)} lies inside VPC ${vpc.id} (${vpc.cidr}).`)
				: fail(`${describeSubnet(subnet)} is not inside VPC ${vpc.id} (${vpc.cidr}).`);
		}
		case 'subnet-private': {
			const found = routesToGateway(network, subnet, false);
			return found === undefined
				? pass(`${describeSubnet(subnet)} is private: no route leads to an internet gateway.`)
				: fail(`${describeSubnet(subnet)} is not private: its route table sends ${found.route} to internet gateway ${found.gateway}.`);
		}
		case 'subnet-public': {
			const found = routesToGateway(network, subnet, true);
			return found === undefined
				? fail(`${describeSubnet(subnet)} is not public: its route table does not send 0.0.0.0/0 to an internet gateway attached to its VPC.`)
				: pass(`${describeSubnet(subnet)} is public: 0.0.0.0/0 goes to internet gateway ${found.gateway}.`);
		}
		case 'subnet-size': {
			const cloud = subnet.vpc !== undefined;
			const room = usableHosts(cidr, cloud);
			const reserved = cloud ? 'after the 5 addresses the cloud reserves' : 'after the network and broadcast addresses';
			return room >= check.hosts
				? pass(`${describeSubnet(subnet)} has room for ${room} hosts ${reserved}; ${check.hosts} needed.`)
				: fail(`${describeSubnet(subnet)} has room for only ${room} hosts ${reserved}; ${check.hosts} needed (a shorter prefix than /${cidr.prefix} gives more room).`);
		}
	}
}

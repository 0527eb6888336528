import {
	cidrInside,
	firstUsable,
	formatAddress,
	hostAddressProblem,
	isPrivate,
	isPublic,
	notPublicWords,
	lastAddress,
	parseAddress,
	parseCidr,
	type Cidr,
} from './address.js';
import {INTERNET, type Network, type Subnet} from './network.js';
import {checkReference, type EntityIndex, type NetworkIssue} from './validate-context.js';

/**
 * Validation of addressing: subnets inside their VPC and not overlapping,
 * host and NAT gateway addresses usable in their subnet and not taken twice,
 * public addresses really public, internet gateways attached to a real VPC.
 */

type Path = readonly (string | number)[];

/** One block to check for overlap, with where it is defined and how to name it. */
export type Block = {readonly cidr: Cidr; readonly text: string; readonly path: Path; readonly name: string};

/**
 * Issues for blocks that overlap an earlier-sorted block of the same list:
 * each overlapping block is reported once, at the later of the two paths,
 * naming the other ("10.0.5.0/24 overlaps subnet app (10.0.4.0/23)").
 */
export function overlapIssues(blocks: readonly Block[], order: (a: Path, b: Path) => number): NetworkIssue[] {
	const sorted = [...blocks].sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix || order(a.path, b.path));
	const issues: NetworkIssue[] = [];
	let widest: {block: Block; end: number} | undefined;
	for (const block of sorted) {
		const end = lastAddress(block.cidr);
		if (widest !== undefined && block.cidr.base <= widest.end) {
			const [later, other] = order(block.path, widest.block.path) > 0 ? [block, widest.block] : [widest.block, block];
			issues.push({path: [...later.path], message: `${later.text} overlaps ${other.name} (${other.text})`, value: later.text});
		}
		if (widest === undefined || end > widest.end) widest = {block, end};
	}
	return issues;
}

/** Compares paths whose second segment is an array index (same list). */
export function byIndex(a: Path, b: Path): number {
	return Number(a[1]) - Number(b[1]);
}

/** A learner's sentence for an address that a host cannot use in a block. */
export function addressProblemMessage(ip: string, where: string, cidr: Cidr, cloud: boolean, address: number): string | undefined {
	const problem = hostAddressProblem(cidr, address, cloud);
	if (problem === undefined) return undefined;
	const first = formatAddress(firstUsable(cidr, cloud));
	const last = formatAddress(cidr.prefix >= 31 ? lastAddress(cidr) : lastAddress(cidr) - 1);
	switch (problem) {
		case 'outside':
			return `${ip} is outside ${where}; pick an address from ${first} to ${last}`;
		case 'network':
			return `${ip} is the network address of ${where}; a host cannot use it (the first usable address is ${first})`;
		case 'broadcast':
			return `${ip} is the broadcast address of ${where}${cloud ? ', reserved by the cloud' : ''}; a host cannot use it`;
		case 'reserved':
			return `${ip} is reserved by the cloud in ${where}: AWS keeps the first four addresses and the last one (the first usable is ${first})`;
	}
}

function describe(subnet: Subnet): string {
	return `subnet ${subnet.id} (${subnet.cidr})`;
}

function checkSubnets(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const groups = new Map<string, Block[]>();
	network.subnets.forEach((subnet, position) => {
		const cidr = parseCidr(subnet.cidr);
		if (subnet.vpc !== undefined) {
			const reference = checkReference(index, ['subnets', position, 'vpc'], subnet.vpc, 'vpcs', `subnet ${subnet.id}`);
			issues.push(...reference);
			const vpc = network.vpcs.find((candidate) => candidate.id === subnet.vpc);
			const block = vpc === undefined ? undefined : parseCidr(vpc.cidr);
			if (reference.length === 0 && vpc !== undefined && block !== undefined && cidr !== undefined && !cidrInside(cidr, block)) {
				issues.push({
					path: ['subnets', position, 'cidr'],
					message: `${describe(subnet)} is not inside VPC ${vpc.id} (${vpc.cidr}); a subnet takes its addresses from its VPC's block`,
					value: subnet.cidr,
				});
			}
		}
		if (cidr === undefined) return;
		const key = subnet.vpc ?? '';
		const list = groups.get(key) ?? [];
		list.push({cidr, text: subnet.cidr, path: ['subnets', position, 'cidr'], name: `subnet ${subnet.id}`});
		groups.set(key, list);
	});
	for (const blocks of groups.values()) issues.push(...overlapIssues(blocks, byIndex));
	return issues;
}

/** Tracks who holds each address in a subnet (or on the internet) to find addresses used twice. */
class AddressBook {
	readonly #owners = new Map<string, string>();

	/** Registers `ip` in `space` for `owner`; an issue when someone already holds it. */
	claim(space: string, ip: string, owner: string, path: Path, where: string): NetworkIssue[] {
		const key = `${space}\u0000${ip}`;
		const holder = this.#owners.get(key);
		if (holder === undefined) {
			this.#owners.set(key, owner);
			return [];
		}
		return [{path: [...path], message: `${ip} is already used by ${holder} ${where}; two machines cannot share an address`, value: ip}];
	}
}

/** An issue when `ip` is not public; `lead` starts the sentence ("host laptop sits on the internet"). */
function publicAddressIssue(ip: string, path: Path, lead: string): NetworkIssue[] {
	const address = parseAddress(ip);
	if (address === undefined || isPublic(address)) return [];
	return [{path: [...path], message: `${lead}, but ${ip} is ${notPublicWords(address)}; use a public address such as 203.0.113.10`, value: ip}];
}

function checkMachines(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const book = new AddressBook();
	const subnets = new Map(network.subnets.map((subnet) => [subnet.id, subnet]));
	const place = (subnetId: string, ip: string, owner: string, path: Path): void => {
		const address = parseAddress(ip);
		if (subnetId === INTERNET) {
			issues.push(...publicAddressIssue(ip, path, `${owner} sits on the internet`));
			issues.push(...book.claim(INTERNET, ip, owner, path, 'on the internet'));
			return;
		}
		const subnet = subnets.get(subnetId);
		const cidr = subnet === undefined ? undefined : parseCidr(subnet.cidr);
		if (subnet === undefined || cidr === undefined || address === undefined) return;
		const problem = addressProblemMessage(ip, describe(subnet), cidr, subnet.vpc !== undefined, address);
		if (problem !== undefined) issues.push({path: [...path], message: `${owner}: ${problem}`, value: ip});
		issues.push(...book.claim(subnet.id, ip, owner, path, `in subnet ${subnet.id}`));
	};
	network.hosts.forEach((host, position) => {
		host.interfaces.forEach((attachment, slot) => {
			const path = ['hosts', position, 'interfaces', slot];
			if (attachment.subnet !== INTERNET) {
				issues.push(...checkReference(index, [...path, 'subnet'], attachment.subnet, 'subnets', `host ${host.id}`));
			}
			place(attachment.subnet, attachment.ip, `host ${host.id}`, [...path, 'ip']);
		});
		if (host.nat !== undefined && !host.interfaces.some((attachment) => attachment.subnet === host.nat?.outside)) {
			const where = host.nat.outside === INTERNET ? 'the internet' : `subnet ${host.nat.outside}`;
			issues.push({
				path: ['hosts', position, 'nat', 'outside'],
				message: `host ${host.id} translates out of ${where}, but has no interface there; give it an interface on its outside`,
				value: host.nat.outside,
			});
		}
		if (host.publicIp !== undefined) {
			const path = ['hosts', position, 'publicIp'];
			issues.push(...publicAddressIssue(host.publicIp, path, `host ${host.id} has a public IP`));
			issues.push(...book.claim(INTERNET, host.publicIp, `host ${host.id}`, path, 'on the internet'));
		}
	});
	network.natGateways.forEach((gateway, position) => {
		const path = ['natGateways', position];
		const owner = `NAT gateway ${gateway.id}`;
		issues.push(...checkReference(index, [...path, 'subnet'], gateway.subnet, 'subnets', owner));
		if (subnets.has(gateway.subnet)) place(gateway.subnet, gateway.privateIp, owner, [...path, 'privateIp']);
		issues.push(...publicAddressIssue(gateway.publicIp, [...path, 'publicIp'], `${owner} has a public IP`));
		issues.push(...book.claim(INTERNET, gateway.publicIp, owner, [...path, 'publicIp'], 'on the internet'));
	});
	return issues;
}

function checkGateways(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const attached = new Map<string, string>();
	network.internetGateways.forEach((gateway, position) => {
		if (gateway.vpc === undefined) return;
		const path = ['internetGateways', position, 'vpc'];
		issues.push(...checkReference(index, path, gateway.vpc, 'vpcs', `internet gateway ${gateway.id}`));
		const other = attached.get(gateway.vpc);
		if (other === undefined) attached.set(gateway.vpc, gateway.id);
		else issues.push({path, message: `VPC ${gateway.vpc} already has internet gateway ${other}; a VPC can have only one`, value: gateway.vpc});
	});
	return issues;
}

/** Every addressing problem of the network, in list order. */
export function checkAddresses(network: Network, index: EntityIndex): NetworkIssue[] {
	return [...checkSubnets(network, index), ...checkMachines(network, index), ...checkGateways(network, index)];
}

import {z} from 'zod';
import {firstUsable, isPublic, lastAddress, parseAddress, parseCidr, type Cidr} from './address.js';
import {cidrSchema, idSchema, INTERNET, type Network} from './network.js';

/**
 * Address classes: the whole set of addresses a goal's sample host stands
 * for — `internet` (every public address outside the player's networks), a
 * CIDR, or a subnet's usable addresses. A goal over a class is decided
 * exactly: the class is cut at every address and block boundary the network
 * mentions anywhere (routes, firewall rules, security groups, ACLs, NAT,
 * publishes, host addresses) and at the edges of the private, shared,
 * loopback and reserved ranges, so every address of a cell meets the same
 * rule everywhere and one representative per cell decides for all of it.
 */

/** A goal's source class; its packets leave from the goal's sample host (`from`). */
export const sourceClassSchema = z.union([z.literal('internet'), z.object({cidr: cidrSchema}).strict(), z.object({subnet: idSchema}).strict()]);
export type SourceClass = z.infer<typeof sourceClassSchema>;

/** A run of addresses, inclusive. */
export type AddressRun = {readonly from: number; readonly to: number};

const FIXED_BLOCKS = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'];

function collectStrings(value: unknown, out: string[]): void {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
	else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectStrings(item, out);
}

const cutCache = new WeakMap<Network, readonly number[]>();

/** Every address where behaviour may change: a new cell starts at each (sorted, unique). */
export function addressCuts(network: Network): readonly number[] {
	const known = cutCache.get(network);
	if (known !== undefined) return known;
	const strings: string[] = [...FIXED_BLOCKS];
	collectStrings(network, strings);
	const cuts = new Set<number>();
	for (const text of strings) {
		const block = parseCidr(text);
		const address = block === undefined ? parseAddress(text) : undefined;
		const range = block !== undefined ? {from: block.base, to: lastAddress(block)} : address !== undefined ? {from: address, to: address} : undefined;
		if (range === undefined) continue;
		cuts.add(range.from);
		if (range.to < 0xffffffff) cuts.add(range.to + 1);
	}
	const sorted = [...cuts].sort((a, b) => a - b);
	cutCache.set(network, sorted);
	return sorted;
}

/** Addresses owned by some machine or gateway of the network other than `sample`. */
function ownedByOthers(network: Network, sample: string): Set<number> {
	const owned = new Set<number>();
	const add = (text: string | undefined) => {
		const address = text === undefined ? undefined : parseAddress(text);
		if (address !== undefined) owned.add(address);
	};
	for (const host of network.hosts) {
		if (host.id === sample) continue;
		for (const attachment of host.interfaces) add(attachment.ip);
		add(host.publicIp);
	}
	for (const gateway of network.natGateways) {
		add(gateway.privateIp);
		add(gateway.publicIp);
	}
	return owned;
}

/** The runs of a class as sent from `sample`, or a sentence saying why it cannot be. */
function runsOf(network: Network, sample: string, source: SourceClass): {runs: AddressRun[]} | {problem: string} {
	const host = network.hosts.find((candidate) => candidate.id === sample);
	const first = host?.interfaces[0];
	if (host === undefined || first === undefined) return {problem: `the sample host '${sample}' has no interface to send from`};
	const subnet = network.subnets.find((candidate) => candidate.id === first.subnet);
	const usable = (block: Cidr, cloud: boolean): AddressRun => {
		if (block.prefix >= 31) return {from: block.base, to: lastAddress(block)};
		return {from: firstUsable(block, cloud), to: lastAddress(block) - 1};
	};
	// Where the sample sits bounds what it can send from: the public internet, or its subnet's usable addresses.
	const home: AddressRun | undefined = first.subnet === INTERNET ? {from: 0, to: 0xffffffff} : subnet === undefined ? undefined : (() => {
		const block = parseCidr(subnet.cidr);
		return block === undefined ? undefined : usable(block, subnet.vpc !== undefined);
	})();
	if (home === undefined) return {problem: `the sample host '${sample}' is not in a known subnet`};
	let wanted: AddressRun;
	if (source === 'internet') {
		if (first.subnet !== INTERNET) return {problem: `the sample host '${sample}' of the internet class must be on the internet`};
		wanted = home;
	} else if ('cidr' in source) {
		const block = parseCidr(source.cidr)!;
		wanted = {from: Math.max(block.base, home.from), to: Math.min(lastAddress(block), home.to)};
	} else {
		if (first.subnet !== source.subnet) return {problem: `the sample host '${sample}' is not in subnet '${source.subnet}'`};
		wanted = home;
	}
	if (wanted.from > wanted.to) return {problem: `no address of the class can be sent from '${sample}'`};
	return {runs: [wanted]};
}

/**
 * One representative address per cell of the class sent from `sample`: the
 * first address of each cell that belongs to the class (public when sent
 * from the internet; not an address another machine owns). The sample's own
 * address comes first when it is a member.
 */
export function representatives(network: Network, sample: string, source: SourceClass): {addresses: number[]} | {problem: string} {
	const found = runsOf(network, sample, source);
	if ('problem' in found) return found;
	const onInternet = network.hosts.find((host) => host.id === sample)?.interfaces[0]?.subnet === INTERNET;
	const owned = ownedByOthers(network, sample);
	const cuts = addressCuts(network);
	const member = (address: number) => !owned.has(address) && (!onInternet || isPublic(address));
	const addresses: number[] = [];
	for (const run of found.runs) {
		const starts = [run.from, ...cuts.filter((cut) => cut > run.from && cut <= run.to)];
		starts.forEach((start, position) => {
			const end = position + 1 < starts.length ? starts[position + 1]! - 1 : run.to;
			// A cell's addresses behave alike except an owned address (a cell of its own, by the cuts); skip owned ones.
			for (let address = start; address <= end && address <= start + 1; address++) {
				if (member(address)) {
					addresses.push(address);
					break;
				}
			}
		});
	}
	const own = parseAddress(network.hosts.find((host) => host.id === sample)?.interfaces[0]?.ip ?? '');
	if (own !== undefined && addresses.includes(own)) return {addresses: [own, ...addresses.filter((address) => address !== own)]};
	return {addresses};
}

/** The class in words: "the internet", "192.0.2.0/24", "subnet office". */
export function describeClass(source: SourceClass): string {
	if (source === 'internet') return 'the internet';
	return 'cidr' in source ? source.cidr : `subnet ${source.subnet}`;
}

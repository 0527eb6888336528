import ipaddr from 'ipaddr.js';

/**
 * IPv4 addresses and CIDR blocks as the game understands them: strict
 * dotted-quad decimal only (`010.1.1.1`, `1.2.3`, `0x7f.0.0.1` and
 * `256.1.1.1` are not addresses), held as unsigned 32-bit numbers.
 */

/** A parsed CIDR block: its network address and prefix length. */
export type Cidr = {
	/** Network address as an unsigned 32-bit number (host bits zero). */
	readonly base: number;
	/** Prefix length, 0–32. */
	readonly prefix: number;
};

const prefixPattern = /^(?:\d|[12]\d|3[0-2])$/;

/** Parses a strict dotted-quad IPv4 address; undefined when it is not one. */
export function parseAddress(text: string): number | undefined {
	if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
	const octets = ipaddr.IPv4.parse(text).octets;
	return (((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0);
}

/** True when `text` is a strict dotted-quad IPv4 address. */
export function isAddress(text: string): boolean {
	return parseAddress(text) !== undefined;
}

/** Formats an unsigned 32-bit number as a dotted quad. */
export function formatAddress(value: number): string {
	return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** The netmask of a prefix length as an unsigned 32-bit number. */
export function prefixMask(prefix: number): number {
	return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Result of reading CIDR text: the block, or why it is not one. */
export type CidrParse =
	| {readonly ok: true; readonly cidr: Cidr}
	| {readonly ok: false; readonly reason: 'syntax' | 'host-bits'; readonly suggestion?: string};

/**
 * Reads `a.b.c.d/n`. A block whose address has host bits set
 * (`10.0.0.1/24`) is refused with the network it probably meant, as AWS
 * and iptables-restore do.
 */
export function readCidr(text: string): CidrParse {
	const slash = text.indexOf('/');
	if (slash < 0) return {ok: false, reason: 'syntax'};
	const address = parseAddress(text.slice(0, slash));
	const prefixText = text.slice(slash + 1);
	if (address === undefined || !prefixPattern.test(prefixText)) return {ok: false, reason: 'syntax'};
	const prefix = Number(prefixText);
	const base = (address & prefixMask(prefix)) >>> 0;
	if (base !== address) {
		return {ok: false, reason: 'host-bits', suggestion: `${formatAddress(base)}/${prefix}`};
	}
	return {ok: true, cidr: {base, prefix}};
}

/** Parses a CIDR block with no host bits set; undefined otherwise. */
export function parseCidr(text: string): Cidr | undefined {
	const result = readCidr(text);
	return result.ok ? result.cidr : undefined;
}

/** True when `text` is a CIDR block with no host bits set. */
export function isCidr(text: string): boolean {
	return parseCidr(text) !== undefined;
}

/** Formats a block as `a.b.c.d/n`. */
export function formatCidr(cidr: Cidr): string {
	return `${formatAddress(cidr.base)}/${cidr.prefix}`;
}

/** The last address of a block (its broadcast address). */
export function lastAddress(cidr: Cidr): number {
	return (cidr.base | ~prefixMask(cidr.prefix)) >>> 0;
}

/** Number of addresses in a block (2^(32-prefix)). */
export function blockSize(cidr: Cidr): number {
	return 2 ** (32 - cidr.prefix);
}

/** True when `address` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, address: number): boolean {
	return ((address & prefixMask(cidr.prefix)) >>> 0) === cidr.base;
}

/** True when block `inner` lies wholly inside block `outer`. */
export function cidrInside(inner: Cidr, outer: Cidr): boolean {
	return inner.prefix >= outer.prefix && cidrContains(outer, inner.base);
}

/** True when two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
	return cidrContains(a, b.base) || cidrContains(b, a.base);
}

const privateBlocks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((text) => parseCidr(text)!);
const documentationBlocks = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map((text) => parseCidr(text)!);
const loopbackBlock = parseCidr('127.0.0.0/8')!;
const sharedBlock = parseCidr('100.64.0.0/10')!;

/** RFC 1918 private address: the internet never routes it. */
export function isPrivate(address: number): boolean {
	return privateBlocks.some((block) => cidrContains(block, address));
}

/** RFC 5737 documentation ranges, which play public addresses in the game. */
export function isDocumentation(address: number): boolean {
	return documentationBlocks.some((block) => cidrContains(block, address));
}

/**
 * 100.64.0.0/10, the shared address space of carrier-grade NAT (RFC 6598 §7):
 * neither RFC 1918 private nor public — providers use it behind their NAT and
 * the internet does not route it.
 */
export function isShared(address: number): boolean {
	return cidrContains(sharedBlock, address);
}

/** 127.0.0.0/8: the host itself. */
export function isLoopback(address: number): boolean {
	return cidrContains(loopbackBlock, address);
}

/**
 * True when the internet can route to this address: not private (RFC
 * 1918), not carrier-grade NAT space (RFC 6598), not loopback, not 0.0.0.0/8,
 * not link-local 169.254/16, not multicast or reserved (224/3).
 * Documentation ranges count as public here.
 */
export function isPublic(address: number): boolean {
	const first = address >>> 24;
	if (first === 0 || isLoopback(address) || isShared(address) || first >= 224) return false;
	if (first === 169 && ((address >>> 16) & 255) === 254) return false;
	return !isPrivate(address);
}

/** Why an address is not public, in words for a learner (for an address `isPublic` refuses). */
export function notPublicWords(address: number): string {
	if (isPrivate(address)) return 'a private address (RFC 1918), which the internet never routes';
	if (isShared(address)) return 'in 100.64.0.0/10, the shared space of carrier-grade NAT (RFC 6598), which the internet never routes';
	if (isLoopback(address)) return 'a loopback address (127.0.0.0/8): it always means the machine itself';
	return 'not a public address (a reserved, link-local or multicast block)';
}

/** Why an address cannot be given to a host in a subnet, or undefined when it can. */
export type HostAddressProblem = 'outside' | 'network' | 'broadcast' | 'reserved';

/**
 * Checks that `address` may be a host's address in `subnet`. On-premises
 * subnets lose the network and broadcast addresses; cloud subnets (AWS VPC)
 * also lose the next three (router, DNS, future use), so the first four and
 * the last address are reserved.
 * See https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function hostAddressProblem(subnet: Cidr, address: number, cloud: boolean): HostAddressProblem | undefined {
	if (!cidrContains(subnet, address)) return 'outside';
	if (subnet.prefix >= 31) return undefined; // RFC 3021 point-to-point links have no network/broadcast.
	const offset = address - subnet.base;
	if (offset === 0) return 'network';
	if (address === lastAddress(subnet)) return 'broadcast';
	if (cloud && offset <= 3) return 'reserved';
	return undefined;
}

/** Usable host addresses in a block: all but network/broadcast, and in the cloud all but five. */
export function usableHosts(subnet: Cidr, cloud: boolean): number {
	const size = blockSize(subnet);
	if (subnet.prefix >= 31) return size;
	return Math.max(0, size - (cloud ? 5 : 2));
}

/** The first address a host may use in `subnet` (after the reserved ones). */
export function firstUsable(subnet: Cidr, cloud: boolean): number {
	return subnet.base + (subnet.prefix >= 31 ? 0 : cloud ? 4 : 1);
}

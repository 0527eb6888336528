import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	cidrContains,
	cidrInside,
	cidrsOverlap,
	formatAddress,
	formatCidr,
	isAddress,
	isCidr,
	isPrivate,
	isPublic,
	lastAddress,
	parseAddress,
	parseCidr,
	readCidr,
	type Cidr,
} from './address.js';

const uint32 = fc.nat({max: 0xffffffff});
const prefix = fc.integer({min: 0, max: 32});
/** A block built without the mask helpers: base = floor(address / 2^(32-p)) * 2^(32-p). */
const block = fc.tuple(uint32, prefix).map(([address, length]): Cidr => {
	const size = 2 ** (32 - length);
	return {base: Math.floor(address / size) * size, prefix: length};
});

describe('addresses (properties)', () => {
	it('format then parse gives the number back', () => {
		fc.assert(fc.property(uint32, (value) => parseAddress(formatAddress(value)) === value));
	});

	it('parse then format gives the text back for every canonical dotted quad', () => {
		const quad = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.'));
		fc.assert(fc.property(quad, (text) => formatAddress(parseAddress(text) ?? -1) === text));
	});

	it('cidrContains agrees with arithmetic on the block (no bit masks)', () => {
		fc.assert(
			fc.property(block, uint32, (cidr, address) => {
				const size = 2 ** (32 - cidr.prefix);
				const inside = address >= cidr.base && address < cidr.base + size;
				return cidrContains(cidr, address) === inside;
			}),
		);
	});

	it('the last address of a block is inside it and the next one is not', () => {
		fc.assert(
			fc.property(block, (cidr) => {
				const last = lastAddress(cidr);
				return cidrContains(cidr, last) && (last === 0xffffffff || !cidrContains(cidr, last + 1));
			}),
		);
	});

	it('overlap is symmetric and means one block lies inside the other', () => {
		fc.assert(
			fc.property(block, block, (a, b) => {
				const overlap = cidrsOverlap(a, b);
				return overlap === cidrsOverlap(b, a) && overlap === (cidrInside(a, b) || cidrInside(b, a));
			}),
		);
	});

	it('isCidr rejects host bits and readCidr suggests the network', () => {
		fc.assert(
			fc.property(uint32, fc.integer({min: 0, max: 31}), (address, length) => {
				const size = 2 ** (32 - length);
				const base = Math.floor(address / size) * size;
				const text = `${formatAddress(address)}/${length}`;
				if (address === base) return isCidr(text) && formatCidr(parseCidr(text)!) === text;
				const read = readCidr(text);
				return !isCidr(text) && !read.ok && read.reason === 'host-bits' && read.suggestion === `${formatAddress(base)}/${length}`;
			}),
		);
	});
});

describe('addresses (examples)', () => {
	it.each([
		['010.1.1.1', false],
		['1.2.3', false],
		['256.1.1.1', false],
		['0x7f.0.0.1', false],
		[' 1.2.3.4', false],
		['203.0.113.10', true],
	])('isAddress(%j) is %s', (text, expected) => {
		expect(isAddress(text)).toBe(expected);
	});

	it.each([
		['10.0.0.1', false, true],
		['172.31.255.255', false, true],
		['172.32.0.1', true, false],
		['192.168.1.1', false, true],
		['203.0.113.10', true, false],
		['127.0.0.1', false, false],
		['169.254.1.1', false, false],
		['224.0.0.1', false, false],
		['8.8.8.8', true, false],
		// RFC 6598 shared address space (carrier-grade NAT): not RFC 1918, and not routed on the internet either.
		['100.64.0.1', false, false],
		['100.127.255.254', false, false],
		['100.63.255.255', true, false],
		['100.128.0.1', true, false],
	])('%s: public %s, private %s', (text, publicAddress, privateAddress) => {
		const value = parseAddress(text)!;
		expect(isPublic(value)).toBe(publicAddress);
		expect(isPrivate(value)).toBe(privateAddress);
	});
});

import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cidrContains, parseAddress, parseCidr} from './address.js';
import {PrefixTable} from './prefix-table.js';

function tableOf(blocks: readonly string[]): PrefixTable<string> {
	const table = new PrefixTable<string>();
	for (const text of blocks) {
		const cidr = parseCidr(text)!;
		table.add(cidr.base, cidr.prefix, text);
	}
	return table;
}

describe('PrefixTable', () => {
	const table = tableOf(['0.0.0.0/0', '10.0.0.0/8', '10.0.5.0/24', '10.0.5.0/25', '10.0.5.7/32']);
	it.each([
		['10.0.5.7', '10.0.5.7/32'],
		['10.0.5.10', '10.0.5.0/25'],
		['10.0.5.200', '10.0.5.0/24'],
		['10.9.9.9', '10.0.0.0/8'],
		['8.8.8.8', '0.0.0.0/0'],
	])('%s matches %s (longest prefix)', (address, expected) => {
		expect(table.lookup(parseAddress(address)!)?.value).toBe(expected);
	});

	it('keeps the first value for a block added twice', () => {
		const twice = new PrefixTable<string>();
		expect(twice.add(0x0a000000, 8, 'first')).toBe(true);
		expect(twice.add(0x0a000000, 8, 'second')).toBe(false);
		expect(twice.lookup(0x0a010203)).toEqual({value: 'first', prefix: 8});
		expect(twice.size).toBe(1);
	});

	it('answers undefined when nothing matches', () => {
		expect(tableOf(['10.0.0.0/8']).lookup(parseAddress('11.0.0.1')!)).toBeUndefined();
	});

	it('agrees with a linear longest-prefix scan (property)', () => {
		const block = fc.tuple(fc.nat({max: 0xffffffff}), fc.integer({min: 0, max: 32})).map(([address, prefix]) => {
			const size = 2 ** (32 - prefix);
			return {base: Math.floor(address / size) * size, prefix};
		});
		fc.assert(
			fc.property(fc.array(block, {maxLength: 40}), fc.array(fc.nat({max: 0xffffffff}), {minLength: 1, maxLength: 20}), (blocks, addresses) => {
				const table = new PrefixTable<number>();
				blocks.forEach((cidr, index) => table.add(cidr.base, cidr.prefix, index));
				for (const address of addresses) {
					let best: number | undefined;
					blocks.forEach((cidr, index) => {
						if (!cidrContains(cidr, address)) return;
						const current = best === undefined ? undefined : blocks[best];
						if (current === undefined || cidr.prefix > current.prefix) best = index;
					});
					expect(table.lookup(address)?.value).toBe(best);
				}
			}),
		);
	});
});

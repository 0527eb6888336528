import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countPorts, formatSpans, fromServicePorts, mergeRanges, subtractRanges, toSpans} from './port-spans.js';
import type {PortRange} from './ports.js';

/** Ranges in a small universe so brute force can check them port by port. */
const smallRange = fc
	.tuple(fc.integer({min: 1, max: 60}), fc.integer({min: 0, max: 12}))
	.map(([from, length]): PortRange => ({from, to: from + length}));

function portsOf(ranges: readonly PortRange[]): Set<number> {
	const ports = new Set<number>();
	for (const range of ranges) for (let port = range.from; port <= range.to; port++) ports.add(port);
	return ports;
}

function isCanonical(ranges: readonly PortRange[]): boolean {
	return ranges.every((range, index) => range.from <= range.to && (index === 0 || range.from > ranges[index - 1]!.to + 1));
}

describe('mergeRanges', () => {
	it.each([
		{input: [], expected: []},
		{input: [{from: 5, to: 9}, {from: 1, to: 3}], expected: [{from: 1, to: 3}, {from: 5, to: 9}]},
		{input: [{from: 1, to: 3}, {from: 4, to: 9}], expected: [{from: 1, to: 9}]},
		{input: [{from: 1, to: 10}, {from: 2, to: 3}], expected: [{from: 1, to: 10}]},
	])('merges $input', ({input, expected}) => {
		expect(mergeRanges(input)).toEqual(expected);
	});

	it('keeps exactly the same ports, sorted, disjoint and non-adjacent', () => {
		fc.assert(
			fc.property(fc.array(smallRange, {maxLength: 8}), (ranges) => {
				const merged = mergeRanges(ranges);
				expect(isCanonical(merged)).toBe(true);
				expect(portsOf(merged)).toEqual(portsOf(ranges));
			}),
		);
	});
});

describe('subtractRanges', () => {
	it('removes a single port from the middle of a range', () => {
		expect(subtractRanges([{from: 1, to: 65535}], [{from: 443, to: 443}])).toEqual([
			{from: 1, to: 442},
			{from: 444, to: 65535},
		]);
	});

	it('equals set difference, port by port', () => {
		fc.assert(
			fc.property(fc.array(smallRange, {maxLength: 6}), fc.array(smallRange, {maxLength: 6}), (a, b) => {
				const result = subtractRanges(mergeRanges(a), mergeRanges(b));
				const removed = portsOf(b);
				expect(isCanonical(result)).toBe(true);
				expect(portsOf(result)).toEqual(new Set([...portsOf(a)].filter((port) => !removed.has(port))));
			}),
		);
	});
});

describe('spans', () => {
	it('counts ports of disjoint ranges', () => {
		expect(countPorts([{from: 1024, to: 65535}])).toBe(64512);
		expect(countPorts([{from: 1, to: 1}, {from: 10, to: 19}])).toBe(11);
	});

	it('lists tcp before udp, ranges with `to`, single ports without', () => {
		const sets = {tcp: [{from: 80, to: 80}, {from: 1000, to: 2000}], udp: [{from: 53, to: 53}]};
		expect(toSpans(sets)).toEqual([
			{protocol: 'tcp', port: 80},
			{protocol: 'tcp', port: 1000, to: 2000},
			{protocol: 'udp', port: 53},
		]);
		expect(formatSpans(toSpans(sets), 2)).toBe('tcp 80, tcp 1000-2000 and 1 more');
	});

	it('reads the ports of a goal, merging neighbours', () => {
		expect(
			fromServicePorts([
				{protocol: 'udp', port: 53},
				{protocol: 'tcp', port: 444},
				{protocol: 'tcp', port: 443},
			]),
		).toEqual({tcp: [{from: 443, to: 444}], udp: [{from: 53, to: 53}]});
	});
});

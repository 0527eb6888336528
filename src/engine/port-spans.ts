import type {PortSpan} from './goal.js';
import type {Protocol} from './network.js';
import {formatPortRange, type PortRange} from './ports.js';

/**
 * Sets of ports held as sorted, disjoint, non-adjacent inclusive ranges, and
 * their conversion to the `PortSpan` runs of a grade report.
 */

/** Ports per protocol, each list sorted, disjoint and merged. */
export type PortSets = {readonly tcp: readonly PortRange[]; readonly udp: readonly PortRange[]};

/** The protocols in report order. */
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

/** Sorts ranges and merges the ones that overlap or touch. */
export function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
	const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
	const merged: PortRange[] = [];
	for (const range of sorted) {
		const last = merged[merged.length - 1];
		if (last !== undefined && range.from <= last.to + 1) {
			if (range.to > last.to) merged[merged.length - 1] = {from: last.from, to: range.to};
		} else {
			merged.push(range);
		}
	}
	return merged;
}

/** Index of the first of `runs` (sorted by port, disjoint) whose range ends at or after `port`; `runs.length` when none does. */
export function firstRunFrom(runs: readonly {readonly range: PortRange}[], port: number): number {
	let low = 0;
	let high = runs.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (runs[middle]!.range.to < port) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * First-match claiming over a port space: removes `cut` from `open` (sorted,
 * disjoint ranges, changed in place) and returns the pieces of `open` it
 * covered, in port order. Only the ranges `cut` overlaps are looked at (a
 * binary search finds the first), so claiming for thousands of one-port rules
 * in turn stays close to linear.
 */
export function claimRange(open: PortRange[], cut: PortRange): PortRange[] {
	let start = 0;
	let high = open.length;
	while (start < high) {
		const middle = (start + high) >> 1;
		if (open[middle]!.to < cut.from) start = middle + 1;
		else high = middle;
	}
	const claimed: PortRange[] = [];
	const kept: PortRange[] = [];
	let end = start;
	for (; end < open.length && open[end]!.from <= cut.to; end++) {
		const range = open[end]!;
		claimed.push({from: Math.max(range.from, cut.from), to: Math.min(range.to, cut.to)});
		if (range.from < cut.from) kept.push({from: range.from, to: cut.from - 1});
		if (range.to > cut.to) kept.push({from: cut.to + 1, to: range.to});
	}
	if (end > start) open.splice(start, end - start, ...kept);
	return claimed;
}

/** The ports of `a` that are not in `b` (both merged lists); the result is merged. */
export function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
	const result: PortRange[] = [];
	let index = 0;
	for (const range of a) {
		let from = range.from;
		while (index < b.length && b[index]!.to < from) index++;
		let scan = index;
		while (from <= range.to) {
			const cut = b[scan];
			if (cut === undefined || cut.from > range.to) {
				result.push({from, to: range.to});
				break;
			}
			if (cut.from > from) result.push({from, to: cut.from - 1});
			from = cut.to + 1;
			scan++;
		}
	}
	return result;
}

/** Number of ports in a list of disjoint ranges. */
export function countPorts(ranges: readonly PortRange[]): number {
	let total = 0;
	for (const range of ranges) total += range.to - range.from + 1;
	return total;
}

/** Report runs for both protocols, tcp first, each in port order. */
export function toSpans(sets: PortSets): PortSpan[] {
	const spans: PortSpan[] = [];
	for (const protocol of PROTOCOLS) {
		for (const range of sets[protocol]) {
			spans.push(range.from === range.to ? {protocol, port: range.from} : {protocol, port: range.from, to: range.to});
		}
	}
	return spans;
}

/** Port sets from the (protocol, port) list of a goal. */
export function fromServicePorts(ports: readonly {readonly protocol: Protocol; readonly port: number}[]): PortSets {
	const pick = (protocol: Protocol): PortRange[] =>
		mergeRanges(ports.filter((entry) => entry.protocol === protocol).map((entry) => ({from: entry.port, to: entry.port})));
	return {tcp: pick('tcp'), udp: pick('udp')};
}

/** Per-protocol union of port sets. */
export function unionSets(sets: readonly PortSets[]): PortSets {
	return {
		tcp: mergeRanges(sets.flatMap((set) => set.tcp)),
		udp: mergeRanges(sets.flatMap((set) => set.udp)),
	};
}

/** Per-protocol difference `a` minus `b`. */
export function subtractSets(a: PortSets, b: PortSets): PortSets {
	return {tcp: subtractRanges(a.tcp, b.tcp), udp: subtractRanges(a.udp, b.udp)};
}

/** Total ports of both protocols. */
export function countSet(sets: PortSets): number {
	return countPorts(sets.tcp) + countPorts(sets.udp);
}

/** True when the set holds no port. */
export function isEmptySet(sets: PortSets): boolean {
	return sets.tcp.length === 0 && sets.udp.length === 0;
}

/** Formats a run as `tcp 443` or `tcp 1000-2000`. */
export function formatSpan(span: PortSpan): string {
	return `${span.protocol} ${formatPortRange({from: span.port, to: span.to ?? span.port})}`;
}

/** Formats runs for a sentence, `tcp 443, udp 53`, with "and N more" past `cap`. */
export function formatSpans(spans: readonly PortSpan[], cap: number): string {
	const shown = spans.slice(0, cap).map(formatSpan).join(', ');
	return spans.length > cap ? `${shown} and ${spans.length - cap} more` : shown;
}

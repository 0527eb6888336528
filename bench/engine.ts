/**
 * Engine benchmark (`npm run bench`): grades synthetic networks of growing
 * size and prints a markdown table of median times, then checks that route
 * lookup scales (100,000 routes at most 3× the time of 100 for the same
 * 1,000 flows). A benchmark, not a test: it always exits 0.
 */
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import type {GoalInput} from '../src/engine/goal.js';
import {grade} from '../src/engine/grade.js';
import {network, type FirewallRule, type Network, type NetworkInput} from '../src/engine/network.js';
import {reachablePorts} from '../src/engine/reachable-ports.js';
import {seededRandom} from '../src/game/seeded-random.js';

/** A deterministic pseudo-random sequence (mulberry32), so every run builds the same networks. */
const random = seededRandom;

function dotted(value: number): string {
	return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/**
 * A host in 172.16.0.0/24 whose route table holds `count` routes for distinct
 * blocks inside 10.0.0.0/8 (prefix lengths /16–/28, nested ones included),
 * all via router r1, which reaches 10.0.0.0/8 directly. Returns the network
 * and one address inside each route's block.
 */
function routedNetwork(count: number): {net: Network; destinations: string[]} {
	const next = random(count);
	const seen = new Set<string>();
	const routes: {destination: string; target: string}[] = [];
	const destinations: string[] = [];
	while (routes.length < count) {
		const prefix = 16 + Math.floor(next() * 13);
		const size = 2 ** (32 - prefix);
		const base = (((10 << 24) >>> 0) + Math.floor((next() * 2 ** 24) / size) * size) >>> 0;
		const destination = `${dotted(base)}/${prefix}`;
		if (base === ((10 << 24) >>> 0) || seen.has(destination)) continue;
		seen.add(destination);
		routes.push({destination, target: 'r1'});
		destinations.push(dotted(base + 1 + Math.floor(next() * (size - 2))));
	}
	const input: NetworkInput = {
		subnets: [
			{id: 'lan', cidr: '172.16.0.0/24', routeTable: 'rt-lan'},
			{id: 'core', cidr: '10.0.0.0/8'},
		],
		routeTables: [{id: 'rt-lan', routes}],
		hosts: [
			{id: 'src', interfaces: [{subnet: 'lan', ip: '172.16.0.10'}]},
			{
				id: 'r1',
				kind: 'router',
				interfaces: [
					{subnet: 'lan', ip: '172.16.0.1'},
					{subnet: 'core', ip: '10.0.0.1'},
				],
			},
			{id: 'dst', interfaces: [{subnet: 'core', ip: '10.0.0.10'}], apps: [{name: 'website', port: 443}]},
		],
	};
	return {net: network(input), destinations};
}

/** `count` flows from src, spread over the destinations (every route used when count ≥ routes). */
function routeGoals(destinations: readonly string[], count: number): GoalInput[] {
	return Array.from({length: count}, (_, index) => ({
		id: `g${index}`,
		description: 'reach',
		kind: 'reach' as const,
		flow: {from: 'src', to: destinations[Math.floor((index * destinations.length) / count)]!, port: 443},
	}));
}

/**
 * A server on the internet whose input chain holds `count` rules — denies
 * for single ports and ranges, some by source — then allows 443 and 8000-8999.
 */
function firewalledNetwork(count: number): Network {
	const next = random(count + 7);
	const rules: FirewallRule[] = [];
	while (rules.length < count - 2) {
		const from = 1 + Math.floor(next() * 65000);
		const width = next() < 0.5 ? 0 : Math.floor(next() * 300);
		const protocol = next() < 0.8 ? 'tcp' : 'udp';
		const ports = width === 0 ? `${from}` : `${from}-${Math.min(65535, from + width)}`;
		if (from <= 443 && from + width >= 443) continue;
		rules.push(
			next() < 0.3
				? {action: 'deny', protocol, ports, source: `198.18.${Math.floor(next() * 256)}.0/24`}
				: {action: 'deny', protocol, ports},
		);
	}
	rules.push({action: 'allow', protocol: 'tcp', ports: '443'}, {action: 'allow', protocol: 'tcp', ports: '8000-8999'});
	return network({
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
			{
				id: 'server',
				interfaces: [{subnet: 'internet', ip: '203.0.113.10'}],
				apps: [{name: 'website', port: 443}],
				firewall: {input: {policy: 'deny', rules}},
			},
		],
	});
}

function reachServer(count: number): GoalInput[] {
	return Array.from({length: count}, (_, index) => ({
		id: `g${index}`,
		description: 'reach',
		kind: 'reach' as const,
		flow: {from: 'laptop', toHost: 'server', port: 443},
	}));
}

const onlyServer: GoalInput[] = [
	{id: 'only', description: 'only 443', kind: 'only', from: ['laptop'], toHost: 'server', ports: [{protocol: 'tcp', port: 443}]},
];

type Case = {
	readonly group: string;
	readonly work: string;
	/** Flows traced per grade: a count, or for `only` goals how many segments the exact partition traced. */
	readonly flows: (net: Network) => string;
	readonly build: () => {net: Network; goals: GoalInput[]};
	readonly runs: number;
};

type Row = {
	readonly group: string;
	readonly work: string;
	readonly flows: string;
	readonly cold: number;
	readonly median: number;
	readonly runs: number;
};

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measure(entry: Case): Row {
	const {net, goals} = entry.build();
	// The first grade builds the per-network indexes (route tries…): reported apart as "cold".
	let start = performance.now();
	grade(net, goals);
	const cold = performance.now() - start;
	grade(net, goals); // warm-up
	const times: number[] = [];
	for (let run = 0; run < entry.runs; run++) {
		start = performance.now();
		grade(net, goals);
		times.push(performance.now() - start);
	}
	return {group: entry.group, work: entry.work, flows: entry.flows(net), cold, median: median(times), runs: entry.runs};
}

const count = (value: number) => () => value.toLocaleString('en-US');
const segments = (net: Network): string => `${reachablePorts(net, 'laptop', 'server').traced.toLocaleString('en-US')} segments`;

const routeSizes = [100, 10_000, 100_000];
const cases: Case[] = [
	...routeSizes.map((size) => ({
		group: 'routes',
		work: `${size.toLocaleString('en-US')} routes`,
		flows: count(1000),
		runs: 9,
		build: () => {
			const {net, destinations} = routedNetwork(size);
			return {net, goals: routeGoals(destinations, 1000)};
		},
	})),
	...[100, 10_000].map((size) => ({
		group: 'host firewall',
		work: `${size.toLocaleString('en-US')} rules`,
		flows: count(1000),
		runs: size > 1000 ? 3 : 7,
		build: () => ({net: firewalledNetwork(size), goals: reachServer(1000)}),
	})),
	...[1, 1000].map((flows) => ({
		group: 'flows',
		work: '10,000 routes',
		flows: count(flows),
		runs: 9,
		build: () => {
			const {net, destinations} = routedNetwork(10_000);
			return {net, goals: routeGoals(destinations, flows)};
		},
	})),
	...[100, 10_000].map((size) => ({
		group: '`only` goal, all TCP+UDP ports',
		work: `${size.toLocaleString('en-US')} rules`,
		flows: segments,
		runs: size > 1000 ? 3 : 7,
		build: () => ({net: firewalledNetwork(size), goals: onlyServer}),
	})),
];

function format(ms: number): string {
	return ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
}

// Let the JIT compile the engine's hot paths before anything is timed.
measure(cases[0]!);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`netquest engine benchmark — node ${process.version}, ${os.availableParallelism()} CPUs (${cpu})\n`);
console.log('| case | size | flows traced | cold ms (first grade) | median ms | runs |');
console.log('| --- | --- | --- | ---: | ---: | ---: |');
const rows: Row[] = [];
for (const entry of cases) {
	const row = measure(entry);
	rows.push(row);
	console.log(`| ${row.group} | ${row.work} | ${row.flows} | ${format(row.cold)} | ${format(row.median)} | ${row.runs} |`);
}
/**
 * The scaling check: the same 1,000 flows (one per route of the small table,
 * spread over the large one) graded alternately over 100 and 100,000 routes,
 * so that load from other processes hits both sides alike; medians compared.
 */
function routeRatio(rounds: number): {small: number; large: number} {
	const build = (size: number) => {
		const {net, destinations} = routedNetwork(size);
		const goals = routeGoals(destinations, 1000);
		grade(net, goals);
		grade(net, goals);
		return {net, goals};
	};
	const small = build(100);
	const large = build(100_000);
	const times = {small: [] as number[], large: [] as number[]};
	for (let round = 0; round < rounds; round++) {
		for (const side of ['small', 'large'] as const) {
			const {net, goals} = side === 'small' ? small : large;
			const start = performance.now();
			grade(net, goals);
			times[side].push(performance.now() - start);
		}
	}
	return {small: median(times.small), large: median(times.large)};
}

const scaling = routeRatio(15);
const ratio = scaling.large / scaling.small;
console.log(
	`\n${ratio <= 3 ? 'PASS' : 'FAIL'}: 1,000 flows over 100,000 routes take ${ratio.toFixed(2)}× the time over 100 routes ` +
		`(${format(scaling.large)} ms vs ${format(scaling.small)} ms, medians of 15 interleaved runs; target ≤ 3×).`,
);

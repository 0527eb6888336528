import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {execute, renderOutput} from '../../src/commands/index.js';
import {CNAME_LIMIT} from '../../src/engine/dns.js';
import type {GoalInput} from '../../src/engine/goal.js';
import {grade} from '../../src/engine/grade.js';
import {network, type Network, type NetworkInput} from '../../src/engine/network.js';
import {OUTCOME_CODES} from '../../src/engine/outcome.js';
import {cloudInput, officeInput} from '../../src/engine/test-networks.js';
import {HOP_LIMIT} from '../../src/engine/walk.js';
import {loadCatalog, playableLevels} from '../../src/levels/load.js';
import {memoryProgressStore} from '../../src/store/memory-store.js';
import {type Game, KEY, startGame, waitForGame} from './support/game.js';
import {frameProblems} from './support/screen.js';

/**
 * Engine limits: routing loops and paths longer than the hop limit, CNAME
 * loops and endless chains, and rule lists of tens of thousands of entries
 * (host and network firewalls, security groups, network ACLs, a 100,000-route
 * table) — graded with reach, blocked and exact `only` goals and looked at
 * with the player's own commands. Each ends with an outcome code from the
 * fixed list; a hang would fail the test's time limit, a stack overflow would
 * throw. (Speed itself is `npm run bench`'s business, not a timed test.)
 * Last, an instructor's level with 20,000 firewall rules loads, opens and
 * grades in the game.
 */

const CODES = new Set<string>(OUTCOME_CODES);

/** Grades and returns each goal's code (or pass/fail for `only` and state goals), checking every code is a known one. */
function codes(net: Network, goals: readonly GoalInput[]): Record<string, string> {
	const report = grade(net, goals);
	for (const goal of report.goals) if (goal.code !== undefined) expect(CODES.has(goal.code), goal.code).toBe(true);
	return Object.fromEntries(report.goals.map((goal) => [goal.id, goal.code ?? (goal.passed ? 'passed' : 'failed')]));
}

/** What the player would read after typing `line` (the rendered output, or the error). */
function said(net: Network, line: string): string {
	const result = execute(net, line);
	if (result.kind === 'output') return renderOutput(result.output).join('\n');
	if (result.kind === 'error') return result.error.message;
	return result.kind;
}

/**
 * Routers r0…r(count-1) in a line, each joined to the next by a /24, every
 * default route to the next router. `ring`: the last one is joined back to
 * the first subnet and routes to r0 — a loop; otherwise its default route is
 * a blackhole, far past the hop limit when the line is long.
 */
function routerChain(count: number, shape: 'ring' | 'line'): NetworkInput {
	const link = (index: number) => `10.${(index >> 8) & 255}.${index & 255}`;
	const ring = shape === 'ring';
	const routers = Array.from({length: count}, (_, index) => ({
		id: `r${index}`,
		kind: 'router' as const,
		interfaces: [
			{subnet: `t${index}`, ip: `${link(index)}.2`},
			ring && index === count - 1 ? {subnet: 't0', ip: `${link(0)}.3`} : {subnet: `t${index + 1}`, ip: `${link(index + 1)}.1`},
		],
		routeTable: `rt-r${index}`,
	}));
	return {
		hosts: [{id: 'h', interfaces: [{subnet: 't0', ip: `${link(0)}.10`}]}, ...routers],
		subnets: Array.from({length: count + 1}, (_, index) => ({id: `t${index}`, cidr: `${link(index)}.0/24`, ...(index === 0 ? {routeTable: 'rt-h'} : {})})),
		routeTables: [
			{id: 'rt-h', routes: [{destination: '0.0.0.0/0', target: 'r0'}]},
			...routers.map((router, index) => ({
				id: router.routeTable,
				routes: [{destination: '0.0.0.0/0', target: index < count - 1 ? `r${index + 1}` : ring ? `${link(0)}.2` : 'blackhole'}],
			})),
		],
	};
}

describe('routing loops', () => {
	const reachOut: GoalInput[] = [
		{id: 'out', kind: 'reach', description: 'out', flow: {from: 'h', to: '198.51.100.1', port: 443}},
		{id: 'not', kind: 'blocked', description: 'not', flow: {from: 'h', to: '198.51.100.1', port: 22}},
	];

	it.each([2, 50, 500])('a ring of %i routers ends in LOOP, for goals and for traceroute', (count) => {
		const ring = network(routerChain(count, 'ring'));
		expect(codes(ring, reachOut)).toEqual({out: 'LOOP', not: 'LOOP'});
		expect(said(ring, 'traceroute h 198.51.100.1 443')).toMatch(/LOOP/u);
	});

	it('a path of 5,000 routers (longer than the hop limit) ends in LOOP at TTL 64, without a stack overflow', () => {
		const chain = network(routerChain(5000, 'line'));
		expect(codes(chain, reachOut)).toEqual({out: 'LOOP', not: 'LOOP'});
		const text = said(chain, 'curl h http://198.51.100.1/');
		expect(text).toContain(`TTL ${HOP_LIMIT}`);
	});

	it('an `only` goal and the exposure over a looping network end too', () => {
		const ring = network(routerChain(100, 'ring'));
		const report = grade(ring, [{id: 'only', kind: 'only', description: 'only', from: ['h'], toHost: 'r99', ports: []}]);
		expect(report.goals[0]?.passed).toBe(true);
		expect(report.exposure.total).toBe(0);
	});
});

describe('CNAME loops and endless chains', () => {
	const base = (): NetworkInput => ({
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
			{id: 'web', interfaces: [{subnet: 'internet', ip: '203.0.113.10'}], apps: [{name: 'website', port: 80}]},
		],
	});
	const goal: GoalInput[] = [
		{id: 'site', kind: 'reach', description: 'site', flow: {from: 'laptop', to: 'a.example', port: 80}},
		{id: 'name', kind: 'state', description: 'name', state: {check: 'resolves', name: 'a.example', address: '203.0.113.10'}},
	];

	it.each([
		['a name that is its own CNAME', [{name: 'a.example', type: 'CNAME', value: 'a.example'}]],
		['two names pointing at each other', [{name: 'a.example', type: 'CNAME', value: 'b.example'}, {name: 'b.example', type: 'CNAME', value: 'A.EXAMPLE.'}]],
		[
			'a chain of 10,000 CNAMEs that ends in an address',
			[
				...Array.from({length: 10_000}, (_, index) => ({name: index === 0 ? 'a.example' : `n${index}.example`, type: 'CNAME' as const, value: `n${index + 1}.example`})),
				{name: 'n10000.example', type: 'A' as const, value: '203.0.113.10'},
			],
		],
	] as const)('%s: CNAME_LOOP for the goal, a clear answer to dig', (_name, dns) => {
		const net = network({...base(), dns: dns.map((record) => ({...record}))});
		expect(codes(net, goal)).toEqual({site: 'CNAME_LOOP', name: 'failed'});
		expect(said(net, 'dig a.example')).toMatch(new RegExp(`CNAME|${CNAME_LIMIT}`, 'u'));
	});
});

describe('enormous rule lists', () => {
	const office = (): NetworkInput & {hosts: NonNullable<NetworkInput['hosts']>} => officeInput() as NetworkInput & {hosts: NonNullable<NetworkInput['hosts']>};
	const RULES = 10_000;

	it(`a host firewall of ${RULES.toLocaleString('en')} rules: exact only-goal, reach and blocked`, {timeout: 30_000}, () => {
		const input = office();
		const api = input.hosts.find((host) => host.id === 'api')!;
		// 20,000 rules, each denying one port, then one allowing the service: everything else falls to the policy.
		api.firewall = {
			input: {policy: 'deny', rules: [...Array.from({length: RULES}, (_, index) => ({action: 'deny' as const, protocol: 'tcp' as const, ports: String(10_000 + index)})), {action: 'allow', protocol: 'tcp', ports: '443'}]},
		};
		const net = network(input);
		expect(
			codes(net, [
				{id: 'api', kind: 'reach', description: 'api', flow: {from: 'laptop', toHost: 'api', port: 443}},
				{id: 'last', kind: 'blocked', description: 'last', flow: {from: 'laptop', toHost: 'api', port: 10_000 + RULES - 1}},
				{id: 'only', kind: 'only', description: 'only', from: ['laptop'], toHost: 'api', ports: [{protocol: 'tcp', port: 443}]},
			]),
		).toEqual({api: 'DELIVERED', last: 'DENIED_BY_HOST_FIREWALL', only: 'passed'});
		expect(said(net, `nc -z laptop 198.51.100.7 ${10_000 + RULES - 1}`)).toContain('DENIED_BY_HOST_FIREWALL');
	});

	it(`a network firewall of ${RULES.toLocaleString('en')} rules between subnets`, {timeout: 30_000}, () => {
		const input = office();
		const r1 = input.hosts.find((host) => host.id === 'r1')!;
		r1.firewall = {forward: {policy: 'allow', rules: Array.from({length: RULES}, (_, index) => ({action: 'deny' as const, protocol: 'tcp' as const, ports: String(3307 + index), destination: '10.1.3.0/24'}))}};
		const net = network(input);
		expect(
			codes(net, [
				{id: 'mysql', kind: 'reach', description: 'mysql', flow: {from: 'app1', toHost: 'db1', port: 3306}},
				{id: 'denied', kind: 'blocked', description: 'denied', flow: {from: 'app1', toHost: 'db1', port: 3307 + RULES - 1}},
				{id: 'only', kind: 'only', description: 'only', from: ['app1'], toHost: 'db1', ports: [{protocol: 'tcp', port: 3306}]},
			]),
		).toMatchObject({mysql: 'DELIVERED', denied: 'DENIED_BY_NETWORK_FIREWALL'});
	});

	it(`a security group of ${RULES.toLocaleString('en')} rules`, {timeout: 30_000}, () => {
		const input = cloudInput() as NetworkInput & {securityGroups: {inbound: unknown[]}[]};
		input.securityGroups[0]!.inbound = [
			...Array.from({length: RULES}, (_, index) => ({protocol: 'tcp' as const, ports: String(20_000 + index), source: `198.18.${(index >> 8) & 255}.${index & 255}/32`})),
			{protocol: 'tcp' as const, ports: '443', source: '0.0.0.0/0'},
		];
		const net = network(input);
		expect(
			codes(net, [
				{id: 'site', kind: 'reach', description: 'site', flow: {from: 'laptop', to: 'travelbuddy.com', port: 443}},
				{id: 'other', kind: 'blocked', description: 'other', flow: {from: 'laptop', to: 'travelbuddy.com', port: 20_000}},
				{id: 'only', kind: 'only', description: 'only', from: ['laptop'], toHost: 'web', ports: [{protocol: 'tcp', port: 443}]},
			]),
		).toEqual({site: 'DELIVERED', other: 'DENIED_BY_SECURITY_GROUP', only: 'passed'});
	});

	it('a network ACL of 20,000 rules', {timeout: 30_000}, () => {
		const input = cloudInput() as NetworkInput & {subnets: {id: string; networkAcl?: string}[]};
		const count = 20_000;
		input.networkAcls = [
			{
				id: 'acl-huge',
				vpc: 'vpc-main',
				inbound: [
					...Array.from({length: count}, (_, index) => ({rule: 1 + index, action: 'deny' as const, protocol: 'tcp' as const, ports: String(2000 + index), cidr: '0.0.0.0/0'})),
					{rule: 32_000, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'},
				],
				outbound: [{rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'}],
			},
		];
		input.subnets.find((subnet) => subnet.id === 'public')!.networkAcl = 'acl-huge';
		const net = network(input);
		expect(
			codes(net, [
				{id: 'site', kind: 'reach', description: 'site', flow: {from: 'laptop', to: 'travelbuddy.com', port: 443}},
				{id: 'denied', kind: 'blocked', description: 'denied', flow: {from: 'laptop', toHost: 'web', port: 2000 + count - 1}},
				{id: 'only', kind: 'only', description: 'only', from: ['laptop'], toHost: 'web', ports: [{protocol: 'tcp', port: 443}]},
			]),
		).toEqual({site: 'DELIVERED', denied: 'DENIED_BY_NACL', only: 'passed'});
	});

	it('a route table of 100,000 routes, graded with the exposure of every host', {timeout: 30_000}, () => {
		const input = office();
		const routes = Array.from({length: 100_000}, (_, index) => ({destination: `${11 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}.0/24`, target: 'blackhole'}));
		const tables = (input.routeTables ?? []).map((table) => (table.id === 'rt-web' ? {...table, routes: [...routes, ...(table.routes ?? [])]} : table));
		const net = network({...input, routeTables: tables});
		expect(
			codes(net, [
				{id: 'out', kind: 'reach', description: 'out', flow: {from: 'web1', to: '198.51.100.7', port: 443}},
				{id: 'hole', kind: 'blocked', description: 'hole', flow: {from: 'web1', to: '12.134.159.9', port: 443}},
			]),
		).toEqual({out: 'DELIVERED', hole: 'BLACKHOLE'});
	});
});

describe('an instructor’s level with 20,000 firewall rules, in the game', () => {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-huge-'));
	afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));
	let game: Game | undefined;
	afterEach(() => game?.stop());

	it('loads (under the 5 MB limit), opens, and grades each command, the screen intact', {timeout: 60_000}, async () => {
		const rules = Array.from({length: RULES_IN_LEVEL}, (_, index) => ({action: 'deny', protocol: 'tcp', ports: String(10_000 + index)}));
		const level = {
			formatVersion: 1,
			id: 'huge-firewall',
			title: 'A very long firewall',
			chapter: 'Stress',
			concepts: ['firewall'],
			story: 'Someone pasted a blocklist of twenty thousand ports.',
			briefing: {question: 'Does order matter?', answer: 'The first matching rule wins.'},
			objective: 'Let customers reach the website on port 80.',
			network: {
				hosts: [
					{id: 'web', interfaces: [{subnet: 'internet', ip: '203.0.113.10'}], apps: [{name: 'website', port: 80}], firewall: {input: {policy: 'deny', rules}}},
					{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
				],
			},
			goals: [{id: 'site', kind: 'reach', description: 'A customer reaches the website', flow: {from: 'laptop', toHost: 'web', port: 80}}],
			hints: ['Add a rule that allows port 80.'],
			solution: ['firewall insert web input 1 allow tcp 80'],
		};
		const file = path.join(tmp, 'huge.json');
		fs.writeFileSync(file, JSON.stringify(level));
		expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
		const catalog = loadCatalog({extraDirs: [tmp]});
		expect(playableLevels(catalog).map((entry) => entry.level.id)).toEqual(['huge-firewall']);
		const size = {columns: 100, rows: 30};
		game = startGame({catalog, store: memoryProgressStore(), ...size, initialLevelId: 'huge-firewall'});
		await waitForGame(game, (frame) => frame.includes('Enter start'));
		game.type(KEY.enter);
		let frame = await waitForGame(game, (text) => text.includes('Goals 0/1'), 20_000);
		expect(frameProblems(frame, size)).toEqual([]);
		expect(frame).toContain('DENIED_BY_HOST_FIREWALL');
		game.type('firewall insert web input 1 allow tcp 80\r');
		frame = await waitForGame(game, (text) => text.includes('Level complete'), 20_000);
		expect(frameProblems(frame, size)).toEqual([]);
	});
});

const RULES_IN_LEVEL = 20_000;

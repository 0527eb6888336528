import {describe, expect, it} from 'vitest';
import type {GoalInput} from './goal.js';
import {grade} from './grade.js';
import {network, type FirewallRule, type NetworkInput} from './network.js';

/** One server on the internet behind its own firewall (input policy deny), and a customer's laptop. */
function onPrem(rules: FirewallRule[] | {action: 'allow' | 'deny'; protocol?: 'tcp' | 'udp' | 'all'; ports?: string}[]): NetworkInput {
	return {
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
			{
				id: 'server',
				interfaces: [{subnet: 'internet', ip: '203.0.113.10'}],
				apps: [
					{name: 'website', port: 443},
					{name: 'dns', port: 53, protocol: 'udp'},
					{name: 'mysql', port: 3306},
				],
				firewall: {input: {policy: 'deny', rules}},
			},
		],
		dns: [{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'}],
	};
}

const allow443 = [{action: 'allow' as const, protocol: 'tcp' as const, ports: '443'}];

/** TravelBuddy in a VPC: web in a public subnet, db in a private one that reaches out through a NAT gateway. */
function cloud(): NetworkInput {
	return {
		vpcs: [{id: 'main', cidr: '10.0.0.0/16'}],
		subnets: [
			{id: 'public', cidr: '10.0.1.0/24', vpc: 'main', routeTable: 'rt-public'},
			{id: 'private', cidr: '10.0.2.0/24', vpc: 'main', routeTable: 'rt-private'},
			{id: 'spare', cidr: '10.0.3.0/28', vpc: 'main'},
		],
		routeTables: [
			{id: 'rt-public', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'igw'}]},
			{id: 'rt-private', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'ngw'}]},
		],
		internetGateways: [{id: 'igw', vpc: 'main'}],
		natGateways: [{id: 'ngw', subnet: 'public', privateIp: '10.0.1.5', publicIp: '198.51.100.7'}],
		securityGroups: [
			{id: 'sg-web', vpc: 'main', inbound: [{protocol: 'tcp', ports: '443', source: '0.0.0.0/0'}]},
			{id: 'sg-db', vpc: 'main', inbound: [{protocol: 'tcp', ports: '3306', source: 'sg-web'}]},
		],
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
			{id: 'updates', interfaces: [{subnet: 'internet', ip: '192.0.2.50'}], apps: [{name: 'mirror', port: 443}], firewall: {input: {policy: 'deny', rules: allow443}}},
			{
				id: 'web',
				kind: 'instance',
				interfaces: [{subnet: 'public', ip: '10.0.1.10'}],
				publicIp: '203.0.113.10',
				securityGroups: ['sg-web'],
				apps: [{name: 'website', port: 443}],
			},
			{
				id: 'db',
				kind: 'instance',
				interfaces: [{subnet: 'private', ip: '10.0.2.10'}],
				securityGroups: ['sg-db'],
				apps: [{name: 'mysql', port: 3306}],
			},
		],
		dns: [
			{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'},
			{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com'},
		],
	};
}

const goal = {id: 'g', description: 'a goal'};

describe('grade: reach and blocked', () => {
	const net = network(cloud());
	it.each<{name: string; goal: GoalInput; passed: boolean; code: string; message?: string}>([
		{name: 'reach delivered', goal: {...goal, kind: 'reach', flow: {from: 'laptop', to: 'www.travelbuddy.com', port: 443}}, passed: true, code: 'DELIVERED'},
		{name: 'reach dropped', goal: {...goal, kind: 'reach', flow: {from: 'laptop', toHost: 'web', port: 22}}, passed: false, code: 'DENIED_BY_SECURITY_GROUP'},
		{
			name: 'reach through the NAT gateway',
			goal: {...goal, kind: 'reach', flow: {from: 'db', toHost: 'updates', port: 443}, via: 'ngw'},
			passed: true,
			code: 'DELIVERED',
		},
		{
			name: 'reach, but not through the named component',
			goal: {...goal, kind: 'reach', flow: {from: 'db', toHost: 'updates', port: 443}, via: 'web'},
			passed: false,
			code: 'DELIVERED',
			message: 'Delivered, but not through web.',
		},
		{name: 'blocked and dropped', goal: {...goal, kind: 'blocked', flow: {from: 'laptop', toHost: 'web', port: 22}}, passed: true, code: 'DENIED_BY_SECURITY_GROUP'},
		{
			name: 'blocked with the expected code',
			goal: {...goal, kind: 'blocked', flow: {from: 'laptop', toHost: 'web', port: 22}, codes: ['DENIED_BY_NACL', 'DENIED_BY_SECURITY_GROUP']},
			passed: true,
			code: 'DENIED_BY_SECURITY_GROUP',
		},
		{
			name: 'blocked for another reason than required',
			goal: {...goal, kind: 'blocked', flow: {from: 'laptop', toHost: 'web', port: 22}, codes: ['DENIED_BY_NACL']},
			passed: false,
			code: 'DENIED_BY_SECURITY_GROUP',
		},
		{name: 'blocked but delivered', goal: {...goal, kind: 'blocked', flow: {from: 'laptop', toHost: 'web', port: 443}}, passed: false, code: 'DELIVERED'},
	])('$name', ({goal: input, passed, code, message}) => {
		const [result] = grade(net, [input]).goals;
		expect(result).toMatchObject({id: 'g', passed, code});
		expect(result?.trace?.outcome.code).toBe(code);
		if (message !== undefined) expect(result?.message).toBe(message);
	});

	it('is solved only when every goal passes', () => {
		const reach = {...goal, kind: 'reach' as const, flow: {from: 'laptop', toHost: 'web', port: 443}};
		const blocked = {...goal, id: 'b', kind: 'blocked' as const, flow: {from: 'laptop', toHost: 'web', port: 443}};
		expect(grade(net, [reach]).solved).toBe(true);
		expect(grade(net, [reach, blocked]).solved).toBe(false);
	});

	it('turns a malformed goal into a failed result instead of throwing', () => {
		const report = grade(net, [{id: 'bad', kind: 'reach', description: 'x', flow: {from: 'laptop', port: 99999}} as unknown as GoalInput]);
		expect(report.solved).toBe(false);
		expect(report.goals[0]).toMatchObject({id: 'bad', kind: 'reach', passed: false});
		expect(report.goals[0]?.message).toMatch(/^This goal is malformed and cannot be checked: .*\(at flow/);
		expect(grade(net, [null as unknown as GoalInput]).goals[0]).toMatchObject({id: 'goal-1', kind: 'state', passed: false});
	});
});

describe('grade: only', () => {
	const only = (ports: {protocol: 'tcp' | 'udp'; port: number}[]): GoalInput => ({...goal, kind: 'only', from: ['laptop'], toHost: 'server', ports});

	it.each<{name: string; rules: Parameters<typeof onPrem>[0]; extra: unknown[]; missing: unknown[]; code?: string; shown?: {protocol: string; port: number}}>([
		{name: 'exactly the required port', rules: allow443, extra: [], missing: []},
		{
			name: 'one extra port at 65000, where nothing listens',
			rules: [...allow443, {action: 'allow', protocol: 'tcp', ports: '65000'}],
			extra: [{protocol: 'tcp', port: 65000}],
			missing: [],
			code: 'CONNECTION_REFUSED',
		},
		{
			name: 'the required port closed',
			rules: [{action: 'allow', protocol: 'tcp', ports: '80'}],
			extra: [{protocol: 'tcp', port: 80}],
			missing: [{protocol: 'tcp', port: 443}],
			code: 'CONNECTION_REFUSED',
		},
		{name: 'nothing open', rules: [], extra: [], missing: [{protocol: 'tcp', port: 443}], code: 'DENIED_BY_HOST_FIREWALL'},
		{
			name: 'an extra UDP port',
			rules: [...allow443, {action: 'allow', protocol: 'udp', ports: '53'}],
			extra: [{protocol: 'udp', port: 53}],
			missing: [],
			code: 'DELIVERED',
		},
		{
			name: 'a whole range, reported as one run',
			rules: [...allow443, {action: 'allow', protocol: 'tcp', ports: '1000-2000'}],
			extra: [{protocol: 'tcp', port: 1000, to: 2000}],
			missing: [],
			code: 'CONNECTION_REFUSED',
		},
		{
			name: 'everything open',
			rules: [{action: 'allow'}],
			extra: [
				{protocol: 'tcp', port: 1, to: 442},
				{protocol: 'tcp', port: 444, to: 65535},
				{protocol: 'udp', port: 1, to: 65535},
			],
			missing: [],
			// The example is a port that really answers (mysql), not merely one that gets past the filters.
			code: 'DELIVERED',
			shown: {protocol: 'tcp', port: 3306},
		},
	])('$name', ({rules, extra, missing, code, shown}) => {
		const [result] = grade(network(onPrem(rules)), [only([{protocol: 'tcp', port: 443}])]).goals;
		expect(result?.extra).toEqual(extra);
		expect(result?.missing).toEqual(missing);
		expect(result?.passed).toBe(extra.length === 0 && missing.length === 0);
		expect(result?.code).toBe(code);
		if (code !== undefined) {
			// The trace shown is the first offending port's own trace.
			const first = shown ?? ((extra[0] ?? missing[0]) as {protocol: string; port: number});
			expect(result?.trace?.flow).toMatchObject({from: 'laptop', toHost: 'server', protocol: first.protocol, port: first.port});
		}
	});

	it('names the offending ports in its message', () => {
		const rules = [...allow443, {action: 'allow' as const, protocol: 'tcp' as const, ports: '65000'}];
		const [result] = grade(network(onPrem(rules)), [only([{protocol: 'tcp', port: 443}])]).goals;
		expect(result?.message).toBe(
			'From laptop: nothing stops traffic to server on tcp 65000, which should be closed (e.g. tcp 65000 gets past every filter; only because nothing listens there is it refused: Nothing on server listens on tcp port 65000, so the connection is refused.)',
		);
	});

	it('accepts several protocols and checks every source', () => {
		const rules = [...allow443, {action: 'allow' as const, protocol: 'udp' as const, ports: '53'}];
		const passing = grade(network(onPrem(rules)), [only([{protocol: 'tcp', port: 443}, {protocol: 'udp', port: 53}])]).goals[0];
		expect(passing).toMatchObject({passed: true, extra: [], missing: []});
		const input = onPrem(rules);
		input.hosts!.push({id: 'phone', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.30'}]});
		const server = input.hosts![1]!;
		server.firewall!.input!.rules!.unshift({action: 'deny', source: '198.51.100.30/32'});
		const twoSources: GoalInput = {...goal, kind: 'only', from: ['laptop', 'phone'], toHost: 'server', ports: [{protocol: 'tcp', port: 443}, {protocol: 'udp', port: 53}]};
		const [result] = grade(network(input), [twoSources]).goals;
		expect(result).toMatchObject({passed: false, extra: [], missing: [{protocol: 'tcp', port: 443}, {protocol: 'udp', port: 53}]});
		expect(result?.message).toMatch(/^From phone: tcp 443, udp 53 should be reachable but are not \(e\.g\. tcp 443: /);
	});

	it('fails clearly on an unknown host', () => {
		const [result] = grade(network(onPrem(allow443)), [{...goal, kind: 'only', from: ['nobody'], toHost: 'server', ports: []}]).goals;
		expect(result).toMatchObject({passed: false, code: 'BAD_FLOW', message: "There is no host or container called 'nobody'."});
	});
});

describe('grade: exposure', () => {
	it('counts a rule opening 1024-65535 as 64512 ports, exactly', () => {
		const report = grade(network(onPrem([{action: 'allow', protocol: 'tcp', ports: '1024-65535'}])), []);
		expect(report.exposure).toEqual({total: 64512, byHost: {server: [{protocol: 'tcp', port: 1024, to: 65535}]}});
	});

	it('counts what the internet reaches in the cloud, not private hosts', () => {
		const report = grade(network(cloud()), []);
		expect(report.exposure).toEqual({
			total: 2,
			byHost: {updates: [{protocol: 'tcp', port: 443}], web: [{protocol: 'tcp', port: 443}]},
		});
	});
});

describe('grade: state', () => {
	const net = network(cloud());
	it.each<{check: Extract<GoalInput, {kind: 'state'}>['state']; passed: boolean}>([
		{check: {check: 'subnet-in-vpc', subnet: 'public'}, passed: true},
		{check: {check: 'no-overlap', vpc: 'main'}, passed: true},
		{check: {check: 'subnet-private', subnet: 'private'}, passed: true},
		{check: {check: 'subnet-private', subnet: 'public'}, passed: false},
		{check: {check: 'subnet-public', subnet: 'public'}, passed: true},
		{check: {check: 'subnet-public', subnet: 'private'}, passed: false},
		{check: {check: 'subnet-size', subnet: 'spare', hosts: 11}, passed: true},
		{check: {check: 'subnet-size', subnet: 'spare', hosts: 12}, passed: false},
		{check: {check: 'host-in-subnet', host: 'db', subnet: 'private'}, passed: true},
		{check: {check: 'host-in-subnet', host: 'db', subnet: 'public'}, passed: false},
		{check: {check: 'resolves', name: 'WWW.TravelBuddy.com.', address: '203.0.113.10'}, passed: true},
		{check: {check: 'resolves', name: 'www.travelbuddy.com', address: '203.0.113.11'}, passed: false},
	])('$check.check → $passed', ({check, passed}) => {
		const [result] = grade(net, [{...goal, kind: 'state', state: check}]).goals;
		expect(result).toMatchObject({kind: 'state', passed});
	});
});

describe('grade: determinism', () => {
	it('gives byte-identical JSON for the same input', () => {
		const goals: GoalInput[] = [
			{...goal, kind: 'reach', flow: {from: 'laptop', to: 'travelbuddy.com', port: 443}},
			{...goal, id: 'o', kind: 'only', from: ['laptop'], toHost: 'web', ports: [{protocol: 'tcp', port: 443}]},
			{...goal, id: 's', kind: 'state', state: {check: 'no-overlap'}},
		];
		expect(JSON.stringify(grade(network(cloud()), goals))).toBe(JSON.stringify(grade(network(cloud()), goals)));
	});
});

import {describe, expect, it} from 'vitest';
import type {FlowInput, Trace} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {officeInput} from './test-networks.js';
import {trace} from './trace.js';

function traced(change: (input: NetworkInput) => void, flow: FlowInput): Trace {
	const input = officeInput();
	change(input);
	return trace(network(input), flow);
}

const unchanged = () => undefined;
const host = (input: NetworkInput, id: string) => input.hosts!.find((candidate) => candidate.id === id)!;

describe('trace: NAT device', () => {
	it('masquerades a private host going to the internet and translates the reply back', () => {
		const result = traced(unchanged, {from: 'web1', toHost: 'api', port: 443});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['web1', 'gw', 'internet', 'api']);
		const out = result.hops.find((hop) => hop.node === 'gw' && hop.action === 'translate');
		expect(out).toMatchObject({packet: {src: '10.1.1.10'}, after: {src: '203.0.113.1'}, decidedBy: {kind: 'nat', id: 'gw'}});
		expect(result.hops.find((hop) => hop.action === 'deliver')?.packet.src).toBe('203.0.113.1');
		const back = result.hops.find((hop) => hop.node === 'gw' && hop.action === 'reply' && hop.after !== undefined);
		expect(back).toMatchObject({packet: {dst: '203.0.113.1'}, after: {dst: '10.1.1.10'}});
	});

	it('carries hosts of other subnets through the router first', () => {
		expect(traced(unchanged, {from: 'db1', toHost: 'api', port: 443}).path).toEqual(['db1', 'r1', 'gw', 'internet', 'api']);
	});

	it('forwards a port to an inside server (destination NAT) and gives the reply its outside address back', () => {
		const result = traced(unchanged, {from: 'laptop', toHost: 'gw', port: 80});
		expect(result.outcome).toMatchObject({code: 'DELIVERED', at: 'web1', decidedBy: {kind: 'app', id: 'web1', index: 0}});
		expect(result.hops.find((hop) => hop.action === 'translate')).toMatchObject({
			node: 'gw',
			packet: {dst: '203.0.113.1', dstPort: 80},
			after: {dst: '10.1.1.10', dstPort: 8080},
			decidedBy: {kind: 'port-forward', id: 'gw', index: 0},
		});
		expect(result.hops.at(-1)).toMatchObject({node: 'laptop', action: 'reply', packet: {src: '203.0.113.1', srcPort: '80'}});
	});

	it('drops a connection from outside with no port forward (NAT_NO_INBOUND)', () => {
		expect(traced(unchanged, {from: 'laptop', toHost: 'gw', port: 443}).outcome).toMatchObject({code: 'NAT_NO_INBOUND', at: 'gw', decidedBy: {kind: 'nat', id: 'gw'}});
	});

	it('a plain router lets the private source out untranslated: PRIVATE_ADDRESS_UNROUTABLE', () => {
		const result = traced(
			(input) => {
				const gw = host(input, 'gw');
				gw.kind = 'router';
				delete gw.nat;
			},
			{from: 'web1', toHost: 'api', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'PRIVATE_ADDRESS_UNROUTABLE', at: 'internet'});
		expect(result.outcome.message).toContain('source 10.1.1.10 is a private address and nothing translated it');
	});
});

describe('trace: network firewall (a router forward chain)', () => {
	const segment = (input: NetworkInput) => {
		host(input, 'r1').firewall = {
			forward: {
				policy: 'deny',
				rules: [
					{action: 'allow', protocol: 'tcp', ports: '3306', source: '10.1.2.0/24', destination: '10.1.3.0/24'},
					{action: 'allow', protocol: 'tcp', ports: '9090', source: '10.1.1.0/24'},
				],
			},
		};
	};

	it('is stateless: with a deny policy and no established rule, the reply is dropped on its way back', () => {
		const result = traced(segment, {from: 'app1', toHost: 'db1', port: 3306});
		expect(result.hops.find((hop) => hop.node === 'r1' && hop.action === 'filter')?.decidedBy).toEqual({kind: 'firewall-rule', id: 'r1', list: 'forward', index: 0});
		expect(result.hops.some((hop) => hop.action === 'deliver')).toBe(true);
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_NETWORK_FIREWALL', at: 'r1', decidedBy: {kind: 'firewall-policy', id: 'r1', list: 'forward'}});
		expect(result.outcome.message).toContain('the reply cannot come back');
		expect(result.outcome.message).toContain('allow established');
		expect(result.hops.at(-1)).toMatchObject({node: 'r1', action: 'drop', packet: {src: '10.1.3.10', dst: '10.1.2.10'}});
	});

	it('lets the app subnet reach the database, and the reply back by the established rule', () => {
		const result = traced((input) => {
			segment(input);
			host(input, 'r1').firewall!.forward!.rules!.unshift({action: 'allow', state: 'established'});
		}, {from: 'app1', toHost: 'db1', port: 3306});
		expect(result.outcome.code).toBe('DELIVERED');
		const filters = result.hops.filter((hop) => hop.node === 'r1' && hop.action !== 'route' && hop.decidedBy !== undefined);
		expect(filters.map((hop) => hop.decidedBy)).toEqual([
			{kind: 'firewall-rule', id: 'r1', list: 'forward', index: 1},
			{kind: 'firewall-rule', id: 'r1', list: 'forward', index: 0},
		]);
	});

	it('the established rule does not let a new connection through', () => {
		const result = traced((input) => {
			segment(input);
			host(input, 'r1').firewall!.forward!.rules!.unshift({action: 'allow', state: 'established'});
		}, {from: 'db1', toHost: 'app1', port: 9090});
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_NETWORK_FIREWALL', decidedBy: {kind: 'firewall-policy'}});
	});

	it('a reject rule refuses at once; a drop leaves the client to time out', () => {
		const reject = traced((input) => {
			segment(input);
			host(input, 'r1').firewall!.forward!.rules!.push({action: 'reject', destination: '10.1.3.0/24'});
		}, {from: 'web1', toHost: 'db1', port: 3306});
		expect(reject.outcome).toMatchObject({code: 'REJECTED_BY_NETWORK_FIREWALL', at: 'r1', decidedBy: {kind: 'firewall-rule', index: 2}});
		expect(reject.outcome.message).toContain('connection refused');
		const drop = traced(segment, {from: 'web1', toHost: 'db1', port: 3306});
		expect(drop.outcome.message).toContain('times out');
	});

	it('blocks the web subnet from the database', () => {
		expect(traced(segment, {from: 'web1', toHost: 'db1', port: 3306}).outcome).toMatchObject({
			code: 'DENIED_BY_NETWORK_FIREWALL',
			at: 'r1',
			decidedBy: {kind: 'firewall-policy', id: 'r1', list: 'forward'},
		});
	});
});

describe('trace: host firewall', () => {
	const dbFirewall = (input: NetworkInput) => {
		host(input, 'db1').firewall = {
			input: {
				policy: 'deny',
				rules: [
					{action: 'deny', protocol: 'tcp', ports: '3306', source: '10.1.1.10/32'},
					{action: 'allow', protocol: 'tcp', ports: '3306'},
				],
			},
		};
	};

	it.each([
		['deny before allow: the first match wins', 'web1', 3306, 'DENIED_BY_HOST_FIREWALL', {kind: 'firewall-rule', id: 'db1', list: 'input', index: 0}],
		['a later allow admits others', 'app1', 3306, 'DELIVERED', {kind: 'app', id: 'db1', index: 0}],
		['no rule matches: the default policy', 'app1', 22, 'DENIED_BY_HOST_FIREWALL', {kind: 'firewall-policy', id: 'db1', list: 'input'}],
	])('%s', (_, from, port, code, decidedBy) => {
		expect(traced(dbFirewall, {from, toHost: 'db1', port}).outcome).toMatchObject({code, decidedBy});
	});

	it('the output chain filters what the host sends', () => {
		const result = traced((input) => void (host(input, 'web1').firewall = {output: {policy: 'deny', rules: []}}), {from: 'web1', toHost: 'api', port: 443});
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', at: 'web1', decidedBy: {kind: 'firewall-policy', id: 'web1', list: 'output'}});
	});

	// iptables is stateless unless a rule matches conntrack state (iptables-extensions(8) "conntrack").
	it('is stateless: an input policy of deny drops the reply of the host\'s own connection', () => {
		const result = traced((input) => void (host(input, 'web1').firewall = {input: {policy: 'deny', rules: []}}), {from: 'web1', toHost: 'api', port: 443});
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', at: 'web1', decidedBy: {kind: 'firewall-policy', id: 'web1', list: 'input'}});
		expect(result.hops.at(-1)).toMatchObject({node: 'web1', action: 'drop'});
	});

	it('allow established lets the reply of the host\'s own connection in', () => {
		const result = traced(
			(input) => void (host(input, 'web1').firewall = {input: {policy: 'deny', rules: [{action: 'allow', state: 'established'}]}}),
			{from: 'web1', toHost: 'api', port: 443},
		);
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.hops.at(-1)).toMatchObject({node: 'web1', action: 'reply'});
	});

	it("the server's output chain judges its replies: a deny policy there kills every answer", () => {
		const result = traced((input) => void (host(input, 'db1').firewall = {output: {policy: 'deny', rules: []}}), {from: 'app1', toHost: 'db1', port: 3306});
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', at: 'db1', decidedBy: {kind: 'firewall-policy', list: 'output'}});
	});
});

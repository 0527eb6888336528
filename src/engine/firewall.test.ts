import {describe, expect, it} from 'vitest';
import {parseAddress} from './address.js';
import {evaluateChain, evaluateChainOverPorts} from './firewall.js';
import {chainSchema, type Chain} from './network.js';

const chain = (input: unknown): Chain => chainSchema.parse(input);
const packet = (protocol: 'tcp' | 'udp', src: string, dst: string, dstPort: number) => ({
	protocol,
	src: parseAddress(src)!,
	dst: parseAddress(dst)!,
	dstPort,
});

describe('evaluateChain', () => {
	const rules = chain({
		policy: 'deny',
		rules: [
			{action: 'deny', protocol: 'tcp', ports: '22', source: '192.0.2.0/24'},
			{action: 'allow', protocol: 'tcp', ports: '22'},
			{action: 'allow', protocol: 'tcp', ports: '8000-8999', destination: '10.0.0.0/8'},
			{action: 'allow', protocol: 'all', source: '10.9.0.0/16'},
		],
	});

	it.each([
		['deny before allow: the first match wins', packet('tcp', '192.0.2.7', '10.0.0.5', 22), {allowed: false, index: 0}],
		['a later allow for other sources', packet('tcp', '198.51.100.1', '10.0.0.5', 22), {allowed: true, index: 1}],
		['port range, destination block', packet('tcp', '198.51.100.1', '10.0.0.5', 8443), {allowed: true, index: 2}],
		['range end is inclusive', packet('tcp', '198.51.100.1', '10.0.0.5', 8999), {allowed: true, index: 2}],
		['destination outside the block', packet('tcp', '198.51.100.1', '172.16.0.5', 8443), {allowed: false}],
		['protocol all matches udp', packet('udp', '10.9.1.1', '10.0.0.5', 53), {allowed: true, index: 3}],
		['no match: the policy decides', packet('udp', '198.51.100.1', '10.0.0.5', 53), {allowed: false}],
		['tcp rule does not match udp', packet('udp', '198.51.100.1', '10.0.0.5', 22), {allowed: false}],
	])('%s', (_, input, expected) => {
		expect(evaluateChain(rules, input)).toEqual(expected);
	});

	it('an empty chain follows its policy', () => {
		expect(evaluateChain(chain({policy: 'allow'}), packet('tcp', '1.1.1.1', '2.2.2.2', 1))).toEqual({allowed: true});
		expect(evaluateChain(chain({policy: 'deny'}), packet('tcp', '1.1.1.1', '2.2.2.2', 1))).toEqual({allowed: false});
	});
});

describe('evaluateChainOverPorts (a reply to any ephemeral port)', () => {
	const reply = {protocol: 'tcp' as const, src: parseAddress('10.1.3.10')!, dst: parseAddress('10.1.2.10')!};
	const ephemeral = {from: 1024, to: 65535};
	it.each([
		['every port allowed by one rule', {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '1024-65535'}]}, {allowed: true, index: 0}],
		['allowed by two rules together', {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '1024-30000'}, {action: 'allow', protocol: 'tcp', ports: '30001-65535'}]}, {allowed: true, index: 0}],
		['part left to a deny policy', {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '32768-65535'}]}, {allowed: false, ports: {from: 1024, to: 32767}}],
		['part left to an allow policy', {policy: 'allow', rules: [{action: 'allow', protocol: 'tcp', ports: '32768-65535'}]}, {allowed: true, index: 0}],
		['a deny rule inside the range, first', {policy: 'allow', rules: [{action: 'deny', protocol: 'tcp', ports: '5000-6000'}]}, {allowed: false, index: 0, ports: {from: 5000, to: 6000}}],
		['a deny rule shadowed by an earlier allow', {policy: 'deny', rules: [{action: 'allow', protocol: 'all'}, {action: 'deny', protocol: 'tcp', ports: '5000'}]}, {allowed: true, index: 0}],
		['a deny rule outside the range', {policy: 'allow', rules: [{action: 'deny', protocol: 'tcp', ports: '22'}]}, {allowed: true}],
		['a rule for another source', {policy: 'deny', rules: [{action: 'allow', protocol: 'all', source: '192.0.2.0/24'}]}, {allowed: false, ports: ephemeral}],
	])('%s', (_, input, expected) => {
		expect(evaluateChainOverPorts(chain(input), reply, ephemeral)).toEqual(expected);
	});

	it('agrees with evaluateChain on a single port', () => {
		const rules = chain({policy: 'deny', rules: [{action: 'deny', protocol: 'tcp', ports: '22', source: '10.0.0.0/8'}, {action: 'allow', protocol: 'tcp', ports: '1-1000'}]});
		for (const port of [21, 22, 23, 1000, 1001]) {
			const single = evaluateChain(rules, {...reply, dstPort: port});
			expect(evaluateChainOverPorts(rules, reply, {from: port, to: port})).toMatchObject(single);
		}
	});
});

describe('connection state, loopback and reject (iptables-extensions(8) conntrack, REJECT; iptables(8) -i)', () => {
	const base = {protocol: 'tcp' as const, src: parseAddress('10.1.3.10')!, dst: parseAddress('10.1.2.10')!};
	const rules = chain({
		policy: 'deny',
		rules: [{action: 'allow', state: 'established'}, {action: 'allow', interface: 'lo'}, {action: 'reject', protocol: 'tcp', ports: '23'}],
	});

	it('allow established matches a tracked packet only', () => {
		expect(evaluateChain(rules, {...base, dstPort: 40000, established: true})).toEqual({allowed: true, index: 0});
		expect(evaluateChain(rules, {...base, dstPort: 40000})).toEqual({allowed: false});
		expect(evaluateChainOverPorts(rules, {...base, established: true}, {from: 1024, to: 65535})).toEqual({allowed: true, index: 0});
		expect(evaluateChainOverPorts(rules, base, {from: 1024, to: 65535})).toEqual({allowed: false, ports: {from: 1024, to: 65535}});
	});

	it('a lo rule matches loopback packets only', () => {
		expect(evaluateChain(rules, {...base, dstPort: 3306, loopback: true})).toEqual({allowed: true, index: 1});
		expect(evaluateChain(rules, {...base, dstPort: 3306})).toEqual({allowed: false});
	});

	it('a reject rule says so, over one port and over a range', () => {
		expect(evaluateChain(rules, {...base, dstPort: 23})).toEqual({allowed: false, index: 2, rejected: true});
		expect(evaluateChainOverPorts(rules, base, {from: 20, to: 30})).toEqual({allowed: false, index: 2, rejected: true, ports: {from: 23, to: 23}});
	});
});

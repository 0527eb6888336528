import {describe, expect, it} from 'vitest';
import type {FlowInput, Trace} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {cloudInput, officeInput} from './test-networks.js';
import {trace} from './trace.js';

/**
 * Security groups and the conntrack rule remember the connections they saw. A reply that comes back
 * another way meets filters that never saw the request: Linux conntrack files a
 * SYN-ACK it has no entry for as INVALID, so no "ESTABLISHED" acceptance applies
 * and the chain's rules and policy judge it (see nf_conntrack_proto_tcp.c,
 * iptables-extensions(8) "conntrack"); a security group tracks connections per
 * network interface and evaluates untracked traffic against its rules
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-connection-tracking.html).
 */

type FirewallInput = NonNullable<NonNullable<NetworkInput['hosts']>[number]['firewall']>;
type RulesInput = NonNullable<FirewallInput['forward']>['rules'];

/** The office with router r2 between the app and db subnets; the db subnet returns app traffic through r2. */
function asymmetric(forward: FirewallInput | undefined, flow: FlowInput): Trace {
	const input = officeInput();
	input.hosts!.push({id: 'r2', kind: 'router', interfaces: [{subnet: 'app', ip: '10.1.2.2'}, {subnet: 'db', ip: '10.1.3.2'}], ...(forward === undefined ? {} : {firewall: forward})});
	input.routeTables!.find((table) => table.id === 'rt-db')!.routes!.unshift({destination: '10.1.2.0/24', target: 'r2'});
	return trace(network(input), flow);
}

const appToDb: FlowInput = {from: 'app1', toHost: 'db1', port: 3306};

describe('stateful filters and a reply that takes another way back', () => {
	it('a router off the request path with no firewall forwards the reply', () => {
		const result = asymmetric(undefined, appToDb);
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['app1', 'r1', 'db1', 'r2']);
	});

	it("a router off the request path judges the reply with its forward chain's policy", () => {
		const result = asymmetric({forward: {policy: 'deny', rules: []}}, appToDb);
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_NETWORK_FIREWALL', at: 'r2', decidedBy: {kind: 'firewall-policy', id: 'r2', list: 'forward'}});
		expect(result.outcome.message).toContain('r2 never saw the request');
		expect(result.hops.some((hop) => hop.action === 'deliver')).toBe(true);
	});

	it.each<[string, RulesInput, string, string | undefined]>([
		['every ephemeral port allowed', [{action: 'allow', protocol: 'tcp', ports: '1024-65535'}], 'DELIVERED', undefined],
		['only part of them', [{action: 'allow', protocol: 'tcp', ports: '32768-65535'}], 'DENIED_BY_NETWORK_FIREWALL', 'ports 1024-32767'],
		['a deny rule first', [{action: 'deny', protocol: 'tcp', ports: '5000-6000'}, {action: 'allow', protocol: 'all'}], 'DENIED_BY_NETWORK_FIREWALL', 'ports 5000-6000'],
	])('its rules must allow the reply to every ephemeral port: %s', (_, rules, code, ports) => {
		const result = asymmetric({forward: {policy: 'deny', rules}}, appToDb);
		expect(result.outcome.code).toBe(code);
		if (ports !== undefined) expect(result.outcome.message).toContain(ports);
	});

	it('a firewall chain on the request path still judges the reply: chains are stateless', () => {
		const input = officeInput();
		input.hosts!.find((host) => host.id === 'r1')!.firewall = {forward: {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '3306'}]}};
		expect(trace(network(input), appToDb).outcome).toMatchObject({code: 'DENIED_BY_NETWORK_FIREWALL', at: 'r1'});
	});

	it('on the request path, allow established lets the reply through', () => {
		const input = officeInput();
		input.hosts!.find((host) => host.id === 'r1')!.firewall = {
			forward: {policy: 'deny', rules: [{action: 'allow', state: 'established'}, {action: 'allow', protocol: 'tcp', ports: '3306'}]},
		};
		expect(trace(network(input), appToDb).outcome.code).toBe('DELIVERED');
	});

	it('off the request path, allow established does not match: that conntrack never saw the connection', () => {
		const result = asymmetric({forward: {policy: 'deny', rules: [{action: 'allow', state: 'established'}]}}, appToDb);
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_NETWORK_FIREWALL', at: 'r2', decidedBy: {kind: 'firewall-policy'}});
		expect(result.outcome.message).toContain('r2 never saw the request');
	});

	describe('a NAT instance that the reply of an internet connection passes', () => {
		const viaNatBox = (source: string) => {
			const input = cloudInput();
			input.hosts!.push({
				id: 'nat-box',
				kind: 'nat',
				interfaces: [{subnet: 'public', ip: '10.0.1.5'}],
				publicIp: '203.0.113.5',
				nat: {outside: 'public'},
				securityGroups: ['sg-nat'],
			});
			input.securityGroups!.push({id: 'sg-nat', inbound: [{protocol: 'all', source}]});
			input.subnets!.push({id: 'dmz', cidr: '10.0.3.0/24', vpc: 'vpc-main', routeTable: 'rt-dmz'});
			input.routeTables!.push({id: 'rt-dmz', vpc: 'vpc-main', routes: [{destination: '0.0.0.0/0', target: 'nat-box'}]});
			input.hosts!.push({id: 'w3', kind: 'instance', interfaces: [{subnet: 'dmz', ip: '10.0.3.20'}], publicIp: '203.0.113.23', apps: [{name: 'shop', port: 443}]});
			return trace(network(input), {from: 'laptop', toHost: 'w3', port: 443});
		};

		it('its security group judges the reply as new inbound traffic', () => {
			const result = viaNatBox('10.0.2.0/24');
			expect(result.outcome).toMatchObject({code: 'DENIED_BY_SECURITY_GROUP', at: 'nat-box', decidedBy: {kind: 'security-group', id: 'nat-box', list: 'inbound'}});
			expect(result.outcome.message).toContain('nat-box never saw the request');
		});

		it('and lets it through when a rule admits it (the internet gateway then maps it to the public IP)', () => {
			const result = viaNatBox('10.0.3.0/24');
			expect(result.outcome.code).toBe('DELIVERED');
			expect(result.path).toEqual(['laptop', 'internet', 'igw-1', 'w3', 'nat-box']);
		});
	});
});

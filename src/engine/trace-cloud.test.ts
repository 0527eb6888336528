import {describe, expect, it} from 'vitest';
import type {FlowInput, Trace} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {cloudInput} from './test-networks.js';
import {trace} from './trace.js';

function traced(change: (input: NetworkInput) => void, flow: FlowInput): Trace {
	const input = cloudInput();
	change(input);
	return trace(network(input), flow);
}

const translations = (result: Trace) =>
	result.hops.filter((hop) => hop.after !== undefined).map((hop) => `${hop.node}: ${hop.packet.src}>${hop.packet.dst} => ${hop.after?.src}>${hop.after?.dst}`);

describe('trace: internet gateway', () => {
	it('delivers from the internet to an instance public IP, and the reply goes back through the gateway', () => {
		const result = trace(network(cloudInput()), {from: 'laptop', toHost: 'web', port: 443});
		expect(result.outcome).toMatchObject({code: 'DELIVERED', at: 'web', decidedBy: {kind: 'app', id: 'web', index: 0}});
		expect(result.path).toEqual(['laptop', 'internet', 'igw-1', 'web']);
		expect(translations(result)).toEqual([
			'igw-1: 192.0.2.50>203.0.113.20 => 192.0.2.50>10.0.1.20',
			'igw-1: 10.0.1.20>192.0.2.50 => 203.0.113.20>192.0.2.50',
		]);
		const reply = result.hops.filter((hop) => hop.action === 'reply');
		expect(reply.at(-1)).toMatchObject({node: 'laptop', packet: {src: '203.0.113.20', srcPort: '443', dst: '192.0.2.50', dstPort: 1024, dstPortRange: '1024-65535'}});
	});

	it('an instance in a public subnet without a public IP gets NO_PUBLIC_IP', () => {
		const result = traced(
			(input) => input.hosts!.push({id: 'bare', kind: 'instance', interfaces: [{subnet: 'public', ip: '10.0.1.40'}]}),
			{from: 'bare', toHost: 'api', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'NO_PUBLIC_IP', at: 'igw-1', decidedBy: {kind: 'internet-gateway', id: 'igw-1'}});
	});

	it('an internet gateway that is not attached gives no internet, either way', () => {
		const detach = (input: NetworkInput) => void (input.internetGateways = [{id: 'igw-1'}]);
		const out = traced(detach, {from: 'web', toHost: 'api', port: 443});
		expect(out.outcome).toMatchObject({code: 'NO_ROUTE', at: 'web', decidedBy: {kind: 'route', id: 'rt-public', index: 0}});
		expect(out.outcome.message).toContain('not attached');
		const inbound = traced(detach, {from: 'laptop', toHost: 'web', port: 443});
		expect(inbound.outcome).toMatchObject({code: 'NO_ROUTE', at: 'internet'});
		expect(inbound.outcome.message).toContain('no internet gateway');
	});

	it('a reply with no route back to the gateway gives NO_RETURN_ROUTE', () => {
		const result = traced((input) => void (input.routeTables![0]!.routes = []), {from: 'laptop', toHost: 'web', port: 443});
		expect(result.outcome).toMatchObject({code: 'NO_RETURN_ROUTE', at: 'web'});
		expect(result.hops.some((hop) => hop.action === 'deliver')).toBe(true);
	});

	it('a reply routed out through the NAT gateway instead of the internet gateway never gets back', () => {
		const result = traced(
			(input) => {
				input.subnets!.push({id: 'dmz', cidr: '10.0.3.0/24', vpc: 'vpc-main', routeTable: 'rt-private'});
				input.hosts!.find((host) => host.id === 'web')!.interfaces = [{subnet: 'dmz', ip: '10.0.3.20'}];
			},
			{from: 'laptop', toHost: 'web', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'NO_RETURN_ROUTE', at: 'nat-gw-1'});
	});
});

describe('trace: NAT gateway', () => {
	it('in a public subnet it gives private instances internet access', () => {
		const result = trace(network(cloudInput()), {from: 'app', toHost: 'api', port: 443});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['app', 'nat-gw-1', 'igw-1', 'internet', 'api']);
		const translate = result.hops.find((hop) => hop.node === 'nat-gw-1' && hop.action === 'translate');
		expect(translate).toMatchObject({packet: {src: '10.0.2.20'}, after: {src: '10.0.1.10'}, decidedBy: {kind: 'nat-gateway', id: 'nat-gw-1'}});
		expect(result.hops.find((hop) => hop.action === 'deliver')?.packet.src).toBe('198.51.100.20');
		expect(result.hops.at(-1)).toMatchObject({node: 'app', action: 'reply', packet: {dst: '10.0.2.20', src: '198.51.100.7'}});
	});

	it('in a private subnet it gives no internet access (its own table points back at it: LOOP)', () => {
		const result = traced(
			(input) => void (input.natGateways = [{id: 'nat-gw-1', subnet: 'private', privateIp: '10.0.2.10', publicIp: '198.51.100.20'}]),
			{from: 'app', toHost: 'api', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'LOOP', at: 'nat-gw-1', decidedBy: {kind: 'route', id: 'rt-private', index: 0}});
		expect(result.outcome.message).toContain('must sit in a public subnet');
	});

	it('in a subnet with no way out it gives NO_ROUTE', () => {
		const result = traced(
			(input) => {
				input.subnets!.push({id: 'inner', cidr: '10.0.9.0/24', vpc: 'vpc-main', routeTable: 'rt-inner'});
				input.routeTables!.push({id: 'rt-inner', vpc: 'vpc-main'});
				input.natGateways = [{id: 'nat-gw-1', subnet: 'inner', privateIp: '10.0.9.10', publicIp: '198.51.100.20'}];
			},
			{from: 'app', toHost: 'api', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'NO_ROUTE', at: 'nat-gw-1', decidedBy: {kind: 'route', id: 'rt-inner'}});
		expect(result.outcome.message).toContain('must sit in a public subnet');
	});

	it('refuses connections started from the internet (NAT_NO_INBOUND)', () => {
		const result = trace(network(cloudInput()), {from: 'laptop', to: '198.51.100.20', port: 443});
		expect(result.outcome).toMatchObject({code: 'NAT_NO_INBOUND', at: 'nat-gw-1', decidedBy: {kind: 'nat-gateway', id: 'nat-gw-1'}});
	});

	it('cannot reach private hosts from the internet by their private address', () => {
		expect(trace(network(cloudInput()), {from: 'laptop', toHost: 'app', port: 8080}).outcome).toMatchObject({code: 'PRIVATE_ADDRESS_UNROUTABLE', at: 'internet'});
	});
});

describe('trace: NAT instance', () => {
	const natInstance = (input: NetworkInput) => {
		input.hosts!.push({
			id: 'nat-box',
			kind: 'nat',
			interfaces: [{subnet: 'public', ip: '10.0.1.5'}],
			publicIp: '203.0.113.5',
			nat: {outside: 'public'},
			securityGroups: ['sg-nat'],
		});
		input.securityGroups!.push({id: 'sg-nat', inbound: [{protocol: 'all', source: '10.0.2.0/24'}]});
		input.routeTables![1]!.routes = [{destination: '0.0.0.0/0', target: 'nat-box'}];
	};

	it('a route may name an instance in another subnet of the VPC, which masquerades for the private subnet', () => {
		const result = traced(natInstance, {from: 'app', toHost: 'api', port: 443});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['app', 'nat-box', 'igw-1', 'internet', 'api']);
		expect(translations(result).slice(0, 2)).toEqual(['nat-box: 10.0.2.20>198.51.100.7 => 10.0.1.5>198.51.100.7', 'igw-1: 10.0.1.5>198.51.100.7 => 203.0.113.5>198.51.100.7']);
	});

	it("its security group must admit the private subnet's traffic", () => {
		const result = traced(
			(input) => {
				natInstance(input);
				input.securityGroups!.at(-1)!.inbound = [];
			},
			{from: 'app', toHost: 'api', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_SECURITY_GROUP', at: 'nat-box'});
	});
});

describe('trace: security groups', () => {
	it('a rule naming a security group admits its members only', () => {
		const fromMember = trace(network(cloudInput()), {from: 'web', toHost: 'app', port: 8080});
		expect(fromMember.outcome.code).toBe('DELIVERED');
		expect(fromMember.hops.find((hop) => hop.node === 'app' && hop.action === 'filter')?.decidedBy).toEqual({kind: 'security-group', id: 'sg-app', list: 'inbound', index: 0});
		const fromOther = trace(network(cloudInput()), {from: 'db', toHost: 'app', port: 8080});
		expect(fromOther.outcome).toMatchObject({code: 'DENIED_BY_SECURITY_GROUP', at: 'app', decidedBy: {kind: 'security-group', id: 'app', list: 'inbound'}});
	});

	it('outbound rules filter what leaves, and replies pass whatever the rules say', () => {
		const restrict = (input: NetworkInput) => void (input.securityGroups![0]!.outbound = [{protocol: 'tcp', ports: '8080', destination: 'sg-app'}]);
		expect(traced(restrict, {from: 'web', toHost: 'api', port: 443}).outcome).toMatchObject({code: 'DENIED_BY_SECURITY_GROUP', decidedBy: {list: 'outbound'}});
		expect(traced(restrict, {from: 'web', toHost: 'app', port: 8080}).outcome.code).toBe('DELIVERED');
		// No outbound rule allows traffic to the laptop's ports, yet the reply gets out: security groups are stateful.
		expect(traced(restrict, {from: 'laptop', toHost: 'web', port: 443}).outcome.code).toBe('DELIVERED');
	});
});

describe('trace: network ACLs', () => {
	const withAcl = (inbound: unknown[], outbound: unknown[]) => (input: NetworkInput) => {
		input.networkAcls = [{id: 'acl-web', vpc: 'vpc-main', inbound: inbound as never, outbound: outbound as never}];
		input.subnets![0]!.networkAcl = 'acl-web';
	};
	const https = {rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'};

	it('inbound 443 allowed but no outbound ephemeral ports: the reply is dropped', () => {
		const result = traced(withAcl([https], [https]), {from: 'laptop', toHost: 'web', port: 443});
		expect(result.outcome).toMatchObject({code: 'REPLY_DENIED_BY_NACL', at: 'public', decidedBy: {kind: 'nacl-default', id: 'acl-web', list: 'outbound'}});
		expect(result.outcome.message).toContain('1024-65535');
		expect(result.hops.find((hop) => hop.node === 'public' && hop.action === 'filter')?.decidedBy).toEqual({
			kind: 'nacl-rule',
			id: 'acl-web',
			list: 'inbound',
			rule: 100,
			index: 0,
		});
	});

	it('the same restriction in a security group passes the reply (stateful)', () => {
		const result = traced((input) => void (input.securityGroups![0]!.outbound = [{protocol: 'tcp', ports: '443', destination: '0.0.0.0/0'}]), {
			from: 'laptop',
			toHost: 'web',
			port: 443,
		});
		expect(result.outcome.code).toBe('DELIVERED');
	});

	it('rules are evaluated by number, not by position in the list', () => {
		const deny = {rule: 50, action: 'deny', protocol: 'tcp', ports: '443', cidr: '192.0.2.0/24'};
		const result = traced(withAcl([https, deny], [{rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'}]), {from: 'laptop', toHost: 'web', port: 443});
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_NACL', decidedBy: {kind: 'nacl-rule', id: 'acl-web', list: 'inbound', rule: 50, index: 1}});
	});

	it.each([
		['any ephemeral port', undefined, 'REPLY_DENIED_BY_NACL'],
		['a pinned port inside the allowed range', 40000, 'DELIVERED'],
		['a pinned port outside it', 2000, 'REPLY_DENIED_BY_NACL'],
	])('outbound allows only 32768-65535, client uses %s', (_, sourcePort, code) => {
		const high = {rule: 100, action: 'allow', protocol: 'tcp', ports: '32768-65535', cidr: '0.0.0.0/0'};
		const result = traced(withAcl([https], [high]), {from: 'laptop', toHost: 'web', port: 443, ...(sourcePort === undefined ? {} : {sourcePort})});
		expect(result.outcome.code).toBe(code);
		if (code === 'REPLY_DENIED_BY_NACL') expect(result.outcome.decidedBy).toEqual({kind: 'nacl-default', id: 'acl-web', list: 'outbound'});
		if (sourcePort === undefined) expect(result.outcome.message).toContain('ports 1024-32767');
	});

	it('a deny rule covering part of the ephemeral range is named', () => {
		const deny = {rule: 90, action: 'deny', protocol: 'tcp', ports: '1024-2048', cidr: '0.0.0.0/0'};
		const all = {rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'};
		const result = traced(withAcl([https], [deny, all]), {from: 'laptop', toHost: 'web', port: 443});
		expect(result.outcome).toMatchObject({code: 'REPLY_DENIED_BY_NACL', decidedBy: {kind: 'nacl-rule', rule: 90, index: 0}});
		expect(result.outcome.message).toContain('ports 1024-2048');
	});

	it('does not filter traffic that stays inside the subnet', () => {
		const result = traced(
			(input) => {
				withAcl([], [])(input);
				input.hosts!.push({id: 'peer', kind: 'instance', interfaces: [{subnet: 'public', ip: '10.0.1.50'}], apps: [{name: 'cache', port: 6379}]});
			},
			{from: 'web', toHost: 'peer', port: 6379},
		);
		expect(result.outcome.code).toBe('DELIVERED');
	});

	it('checks replies where they enter a subnet too (through a NAT gateway)', () => {
		const result = traced(
			(input) => {
				input.networkAcls = [
					{
						id: 'acl-private',
						inbound: [{rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'}],
						outbound: [{rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'}],
					},
				];
				input.subnets![1]!.networkAcl = 'acl-private';
			},
			{from: 'app', toHost: 'api', port: 443},
		);
		expect(result.outcome).toMatchObject({code: 'REPLY_DENIED_BY_NACL', at: 'private', decidedBy: {kind: 'nacl-default', id: 'acl-private', list: 'inbound'}});
	});

	// A NACL is stateless for UDP as for TCP: the answer to a DNS query needs the client's
	// ephemeral ports allowed outbound (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html).
	const udpDns = (outbound: Parameters<typeof withAcl>[1]) => (input: NetworkInput) => {
		withAcl([{rule: 100, action: 'allow', protocol: 'udp', ports: '53', cidr: '0.0.0.0/0'}], outbound)(input);
		input.hosts!.find((host) => host.id === 'web')!.apps!.push({name: 'dns', port: 53, protocol: 'udp'});
		input.securityGroups![0]!.inbound!.push({protocol: 'udp', ports: '53', source: '0.0.0.0/0'});
	};

	it('a UDP reply meets the stateless ACL too: without the ephemeral ports it is dropped', () => {
		const result = traced(udpDns([]), {from: 'laptop', toHost: 'web', port: 53, protocol: 'udp'});
		expect(result.outcome).toMatchObject({code: 'REPLY_DENIED_BY_NACL', decidedBy: {kind: 'nacl-default', list: 'outbound'}});
	});

	it('a UDP reply to the ephemeral ports allowed outbound gets back', () => {
		const result = traced(udpDns([{rule: 100, action: 'allow', protocol: 'udp', ports: '1024-65535', cidr: '0.0.0.0/0'}]), {from: 'laptop', toHost: 'web', port: 53, protocol: 'udp'});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.hops.at(-1)).toMatchObject({node: 'laptop', action: 'reply'});
	});
});

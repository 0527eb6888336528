import {describe, expect, it} from 'vitest';
import type {FlowInput, Trace} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {cloudInput, officeInput} from './test-networks.js';
import {trace} from './trace.js';

function office(change: (input: NetworkInput) => void, flow: FlowInput): Trace {
	const input = officeInput();
	change(input);
	return trace(network(input), flow);
}

const bindDb = (bind: string) => (input: NetworkInput) => {
	input.hosts!.find((host) => host.id === 'db1')!.apps = [{name: 'mysql', port: 3306, bind}];
};

describe('trace: delivery to an app', () => {
	it.each([
		['bound to 127.0.0.1, from another host', '127.0.0.1', {from: 'app1', toHost: 'db1', port: 3306}, 'BOUND_TO_LOCALHOST'],
		['bound to 127.0.0.1, from the host itself via 127.0.0.1', '127.0.0.1', {from: 'db1', to: '127.0.0.1', port: 3306}, 'DELIVERED'],
		['bound to 127.0.0.1, from the host itself via localhost', '127.0.0.1', {from: 'db1', to: 'localhost', port: 3306}, 'DELIVERED'],
		['bound to 127.0.0.1, from the host itself via its own address', '127.0.0.1', {from: 'db1', to: '10.1.3.10', port: 3306}, 'BOUND_TO_LOCALHOST'],
		['bound to 0.0.0.0, over loopback', '0.0.0.0', {from: 'db1', to: '127.0.0.1', port: 3306}, 'DELIVERED'],
		['bound to its own address', '10.1.3.10', {from: 'app1', toHost: 'db1', port: 3306}, 'DELIVERED'],
		['bound to another address', '10.1.3.99', {from: 'app1', toHost: 'db1', port: 3306}, 'CONNECTION_REFUSED'],
		['nothing on the port', '0.0.0.0', {from: 'app1', toHost: 'db1', port: 5432}, 'CONNECTION_REFUSED'],
		['wrong protocol', '0.0.0.0', {from: 'app1', toHost: 'db1', port: 3306, protocol: 'udp'}, 'CONNECTION_REFUSED'],
	] as const)('%s', (_, bind, flow, code) => {
		const result = office(bindDb(bind), flow);
		expect(result.outcome.code).toBe(code);
		if (code === 'BOUND_TO_LOCALHOST') expect(result.outcome.decidedBy).toEqual({kind: 'app', id: 'db1', index: 0});
	});

	// Linux runs loopback packets through OUTPUT (-o lo) and INPUT (-i lo) like any other (iptables(8));
	// that is why real rule sets start with iptables -A INPUT -i lo -j ACCEPT.
	const lockedDb = (rules: NonNullable<NetworkInput['hosts']>[number]['firewall']) => (input: NetworkInput) => {
		bindDb('127.0.0.1')(input);
		input.hosts!.find((host) => host.id === 'db1')!.firewall = rules;
	};

	it('loopback never leaves the host, but meets its input and output chains', () => {
		const denyIn = office(lockedDb({input: {policy: 'deny', rules: []}}), {from: 'db1', to: '127.0.0.1', port: 3306});
		expect(denyIn.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', at: 'db1', decidedBy: {kind: 'firewall-policy', list: 'input'}});
		expect(denyIn.path).toEqual(['db1']);
		const denyOut = office(lockedDb({output: {policy: 'deny', rules: []}}), {from: 'db1', to: '127.0.0.1', port: 3306});
		expect(denyOut.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', decidedBy: {kind: 'firewall-policy', list: 'output'}});
	});

	it('loopback passes chains that accept lo (-i lo / -o lo), request and reply', () => {
		const lo = {policy: 'deny' as const, rules: [{action: 'allow' as const, interface: 'lo' as const}]};
		const result = office(lockedDb({input: lo, output: lo}), {from: 'db1', to: '127.0.0.1', port: 3306});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['db1']);
		expect(result.hops.map((hop) => hop.action)).toEqual(['route', 'filter', 'filter', 'deliver', 'reply', 'reply', 'reply']);
		expect(result.hops[1]?.packet).toMatchObject({src: '127.0.0.1', dst: '127.0.0.1'});
	});

	it('a lo rule does not match packets from the network', () => {
		const lo = {policy: 'deny' as const, rules: [{action: 'allow' as const, interface: 'lo' as const}]};
		const result = office((input) => void (input.hosts!.find((host) => host.id === 'db1')!.firewall = {input: lo}), {from: 'app1', toHost: 'db1', port: 3306});
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', decidedBy: {kind: 'firewall-policy'}});
	});

	it('all of 127.0.0.0/8 is loopback: 127.0.0.2 reaches an app bound to 0.0.0.0', () => {
		const result = office(bindDb('0.0.0.0'), {from: 'db1', to: '127.0.0.2', port: 3306});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['db1']);
	});

	it('says why the connection was refused', () => {
		const result = office(bindDb('0.0.0.0'), {from: 'app1', toHost: 'db1', port: 5432});
		expect(result.outcome).toMatchObject({at: 'db1', message: 'Nothing on db1 listens on tcp port 5432, so the connection is refused.'});
	});
});

describe('trace: DNS', () => {
	const cloud = (records: NetworkInput['dns']) => {
		const input = cloudInput();
		input.dns = records;
		return network(input);
	};

	it('resolves a name first, pointing at the record that answered', () => {
		const result = trace(
			cloud([
				{name: 'travelbuddy.com', type: 'A', value: '203.0.113.20'},
				{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com'},
			]),
			{from: 'laptop', to: 'WWW.travelbuddy.com.', port: 443},
		);
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.hops[0]).toMatchObject({
			node: 'laptop',
			action: 'resolve',
			packet: {dst: '203.0.113.20'},
			decidedBy: {kind: 'dns-record', id: 'travelbuddy.com', index: 0},
		});
		expect(result.hops[0]?.note).toContain('www.travelbuddy.com → travelbuddy.com → 203.0.113.20');
	});

	it.each([
		['an unknown name', [], 'NXDOMAIN'],
		['a CNAME loop', [{name: 'a.example', type: 'CNAME', value: 'b.example'}, {name: 'b.example', type: 'CNAME', value: 'a.example'}], 'CNAME_LOOP'],
	] as const)('%s stops before any packet is sent', (_, records, code) => {
		const result = trace(cloud([...records]), {from: 'laptop', to: 'a.example', port: 443});
		expect(result.outcome).toMatchObject({code, at: 'laptop'});
		expect(result.hops).toHaveLength(1);
		expect(result.hops[0]).toMatchObject({action: 'drop', packet: {dst: 'a.example'}});
	});

	it('a private address published in public DNS is unreachable from the internet', () => {
		const result = trace(cloud([{name: 'db.travelbuddy.com', type: 'A', value: '10.0.2.30'}]), {from: 'laptop', to: 'db.travelbuddy.com', port: 3306});
		expect(result.outcome).toMatchObject({code: 'PRIVATE_ADDRESS_UNROUTABLE', at: 'internet'});
		expect(result.outcome.message).toContain('10.0.2.30 is a private address');
	});

	it('a public address nobody owns does not answer', () => {
		const result = trace(network(cloudInput()), {from: 'laptop', to: '198.51.100.99', port: 443});
		expect(result.outcome).toMatchObject({code: 'NO_ROUTE', at: 'internet', message: 'No one on the internet answers at 198.51.100.99.'});
	});
});

describe('trace: toHost', () => {
	it('uses the public address from the internet and the private one inside', () => {
		const fromInternet = trace(network(cloudInput()), {from: 'laptop', toHost: 'web', port: 443});
		expect(fromInternet.hops[0]?.packet.dst).toBe('203.0.113.20');
		const fromInside = trace(network(cloudInput()), {from: 'app', toHost: 'web', port: 443});
		expect(fromInside.hops[0]?.packet.dst).toBe('10.0.1.20');
		expect(fromInside.outcome.code).toBe('DELIVERED');
	});

	it('a target with no address is unreachable', () => {
		const input = cloudInput();
		input.hosts!.push({id: 'unplaced'});
		expect(trace(network(input), {from: 'laptop', toHost: 'unplaced', port: 80}).outcome).toMatchObject({code: 'HOST_UNREACHABLE'});
	});
});

describe('trace: malformed flows', () => {
	const net = network(cloudInput());
	it.each([
		['unknown source', {from: 'nobody', to: '198.51.100.7', port: 443}],
		['unknown target host', {from: 'laptop', toHost: 'nobody', port: 443}],
		['both to and toHost', {from: 'laptop', to: '198.51.100.7', toHost: 'api', port: 443}],
		['neither to nor toHost', {from: 'laptop', port: 443}],
		['port 0', {from: 'laptop', to: '198.51.100.7', port: 0}],
		['port 65536', {from: 'laptop', to: '198.51.100.7', port: 65536}],
		['a bad address', {from: 'laptop', to: '10.0.0.256', port: 443}],
		['a bad protocol', {from: 'laptop', to: '198.51.100.7', port: 443, protocol: 'icmp'}],
		['not an object', 'laptop → api'],
		['null', null],
	])('%s gives BAD_FLOW without throwing', (_, flow) => {
		const result = trace(net, flow as FlowInput);
		expect(result.outcome.code).toBe('BAD_FLOW');
		expect(result.outcome.message.length).toBeGreaterThan(10);
		expect(result.path).toEqual([]);
	});
});

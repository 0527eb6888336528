import {describe, expect, it} from 'vitest';
import type {FlowInput, Trace} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {dockerInput} from './test-networks.js';
import {trace} from './trace.js';

function traced(flow: FlowInput, change: (input: NetworkInput) => void = () => undefined): Trace {
	const input = dockerInput();
	change(input);
	return trace(network(input), flow);
}

const dockFirewall = (firewall: NonNullable<NetworkInput['hosts']>[number]['firewall']) => (input: NetworkInput) => {
	input.hosts!.find((host) => host.id === 'dock')!.firewall = firewall;
};

describe('trace: containers by name', () => {
	it('resolve on a user-defined network and talk over the bridge', () => {
		const result = traced({from: 'web-c', to: 'db-c', port: 3306});
		expect(result.outcome).toMatchObject({code: 'DELIVERED', at: 'db-c', decidedBy: {kind: 'app', id: 'db-c', index: 0}});
		expect(result.hops[0]).toMatchObject({action: 'resolve', packet: {dst: '172.18.0.3'}, decidedBy: {kind: 'dns-record', id: 'db-c', list: 'container-dns'}});
		expect(result.path).toEqual(['web-c', 'db-c']);
	});

	it('are NXDOMAIN on the default bridge', () => {
		expect(traced({from: 'worker', to: 'cache', port: 6379}).outcome).toMatchObject({code: 'NXDOMAIN', at: 'worker'});
	});

	it('on the default bridge still reach each other by address', () => {
		expect(traced({from: 'worker', to: '172.17.0.2', port: 6379}).outcome.code).toBe('DELIVERED');
	});
});

describe('trace: published ports', () => {
	it('a published port is reachable from the internet, and the reply comes back from the host port', () => {
		const result = traced({from: 'laptop', toHost: 'dock', port: 8080});
		expect(result.outcome).toMatchObject({code: 'DELIVERED', at: 'web-c', decidedBy: {kind: 'app', id: 'web-c', index: 0}});
		expect(result.path).toEqual(['laptop', 'internet', 'igw-1', 'dock', 'web-c']);
		expect(result.hops.find((hop) => hop.node === 'dock' && hop.action === 'translate')).toMatchObject({
			packet: {dst: '10.0.1.30', dstPort: 8080},
			after: {dst: '172.18.0.2', dstPort: 80},
			decidedBy: {kind: 'publish', id: 'web-c', index: 0},
		});
		expect(result.hops.at(-1)).toMatchObject({node: 'laptop', action: 'reply', packet: {src: '203.0.113.30', srcPort: '8080'}});
	});

	it('a port published on 127.0.0.1 is BOUND_TO_LOCALHOST from elsewhere but works from the host', () => {
		expect(traced({from: 'laptop', toHost: 'dock', port: 3306}).outcome).toMatchObject({
			code: 'BOUND_TO_LOCALHOST',
			at: 'dock',
			decidedBy: {kind: 'publish', id: 'db-c', index: 0},
		});
		const local = traced({from: 'dock', to: '127.0.0.1', port: 3306});
		expect(local.outcome).toMatchObject({code: 'DELIVERED', at: 'db-c'});
	});

	it("a port published on 127.0.0.1 is no DNAT for outside packets: the host's input chain decides first", () => {
		const denyInput = (input: NetworkInput) =>
			void (input.hosts!.find((host) => host.id === 'dock')!.firewall = {input: {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '8080'}]}});
		expect(traced({from: 'laptop', toHost: 'dock', port: 3306}, denyInput).outcome).toMatchObject({
			code: 'DENIED_BY_HOST_FIREWALL',
			at: 'dock',
			decidedBy: {kind: 'firewall-policy', id: 'dock'},
		});
		// From the host itself the packet crosses lo, which meets the input chain (iptables(8) -i lo): denied until lo is accepted.
		expect(traced({from: 'dock', to: '127.0.0.1', port: 3306}, denyInput).outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', at: 'dock'});
		const withLo = (input: NetworkInput) => {
			denyInput(input);
			input.hosts!.find((host) => host.id === 'dock')!.firewall!.input!.rules!.unshift({action: 'allow', interface: 'lo'});
		};
		expect(traced({from: 'dock', to: '127.0.0.1', port: 3306}, withLo).outcome).toMatchObject({code: 'DELIVERED', at: 'db-c'});
	});

	it('a container port that is not published gives PORT_NOT_PUBLISHED', () => {
		expect(traced({from: 'laptop', toHost: 'dock', port: 6379}).outcome).toMatchObject({
			code: 'PORT_NOT_PUBLISHED',
			at: 'dock',
			decidedBy: {kind: 'app', id: 'cache', index: 0},
		});
	});

	it('the host firewall input chain does not see published ports (Docker DNAT comes first), but does see the host own ports', () => {
		const closed = dockFirewall({input: {policy: 'deny', rules: []}});
		expect(traced({from: 'laptop', toHost: 'dock', port: 8080}, closed).outcome.code).toBe('DELIVERED');
		expect(traced({from: 'laptop', toHost: 'dock', port: 22}, closed).outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', decidedBy: {list: 'input'}});
	});

	it('the forward chain still applies to published ports', () => {
		const result = traced({from: 'laptop', toHost: 'dock', port: 8080}, dockFirewall({forward: {policy: 'deny', rules: []}}));
		expect(result.outcome).toMatchObject({code: 'DENIED_BY_HOST_FIREWALL', at: 'dock', decidedBy: {kind: 'firewall-policy', id: 'dock', list: 'forward'}});
	});

	it('the container app must listen on the container port', () => {
		const wrongPort = (input: NetworkInput) => void (input.containers!.find((container) => container.id === 'web-c')!.apps = [{name: 'website', port: 8000}]);
		expect(traced({from: 'laptop', toHost: 'dock', port: 8080}, wrongPort).outcome).toMatchObject({code: 'CONNECTION_REFUSED', at: 'web-c'});
		const localOnly = (input: NetworkInput) => void (input.containers!.find((container) => container.id === 'web-c')!.apps = [{name: 'website', port: 80, bind: '127.0.0.1'}]);
		expect(traced({from: 'laptop', toHost: 'dock', port: 8080}, localOnly).outcome).toMatchObject({code: 'BOUND_TO_LOCALHOST', at: 'web-c'});
	});
});

describe('trace: container networks', () => {
	it('a container cannot reach a container on another network of the same host', () => {
		expect(traced({from: 'web-c', to: '172.19.0.2', port: 80}).outcome).toMatchObject({code: 'NETWORK_ISOLATED', at: 'web-c'});
		expect(traced({from: 'web-c', toHost: 'lonely', port: 80}).outcome.code).toBe('NETWORK_ISOLATED');
	});

	it('a container reaches the internet masqueraded as its Docker host', () => {
		const result = traced({from: 'web-c', to: 'api.example.com', port: 443});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['web-c', 'dock', 'igw-1', 'internet', 'api']);
		expect(result.hops.filter((hop) => hop.action === 'translate').map((hop) => [hop.node, hop.packet.src, hop.after?.src])).toEqual([
			['dock', '172.18.0.2', '10.0.1.30'],
			['igw-1', '10.0.1.30', '203.0.113.30'],
		]);
		expect(result.hops.at(-1)).toMatchObject({node: 'web-c', action: 'reply', packet: {dst: '172.18.0.2'}});
	});

	it('the Docker host reaches its containers directly', () => {
		const result = traced({from: 'dock', toHost: 'web-c', port: 80});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.path).toEqual(['dock', 'web-c']);
	});

	it('a container reaches its Docker host without address translation', () => {
		const result = traced({from: 'web-c', to: '10.0.1.30', port: 22});
		expect(result.outcome).toMatchObject({code: 'DELIVERED', at: 'dock'});
		expect(result.hops.find((hop) => hop.action === 'deliver')?.packet.src).toBe('172.18.0.2');
	});

	it('other hosts cannot reach container addresses', () => {
		expect(traced({from: 'laptop', toHost: 'web-c', port: 80}).outcome.code).toBe('PRIVATE_ADDRESS_UNROUTABLE');
	});
});

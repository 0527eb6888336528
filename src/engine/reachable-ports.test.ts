import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import type {Flow, FlowInput, Trace} from './flow.js';
import {network, type Chain, type Network} from './network.js';
import {PROTOCOLS, type PortSets} from './port-spans.js';
import {rangeOf, type PortRange} from './ports.js';
import {reachablePorts} from './reachable-ports.js';

/*
 * The refinement is tested against a small stand-in for the walker, so that
 * exactness is proven here on its own: client → router `fw` (forward chain,
 * port forwards) → target (input chain, apps). The router's rules are not
 * components of the source or the target, so `path` scope must discover
 * them from the traces it runs.
 */
vi.mock('./trace.js', () => ({
	trace: (net: Network, input: FlowInput | Flow): Trace => fakeTrace(net, input),
}));

function allows(chain: Chain | undefined, protocol: 'tcp' | 'udp', port: number): boolean {
	if (chain === undefined) return true;
	const rule = chain.rules.find((candidate) => {
		const range = rangeOf(candidate.ports);
		return (candidate.protocol === 'all' || candidate.protocol === protocol) && port >= range.from && port <= range.to;
	});
	return (rule?.action ?? chain.policy) === 'allow';
}

function fakeTrace(net: Network, input: FlowInput | Flow): Trace {
	const flow = {protocol: 'tcp' as const, ...input} as Flow;
	const hosts = new Map(net.hosts.map((host) => [host.id, host]));
	const packet = {protocol: flow.protocol, src: '198.51.100.20', srcPort: '1024-65535', dst: '203.0.113.1', dstPort: flow.port};
	const end = (code: Trace['outcome']['code'], at: string, path: string[]): Trace => ({
		flow,
		hops: path.map((node) => ({node, action: 'forward' as const, packet, note: node})),
		outcome: {code, at, message: code},
		path,
	});
	const router = hosts.get('fw')!;
	if (!allows(router.firewall?.forward, flow.protocol, flow.port)) return end('DENIED_BY_NETWORK_FIREWALL', 'fw', [flow.from, 'fw']);
	let target = hosts.get(flow.toHost!)!;
	let port = flow.port;
	const forward = router.nat?.portForwards.find((entry) => entry.protocol === flow.protocol && entry.port === flow.port);
	if (forward !== undefined) {
		target = net.hosts.find((host) => host.interfaces.some((attachment) => attachment.ip === forward.toIp))!;
		port = forward.toPort;
	}
	const path = [flow.from, 'fw', target.id];
	if (!allows(target.firewall?.input, flow.protocol, port)) return end('DENIED_BY_HOST_FIREWALL', target.id, path);
	const listening = target.apps.some((app) => app.protocol === flow.protocol && app.port === port);
	return end(listening ? 'DELIVERED' : 'CONNECTION_REFUSED', target.id, path);
}

/** Traces every single port: the open and the delivered ports, the slow way. */
function bruteForce(net: Network, from: string, toHost: string): {open: PortSets; delivered: PortSets} {
	const collect = (accept: (code: string) => boolean): PortSets => {
		const result: Record<'tcp' | 'udp', PortRange[]> = {tcp: [], udp: []};
		for (const protocol of PROTOCOLS) {
			let start: number | undefined;
			for (let port = 1; port <= 65536; port++) {
				const hit = port <= 65535 && accept(fakeTrace(net, {from, toHost, port, protocol}).outcome.code);
				if (hit && start === undefined) start = port;
				if (!hit && start !== undefined) {
					result[protocol].push({from: start, to: port - 1});
					start = undefined;
				}
			}
		}
		return result;
	};
	return {open: collect((code) => code === 'DELIVERED' || code === 'CONNECTION_REFUSED'), delivered: collect((code) => code === 'DELIVERED')};
}

function fixture(forward: Chain['rules'], input: Chain['rules'], apps: {port: number; protocol: 'tcp' | 'udp'}[]): Network {
	return network({
		hosts: [
			{id: 'client', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
			{
				id: 'fw',
				kind: 'nat',
				interfaces: [{subnet: 'internet', ip: '203.0.113.1'}, {subnet: 'lan', ip: '192.168.1.1'}],
				firewall: {forward: {policy: 'deny', rules: forward}},
				nat: {outside: 'internet', portForwards: [{port: 2222, toIp: '192.168.1.20', toPort: 22}]},
			},
			{id: 'srv', interfaces: [{subnet: 'lan', ip: '192.168.1.10'}], firewall: {input: {policy: 'allow', rules: input}}, apps: apps.map((app) => ({name: 'app', ...app}))},
			{id: 'bastion', interfaces: [{subnet: 'lan', ip: '192.168.1.20'}], apps: [{name: 'ssh', port: 22}]},
		],
		subnets: [{id: 'lan', cidr: '192.168.1.0/24'}],
	});
}

describe('reachablePorts', () => {
	it("finds a router's open range that neither endpoint mentions, exactly", () => {
		const net = fixture(
			[
				{action: 'allow', protocol: 'tcp', ports: '1000-2000'},
				{action: 'allow', protocol: 'udp', ports: '5000'},
			],
			[],
			[],
		);
		// srv has no apps: nothing is delivered, but the ports the router lets through are open (refused by srv).
		expect(reachablePorts(net, 'client', 'srv')).toMatchObject({
			open: {tcp: [{from: 1000, to: 2000}], udp: [{from: 5000, to: 5000}]},
			delivered: {tcp: [], udp: []},
		});
		const open = fixture([{action: 'allow', protocol: 'all'}], [{action: 'deny', protocol: 'tcp', ports: '1500-1600'}], [
			{port: 1550, protocol: 'tcp'},
			{port: 443, protocol: 'tcp'},
		]);
		// 1550 listens but srv's input chain denies it; 2222 is forwarded to the bastion's ssh.
		expect(reachablePorts(open, 'client', 'srv').delivered).toEqual({
			tcp: [
				{from: 443, to: 443},
				{from: 2222, to: 2222},
			],
			udp: [],
		});
	});

	it('follows a port forward to another host (the path depends on the port there)', () => {
		const net = fixture([{action: 'allow', protocol: 'tcp', ports: '2000-3000'}], [], [{port: 2500, protocol: 'tcp'}]);
		expect(reachablePorts(net, 'client', 'srv').delivered).toEqual({
			tcp: [
				{from: 2222, to: 2222},
				{from: 2500, to: 2500},
			],
			udp: [],
		});
	});

	it('equals brute force over every port, in both scopes', () => {
		const range = fc
			.tuple(fc.integer({min: 1, max: 65535}), fc.integer({min: 0, max: 3000}))
			.map(([from, length]) => `${from}-${Math.min(65535, from + length)}`);
		const rule = fc.record({
			action: fc.constantFrom('allow' as const, 'deny' as const),
			protocol: fc.constantFrom('tcp' as const, 'udp' as const),
			ports: range,
		});
		const app = fc.record({port: fc.integer({min: 1, max: 65535}), protocol: fc.constantFrom('tcp' as const, 'udp' as const)});
		fc.assert(
			fc.property(fc.array(rule, {maxLength: 5}), fc.array(rule, {maxLength: 5}), fc.array(app, {maxLength: 6}), (forward, input, apps) => {
				const net = fixture(forward, input, apps);
				const expected = bruteForce(net, 'client', 'srv');
				for (const scope of ['path', 'network'] as const) {
					const {open, delivered} = reachablePorts(net, 'client', 'srv', scope);
					expect({open, delivered}).toEqual(expected);
				}
			}),
			{numRuns: 12},
		);
	});

	it('traces one port per segment, not every port', () => {
		const net = fixture([{action: 'allow', protocol: 'tcp', ports: '1-65535'}], [], [{port: 443, protocol: 'tcp'}]);
		const result = reachablePorts(net, 'client', 'srv');
		expect(result.delivered.tcp).toEqual([
			{from: 443, to: 443},
			{from: 2222, to: 2222},
		]);
		expect(result.traced).toBeLessThan(10);
	});
});

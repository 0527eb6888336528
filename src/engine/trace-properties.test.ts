import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isAddress} from './address.js';
import type {FlowInput, Trace} from './flow.js';
import {network, type Network, type NetworkInput} from './network.js';
import {OUTCOME_CODES} from './outcome.js';
import {cloudInput, dockerInput, officeInput} from './test-networks.js';
import {trace} from './trace.js';
import {HOP_LIMIT} from './walk.js';

const fixtures: readonly Network[] = [network(cloudInput()), network(officeInput()), network(dockerInput())];

function idsOf(net: Network): string[] {
	return [...net.hosts.map((host) => host.id), ...net.containers.map((container) => container.id)];
}

const allIds = [...new Set(fixtures.flatMap(idsOf))];
const knownAddresses = [
	...new Set(
		fixtures.flatMap((net) => [
			...net.hosts.flatMap((host) => [...host.interfaces.map((iface) => iface.ip), ...(host.publicIp === undefined ? [] : [host.publicIp])]),
			...net.natGateways.flatMap((gateway) => [gateway.privateIp, gateway.publicIp]),
			...net.containers.flatMap((container) => container.networks.map((membership) => membership.ip)),
		]),
	),
	'127.0.0.1',
	'0.0.0.0',
	'255.255.255.255',
];

const address = fc.oneof(
	fc.constantFrom(...knownAddresses),
	fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.')),
);
const flowArbitrary: fc.Arbitrary<unknown> = fc.record(
	{
		from: fc.oneof(fc.constantFrom(...allIds), fc.string()),
		to: fc.oneof(address, fc.constantFrom('travelbuddy.com', 'api.example.com', 'db-c', 'localhost', 'nowhere.example'), fc.string()),
		toHost: fc.oneof(fc.constantFrom(...allIds), fc.string()),
		port: fc.oneof(fc.constantFrom(22, 80, 443, 3306, 6379, 8080), fc.integer({min: -5, max: 70_000})),
		protocol: fc.constantFrom('tcp', 'udp', 'icmp'),
		sourcePort: fc.integer({min: 0, max: 70_000}),
	},
	{requiredKeys: ['from', 'port']},
);

/** Invariants every trace keeps. */
function checkTrace(result: Trace): void {
	expect(OUTCOME_CODES).toContain(result.outcome.code);
	expect(result.outcome.message).not.toContain('internal error');
	expect(result.hops.length).toBeLessThan(HOP_LIMIT * 2 * 8);
	for (const hop of result.hops) {
		expect(hop.note.length).toBeGreaterThan(0);
		if (hop.action !== 'resolve' && hop.action !== 'drop') {
			expect(isAddress(hop.packet.src) && isAddress(hop.packet.dst)).toBe(true);
		}
	}
	const last = result.hops.at(-1);
	if (result.outcome.code === 'DELIVERED') expect(['deliver', 'reply']).toContain(last?.action);
	else if (last !== undefined) expect(last.action).toBe('drop');
	if (result.outcome.code === 'DELIVERED' && result.flow.protocol === 'tcp') expect(last?.action).toBe('reply');
}

describe('trace (properties)', () => {
	it('never throws and always ends with a known outcome, on random flows', () => {
		fc.assert(
			fc.property(fc.nat(fixtures.length - 1), flowArbitrary, (which, flow) => {
				checkTrace(trace(fixtures[which]!, flow as FlowInput));
			}),
			{numRuns: 400},
		);
	});

	it('is deterministic', () => {
		fc.assert(
			fc.property(fc.nat(fixtures.length - 1), flowArbitrary, (which, flow) => {
				const net = fixtures[which]!;
				expect(JSON.stringify(trace(net, flow as FlowInput))).toBe(JSON.stringify(trace(net, flow as FlowInput)));
			}),
			{numRuns: 100},
		);
	});

	it('never hangs or throws on random route tables (loops, blackholes, dangling targets)', () => {
		const targets = ['local', 'blackhole', 'r1', 'gw', 'web1', 'db1', 'nobody', '10.1.1.1', '10.1.1.254', '10.1.2.1', '10.1.9.9', '198.51.100.7'];
		const route = fc.record({
			destination: fc.constantFrom('0.0.0.0/0', '10.1.0.0/16', '10.1.1.0/24', '10.1.2.0/24', '10.1.3.0/24', '198.51.100.0/24', '10.1.3.0/25'),
			target: fc.constantFrom(...targets),
		});
		const tables = fc.array(fc.array(route, {maxLength: 5}), {minLength: 5, maxLength: 5});
		fc.assert(
			fc.property(tables, fc.constantFrom('web1', 'app1', 'db1', 'laptop'), fc.constantFrom('api', 'db1', 'web1', 'gw'), (routes, from, toHost) => {
				const input: NetworkInput = officeInput();
				input.routeTables!.forEach((table, index) => {
					table.routes = routes[index] ?? [];
				});
				checkTrace(trace(network(input), {from, toHost, port: 443}));
			}),
			{numRuns: 300},
		);
	});
});

import {describe, expect, it} from 'vitest';
import {formatAddress} from './address.js';
import type {Network, Route} from './network.js';
import {trace} from './trace.js';

/**
 * A router with a table of `count` /24 routes, each to one of two next-hop
 * routers, and a client behind it. Built as a plain object (no schema parse)
 * so the test measures tracing, not zod.
 */
function bigNetwork(count: number): Network {
	const routes: Route[] = Array.from({length: count}, (_, index) => ({
		destination: `${formatAddress((0x0b000000 + index * 256) >>> 0)}/24`,
		target: index % 2 === 0 ? 'left' : 'right',
	}));
	const router = (id: string, ip: string) => ({
		id,
		kind: 'router' as const,
		interfaces: [{subnet: 'core', ip}],
		apps: [],
		securityGroups: [],
	});
	return {
		hosts: [
			{id: 'client', kind: 'server', interfaces: [{subnet: 'core', ip: '10.0.0.10'}], apps: [], securityGroups: []},
			router('left', '10.0.0.1'),
			router('right', '10.0.0.2'),
		],
		subnets: [{id: 'core', cidr: '10.0.0.0/24', routeTable: 'big'}],
		routeTables: [{id: 'big', routes}],
		vpcs: [],
		internetGateways: [],
		natGateways: [],
		securityGroups: [],
		networkAcls: [],
		dns: [],
		containerNetworks: [],
		containers: [],
	};
}

describe('trace: a 100,000-route table', () => {
	// Speed is measured by `npm run bench` (ratios in one run), never by a timed test.
	it('picks the right route among 100,000 for spread-out destinations', () => {
		const big = bigNetwork(100_000);
		for (const index of [0, 1, 4_242, 77_777]) {
			const result = trace(big, {from: 'client', to: formatAddress((0x0b000000 + index * 256 + 5) >>> 0), port: 443});
			expect(result.hops.find((hop) => hop.action === 'route')?.decidedBy).toEqual({kind: 'route', id: 'big', index});
			expect(result.path).toContain(index % 2 === 0 ? 'left' : 'right');
		}
		const result = trace(big, {from: 'client', to: formatAddress((0x0b000000 + 99_999 * 256 + 9) >>> 0), port: 443});
		expect(result.hops.find((hop) => hop.action === 'route')?.decidedBy).toEqual({kind: 'route', id: 'big', index: 99_999});
		expect(result.path).toContain('right');
	});
});

import {describe, expect, it} from 'vitest';
import type {Trace} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {cloudInput, officeInput} from './test-networks.js';
import {trace} from './trace.js';

const routeHops = (result: Trace) => result.hops.filter((hop) => hop.action === 'route').map((hop) => hop.decidedBy);

/** h (10.0.1.10) sends 10.0.5.0/24 to r1 and 10.0.5.0/25 to r2; both routers sit in subnet far (10.0.5.0/24). */
const prefixes: NetworkInput = {
	hosts: [
		{id: 'h', interfaces: [{subnet: 'a', ip: '10.0.1.10'}]},
		{
			id: 'r1',
			kind: 'router',
			interfaces: [
				{subnet: 'a', ip: '10.0.1.1'},
				{subnet: 'far', ip: '10.0.5.254'},
			],
		},
		{
			id: 'r2',
			kind: 'router',
			interfaces: [
				{subnet: 'a', ip: '10.0.1.2'},
				{subnet: 'far', ip: '10.0.5.1'},
			],
		},
		{id: 'low', interfaces: [{subnet: 'far', ip: '10.0.5.10'}], apps: [{name: 'web', port: 80}]},
		{id: 'high', interfaces: [{subnet: 'far', ip: '10.0.5.200'}], apps: [{name: 'web', port: 80}]},
	],
	subnets: [
		{id: 'a', cidr: '10.0.1.0/24', routeTable: 'rt-a'},
		{id: 'far', cidr: '10.0.5.0/24', routeTable: 'rt-far'},
	],
	routeTables: [
		{
			id: 'rt-a',
			routes: [
				{destination: '10.0.5.0/24', target: 'r1'},
				{destination: '10.0.5.0/25', target: 'r2'},
			],
		},
		{id: 'rt-far', routes: [{destination: '10.0.1.0/24', target: '10.0.5.254'}]},
	],
};

describe('trace: longest prefix match', () => {
	it('a /25 beats a /24 for an address inside the /25', () => {
		const result = trace(network(prefixes), {from: 'h', to: '10.0.5.10', port: 80});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(routeHops(result)[0]).toEqual({kind: 'route', id: 'rt-a', index: 1});
		expect(result.path.slice(0, 3)).toEqual(['h', 'r2', 'low']);
	});

	it('the /24 wins for an address outside the /25', () => {
		const result = trace(network(prefixes), {from: 'h', to: '10.0.5.200', port: 80});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(routeHops(result)[0]).toEqual({kind: 'route', id: 'rt-a', index: 0});
		expect(result.path).toEqual(['h', 'r1', 'high']);
	});

	it('follows a route whose target is a router interface address', () => {
		// The reply from `low` goes back by rt-far's route via 10.0.5.254, i.e. r1.
		const result = trace(network(prefixes), {from: 'h', to: '10.0.5.10', port: 80});
		const replyRoute = result.hops.find((hop) => hop.action === 'reply' && hop.decidedBy?.kind === 'route');
		expect(replyRoute?.decidedBy).toEqual({kind: 'route', id: 'rt-far', index: 0});
		expect(result.path).toEqual(['h', 'r2', 'low', 'r1']);
	});
});

describe('trace: VPC local route and blackholes', () => {
	it('delivers inside the VPC by the implicit local route', () => {
		const result = trace(network(cloudInput()), {from: 'web', toHost: 'db', port: 3306});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(routeHops(result)[0]).toEqual({kind: 'route', id: 'rt-public', list: 'local'});
		expect(result.path).toEqual(['web', 'db']);
	});

	it('a route with the VPC block as destination does not replace the local route', () => {
		const input = cloudInput();
		input.routeTables![0]!.routes!.push({destination: '10.0.0.0/16', target: 'blackhole'});
		expect(trace(network(input), {from: 'web', toHost: 'db', port: 3306}).outcome.code).toBe('DELIVERED');
	});

	it('a more specific route beats the local route, and a blackhole drops on purpose', () => {
		const input = cloudInput();
		input.routeTables![0]!.routes!.push({destination: '10.0.2.0/24', target: 'blackhole'});
		const result = trace(network(input), {from: 'web', toHost: 'db', port: 3306});
		expect(result.outcome).toMatchObject({code: 'BLACKHOLE', at: 'web', decidedBy: {kind: 'route', id: 'rt-public', index: 1}});
		expect(result.hops.at(-1)?.action).toBe('drop');
	});
});

describe('trace: loops', () => {
	it('two routers pointing at each other end in LOOP, naming both', () => {
		const loop: NetworkInput = {
			hosts: [
				{id: 'h', interfaces: [{subnet: 'a', ip: '10.0.1.10'}]},
				{
					id: 'r1',
					kind: 'router',
					interfaces: [
						{subnet: 'a', ip: '10.0.1.1'},
						{subnet: 't', ip: '10.0.0.1'},
					],
					routeTable: 'rt-r1',
				},
				{id: 'r2', kind: 'router', interfaces: [{subnet: 't', ip: '10.0.0.2'}], routeTable: 'rt-r2'},
			],
			subnets: [
				{id: 'a', cidr: '10.0.1.0/24', routeTable: 'rt-a'},
				{id: 't', cidr: '10.0.0.0/30'},
			],
			routeTables: [
				{id: 'rt-a', routes: [{destination: '0.0.0.0/0', target: 'r1'}]},
				{id: 'rt-r1', routes: [{destination: '10.0.9.0/24', target: 'r2'}]},
				{id: 'rt-r2', routes: [{destination: '10.0.9.0/24', target: '10.0.0.1'}]},
			],
		};
		const result = trace(network(loop), {from: 'h', to: '10.0.9.5', port: 80});
		expect(result.outcome.code).toBe('LOOP');
		expect(result.outcome.message).toContain('r1 → r2 → r1');
		expect(result.outcome.decidedBy).toEqual({kind: 'route', id: 'rt-r2', index: 0});
		expect(result.hops.length).toBeLessThan(20);
	});

	it('a path longer than the hop limit ends in LOOP (TTL), without recursion trouble', () => {
		const count = 70;
		const routers = Array.from({length: count}, (_, index) => ({
			id: `r${index}`,
			kind: 'router' as const,
			interfaces: [
				{subnet: `t${index}`, ip: `10.${Math.floor(index / 200)}.${index % 200}.2`},
				{subnet: `t${index + 1}`, ip: `10.${Math.floor((index + 1) / 200)}.${(index + 1) % 200}.1`},
			],
			routeTable: `rt-r${index}`,
		}));
		const input: NetworkInput = {
			hosts: [{id: 'h', interfaces: [{subnet: 't0', ip: '10.0.0.10'}]}, ...routers],
			subnets: Array.from({length: count + 1}, (_, index) => ({
				id: `t${index}`,
				cidr: `10.${Math.floor(index / 200)}.${index % 200}.0/24`,
				...(index === 0 ? {routeTable: 'rt-h'} : {}),
			})),
			routeTables: [
				{id: 'rt-h', routes: [{destination: '0.0.0.0/0', target: 'r0'}]},
				...routers.map((router, index) => ({id: router.routeTable, routes: [{destination: '0.0.0.0/0', target: `r${index + 1}`}]})),
			],
		};
		const result = trace(network(input), {from: 'h', to: '198.51.100.1', port: 80});
		expect(result.outcome.code).toBe('LOOP');
		expect(result.outcome.message).toContain('TTL 64');
		expect(result.path).toContain('r63');
		expect(result.path).not.toContain('r65');
	});
});

describe('trace: no way there', () => {
	it.each([
		['no matching route', (input: NetworkInput) => void (input.routeTables![1]!.routes = []), {from: 'app', to: '198.51.100.7', port: 443}, 'NO_ROUTE', {kind: 'route', id: 'rt-private'}],
		['nobody has the address in the subnet', () => undefined, {from: 'web', to: '10.0.1.99', port: 80}, 'HOST_UNREACHABLE', undefined],
		['nobody has the address in the VPC', () => undefined, {from: 'web', to: '10.0.7.7', port: 80}, 'HOST_UNREACHABLE', {kind: 'route', id: 'rt-public', list: 'local'}],
		[
			'a route to a host that is not a router',
			(input: NetworkInput) => void (input.routeTables![1]!.routes = [{destination: '0.0.0.0/0', target: 'db'}]),
			{from: 'app', to: '198.51.100.7', port: 443},
			'NO_ROUTE',
			{kind: 'route', id: 'rt-private', index: 0},
		],
		[
			'a route to something that does not exist',
			(input: NetworkInput) => void (input.routeTables![1]!.routes = [{destination: '0.0.0.0/0', target: 'nat-gw-9'}]),
			{from: 'app', to: '198.51.100.7', port: 443},
			'NO_ROUTE',
			{kind: 'route', id: 'rt-private', index: 0},
		],
	])('%s', (_, change, flow, code, decidedBy) => {
		const input = cloudInput();
		change(input);
		const result = trace(network(input), flow);
		expect(result.outcome.code).toBe(code);
		expect(result.outcome.decidedBy).toEqual(decidedBy);
	});

	it('a host with no interface cannot send', () => {
		const result = trace(network({hosts: [{id: 'new'}, {id: 'old', interfaces: [{subnet: 'internet', ip: '198.51.100.3'}]}]}), {from: 'new', toHost: 'old', port: 80});
		expect(result.outcome).toMatchObject({code: 'NO_ROUTE', at: 'new'});
		expect(result.outcome.message).toContain('no network interface');
	});

	it('a router without a route table knows only its connected subnets', () => {
		const input = officeInput();
		delete input.hosts!.find((host) => host.id === 'r1')!.routeTable;
		const result = trace(network(input), {from: 'app1', to: '198.51.100.7', port: 443});
		expect(result.outcome).toMatchObject({code: 'NO_ROUTE', at: 'r1'});
		expect(result.outcome.message).toContain('r1 has no route table');
	});
});

import {describe, expect, it} from 'vitest';
import {parseAddress} from './address.js';
import {network, type NetworkInput} from './network.js';
import {chooseRoute, hostRouting, routeDecider} from './routing.js';
import {topologyOf} from './topology.js';

function choose(input: NetworkInput, hostId: string, destination: string) {
	const topology = topologyOf(network(input));
	const host = topology.hosts.get(hostId)!;
	const choice = chooseRoute(topology, hostRouting(topology, host), parseAddress(destination)!);
	return choice === undefined ? undefined : {kind: choice.kind, decidedBy: routeDecider(choice), prefix: choice.prefix};
}

const vpc: NetworkInput = {
	hosts: [{id: 'a', kind: 'instance', interfaces: [{subnet: 'sa', ip: '10.0.1.10'}]}],
	vpcs: [{id: 'v', cidr: '10.0.0.0/16'}],
	subnets: [{id: 'sa', cidr: '10.0.1.0/24', vpc: 'v', routeTable: 'rt'}],
	routeTables: [
		{
			id: 'rt',
			vpc: 'v',
			routes: [
				{destination: '10.0.0.0/16', target: 'blackhole'},
				{destination: '10.0.5.0/24', target: 'blackhole'},
				{destination: '10.0.5.0/25', target: 'blackhole'},
				{destination: '10.0.5.0/25', target: 'igw'},
				{destination: '10.0.1.0/24', target: 'blackhole'},
			],
		},
	],
};

describe('chooseRoute', () => {
	it.each([
		['a /25 beats a /24 for an address inside it', '10.0.5.10', {kind: 'route', decidedBy: {kind: 'route', id: 'rt', index: 2}, prefix: 25}],
		['the /24 wins outside the /25', '10.0.5.200', {kind: 'route', decidedBy: {kind: 'route', id: 'rt', index: 1}, prefix: 24}],
		['the VPC local route cannot be replaced by a route with the same destination', '10.0.9.9', {kind: 'vpc-local', decidedBy: {kind: 'route', id: 'rt', list: 'local'}, prefix: 16}],
		['a connected subnet wins a tie with a table route', '10.0.1.99', {kind: 'connected', decidedBy: undefined, prefix: 24}],
	])('%s', (_, destination, expected) => {
		expect(choose(vpc, 'a', destination)).toEqual(expected);
	});

	it('answers undefined when nothing matches', () => {
		expect(choose(vpc, 'a', '8.8.8.8')).toBeUndefined();
	});

	it('gives a subnet in a VPC without a route table the local route', () => {
		const bare = {...vpc, subnets: [{id: 'sa', cidr: '10.0.1.0/24', vpc: 'v'}]};
		expect(choose(bare, 'a', '10.0.7.7')).toEqual({kind: 'vpc-local', decidedBy: {kind: 'route', id: 'v', list: 'local'}, prefix: 16});
		expect(choose(bare, 'a', '8.8.8.8')).toBeUndefined();
	});

	it('routes a router by its own table plus all its connected subnets, not its subnet table', () => {
		const office: NetworkInput = {
			hosts: [
				{
					id: 'r',
					kind: 'router',
					interfaces: [
						{subnet: 'x', ip: '10.1.1.1'},
						{subnet: 'y', ip: '10.1.2.1'},
					],
				},
			],
			subnets: [
				{id: 'x', cidr: '10.1.1.0/24', routeTable: 'rt-x'},
				{id: 'y', cidr: '10.1.2.0/24'},
			],
			routeTables: [{id: 'rt-x', routes: [{destination: '0.0.0.0/0', target: 'r'}]}],
		};
		expect(choose(office, 'r', '10.1.2.7')).toMatchObject({kind: 'connected', prefix: 24});
		expect(choose(office, 'r', '8.8.8.8')).toBeUndefined();
	});

	it('treats an internet interface as the way to every address', () => {
		const laptop: NetworkInput = {hosts: [{id: 'l', kind: 'client', interfaces: [{subnet: 'internet', ip: '192.0.2.1'}]}]};
		expect(choose(laptop, 'l', '10.0.0.1')).toEqual({kind: 'connected', decidedBy: undefined, prefix: 0});
	});
});

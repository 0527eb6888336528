import {describe, expect, it} from 'vitest';
import {network} from './network.js';
import {externalChange, externalIds, externalRefusal} from './ownership.js';

/** Hosts outside the player's control: any change to them, their containers or their only groups is spotted. */

const start = network({
	hosts: [
		{id: 'web', interfaces: [{subnet: 'internet', ip: '203.0.113.10'}]},
		{id: 'customer', kind: 'client', external: true, label: "a customer's laptop", interfaces: [{subnet: 'internet', ip: '198.51.100.20'}], securityGroups: ['sg-c']},
	],
	securityGroups: [{id: 'sg-c'}],
	containerNetworks: [{id: 'bridge', host: 'customer', cidr: '172.17.0.0/16', default: true}],
	containers: [{id: 'c1', host: 'customer', networks: [{network: 'bridge', ip: '172.17.0.2'}]}],
});

describe('external hosts', () => {
	it('lists them and their containers', () => {
		expect([...externalIds(start)].sort()).toEqual(['c1', 'customer']);
	});

	it('sees no change when only the player\'s machines change', () => {
		const after = {...start, hosts: start.hosts.map((host) => (host.id === 'web' ? {...host, apps: [{name: 'x', port: 1, protocol: 'tcp' as const, bind: '0.0.0.0'}]} : host))};
		expect(externalChange(start, after)).toBeUndefined();
	});

	it('spots a firewall on the customer, a publish on its container, a rule in its own group', () => {
		const firewalled = {...start, hosts: start.hosts.map((host) => (host.id === 'customer' ? {...host, firewall: {output: {policy: 'deny' as const, rules: []}}} : host))};
		expect(externalChange(start, firewalled)?.host.id).toBe('customer');
		const published = {...start, containers: start.containers.map((container) => ({...container, publish: [{hostPort: 80, containerPort: 80, protocol: 'tcp' as const, hostIp: '0.0.0.0'}]}))};
		expect(externalChange(start, published)?.what).toBe('its containers changed');
		const grouped = {...start, securityGroups: [{id: 'sg-c', inbound: [], outbound: []}]};
		expect(externalChange(start, grouped)?.what).toBe('its security group sg-c changed');
	});

	it('says why in one sentence, naming what to protect instead', () => {
		const change = externalChange(start, {...start, hosts: [start.hosts[0]!]})!;
		expect(externalRefusal(start, change)).toBe(
			"customer (a customer's laptop) is not TravelBuddy's machine, so you cannot configure it — protect the servers you run instead (web): their firewall, security groups, or the router and subnet in front of them",
		);
	});
});

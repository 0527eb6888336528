import {describe, expect, it} from 'vitest';
import {computeExposure, isInternetHost} from './exposure.js';
import {network} from './network.js';
import {reachablePorts} from './reachable-ports.js';

/**
 * An office behind a NAT device (port forwards to a firewalled server,
 * through a router with a forward chain), a Docker host with published
 * ports, and a VPC whose public subnet has a network ACL with port ranges.
 */
const rich = network({
	subnets: [
		{id: 'office', cidr: '192.168.1.0/24', routeTable: 'rt-office'},
		{id: 'servers', cidr: '192.168.2.0/24', routeTable: 'rt-servers'},
		{id: 'public', cidr: '10.0.1.0/24', vpc: 'main', routeTable: 'rt-public', networkAcl: 'acl-public'},
	],
	vpcs: [{id: 'main', cidr: '10.0.0.0/16'}],
	routeTables: [
		{id: 'rt-office', routes: [{destination: '0.0.0.0/0', target: 'gw'}, {destination: '192.168.2.0/24', target: 'r1'}]},
		{id: 'rt-servers', routes: [{destination: '0.0.0.0/0', target: 'r1'}]},
		{id: 'rt-gw', routes: [{destination: '192.168.2.0/24', target: 'r1'}]},
		{id: 'rt-r1', routes: [{destination: '0.0.0.0/0', target: 'gw'}]},
		{id: 'rt-public', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'igw'}]},
	],
	internetGateways: [{id: 'igw', vpc: 'main'}],
	networkAcls: [
		{
			id: 'acl-public',
			inbound: [
				{rule: 90, action: 'deny', protocol: 'tcp', ports: '8500-8600', cidr: '0.0.0.0/0'},
				{rule: 100, action: 'allow', protocol: 'tcp', ports: '8000-9000', cidr: '0.0.0.0/0'},
				{rule: 110, action: 'allow', protocol: 'udp', ports: '5000-5100', cidr: '0.0.0.0/0'},
			],
			outbound: [{rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'}],
		},
	],
	securityGroups: [{id: 'sg-app', inbound: [{protocol: 'all', source: '0.0.0.0/0'}]}],
	hosts: [
		{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
		{id: 'scanner', kind: 'client', interfaces: [{subnet: 'internet', ip: '192.0.2.66'}]},
		{
			id: 'gw',
			kind: 'nat',
			routeTable: 'rt-gw',
			interfaces: [
				{subnet: 'internet', ip: '203.0.113.1'},
				{subnet: 'office', ip: '192.168.1.1'},
			],
			nat: {
				outside: 'internet',
				portForwards: [
					{port: 443, toIp: '192.168.2.10', toPort: 443},
					{port: 2222, toIp: '192.168.2.10', toPort: 22},
					{protocol: 'udp', port: 1194, toIp: '192.168.2.10', toPort: 1194},
				],
			},
		},
		{
			id: 'r1',
			kind: 'router',
			routeTable: 'rt-r1',
			interfaces: [
				{subnet: 'office', ip: '192.168.1.254'},
				{subnet: 'servers', ip: '192.168.2.1'},
			],
			firewall: {forward: {policy: 'allow', rules: [{action: 'deny', protocol: 'tcp', ports: '20-25', source: '192.0.2.0/24'}]}},
		},
		{
			id: 'server',
			interfaces: [{subnet: 'servers', ip: '192.168.2.10'}],
			apps: [
				{name: 'website', port: 443},
				{name: 'ssh', port: 22},
			],
			firewall: {input: {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '1-1024'}]}},
		},
		{id: 'docker', interfaces: [{subnet: 'internet', ip: '203.0.113.50'}], firewall: {input: {policy: 'deny', rules: []}}},
		{
			id: 'app',
			kind: 'instance',
			interfaces: [{subnet: 'public', ip: '10.0.1.10'}],
			publicIp: '203.0.113.80',
			securityGroups: ['sg-app'],
			apps: [{name: 'api', port: 8080}],
		},
	],
	containerNetworks: [{id: 'appnet', host: 'docker', cidr: '172.18.0.0/16'}],
	containers: [
		{
			id: 'shop',
			host: 'docker',
			networks: [{network: 'appnet', ip: '172.18.0.2'}],
			apps: [{name: 'shop', port: 80}],
			publish: [
				{hostPort: 8080, containerPort: 80},
				{hostPort: 9090, containerPort: 9090},
			],
		},
	],
});

describe('isInternetHost', () => {
	it.each([
		{id: 'laptop', expected: true},
		{id: 'docker', expected: true},
		{id: 'gw', expected: false}, // a NAT device's outside interface does not make it an internet user
		{id: 'server', expected: false},
		{id: 'app', expected: false}, // a public IP maps to it; it still sits in the VPC
	])('$id → $expected', ({id, expected}) => {
		expect(isInternetHost(rich.hosts.find((host) => host.id === id)!)).toBe(expected);
	});
});

describe('exact reachability over the real walker', () => {
	const sources = ['laptop', 'scanner', 'docker'];
	const targets = ['gw', 'server', 'docker', 'shop', 'app', 'r1'];
	it.each(sources.flatMap((from) => targets.filter((to) => to !== from).map((toHost) => ({from, toHost}))))(
		'$from → $toHost: refining along the path equals cutting at every boundary of the network',
		({from, toHost}) => {
			const path = reachablePorts(rich, from, toHost, 'path');
			const whole = reachablePorts(rich, from, toHost, 'network');
			expect({open: path.open, delivered: path.delivered}).toEqual({open: whole.open, delivered: whole.delivered});
		},
	);
});

describe('computeExposure', () => {
	it('counts every open port once per target, from any internet host, never a source reaching itself', () => {
		const exposure = computeExposure(rich);
		expect(Object.keys(exposure.byHost)).toEqual([...Object.keys(exposure.byHost)].sort());
		expect(exposure.byHost.laptop).toBeUndefined(); // internet clients are not targets
		// The NAT device forwards 443 and 2222 (to ssh); udp 1194 is forwarded but the server's firewall drops it.
		expect(exposure.byHost.gw).toEqual([
			{protocol: 'tcp', port: 443},
			{protocol: 'tcp', port: 2222},
		]);
		// Through the ACL: tcp 8000-8499 and 8601-9000, udp 5000-5100.
		expect(exposure.byHost.app).toEqual([
			{protocol: 'tcp', port: 8000, to: 8499},
			{protocol: 'tcp', port: 8601, to: 9000},
			{protocol: 'udp', port: 5000, to: 5100},
		]);
		// Published ports skip the Docker host's input chain (as in real Docker); 9090 is published but nothing listens.
		expect(exposure.byHost.docker).toEqual([
			{protocol: 'tcp', port: 8080},
			{protocol: 'tcp', port: 9090},
		]);
		// The Docker host is an internet host, but reaching its own container is not the internet reaching in.
		expect(exposure.byHost.shop).toBeUndefined();
		expect(Object.keys(exposure.byHost)).toEqual(['app', 'docker', 'gw']);
		expect(exposure.total).toBe(500 + 400 + 101 + 2 + 2);
		const sum = Object.values(exposure.byHost)
			.flat()
			.reduce((total, span) => total + (span.to ?? span.port) - span.port + 1, 0);
		expect(exposure.total).toBe(sum);
	});
});

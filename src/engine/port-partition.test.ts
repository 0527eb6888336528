import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {network} from './network.js';
import {cutsOfNetwork, cutsOfNodes, segmentsOf, splitRange} from './port-partition.js';
import {ALL_PORTS, type PortRange} from './ports.js';

const fixture = network({
	subnets: [
		{id: 'app', cidr: '10.0.1.0/24', vpc: 'main', networkAcl: 'acl-app'},
		{id: 'other', cidr: '10.0.2.0/24', vpc: 'main', networkAcl: 'acl-other'},
	],
	vpcs: [{id: 'main', cidr: '10.0.0.0/16'}],
	networkAcls: [
		{id: 'acl-app', inbound: [{rule: 100, action: 'allow', protocol: 'tcp', ports: '8000-8999', cidr: '0.0.0.0/0'}]},
		{id: 'acl-other', inbound: [{rule: 100, action: 'allow', protocol: 'udp', ports: '7000', cidr: '0.0.0.0/0'}]},
	],
	securityGroups: [{id: 'sg-web', inbound: [{protocol: 'tcp', ports: '443', source: '0.0.0.0/0'}]}],
	hosts: [
		{
			id: 'web',
			kind: 'instance',
			interfaces: [{subnet: 'app', ip: '10.0.1.10'}],
			securityGroups: ['sg-web'],
			apps: [{name: 'dns', port: 53, protocol: 'udp'}],
			firewall: {input: {rules: [{action: 'allow', protocol: 'all', ports: '1000-2000'}]}},
		},
		{id: 'docker', interfaces: [{subnet: 'other', ip: '10.0.2.10'}]},
		{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
	],
	containers: [{id: 'shop', host: 'docker', apps: [{name: 'shop', port: 80}], publish: [{hostPort: 8080, containerPort: 80}]}],
});

describe('cutsOfNodes', () => {
	it.each([
		{
			name: 'a host: firewall (protocol all cuts both), apps, security groups, its subnet ACL',
			ids: ['web'],
			tcp: [443, 444, 1000, 2001, 8000, 9000],
			udp: [53, 54, 1000, 2001],
		},
		{name: 'a Docker host brings its containers: app and publish mapping', ids: ['docker'], tcp: [80, 81, 8080, 8081], udp: [7000, 7001]},
		{name: 'a container brings its Docker host', ids: ['shop'], tcp: [80, 81, 8080, 8081], udp: [7000, 7001]},
		{name: 'a subnet brings its ACL', ids: ['other'], tcp: [], udp: [7000, 7001]},
		{name: 'a host on the internet alone brings nothing', ids: ['laptop', 'internet', 'unknown'], tcp: [], udp: []},
	])('$name', ({ids, tcp, udp}) => {
		expect(cutsOfNodes(fixture, ids)).toEqual({tcp, udp});
	});

	it('the whole network holds the cuts of every node', () => {
		const all = cutsOfNetwork(fixture);
		const some = cutsOfNodes(fixture, ['web', 'docker']);
		expect(all).toEqual(some);
	});
});

describe('segments', () => {
	it('splits a range at cuts inside it only', () => {
		expect(splitRange({from: 100, to: 200}, [50, 150, 201, 300])).toEqual([
			{from: 100, to: 149},
			{from: 150, to: 200},
		]);
		expect(segmentsOf([])).toEqual([ALL_PORTS]);
	});

	it('cover the port space, and every rule range holds whole segments only', () => {
		const range = fc
			.tuple(fc.integer({min: 1, max: 65535}), fc.integer({min: 1, max: 65535}))
			.map(([a, b]): PortRange => ({from: Math.min(a, b), to: Math.max(a, b)}));
		fc.assert(
			fc.property(fc.array(range, {maxLength: 10}), (ranges) => {
				const rules = ranges.map((ports) => ({action: 'allow' as const, protocol: 'tcp' as const, ports: `${ports.from}-${ports.to}`}));
				const probe = network({hosts: [{id: 'h', firewall: {input: {rules}}}]});
				const segments = segmentsOf(cutsOfNodes(probe, ['h']).tcp);
				expect(segments[0]!.from).toBe(1);
				expect(segments[segments.length - 1]!.to).toBe(65535);
				segments.forEach((segment, index) => {
					if (index > 0) expect(segment.from).toBe(segments[index - 1]!.to + 1);
					for (const rule of ranges) {
						const inside = segment.from >= rule.from && segment.to <= rule.to;
						const outside = segment.to < rule.from || segment.from > rule.to;
						expect(inside || outside).toBe(true);
					}
				});
			}),
		);
	});
});

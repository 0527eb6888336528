import {describe, expect, it} from 'vitest';
import {parseAddress} from './address.js';
import {network} from './network.js';
import {cloudInput, dockerInput} from './test-networks.js';
import {normalizeName, topologyOf} from './topology.js';

describe('topologyOf', () => {
	const cloud = network(cloudInput());

	it('is built once per network object', () => {
		expect(topologyOf(cloud)).toBe(topologyOf(cloud));
		expect(topologyOf(network(cloudInput()))).not.toBe(topologyOf(cloud));
	});

	it('knows who owns each address: in a subnet, in a VPC, and on the internet', () => {
		const topology = topologyOf(cloud);
		const at = (text: string) => parseAddress(text)!;
		expect(topology.subnetOwners.get('private')?.get(at('10.0.2.30'))).toMatchObject({kind: 'host', host: {id: 'db'}, subnet: 'private'});
		expect(topology.subnetOwners.get('public')?.get(at('10.0.2.30'))).toBeUndefined();
		expect(topology.vpcOwners.get('vpc-main')?.get(at('10.0.1.10'))).toMatchObject({kind: 'nat-gateway', natGateway: {id: 'nat-gw-1'}});
		expect(topology.publicOwners.get(at('203.0.113.20'))).toMatchObject({kind: 'public-ip', host: {id: 'web'}});
		expect(topology.publicOwners.get(at('198.51.100.20'))).toMatchObject({kind: 'nat-gateway'});
		expect(topology.publicOwners.get(at('192.0.2.50'))).toMatchObject({kind: 'internet-host', host: {id: 'laptop'}});
		expect(topology.publicOwners.has(at('10.0.1.20'))).toBe(false);
	});

	it('indexes groups, gateways, bridges and DNS names', () => {
		const topology = topologyOf(cloud);
		expect([...(topology.groupMembers.get('sg-web') ?? [])]).toEqual(['web']);
		expect(topology.gatewayOfVpc.get('vpc-main')?.id).toBe('igw-1');
		expect(topology.dnsNames.get('travelbuddy.com')).toEqual([0]);
		const docker = topologyOf(network(dockerInput()));
		expect(docker.bridgesOfHost.get('dock')?.map((bridge) => bridge.id)).toEqual(['bridge', 'appnet', 'other']);
		expect(docker.bridgeOwners.get('appnet')?.get(parseAddress('172.18.0.3')!)?.id).toBe('db-c');
	});

	it('sorts network ACL rules by number, keeping their list positions', () => {
		const topology = topologyOf(
			network({
				networkAcls: [
					{
						id: 'acl',
						inbound: [
							{rule: 300, action: 'deny', protocol: 'all', cidr: '0.0.0.0/0'},
							{rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'},
							{rule: 200, action: 'allow', protocol: 'tcp', ports: '80', cidr: '0.0.0.0/0'},
						],
					},
				],
			}),
		);
		expect(topology.naclRules.get('acl')?.inbound.map((entry) => [entry.rule.rule, entry.index])).toEqual([
			[100, 1],
			[200, 2],
			[300, 0],
		]);
	});

	it.each([
		['TravelBuddy.COM.', 'travelbuddy.com'],
		['www.example.com', 'www.example.com'],
		['a.b.', 'a.b'],
	])('normalizeName(%j) is %j', (name, expected) => {
		expect(normalizeName(name)).toBe(expected);
	});
});

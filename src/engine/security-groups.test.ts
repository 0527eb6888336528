import {describe, expect, it} from 'vitest';
import {parseAddress} from './address.js';
import {network} from './network.js';
import {evaluateSecurityGroups, evaluateSecurityGroupsOverPorts} from './security-groups.js';
import {topologyOf} from './topology.js';

const topology = topologyOf(
	network({
		hosts: [
			{id: 'web', interfaces: [{subnet: 's', ip: '10.0.1.5'}], securityGroups: ['sg-web']},
			{id: 'other', interfaces: [{subnet: 's', ip: '10.0.1.6'}]},
		],
		subnets: [{id: 's', cidr: '10.0.1.0/24'}],
		securityGroups: [
			{id: 'sg-web', inbound: [{protocol: 'tcp', ports: '443', source: '0.0.0.0/0'}]},
			{
				id: 'sg-app',
				inbound: [
					{protocol: 'tcp', ports: '8080', source: 'sg-web'},
					{protocol: 'all', source: '10.9.0.0/16'},
				],
				outbound: [{protocol: 'tcp', ports: '3306', destination: '10.0.2.0/24'}],
			},
		],
	}),
);

const inbound = (dstPort: number, peer: string, peerHost?: string, protocol: 'tcp' | 'udp' = 'tcp') => ({
	protocol,
	dstPort,
	peer: parseAddress(peer)!,
	...(peerHost === undefined ? {} : {peerHost}),
});

describe('evaluateSecurityGroups', () => {
	it.each([
		['source group: a member of sg-web', ['sg-app'], inbound(8080, '10.0.1.5', 'web'), {allowed: true, group: 'sg-app', index: 0}],
		['source group: not a member', ['sg-app'], inbound(8080, '10.0.1.6', 'other'), {allowed: false}],
		['source group: unknown sender', ['sg-app'], inbound(8080, '10.0.1.5'), {allowed: false}],
		['all protocols from a block', ['sg-app'], inbound(53, '10.9.3.3', undefined, 'udp'), {allowed: true, group: 'sg-app', index: 1}],
		['any rule of any group', ['sg-app', 'sg-web'], inbound(443, '192.0.2.1'), {allowed: true, group: 'sg-web', index: 0}],
		['allow-only: nothing matches', ['sg-web'], inbound(22, '192.0.2.1'), {allowed: false}],
		['a group that does not exist holds no rules', ['sg-missing'], inbound(443, '192.0.2.1'), {allowed: false}],
	])('inbound, %s', (_, groups, packet, expected) => {
		expect(evaluateSecurityGroups(topology, groups, 'inbound', packet)).toEqual(expected);
	});

	it('outbound allows everything by default and only the listed rules otherwise', () => {
		const packet = inbound(443, '198.51.100.1');
		expect(evaluateSecurityGroups(topology, ['sg-web'], 'outbound', packet)).toEqual({allowed: true, group: 'sg-web', index: 0});
		expect(evaluateSecurityGroups(topology, ['sg-app'], 'outbound', packet)).toEqual({allowed: false});
		expect(evaluateSecurityGroups(topology, ['sg-app'], 'outbound', inbound(3306, '10.0.2.7'))).toEqual({allowed: true, group: 'sg-app', index: 0});
	});
});

describe('evaluateSecurityGroupsOverPorts (a reply to any ephemeral port)', () => {
	const ephemeral = {from: 1024, to: 65535};
	const reply = {protocol: 'tcp' as const, peer: parseAddress('10.9.1.1')!};
	const groups = topologyOf(
		network({
			securityGroups: [
				{id: 'sg-low', inbound: [{protocol: 'tcp', ports: '1024-32767', source: '10.9.0.0/16'}]},
				{id: 'sg-high', inbound: [{protocol: 'tcp', ports: '32768-65535', source: '0.0.0.0/0'}]},
				{id: 'sg-udp', inbound: [{protocol: 'udp', ports: '1024-65535', source: '0.0.0.0/0'}]},
				{id: 'sg-other', inbound: [{protocol: 'all', source: '192.0.2.0/24'}]},
			],
		}),
	);
	it.each([
		['rules of two groups cover the range together', ['sg-low', 'sg-high'], {allowed: true, group: 'sg-low', index: 0}],
		['one group covers only part', ['sg-high'], {allowed: false, ports: {from: 1024, to: 32767}}],
		['a rule for another protocol', ['sg-udp'], {allowed: false, ports: ephemeral}],
		['a rule for another source', ['sg-other'], {allowed: false, ports: ephemeral}],
	])('%s', (_, names, expected) => {
		expect(evaluateSecurityGroupsOverPorts(groups, names, 'inbound', reply, ephemeral)).toEqual(expected);
	});
});

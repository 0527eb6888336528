import {describe, expect, it} from 'vitest';
import type {StateCheck} from './goal.js';
import {network, type NetworkInput} from './network.js';
import {checkState} from './state-check.js';

function fixture(): NetworkInput {
	return {
		vpcs: [
			{id: 'main', cidr: '10.0.0.0/16'},
			{id: 'other', cidr: '10.9.0.0/16'},
		],
		subnets: [
			{id: 'public', cidr: '10.0.1.0/24', vpc: 'main', routeTable: 'rt-public'},
			{id: 'private', cidr: '10.0.2.0/24', vpc: 'main', routeTable: 'rt-private'},
			{id: 'detached', cidr: '10.0.3.0/24', vpc: 'main', routeTable: 'rt-detached'},
			{id: 'wide', cidr: '10.0.4.0/22', vpc: 'main', routeTable: 'rt-wide'},
			{id: 'stray', cidr: '10.1.0.0/24', vpc: 'main'},
			{id: 'loose', cidr: '10.9.4.0/24'},
			{id: 'office', cidr: '192.168.1.0/24'},
			{id: 'office-2', cidr: '192.168.1.128/25'},
			{id: 'tiny', cidr: '192.168.9.0/30'},
		],
		routeTables: [
			{id: 'rt-public', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'igw'}]},
			{id: 'rt-private', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'ngw'}]},
			{id: 'rt-detached', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'igw-spare'}]},
			{id: 'rt-wide', vpc: 'main', routes: [{destination: '192.0.2.0/24', target: 'igw'}]},
		],
		internetGateways: [{id: 'igw', vpc: 'main'}, {id: 'igw-spare'}],
		natGateways: [{id: 'ngw', subnet: 'public', privateIp: '10.0.1.5', publicIp: '198.51.100.7'}],
		hosts: [{id: 'db', kind: 'instance', interfaces: [{subnet: 'private', ip: '10.0.2.10'}]}],
		dns: [
			{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'},
			{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com'},
		],
	};
}

const net = network(fixture());

describe('checkState', () => {
	it.each<{check: StateCheck; passed: boolean; message: string}>([
		{check: {check: 'subnet-in-vpc', subnet: 'public'}, passed: true, message: 'subnet public (10.0.1.0/24) lies inside VPC main (10.0.0.0/16).'},
		{check: {check: 'subnet-in-vpc', subnet: 'stray'}, passed: false, message: 'subnet stray (10.1.0.0/24) is not inside VPC main (10.0.0.0/16).'},
		{check: {check: 'subnet-in-vpc', subnet: 'office'}, passed: false, message: 'subnet office (192.168.1.0/24) does not belong to a VPC.'},
		{check: {check: 'subnet-in-vpc', subnet: 'nope'}, passed: false, message: "There is no subnet called 'nope'."},
		{check: {check: 'no-overlap', vpc: 'main'}, passed: true, message: 'No two subnets of VPC main overlap.'},
		{
			check: {check: 'no-overlap'},
			passed: false,
			message: 'In the network, 192.168.1.128/25 (office-2) overlaps subnet office (192.168.1.0/24).',
		},
		{check: {check: 'no-overlap', vpc: 'ghost'}, passed: false, message: "There is no VPC called 'ghost'."},
		{check: {check: 'subnet-private', subnet: 'private'}, passed: true, message: 'subnet private (10.0.2.0/24) is private: no route leads to an internet gateway.'},
		{
			check: {check: 'subnet-private', subnet: 'wide'},
			passed: false,
			message: 'subnet wide (10.0.4.0/22) is not private: its route table sends 192.0.2.0/24 to internet gateway igw.',
		},
		{
			check: {check: 'subnet-private', subnet: 'detached'},
			passed: true,
			message: 'subnet detached (10.0.3.0/24) is private: no route leads to an internet gateway.',
		},
		{check: {check: 'subnet-public', subnet: 'public'}, passed: true, message: 'subnet public (10.0.1.0/24) is public: 0.0.0.0/0 goes to internet gateway igw.'},
		{
			check: {check: 'subnet-public', subnet: 'detached'},
			passed: false,
			message:
				'subnet detached (10.0.3.0/24) is not public: its route table does not send 0.0.0.0/0 to an internet gateway attached to its VPC.',
		},
		{
			check: {check: 'subnet-public', subnet: 'wide'},
			passed: false,
			message: 'subnet wide (10.0.4.0/22) is not public: its route table does not send 0.0.0.0/0 to an internet gateway attached to its VPC.',
		},
		{
			check: {check: 'subnet-size', subnet: 'public', hosts: 251},
			passed: true,
			message: 'subnet public (10.0.1.0/24) has room for 251 hosts after the 5 addresses the cloud reserves; 251 needed.',
		},
		{
			check: {check: 'subnet-size', subnet: 'public', hosts: 252},
			passed: false,
			message:
				'subnet public (10.0.1.0/24) has room for only 251 hosts after the 5 addresses the cloud reserves; 252 needed (a shorter prefix than /24 gives more room).',
		},
		{check: {check: 'subnet-within', subnet: 'public', cidr: '10.0.0.0/16'}, passed: true, message: 'subnet public (10.0.1.0/24) lies inside 10.0.0.0/16.'},
		{
			check: {check: 'subnet-within', subnet: 'tiny', cidr: '10.0.0.0/16'},
			passed: false,
			message: 'subnet tiny (192.168.9.0/30) is not inside 10.0.0.0/16: carve subnets out of that block.',
		},
		{
			check: {check: 'subnet-within', cidr: '10.0.0.0/16'},
			passed: false,
			message:
				'subnet stray (10.1.0.0/24), subnet loose (10.9.4.0/24), subnet office (192.168.1.0/24), subnet office-2 (192.168.1.128/25), subnet tiny (192.168.9.0/30) are not inside 10.0.0.0/16: carve subnets out of that block.',
		},
		{check: {check: 'subnet-within', cidr: '0.0.0.0/0'}, passed: true, message: 'Every subnet lies inside 0.0.0.0/0.'},
		{check: {check: 'subnet-within', subnet: 'nope', cidr: '10.0.0.0/16'}, passed: false, message: "There is no subnet called 'nope'."},
		{
			check: {check: 'subnet-size', subnet: 'tiny', hosts: 2},
			passed: true,
			message: 'subnet tiny (192.168.9.0/30) has room for 2 hosts after the network and broadcast addresses; 2 needed.',
		},
		{check: {check: 'host-in-subnet', host: 'db', subnet: 'private'}, passed: true, message: 'db is in private at 10.0.2.10.'},
		{check: {check: 'host-in-subnet', host: 'db', subnet: 'public'}, passed: false, message: 'db has no interface in public.'},
		{check: {check: 'host-in-subnet', host: 'web', subnet: 'public'}, passed: false, message: "There is no host called 'web'."},
		{check: {check: 'resolves', name: 'WWW.travelbuddy.com.', address: '203.0.113.10'}, passed: true, message: 'WWW.travelbuddy.com. resolves to 203.0.113.10.'},
		{
			check: {check: 'resolves', name: 'travelbuddy.com', address: '203.0.113.99'},
			passed: false,
			message: 'travelbuddy.com resolves to 203.0.113.10, not 203.0.113.99.',
		},
	])('$check.check: $message', ({check, passed, message}) => {
		expect(checkState(net, check)).toEqual({passed, message});
	});

	it('fails a name that does not resolve, with the resolver’s reason', () => {
		const verdict = checkState(net, {check: 'resolves', name: 'shop.travelbuddy.com', address: '203.0.113.10'});
		expect(verdict.passed).toBe(false);
		expect(verdict.message).toMatch(/^shop\.travelbuddy\.com does not resolve: /);
	});
});

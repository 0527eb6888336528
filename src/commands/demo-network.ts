import {network, type Network} from '../engine/network.js';

/**
 * A small TravelBuddy network on which every command's help example works:
 * help prints each example's real-world equivalent by applying it here, and
 * the tests run every example against it. On premises: an office, a server
 * room behind a NAT device, a Docker host. In the cloud: VPC `main` with a
 * public and a private subnet, and an empty VPC `lab`.
 */
export const DEMO_NETWORK: Network = network({
	vpcs: [
		{id: 'main', cidr: '10.0.0.0/16'},
		{id: 'lab', cidr: '10.2.0.0/16'},
	],
	subnets: [
		{id: 'public', cidr: '10.0.1.0/24', vpc: 'main', routeTable: 'rt-public'},
		{id: 'app', cidr: '10.0.2.0/24', vpc: 'main'},
		{id: 'spare', cidr: '10.0.9.0/24', vpc: 'main'},
		{id: 'office', cidr: '192.168.1.0/24', routeTable: 'rt-office'},
		{id: 'servers', cidr: '192.168.2.0/24'},
		{id: 'legacy', cidr: '192.168.3.0/24'},
	],
	routeTables: [
		{
			id: 'rt-public',
			vpc: 'main',
			routes: [
				{destination: '0.0.0.0/0', target: 'igw-1'},
				{destination: '10.9.0.0/16', target: 'blackhole'},
			],
		},
		{id: 'rt-private', vpc: 'main'},
		{id: 'rt-office', routes: [{destination: '0.0.0.0/0', target: 'r1'}]},
	],
	internetGateways: [{id: 'igw-1', vpc: 'main'}, {id: 'igw-lab'}],
	natGateways: [{id: 'nat-1', subnet: 'public', privateIp: '10.0.1.4', publicIp: '203.0.113.20'}],
	hosts: [
		{
			id: 'web',
			kind: 'instance',
			interfaces: [{subnet: 'public', ip: '10.0.1.10'}],
			apps: [
				{name: 'website', port: 443},
				{name: 'mysql', port: 3306},
			],
			securityGroups: ['sg-old'],
		},
		{id: 'database', kind: 'instance', interfaces: [{subnet: 'app', ip: '10.0.2.10'}], apps: [{name: 'mysql', port: 3306}]},
		{id: 'old-server'},
		{id: 'laptop', kind: 'client', label: "a customer's laptop", interfaces: [{subnet: 'internet', ip: '198.51.100.7'}]},
		{id: 'pc', kind: 'client', interfaces: [{subnet: 'office', ip: '192.168.1.20'}]},
		{
			id: 'r1',
			kind: 'router',
			interfaces: [
				{subnet: 'office', ip: '192.168.1.1'},
				{subnet: 'legacy', ip: '192.168.3.1'},
				{subnet: 'internet', ip: '203.0.113.1'},
			],
			firewall: {forward: {policy: 'allow', rules: [{action: 'deny', protocol: 'tcp', ports: '3306'}]}},
		},
		{
			id: 'gw',
			kind: 'nat',
			interfaces: [
				{subnet: 'servers', ip: '192.168.2.1'},
				{subnet: 'internet', ip: '203.0.113.2'},
			],
			nat: {outside: 'internet', portForwards: [{protocol: 'tcp', port: 8080, toIp: '192.168.2.10', toPort: 8080}]},
		},
		{id: 'docker1', interfaces: [{subnet: 'servers', ip: '192.168.2.10'}]},
	],
	securityGroups: [
		{id: 'sg-web', vpc: 'main', inbound: [{protocol: 'tcp', ports: '22', source: '0.0.0.0/0'}]},
		{id: 'sg-old', vpc: 'main'},
	],
	networkAcls: [
		{
			id: 'acl-public',
			vpc: 'main',
			inbound: [{rule: 200, action: 'deny', protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0'}],
			outbound: [{rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'}],
		},
	],
	dns: [
		{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'},
		{name: 'old.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com'},
	],
	containerNetworks: [
		{id: 'bridge', host: 'docker1', cidr: '172.17.0.0/16', default: true},
		{id: 'appnet', host: 'docker1', cidr: '172.18.0.0/16'},
	],
	containers: [
		{
			id: 'shop',
			host: 'docker1',
			image: 'nginx:1.27',
			networks: [{network: 'bridge', ip: '172.17.0.2'}],
			apps: [{name: 'shop', port: 80}],
			publish: [{hostPort: 8080, containerPort: 80}],
		},
	],
});

import {describe, expect, it} from 'vitest';
import {network, type NetworkInput} from './network.js';
import {validateNetwork} from './validate.js';

/** A valid network touching every kind of entity: a VPC, an office behind a NAT device, a Docker host, DNS. */
function base(): NetworkInput {
	return {
		vpcs: [{id: 'main', cidr: '10.0.0.0/16'}],
		subnets: [
			{id: 'public', cidr: '10.0.1.0/24', vpc: 'main', routeTable: 'rt-public', networkAcl: 'acl-web'},
			{id: 'private', cidr: '10.0.2.0/24', vpc: 'main', routeTable: 'rt-private'},
			{id: 'office', cidr: '192.168.1.0/24', routeTable: 'rt-office'},
			{id: 'dmz', cidr: '192.168.2.0/24'},
		],
		routeTables: [
			{id: 'rt-public', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'igw'}]},
			{id: 'rt-private', vpc: 'main', routes: [{destination: '0.0.0.0/0', target: 'ngw'}]},
			{
				id: 'rt-office',
				routes: [
					{destination: '0.0.0.0/0', target: 'gw'},
					{destination: '192.168.2.0/24', target: '192.168.1.254'},
				],
			},
		],
		internetGateways: [{id: 'igw', vpc: 'main'}],
		natGateways: [{id: 'ngw', subnet: 'public', privateIp: '10.0.1.5', publicIp: '198.51.100.7'}],
		securityGroups: [
			{id: 'sg-web', vpc: 'main', inbound: [{protocol: 'tcp', ports: '443', source: '0.0.0.0/0'}]},
			{id: 'sg-db', vpc: 'main', inbound: [{protocol: 'tcp', ports: '3306', source: 'sg-web'}]},
		],
		networkAcls: [
			{
				id: 'acl-web',
				vpc: 'main',
				inbound: [{rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'}],
				outbound: [{rule: 100, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0'}],
			},
		],
		hosts: [
			{
				id: 'web',
				kind: 'instance',
				interfaces: [{subnet: 'public', ip: '10.0.1.10'}],
				publicIp: '203.0.113.10',
				securityGroups: ['sg-web'],
				apps: [
					{name: 'website', port: 443},
					{name: 'admin', port: 8443, bind: '127.0.0.1'},
				],
			},
			{
				id: 'db',
				kind: 'instance',
				interfaces: [{subnet: 'private', ip: '10.0.2.10'}],
				securityGroups: ['sg-db'],
				// Two different specific addresses on one port do not clash.
				apps: [
					{name: 'mysql', port: 3306, bind: '10.0.2.10'},
					{name: 'mysql-local', port: 3306, bind: '127.0.0.1'},
				],
			},
			{
				id: 'gw',
				kind: 'nat',
				interfaces: [
					{subnet: 'office', ip: '192.168.1.1'},
					{subnet: 'internet', ip: '203.0.113.1'},
				],
				nat: {outside: 'internet', portForwards: [{port: 8080, toIp: '192.168.2.10', toPort: 8080}]},
			},
			{
				id: 'r1',
				kind: 'router',
				interfaces: [
					{subnet: 'office', ip: '192.168.1.254'},
					{subnet: 'dmz', ip: '192.168.2.1'},
				],
			},
			{id: 'docker', interfaces: [{subnet: 'dmz', ip: '192.168.2.10'}], apps: [{name: 'ssh', port: 22}]},
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
		],
		containerNetworks: [
			{id: 'bridge', host: 'docker', cidr: '172.17.0.0/16', default: true},
			{id: 'appnet', host: 'docker', cidr: '172.18.0.0/16'},
		],
		containers: [
			{
				id: 'shop',
				host: 'docker',
				networks: [{network: 'appnet', ip: '172.18.0.2'}],
				apps: [{name: 'shop', port: 80}],
				publish: [{hostPort: 8080, containerPort: 80}],
			},
			{
				id: 'cache',
				host: 'docker',
				networks: [
					{network: 'appnet', ip: '172.18.0.3'},
					{network: 'bridge', ip: '172.17.0.2'},
				],
				apps: [{name: 'redis', port: 6379}],
				// Same host port, other protocol: allowed.
				publish: [{hostPort: 8080, containerPort: 6379, protocol: 'udp'}],
			},
		],
		dns: [
			{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'},
			{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com.'},
		],
	};
}

type Draft = ReturnType<typeof base> & Required<Pick<NetworkInput, 'hosts' | 'subnets' | 'routeTables' | 'containers'>>;

function issuesOf(change: (draft: Draft) => void): {path: readonly (string | number)[]; message: string}[] {
	const draft = structuredClone(base()) as Draft;
	change(draft);
	return validateNetwork(network(draft)).map(({path, message}) => ({path, message}));
}

function at<T>(list: T[] | undefined, position: number): T {
	const item = list?.[position];
	if (item === undefined) throw new Error(`fixture has no item ${position}`);
	return item;
}

type Case = {name: string; change: (draft: Draft) => void; path: (string | number)[]; message: string};

const cases: Case[] = [
	{
		name: 'duplicate id across kinds',
		change: (d) => d.vpcs!.push({id: 'web', cidr: '10.1.0.0/16'}),
		path: ['vpcs', 1, 'id'],
		message: "id 'web' is already used by host #1; ids must be unique across the whole network",
	},
	{
		name: 'the reserved id internet',
		change: (d) => d.internetGateways!.push({id: 'internet'}),
		path: ['internetGateways', 1, 'id'],
		message: "'internet' is reserved for the public internet; give this internet gateway another id",
	},
	{
		name: 'interface in an unknown subnet',
		change: (d) => (at(at(d.hosts, 0).interfaces, 0).subnet = 'pubic'),
		path: ['hosts', 0, 'interfaces', 0, 'subnet'],
		message: "host web names subnet 'pubic', which does not exist",
	},
	{
		name: 'interface naming something that is not a subnet',
		change: (d) => (at(at(d.hosts, 0).interfaces, 0).subnet = 'main'),
		path: ['hosts', 0, 'interfaces', 0, 'subnet'],
		message: "host web names 'main' as a subnet, but 'main' is a VPC",
	},
	{
		name: 'host address outside its subnet',
		change: (d) => (at(at(d.hosts, 0).interfaces, 0).ip = '10.0.3.10'),
		path: ['hosts', 0, 'interfaces', 0, 'ip'],
		message: 'host web: 10.0.3.10 is outside subnet public (10.0.1.0/24); pick an address from 10.0.1.4 to 10.0.1.254',
	},
	{
		name: 'network address',
		change: (d) => (at(at(d.hosts, 0).interfaces, 0).ip = '10.0.1.0'),
		path: ['hosts', 0, 'interfaces', 0, 'ip'],
		message: 'host web: 10.0.1.0 is the network address of subnet public (10.0.1.0/24); a host cannot use it (the first usable address is 10.0.1.4)',
	},
	{
		name: 'cloud broadcast address',
		change: (d) => (at(at(d.hosts, 0).interfaces, 0).ip = '10.0.1.255'),
		path: ['hosts', 0, 'interfaces', 0, 'ip'],
		message: 'host web: 10.0.1.255 is the broadcast address of subnet public (10.0.1.0/24), reserved by the cloud; a host cannot use it',
	},
	{
		name: 'reserved cloud address',
		change: (d) => (at(at(d.hosts, 0).interfaces, 0).ip = '10.0.1.2'),
		path: ['hosts', 0, 'interfaces', 0, 'ip'],
		message:
			'host web: 10.0.1.2 is reserved by the cloud in subnet public (10.0.1.0/24): AWS keeps the first four addresses and the last one (the first usable is 10.0.1.4)',
	},
	{
		name: 'on-premises broadcast address',
		change: (d) => (at(at(d.hosts, 4).interfaces, 0).ip = '192.168.2.255'),
		path: ['hosts', 4, 'interfaces', 0, 'ip'],
		message: 'host docker: 192.168.2.255 is the broadcast address of subnet dmz (192.168.2.0/24); a host cannot use it',
	},
	{
		name: 'two hosts with one address in a subnet',
		change: (d) => d.hosts.push({id: 'web2', interfaces: [{subnet: 'public', ip: '10.0.1.10'}]}),
		path: ['hosts', 6, 'interfaces', 0, 'ip'],
		message: '10.0.1.10 is already used by host web in subnet public; two machines cannot share an address',
	},
	{
		name: 'NAT gateway taking a host address',
		change: (d) => (at(d.natGateways, 0).privateIp = '10.0.1.10'),
		path: ['natGateways', 0, 'privateIp'],
		message: '10.0.1.10 is already used by host web in subnet public; two machines cannot share an address',
	},
	{
		name: 'internet interface with a private address',
		change: (d) => (at(at(d.hosts, 5).interfaces, 0).ip = '10.9.9.9'),
		path: ['hosts', 5, 'interfaces', 0, 'ip'],
		message:
			'host laptop sits on the internet, but 10.9.9.9 is a private address (RFC 1918), which the internet never routes; use a public address such as 203.0.113.10',
	},
	{
		name: 'NAT device whose outside is not one of its interfaces',
		change: (d) => (at(d.hosts, 2).nat = {outside: 'dmz'}),
		path: ['hosts', 2, 'nat', 'outside'],
		message: 'host gw translates out of subnet dmz, but has no interface there; give it an interface on its outside',
	},
	{
		name: 'private public IP',
		change: (d) => (at(d.hosts, 0).publicIp = '172.16.0.9'),
		path: ['hosts', 0, 'publicIp'],
		message:
			'host web has a public IP, but 172.16.0.9 is a private address (RFC 1918), which the internet never routes; use a public address such as 203.0.113.10',
	},
	{
		name: 'public address used twice',
		change: (d) => (at(d.natGateways, 0).publicIp = '203.0.113.10'),
		path: ['natGateways', 0, 'publicIp'],
		message: '203.0.113.10 is already used by host web on the internet; two machines cannot share an address',
	},
	{
		name: 'subnet outside its VPC',
		change: (d) => d.subnets.push({id: 'stray', cidr: '10.1.0.0/24', vpc: 'main'}),
		path: ['subnets', 4, 'cidr'],
		message: "subnet stray (10.1.0.0/24) is not inside VPC main (10.0.0.0/16); a subnet takes its addresses from its VPC's block",
	},
	{
		name: 'overlapping subnets in a VPC (smaller one later)',
		change: (d) => d.subnets.push({id: 'app', cidr: '10.0.4.0/23', vpc: 'main'}, {id: 'api', cidr: '10.0.5.0/24', vpc: 'main'}),
		path: ['subnets', 5, 'cidr'],
		message: '10.0.5.0/24 overlaps subnet app (10.0.4.0/23)',
	},
	{
		name: 'overlapping subnets in a VPC (larger one later)',
		change: (d) => d.subnets.push({id: 'api', cidr: '10.0.5.0/24', vpc: 'main'}, {id: 'app', cidr: '10.0.4.0/23', vpc: 'main'}),
		path: ['subnets', 5, 'cidr'],
		message: '10.0.4.0/23 overlaps subnet api (10.0.5.0/24)',
	},
	{
		name: 'overlapping subnets outside any VPC',
		change: (d) => d.subnets.push({id: 'lab', cidr: '192.168.1.128/25'}),
		path: ['subnets', 4, 'cidr'],
		message: '192.168.1.128/25 overlaps subnet office (192.168.1.0/24)',
	},
	{
		name: 'unknown route table of a subnet',
		change: (d) => (at(d.subnets, 0).routeTable = 'rt-x'),
		path: ['subnets', 0, 'routeTable'],
		message: "subnet public names route table 'rt-x', which does not exist",
	},
	{
		name: 'unknown route table of a router',
		change: (d) => (at(d.hosts, 3).routeTable = 'rt-x'),
		path: ['hosts', 3, 'routeTable'],
		message: "host r1 names route table 'rt-x', which does not exist",
	},
	{
		name: 'unknown network ACL',
		change: (d) => (at(d.subnets, 1).networkAcl = 'acl-x'),
		path: ['subnets', 1, 'networkAcl'],
		message: "subnet private names network ACL 'acl-x', which does not exist",
	},
	{
		name: 'unknown VPC of a subnet',
		change: (d) => d.subnets.push({id: 'lost', cidr: '10.5.0.0/24', vpc: 'nope'}),
		path: ['subnets', 4, 'vpc'],
		message: "subnet lost names VPC 'nope', which does not exist",
	},
	{
		name: 'unknown VPC of a route table',
		change: (d) => (at(d.routeTables, 2).vpc = 'nope'),
		path: ['routeTables', 2, 'vpc'],
		message: "route table rt-office names VPC 'nope', which does not exist",
	},
	{
		name: 'unknown security group',
		change: (d) => at(d.hosts, 0).securityGroups!.push('sg-nope'),
		path: ['hosts', 0, 'securityGroups', 1],
		message: "host web names security group 'sg-nope', which does not exist",
	},
	{
		name: 'security group source that is neither block nor group',
		change: (d) => (at(at(d.securityGroups, 1).inbound, 0).source = '10.0.1.10'),
		path: ['securityGroups', 1, 'inbound', 0, 'source'],
		message:
			"security group sg-db: source '10.0.1.10' is neither a CIDR block like 10.0.0.0/16 nor a security group (for one address write 10.0.1.10/32)",
	},
	{
		name: 'route target that does not exist',
		change: (d) => (at(at(d.routeTables, 0).routes, 0).target = 'igw-x'),
		path: ['routeTables', 0, 'routes', 0, 'target'],
		message:
			"route table rt-public: the route for 0.0.0.0/0 cannot go there: 'igw-x' does not exist; a target is local, blackhole, a router or NAT device (or its address), an internet gateway or a NAT gateway",
	},
	{
		name: 'route target that is an end host',
		change: (d) => (at(at(d.routeTables, 0).routes, 0).target = 'web'),
		path: ['routeTables', 0, 'routes', 0, 'target'],
		message:
			"route table rt-public: the route for 0.0.0.0/0 cannot go there: 'web' is an instance, which does not forward packets (only a router or NAT device does)",
	},
	{
		name: "route target that is an end host's address",
		change: (d) => (at(at(d.routeTables, 2).routes, 1).target = '192.168.2.10'),
		path: ['routeTables', 2, 'routes', 1, 'target'],
		message:
			'route table rt-office: the route for 192.168.2.0/24 cannot go there: 192.168.2.10 belongs to server docker, which does not forward packets (only a router or NAT device does)',
	},
	{
		name: 'route target address nobody has',
		change: (d) => (at(at(d.routeTables, 2).routes, 1).target = '192.168.1.99'),
		path: ['routeTables', 2, 'routes', 1, 'target'],
		message: 'route table rt-office: the route for 192.168.2.0/24 cannot go there: no router has the address 192.168.1.99',
	},
	{
		name: 'route target that is a subnet',
		change: (d) => (at(at(d.routeTables, 0).routes, 0).target = 'private'),
		path: ['routeTables', 0, 'routes', 0, 'target'],
		message: "route table rt-public: the route for 0.0.0.0/0 cannot go there: 'private' is a subnet, not somewhere a packet can be sent",
	},
	{
		name: 'two routes for one destination',
		change: (d) => at(d.routeTables, 2).routes!.push({destination: '0.0.0.0/0', target: 'r1'}),
		path: ['routeTables', 2, 'routes', 2, 'destination'],
		message: 'route table rt-office already has a route for 0.0.0.0/0 (route #1); a table holds one route per destination',
	},
	{
		name: "a route replacing the VPC's local route",
		change: (d) => at(d.routeTables, 1).routes!.push({destination: '10.0.0.0/16', target: 'ngw'}),
		path: ['routeTables', 1, 'routes', 1, 'destination'],
		message: 'route table rt-private cannot replace the local route of VPC main (10.0.0.0/16); it is built in, so route a smaller block instead',
	},
	{
		name: 'local route replaced in a table whose VPC comes from its subnet',
		change: (d) => {
			const table = at(d.routeTables, 0);
			delete table.vpc;
			table.routes!.push({destination: '10.0.0.0/16', target: 'local'});
		},
		path: ['routeTables', 0, 'routes', 1, 'destination'],
		message: 'route table rt-public cannot replace the local route of VPC main (10.0.0.0/16); it is built in, so route a smaller block instead',
	},
	{
		name: 'NAT gateway in an unknown subnet',
		change: (d) => (at(d.natGateways, 0).subnet = 'nowhere'),
		path: ['natGateways', 0, 'subnet'],
		message: "NAT gateway ngw names subnet 'nowhere', which does not exist",
	},
	{
		name: 'NAT gateway address outside its subnet',
		change: (d) => (at(d.natGateways, 0).privateIp = '10.0.2.50'),
		path: ['natGateways', 0, 'privateIp'],
		message: 'NAT gateway ngw: 10.0.2.50 is outside subnet public (10.0.1.0/24); pick an address from 10.0.1.4 to 10.0.1.254',
	},
	{
		name: 'internet gateway attached to an unknown VPC',
		change: (d) => (at(d.internetGateways, 0).vpc = 'nope'),
		path: ['internetGateways', 0, 'vpc'],
		message: "internet gateway igw names VPC 'nope', which does not exist",
	},
	{
		name: 'two internet gateways on one VPC',
		change: (d) => d.internetGateways!.push({id: 'igw-2', vpc: 'main'}),
		path: ['internetGateways', 1, 'vpc'],
		message: 'VPC main already has internet gateway igw; a VPC can have only one',
	},
	{
		name: 'two apps on one port',
		change: (d) => at(d.hosts, 0).apps!.push({name: 'api', port: 443}),
		path: ['hosts', 0, 'apps', 2, 'port'],
		message: 'host web: website already listens on tcp 443 (0.0.0.0), so api cannot (address already in use)',
	},
	{
		name: 'an app on 0.0.0.0 where another binds a specific address',
		change: (d) => at(d.hosts, 1).apps!.push({name: 'mariadb', port: 3306}),
		path: ['hosts', 1, 'apps', 2, 'port'],
		message: 'host db: mysql already listens on tcp 3306 (10.0.2.10), so mariadb cannot (address already in use)',
	},
	{
		name: 'two apps on one port in a container',
		change: (d) => at(d.containers, 0).apps!.push({name: 'nginx', port: 80}),
		path: ['containers', 0, 'apps', 1, 'port'],
		message: 'container shop: shop already listens on tcp 80 (0.0.0.0), so nginx cannot (address already in use)',
	},
	{
		name: 'two publish mappings on one host port',
		change: (d) => at(d.containers, 1).publish!.push({hostPort: 8080, containerPort: 6379}),
		path: ['containers', 1, 'publish', 1, 'hostPort'],
		message: 'tcp 8080 on host docker is already published by container shop; Docker refuses: port is already allocated',
	},
	{
		name: "a publish mapping on a port the host's own app holds",
		change: (d) => at(d.containers, 0).publish!.push({hostPort: 22, containerPort: 80}),
		path: ['containers', 0, 'publish', 1, 'hostPort'],
		message: 'tcp 22 on host docker is already taken by its app ssh; Docker cannot publish it (address already in use)',
	},
	{
		name: 'container network on an unknown host',
		change: (d) => d.containerNetworks!.push({id: 'net3', host: 'ghost', cidr: '172.19.0.0/16'}),
		path: ['containerNetworks', 2, 'host'],
		message: "container network net3 names host 'ghost', which does not exist",
	},
	{
		name: 'container networks overlapping on one host',
		change: (d) => d.containerNetworks!.push({id: 'net3', host: 'docker', cidr: '172.18.5.0/24'}),
		path: ['containerNetworks', 2, 'cidr'],
		message: '172.18.5.0/24 overlaps container network appnet (172.18.0.0/16)',
	},
	{
		name: 'container address outside its network',
		change: (d) => (at(at(d.containers, 0).networks, 0).ip = '172.20.0.2'),
		path: ['containers', 0, 'networks', 0, 'ip'],
		message: 'container shop: 172.20.0.2 is outside container network appnet (172.18.0.0/16); pick an address from 172.18.0.1 to 172.18.255.254',
	},
	{
		name: 'two containers with one address',
		change: (d) => (at(at(d.containers, 1).networks, 0).ip = '172.18.0.2'),
		path: ['containers', 1, 'networks', 0, 'ip'],
		message: '172.18.0.2 is already used by container shop in container network appnet (172.18.0.0/16); two containers cannot share an address',
	},
	{
		name: 'A record holding a name',
		change: (d) => (at(d.dns, 0).value = 'web.example.com'),
		path: ['dns', 0, 'value'],
		message: "the A record for travelbuddy.com must hold an IPv4 address, and 'web.example.com' is not one; to point a name at another name, use a CNAME record",
	},
	{
		name: 'CNAME record holding an address',
		change: (d) => (at(d.dns, 1).value = '203.0.113.10'),
		path: ['dns', 1, 'value'],
		message: "the CNAME record for www.travelbuddy.com must hold a name, and '203.0.113.10' is not one; to point a name at an address, use an A record",
	},
	{
		name: 'CNAME next to another record of the same name',
		change: (d) => d.dns!.push({name: 'WWW.travelbuddy.com.', type: 'A', value: '203.0.113.11'}),
		path: ['dns', 1, 'type'],
		message: 'www.travelbuddy.com already has another record; a name with a CNAME record can have no other record (RFC 1034)',
	},
	{
		name: 'app bound to an address the host does not have',
		change: (d) => (at(at(d.hosts, 0).apps, 0).bind = '203.0.113.10'),
		path: ['hosts', 0, 'apps', 0, 'bind'],
		message:
			'host web: website binds 203.0.113.10, which is not one of its addresses (its addresses are 10.0.1.10); use 0.0.0.0, 127.0.0.1 or its own address',
	},
	{
		name: 'NACL rule number used twice',
		change: (d) => at(d.networkAcls, 0).inbound!.push({rule: 100, action: 'deny', protocol: 'all', cidr: '0.0.0.0/0'}),
		path: ['networkAcls', 0, 'inbound', 1, 'rule'],
		message: 'network ACL acl-web: rule number 100 is used twice in the inbound rules; each rule needs its own number',
	},
	{
		name: 'ports on a rule for every protocol',
		change: (d) => (at(d.hosts, 0).firewall = {input: {policy: 'deny', rules: [{action: 'allow', protocol: 'all', ports: '443'}]}}),
		path: ['hosts', 0, 'firewall', 'input', 'rules', 0, 'ports'],
		message: 'host web (input chain): a rule for protocol all matches every port, so ports 443 means nothing; choose tcp or udp, or drop the ports',
	},
	{
		name: 'a loopback rule on a forward chain',
		change: (d) => (at(d.hosts, 0).firewall = {forward: {policy: 'deny', rules: [{action: 'allow', interface: 'lo'}]}}),
		path: ['hosts', 0, 'firewall', 'forward', 'rules', 0, 'interface'],
		message: 'host web (forward chain): loopback packets never leave the host, so a rule on lo never matches here; put it on input or output',
	},
];

describe('validateNetwork', () => {
	it('finds nothing wrong with a valid network', () => {
		expect(validateNetwork(network(base()))).toEqual([]);
	});

	it.each(cases)('$name', ({change, path, message}) => {
		expect(issuesOf(change)).toEqual([{path, message}]);
	});

	it('does not compare VPC subnets with on-premises ones, nor specific binds with each other', () => {
		expect(
			issuesOf((d) => {
				d.subnets.push({id: 'onprem', cidr: '10.0.1.0/24'});
				at(d.hosts, 0).apps!.push({name: 'dns', port: 443, protocol: 'udp'});
			}),
		).toEqual([]);
	});

	it('reports every problem, not just the first, with the offending value', () => {
		const draft = structuredClone(base()) as Draft;
		at(at(draft.hosts, 0).interfaces, 0).ip = '10.0.3.10';
		at(draft.subnets, 0).routeTable = 'rt-x';
		at(draft.dns, 0).value = 'nowhere';
		const issues = validateNetwork(network(draft));
		expect(issues.map((issue) => issue.path)).toEqual([
			['hosts', 0, 'interfaces', 0, 'ip'],
			['subnets', 0, 'routeTable'],
			['dns', 0, 'value'],
		]);
		expect(issues.map((issue) => issue.value)).toEqual(['10.0.3.10', 'rt-x', 'nowhere']);
	});
});

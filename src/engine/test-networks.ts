import type {NetworkInput} from './network.js';

/**
 * Small networks for the engine's tests, as JSON-shaped input (pass them
 * through `network()`). Each call returns a fresh object, so a test may
 * change its copy freely.
 */

/**
 * TravelBuddy in the cloud: VPC 10.0.0.0/16 with a public subnet (route to
 * the internet gateway, NAT gateway inside) and a private one (default route
 * to the NAT gateway); `web` (public IP, sg-web: 443 from anywhere), `app`
 * (sg-app: 8080 from members of sg-web), `db` (no group); on the internet a
 * customer's `laptop` and an outside `api`.
 */
export function cloudInput(): NetworkInput {
	return {
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '192.0.2.50'}]},
			{id: 'api', kind: 'server', interfaces: [{subnet: 'internet', ip: '198.51.100.7'}], apps: [{name: 'payments-api', port: 443}]},
			{
				id: 'web',
				kind: 'instance',
				interfaces: [{subnet: 'public', ip: '10.0.1.20'}],
				publicIp: '203.0.113.20',
				apps: [{name: 'website', port: 443}],
				securityGroups: ['sg-web'],
			},
			{
				id: 'app',
				kind: 'instance',
				interfaces: [{subnet: 'private', ip: '10.0.2.20'}],
				apps: [{name: 'payment', port: 8080}],
				securityGroups: ['sg-app'],
			},
			{id: 'db', kind: 'instance', interfaces: [{subnet: 'private', ip: '10.0.2.30'}], apps: [{name: 'mysql', port: 3306}]},
		],
		vpcs: [{id: 'vpc-main', cidr: '10.0.0.0/16'}],
		subnets: [
			{id: 'public', cidr: '10.0.1.0/24', vpc: 'vpc-main', routeTable: 'rt-public'},
			{id: 'private', cidr: '10.0.2.0/24', vpc: 'vpc-main', routeTable: 'rt-private'},
		],
		routeTables: [
			{id: 'rt-public', vpc: 'vpc-main', routes: [{destination: '0.0.0.0/0', target: 'igw-1'}]},
			{id: 'rt-private', vpc: 'vpc-main', routes: [{destination: '0.0.0.0/0', target: 'nat-gw-1'}]},
		],
		internetGateways: [{id: 'igw-1', vpc: 'vpc-main'}],
		natGateways: [{id: 'nat-gw-1', subnet: 'public', privateIp: '10.0.1.10', publicIp: '198.51.100.20'}],
		securityGroups: [
			{id: 'sg-web', vpc: 'vpc-main', inbound: [{protocol: 'tcp', ports: '443', source: '0.0.0.0/0'}]},
			{id: 'sg-app', vpc: 'vpc-main', inbound: [{protocol: 'tcp', ports: '8080', source: 'sg-web'}]},
		],
		dns: [{name: 'travelbuddy.com', type: 'A', value: '203.0.113.20'}],
	};
}

/**
 * TravelBuddy's office: router `r1` joins subnets web (10.1.1.0/24), app
 * (10.1.2.0/24) and db (10.1.3.0/24); NAT device `gw` joins the web subnet
 * to the internet (outside 203.0.113.1) and forwards tcp 80 to the web
 * server's 8080. Every subnet's table sends other office subnets to r1;
 * the web subnet sends everything else to gw, the others to r1 (whose own
 * table sends it on to gw).
 */
export function officeInput(): NetworkInput {
	const table = (id: string, defaultTarget: string) => ({
		id,
		routes: [
			{destination: '10.1.0.0/16', target: 'r1'},
			{destination: '0.0.0.0/0', target: defaultTarget},
		],
	});
	return {
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '192.0.2.50'}]},
			{id: 'api', kind: 'server', interfaces: [{subnet: 'internet', ip: '198.51.100.7'}], apps: [{name: 'payments-api', port: 443}]},
			{
				id: 'gw',
				kind: 'nat',
				interfaces: [
					{subnet: 'web', ip: '10.1.1.1'},
					{subnet: 'internet', ip: '203.0.113.1'},
				],
				routeTable: 'rt-gw',
				nat: {outside: 'internet', portForwards: [{protocol: 'tcp', port: 80, toIp: '10.1.1.10', toPort: 8080}]},
			},
			{
				id: 'r1',
				kind: 'router',
				interfaces: [
					{subnet: 'web', ip: '10.1.1.254'},
					{subnet: 'app', ip: '10.1.2.1'},
					{subnet: 'db', ip: '10.1.3.1'},
				],
				routeTable: 'rt-r1',
			},
			{id: 'web1', interfaces: [{subnet: 'web', ip: '10.1.1.10'}], apps: [{name: 'website', port: 8080}]},
			{id: 'app1', interfaces: [{subnet: 'app', ip: '10.1.2.10'}], apps: [{name: 'payment', port: 9090}]},
			{id: 'db1', interfaces: [{subnet: 'db', ip: '10.1.3.10'}], apps: [{name: 'mysql', port: 3306}]},
		],
		subnets: [
			{id: 'web', cidr: '10.1.1.0/24', routeTable: 'rt-web'},
			{id: 'app', cidr: '10.1.2.0/24', routeTable: 'rt-app'},
			{id: 'db', cidr: '10.1.3.0/24', routeTable: 'rt-db'},
		],
		routeTables: [
			table('rt-web', 'gw'),
			table('rt-app', 'r1'),
			table('rt-db', 'r1'),
			{id: 'rt-gw', routes: [{destination: '10.1.0.0/16', target: '10.1.1.254'}]},
			{id: 'rt-r1', routes: [{destination: '0.0.0.0/0', target: '10.1.1.1'}]},
		],
	};
}

/**
 * A Docker host `dock` (public IP 203.0.113.30, in a public VPC subnet)
 * with the default bridge (172.17.0.0/16: `cache` and `worker`), the
 * user-defined network `appnet` (172.18.0.0/16: `web-c` published as
 * 8080:80, `db-c` published only on 127.0.0.1:3306) and `other`
 * (172.19.0.0/16: `lonely`).
 */
export function dockerInput(): NetworkInput {
	return {
		hosts: [
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '192.0.2.50'}]},
			{id: 'api', kind: 'server', interfaces: [{subnet: 'internet', ip: '198.51.100.7'}], apps: [{name: 'payments-api', port: 443}]},
			{
				id: 'dock',
				kind: 'instance',
				interfaces: [{subnet: 'public', ip: '10.0.1.30'}],
				publicIp: '203.0.113.30',
				apps: [{name: 'ssh', port: 22}],
			},
		],
		vpcs: [{id: 'vpc-main', cidr: '10.0.0.0/16'}],
		subnets: [{id: 'public', cidr: '10.0.1.0/24', vpc: 'vpc-main', routeTable: 'rt-public'}],
		routeTables: [{id: 'rt-public', vpc: 'vpc-main', routes: [{destination: '0.0.0.0/0', target: 'igw-1'}]}],
		internetGateways: [{id: 'igw-1', vpc: 'vpc-main'}],
		containerNetworks: [
			{id: 'bridge', host: 'dock', cidr: '172.17.0.0/16', default: true},
			{id: 'appnet', host: 'dock', cidr: '172.18.0.0/16'},
			{id: 'other', host: 'dock', cidr: '172.19.0.0/16'},
		],
		containers: [
			{id: 'cache', host: 'dock', networks: [{network: 'bridge', ip: '172.17.0.2'}], apps: [{name: 'redis', port: 6379}]},
			{id: 'worker', host: 'dock', networks: [{network: 'bridge', ip: '172.17.0.3'}]},
			{
				id: 'web-c',
				host: 'dock',
				networks: [{network: 'appnet', ip: '172.18.0.2'}],
				apps: [{name: 'website', port: 80}],
				publish: [{hostPort: 8080, containerPort: 80}],
			},
			{
				id: 'db-c',
				host: 'dock',
				networks: [{network: 'appnet', ip: '172.18.0.3'}],
				apps: [{name: 'mysql', port: 3306}],
				publish: [{hostPort: 3306, containerPort: 3306, hostIp: '127.0.0.1'}],
			},
			{id: 'lonely', host: 'dock', networks: [{network: 'other', ip: '172.19.0.2'}], apps: [{name: 'website', port: 80}]},
		],
		dns: [{name: 'api.example.com', type: 'A', value: '198.51.100.7'}],
	};
}

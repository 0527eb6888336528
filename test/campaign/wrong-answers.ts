import type {OutcomeCode} from '../../src/engine/outcome.js';

/**
 * Answers to the built-in levels other than the reference solutions, replayed
 * by the campaign suite with each level's own command list:
 * - `WRONG_ANSWERS`: typical mistakes. The grade must be "not solved" with
 *   exactly these goals failing, each with this outcome code (`null`: a state
 *   goal, which has no code). They prove that the goals catch the mistakes
 *   players really make, not only that the reference solution passes.
 * - `REFUSED_ANSWERS`: mistakes the commands refuse before anything changes.
 * - `OTHER_RIGHT_ANSWERS`: correct answers in other words, which must solve.
 */

/** A mistake: commands a player might type, and the goals that must then fail. */
export type WrongAnswer = {
	/** The level id. */
	readonly level: string;
	/** The mistake, in words. */
	readonly mistake: string;
	/** Configuration commands, applied in order to the level's start network. */
	readonly script: readonly string[];
	/** Every failing goal id → the code of its result (`null` for a state goal). */
	readonly fails: Readonly<Record<string, OutcomeCode | null>>;
};

/** A correct answer in other words than the reference solution: it must solve the level too. */
export type OtherRightAnswer = {
	readonly level: string;
	/** How it differs from the reference solution. */
	readonly variant: string;
	readonly script: readonly string[];
};

/**
 * A mistake the command language refuses outright (the network would be
 * impossible, e.g. two overlapping subnets): `script` applies, then `refused`
 * is rejected with a message matching `message`.
 */
export type RefusedAnswer = {
	readonly level: string;
	readonly mistake: string;
	readonly script: readonly string[];
	readonly refused: string;
	readonly message: RegExp;
};

/** The capstone's reference build (its `solution`, checked by the suite), to vary one line at a time. */
export const CAPSTONE_BUILD = [
	'vpc create tb-vpc 10.0.0.0/16',
	'subnet create public-a 10.0.1.0/24 --vpc tb-vpc',
	'subnet create private-app 10.0.2.0/24 --vpc tb-vpc',
	'subnet create private-db 10.0.3.0/24 --vpc tb-vpc',
	'host move web-1 public-a',
	'host move app-1 private-app',
	'host move db-1 private-db',
	'igw create igw-tb',
	'igw attach igw-tb tb-vpc',
	'route-table create rt-public --vpc tb-vpc',
	'route add rt-public 0.0.0.0/0 igw-tb',
	'route-table associate rt-public public-a',
	'eip associate 203.0.113.10 web-1',
	'natgw create natgw-a public-a 203.0.113.20',
	'route-table create rt-private --vpc tb-vpc',
	'route add rt-private 0.0.0.0/0 natgw-a',
	'route-table associate rt-private private-app',
	'sg create sg-web --vpc tb-vpc',
	'sg allow sg-web inbound tcp 443 from 0.0.0.0/0',
	'sg attach sg-web web-1',
	'sg create sg-app --vpc tb-vpc',
	'sg allow sg-app inbound tcp 9090 from sg-web',
	'sg attach sg-app app-1',
	'sg create sg-db --vpc tb-vpc',
	'sg allow sg-db inbound tcp 3306 from sg-app',
	'sg attach sg-db db-1',
] as const;

/** The capstone build with some lines replaced (each key must be a line of the build). */
function capstone(changes: Readonly<Record<string, string>>): string[] {
	for (const line of Object.keys(changes)) {
		if (!(CAPSTONE_BUILD as readonly string[]).includes(line)) throw new Error(`not a line of the capstone build: ${line}`);
	}
	return CAPSTONE_BUILD.map((line) => changes[line] ?? line);
}

/** The wrong answers, level by level. */
export const WRONG_ANSWERS: readonly WrongAnswer[] = [
	// 00-client-server
	{
		level: '00-client-server',
		mistake: 'the API started on the laptop instead of on its server',
		script: ['app add laptop fastapi 8000', 'app bind model-server ollama 0.0.0.0'],
		fails: {api: 'CONNECTION_REFUSED', 'laptop-is-a-client': 'DELIVERED'},
	},
	{
		level: '00-client-server',
		mistake: 'the API on the wrong port',
		script: ['app add api-server fastapi 80', 'app bind model-server ollama 0.0.0.0'],
		fails: {api: 'CONNECTION_REFUSED'},
	},
	{
		level: '00-client-server',
		mistake: 'Ollama left on localhost',
		script: ['app add api-server fastapi 8000'],
		fails: {model: 'BOUND_TO_LOCALHOST'},
	},

	// 01-public-ip
	{
		level: '01-public-ip',
		mistake: 'the wrong public address',
		script: ['host attach web internet 203.0.113.11'],
		fails: {public: 'NO_ROUTE'},
	},
	{
		level: '01-public-ip',
		mistake: 'the server moved onto the internet, leaving the office behind',
		script: ['host move web internet 203.0.113.10'],
		fails: {office: 'HOST_UNREACHABLE'},
	},
	{
		level: '01-public-ip',
		mistake: 'the public address given to the office PC instead of the server',
		script: ['host attach office-pc internet 203.0.113.10'],
		fails: {public: 'CONNECTION_REFUSED'},
	},

	// 02-dns
	{
		level: '02-dns',
		mistake: 'www fixed but the stale private record kept',
		script: ['dns add www.travelbuddy.com A 203.0.113.10'],
		fails: {apex: 'PRIVATE_ADDRESS_UNROUTABLE', 'apex-resolves': null},
	},
	{
		level: '02-dns',
		mistake: 'the A record fixed, www forgotten',
		script: ['dns remove travelbuddy.com', 'dns add travelbuddy.com A 203.0.113.10'],
		fails: {www: 'NXDOMAIN', 'www-resolves': null},
	},
	{
		level: '02-dns',
		mistake: 'www made an alias of the stale private record',
		script: ['dns add www.travelbuddy.com CNAME travelbuddy.com'],
		fails: {apex: 'PRIVATE_ADDRESS_UNROUTABLE', www: 'PRIVATE_ADDRESS_UNROUTABLE', 'apex-resolves': null, 'www-resolves': null},
	},
	// 03-ports
	{
		level: '03-ports',
		mistake: 'https on the wrong port',
		script: ['app remove web website', 'app add web website 80', 'app add web website-https 8443', 'app bind web mysql 127.0.0.1'],
		fails: {https: 'CONNECTION_REFUSED'},
	},
	{
		level: '03-ports',
		mistake: 'the website fixed, MySQL left open to the internet',
		script: ['app remove web website', 'app add web website 80', 'app add web website-https 443'],
		fails: {'db-hidden': 'DELIVERED'},
	},
	{
		level: '03-ports',
		mistake: 'MySQL stopped instead of bound to localhost',
		script: ['app remove web website', 'app add web website 80', 'app add web website-https 443', 'app remove web mysql'],
		fails: {'db-local': 'CONNECTION_REFUSED'},
	},

	// 04-port-mapping
	{
		level: '04-port-mapping',
		mistake: 'the payment mapping to the wrong container port',
		script: ['container unpublish web 80', 'container publish web 80:80', 'container publish payment 9090:9090'],
		fails: {callback: 'CONNECTION_REFUSED'},
	},
	{
		level: '04-port-mapping',
		mistake: 'host and container ports swapped',
		script: ['container unpublish web 80', 'container publish web 8080:80', 'container publish payment 8000:9090'],
		fails: {website: 'PORT_NOT_PUBLISHED', callback: 'CONNECTION_REFUSED'},
	},
	{
		level: '04-port-mapping',
		mistake: 'MySQL mapped too, "to be safe"',
		script: ['container unpublish web 80', 'container publish web 80:80', 'container publish payment 9090:8000', 'container publish mysql 3306:3306'],
		fails: {'db-unmapped': 'DELIVERED'},
	},
	// 05-subnets
	{
		level: '05-subnets',
		mistake: 'a /27 for the app tier: 30 addresses for 50 servers',
		script: [
			'subnet create web 10.0.1.0/24',
			'subnet create app 10.0.2.0/27',
			'subnet create db 10.0.3.0/24',
			'host move web-1 web',
			'host move app-1 app',
			'host move db-1 db',
		],
		fails: {'app-size': null},
	},
	{
		level: '05-subnets',
		mistake: 'the database dropped into the web subnet',
		script: ['subnet create web 10.0.1.0/24', 'subnet create app 10.0.2.0/24', 'host move web-1 web', 'host move app-1 app', 'host move db-1 web'],
		fails: {'db-placed': null, 'db-separated': 'DELIVERED'},
	},
	{
		level: '05-subnets',
		mistake: 'subnets created, servers left in the flat network',
		script: ['subnet create web 10.0.1.0/24', 'subnet create app 10.0.2.0/24', 'subnet create db 10.0.3.0/24'],
		fails: {'web-placed': null, 'app-placed': null, 'db-placed': null, 'db-separated': 'DELIVERED'},
	},

	{
		level: '05-subnets',
		mistake: 'subnets from outside the address plan (another private range, and a public one)',
		script: ['subnet create web 192.168.5.0/24', 'subnet create app 172.16.0.0/24', 'subnet create db 8.8.8.0/24', 'host move web-1 web', 'host move app-1 app', 'host move db-1 db'],
		fails: {'in-plan': null},
	},

	// 06-routing
	{
		level: '06-routing',
		mistake: 'the way there, but no way back',
		script: ['route add rt-web 10.0.2.0/24 via 10.0.1.1'],
		fails: {checkout: 'NO_RETURN_ROUTE', orders: 'NO_ROUTE'},
	},
	{
		level: '06-routing',
		mistake: 'the quarantine replaced by a broad route',
		script: ['route remove rt-web 10.0.0.0/16', 'route add rt-web 10.0.0.0/16 via 10.0.1.1', 'route add rt-app 10.0.0.0/16 via 10.0.2.1'],
		fails: {quarantine: 'DELIVERED'},
	},

	// 07-host-firewall
	{
		level: '07-host-firewall',
		mistake: 'the classic lockout: services allowed, policy deny, but no rule for replies or loopback',
		script: ['firewall append web input allow tcp 80', 'firewall append web input allow tcp 443', 'firewall append web input allow tcp 22 from 192.0.2.0/24', 'firewall policy web input deny'],
		fails: {'site-db': 'DENIED_BY_HOST_FIREWALL', 'charge-cards': 'DENIED_BY_HOST_FIREWALL'},
	},
	{
		level: '07-host-firewall',
		mistake: 'the established rule but not loopback: the site loses its database',
		script: [
			'firewall append web input allow established',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow tcp 22 from 192.0.2.0/24',
			'firewall policy web input deny',
		],
		fails: {'site-db': 'DENIED_BY_HOST_FIREWALL'},
	},
	{
		level: '07-host-firewall',
		mistake: 'replies let in by opening every high port (a stateless rule)',
		script: [
			'firewall append web input allow on lo',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow tcp 22 from 192.0.2.0/24',
			'firewall append web input allow tcp 1024-65535',
			'firewall policy web input deny',
		],
		fails: {customers: 'DELIVERED', office: 'DELIVERED'},
	},
	{
		level: '07-host-firewall',
		mistake: 'replies let in by trusting the payment provider with every port',
		script: [
			'firewall append web input allow on lo',
			'firewall append web input allow all from 198.51.100.50/32',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow tcp 22 from 192.0.2.0/24',
			'firewall policy web input deny',
		],
		fails: {customers: 'DELIVERED'},
	},
	{
		level: '07-host-firewall',
		mistake: 'SSH opened to the whole world',
		script: [
			'firewall append web input allow established',
			'firewall append web input allow on lo',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow tcp 22',
			'firewall policy web input deny',
		],
		fails: {customers: 'DELIVERED', 'no-ssh-guessing': 'DELIVERED'},
	},
	{
		level: '07-host-firewall',
		mistake: 'allow rules without the deny policy',
		script: ['firewall append web input allow tcp 80', 'firewall append web input allow tcp 443', 'firewall append web input allow tcp 22 from 192.0.2.0/24'],
		fails: {customers: 'DELIVERED', office: 'DELIVERED', 'no-ssh-guessing': 'DELIVERED'},
	},
	{
		level: '07-host-firewall',
		mistake: 'a deny-all rule above the allow rules',
		script: [
			'firewall append web input deny all',
			'firewall append web input allow established',
			'firewall append web input allow on lo',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow tcp 22 from 192.0.2.0/24',
		],
		fails: {customers: 'DENIED_BY_HOST_FIREWALL', office: 'DENIED_BY_HOST_FIREWALL', 'site-db': 'DENIED_BY_HOST_FIREWALL', 'charge-cards': 'DENIED_BY_HOST_FIREWALL'},
	},
	{
		level: '07-host-firewall',
		mistake: 'allow everything from 0.0.0.0/0',
		script: ['firewall insert web input 1 allow all from 0.0.0.0/0', 'firewall policy web input deny'],
		fails: {customers: 'DELIVERED', office: 'DELIVERED', 'no-ssh-guessing': 'DELIVERED'},
	},

	// 08-network-firewall
	{
		level: '08-network-firewall',
		mistake: 'default deny without the established rule: every reply dies at r1',
		script: [
			'firewall append r1 forward allow tcp 9090 from 10.0.1.0/24 to 10.0.2.0/24',
			'firewall append r1 forward allow tcp 3306 from 10.0.2.0/24 to 10.0.3.0/24',
			'firewall policy r1 forward deny',
		],
		fails: {'app-to-db': 'DENIED_BY_NETWORK_FIREWALL', checkout: 'DENIED_BY_NETWORK_FIREWALL', 'web-to-app': 'DENIED_BY_NETWORK_FIREWALL'},
	},
	{
		level: '08-network-firewall',
		mistake: 'replies let through by allowing everything from the servers back',
		script: [
			'firewall append r1 forward allow all from 10.0.3.0/24 to 10.0.2.0/24',
			'firewall append r1 forward allow all from 10.0.2.0/24 to 10.0.1.0/24',
			'firewall append r1 forward allow tcp 9090 from 10.0.1.0/24 to 10.0.2.0/24',
			'firewall append r1 forward allow tcp 3306 from 10.0.2.0/24 to 10.0.3.0/24',
			'firewall policy r1 forward deny',
		],
		fails: {'db-to-app': 'CONNECTION_REFUSED'},
	},
	{
		level: '08-network-firewall',
		mistake: 'MySQL allowed from every subnet',
		script: [
			'firewall append r1 forward allow established',
			'firewall append r1 forward allow tcp 9090 from 10.0.1.0/24 to 10.0.2.0/24',
			'firewall append r1 forward allow tcp 3306 to 10.0.3.0/24',
			'firewall policy r1 forward deny',
		],
		fails: {'web-to-db': 'DELIVERED'},
	},
	{
		level: '08-network-firewall',
		mistake: 'the broad deny above the narrow allow',
		script: [
			'firewall append r1 forward allow established',
			'firewall append r1 forward allow tcp 9090 from 10.0.1.0/24 to 10.0.2.0/24',
			'firewall append r1 forward deny all to 10.0.3.0/24',
			'firewall append r1 forward allow tcp 3306 from 10.0.2.0/24 to 10.0.3.0/24',
			'firewall policy r1 forward deny',
		],
		fails: {'app-to-db': 'DENIED_BY_NETWORK_FIREWALL'},
	},
	{
		level: '08-network-firewall',
		mistake: 'only the path to the database closed, the rest left open (no default deny)',
		script: ['firewall append r1 forward allow tcp 3306 from 10.0.2.0/24 to 10.0.3.0/24', 'firewall append r1 forward deny all to 10.0.3.0/24'],
		fails: {'web-to-app': 'CONNECTION_REFUSED', 'db-to-app': 'CONNECTION_REFUSED', 'db-to-web': 'CONNECTION_REFUSED'},
	},
	{
		level: '08-network-firewall',
		mistake: 'a host firewall on the database instead of the network firewall',
		script: ['firewall append db-1 input allow tcp 3306 from 10.0.2.0/24', 'firewall policy db-1 input deny'],
		fails: {'web-to-app': 'CONNECTION_REFUSED', 'db-to-app': 'CONNECTION_REFUSED', 'db-to-web': 'CONNECTION_REFUSED'},
	},

	// 09-nat
	{
		level: '09-nat',
		mistake: 'a route to nat-1 but no NAT: private sources on the internet',
		script: ['route add rt-backend 0.0.0.0/0 via 10.0.2.1'],
		fails: {'pay-1': 'PRIVATE_ADDRESS_UNROUTABLE', 'pay-2': 'PRIVATE_ADDRESS_UNROUTABLE', 'no-way-in': 'CONNECTION_REFUSED'},
	},
	{
		level: '09-nat',
		mistake: 'NAT enabled, but no route leads to it',
		script: ['nat enable nat-1 internet'],
		fails: {'pay-1': 'NO_ROUTE', 'pay-2': 'NO_ROUTE'},
	},
	{
		level: '09-nat',
		mistake: 'a port forward that opens a backend server to the internet',
		script: ['route add rt-backend 0.0.0.0/0 via 10.0.2.1', 'nat enable nat-1 internet', 'nat forward nat-1 tcp 9090 10.0.2.11:9090'],
		fails: {'no-way-in': 'DELIVERED'},
	},
	{
		level: '09-nat',
		mistake: 'a public address on a backend server instead of NAT',
		script: ['route add rt-backend 0.0.0.0/0 via 10.0.2.1', 'nat enable nat-1 internet', 'host attach backend-1 internet 203.0.113.21'],
		fails: {'pay-1': 'DELIVERED', 'backend-hidden': 'DELIVERED'},
	},
	// 10-vpc
	{
		level: '10-vpc',
		mistake: 'private-app created outside the VPC (no --vpc)',
		script: [
			'vpc create tb-vpc 10.0.0.0/16',
			'subnet create public-a 10.0.1.0/24 --vpc tb-vpc',
			'subnet create private-app 10.0.2.0/24',
			'host move web-1 public-a',
			'host move app-1 private-app',
		],
		fails: {'private-app-in-vpc': null, 'local-route': 'HOST_UNREACHABLE'},
	},
	{
		level: '10-vpc',
		mistake: 'both instances in the public subnet',
		script: ['vpc create tb-vpc 10.0.0.0/16', 'subnet create public-a 10.0.1.0/24 --vpc tb-vpc', 'host move web-1 public-a', 'host move app-1 public-a'],
		fails: {'private-app-in-vpc': null, 'app-placed': null},
	},
	{
		level: '10-vpc',
		mistake: 'app-1 put straight on the internet',
		script: [
			'vpc create tb-vpc 10.0.0.0/16',
			'subnet create public-a 10.0.1.0/24 --vpc tb-vpc',
			'subnet create private-app 10.0.2.0/24 --vpc tb-vpc',
			'host move web-1 public-a',
			'host move app-1 internet 203.0.113.30',
		],
		fails: {'app-placed': null, 'local-route': 'NO_ROUTE', 'private-space': 'DELIVERED'},
	},

	// 11-cloud-subnets
	{
		level: '11-cloud-subnets',
		mistake: 'a /28 for 12 databases: 16 addresses, but AWS keeps 5',
		script: [
			'subnet create private-app 10.0.2.0/26 --vpc tb-vpc',
			'subnet create private-db 10.0.3.0/28 --vpc tb-vpc',
			'host move app-1 private-app',
			'host move db-1 private-db',
		],
		fails: {'db-size': null},
	},
	{
		level: '11-cloud-subnets',
		mistake: 'a /27 for 50 backend servers',
		script: [
			'subnet create private-app 10.0.2.0/27 --vpc tb-vpc',
			'subnet create private-db 10.0.3.0/27 --vpc tb-vpc',
			'host move app-1 private-app',
			'host move db-1 private-db',
		],
		fails: {'app-size': null},
	},
	{
		level: '11-cloud-subnets',
		mistake: 'private-db left out of the VPC',
		script: [
			'subnet create private-app 10.0.2.0/26 --vpc tb-vpc',
			'subnet create private-db 10.0.3.0/27',
			'host move app-1 private-app',
			'host move db-1 private-db',
		],
		fails: {'db-in-vpc': null, orders: 'HOST_UNREACHABLE'},
	},

	// 12-route-tables
	{
		level: '12-route-tables',
		mistake: "db-1's public IP removed, the subnets still public",
		script: ['host public-ip db-1 none'],
		fails: {'app-private': null, 'db-private': null},
	},
	{
		level: '12-route-tables',
		mistake: 'the internet route removed for everyone',
		script: ['route remove rt-main 0.0.0.0/0', 'host public-ip db-1 none'],
		fails: {site: 'NO_RETURN_ROUTE', 'public-a-public': null},
	},
	{
		level: '12-route-tables',
		mistake: 'private route table, but db-1 keeps its public IP',
		script: ['route-table create rt-private --vpc tb-vpc', 'route-table associate rt-private private-app', 'route-table associate rt-private private-db'],
		fails: {'db-unreachable': 'CONNECTION_REFUSED'},
	},

	// 13-internet-gateway
	{
		level: '13-internet-gateway',
		mistake: 'no elastic IP on web-1',
		script: ['igw create igw-tb', 'igw attach igw-tb tb-vpc', 'route add rt-public 0.0.0.0/0 igw-tb'],
		fails: {site: 'NO_ROUTE'},
	},
	{
		level: '13-internet-gateway',
		mistake: 'the private route table sent to the internet gateway too',
		script: [
			'igw create igw-tb',
			'igw attach igw-tb tb-vpc',
			'route add rt-public 0.0.0.0/0 igw-tb',
			'route add rt-private 0.0.0.0/0 igw-tb',
			'eip associate 203.0.113.10 web-1',
		],
		fails: {'app-private': null},
	},
	{
		level: '13-internet-gateway',
		mistake: 'the elastic IP on the wrong instance',
		script: ['igw create igw-tb', 'igw attach igw-tb tb-vpc', 'route add rt-public 0.0.0.0/0 igw-tb', 'eip associate 203.0.113.10 app-1'],
		fails: {site: 'CONNECTION_REFUSED', 'app-unreachable': 'CONNECTION_REFUSED'},
	},

	// 14-nat-gateway
	{
		level: '14-nat-gateway',
		mistake: 'the NAT gateway in the private subnet',
		script: ['natgw create natgw-a private-app 203.0.113.20', 'route add rt-private 0.0.0.0/0 natgw-a'],
		fails: {pay: 'LOOP'},
	},
	{
		level: '14-nat-gateway',
		mistake: 'the private subnet routed to the internet gateway',
		script: ['route add rt-private 0.0.0.0/0 igw-tb'],
		fails: {pay: 'NO_PUBLIC_IP', 'no-way-in': 'NO_ROUTE', 'app-private': null},
	},
	{
		level: '14-nat-gateway',
		mistake: 'a NAT gateway nobody routes to',
		script: ['natgw create natgw-a public-a 203.0.113.20'],
		fails: {pay: 'NO_ROUTE'},
	},

	// 15-security-groups
	{
		level: '15-security-groups',
		mistake: 'sg-open left on the database',
		script: [
			'sg allow sg-web inbound tcp 80 from 0.0.0.0/0',
			'sg allow sg-web inbound tcp 443 from 0.0.0.0/0',
			'sg allow sg-app inbound tcp 9090 from sg-web',
			'sg allow sg-db inbound tcp 3306 from sg-app',
			'sg detach sg-open web-1',
			'sg detach sg-open app-1',
		],
		fails: {orders: 'DELIVERED', 'web-not-db': 'DELIVERED'},
	},
	{
		level: '15-security-groups',
		mistake: "the app tier opened to its own subnet instead of sg-web",
		script: [
			'sg allow sg-web inbound tcp 80 from 0.0.0.0/0',
			'sg allow sg-web inbound tcp 443 from 0.0.0.0/0',
			'sg allow sg-app inbound tcp 9090 from 10.0.2.0/24',
			'sg allow sg-db inbound tcp 3306 from sg-app',
			'sg detach sg-open web-1',
			'sg detach sg-open app-1',
			'sg detach sg-open db-1',
		],
		fails: {checkout: 'DENIED_BY_SECURITY_GROUP'},
	},
	{
		level: '15-security-groups',
		mistake: 'MySQL allowed from anywhere',
		script: [
			'sg allow sg-web inbound tcp 80 from 0.0.0.0/0',
			'sg allow sg-web inbound tcp 443 from 0.0.0.0/0',
			'sg allow sg-app inbound tcp 9090 from sg-web',
			'sg allow sg-db inbound tcp 3306 from 0.0.0.0/0',
			'sg detach sg-open web-1',
			'sg detach sg-open app-1',
			'sg detach sg-open db-1',
		],
		fails: {'web-not-db': 'DELIVERED'},
	},
	{
		level: '15-security-groups',
		mistake: 'everything allowed into sg-web',
		script: [
			'sg allow sg-web inbound all from 0.0.0.0/0',
			'sg allow sg-app inbound tcp 9090 from sg-web',
			'sg allow sg-db inbound tcp 3306 from sg-app',
			'sg detach sg-open web-1',
			'sg detach sg-open app-1',
			'sg detach sg-open db-1',
		],
		fails: {customers: 'DELIVERED'},
	},

	// 16-nacl
	{
		level: '16-nacl',
		mistake: 'the botnet denied, the replies still dropped',
		script: ['nacl add nacl-public inbound 90 deny all 198.51.100.128/25'],
		fails: {booking: 'REPLY_DENIED_BY_NACL'},
	},
	{
		level: '16-nacl',
		mistake: 'the deny rule numbered after the allow rule',
		script: ['nacl add nacl-public outbound 110 allow tcp 1024-65535 0.0.0.0/0', 'nacl add nacl-public inbound 200 deny all 198.51.100.128/25'],
		fails: {botnet: 'DELIVERED'},
	},
	{
		level: '16-nacl',
		mistake: 'the ephemeral ports allowed inbound instead of outbound',
		script: ['nacl add nacl-public inbound 110 allow tcp 1024-65535 0.0.0.0/0', 'nacl add nacl-public inbound 90 deny all 198.51.100.128/25'],
		fails: {booking: 'REPLY_DENIED_BY_NACL'},
	},

	// 17-containers-publish
	{
		level: '17-containers-publish',
		mistake: 'a host firewall rule instead of changing the mapping',
		script: ['container publish web 443:443', 'firewall insert docker-host input 1 deny tcp 3306'],
		// Inserted at the top, the rule also drops the host's own 127.0.0.1:3306 before the lo rule accepts it.
		fails: {'db-hidden': 'DELIVERED', 'only-web': 'DELIVERED', backup: 'DENIED_BY_HOST_FIREWALL'},
	},
	{
		level: '17-containers-publish',
		mistake: 'MySQL unpublished: the backup job loses it',
		script: ['container publish web 443:443', 'container unpublish mysql 3306'],
		fails: {backup: 'PORT_NOT_PUBLISHED'},
	},
	{
		level: '17-containers-publish',
		mistake: 'https opened in the host firewall instead of published',
		script: ['firewall insert docker-host input 1 allow tcp 443', 'container unpublish mysql 3306', 'container publish mysql 127.0.0.1:3306:3306'],
		fails: {https: 'PORT_NOT_PUBLISHED', 'only-web': 'PORT_NOT_PUBLISHED'},
	},

	// 18-container-dns
	{
		level: '18-container-dns',
		mistake: 'one network for all three containers',
		script: [
			'container-network create tb-net docker-host 172.18.0.0/16',
			'container connect web tb-net',
			'container connect payment tb-net',
			'container connect mysql tb-net',
			'container disconnect mysql bridge',
		],
		fails: {'web-not-db': 'DELIVERED'},
	},
	{
		level: '18-container-dns',
		mistake: 'mysql left on the default bridge too',
		script: [
			'container-network create tb-front docker-host 172.18.0.0/16',
			'container-network create tb-back docker-host 172.19.0.0/16',
			'container connect web tb-front',
			'container connect payment tb-front',
			'container connect payment tb-back',
			'container connect mysql tb-back',
		],
		fails: {'web-not-db': 'DELIVERED', 'bridge-not-db': 'DELIVERED'},
	},
	{
		level: '18-container-dns',
		mistake: 'web taken off the default bridge instead of mysql',
		script: [
			'container-network create tb-front docker-host 172.18.0.0/16',
			'container-network create tb-back docker-host 172.19.0.0/16',
			'container connect web tb-front',
			'container connect payment tb-front',
			'container connect payment tb-back',
			'container connect mysql tb-back',
			'container disconnect web bridge',
		],
		fails: {'bridge-not-db': 'DELIVERED'},
	},
	{
		level: '18-container-dns',
		mistake: 'payment only on the front network',
		script: [
			'container-network create tb-front docker-host 172.18.0.0/16',
			'container-network create tb-back docker-host 172.19.0.0/16',
			'container connect web tb-front',
			'container connect payment tb-front',
			'container connect mysql tb-back',
			'container disconnect mysql bridge',
		],
		fails: {orders: 'NXDOMAIN'},
	},
	// 19-capstone
	{
		level: '19-capstone',
		mistake: 'the NAT gateway in the private subnet',
		script: capstone({'natgw create natgw-a public-a 203.0.113.20': 'natgw create natgw-a private-app 203.0.113.20'}),
		fails: {pay: 'LOOP'},
	},
	{
		level: '19-capstone',
		mistake: 'the private subnet on the public route table',
		script: capstone({'route-table associate rt-private private-app': 'route-table associate rt-public private-app'}),
		fails: {pay: 'NO_PUBLIC_IP', 'app-private': null},
	},
	{
		level: '19-capstone',
		mistake: 'MySQL opened to the whole VPC block',
		script: capstone({'sg allow sg-db inbound tcp 3306 from sg-app': 'sg allow sg-db inbound tcp 3306 from 10.0.0.0/16'}),
		fails: {'web-not-db': 'DELIVERED'},
	},
	{
		level: '19-capstone',
		mistake: 'everything allowed into sg-web',
		script: capstone({'sg allow sg-web inbound tcp 443 from 0.0.0.0/0': 'sg allow sg-web inbound all from 0.0.0.0/0'}),
		fails: {customers: 'CONNECTION_REFUSED'},
	},
	// 20-wrong-next-hop (troubleshooting): the start's fault is detected, the plausible wrong fixes rejected
	{level: '20-wrong-next-hop', mistake: 'the broken network as it starts', script: [], fails: {checkout: 'NO_ROUTE', 'checkout-2': 'NO_ROUTE'}},
	{
		level: '20-wrong-next-hop',
		mistake: 'a wider route through r1 added, the dead one left: the longer prefix still wins',
		script: ['route add rt-web 10.0.0.0/16 via 10.0.1.1'],
		fails: {checkout: 'NO_ROUTE', 'checkout-2': 'NO_ROUTE', 'web-no-db': 'DELIVERED'},
	},
	{
		level: '20-wrong-next-hop',
		mistake: 'the dead route replaced by one for the whole 10.0.0.0/16: the web tier now reaches the database',
		script: ['route remove rt-web 10.0.2.0/24', 'route add rt-web 10.0.0.0/16 via 10.0.1.1'],
		fails: {'web-no-db': 'DELIVERED'},
	},
	{
		level: '20-wrong-next-hop',
		mistake: 'a host route for app-1 only: the second payment server stays unreachable',
		script: ['route add rt-web 10.0.2.10/32 via 10.0.1.1'],
		fails: {'checkout-2': 'NO_ROUTE'},
	},
	// 21-db-localhost (troubleshooting)
	{level: '21-db-localhost', mistake: 'the broken network as it starts', script: [], fails: {orders: 'BOUND_TO_LOCALHOST'}},
	{
		level: '21-db-localhost',
		mistake: 'the firewall opened to everyone, as the night shift wanted: MySQL still listens on 127.0.0.1',
		script: ['firewall insert db-1 input 1 allow tcp 3306'],
		fails: {orders: 'BOUND_TO_LOCALHOST'},
	},
	{
		level: '21-db-localhost',
		mistake: 'the right bind, and the firewall policy opened too',
		script: ['app bind db-1 mysql 0.0.0.0', 'firewall policy db-1 input allow'],
		fails: {'web-no-db': 'DELIVERED'},
	},
	{
		level: '21-db-localhost',
		mistake: 'bound to the LAN address only: the backup job on 127.0.0.1 loses MySQL',
		script: ['app bind db-1 mysql 10.0.2.20'],
		fails: {backup: 'CONNECTION_REFUSED'},
	},
	// 22-nacl-return (troubleshooting)
	{level: '22-nacl-return', mistake: 'the broken network as it starts', script: [], fails: {orders: 'REPLY_DENIED_BY_NACL', 'app-db-only': 'REPLY_DENIED_BY_NACL'}},
	{
		level: '22-nacl-return',
		mistake: 'the ephemeral ports allowed in the wrong direction (inbound)',
		script: ['nacl add nacl-db inbound 110 allow tcp 1024-65535 10.0.2.0/24'],
		fails: {orders: 'REPLY_DENIED_BY_NACL', 'app-db-only': 'REPLY_DENIED_BY_NACL'},
	},
	{
		level: '22-nacl-return',
		mistake: 'the ACL opened both ways for everyone: the web tier reaches MySQL through the old wide security group',
		script: ['nacl add nacl-db inbound 90 allow all 0.0.0.0/0', 'nacl add nacl-db outbound 90 allow all 0.0.0.0/0'],
		fails: {'web-no-db': 'DELIVERED'},
	},
	// 23-natgw-private (troubleshooting)
	{level: '23-natgw-private', mistake: 'the broken network as it starts', script: [], fails: {pay: 'LOOP'}},
	{
		level: '23-natgw-private',
		mistake: 'the private subnet sent straight to the internet gateway',
		script: ['route remove rt-private 0.0.0.0/0', 'route add rt-private 0.0.0.0/0 igw-tb'],
		fails: {pay: 'NO_PUBLIC_IP', 'app-private': null},
	},
	{
		level: '23-natgw-private',
		mistake: 'a second NAT gateway in the public subnet with another address: the provider refuses it',
		script: ['natgw create natgw-b public-a 203.0.113.21', 'route remove rt-private 0.0.0.0/0', 'route add rt-private 0.0.0.0/0 natgw-b'],
		fails: {pay: 'DENIED_BY_HOST_FIREWALL'},
	},
	// 24-stale-dns (troubleshooting)
	{level: '24-stale-dns', mistake: 'the broken network as it starts', script: [], fails: {search: 'HOST_UNREACHABLE', mobile: 'HOST_UNREACHABLE', 'search-resolves': null}},
	{
		level: '24-stale-dns',
		mistake: "only the mobile app's alias re-pointed at search-2: the website's name still leads to the old box",
		script: ['dns remove api.travelbuddy.internal', 'dns add api.travelbuddy.internal A 10.0.2.31'],
		fails: {search: 'HOST_UNREACHABLE', 'search-resolves': null},
	},
	{
		level: '24-stale-dns',
		mistake: "the record re-pointed at the database's address, a machine that exists, but whose firewall keeps the web tier out",
		script: ['dns remove search.travelbuddy.internal', 'dns add search.travelbuddy.internal A 10.0.2.20'],
		fails: {search: 'DENIED_BY_HOST_FIREWALL', mobile: 'DENIED_BY_HOST_FIREWALL', 'search-resolves': null},
	},
	{
		level: '24-stale-dns',
		mistake: "the search record removed and the alias pointed at the database's name",
		script: ['dns remove search.travelbuddy.internal', 'dns remove api.travelbuddy.internal', 'dns add api.travelbuddy.internal CNAME db.travelbuddy.internal'],
		fails: {search: 'NXDOMAIN', mobile: 'DENIED_BY_HOST_FIREWALL', 'search-resolves': null},
	},
];

/** Mistakes the commands refuse before the network changes. */
export const REFUSED_ANSWERS: readonly RefusedAnswer[] = [
	// Class 1 of issue 12: configuring the test clients instead of the servers. Outside hosts refuse every change.
	{
		level: '07-host-firewall',
		mistake: "output rules on the customer's laptop instead of web's input chain",
		script: [],
		refused: 'firewall append customer output deny tcp 22',
		message: /customer \(a customer's laptop at home\) is not TravelBuddy's machine, so you cannot configure it — protect the servers you run instead \(web\)/,
	},
	{
		level: '07-host-firewall',
		mistake: "a deny policy on the admin's laptop",
		script: [],
		refused: 'firewall policy admin output deny',
		message: /admin .* is not TravelBuddy's machine/,
	},
	{
		level: '17-containers-publish',
		mistake: "the customer's laptop told not to send to 3306",
		script: [],
		refused: 'firewall append customer output deny tcp 3306',
		message: /customer .* is not TravelBuddy's machine/,
	},
	{
		level: '15-security-groups',
		mistake: 'a security group attached to the customer',
		script: ['sg create sg-block --vpc tb-vpc'],
		refused: 'sg attach sg-block customer',
		message: /customer .* is not TravelBuddy's machine, so you cannot configure it — protect the servers you run instead \(web-1, app-1, db-1\)/,
	},
	{
		level: '09-nat',
		mistake: "the customer's laptop moved behind nat-1",
		script: [],
		refused: 'host attach customer backend 10.0.2.50',
		message: /customer .* is not TravelBuddy's machine, so you cannot configure it — protect the servers you run instead \(nat-1, backend-1, backend-2\)/,
	},
	{
		level: '07-host-firewall',
		mistake: 'a reject policy, which iptables does not have (-P takes ACCEPT or DROP)',
		script: ['firewall append web input allow established'],
		refused: 'firewall policy web input reject',
		message: /policy is allow or deny only.*firewall append web input reject/,
	},
	{
		level: '06-routing',
		mistake: "the wrong gateway: r1's address in another subnet",
		script: [],
		refused: 'route add rt-web 10.0.2.0/24 via 10.0.2.1',
		message: /10\.0\.2\.1 is not in a subnet that uses rt-web \(web 10\.0\.1\.0\/24\): a next hop must be reachable directly/,
	},
	{
		level: '13-internet-gateway',
		mistake: 'a route to the internet gateway before it is attached to the VPC',
		script: ['igw create igw-tb'],
		refused: 'route add rt-public 0.0.0.0/0 igw-tb',
		message: /igw-tb is not attached to tb-vpc \(nor to any VPC\): attach it first with igw attach igw-tb tb-vpc/,
	},
	{
		level: '01-public-ip',
		mistake: 'a private address on the internet',
		script: [],
		refused: 'host attach web internet 192.168.1.10',
		message: /private address/,
	},
	{
		level: '05-subnets',
		mistake: 'an app subnet that overlaps the flat network still in use',
		script: [],
		refused: 'subnet create app 10.0.0.0/23',
		message: /overlaps subnet flat/,
	},
	{
		level: '04-port-mapping',
		mistake: 'two containers on one front-desk number',
		script: [],
		refused: 'container publish payment 80:8000',
		message: /already published by container web/,
	},
	{
		level: '10-vpc',
		mistake: 'a VPC subnet outside the VPC block',
		script: ['vpc create tb-vpc 10.0.0.0/16'],
		refused: 'subnet create private-app 10.1.2.0/24 --vpc tb-vpc',
		message: /not inside VPC tb-vpc/,
	},
	{
		level: '11-cloud-subnets',
		mistake: 'a subnet overlapping public-a',
		script: [],
		refused: 'subnet create private-app 10.0.1.128/25 --vpc tb-vpc',
		message: /overlaps subnet public-a/,
	},
	{
		level: '11-cloud-subnets',
		mistake: 'an address AWS reserves',
		script: ['subnet create private-app 10.0.2.0/26 --vpc tb-vpc'],
		refused: 'host move app-1 private-app 10.0.2.1',
		message: /reserved/,
	},
	{
		level: '14-nat-gateway',
		mistake: 'a private address as the elastic IP',
		script: [],
		refused: 'natgw create natgw-a public-a 10.0.1.50',
		message: /not a public address/,
	},
];

/**
 * Right answers that differ from the reference solution: the goals check
 * what the network does, never what was typed, so these solve the level too.
 */
export const OTHER_RIGHT_ANSWERS: readonly OtherRightAnswer[] = [
	{
		level: '02-dns',
		variant: 'www as a second A record instead of a CNAME',
		script: ['dns remove travelbuddy.com', 'dns add travelbuddy.com A 203.0.113.10', 'dns add www.travelbuddy.com A 203.0.113.10'],
	},
	{
		level: '05-subnets',
		variant: 'smaller blocks that are still big enough, and the flat network deleted',
		script: [
			'subnet create web 10.0.1.0/26',
			'subnet create app 10.0.2.0/26',
			'subnet create db 10.0.3.0/28',
			'host move web-1 web',
			'host move app-1 app',
			'host move db-1 db',
			'subnet delete flat',
		],
	},
	{
		level: '06-routing',
		variant: 'routes naming the router, and two narrow return routes',
		script: ['route add rt-web 10.0.2.0/24 r1', 'route add rt-app 10.0.1.0/24 r1', 'route add rt-app 10.0.3.0/24 r1'],
	},
	{
		level: '07-host-firewall',
		variant: 'the deny policy set first, the conntrack rule inserted on top',
		script: [
			'firewall policy web input deny',
			'firewall append web input allow tcp 22 from 192.0.2.0/24',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow all on lo',
			'firewall insert web input 1 allow established',
		],
	},
	{
		level: '07-host-firewall',
		variant: 'the chain ends with a reject rule instead of a deny policy (refused, not timed out)',
		script: [
			'firewall append web input allow established',
			'firewall append web input allow on lo',
			'firewall append web input allow tcp 80',
			'firewall append web input allow tcp 443',
			'firewall append web input allow tcp 22 from 192.0.2.0/24',
			'firewall append web input reject',
		],
	},
	{
		level: '08-network-firewall',
		variant: 'the conntrack rule inserted on top last, and a reject rule closing the chain',
		script: [
			'firewall append r1 forward allow tcp 3306 from 10.0.2.0/24 to 10.0.3.0/24',
			'firewall append r1 forward allow tcp 9090 from 10.0.1.0/24 to 10.0.2.0/24',
			'firewall append r1 forward reject',
			'firewall insert r1 forward 1 allow established',
		],
	},
	{
		level: '09-nat',
		variant: 'NAT first, the route by the router\'s name',
		script: ['nat enable nat-1 internet', 'route add rt-backend 0.0.0.0/0 nat-1'],
	},
	{
		level: '12-route-tables',
		variant: 'a new public route table, the main one left without an internet route',
		script: [
			'route remove rt-main 0.0.0.0/0',
			'route-table create rt-public --vpc tb-vpc',
			'route add rt-public 0.0.0.0/0 igw-tb',
			'route-table associate rt-public public-a',
			'host public-ip db-1 none',
		],
	},
	{
		level: '13-internet-gateway',
		variant: 'host public-ip instead of eip associate',
		script: ['igw create igw-tb', 'igw attach igw-tb tb-vpc', 'route add rt-public 0.0.0.0/0 igw-tb', 'host public-ip web-1 203.0.113.10'],
	},
	{
		level: '15-security-groups',
		variant: 'sources by subnet block instead of by group',
		script: [
			'sg allow sg-web inbound tcp 80 from 0.0.0.0/0',
			'sg allow sg-web inbound tcp 443 from 0.0.0.0/0',
			'sg allow sg-app inbound tcp 9090 from 10.0.1.0/24',
			'sg allow sg-db inbound tcp 3306 from 10.0.2.0/24',
			'sg detach sg-open web-1',
			'sg detach sg-open app-1',
			'sg detach sg-open db-1',
		],
	},
	{
		level: '16-nacl',
		variant: 'the botnet denied on 443 only, all outbound allowed',
		script: ['nacl add nacl-public inbound 50 deny tcp 443 198.51.100.128/25', 'nacl add nacl-public outbound 200 allow all 0.0.0.0/0'],
	},
	{
		level: '18-container-dns',
		variant: 'payment taken off the default bridge too',
		script: [
			'container-network create tb-front docker-host 172.18.0.0/16',
			'container-network create tb-back docker-host 172.19.0.0/16',
			'container connect web tb-front',
			'container connect payment tb-front',
			'container connect payment tb-back',
			'container connect mysql tb-back',
			'container disconnect mysql bridge',
			'container disconnect payment bridge',
		],
	},
	{
		level: '20-wrong-next-hop',
		variant: 'the route through r1 by name instead of its address',
		script: ['route remove rt-web 10.0.2.0/24', 'route add rt-web 10.0.2.0/24 via r1'],
	},
	{
		level: '24-stale-dns',
		variant: 'only the A record removed (by type), then the new address',
		script: ['dns remove search.travelbuddy.internal A', 'dns add search.travelbuddy.internal A 10.0.2.31'],
	},
	{
		level: '24-stale-dns',
		variant: "a name for the new machine, and the service's name made an alias of it",
		script: ['dns add search-2.travelbuddy.internal A 10.0.2.31', 'dns remove search.travelbuddy.internal', 'dns add search.travelbuddy.internal CNAME search-2.travelbuddy.internal'],
	},
	{
		level: '22-nacl-return',
		variant: 'every port allowed out of the subnet (the inbound rules still keep the web tier out)',
		script: ['nacl add nacl-db outbound 110 allow all 0.0.0.0/0'],
	},
];

import {describe, expect, it} from 'vitest';
import {network, type Network} from '../engine/network.js';
import {apply, parse} from './index.js';
import {newIssues} from './apply.js';
import {frozenDemo, mustParse} from './test-support.js';

/** What configuration commands do to a network — and what they refuse, leaving it untouched. */

/** Applies lines in order on the (frozen) demo network; throws on the first refusal. */
function run(...lines: string[]): Network {
	let current = frozenDemo();
	for (const line of lines) {
		const result = apply(current, mustParse(line));
		if (!result.ok) throw new Error(`${line}: ${result.error.message}`);
		current = result.network;
	}
	return current;
}

/** The refusal of the last line (the earlier ones must apply). */
function refusal(...lines: string[]) {
	const last = lines.pop()!;
	const before = run(...lines);
	const snapshot = structuredClone(before);
	const result = apply(before, mustParse(last));
	expect(before).toEqual(snapshot);
	if (result.ok) throw new Error(`${last} was applied: ${result.summary}`);
	return {...result.error, pointsAt: last.slice(result.error.start, result.error.end)};
}

function realWorld(line: string, ...setup: string[]): readonly string[] {
	const result = apply(run(...setup), mustParse(line));
	if (!result.ok) throw new Error(result.error.message);
	return result.realWorld;
}

const host = (net: Network, id: string) => net.hosts.find((item) => item.id === id)!;

describe('refusals from the engine validator', () => {
	it('refuses an overlapping subnet with the engine\'s message, changing nothing', () => {
		const error = refusal('subnet create db 10.0.2.128/25 --vpc main');
		expect(error.message).toBe('10.0.2.128/25 overlaps subnet app (10.0.2.0/24) — nothing was changed');
		expect(error.pointsAt).toBe('subnet create db 10.0.2.128/25 --vpc main');
	});

	it('refuses a subnet outside its VPC', () => {
		expect(refusal('subnet create db 10.5.0.0/24 --vpc main').message).toMatch(/not inside VPC main \(10\.0\.0\.0\/16\)/);
	});

	it('refuses a second app on a port in use', () => {
		expect(refusal('app add web other 443').message).toMatch(/website already listens on tcp 443/);
	});

	it('refuses a host port Docker has already allocated', () => {
		expect(refusal('container run c2 docker1 --publish 8080:80').message).toMatch(/port is already allocated/);
	});

	it('does not blame a command for problems the network already had', () => {
		const broken = network({subnets: [{id: 'a', cidr: '10.0.0.0/24'}, {id: 'b', cidr: '10.0.0.0/25'}]});
		const result = apply(broken, mustParse('dns add travelbuddy.com A 203.0.113.10'));
		expect(result.ok).toBe(true);
	});

	it('compares issues by path and message, ignoring shifted indices', () => {
		const old = [{path: ['hosts', 3, 'ip'], message: 'x is wrong'}];
		expect(newIssues(old, [{path: ['hosts', 2, 'ip'], message: 'x is wrong'}])).toEqual([]);
		expect(newIssues(old, [{path: ['hosts', 2, 'ip'], message: 'y is wrong'}])).toHaveLength(1);
	});
});

describe('apply', () => {
	it('refuses commands that do not change the network', () => {
		expect(apply(frozenDemo(), mustParse('show routes'))).toMatchObject({ok: false, error: {message: 'show does not change the network'}});
	});
});

describe('hosts', () => {
	it('moves a host to the first free address, skipping the five AWS reserves in a VPC subnet', () => {
		expect(host(run('host move web app'), 'web').interfaces).toEqual([{subnet: 'app', ip: '10.0.2.4'}]);
		expect(host(run('host move web app', 'host create api --kind instance', 'host move api app'), 'api').interfaces[0]!.ip).toBe('10.0.2.5');
	});

	it('on premises, the first free address follows the network address', () => {
		expect(host(run('host create nas', 'host move nas office'), 'nas').interfaces).toEqual([{subnet: 'office', ip: '192.168.1.2'}]);
	});

	it('takes a chosen address and explains why one cannot be used', () => {
		expect(host(run('host move web app 10.0.2.77'), 'web').interfaces[0]!.ip).toBe('10.0.2.77');
		expect(refusal('host move web app 10.0.2.2')).toMatchObject({message: expect.stringMatching(/reserved by AWS/), pointsAt: '10.0.2.2'});
		expect(refusal('host move web app 10.0.2.255').message).toMatch(/broadcast address/);
		expect(refusal('host move web app 10.0.3.5').message).toMatch(/not inside subnet app/);
		expect(refusal('host move web app 10.0.2.10').message).toMatch(/10\.0\.2\.10 is already used by/);
	});

	it('puts a host on the internet only with a public address', () => {
		expect(refusal('host move web internet').message).toMatch(/needs its public address/);
		expect(refusal('host move web internet 10.1.1.1').message).toMatch(/private address/);
		expect(host(run('host move web internet 203.0.113.99'), 'web').interfaces[0]).toEqual({subnet: 'internet', ip: '203.0.113.99'});
	});

	it('attaches and detaches extra interfaces (routers join subnets)', () => {
		const attached = run('host attach r1 servers');
		expect(host(attached, 'r1').interfaces.at(-1)).toEqual({subnet: 'servers', ip: '192.168.2.2'});
		expect(refusal('host attach r1 office').message).toBe('r1 already has an interface in office');
		expect(host(run('host detach r1 legacy'), 'r1').interfaces.map((face) => face.subnet)).toEqual(['office', 'internet']);
		expect(refusal('host detach web office').message).toBe('web has no interface in office');
	});

	it('gives and takes public IPs, never a private or taken one', () => {
		expect(host(run('eip associate 203.0.113.10 web'), 'web').publicIp).toBe('203.0.113.10');
		expect(host(run('host public-ip web 203.0.113.10', 'host public-ip web none'), 'web').publicIp).toBeUndefined();
		expect(refusal('host public-ip web 203.0.113.20').message).toBe('203.0.113.20 already belongs to nat-1');
		expect(refusal('host public-ip web none').message).toBe('web has no public IP');
		expect(parse('host public-ip web 10.0.0.9')).toMatchObject({ok: false, error: {message: expect.stringMatching(/private address \(RFC 1918\)/)}});
		expect(parse('host public-ip web 100.64.0.9')).toMatchObject({ok: false, error: {message: expect.stringMatching(/carrier-grade NAT \(RFC 6598\)/)}});
	});

	it('creates hosts with the kind asked for, and deletes them', () => {
		expect(host(run('host create edge --kind router'), 'edge')).toMatchObject({kind: 'router', interfaces: [], apps: []});
		expect(run('host delete old-server').hosts.some((item) => item.id === 'old-server')).toBe(false);
		expect(refusal('host delete r1').message).toMatch(/r1/);
	});
});

describe('apps', () => {
	it('adds, binds and removes apps on hosts and containers', () => {
		expect(host(run('app add web dns 53/udp --bind 127.0.0.1'), 'web').apps.at(-1)).toEqual({name: 'dns', port: 53, protocol: 'udp', bind: '127.0.0.1'});
		expect(host(run('app bind web mysql 127.0.0.1'), 'web').apps[1]).toMatchObject({name: 'mysql', bind: '127.0.0.1'});
		expect(host(run('app remove web mysql'), 'web').apps.map((app) => app.name)).toEqual(['website']);
		expect(run('app add shop admin 8081').containers[0]!.apps.map((app) => app.name)).toEqual(['shop', 'admin']);
		expect(refusal('app add web website 8443').message).toBe(
			'web already runs an app named website (on tcp/443): give this one its own name, like website-8443, or change that one with app remove',
		);
		expect(refusal('container publish shop 8080:8080').message).toMatch(/: unpublish it first with container unpublish shop 8080$/);
		expect(refusal('app bind web mysql 0.0.0.0').message).toBe('mysql already listens on 0.0.0.0');
	});
});

describe('routes', () => {
	it('adds routes to gateways, routers, addresses and the special targets', () => {
		const tables = run('route add rt-private 0.0.0.0/0 nat-1', 'route add rt-office 10.50.0.0/16 via 192.168.1.1', 'route add rt-office 10.66.0.0/16 blackhole').routeTables;
		expect(tables.find((table) => table.id === 'rt-private')!.routes).toEqual([{destination: '0.0.0.0/0', target: 'nat-1'}]);
		expect(tables.find((table) => table.id === 'rt-office')!.routes.slice(1)).toEqual([
			{destination: '10.50.0.0/16', target: '192.168.1.1'},
			{destination: '10.66.0.0/16', target: 'blackhole'},
		]);
	});

	it('refuses a gateway of another network, as AWS does, pointing at the target', () => {
		expect(refusal('route add rt-private 10.40.0.0/16 igw-lab')).toMatchObject({
			message: 'igw-lab is not attached to main (nor to any VPC): attach it first with igw attach igw-lab main',
			pointsAt: 'igw-lab',
		});
		expect(refusal('igw attach igw-lab lab', 'route add rt-private 10.40.0.0/16 igw-lab').message).toBe(
			"igw-lab is attached to VPC lab, not to main: a route table can use only its own VPC's gateway",
		);
		expect(refusal('route add rt-office 0.0.0.0/8 igw-1').message).toBe('igw-1 is an internet gateway: only a VPC route table can send traffic to it');
		expect(refusal('route add rt-office 10.40.0.0/16 nat-1').message).toBe('nat-1 lives in VPC main, so a route table of no VPC cannot use it');
	});

	it('refuses an on-premises next hop outside the subnets that use the table', () => {
		expect(refusal('route add rt-office 10.70.0.0/16 via 192.168.2.1')).toMatchObject({
			message: `192.168.2.1 is not in a subnet that uses rt-office (office 192.168.1.0/24): a next hop must be reachable directly — Linux refuses it too ("Nexthop has invalid gateway")`,
			pointsAt: '192.168.2.1',
		});
	});

	it('refuses a second route for the same block, and removing one that is not there', () => {
		expect(refusal('route add rt-public 0.0.0.0/0 nat-1')).toMatchObject({
			message: 'rt-public already has a route for 0.0.0.0/0 (to igw-1) — remove it first with route remove rt-public 0.0.0.0/0',
			pointsAt: '0.0.0.0/0',
		});
		expect(refusal('route remove rt-public 10.8.0.0/16').message).toBe('rt-public has no route for 10.8.0.0/16 (routes: 0.0.0.0/0, 10.9.0.0/16)');
	});

	it('checks names when the command was parsed without a network', () => {
		expect(refusal('route add rt-public 10.0.0.0/8 nowhere').message).toMatch(/no route target named 'nowhere'/);
	});

	it('associates tables with subnets and routers', () => {
		expect(run('route-table associate rt-private app').subnets.find((subnet) => subnet.id === 'app')!.routeTable).toBe('rt-private');
		expect(host(run('route-table create rt-r1', 'route-table associate rt-r1 r1'), 'r1').routeTable).toBe('rt-r1');
		expect(refusal('route-table associate rt-public public').message).toBe('public already uses route table rt-public');
	});
});

describe('firewalls', () => {
	it('inserts at a position (1-based), appends, removes and sets the policy', () => {
		const net = run('firewall append web input deny tcp 3306', 'firewall insert web input allow tcp 443', 'firewall insert web input 2 allow tcp 80 from 10.0.0.0/16');
		expect(host(net, 'web').firewall!.input).toEqual({
			policy: 'allow',
			rules: [
				{action: 'allow', protocol: 'tcp', ports: '443'},
				{action: 'allow', protocol: 'tcp', ports: '80', source: '10.0.0.0/16'},
				{action: 'deny', protocol: 'tcp', ports: '3306'},
			],
		});
		expect(host(run('firewall policy web output deny'), 'web').firewall!.output).toEqual({policy: 'deny', rules: []});
		expect(host(run('firewall remove r1 forward 1'), 'r1').firewall!.forward!.rules).toEqual([]);
	});

	it('refuses positions outside the chain and the forward chain on an end host', () => {
		expect(refusal('firewall insert web input 2 allow').message).toBe('web input has 0 rules: a new rule can go at 1–1');
		expect(refusal('firewall remove r1 forward 2')).toMatchObject({message: 'r1 forward has 1 rule: pick 1–1', pointsAt: '2'});
		expect(refusal('firewall remove web input 1').message).toBe('web input has no rules');
		expect(refusal('firewall append web forward deny').message).toMatch(/forward chain filters packets a router passes on, and web is a instance/);
		expect(refusal('firewall policy web input allow').message).toBe('web input already has policy allow');
	});

	it('writes the conntrack rule, the loopback rule and reject rules', () => {
		const net = run('firewall append web input allow established', 'firewall append web input allow on lo', 'firewall append web input reject tcp 23');
		expect(host(net, 'web').firewall!.input!.rules).toEqual([
			{action: 'allow', protocol: 'all', state: 'established'},
			{action: 'allow', protocol: 'all', interface: 'lo'},
			{action: 'reject', protocol: 'tcp', ports: '23'},
		]);
	});

	// iptables(8): -P takes ACCEPT or DROP only, and loopback traffic never reaches FORWARD.
	it('refuses a reject policy and lo on the forward chain, saying what to do instead', () => {
		expect(refusal('firewall policy web input reject').message).toMatch(/policy is allow or deny only \(iptables -P takes ACCEPT or DROP\).*firewall append web input reject/);
		expect(refusal('firewall append r1 forward allow on lo').message).toMatch(/on lo belongs on the input or output chain/);
	});
});

describe('NAT', () => {
	it('turns a router into a NAT device and forwards ports', () => {
		expect(host(run('nat enable r1 internet'), 'r1')).toMatchObject({kind: 'nat', nat: {outside: 'internet', portForwards: []}});
		expect(host(run('nat forward gw udp 53 192.168.2.10:53'), 'gw').nat!.portForwards.at(-1)).toEqual({protocol: 'udp', port: 53, toIp: '192.168.2.10', toPort: 53});
		expect(host(run('nat disable gw'), 'gw').kind).toBe('router');
		expect(host(run('nat disable gw'), 'gw').nat).toBeUndefined();
	});

	it('explains what is missing', () => {
		expect(refusal('nat forward r1 tcp 443 192.168.1.20:443').message).toBe('r1 is not a NAT device yet: nat enable r1 <outside-subnet> first');
		expect(refusal('nat enable r1 servers').message).toMatch(/r1 has no interface in servers: attach it first/);
		expect(refusal('nat forward gw tcp 8080 192.168.2.10:80').message).toBe('gw already forwards tcp/8080 to 192.168.2.10:8080');
		expect(refusal('nat unforward gw udp 8080').message).toBe('gw does not forward udp/8080');
	});
});

describe('the cloud', () => {
	it('creates a NAT gateway at the first free address of its subnet', () => {
		expect(run('natgw create nat-2 public 203.0.113.21').natGateways.at(-1)).toEqual({id: 'nat-2', subnet: 'public', privateIp: '10.0.1.5', publicIp: '203.0.113.21'});
		expect(refusal('natgw create nat-2 office 203.0.113.21').message).toMatch(/office is not in a VPC/);
		expect(parse('natgw create nat-2 public 10.0.0.1')).toMatchObject({ok: false, error: {message: expect.stringMatching(/not a public address/)}});
		expect(refusal('route add rt-private 0.0.0.0/0 nat-1', 'natgw delete nat-1').message).toMatch(/rt-private still sends traffic to nat-1/);
	});

	// AWS VPC user guide, "VPC CIDR blocks" / "Subnet sizing": /16 to /28, else InvalidVpc.Range / InvalidSubnet.Range.
	it('keeps VPC and VPC subnet blocks between /16 and /28, as AWS does', () => {
		expect(parse('vpc create big 172.16.0.0/12')).toMatchObject({ok: false, error: {message: expect.stringMatching(/^InvalidVpc\.Range: 172\.16\.0\.0\/12 is too large/)}});
		expect(parse('vpc create tiny 172.16.0.0/29')).toMatchObject({ok: false, error: {message: expect.stringMatching(/^InvalidVpc\.Range: .* too small/)}});
		expect(run('vpc create staging 172.16.0.0/16').vpcs.at(-1)).toEqual({id: 'staging', cidr: '172.16.0.0/16'});
		expect(refusal('subnet create tiny 10.0.8.0/29 --vpc main').message).toMatch(/^InvalidSubnet\.Range: 10\.0\.8\.0\/29 is too small/);
		expect(run('subnet create small 10.0.8.0/28 --vpc main').subnets.at(-1)).toMatchObject({id: 'small', cidr: '10.0.8.0/28', vpc: 'main'});
		// Outside AWS a Linux subnet may be any size: a /30 point-to-point link is fine on premises.
		expect(run('subnet create link 192.168.77.0/30').subnets.at(-1)).toMatchObject({id: 'link', cidr: '192.168.77.0/30'});
	});

	it('attaches one internet gateway per VPC', () => {
		expect(run('igw attach igw-lab lab').internetGateways.find((gateway) => gateway.id === 'igw-lab')!.vpc).toBe('lab');
		expect(refusal('igw attach igw-lab main').message).toBe('VPC main already has internet gateway igw-1: a VPC has at most one');
		expect(refusal('igw attach igw-1 lab').message).toMatch(/igw-1 is attached to main; detach it first/);
		expect(run('igw detach igw-1').internetGateways[0]).toEqual({id: 'igw-1'});
	});

	it('keeps security group rules as allow rules, from CIDR blocks or groups', () => {
		const group = run('sg allow sg-web inbound tcp 3306 from sg-old', 'sg allow sg-web outbound udp 53 to 10.0.0.0/16', 'sg revoke sg-web inbound tcp 22-22 from 0.0.0.0/0').securityGroups[0]!;
		expect(group.inbound).toEqual([{protocol: 'tcp', ports: '3306', source: 'sg-old'}]);
		expect(group.outbound).toEqual([
			{protocol: 'all', destination: '0.0.0.0/0'},
			{protocol: 'udp', ports: '53', destination: '10.0.0.0/16'},
		]);
		expect(run('sg create sg-api --vpc main').securityGroups.at(-1)).toEqual({id: 'sg-api', vpc: 'main', inbound: [], outbound: [{protocol: 'all', destination: '0.0.0.0/0'}]});
		expect(refusal('sg allow sg-web inbound tcp 22 from 0.0.0.0/0').message).toBe('sg-web already allows inbound tcp 22 from 0.0.0.0/0');
		expect(refusal('sg revoke sg-web inbound tcp 443 from 0.0.0.0/0').message).toBe('sg-web has no rule inbound tcp 443 from 0.0.0.0/0');
		expect(host(run('sg attach sg-web web'), 'web').securityGroups).toEqual(['sg-old', 'sg-web']);
		expect(refusal('sg detach sg-web web').message).toBe('web is not in sg-web');
	});

	it('numbers network ACL rules and refuses a number in use', () => {
		const acl = run('nacl add acl-public inbound 100 allow tcp 443 0.0.0.0/0', 'nacl add acl-public outbound 110 allow tcp 1024-65535 0.0.0.0/0').networkAcls[0]!;
		expect(acl.inbound).toContainEqual({rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'});
		expect(acl.outbound).toContainEqual({rule: 110, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0'});
		expect(refusal('nacl add acl-public inbound 200 allow tcp 22 0.0.0.0/0')).toMatchObject({
			message: 'acl-public already has inbound rule 200 (200 deny tcp 22 0.0.0.0/0); pick another number or remove it',
			pointsAt: '200',
		});
		expect(refusal('nacl remove acl-public outbound 300').message).toBe('acl-public has no outbound rule 300 (rules: 100)');
		expect(run('nacl associate acl-public app').subnets.find((subnet) => subnet.id === 'app')!.networkAcl).toBe('acl-public');
	});
});

describe('DNS', () => {
	it('adds and removes records, case-insensitively', () => {
		expect(run('dns add API.TravelBuddy.com. A 203.0.113.30').dns.at(-1)).toEqual({name: 'api.travelbuddy.com', type: 'A', value: '203.0.113.30'});
		expect(run('dns remove TRAVELBUDDY.com A').dns).toEqual([{name: 'old.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com'}]);
	});

	it('keeps a CNAME the only record of its name', () => {
		expect(refusal('dns add old.travelbuddy.com A 203.0.113.9').message).toMatch(/already has a CNAME record \(travelbuddy\.com\); a CNAME must be the only record/);
		expect(refusal('dns add travelbuddy.com CNAME www.example.com').message).toMatch(/already has a A record/);
		expect(refusal('dns add travelbuddy.com A 203.0.113.11').message).toBe('travelbuddy.com already has an A record (203.0.113.10); remove it first with dns remove travelbuddy.com A');
		expect(refusal('dns remove travelbudy.com')).toMatchObject({message: 'there is no DNS record for travelbudy.com — did you mean travelbuddy.com?', suggestion: 'travelbuddy.com'});
	});
});

describe('containers', () => {
	it('runs containers on the default bridge or a named network, at the next free address', () => {
		const net = run('container run a docker1', 'container run b docker1 --network appnet --publish 127.0.0.1:6379:6379', 'container run c docker1 --network appnet');
		expect(net.containers.slice(1).map((container) => container.networks)).toEqual([
			[{network: 'bridge', ip: '172.17.0.3'}],
			[{network: 'appnet', ip: '172.18.0.2'}],
			[{network: 'appnet', ip: '172.18.0.3'}],
		]);
		expect(net.containers[2]!.publish).toEqual([{hostIp: '127.0.0.1', hostPort: 6379, containerPort: 6379, protocol: 'tcp'}]);
	});

	it('refuses a host without a default bridge and a network of another host', () => {
		expect(refusal('container run a web').message).toMatch(/web has no default bridge network/);
		expect(refusal('container run a docker1 --ip 172.17.0.9')).toMatchObject({message: expect.stringMatching(/only on a user-defined network/), pointsAt: '172.17.0.9'});
		expect(run('container run a docker1 --network appnet --ip 172.18.0.9').containers.at(-1)!.networks).toEqual([{network: 'appnet', ip: '172.18.0.9'}]);
		expect(refusal('container-network create other web 172.30.0.0/16', 'container run a docker1 --network other').message).toBe('container network other is on web, not on docker1');
	});

	it('publishes, unpublishes, connects and disconnects', () => {
		expect(run('container publish shop 53:53/udp').containers[0]!.publish.at(-1)).toEqual({hostIp: '0.0.0.0', hostPort: 53, containerPort: 53, protocol: 'udp'});
		expect(refusal('container unpublish shop 8080/udp').message).toBe('shop does not publish udp port 8080 (it publishes 8080:80)');
		expect(run('container connect shop appnet', 'container disconnect shop bridge').containers[0]!.networks).toEqual([{network: 'appnet', ip: '172.18.0.2'}]);
		expect(refusal('container connect shop bridge').message).toBe('shop is already on bridge');
	});
});

describe('real-world equivalents', () => {
	it.each([
		['route add rt-office 10.50.0.0/16 via 192.168.1.1', [], 'ip route add 10.50.0.0/16 via 192.168.1.1'],
		['route add rt-office 10.60.0.0/16 r1', [], 'ip route add 10.60.0.0/16 via 192.168.1.1   # r1'],
		['route add rt-private 0.0.0.0/0 nat-1', [], 'aws ec2 create-route --route-table-id rt-private --destination-cidr-block 0.0.0.0/0 --nat-gateway-id nat-1'],
		['route add rt-private 10.7.0.0/16 igw-1', [], 'aws ec2 create-route --route-table-id rt-private --destination-cidr-block 10.7.0.0/16 --gateway-id igw-1'],
		['firewall insert web input 1 allow tcp 443 from 0.0.0.0/0', [], 'iptables -I INPUT 1 -p tcp --dport 443 -s 0.0.0.0/0 -j ACCEPT'],
		['firewall append r1 forward deny tcp 1024-65535 to 10.0.0.0/8', [], 'iptables -A FORWARD -p tcp --dport 1024:65535 -d 10.0.0.0/8 -j DROP'],
		// iptables-extensions(8): conntrack --ctstate, REJECT; iptables(8): -i/-o name an interface.
		['firewall append web input allow established', [], 'iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'],
		['firewall insert r1 forward 1 allow established', [], 'iptables -I FORWARD 1 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'],
		['firewall append web input allow on lo', [], 'iptables -A INPUT -i lo -j ACCEPT'],
		['firewall append web output allow on lo', [], 'iptables -A OUTPUT -o lo -j ACCEPT'],
		['firewall append web input reject tcp 23', [], 'iptables -A INPUT -p tcp --dport 23 -j REJECT'],
		['firewall policy web input deny', [], 'iptables -P INPUT DROP   # careful: no ESTABLISHED rule yet, so replies (and an SSH session) on INPUT are dropped from now on'],
		['firewall policy web input deny', ['firewall append web input allow established'], 'iptables -P INPUT DROP'],
		['container run web2 docker1 --image nginx --publish 8081:80', [], 'docker run -d --name web2 -p 8081:80 nginx'],
		['dns add api.travelbuddy.com A 203.0.113.10', [], 'api.travelbuddy.com. 300 IN A 203.0.113.10'],
		['sg allow sg-web inbound tcp 443 from 0.0.0.0/0', [], 'aws ec2 authorize-security-group-ingress --group-id sg-web --protocol tcp --port 443 --cidr 0.0.0.0/0'],
		['sg allow sg-web inbound tcp 3306 from sg-old', [], 'aws ec2 authorize-security-group-ingress --group-id sg-web --protocol tcp --port 3306 --source-group sg-old'],
		[
			'sg allow sg-web outbound tcp 3306 to sg-old',
			[],
			"aws ec2 authorize-security-group-egress --group-id sg-web --ip-permissions 'IpProtocol=tcp,FromPort=3306,ToPort=3306,UserIdGroupPairs=[{GroupId=sg-old}]'",
		],
		[
			'nacl add acl-public outbound 120 allow tcp 1024-65535 0.0.0.0/0',
			[],
			'aws ec2 create-network-acl-entry --network-acl-id acl-public --egress --rule-number 120 --protocol tcp --port-range From=1024,To=65535 --cidr-block 0.0.0.0/0 --rule-action allow',
		],
		['app add database fastapi 8000', [], 'uvicorn main:app --host 0.0.0.0 --port 8000   # FastAPI'],
		['app add database ollama 11434 --bind 127.0.0.1', [], 'OLLAMA_HOST=127.0.0.1:11434 ollama serve'],
		['app bind database mysql 127.0.0.1', [], 'mysqld --bind-address=127.0.0.1 --port=3306'],
		['app add database cache 6000', [], 'python3 -m http.server 6000 --bind 0.0.0.0   # any server: cache listens on tcp/6000'],
		['nat forward gw tcp 443 192.168.2.10:443', [], 'iptables -t nat -A PREROUTING -i eth1 -p tcp --dport 443 -j DNAT --to-destination 192.168.2.10:443'],
	] as const)('%s', (line, setup, expected) => {
		expect(realWorld(line, ...setup)).toContain(expected);
	});
});

describe('security groups belong to a VPC', () => {
	const oneVpc = network({
		vpcs: [{id: 'tb-vpc', cidr: '10.0.0.0/16'}],
		subnets: [{id: 'public-a', cidr: '10.0.1.0/24', vpc: 'tb-vpc'}],
		hosts: [{id: 'web-1', kind: 'instance', interfaces: [{subnet: 'public-a', ip: '10.0.1.10'}]}],
	});

	it('takes the only VPC when --vpc is left out, and says so', () => {
		const result = apply(oneVpc, mustParse('sg create sg-web'));
		if (!result.ok) throw new Error(result.error.message);
		expect(result.network.securityGroups[0]?.vpc).toBe('tb-vpc');
		expect(result.summary).toBe('Created security group sg-web in VPC tb-vpc (inbound: nothing allowed yet).');
		expect(result.realWorld).toEqual(["aws ec2 create-security-group --group-name sg-web --description 'sg-web' --vpc-id tb-vpc"]);
	});

	it('refuses to attach a group of another VPC', () => {
		expect(refusal('sg create sg-lab --vpc lab', 'sg attach sg-lab web').message).toBe(
			'sg-lab belongs to VPC lab but web is in VPC main: a security group works only inside its own VPC',
		);
	});
});

describe('on-premises subnets', () => {
	it('explain the address plan, without claiming an address for a router that may not exist', () => {
		expect(realWorld('subnet create lab-net 192.168.5.0/24')).toEqual([
			'# 192.168.5.0/24: 254 host addresses, 192.168.5.1–192.168.5.254',
			'ip addr add <address>/24 dev eth0   # on each machine you put in it',
		]);
	});
});

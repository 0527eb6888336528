import {describe, expect, it} from 'vitest';
import {DEMO_NETWORK, parse} from './index.js';
import type {CommandError} from './types.js';

/**
 * Bad input of each kind gives the error it should — a value, never a throw
 * — pointing at the offending word (`start`/`end`), with the nearest valid
 * word when there is one.
 */

type Case = {
	readonly text: string;
	readonly message: RegExp;
	/** The text the error points at (end exclusive); '' means the caret sits at the end of the line. */
	readonly at: string;
	readonly suggestion?: string;
	readonly withNetwork?: boolean;
};

const cases: Case[] = [
	{text: '', message: /type a command/, at: ''},
	{text: 'rout add rt-public 0.0.0.0/0 igw-1', message: /unknown command 'rout' — did you mean 'route'\?/, at: 'rout', suggestion: 'route'},
	{text: 'frobnicate', message: /unknown command 'frobnicate' — type help/, at: 'frobnicate'},
	{text: 'route', message: /'route' needs one of: add, remove/, at: ''},
	{text: 'route ad rt-public 0.0.0.0/0 igw-1', message: /did you mean 'route add'\?/, at: 'ad', suggestion: 'add'},
	{text: 'subnet create db 10.0.3.1/24', message: /has host bits set — did you mean 10\.0\.3\.0\/24\?/, at: '10.0.3.1/24', suggestion: '10.0.3.0/24'},
	{text: 'subnet create db 10.0.3.0', message: /needs a prefix length/, at: '10.0.3.0'},
	{text: 'subnet create db 10.0.3.0/33', message: /not a CIDR block/, at: '10.0.3.0/33'},
	{text: 'subnet create db 010.0.3.0/24', message: /not a CIDR block/, at: '010.0.3.0/24'},
	{text: 'subnet create d@b 10.0.3.0/24', message: /not a valid id/, at: 'd@b'},
	{text: 'host move web app 10.0.2.300', message: /'10\.0\.2\.300' is not an IPv4 address/, at: '10.0.2.300'},
	{text: 'app bind web mysql localhost', message: /'localhost' is a name: here, write its address, 127\.0\.0\.1/, at: 'localhost', suggestion: '127.0.0.1'},
	{text: 'sg allow sg-web inbound tcp 443 from anywhere', message: /anywhere is 0\.0\.0\.0\/0/, at: 'anywhere', suggestion: '0.0.0.0/0', withNetwork: true},
	{text: 'app add web api 70000', message: /'70000' is not a port/, at: '70000'},
	{text: 'app add web api 0', message: /'0' is not a port/, at: '0'},
	{text: 'app add web dns 53/icmp', message: /optionally followed by \/tcp or \/udp/, at: '53/icmp'},
	{text: 'firewall insert web input allow tcp 2000-1000', message: /not a port or range \(the first port must not be larger/, at: '2000-1000'},
	{text: 'firewall insert web input allow tcp 1-70000', message: /ports run from 1 to 65535/, at: '1-70000'},
	{text: 'firewall insert web input allow 443', message: /a port needs a protocol/, at: '443'},
	{text: 'firewall insert web input allow all 443', message: /a port needs a protocol/, at: '443'},
	{text: 'firewall insert web inptu allow', message: /expected input\|output\|forward, not 'inptu' — did you mean 'input'\?/, at: 'inptu', suggestion: 'input'},
	{text: 'firewall insert web input 1 alow tcp 443', message: /did you mean 'allow'\?/, at: 'alow', suggestion: 'allow'},
	{text: 'firewall insert web input 0 allow', message: /not a rule position/, at: '0'},
	{text: 'firewall insert web input allow tcp 443 fromm 10.0.0.0/8', message: /unexpected 'fromm' — did you mean 'from'\?/, at: 'fromm', suggestion: 'from'},
	{text: 'firewall insert web input allow tcp 443 from', message: /needs <cidr> after 'from'/, at: ''},
	{text: 'sg allow sg-web inbound tcp 443 to 0.0.0.0/0', message: /an inbound rule names where traffic comes from: write from/, at: 'to', suggestion: 'from'},
	{text: 'sg allow sg-web outbound tcp 443 from 0.0.0.0/0', message: /write to/, at: 'from', suggestion: 'to'},
	{text: 'sg allow sg-web inbound all 443 from 0.0.0.0/0', message: /leave the port out/, at: '443'},
	{text: 'sg allow sg-web inbound tcp 443 from 10.0.0.1', message: /needs a prefix length/, at: '10.0.0.1'},
	{text: 'nacl add acl-public inbound 40000 allow tcp 443 0.0.0.0/0', message: /not a rule number: expected a whole number from 1 to 32766/, at: '40000'},
	{text: 'dns add travelbuddy.com A not-an-ip', message: /an A record needs an address/, at: 'not-an-ip'},
	{text: 'dns add travelbuddy.com MX mail.travelbuddy.com', message: /expected A\|CNAME, not 'MX'/, at: 'MX'},
	{text: 'dns add bad..name A 203.0.113.10', message: /not a DNS name/, at: 'bad..name'},
	{text: 'dns add www.travelbuddy.com CNAME www.travelbuddy.com', message: /cannot point at itself/, at: 'www.travelbuddy.com'},
	{text: 'route add rt-public', message: /route add needs <cidr>: a CIDR block like 10\.0\.1\.0\/24 — usage: route add <table> <cidr> \[via\] <target>/, at: ''},
	{text: 'route add rt-public 10.0.0.0/8 via', message: /needs <target>/, at: ''},
	{text: 'undo now', message: /unexpected 'now'/, at: 'now'},
	{text: 'subnet create x 10.0.3.0/24 --vcp main', message: /unknown option '--vcp' — did you mean '--vpc'\?/, at: '--vcp', suggestion: '--vpc'},
	{text: 'route add rt-public 0.0.0.0/0 igw-1 --force', message: /unknown option '--force' \(route add takes no options\)/, at: '--force'},
	{text: 'subnet create x 10.0.3.0/24 --vpc', message: /--vpc needs a value/, at: ''},
	{text: 'subnet create x 10.0.3.0/24 --vpc main --vpc lab', message: /--vpc is given twice/, at: '--vpc'},
	{text: 'host create x --label "half a label', message: /double quote is never closed/, at: '"half a label'},
	{text: 'container run c docker1 --publish 8080', message: /not a port mapping/, at: '8080'},
	{text: 'container run c docker1 --publish 1.2.3:8080:80', message: /not an IPv4 address/, at: '1.2.3:8080:80'},
	{text: 'nat forward gw tcp 443 10.0.1.10', message: /not an address and port/, at: '10.0.1.10'},
	{text: 'curl laptop ftp://travelbuddy.com/', message: /http and https, not ftp/, at: 'ftp://travelbuddy.com/'},
	{text: 'curl laptop http://travelbuddy.com:99999/', message: /'99999' in .* is not a port/, at: 'http://travelbuddy.com:99999/'},
	{text: 'nc -z web', message: /nc needs <host\|name\|ip>/, at: ''},
	{text: 'nc -x web database 3306', message: /unknown option '-x' \(options: -z, -u\)/, at: '-x'},
	{text: 'help rout', message: /no command 'rout' — did you mean 'route'\?/, at: 'rout', suggestion: 'route'},
	// With the network: names are checked and the nearest one suggested.
	{text: 'host move web ap', message: /no subnet named 'ap' — did you mean 'app'\?/, at: 'ap', suggestion: 'app', withNetwork: true},
	{text: 'host move web laptop', message: /'laptop' is a host, not a subnet/, at: 'laptop', withNetwork: true},
	{text: 'host move wbe app', message: /no host named 'wbe' — did you mean 'web'\?/, at: 'wbe', suggestion: 'web', withNetwork: true},
	{text: 'subnet create web 10.0.3.0/24', message: /'web' is already taken by a host — ids are unique/, at: 'web', withNetwork: true},
	{text: 'route add rt-publik 0.0.0.0/0 igw-1', message: /no route table named 'rt-publik' — did you mean 'rt-public'\?/, at: 'rt-publik', suggestion: 'rt-public', withNetwork: true},
	{text: 'route add rt-public 10.0.0.0/8 web', message: /'web' is a host, which cannot be a route target/, at: 'web', withNetwork: true},
	{text: 'route add rt-public 10.0.0.0/8 igw-2', message: /no route target named 'igw-2' — did you mean 'igw-1'\?/, at: 'igw-2', suggestion: 'igw-1', withNetwork: true},
	{text: 'app remove web mysqld', message: /web runs no app named 'mysqld' — did you mean 'mysql'\?/, at: 'mysqld', suggestion: 'mysql', withNetwork: true},
	{text: 'sg allow sg-web inbound tcp 443 from sg-ol', message: /no security group named 'sg-ol' — did you mean 'sg-old'\?/, at: 'sg-ol', suggestion: 'sg-old', withNetwork: true},
	{text: 'nat enable pc internet', message: /'pc' is a host, not a router or NAT device/, at: 'pc', withNetwork: true},
	{text: 'show rutes', message: /nothing named 'rutes' — did you mean 'routes'\?/, at: 'rutes', suggestion: 'routes', withNetwork: true},
	{text: 'subnet create db 10.0.3.0/24 --vpc prod', message: /no VPC named 'prod' \(VPCs here: main, lab\)/, at: 'prod', withNetwork: true},
	{text: 'curl nobody http://travelbuddy.com/', message: /no host or container named 'nobody' \(hosts and containers here: web, database, old-server, laptop, pc, r1, …\)/, at: 'nobody', withNetwork: true},
	{text: 'dig travelbuddy.com from lapto', message: /no host or container named 'lapto' — did you mean 'laptop'\?/, at: 'lapto', suggestion: 'laptop', withNetwork: true},
];

function pointedAt(text: string, error: CommandError): string {
	return text.slice(error.start, error.end);
}

describe('parse errors', () => {
	it.each(cases)('$text', ({text, message, at, suggestion, withNetwork}) => {
		const result = parse(text, withNetwork === true ? DEMO_NETWORK : undefined);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.message).toMatch(message);
		expect(pointedAt(text, result.error)).toBe(at);
		if (at === '') expect(result.error.start).toBe(text.trimEnd().length);
		expect(result.error.suggestion).toBe(suggestion);
	});

	it('accepts names it would otherwise suggest for when no network is given', () => {
		expect(parse('host move wbe ap').ok).toBe(true);
	});
});

describe('parse', () => {
	it('reads flags anywhere, with a space or =, and keywords in any case', () => {
		const result = parse('SUBNET Create --vpc=main db 10.0.3.0/24');
		expect(result).toMatchObject({ok: true, command: {name: 'subnet create', args: {id: 'db', cidr: '10.0.3.0/24', vpc: 'main'}}});
	});

	it('fills optional parameters only when the word fits them', () => {
		const result = parse('firewall insert web input deny tcp 3306 from 10.0.1.0/24');
		expect(result).toMatchObject({
			ok: true,
			command: {args: {host: 'web', chain: 'input', action: 'deny', protocol: 'tcp', ports: '3306', source: '10.0.1.0/24'}},
		});
		if (result.ok) expect(result.command.args.position).toBeUndefined();
	});

	it('records where each argument was typed', () => {
		const text = 'route add rt-public 10.0.0.0/8 via 10.0.1.1';
		const result = parse(text);
		if (!result.ok) throw new Error(result.error.message);
		const span = result.command.spans.target!;
		expect(text.slice(span.start, span.end)).toBe('10.0.1.1');
		expect(text.slice(result.command.nameSpan.start, result.command.nameSpan.end)).toBe('route add');
		expect(result.command.args.target).toBe('10.0.1.1');
	});

	it('keeps quoted labels whole and ignores a trailing comment', () => {
		expect(parse('host create laptop --kind client --label "a customer\'s laptop"  # on the internet')).toMatchObject({
			ok: true,
			command: {args: {id: 'laptop', kind: 'client', label: "a customer's laptop"}},
		});
	});

	it('collects repeated flags and defaults switches', () => {
		expect(parse('container run web docker1 --publish 8080:80 --publish 127.0.0.1:3306:3306 --publish 53:53/udp')).toMatchObject({
			ok: true,
			command: {
				args: {
					publish: [
						{hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp'},
						{hostIp: '127.0.0.1', hostPort: 3306, containerPort: 3306, protocol: 'tcp'},
						{hostIp: '0.0.0.0', hostPort: 53, containerPort: 53, protocol: 'udp'},
					],
				},
			},
		});
		expect(parse('nc web database 3306')).toMatchObject({ok: true, command: {args: {zero: false, udp: false}}});
	});

	it('normalizes DNS names and port ranges', () => {
		expect(parse('dns add WWW.TravelBuddy.com. A 203.0.113.10')).toMatchObject({ok: true, command: {args: {name: 'www.travelbuddy.com'}}});
		expect(parse('nacl add acl-public outbound 100 allow tcp 443-443 0.0.0.0/0')).toMatchObject({ok: true, command: {args: {ports: '443'}}});
	});
});

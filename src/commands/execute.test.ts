import {describe, expect, it} from 'vitest';
import {COMMANDS, DEMO_NETWORK, execute, renderOutput} from './index.js';
import {frozenDemo} from './test-support.js';

/** execute: parse, refuse what the level does not allow, apply or inspect or hand over a session action. */

describe('allowed commands', () => {
	it('lets through listed command names and whole nouns', () => {
		expect(execute(frozenDemo(), 'route add rt-private 0.0.0.0/0 nat-1', {allowed: ['route add']}).kind).toBe('changed');
		expect(execute(frozenDemo(), 'route remove rt-public 10.9.0.0/16', {allowed: ['route']}).kind).toBe('changed');
	});

	it('refuses the others before reading their arguments, saying what is allowed', () => {
		const text = 'subnet create db 10.0.3.0/24 --vpc nowhere';
		const result = execute(frozenDemo(), text, {allowed: ['route add', 'dns']});
		expect(result).toMatchObject({
			kind: 'error',
			error: {message: 'subnet create is not available in this level — here you can use: route add, dns', start: 0, end: 'subnet create'.length},
		});
	});

	it('always allows inspection and session commands', () => {
		expect(execute(frozenDemo(), 'show dns', {allowed: []}).kind).toBe('output');
		expect(execute(frozenDemo(), 'undo', {allowed: []})).toMatchObject({kind: 'session', action: 'undo'});
	});

	it('reports a parse error of an allowed command as the parse error', () => {
		expect(execute(frozenDemo(), 'route add rt-private 0.0.0.0/0 nat-9', {allowed: ['route']})).toMatchObject({
			kind: 'error',
			error: {message: expect.stringMatching(/no route target named 'nat-9' — did you mean 'nat-1'\?/)},
		});
	});
});

describe('configuration', () => {
	it('returns the new network, the summary and the real-world equivalent; the old network is untouched', () => {
		const before = frozenDemo();
		const result = execute(before, 'host public-ip web 203.0.113.10');
		expect(result).toMatchObject({
			kind: 'changed',
			summary: 'web now has public IP 203.0.113.10.',
			realWorld: ['aws ec2 associate-address --instance-id web --public-ip 203.0.113.10'],
			command: {name: 'host public-ip'},
		});
		expect(before.hosts[0]!.publicIp).toBeUndefined();
	});
});

describe('inspection', () => {
	const inspections = COMMANDS.filter((definition) => definition.kind === 'inspect');

	it.each(inspections.map((definition) => [definition.name, definition.example] as const))('%s runs its example without changing anything', (name, example) => {
		const before = frozenDemo();
		const result = execute(before, example);
		expect(result.kind).toBe('output');
		if (result.kind !== 'output') return;
		expect(result.command.name).toBe(name);
		expect(renderOutput(result.output).length).toBeGreaterThan(0);
		expect(before).toEqual(DEMO_NETWORK);
	});

	it('curl resolves the URL\'s name and traces port 443 for https', () => {
		const result = execute(frozenDemo(), 'curl laptop https://travelbuddy.com/');
		expect(result).toMatchObject({kind: 'output', output: {type: 'trace', tool: 'curl', trace: {flow: {from: 'laptop', to: 'travelbuddy.com', port: 443, protocol: 'tcp'}}}});
	});

	it('nc checks a port of a host named by id, over udp with -u', () => {
		const tcp = execute(frozenDemo(), 'nc -z web database 3306');
		expect(tcp).toMatchObject({output: {type: 'trace', trace: {flow: {toHost: 'database', port: 3306, protocol: 'tcp'}, outcome: {code: 'DELIVERED'}}}});
		const udp = execute(frozenDemo(), 'nc -z -u pc 203.0.113.1 53');
		expect(udp).toMatchObject({output: {trace: {flow: {to: '203.0.113.1', protocol: 'udp'}, outcome: {code: 'CONNECTION_REFUSED'}}}});
	});

	it('traceroute explains where a packet stops', () => {
		expect(execute(frozenDemo(), 'traceroute web 203.0.113.50 443')).toMatchObject({output: {trace: {outcome: {code: 'NO_PUBLIC_IP', at: 'igw-1'}}}});
	});

	it('dig follows CNAMEs and reports NXDOMAIN', () => {
		expect(execute(frozenDemo(), 'dig OLD.travelbuddy.com.')).toMatchObject({
			output: {type: 'dns', name: 'old.travelbuddy.com', resolution: {ok: true, address: '203.0.113.10'}},
		});
		expect(execute(frozenDemo(), 'dig nope.travelbuddy.com')).toMatchObject({output: {resolution: {ok: false, code: 'NXDOMAIN'}}});
	});

	it('show returns tables for a topic or an id', () => {
		const result = execute(frozenDemo(), 'show routes');
		expect(result).toMatchObject({kind: 'output', output: {type: 'show', topic: 'routes'}});
		if (result.kind !== 'output' || result.output.type !== 'show') return;
		expect(result.output.tables.map((table) => table.title)).toEqual([
			'route table rt-public (vpc main) — used by public',
			'route table rt-private (vpc main) — used by —',
			'route table rt-office — used by office',
		]);
		expect(result.output.tables[0]!.rows).toEqual([
			['—', '10.0.0.0/16', 'local (implicit)'],
			['1', '0.0.0.0/0', 'igw-1'],
			['2', '10.9.0.0/16', 'blackhole'],
		]);
		const host = execute(frozenDemo(), 'show r1');
		expect(host.kind === 'output' && host.output.type === 'show' && host.output.tables.map((table) => table.title)).toEqual(['hosts', 'apps', 'r1 forward — policy allow']);
	});

	it('explain prints the real-world equivalent and applies nothing', () => {
		const result = execute(frozenDemo(), 'explain sg allow sg-web inbound tcp 443 from 0.0.0.0/0');
		expect(result).toMatchObject({kind: 'output', output: {type: 'text'}});
		if (result.kind !== 'output' || result.output.type !== 'text') return;
		expect(result.output.lines).toContain('    aws ec2 authorize-security-group-ingress --group-id sg-web --protocol tcp --port 443 --cidr 0.0.0.0/0');
		expect(execute(frozenDemo(), 'explain show routes')).toMatchObject({kind: 'error', error: {message: expect.stringMatching(/explain works on configuration commands/)}});
		expect(execute(frozenDemo(), 'explain route add rt-public 0.0.0.0/0 nat-1')).toMatchObject({kind: 'error', error: {message: expect.stringMatching(/already has a route/)}});
	});
});

describe('session', () => {
	it.each([
		['undo', 'undo', undefined],
		['reset', 'reset', undefined],
		['hint', 'hint', undefined],
		['goals', 'goals', undefined],
		['check', 'check', undefined],
		['help', 'help', undefined],
		['help Route  Add', 'help', 'route add'],
		['help firewall', 'help', 'firewall'],
	] as const)('%s', (text, action, topic) => {
		const result = execute(frozenDemo(), text);
		expect(result).toMatchObject({kind: 'session', action});
		if (result.kind === 'session') expect(result.topic).toBe(topic);
	});
});

describe('errors', () => {
	it('are values for every kind of failure', () => {
		for (const text of ['', '   ', 'nope', 'route add', 'show nothing-here', 'app add web x 3306 --bind 10.0.0.300', 'container publish shop 8080:80']) {
			expect(execute(frozenDemo(), text).kind).toBe('error');
		}
	});
});

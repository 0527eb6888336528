import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {loadCatalog, playableLevels, type Level} from '../levels/index.js';
import {labHandin, whyNotRun} from './handin.js';
import {labPlan} from './plan.js';
import {outsideLab} from './scope.js';

const catalog = loadCatalog({builtInDir: fileURLToPath(new URL('../../levels/', import.meta.url))});
const levels = playableLevels(catalog).map((entry) => entry.level);

function level(id: string): Level {
	return levels.find((item) => item.id.startsWith(id))!;
}

function linesOf(plan: {setup: readonly {node: string; lines: readonly string[]}[]}, node: string): readonly string[] {
	return plan.setup.find((entry) => entry.node === node)?.lines ?? [];
}

describe('the lab plan', () => {
	it('builds the on-premises and Docker levels, not the AWS ones', () => {
		const inLab = levels.filter((item) => outsideLab(item.network) === undefined).map((item) => item.id.slice(0, 2));
		expect(inLab).toEqual(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '17', '18', '20', '21', '24']);
		expect(outsideLab(level('19').network)).toMatch(/AWS parts/);
	});

	it('puts a host on its subnets with the printed ip lines, routes from its subnet table, and the forward chain on a router', () => {
		const plan = labPlan(level('08').network);
		expect(plan.cables).toContainEqual({node: 'r1', dev: 'eth2', lan: 'db'});
		expect(linesOf(plan, 'web-1')).toEqual(['ip addr add 10.0.1.10/24 dev eth0', 'ip route add 10.0.0.0/16 via 10.0.1.1']);
		expect(linesOf(plan, 'r1')).toContain('sysctl -w net.ipv4.ip_forward=1');
		expect(linesOf(plan, 'r1').some((line) => line.startsWith('ip route'))).toBe(false);
	});

	it('gives a machine on the internet a /32 and the provider default route', () => {
		expect(linesOf(labPlan(level('07').network), 'web')).toEqual(['ip addr add 203.0.113.10/32 dev eth0', "ip route replace default dev eth0   # the provider's default route"]);
	});

	it('writes a start firewall as iptables rules, then the policy', () => {
		const lines = linesOf(labPlan(level('09').network), 'payments');
		expect(lines.slice(-2)).toEqual(['iptables -A INPUT -p tcp --dport 443 -j ACCEPT', 'iptables -P INPUT DROP']);
	});

	it("installs Docker's rules for a publish: DNAT on the host port, ACCEPT to the container, a proxy for the host itself", () => {
		const plan = labPlan(level('17').network);
		const docker = plan.docker.find((entry) => entry.node === 'docker-host')!.lines;
		expect(docker).toContain('iptables -t nat -A DOCKER ! -i docker0 -p tcp --dport 3306 -j DNAT --to-destination 172.17.0.3:3306');
		expect(docker).toContain('iptables -A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p tcp --dport 3306 -j ACCEPT');
		expect(plan.servers.find((entry) => entry.node === 'docker-host')!.proxies).toContainEqual({protocol: 'tcp', listenIp: '0.0.0.0', listenPort: 3306, toIp: '172.17.0.3', toPort: 3306});
		expect(linesOf(plan, 'web')).toEqual(['ip addr add 172.17.0.2/16 dev eth0', 'ip route add default via 172.17.0.1']);
	});

	it('flattens CNAMEs into /etc/hosts and names containers only on user-defined networks', () => {
		const plan = labPlan(level('03').network);
		expect(plan.hosts.find((entry) => entry.node === 'customer')!.lines).toEqual(['127.0.0.1\tlocalhost', '203.0.113.10\ttravelbuddy.com', '203.0.113.10\twww.travelbuddy.com']);
		const solved = labHandin(level('18').network, level('18').solution.join('\n'), {allowed: level('18').commands!});
		expect(solved.ok).toBe(true);
		if (!solved.ok) return;
		const hosts = labPlan(solved.network).hosts;
		expect(hosts.find((entry) => entry.node === 'web')!.lines).toContain('172.18.0.3\tpayment');
		expect(hosts.find((entry) => entry.node === 'web')!.lines.some((line) => line.endsWith('\tmysql'))).toBe(false);
	});
});

describe('a hand-in in the lab', () => {
	it('runs ip and iptables lines on the host they are for, and says why it does not run the others', () => {
		const handin = labHandin(level('07').network, level('07').solution.join('\n'), {allowed: level('07').commands!});
		expect(handin.ok).toBe(true);
		if (!handin.ok) return;
		expect(handin.steps[0]).toMatchObject({nodes: ['web'], run: ['iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'], notRun: []});
		const routes = labHandin(level('06').network, level('06').solution.join('\n'), {allowed: level('06').commands!});
		expect(routes.ok && routes.steps[0]!.nodes).toEqual(['web-1']);
	});

	it('classifies printed lines', () => {
		expect(whyNotRun('iptables -P INPUT DROP   # careful')).toBeUndefined();
		expect(whyNotRun('ip addr add <address>/24 dev eth0   # on each machine you put in it')).toMatch(/template/);
		expect(whyNotRun('docker run -d --name web -p 80:80 nginx:1.27')).toMatch(/Docker/);
		expect(whyNotRun('travelbuddy.com. 300 IN A 203.0.113.10')).toMatch(/DNS/);
		expect(whyNotRun('# a comment')).toBe('a comment');
		expect(whyNotRun('nginx: server { listen 0.0.0.0:80; }   # in /etc/nginx/conf.d/')).toMatch(/small servers/);
	});

	it('stops at a line that does not apply', () => {
		expect(labHandin(level('07').network, 'firewall append nobody input allow tcp 22')).toMatchObject({ok: false, line: 1});
	});
});

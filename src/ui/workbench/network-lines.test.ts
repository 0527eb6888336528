import {describe, expect, it} from 'vitest';
import {emptyNetwork, network} from '../../engine/network.js';
import {lineText, lineWidth} from '../text/styled-line.js';
import {fixtureNetwork} from '../test-helpers/fixtures.js';
import {networkLines} from './network-lines.js';
import {networkPanelLines} from './network-view.js';

const text = (width = 60) => networkLines(fixtureNetwork(), width).map(lineText);

describe('networkLines', () => {
	it('draws a box per place with the hosts in it', () => {
		const lines = text();
		expect(lines[0]).toMatch(/^┌ internet ─+┐$/);
		expect(lines).toContain(`│ ${'web 203.0.113.10'.padEnd(56)} │`);
		expect(lines.some((line) => line.includes('laptop 198.51.100.7 (client, a customer\'s laptop)'))).toBe(true);
		expect(lines.some((line) => /^┌ office 10\.0\.1\.0\/24 · rt rt-office ─+┐$/.test(line))).toBe(true);
		expect(lines.some((line) => line.includes('db 10.0.1.20'))).toBe(true);
		expect(lines.some((line) => line.includes('mysql 3306/tcp @127.0.0.1'))).toBe(true);
	});

	it('draws tables for routes, firewalls, NAT and DNS, numbering rules from 1', () => {
		const lines = text();
		expect(lines).toContain('Route tables');
		expect(lines).toContain('   1 0.0.0.0/0 → gw');
		expect(lines).toContain('Firewalls');
		expect(lines).toContain(' web input policy deny, 1 rule');
		expect(lines).toContain('   1 allow tcp 22 from 10.0.1.0/24');
		expect(lines).toContain(' gw masquerades out of internet');
		expect(lines).toContain('   1 forward tcp 8080 → 10.0.1.20:80');
		expect(lines).toContain(' travelbuddy.com A 203.0.113.10');
	});

	it('draws only what the network has', () => {
		const lines = text();
		expect(lines).not.toContain('Security groups');
		expect(lines).not.toContain('Network ACLs');
		expect(lines).not.toContain('Containers');
		expect(networkLines(emptyNetwork(), 40).map(lineText)).toEqual(['(an empty network)']);
	});

	it('draws cloud pieces: VPC, gateways, security groups, ACLs, containers', () => {
		const cloud = network({
			vpcs: [{id: 'vpc-1', cidr: '10.0.0.0/16'}],
			internetGateways: [{id: 'igw-1', vpc: 'vpc-1'}],
			subnets: [{id: 'public', cidr: '10.0.1.0/24', vpc: 'vpc-1', networkAcl: 'acl-1'}],
			natGateways: [{id: 'nat-1', subnet: 'public', privateIp: '10.0.1.5', publicIp: '203.0.113.20'}],
			hosts: [{id: 'app', kind: 'instance', interfaces: [{subnet: 'public', ip: '10.0.1.10'}], publicIp: '203.0.113.11', securityGroups: ['sg-web']}],
			securityGroups: [{id: 'sg-web', inbound: [{protocol: 'tcp', ports: '443', source: '0.0.0.0/0'}]}],
			networkAcls: [{id: 'acl-1', inbound: [{rule: 200, action: 'deny', protocol: 'all', cidr: '0.0.0.0/0'}, {rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'}]}],
			containerNetworks: [{id: 'appnet', host: 'app', cidr: '172.18.0.0/16'}],
			containers: [{id: 'db', host: 'app', image: 'mysql:8', networks: [{network: 'appnet', ip: '172.18.0.2'}], apps: [{name: 'mysql', port: 3306}], publish: [{hostPort: 3306, containerPort: 3306, hostIp: '127.0.0.1'}]}],
		});
		const lines = networkLines(cloud, 90).map(lineText);
		expect(lines[0]).toBe('VPC vpc-1 10.0.0.0/16 · igw igw-1');
		expect(lines.some((line) => line.includes('app 10.0.1.10 ⇄ 203.0.113.11 (instance)'))).toBe(true);
		expect(lines.some((line) => line.includes('nat-1 10.0.1.5 ⇄ 203.0.113.20 (NAT gateway)'))).toBe(true);
		expect(lines).toContain('    in  tcp 443 from 0.0.0.0/0');
		const acl = lines.slice(lines.indexOf(' acl-1 (public)'));
		// Rules are listed in evaluation order (by number), then the implicit final deny.
		expect(acl.slice(1, 4)).toEqual(['    in  100 allow tcp 443 0.0.0.0/0', '    in  200 deny all 0.0.0.0/0', '    in  * deny all']);
		expect(lines.some((line) => line.includes('db on app · mysql:8 · appnet 172.18.0.2 · mysql 3306/tcp · -p 127.0.0.1:3306→3306/tcp'))).toBe(true);
	});

	it('fits every line in the width, boxes exactly', () => {
		for (const width of [20, 45, 80]) {
			for (const line of networkLines(fixtureNetwork(), width)) {
				const text = lineText(line);
				if (/^[┌│└]/.test(text)) expect(lineWidth(line)).toBe(width);
				else expect(lineWidth(line)).toBeLessThanOrEqual(width);
			}
		}
	});
});

describe('networkPanelLines', () => {
	it('pages the drawing and wraps around', () => {
		const all = networkLines(fixtureNetwork(), 50);
		const first = networkPanelLines(fixtureNetwork(), 50, 6, 0).map(lineText);
		const pages = Math.ceil(all.length / 5);
		expect(first[0]).toBe(`Network  page 1/${pages} · ^N/^P`);
		expect(first.slice(1)).toEqual(all.slice(0, 5).map(lineText));
		expect(networkPanelLines(fixtureNetwork(), 50, 6, pages).map(lineText)).toEqual(first);
		expect(networkPanelLines(fixtureNetwork(), 50, 6, -1)[0]!.map((part) => part.text).join('')).toBe(`Network  page ${pages}/${pages} · ^N/^P`);
	});
});

import {describe, expect, it} from 'vitest';
import {CNAME_LIMIT, resolveName} from './dns.js';
import {network, type DnsRecord} from './network.js';
import {dockerInput} from './test-networks.js';

const zone = network({
	dns: [
		{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'},
		{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com.'},
		{name: 'shop.travelbuddy.com', type: 'CNAME', value: 'WWW.TravelBuddy.com'},
		{name: 'ping.example', type: 'CNAME', value: 'pong.example'},
		{name: 'pong.example', type: 'CNAME', value: 'ping.example'},
		{name: 'multi.example', type: 'A', value: '198.51.100.1'},
		{name: 'multi.example', type: 'A', value: '198.51.100.2'},
		{name: 'both.example', type: 'CNAME', value: 'travelbuddy.com'},
		{name: 'both.example', type: 'A', value: '198.51.100.9'},
		{name: 'dangling.example', type: 'CNAME', value: 'nowhere.example'},
		{name: 'broken.example', type: 'A', value: 'not-an-address'},
	],
});

describe('resolveName: public DNS', () => {
	it.each([
		['travelbuddy.com', '203.0.113.10'],
		['TravelBuddy.COM', '203.0.113.10'],
		['travelbuddy.com.', '203.0.113.10'],
		['www.travelbuddy.com', '203.0.113.10'],
		['shop.travelbuddy.com', '203.0.113.10'],
		['multi.example', '198.51.100.1'],
		['both.example', '198.51.100.9'],
	])('%s resolves to %s', (name, address) => {
		const resolution = resolveName(zone, name);
		expect(resolution).toMatchObject({ok: true, address, source: 'public-dns'});
	});

	it('reports the chain it followed with each record index', () => {
		const resolution = resolveName(zone, 'shop.travelbuddy.com');
		expect(resolution.chain).toEqual([
			{name: 'shop.travelbuddy.com', type: 'CNAME', value: 'www.travelbuddy.com', index: 2},
			{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com', index: 1},
			{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10', index: 0},
		]);
	});

	it.each([
		['travelbuddy.cm', 'NXDOMAIN'],
		['dangling.example', 'NXDOMAIN'],
		['broken.example', 'NXDOMAIN'],
		['ping.example', 'CNAME_LOOP'],
		['', 'NXDOMAIN'],
	])('%j fails with %s', (name, code) => {
		const resolution = resolveName(zone, name);
		expect(resolution.ok).toBe(false);
		if (!resolution.ok) expect(resolution.code).toBe(code);
	});

	it('names the loop in its message', () => {
		const resolution = resolveName(zone, 'ping.example');
		expect(resolution.ok ? '' : resolution.message).toContain('ping.example → pong.example → ping.example');
	});

	it(`follows ${CNAME_LIMIT} CNAME records but not one more`, () => {
		const chain = (length: number): DnsRecord[] => [
			...Array.from({length}, (_, index) => ({name: `n${index}.example`, type: 'CNAME' as const, value: `n${index + 1}.example`})),
			{name: `n${length}.example`, type: 'A', value: '198.51.100.50'},
		];
		expect(resolveName(network({dns: chain(CNAME_LIMIT)}), 'n0.example')).toMatchObject({ok: true, address: '198.51.100.50'});
		expect(resolveName(network({dns: chain(CNAME_LIMIT + 1)}), 'n0.example')).toMatchObject({ok: false, code: 'CNAME_LOOP'});
	});
});

describe('resolveName: Docker DNS', () => {
	const docker = network(dockerInput());

	it('resolves a container name on a user-defined network, from a container on it', () => {
		expect(resolveName(docker, 'db-c', 'web-c')).toEqual({
			ok: true,
			address: '172.18.0.3',
			chain: [{name: 'db-c', type: 'A', value: '172.18.0.3', index: -1}],
			source: 'container-dns',
		});
		expect(resolveName(docker, 'DB-C.', 'web-c')).toMatchObject({ok: true, address: '172.18.0.3'});
	});

	it('does not resolve container names on the default bridge', () => {
		expect(resolveName(docker, 'worker', 'cache')).toMatchObject({
			ok: false,
			code: 'NXDOMAIN',
			message: "worker does not exist in DNS (NXDOMAIN): no record has that name. cache is only on Docker's default bridge, which has no name resolution: put both containers on a user-defined network.",
		});
	});

	it('does not resolve containers on a network the asker is not on, and says why', () => {
		expect(resolveName(docker, 'lonely', 'web-c')).toMatchObject({ok: false, code: 'NXDOMAIN'});
		const miss = resolveName(docker, 'lonely', 'web-c');
		expect(miss.ok ? '' : miss.message).toMatch(
			/lonely is a container, but it shares no user-defined network with web-c, so Docker's DNS does not tell web-c about it\.$/,
		);
	});

	it('does not resolve container names for the Docker host or in public DNS', () => {
		expect(resolveName(docker, 'db-c', 'dock')).toMatchObject({ok: false, code: 'NXDOMAIN'});
		expect(resolveName(docker, 'db-c')).toMatchObject({ok: false, code: 'NXDOMAIN'});
	});

	it('falls back to public DNS from a container', () => {
		expect(resolveName(docker, 'api.example.com', 'web-c')).toMatchObject({ok: true, address: '198.51.100.7', source: 'public-dns'});
		expect(resolveName(docker, 'api.example.com', 'cache')).toMatchObject({ok: true, address: '198.51.100.7', source: 'public-dns'});
	});
});

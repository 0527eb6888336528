import {describe, expect, it} from 'vitest';
import type {Trace} from '../engine/flow.js';
import {describeDecider, renderError, renderOutput, renderTrace} from './index.js';

/** Plain-text rendering: traces, outputs and errors. */

const natTrace: Trace = {
	flow: {from: 'app-1', to: 'api.example.com', port: 443, protocol: 'tcp'},
	path: ['app-1', 'nat-1', 'igw-1', 'internet'],
	hops: [
		{
			node: 'app-1',
			action: 'route',
			packet: {protocol: 'tcp', src: '10.0.2.15', srcPort: '1024-65535', dst: '203.0.113.50', dstPort: 443},
			decidedBy: {kind: 'route', id: 'rt-private', index: 0},
			note: 'Route table rt-private sends 0.0.0.0/0 to nat-1 (route #1).',
		},
		{
			node: 'nat-1',
			action: 'translate',
			packet: {protocol: 'tcp', src: '10.0.2.15', srcPort: '1024-65535', dst: '203.0.113.50', dstPort: 443},
			after: {protocol: 'tcp', src: '10.0.1.4', srcPort: '1024-65535', dst: '203.0.113.50', dstPort: 443},
			decidedBy: {kind: 'nat-gateway', id: 'nat-1'},
			note: 'NAT gateway nat-1 rewrites the source to its own private address 10.0.1.4 so that the reply comes back to it.',
		},
		{
			node: 'api',
			action: 'drop',
			packet: {protocol: 'tcp', src: '203.0.113.20', srcPort: '1024-65535', dst: '203.0.113.50', dstPort: 443},
			decidedBy: {kind: 'nacl-rule', id: 'acl-api', list: 'inbound', rule: 200},
			note: 'Network ACL acl-api drops it: inbound rule 200 denies tcp 443.',
		},
	],
	outcome: {
		code: 'DENIED_BY_NACL',
		at: 'api',
		decidedBy: {kind: 'nacl-rule', id: 'acl-api', list: 'inbound', rule: 200},
		message: 'Network ACL acl-api drops it: inbound rule 200 denies tcp 443.',
	},
};

describe('renderTrace', () => {
	it('gives the flow, one mark per hop, rewrites as before ⇒ after, and the outcome', () => {
		expect(renderTrace(natTrace)).toEqual([
			'app-1 → api.example.com port 443/tcp',
			'  10.0.2.15:1024-65535 → 203.0.113.50:443',
			'→ app-1    route     Route table rt-private sends 0.0.0.0/0 to nat-1 (route',
			'                     #1).',
			'→ nat-1    translate NAT gateway nat-1 rewrites the source to its own private',
			'                     address 10.0.1.4 so that the reply comes back to it.',
			'           source 10.0.2.15:1024-65535 ⇒ 10.0.1.4:1024-65535',
			'✗ api      drop      Network ACL acl-api drops it: inbound rule 200 denies tcp',
			'                     443.',
			'✗ DENIED_BY_NACL at api — a network ACL rule (or its final deny) dropped it',
			'  decided by network ACL acl-api, inbound rule 200',
		]);
	});

	it('pads node names to the longest in the trace so the notes line up', () => {
		const long: Trace = {
			...natTrace,
			hops: natTrace.hops.map((hop, index) => (index === 2 ? {...hop, node: 'model-server'} : hop)),
		};
		const lines = renderTrace(long);
		expect(lines).toContain('→ app-1        route     Route table rt-private sends 0.0.0.0/0 to nat-1');
		expect(lines).toContain('→ nat-1        translate NAT gateway nat-1 rewrites the source to its own');
		expect(lines.some((line) => line.startsWith('✗ model-server drop      Network ACL acl-api drops it:'))).toBe(true);
	});

	it('marks the reply and shows a delivered outcome with its message', () => {
		const delivered: Trace = {
			flow: {from: 'laptop', toHost: 'web', port: 80, protocol: 'tcp'},
			path: ['laptop', 'web'],
			hops: [
				{node: 'web', action: 'deliver', packet: {protocol: 'tcp', src: '198.51.100.7', srcPort: '40000', dst: '203.0.113.10', dstPort: 80}, note: 'website accepts it.'},
				{
					node: 'web',
					action: 'reply',
					packet: {protocol: 'tcp', src: '203.0.113.10', srcPort: '80', dst: '198.51.100.7', dstPort: 1024, dstPortRange: '1024-65535'},
					note: 'The reply goes back.',
				},
			],
			outcome: {code: 'DELIVERED', at: 'web', message: 'website on web answers.'},
		};
		expect(renderTrace(delivered)).toEqual([
			'laptop → web port 80/tcp',
			'  198.51.100.7:40000 → 203.0.113.10:80',
			'→ web      deliver   website accepts it.',
			'  the reply:',
			'← web      reply     The reply goes back.',
			'✓ DELIVERED: website on web answers.',
		]);
	});

	it('keeps lines within 78 columns', () => {
		for (const line of renderTrace(natTrace)) expect([...line].length).toBeLessThanOrEqual(78);
	});
});

describe('describeDecider', () => {
	it.each([
		[{kind: 'route', id: 'rt-1', index: 0}, 'route table rt-1, route #1'],
		[{kind: 'route', id: 'rt-1'}, 'route table rt-1: no route matches'],
		[{kind: 'route', id: 'rt-1', list: 'local'}, 'route table rt-1, the local route'],
		[{kind: 'firewall-rule', id: 'web', list: 'input', index: 2}, 'firewall of web, input rule #3'],
		[{kind: 'firewall-policy', id: 'web', list: 'input'}, 'firewall of web, input policy'],
		[{kind: 'nacl-default', id: 'acl-1', list: 'outbound'}, 'network ACL acl-1, outbound final deny (*)'],
		[{kind: 'publish', id: 'shop', index: 0}, 'published port #1 of shop'],
	] as const)('%j', (decider, text) => {
		expect(describeDecider(decider)).toBe(text);
	});
});

describe('renderError', () => {
	it('puts a caret line under the offending characters', () => {
		const text = 'host move web dbb';
		expect(renderError(text, {message: "no subnet named 'dbb' — did you mean 'db'?", start: 14, end: 17})).toEqual([
			text,
			'              ^^^',
			"no subnet named 'dbb' — did you mean 'db'?",
		]);
	});

	it('points one caret past the end for something missing, and clamps odd spans', () => {
		expect(renderError('route add', {message: 'needs more', start: 9, end: 9})[1]).toBe('         ^');
		expect(renderError('x', {message: 'm', start: 40, end: 2})[1]).toBe(' ^');
	});
});

describe('renderOutput', () => {
	it('aligns show tables under their titles', () => {
		expect(
			renderOutput({type: 'show', topic: 'dns', tables: [{title: 'dns', columns: ['name', 'type', 'value'], rows: [['travelbuddy.com', 'A', '203.0.113.10']]}]}),
		).toEqual(['dns', '  name             type  value', '  travelbuddy.com  A     203.0.113.10']);
		expect(renderOutput({type: 'show', topic: 'sg', tables: [{title: 'sg', columns: ['a'], rows: []}]})).toEqual(['sg', '  (none)']);
	});

	it('lists a table too wide for 80 columns one field a line, leaving out empty fields', () => {
		const wide = {
			title: 'hosts',
			columns: ['host', 'kind', 'addresses', 'public ip', 'security groups'],
			rows: [['r1', 'router', '10.0.1.1 (web), 10.0.2.1 (app), 10.0.3.1 (db), 10.0.4.1 (mgmt)', '—', 'sg-router-management']],
		};
		expect(renderOutput({type: 'show', topic: 'hosts', tables: [wide]})).toEqual([
			'hosts',
			'  r1',
			'    kind: router',
			'    addresses: 10.0.1.1 (web), 10.0.2.1 (app), 10.0.3.1 (db), 10.0.4.1 (mgmt)',
			'    security groups: sg-router-management',
		]);
	});

	it('renders a DNS answer like dig', () => {
		const lines = renderOutput({
			type: 'dns',
			name: 'www.travelbuddy.com',
			resolution: {
				ok: true,
				address: '203.0.113.10',
				source: 'public-dns',
				chain: [
					{name: 'www.travelbuddy.com', type: 'CNAME', value: 'travelbuddy.com', index: 1},
					{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10', index: 0},
				],
			},
		});
		expect(lines).toEqual([
			';; QUESTION: www.travelbuddy.com. IN A',
			';; ANSWER:',
			'www.travelbuddy.com. 300 IN CNAME travelbuddy.com.',
			'travelbuddy.com.     300 IN A     203.0.113.10',
			';; www.travelbuddy.com is 203.0.113.10 (public DNS)',
		]);
	});
});

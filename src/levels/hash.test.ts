import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {canonicalJson, levelHash} from './hash.js';
import {type Level, levelSchema} from './schema.js';

const fixture = new URL('../../test/fixtures/levels/good/01-dns.json', import.meta.url);
const level = (): Level => levelSchema.parse(JSON.parse(fs.readFileSync(fixture, 'utf8')));

describe('canonicalJson', () => {
	it('sorts keys at every depth and drops undefined properties', () => {
		expect(canonicalJson({b: 1, a: {d: [3, {z: 1, y: undefined}], c: 'x'}})).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
	});
});

describe('levelHash', () => {
	it('is 16 hex digits and stable across calls', () => {
		expect(levelHash(level())).toMatch(/^[0-9a-f]{16}$/u);
		expect(levelHash(level())).toBe(levelHash(level()));
	});

	it('ignores key order and spelled-out defaults', () => {
		const input = JSON.parse(fs.readFileSync(fixture, 'utf8')) as Record<string, unknown>;
		const reordered = Object.fromEntries(Object.entries(input).reverse());
		const network = input['network'] as {hosts: Record<string, unknown>[]};
		const explicit = {...input, network: {...network, dns: [], hosts: network.hosts.map((host) => ({securityGroups: [], ...host}))}};
		expect(levelHash(levelSchema.parse(reordered))).toBe(levelHash(level()));
		expect(levelHash(levelSchema.parse(explicit))).toBe(levelHash(level()));
	});

	it('changes when anything that matters changes', () => {
		const base = level();
		const hashes = new Set([
			levelHash(base),
			levelHash({...base, title: `${base.title}!`}),
			levelHash({...base, solution: [...base.solution, 'dns remove www.travelbuddy.com']}),
			levelHash({...base, network: {...base.network, dns: [{name: 'a.example', type: 'A', value: '192.0.2.1'}]}}),
		]);
		expect(hashes.size).toBe(4);
	});
});

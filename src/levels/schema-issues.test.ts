import {z} from 'zod';
import {describe, expect, it} from 'vitest';
import {goalSchema} from '../engine/goal.js';
import {parseWithSchema} from './schema-issues.js';
import {levelSchema, packSchema} from './schema.js';
import {findUnknownKeys} from './unknown-keys.js';

const issuesOf = (schema: z.ZodType, value: unknown) => {
	const result = parseWithSchema(schema, value);
	return result.ok ? [] : result.issues.map((issue) => `${issue.path.join('/')}: ${issue.message}`);
};

describe('parseWithSchema', () => {
	const sample = z.object({
		name: z.string().min(1).max(5),
		count: z.number().int().min(1).max(10),
		protocol: z.enum(['tcp', 'udp']),
		version: z.literal(1),
		list: z.array(z.string()).min(2),
		nested: z.object({flag: z.boolean()}),
	});
	const good = {name: 'ab', count: 3, protocol: 'tcp', version: 1, list: ['a', 'b'], nested: {flag: true}};

	it.each([
		['a missing field', {...good, name: undefined}, ['name: missing required field "name" (a string)']],
		['a missing literal', {...good, version: undefined}, ['version: missing required field "version" (1)']],
		['a wrong type', {...good, count: 'three'}, ['count: expected a number, got "three"']],
		['a list where an object belongs', {...good, nested: []}, ['nested: expected an object, got a list']],
		['an empty string', {...good, name: ''}, ['name: must not be empty']],
		['a long string', {...good, name: 'abcdefgh'}, ['name: must be at most 5 characters long (this one has 8)']],
		['a small number', {...good, count: 0}, ['count: must be at least 1, got 0']],
		['a big number', {...good, count: 11}, ['count: must be at most 10, got 11']],
		['a short list', {...good, list: ['a']}, ['list: needs at least 2 items']],
		['a typo in an enum', {...good, protocol: 'tpc'}, ['protocol: expected one of "tcp", "udp", got "tpc" (did you mean "tcp"?)']],
		['a wrong literal', {...good, version: 2}, ['version: expected 1, got 2']],
		['a nested wrong type', {...good, nested: {flag: 'yes'}}, ['nested/flag: expected true or false, got "yes"']],
	])('says what was expected for %s', (_name, value, expected) => {
		expect(issuesOf(sample, value)).toEqual(expected);
	});

	it('reports every issue, not just the first', () => {
		expect(issuesOf(sample, {...good, name: '', count: 0, protocol: 'x'})).toHaveLength(3);
	});

	it('rewords an unknown discriminator, with a suggestion', () => {
		expect(issuesOf(z.array(goalSchema), [{kind: 'rech', id: 'g', description: 'd'}, {id: 'h', description: 'd'}])).toEqual([
			'0/kind: expected "kind" to be one of "reach", "blocked", "only", "state", got "rech" (did you mean "reach"?)',
			'1/kind: missing required field "kind" (one of "reach", "blocked", "only", "state")',
		]);
	});

	it('keeps messages written into the schema', () => {
		expect(issuesOf(levelSchema.shape.network, {subnets: [{id: 'a', cidr: '10.0.1.1/24'}]})).toEqual([
			"subnets/0/cidr: '10.0.1.1/24' has host bits set; did you mean 10.0.1.0/24?",
		]);
	});
});

describe('findUnknownKeys', () => {
	it('names unknown keys at every depth, with a suggestion, through arrays, defaults and discriminated unions', () => {
		const level = {
			tittle: 'x',
			network: {hosts: [{id: 'web', interfaces: [{subnet: 'internet', ip: '203.0.113.10', mask: 24}]}], routeTabels: []},
			goals: [
				{kind: 'reach', id: 'g', flow: {from: 'a', toHots: 'b', port: 80}},
				{kind: 'state', id: 's', state: {check: 'resolves', name: 'x', adress: '1.2.3.4'}},
				{kind: 'nonsense', extra: 1},
			],
		};
		expect(findUnknownKeys(levelSchema, level).map((issue) => `${issue.path.join('/')}: ${issue.message}`)).toEqual([
			'tittle: unknown field "tittle" (did you mean "title"?); it is ignored',
			'network/hosts/0/interfaces/0/mask: unknown field "mask"; it is ignored',
			'network/routeTabels: unknown field "routeTabels" (did you mean "routeTables"?); it is ignored',
			'goals/0/flow/toHots: unknown field "toHots" (did you mean "toHost"?); it is ignored',
			'goals/1/state/adress: unknown field "adress" (did you mean "address"?); it is ignored',
		]);
	});

	it('treats __proto__ as an ordinary unknown key', () => {
		const value = JSON.parse('{"title": "t", "__proto__": {"order": []}}') as unknown;
		expect(findUnknownKeys(packSchema, value)).toEqual([{path: ['__proto__'], message: 'unknown field "__proto__"; it is ignored'}]);
	});

	it('finds nothing in a value that only uses declared keys', () => {
		expect(findUnknownKeys(packSchema, {$schema: './schema.json', title: 't', order: ['a.json']})).toEqual([]);
	});
});

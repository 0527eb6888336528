import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {networkSchema, type Network} from '../engine/network.js';
import {validateNetwork} from '../engine/validate.js';
import {COMMANDS, complete, DEMO_NETWORK, execute, parse, runScript} from './index.js';
import {deepFreeze, frozenDemo} from './test-support.js';
import type {AnyParam, CommandDefinition} from './types.js';

/**
 * Properties: random text never makes the language throw, errors always
 * point inside the text, and applying any sequence of commands never
 * mutates a network — so undo (going back to the previous network) gives
 * back an equal network, and the engine's invariants hold after every step.
 */

const WORDS = [
	...new Set(COMMANDS.flatMap((definition) => definition.name.split(' '))),
	...['allow', 'deny', 'tcp', 'udp', 'all', 'inbound', 'outbound', 'from', 'to', 'via', 'input', 'output', 'forward', 'A', 'CNAME', 'none', 'internet', 'local', 'blackhole'],
	...['--vpc', '--kind', '--publish', '--bind', '--ip', '--network', '--image', '--default', '--label', '-z', '-u', '--vpc=main', '"quoted words"', "'", '#', '-'],
	...['web', 'database', 'r1', 'gw', 'shop', 'app', 'public', 'rt-public', 'sg-web', 'acl-public', 'main', 'igw-1', 'nat-1', 'appnet', 'docker1', 'laptop'],
	...['10.0.3.0/24', '10.0.2.7', '0.0.0.0/0', '203.0.113.10', '443', '1024-65535', '53/udp', '8080:80', '127.0.0.1:3306:3306', '10.0.1.10:443', 'https://travelbuddy.com/'],
	...['travelbuddy.com', '256.1.1.1', '10.0.0.1/24', '70000', '0', '', 'é', '\t', '1-', ':::'],
];

const wordy = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({maxLength: 6})), {maxLength: 9}).map((words) => words.join(' '));
const anyText = fc.oneof(fc.string({maxLength: 40}), fc.string({unit: 'grapheme', maxLength: 20}), wordy);

function expectSpanInside(text: string, error: {start: number; end: number; message: string}): void {
	expect(error.message.length).toBeGreaterThan(0);
	expect(error.start).toBeGreaterThanOrEqual(0);
	expect(error.start).toBeLessThanOrEqual(error.end);
	expect(error.end).toBeLessThanOrEqual(text.length);
}

describe('never throws', () => {
	const network = frozenDemo();

	it('parse returns a value for any text, with errors inside the text', () => {
		fc.assert(
			fc.property(anyText, fc.boolean(), (text, withNetwork) => {
				const result = parse(text, withNetwork ? network : undefined);
				if (!result.ok) expectSpanInside(text, result.error);
			}),
			{numRuns: 2000},
		);
	});

	it('execute and complete return values for any text, never changing the network', () => {
		fc.assert(
			fc.property(wordy, fc.integer({min: -2, max: 60}), (text, cursor) => {
				const result = execute(network, text);
				if (result.kind === 'error') expectSpanInside(text, result.error);
				const completion = complete(network, text, cursor);
				expect(completion.from).toBeGreaterThanOrEqual(0);
				expect(completion.from).toBeLessThanOrEqual(Math.max(0, Math.min(cursor, text.length)));
			}),
			{numRuns: 1000},
		);
		expect(network).toEqual(DEMO_NETWORK);
	});

	it('runScript returns a value for any script', () => {
		fc.assert(
			fc.property(fc.array(wordy, {maxLength: 6}), (lines) => {
				const result = runScript(network, lines.join('\n'));
				if (!result.ok) {
					expect(result.line).toBeGreaterThanOrEqual(1);
					expect(result.line).toBeLessThanOrEqual(lines.length);
				}
			}),
			{numRuns: 300},
		);
	});
});

const configs = COMMANDS.filter((definition) => definition.kind === 'config');

/** A plausible value for a parameter, from the network where possible, chosen by `n`. */
function valueFor(param: AnyParam, network: Network, args: Record<string, unknown>, n: number): string {
	const candidates = param.candidates?.({network, args, commands: COMMANDS}) ?? [];
	if (candidates.length > 0 && n % 5 !== 0) return candidates[n % candidates.length]!;
	switch (param.label) {
		case '<id>':
			return `x${n % 7}`;
		case '<cidr>':
			return n % 3 === 0 ? '0.0.0.0/0' : `10.${n % 3}.${(n >> 3) % 256}.0/24`;
		case '<ip>':
		case '<addr>':
		case '<ip>|none':
			return n % 4 === 0 ? '203.0.113.' + ((n >> 2) % 250) : `10.0.${(n >> 2) % 4}.${(n >> 4) % 256}`;
		case '<public-ip>':
			return `203.0.113.${(n >> 2) % 250}`;
		case '<port>':
		case '<port>[/udp]':
		case '<hostPort>[/udp]':
			return String([22, 53, 80, 443, 3306, 8080, 9090][n % 7]) + (n % 11 === 0 ? '/udp' : '');
		case '<ports>':
			return ['443', '1024-65535', '22', '3306'][n % 4]!;
		case '<position>':
			return String((n % 3) + 1);
		case '<rule#>':
			return String(((n % 3) + 1) * 100);
		case '<name>':
			return `n${n % 3}.travelbuddy.com`;
		case '<value>':
			return n % 2 === 0 ? `203.0.113.${n % 250}` : 'travelbuddy.com';
		case '<ip>:<port>':
			return `192.168.2.${(n % 20) + 2}:80`;
		case '[<ip>:]<hostPort>:<containerPort>[/udp]':
			return `${8000 + (n % 5)}:80`;
		default:
			return `w${n % 3}`;
	}
}

/** A command line for `definition`, built from the network and the numbers `picks`. */
function synthesize(definition: CommandDefinition, network: Network, picks: readonly number[]): string {
	const words = [definition.name];
	const args: Record<string, unknown> = {};
	let index = 0;
	const next = () => picks[index++ % picks.length]!;
	for (const param of definition.params) {
		if ((param.optional || param.flag !== undefined) && next() % 2 === 0) continue;
		const value = valueFor(param, network, args, next());
		args[param.name] = value;
		if (param.flag !== undefined) words.push(param.switch === true ? param.flag : `${param.flag} ${value}`);
		else words.push(param.keyword !== undefined && (param.keywordOptional !== true || next() % 2 === 0) ? `${param.keyword} ${value}` : value);
	}
	return words.join(' ');
}

describe('apply then undo', () => {
	it('never mutates the network; undoing every change gives back an equal network; the engine finds no new problem', () => {
		const steps = fc.array(fc.tuple(fc.constantFrom(...configs), fc.array(fc.nat({max: 1 << 20}), {minLength: 8, maxLength: 8})), {minLength: 1, maxLength: 12});
		let applied = 0;
		fc.assert(
			fc.property(steps, (sequence) => {
				const start = frozenDemo();
				const stack: Network[] = [];
				let current = start;
				for (const [definition, picks] of sequence) {
					const text = synthesize(definition, current, picks);
					const snapshot = structuredClone(current);
					const result = execute(current, text);
					expect(current).toEqual(snapshot);
					if (result.kind === 'error') {
						expectSpanInside(text, result.error);
						continue;
					}
					expect(result.kind).toBe('changed');
					if (result.kind !== 'changed') continue;
					applied++;
					expect(networkSchema.parse(result.network)).toEqual(result.network);
					expect(validateNetwork(result.network)).toEqual([]);
					stack.push(current);
					current = deepFreeze(result.network);
				}
				while (stack.length > 0) current = stack.pop()!;
				expect(current).toEqual(DEMO_NETWORK);
			}),
			{numRuns: 300},
		);
		// The generator must actually exercise changes, not only refusals.
		expect(applied).toBeGreaterThan(300);
	});
});

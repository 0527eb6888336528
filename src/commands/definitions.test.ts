import {describe, expect, it} from 'vitest';
import {networkSchema} from '../engine/network.js';
import {validateNetwork} from '../engine/validate.js';
import {apply, COMMANDS, DEMO_NETWORK, execute, helpFor, parse} from './index.js';
import {exampleRealWorld} from './help.js';
import {frozenDemo, mustParse} from './test-support.js';

/** Every entry of the table: it parses, applies (immutably), can be undone, and its help example round-trips. */

const config = COMMANDS.filter((definition) => definition.kind === 'config');
const session = COMMANDS.filter((definition) => definition.kind === 'session');

describe('the command table', () => {
	it('names every command once, as noun verb or a single word', () => {
		const names = COMMANDS.map((definition) => definition.name);
		expect(new Set(names).size).toBe(names.length);
		for (const definition of COMMANDS) {
			expect(definition.name).toMatch(/^[a-z-]+( [a-z-]+)?$/);
			expect(definition.usage.startsWith(definition.name)).toBe(true);
			expect(definition.summary.length).toBeGreaterThan(10);
		}
	});

	it('covers every part of the engine', () => {
		const nouns = new Set(COMMANDS.map((definition) => definition.noun));
		for (const noun of ['dns', 'host', 'eip', 'app', 'subnet', 'route-table', 'route', 'firewall', 'vpc', 'igw', 'natgw', 'nat', 'sg', 'nacl', 'container-network', 'container']) {
			expect(nouns.has(noun), noun).toBe(true);
		}
		for (const name of ['dig', 'curl', 'nc', 'traceroute', 'show', 'goals', 'check', 'undo', 'reset', 'hint', 'help']) {
			expect(COMMANDS.some((definition) => definition.name === name), name).toBe(true);
		}
	});
});

describe.each(config.map((definition) => [definition.name, definition] as const))('%s', (name, definition) => {
	it('parses its example, with and without a network', () => {
		expect(mustParse(definition.example).name).toBe(name);
		expect(mustParse(definition.example, DEMO_NETWORK).name).toBe(name);
	});

	it('applies its example without touching the old network, and the old network is what undo returns to', () => {
		const before = frozenDemo();
		const snapshot = structuredClone(before);
		const result = apply(before, mustParse(definition.example));
		if (!result.ok) throw new Error(result.error.message);
		expect(before).toEqual(snapshot);
		expect(result.network).not.toEqual(before);
		expect(networkSchema.parse(result.network)).toEqual(result.network);
		expect(validateNetwork(result.network)).toEqual([]);
		expect(result.summary).toMatch(/\.$/);
		expect(result.realWorld.length).toBeGreaterThan(0);
	});

	it('round-trips through its help: the example shown parses back into this command', () => {
		const help = helpFor(name);
		expect(help[0]).toBe(definition.usage);
		const exampleLine = help.find((line) => line.trimStart().startsWith('example:'));
		expect(exampleLine).toBeDefined();
		const shown = exampleLine!.replace(/^\s*example:\s*/, '');
		expect(shown).toBe(definition.example);
		expect(mustParse(shown).name).toBe(name);
		const real = exampleRealWorld(COMMANDS, definition);
		expect(real.length).toBeGreaterThan(0);
		for (const line of real) expect(help.some((helpLine) => helpLine.endsWith(line))).toBe(true);
	});
});

describe.each(session.map((definition) => [definition.name, definition] as const))('%s', (name, definition) => {
	it('asks the game for its action', () => {
		const result = execute(DEMO_NETWORK, definition.example);
		expect(result).toMatchObject({kind: 'session', action: definition.action});
		expect(parse(name).ok).toBe(true);
	});
});

import type {Network} from '../engine/network.js';
import {DEMO_NETWORK} from './demo-network.js';
import {parse} from './index.js';
import type {Command} from './types.js';

/**
 * Helpers for this folder's tests (imported by *.test.ts only): a deeply
 * frozen copy of the demo network, so any mutation by a command throws, and
 * a parse that fails the test loudly.
 */

/** Freezes every object and array reachable from `value`. */
export function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

/** A fresh, deeply frozen copy of the demo network. */
export function frozenDemo(): Network {
	return deepFreeze(structuredClone(DEMO_NETWORK));
}

/** Parses `text` (against `network` when given) and throws with the error message when it does not parse. */
export function mustParse(text: string, network?: Network): Command {
	const result = parse(text, network);
	if (!result.ok) throw new Error(`'${text}' did not parse: ${result.error.message}`);
	return result.command;
}

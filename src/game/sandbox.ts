import type {NetworkInput} from '../engine/network.js';
import {levelSchema, type Level} from '../levels/schema.js';
import {SANDBOX_ID} from './sandbox-id.js';

/**
 * The sandbox: a free network to try commands on, every command allowed,
 * nothing to solve. It is a `Level` like any other so the workbench needs no
 * special case, with the id `sandbox`; its one goal is a state check that
 * holds unless the player makes two subnets overlap, and the session never
 * marks it completed nor awards stars.
 */

/** The id that marks the sandbox. */
export {SANDBOX_ID};

/** TravelBuddy's first server and a customer's laptop, both on the internet. */
const STARTER: NetworkInput = {
	hosts: [
		{
			id: 'web',
			kind: 'server',
			label: "TravelBuddy's server",
			interfaces: [{subnet: 'internet', ip: '203.0.113.10'}],
			apps: [{name: 'website', port: 80}],
		},
		{
			id: 'laptop',
			kind: 'client',
			label: "a customer's laptop",
			interfaces: [{subnet: 'internet', ip: '198.51.100.20'}],
		},
	],
};

/** Whether a level is the sandbox (no completion, no stars). */
export function isSandbox(level: Pick<Level, 'id'>): boolean {
	return level.id === SANDBOX_ID;
}

/** The sandbox level, starting from `network` (default: one web server and one laptop). */
export function sandboxLevel(network: NetworkInput = STARTER): Level {
	return levelSchema.parse({
		formatVersion: 1,
		id: SANDBOX_ID,
		title: 'Sandbox',
		chapter: 'Free play',
		concepts: ['client-server'],
		story: 'No problem to fix today: this is a network to experiment on. Nothing you do here is graded.',
		briefing: {
			question: 'What happens if I…?',
			answer: 'Try it: change the network, then curl, dig or traceroute to see where each packet goes and why.',
		},
		objective: 'Explore freely. Type help to see every command.',
		network,
		goals: [
			{
				id: 'free-play',
				kind: 'state',
				description: 'Free play (this only checks that no two subnets overlap)',
				state: {check: 'no-overlap'},
			},
		],
		hints: ['There is nothing to solve here. Try help, show hosts, then curl laptop http://203.0.113.10/ — and break things on purpose to see why packets drop.'],
		solution: ['# the sandbox has no solution'],
	});
}

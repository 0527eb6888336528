import {COMMANDS} from '../commands/index.js';
import type {Goal} from '../engine/goal.js';
import type {Network} from '../engine/network.js';
import {validateNetwork} from '../engine/validate.js';
import {didYouMean} from './nearest.js';
import type {PathIssue} from './problem.js';
import type {Level} from './schema.js';

/**
 * Checks that what a level names exists: the start network's own references
 * (the engine's `validateNetwork`), unique goal ids, and the hosts, subnets
 * and gateways each goal names.
 */

/**
 * Runs `check`, turning an exception (a bug in netquest, never in the level)
 * into an issue at `path`, so one level can never stop the others from loading.
 */
export function guard(path: readonly PropertyKey[], check: () => PathIssue[]): PathIssue[] {
	try {
		return check();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return [{path, message: `netquest's checker failed on this level (${reason}); this is a bug in netquest, please report it`}];
	}
}

/**
 * Problems found without running anything: the start network's (from the
 * engine, at their path under `/network`), goal ids used twice, and entries of
 * `commands` that name no configuration command.
 */
export function staticIssues(level: Level): PathIssue[] {
	const issues = guard(['network'], () =>
		validateNetwork(level.network).map((issue) => ({path: ['network', ...issue.path], message: issue.message})),
	);
	issues.push(...allowedCommandIssues(level.commands ?? []));
	const firstIndex = new Map<string, number>();
	for (const [index, goal] of level.goals.entries()) {
		const first = firstIndex.get(goal.id);
		if (first === undefined) firstIndex.set(goal.id, index);
		else issues.push({path: ['goals', index, 'id'], message: `goal id ${JSON.stringify(goal.id)} is already used by /goals/${first}`});
	}
	return issues;
}

/** The words `commands` may hold: a configuration command's name (`dns add`) or its noun (`dns`, every dns command). */
function allowedCommandIssues(allowed: readonly string[]): PathIssue[] {
	const words = new Set(COMMANDS.filter((command) => command.kind === 'config').flatMap((command) => [command.name, command.noun]));
	return allowed.flatMap((entry, index) =>
		words.has(entry.trim().toLowerCase())
			? []
			: [{path: ['commands', index], message: `${JSON.stringify(entry)} is not a configuration command${didYouMean(entry, words)}`}],
	);
}

type Known = {
	readonly endpoints: ReadonlySet<string>;
	readonly hosts: ReadonlySet<string>;
	readonly subnets: ReadonlySet<string>;
	readonly vpcs: ReadonlySet<string>;
	readonly waypoints: ReadonlySet<string>;
};

function collect(networks: readonly Network[]): Known {
	const ids = (pick: (network: Network) => readonly {id: string}[]) => new Set(networks.flatMap((network) => pick(network).map((item) => item.id)));
	const hosts = ids((network) => network.hosts);
	const containers = ids((network) => network.containers);
	const gateways = ids((network) => [...network.internetGateways, ...network.natGateways]);
	return {
		endpoints: new Set([...hosts, ...containers]),
		hosts,
		subnets: ids((network) => network.subnets),
		vpcs: ids((network) => network.vpcs),
		waypoints: new Set([...hosts, ...containers, ...gateways]),
	};
}

/**
 * Goals that name a host, container, subnet, VPC or gateway that exists in
 * none of `networks` (the start network, and the network after the reference
 * solution when it applies: a goal may name a subnet the player creates).
 */
export function goalReferenceIssues(goals: readonly Goal[], networks: readonly Network[]): PathIssue[] {
	const known = collect(networks);
	const issues: PathIssue[] = [];
	const expect = (index: number, field: readonly PropertyKey[], id: string | undefined, pool: ReadonlySet<string>, what: string) => {
		if (id === undefined || pool.has(id)) return;
		const goal = goals[index];
		issues.push({
			path: ['goals', index, ...field],
			message: `goal ${JSON.stringify(goal?.id)} names ${what} ${JSON.stringify(id)}, which does not exist${didYouMean(id, pool)}`,
		});
	};
	for (const [index, goal] of goals.entries()) {
		switch (goal.kind) {
			case 'reach':
			case 'blocked':
				expect(index, ['flow', 'from'], goal.flow.from, known.endpoints, 'the host');
				expect(index, ['flow', 'toHost'], goal.flow.toHost, known.endpoints, 'the host');
				if (goal.kind === 'reach') expect(index, ['via'], goal.via, known.waypoints, 'the host or gateway');
				break;
			case 'only':
				for (const [position, from] of goal.from.entries()) expect(index, ['from', position], from, known.endpoints, 'the host');
				expect(index, ['toHost'], goal.toHost, known.endpoints, 'the host');
				break;
			case 'state': {
				const state = goal.state;
				if ('subnet' in state) expect(index, ['state', 'subnet'], state.subnet, known.subnets, 'the subnet');
				if ('vpc' in state) expect(index, ['state', 'vpc'], state.vpc, known.vpcs, 'the VPC');
				if ('host' in state) expect(index, ['state', 'host'], state.host, known.hosts, 'the host');
				if ('from' in state) expect(index, ['state', 'from'], state.from, known.endpoints, 'the host');
				break;
			}
		}
	}
	return issues;
}

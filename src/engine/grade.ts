import {formatAddress} from './address.js';
import {describeClass, representatives} from './address-class.js';
import {computeExposure} from './exposure.js';
import type {Trace} from './flow.js';
import {goalSchema, type BlockedGoal, type Goal, type GoalInput, type GoalResult, type GradeReport, type ReachGoal} from './goal.js';
import type {Network} from './network.js';
import {gradeOnlyGoal} from './only-goal.js';
import {ReachabilityCache} from './reachable-ports.js';
import {checkState} from './state-check.js';
import {trace} from './trace.js';

/**
 * Grading: a network against a level's goals. Goals are checked against the
 * network's behaviour — flows traced by the engine — never against the
 * commands typed. Pure and deterministic: the same input gives a report
 * whose JSON is byte-identical.
 */

const GOAL_KINDS: readonly Goal['kind'][] = ['reach', 'blocked', 'only', 'state'];

function field(input: unknown, name: string): unknown {
	return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
}

/** A goal that does not parse fails, naming the first problem; it never throws. */
function malformed(input: unknown, position: number, problem: string): GoalResult {
	const id = field(input, 'id');
	const kind = field(input, 'kind');
	const description = field(input, 'description');
	return {
		id: typeof id === 'string' && id !== '' ? id : `goal-${position + 1}`,
		kind: GOAL_KINDS.find((name) => name === kind) ?? 'state',
		description: typeof description === 'string' && description !== '' ? description : '(malformed goal)',
		passed: false,
		message: `This goal is malformed and cannot be checked: ${problem}`,
	};
}

/**
 * The trace that decides a goal over its source class: the first member
 * address for which `failing` holds (the sample's own address first), or the
 * sample's own trace when none fails. `who` names the counterexample's source.
 */
function decidingTrace(network: Network, goal: ReachGoal | BlockedGoal, failing: (result: Trace) => boolean): {result: Trace; who: string; problem?: string} {
	const own = trace(network, goal.flow);
	if (goal.sources === undefined) return {result: own, who: ''};
	const found = representatives(network, goal.flow.from, goal.sources);
	if ('problem' in found) {
		const problem = `The goal's sources cannot be checked: ${found.problem}.`;
		return {result: {...own, outcome: {code: 'BAD_FLOW', at: goal.flow.from, message: problem}}, who: '', problem};
	}
	if (failing(own)) return {result: own, who: ''};
	for (const address of found.addresses) {
		const result = trace(network, goal.flow, {sourceAddress: address});
		if (failing(result)) return {result, who: `From ${formatAddress(address)} (one of ${describeClass(goal.sources)}): `};
	}
	return {result: own, who: ''};
}

function gradeReach(network: Network, goal: ReachGoal): GoalResult {
	const fails = (result: Trace) => result.outcome.code !== 'DELIVERED' || (goal.via !== undefined && !result.path.includes(goal.via));
	const {result, who} = decidingTrace(network, goal, fails);
	const base = {id: goal.id, kind: goal.kind, description: goal.description, code: result.outcome.code, trace: result};
	if (result.outcome.code !== 'DELIVERED') return {...base, passed: false, message: `${who}${result.outcome.message}`};
	if (goal.via !== undefined && !result.path.includes(goal.via)) {
		return {...base, passed: false, message: `${who}Delivered, but not through ${goal.via}.`};
	}
	const through = goal.via === undefined ? '' : ` through ${goal.via}`;
	const every = goal.sources === undefined ? '' : ` (and so from every address of ${describeClass(goal.sources)})`;
	return {...base, passed: true, message: `Delivered${through}${every}: ${result.outcome.message}`};
}

function gradeBlocked(network: Network, goal: BlockedGoal): GoalResult {
	const fails = (result: Trace) => result.outcome.code === 'DELIVERED' || (goal.codes !== undefined && !goal.codes.includes(result.outcome.code));
	const {result, who, problem} = decidingTrace(network, goal, fails);
	const code = result.outcome.code;
	const base = {id: goal.id, kind: goal.kind, description: goal.description, code, trace: result};
	if (problem !== undefined) return {...base, passed: false, message: problem};
	if (code === 'DELIVERED') return {...base, passed: false, message: `${who}It should be blocked, but it was delivered: ${result.outcome.message}`};
	if (goal.codes !== undefined && !goal.codes.includes(code)) {
		return {
			...base,
			passed: false,
			message: `${who}Blocked, but for the wrong reason: ${code}, expected ${goal.codes.join(' or ')}. ${result.outcome.message}`,
		};
	}
	const every = goal.sources === undefined ? '' : ` (and so from every address of ${describeClass(goal.sources)})`;
	return {...base, passed: true, message: `Blocked (${code})${every}: ${result.outcome.message}`};
}

function gradeGoal(network: Network, goal: Goal, cache: ReachabilityCache): GoalResult {
	switch (goal.kind) {
		case 'reach':
			return gradeReach(network, goal);
		case 'blocked':
			return gradeBlocked(network, goal);
		case 'only':
			return gradeOnlyGoal(network, goal, cache);
		case 'state': {
			const verdict = checkState(network, goal.state);
			return {id: goal.id, kind: goal.kind, description: goal.description, passed: verdict.passed, message: verdict.message};
		}
	}
}

function firstProblem(error: {issues: readonly {path: readonly PropertyKey[]; message: string}[]}): string {
	const issue = error.issues[0];
	if (issue === undefined) return 'unknown shape';
	const where = issue.path.length === 0 ? '' : ` (at ${issue.path.map(String).join('.')})`;
	return `${issue.message}${where}`;
}

/**
 * Grades a network against goals (parsed goals or JSON-shaped input). Each
 * goal gets a result in the given order; a malformed goal is a failed result,
 * not an exception. `solved` is true when every goal passed (and there is at
 * least one). `exposure` counts the ports the internet can reach.
 */
export function grade(network: Network, goals: readonly (Goal | GoalInput)[]): GradeReport {
	const cache = new ReachabilityCache(network);
	const results = goals.map((input, position) => {
		const parsed = goalSchema.safeParse(input);
		return parsed.success ? gradeGoal(network, parsed.data, cache) : malformed(input, position, firstProblem(parsed.error));
	});
	return {
		solved: results.length > 0 && results.every((result) => result.passed),
		goals: results,
		exposure: computeExposure(network, cache),
	};
}

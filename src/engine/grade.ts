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

/** What one trace says about a flow goal: passed or not, and why. `every` is appended to a pass ("and so from every address of …"). */
type FlowVerdict = {readonly passed: boolean; readonly message: string};

function reachVerdict(goal: ReachGoal, result: Trace, every: string): FlowVerdict {
	if (result.outcome.code !== 'DELIVERED') return {passed: false, message: result.outcome.message};
	if (goal.via !== undefined && !result.path.includes(goal.via)) return {passed: false, message: `Delivered, but not through ${goal.via}.`};
	const through = goal.via === undefined ? '' : ` through ${goal.via}`;
	return {passed: true, message: `Delivered${through}${every}: ${result.outcome.message}`};
}

function blockedVerdict(goal: BlockedGoal, result: Trace, every: string): FlowVerdict {
	const code = result.outcome.code;
	if (code === 'DELIVERED') return {passed: false, message: `It should be blocked, but it was delivered: ${result.outcome.message}`};
	if (goal.codes !== undefined && !goal.codes.includes(code)) {
		return {passed: false, message: `Blocked, but for the wrong reason: ${code}, expected ${goal.codes.join(' or ')}. ${result.outcome.message}`};
	}
	return {passed: true, message: `Blocked (${code})${every}: ${result.outcome.message}`};
}

/**
 * Grades a reach or blocked goal. Without `sources` the sample host's own
 * trace decides; with them, the first member address of the class whose trace
 * fails the goal (the sample's own address first) is the counterexample, named
 * in the message, and the goal passes only when no member fails.
 */
function gradeFlowGoal<G extends ReachGoal | BlockedGoal>(network: Network, goal: G, verdictOf: (goal: G, result: Trace, every: string) => FlowVerdict): GoalResult {
	const result = (trace: Trace, verdict: FlowVerdict): GoalResult => ({
		id: goal.id,
		kind: goal.kind,
		description: goal.description,
		code: trace.outcome.code,
		trace,
		...verdict,
	});
	const own = trace(network, goal.flow);
	if (goal.sources === undefined) return result(own, verdictOf(goal, own, ''));
	const found = representatives(network, goal.flow.from, goal.sources);
	if ('problem' in found) {
		const message = `The goal's sources cannot be checked: ${found.problem}.`;
		return result({...own, outcome: {code: 'BAD_FLOW', at: goal.flow.from, message}}, {passed: false, message});
	}
	const every = ` (and so from every address of ${describeClass(goal.sources)})`;
	const ownVerdict = verdictOf(goal, own, every);
	if (!ownVerdict.passed) return result(own, ownVerdict);
	for (const address of found.addresses) {
		const member = trace(network, goal.flow, {sourceAddress: address});
		const verdict = verdictOf(goal, member, every);
		if (!verdict.passed) return result(member, {passed: false, message: `From ${formatAddress(address)} (one of ${describeClass(goal.sources)}): ${verdict.message}`});
	}
	return result(own, ownVerdict);
}

function gradeGoal(network: Network, goal: Goal, cache: ReachabilityCache): GoalResult {
	switch (goal.kind) {
		case 'reach':
			return gradeFlowGoal(network, goal, reachVerdict);
		case 'blocked':
			return gradeFlowGoal(network, goal, blockedVerdict);
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

import {countConfigCommands, runScript} from '../commands/index.js';
import {grade} from '../engine/grade.js';
import type {GradeReport} from '../engine/goal.js';
import type {Network} from '../engine/network.js';
import type {PathIssue} from './problem.js';
import {goalReferenceIssues, guard} from './references.js';
import type {Level} from './schema.js';

/**
 * Replaying a level's reference solution: does it parse, apply and solve the
 * level, and is the start network unsolved? This is what makes a level
 * playable in practice; `validate` reports it, `check` uses the reference
 * run for par and reference exposure.
 */

/** The outcome of applying a script to a level's start network. */
export type ScriptRun =
	| {readonly ok: true; readonly network: Network; readonly configCount: number}
	| {
			readonly ok: false;
			/** 1-based line of the script, the line's text, why it failed, and the span of `text` to underline. */
			readonly line: number;
			readonly text: string;
			readonly message: string;
			readonly start: number;
			readonly end: number;
	  };

/** Applies a script (one command a line, `#` comments) to the level's start network, with the level's allowed commands. */
export function applyScript(level: Level, script: string): ScriptRun {
	const result = level.commands === undefined ? runScript(level.network, script) : runScript(level.network, script, {allowed: level.commands});
	if (result.ok) return {ok: true, network: result.network, configCount: result.configCount};
	const {message, start, end} = result.error;
	return {ok: false, line: result.line, text: result.text, message, start, end};
}

/** The reference solution's figures: par (its configuration commands) and, when it applies, its grade. */
export type Reference = {
	readonly par: number;
	readonly run: ScriptRun;
	readonly report?: GradeReport;
};

/** Replays the level's reference solution and grades the result. Throws only on a bug in the engine or commands. */
export function replayReference(level: Level): Reference {
	const par = countConfigCommands(level.solution);
	const run = applyScript(level, level.solution.join('\n'));
	return run.ok ? {par, run, report: grade(run.network, level.goals)} : {par, run};
}

/**
 * Everything wrong with a level that only running it shows: a start network
 * that already meets every goal; a solution line that fails to parse or
 * apply (at `/solution/N`); goals the solution leaves failing, with their
 * outcome codes (at `/solution`); goals naming things that exist neither at
 * the start nor after the solution.
 */
export function solutionIssues(level: Level): PathIssue[] {
	const issues: PathIssue[] = [];
	issues.push(
		...guard(['network'], () =>
			grade(level.network, level.goals).solved
				? [{path: ['network'], message: 'the start network already meets every goal: the player would have nothing to do'}]
				: [],
		),
	);
	let solved: Network | undefined;
	issues.push(
		...guard(['solution'], () => {
			const reference = replayReference(level);
			if (!reference.run.ok) {
				const {line, text, message} = reference.run;
				return [{path: ['solution', solutionIndex(level.solution, line)], message: `solution line ${JSON.stringify(text)} fails: ${message}`}];
			}
			solved = reference.run.network;
			return (reference.report?.goals ?? [])
				.filter((goal) => !goal.passed)
				.map((goal) => ({
					path: ['solution'],
					message: `the solution does not solve the level: goal ${JSON.stringify(goal.id)} fails${goal.code ? ` with ${goal.code}` : ''}: ${goal.message}`,
				}));
		}),
	);
	issues.push(...goalReferenceIssues(level.goals, solved ? [level.network, solved] : [level.network]));
	return issues;
}

/** The index in `solution` of 1-based script line `line` (an element may hold several lines). */
function solutionIndex(solution: readonly string[], line: number): number {
	let seen = 0;
	for (const [index, text] of solution.entries()) {
		seen += text.split('\n').length;
		if (line <= seen) return index;
	}
	return Math.max(0, solution.length - 1);
}

/**
 * Only the goal references of `solutionIssues`, for a level whose start
 * network has problems of its own (its solvability is not judged then).
 * The reference solution is still applied, when it applies, to learn what it creates.
 */
export function goalIssues(level: Level): PathIssue[] {
	const networks = [level.network];
	const extra = guard([], () => {
		const run = applyScript(level, level.solution.join('\n'));
		if (run.ok) networks.push(run.network);
		return [];
	});
	return [...extra, ...goalReferenceIssues(level.goals, networks)];
}

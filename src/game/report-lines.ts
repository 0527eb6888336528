import type {Goal, GoalResult, GradeReport, PortSpan} from '../engine/goal.js';
import {reasonText} from './plain-reason.js';

/**
 * Plain-text lines about a grade report, for the session log and the CLI:
 * ✓/✗ per goal with why, and which goals a change flipped.
 */

/** `tcp 443` or `tcp 1024-65535`. */
export function portSpanText(span: PortSpan): string {
	return span.to === undefined || span.to === span.port ? `${span.protocol} ${span.port}` : `${span.protocol} ${span.port}-${span.to}`;
}

/** The level's definition of a result's goal, if the level is known. */
function definitionOf(goal: GoalResult, goals: readonly Goal[] | undefined): Goal | undefined {
	return goals?.find((candidate) => candidate.id === goal.id);
}

/** `label: tcp 22, udp 1-65535` for port spans the goal's message does not already list. */
function spanLine(label: string, spans: readonly PortSpan[] | undefined, message: string): string[] {
	if (spans === undefined || spans.length === 0) return [];
	const text = spans.map(portSpanText).join(', ');
	return message.includes(text) ? [] : [`    ${label}: ${text}`];
}

/** One goal: `✓ description — why`, then for `only` goals the ports that are wrong (unless the message lists them). */
export function goalResultLines(goal: GoalResult, goals?: readonly Goal[]): string[] {
	return [
		`${goal.passed ? '✓' : '✗'} ${goal.description} — ${reasonText(goal, definitionOf(goal, goals))}`,
		...spanLine('reachable but should not be', goal.extra, goal.message),
		...spanLine('required but not reachable', goal.missing, goal.message),
	];
}

/** `Goals: 2 of 3 passing`, then every goal's lines (`goals`, the level's definitions, sharpen the reasons). */
export function reportLines(report: GradeReport, goals?: readonly Goal[]): string[] {
	const passing = report.goals.filter((goal) => goal.passed).length;
	return [`Goals: ${passing} of ${report.goals.length} passing`, ...report.goals.flatMap((goal) => goalResultLines(goal, goals))];
}

/** The goals whose verdict differs between two reports: `✓ now passes: …` / `✗ now fails: … — why`. */
export function goalChangeLines(before: GradeReport, after: GradeReport, goals?: readonly Goal[]): string[] {
	const lines: string[] = [];
	for (const goal of after.goals) {
		const old = before.goals.find((candidate) => candidate.id === goal.id);
		if (old === undefined || old.passed === goal.passed) continue;
		lines.push(goal.passed ? `✓ now passes: ${goal.description}` : `✗ now fails: ${goal.description} — ${reasonText(goal, definitionOf(goal, goals))}`);
	}
	return lines;
}

/** The first failing goal, if any (its trace is what `check` shows). */
export function firstFailing(report: GradeReport): GoalResult | undefined {
	return report.goals.find((goal) => !goal.passed);
}

import fs from 'node:fs';
import path from 'node:path';
import type {Trace} from '../engine/flow.js';
import type {GoalResult, GradeReport, PortSpan} from '../engine/goal.js';
import {grade} from '../engine/grade.js';
import type {Network} from '../engine/network.js';
import {computeStars, goalResultLines, starLines} from '../game/index.js';
import type {StarReport} from '../game/types.js';
import {errorCode} from '../levels/level-files.js';
import {sanitizeText} from '../levels/sanitize.js';
import type {Level} from '../levels/schema.js';
import {applyScript, replayReference} from '../levels/solution.js';
import {quoteDecider} from '../commands/index.js';
import type {CliContext} from './context.js';
import {capText, echoLine} from './echo-line.js';
import {EXIT, type ExitCode, writeLines} from './io.js';
import {painter} from './paint.js';
import {resolveLevel} from './resolve-level.js';

/**
 * `netquest check <level-file|level-id> <solution-file> [--json]`: applies a
 * solution to the level's start network and grades it. Exit 0 solved, 1 not
 * solved, 2 bad input. The JSON report is deterministic: the same level and
 * solution always give the same bytes.
 */

/** Solution files larger than this are refused (a solution is a few dozen short lines). */
export const MAX_SOLUTION_BYTES = 1024 * 1024;

/** One goal in the `--json` report. */
export type CheckedGoal = {
	readonly id: string;
	readonly kind: GoalResult['kind'];
	readonly description: string;
	readonly passed: boolean;
	/** The outcome code of the deciding trace; null for state goals. */
	readonly code: string | null;
	readonly message: string;
	/** `only` goals: ports open that should not be, and required ports that are closed (empty otherwise). */
	readonly extra: readonly PortSpan[];
	readonly missing: readonly PortSpan[];
	/** The trace that decided the goal, hop by hop; null when none (state goals). */
	readonly trace: Trace | null;
};

/** The `--json` report. */
export type CheckReport = {
	readonly level: string;
	readonly solved: boolean;
	readonly stars: number;
	/** Configuration commands in the solution, and in the reference solution (par). */
	readonly commands: number;
	readonly par: number;
	/** Ports reachable from the internet; the reference solution's figure (null when it does not apply). */
	readonly exposure: number;
	readonly referenceExposure: number | null;
	readonly goals: readonly CheckedGoal[];
};

/** Runs `check`. */
export async function checkCommand(args: readonly string[], context: CliContext): Promise<ExitCode> {
	const {io} = context;
	if (args.length !== 2) {
		io.stderr('netquest check: give a level and a solution file\nUsage: netquest check <level-file|level-id> <solution-file> [--json]\n');
		return EXIT.usage;
	}
	const [levelName = '', solutionName = ''] = args;
	const resolved = await resolveLevel(levelName, context, 'check');
	if (!resolved.ok) {
		writeLines(io.stderr, resolved.lines);
		return EXIT.usage;
	}
	const {level} = resolved;
	const solutionFile = path.resolve(io.cwd, solutionName);
	const shown = context.show(solutionFile);
	const script = readSolution(solutionFile);
	if (!script.ok) {
		io.stderr(`netquest check: ${shown}: ${script.message}\n`);
		return EXIT.usage;
	}
	const run = applyScript(level, script.text);
	if (!run.ok) {
		writeLines(io.stderr, [sanitizeText(`netquest check: ${shown}:${run.line}: ${capText(run.message)}`), ...echoLine(run.text, run.start, run.end)]);
		return EXIT.usage;
	}
	const report = grade(run.network, level.goals);
	const reference = replayReference(level);
	const referenceExposure = reference.report?.exposure.total;
	if (referenceExposure === undefined) {
		io.stderr(`netquest check: note: the level's reference solution does not apply, so least privilege is not judged (run netquest validate)\n`);
	}
	const stars = computeStars({
		commands: run.configCount,
		par: reference.par,
		hintsUsed: 0,
		exposure: report.exposure.total,
		referenceExposure: referenceExposure ?? report.exposure.total,
		solved: report.solved,
	});
	if (context.options.json) {
		io.stdout(`${JSON.stringify(checkReport(level, report, stars, referenceExposure), null, 2)}\n`);
	} else {
		writeLines(io.stdout, humanReport(level, report, stars, run.network, context));
	}
	return report.solved ? EXIT.ok : EXIT.problems;
}

function readSolution(file: string): {ok: true; text: string} | {ok: false; message: string} {
	try {
		const stat = fs.statSync(file);
		if (!stat.isFile()) return {ok: false, message: 'not a file'};
		if (stat.size > MAX_SOLUTION_BYTES) return {ok: false, message: `the solution file is larger than ${MAX_SOLUTION_BYTES / 1024} KB`};
		return {ok: true, text: new TextDecoder('utf-8', {fatal: true}).decode(fs.readFileSync(file))};
	} catch (error) {
		if (error instanceof TypeError) return {ok: false, message: 'the solution file is not UTF-8 text'};
		const code = errorCode(error);
		return {ok: false, message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`};
	}
}

/** The `--json` report: plain data, keys in a fixed order. */
export function checkReport(level: Level, report: GradeReport, stars: StarReport, referenceExposure: number | undefined): CheckReport {
	return {
		level: level.id,
		solved: report.solved,
		stars: stars.stars,
		commands: stars.commands,
		par: stars.par,
		exposure: report.exposure.total,
		referenceExposure: referenceExposure ?? null,
		goals: report.goals.map((goal) => ({
			id: goal.id,
			kind: goal.kind,
			description: goal.description,
			passed: goal.passed,
			code: goal.code ?? null,
			message: goal.message,
			extra: goal.extra ?? [],
			missing: goal.missing ?? [],
			trace: goal.trace ?? null,
		})),
	};
}

function humanReport(level: Level, report: GradeReport, stars: StarReport, network: Network, context: CliContext): string[] {
	const lines = [`${level.id}: ${level.title}`];
	for (const goal of report.goals) {
		lines.push(...goalResultLines(goal));
		if (!goal.passed) lines.push(...blockingLines(goal, network));
	}
	if (report.solved) {
		lines.push('', ...starLines(stars));
	} else {
		const failing = report.goals.filter((goal) => !goal.passed).length;
		lines.push('', `Not solved: ${failing} of ${report.goals.length} ${report.goals.length === 1 ? 'goal fails' : 'goals fail'}.`);
	}
	const paint = painter(context.color);
	return lines.map((line) => sanitizeText(line)).map((line) => {
		if (line.startsWith('✓')) return paint.green('✓') + line.slice(1);
		if (line.startsWith('✗')) return paint.red('✗') + line.slice(1);
		return line;
	});
}

/** For a failing goal: which component decided, and where. */
function blockingLines(goal: GoalResult, network: Network): string[] {
	const outcome = goal.trace?.outcome;
	if (outcome === undefined) return [];
	if (outcome.decidedBy === undefined) return [`    stopped at: ${outcome.at}`];
	const label = outcome.code === 'DELIVERED' ? 'let through by' : 'blocked by';
	return [`    ${label}: ${quoteDecider(network, outcome.decidedBy)} (at ${outcome.at})`];
}

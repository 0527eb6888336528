import {countConfigCommands, execute, runScript} from '../commands/index.js';
import {grade} from '../engine/grade.js';
import type {Network} from '../engine/network.js';
import type {Level} from '../levels/schema.js';
import {isSandbox} from './sandbox.js';
import {allowedBy, info} from './session-log.js';
import {completeIfSolved} from './completion.js';
import type {LogEntry, SessionState} from './types.js';

/** What a session resumes from (the store's saved draft and hint count). */
export type StartOptions = {
	/** Configuration commands saved from the last time, replayed in order. */
	readonly draft?: readonly string[];
	/** Hints already revealed on this level (they stay counted). */
	readonly hintsUsed?: number;
};

/** A replayed draft: the network and undo stack it builds, or the first line that no longer applies. */
type Replay =
	| {
			readonly ok: true;
			readonly network: Network;
			readonly undoStack: readonly Network[];
			/** Each command's real-world equivalents. */
			readonly realWorld: readonly (readonly string[])[];
	  }
	| {readonly ok: false; readonly line: number; readonly text: string; readonly reason: string};

/**
 * Replays a saved draft on the level's start, one command at a time as if
 * typed (so every replayed command can be undone). Any line that is refused,
 * or is not a configuration command, stops the replay: a draft is never
 * applied in part.
 */
export function replayDraft(level: Level, draft: readonly string[]): Replay {
	let network = level.network;
	const undoStack: Network[] = [];
	const realWorld: (readonly string[])[] = [];
	for (const [index, text] of draft.entries()) {
		const result = execute(network, text, allowedBy(level));
		if (result.kind === 'changed') {
			undoStack.push(network);
			realWorld.push(result.realWorld);
			network = result.network;
			continue;
		}
		const reason = result.kind === 'error' ? result.error.message : 'it is not a configuration command';
		return {ok: false, line: index + 1, text, reason};
	}
	return {ok: true, network, undoStack, realWorld};
}

/**
 * The exposure of the level's reference solution (ports reachable from the
 * internet), or, when the solution does not replay (a broken level — `netquest
 * validate` says so), the start network's, with the problem. A solution that
 * replays but leaves goals failing is a problem too: the level may be
 * impossible as written, and the player is told so instead of being left to
 * find out.
 */
function referenceExposure(level: Level): {exposure: number; problem?: string} {
	const result = runScript(level.network, level.solution.join('\n'), allowedBy(level));
	if (!result.ok) {
		return {
			exposure: grade(level.network, level.goals).exposure.total,
			problem: `This level's reference solution fails at line ${result.line} (${result.error.message}); stars for least privilege compare with the start instead. Run netquest validate on it.`,
		};
	}
	const report = grade(result.network, level.goals);
	if (report.solved) return {exposure: report.exposure.total};
	const failing = report.goals.filter((goal) => !goal.passed).map((goal) => `"${goal.id}"`);
	const goals = `goal${failing.length === 1 ? '' : 's'} ${failing.join(', ')}`;
	return {
		exposure: report.exposure.total,
		problem: `This level's own reference solution leaves ${goals} failing: the level may be impossible as written. Tell its author (netquest validate finds this).`,
	};
}

/**
 * Starts playing a level: computes par (the reference solution's
 * configuration commands) and the reference exposure, replays the saved
 * draft, grades, and logs what happened. A draft that no longer replays (the
 * level changed) is not applied at all: the session starts fresh with
 * `draftProblem` saying which line failed and why, and the old draft in
 * `staleDraft`. A restored draft that already solves the level sets
 * `completed` straight away.
 */
export function startSession(level: Level, options: StartOptions = {}): SessionState {
	const draft = options.draft ?? [];
	const reference = isSandbox(level) ? {exposure: 0} : referenceExposure(level);
	const replay = replayDraft(level, draft);
	const lines = [`${level.title} — ${level.objective}`];
	let draftProblem: string | undefined;
	if (!replay.ok) {
		draftProblem = `Your saved work no longer applies: line ${replay.line} "${replay.text}" was refused (${replay.reason}). The level has probably changed since; starting from the beginning.`;
		lines.push(draftProblem);
	} else if (draft.length > 0) {
		lines.push(`Restored your ${draft.length} saved command${draft.length === 1 ? '' : 's'} (undo removes them one by one).`);
	}
	if (reference.problem !== undefined) lines.push(reference.problem);
	const network = replay.ok ? replay.network : level.network;
	const report = grade(network, level.goals);
	if (!isSandbox(level) && network === level.network && report.solved) {
		lines.push('This level is already solved at the start: there is nothing to do. Tell its author (netquest validate finds this).');
	}
	const hintsRevealed = Math.max(0, Math.min(level.hints.length, Math.trunc(options.hintsUsed ?? 0)));
	const log: LogEntry[] = [info(...lines)];
	const state: SessionState = {
		level,
		par: countConfigCommands(level.solution),
		referenceExposure: reference.exposure,
		network,
		undoStack: replay.ok ? replay.undoStack : [],
		draft: replay.ok ? [...draft] : [],
		draftRealWorld: replay.ok ? replay.realWorld : [],
		report,
		hintsRevealed,
		log,
		...(draftProblem === undefined ? {} : {draftProblem, staleDraft: [...draft]}),
	};
	return completeIfSolved(state, 'restored');
}

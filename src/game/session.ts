import {execute, helpFor, renderOutput} from '../commands/index.js';
import type {CommandError, Execution, SessionActionName} from '../commands/types.js';
import {grade} from '../engine/grade.js';
import type {Network} from '../engine/network.js';
import {completeIfSolved} from './completion.js';
import {firstFailing, goalChangeLines, reportLines} from './report-lines.js';
import {allowedBy, info, withLog} from './session-log.js';
import {explainGoalLines} from './plain-reason.js';
import {isSandbox} from './sandbox.js';
import {starLines} from './stars.js';
import type {LogEntry, SessionAction, SessionState} from './types.js';

export {startSession, type StartOptions} from './session-start.js';

/**
 * The session reducer: the only thing that changes a `SessionState`. Pure:
 * the same state and action always give the same new state.
 */

/** Where a change moves the session: the network, its undo stack and the draft with real-world lines. */
type Position = {
	readonly network: Network;
	readonly undoStack: readonly Network[];
	readonly draft: readonly string[];
	readonly draftRealWorld: readonly (readonly string[])[];
};

/** The state moved to another position: regraded, with the goals it flipped. */
function moveTo(state: SessionState, position: Position): {state: SessionState; changes: string[]} {
	const report = grade(position.network, state.level.goals);
	return {state: {...state, ...position, report}, changes: goalChangeLines(state.report, report, state.level.goals)};
}

/** The real-world lines of the draft, whatever an older state carried. */
function realWorldOf(state: SessionState): readonly (readonly string[])[] {
	const known = state.draftRealWorld ?? [];
	return state.draft.map((_text, index) => known[index] ?? []);
}

/** Undo the last configuration command. */
function undo(state: SessionState): SessionState {
	const previous = state.undoStack.at(-1);
	if (previous === undefined) return withLog(state, info('Nothing to undo.'));
	const undone = state.draft.at(-1);
	const moved = moveTo(state, {
		network: previous,
		undoStack: state.undoStack.slice(0, -1),
		draft: state.draft.slice(0, -1),
		draftRealWorld: realWorldOf(state).slice(0, -1),
	});
	return withLog(moved.state, info(undone === undefined ? 'Undone.' : `Undone: ${undone}`, ...moved.changes));
}

/** Back to the level's start network. Hints revealed stay counted. */
function reset(state: SessionState): SessionState {
	if (state.draft.length === 0 && state.undoStack.length === 0) return withLog(state, info('Already at the start of the level.'));
	const removed = state.draft.length;
	const moved = moveTo(state, {network: state.level.network, undoStack: [], draft: [], draftRealWorld: []});
	const what = `${removed} command${removed === 1 ? '' : 's'}`;
	return withLog(moved.state, info(`Back to the start of the level: your ${what} removed.`, ...moved.changes));
}

/** Reveal the next hint (counted), or repeat them all once none is left. */
function revealHint(state: SessionState): SessionState {
	const {hints} = state.level;
	const next = hints[state.hintsRevealed];
	if (next === undefined) {
		const all = hints.map((hint, index) => `Hint ${index + 1} of ${hints.length}: ${hint}`);
		return withLog(state, {kind: 'hint', lines: [...all, 'That was the last hint.']});
	}
	const hintsRevealed = state.hintsRevealed + 1;
	const lines = [`Hint ${hintsRevealed} of ${hints.length}: ${next}`];
	if (hintsRevealed === 1 && !isSandbox(state.level)) lines.push('(A revealed hint costs the no-hints star of this level.)');
	return withLog({...state, hintsRevealed}, {kind: 'hint', lines});
}

/** The grade as a log entry; `check` also attaches the first failing goal's trace. */
function gradeEntry(state: SessionState, withTrace: boolean): LogEntry {
	const lines = reportLines(state.report, state.level.goals);
	if (state.report.solved) {
		lines.push(state.completed === undefined ? 'Every goal passes.' : `Every goal passes. ${starLines(state.completed)[0] ?? ''}`);
	}
	const failing = withTrace ? firstFailing(state.report) : undefined;
	if (failing?.trace !== undefined) lines.push(`Trace of "${failing.description}" attached.`);
	return {kind: 'output', lines, ...(failing?.trace === undefined ? {} : {trace: failing.trace})};
}

/**
 * The lines of a refused command: the message and what was expected. The
 * typed text and its caret are not repeated: the entry's `error` span lets
 * the UI underline the text itself.
 */
function errorLines(error: CommandError): string[] {
	const lines = [error.message];
	if (error.expected !== undefined && !error.message.includes(error.expected)) lines.push(`expected ${error.expected}`);
	if (error.suggestion !== undefined && !lines.some((line) => line.includes(error.suggestion ?? ''))) {
		lines.push(`did you mean '${error.suggestion}'?`);
	}
	return lines;
}

/** Whether a typed `hint` must be confirmed: the first one costs the no-hints star (nothing is at stake in the sandbox). */
function hintCostsAStar(state: SessionState): boolean {
	return state.hintsRevealed === 0 && state.level.hints.length > 0 && !isSandbox(state.level) && state.completed === undefined;
}

/** Asks before `reset` or the first `hint`, saying what it costs and how to go ahead or not. */
function askFirst(state: SessionState, what: 'reset' | 'hint'): SessionState {
	const count = state.draft.length;
	const line =
		what === 'reset'
			? `reset removes your ${count} command${count === 1 ? '' : 's'} and starts the level again (undo takes back one at a time).`
			: 'hint shows hint 1 and costs this level’s no-hints star (the traces are free: try curl, traceroute or Ctrl+G first).';
	return withLog({...state, confirming: what}, info(line, `Type ${what} again (or yes) to go ahead; anything else keeps things as they are.`));
}

/** A session command typed at the prompt. */
function sessionCommand(state: SessionState, action: SessionActionName, topic: string | undefined, confirmed: boolean): SessionState {
	switch (action) {
		case 'undo':
			return undo(state);
		case 'reset':
			if (!confirmed && state.draft.length > 0) return askFirst(state, 'reset');
			return reset(state);
		case 'hint':
			if (!confirmed && hintCostsAStar(state)) return askFirst(state, 'hint');
			return revealHint(state);
		case 'help':
			return withLog(state, {kind: 'output', lines: helpFor(topic)});
		case 'goals':
			return withLog(state, gradeEntry(state, false));
		case 'check':
			return withLog(state, gradeEntry(state, true));
		case 'map':
			return withLog(state, {kind: 'info', lines: ['The topology picture (Ctrl+O opens it too; Esc comes back).'], show: 'topology'});
	}
}

/** What the typed text did. `confirmed`: a `reset` or `hint` the player already said yes to. */
function applyExecution(state: SessionState, text: string, result: Execution, confirmed = false): SessionState {
	switch (result.kind) {
		case 'changed': {
			const moved = moveTo(state, {
				network: result.network,
				undoStack: [...state.undoStack, state.network],
				draft: [...state.draft, text.trim()],
				draftRealWorld: [...realWorldOf(state), result.realWorld],
			});
			const entry: LogEntry = {kind: 'change', lines: [result.summary, ...moved.changes], realWorld: result.realWorld};
			return completeIfSolved(withLog(moved.state, entry), 'played');
		}
		case 'output': {
			const trace = result.output.type === 'trace' ? result.output.trace : undefined;
			return withLog(state, {kind: 'output', lines: renderOutput(result.output), ...(trace === undefined ? {} : {trace})});
		}
		case 'session':
			return sessionCommand(state, result.action, result.topic, confirmed);
		case 'error':
			return withLog(state, {
				kind: 'error',
				lines: errorLines(result.error),
				error: {text, start: result.error.start, end: result.error.end},
			});
	}
}

/**
 * Applies one action:
 * - `submit` runs the typed text with the level's allowed commands: a
 *   configuration change is applied (undoable, added to the draft, regraded);
 *   an inspection's output is logged (with its trace); `undo`, `reset`,
 *   `hint`, `help`, `goals` and `check` do what they say; a refused command
 *   logs the error with its span. Blank text changes nothing.
 * - `undo`, `reset` and `reveal-hint` behave as the typed commands.
 * The first time every goal passes, `completed` is set with the stars earned.
 */
export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
	switch (action.type) {
		case 'submit': {
			if (action.text.trim() === '') return state;
			const {confirming, ...rest} = state;
			const typed = withLog(rest, {kind: 'input', lines: [action.text]});
			const word = action.text.trim().toLowerCase();
			if (confirming !== undefined && (word === 'yes' || word === 'y')) return applyExecution(typed, confirming, execute(state.network, confirming, allowedBy(state.level)), true);
			const result = execute(state.network, action.text, allowedBy(state.level));
			const again = confirming !== undefined && result.kind === 'session' && result.action === confirming;
			// Anything but a yes is a no: said once, so the player knows the reset or hint did not happen.
			const declined = confirming !== undefined && !again ? withLog(typed, info(confirming === 'reset' ? 'Not reset: your commands stay.' : 'No hint shown.')) : typed;
			return applyExecution(declined, action.text, result, again);
		}
		case 'undo':
			return undo(state);
		case 'reset':
			return reset(state);
		case 'reveal-hint':
			return revealHint(state);
		case 'explain-goal': {
			const result = state.report.goals.find((goal) => goal.id === action.goalId);
			if (result === undefined) return state;
			const goal = state.level.goals.find((candidate) => candidate.id === action.goalId);
			return withLog(state, {kind: 'output', lines: explainGoalLines(result, goal)});
		}
	}
}

import type {GradeReport} from '../engine/goal.js';
import type {Trace} from '../engine/flow.js';
import type {Network} from '../engine/network.js';
import type {Level} from '../levels/schema.js';

/**
 * The session contract: the pure state of one level being played, and the
 * actions that change it. The UI draws `SessionState` and dispatches
 * `SessionAction`s; `sessionReducer` (session.ts) is the only thing that
 * changes state. No IO, no clock: the store saves `draft` from outside.
 */

/** One entry of the workbench's output log. */
export type LogEntry = {
	/** `input`: what the player typed; `output`: inspection results; `change`: a config command applied;
	 * `error`: a refused command; `hint`, `info`, `success` (level solved). */
	readonly kind: 'input' | 'output' | 'change' | 'error' | 'hint' | 'info' | 'success';
	/** Plain text lines (no ANSI). */
	readonly lines: readonly string[];
	/** A trace the UI can open in the trace view (curl/nc/traceroute, or a goal's trace). */
	readonly trace?: Trace;
	/** For `error`: the typed text and the caret span, so the UI can underline it. */
	readonly error?: {readonly text: string; readonly start: number; readonly end: number};
	/** The UI should open this view (`map` typed: the topology picture). */
	readonly show?: 'topology';
	/** For `change`: the real-world equivalents of the command. */
	readonly realWorld?: readonly string[];
};

/** Stars earned and why each was or was not earned. */
export type StarReport = {
	readonly stars: 0 | 1 | 2 | 3;
	/** Solved within par (the reference solution's number of configuration commands). */
	readonly withinPar: boolean;
	/** No hints revealed. */
	readonly noHints: boolean;
	/** Exposure no larger than the reference solution's (least privilege). */
	readonly leastPrivilege: boolean;
	readonly commands: number;
	readonly par: number;
	readonly hintsUsed: number;
	readonly exposure: number;
	readonly referenceExposure: number;
};

/** The state of one level in play. */
export type SessionState = {
	readonly level: Level;
	/** Number of configuration commands in the level's reference solution. */
	readonly par: number;
	/** Exposure (ports reachable from the internet) of the reference solution. */
	readonly referenceExposure: number;
	/** The network as the player has configured it now. */
	readonly network: Network;
	/** Networks before each applied config command (for undo); empty at the start. */
	readonly undoStack: readonly Network[];
	/** The config commands applied so far, in order: the draft that is saved and replayed. */
	readonly draft: readonly string[];
	/**
	 * For each command of `draft` (same index), its real-world equivalents —
	 * for the level-complete screen. Optional for compatibility; the session
	 * always sets it.
	 */
	readonly draftRealWorld?: readonly (readonly string[])[];
	/** Live grade of `network` against the level's goals (recomputed after every change). */
	readonly report: GradeReport;
	readonly hintsRevealed: number;
	readonly log: readonly LogEntry[];
	/** Set once every goal passes; stays set (the level was solved in this session). */
	readonly completed?: StarReport;
	/** Set when a saved draft could not be replayed (level changed): the line and why. */
	readonly draftProblem?: string;
	/**
	 * A command that waits for the player to say yes: `reset` (it removes every command) and the first
	 * `hint` (it costs a star). Typing it again, `yes` or `y` goes ahead; anything else keeps things as they are.
	 */
	readonly confirming?: 'reset' | 'hint';
	/** With `draftProblem`: the saved draft that was not applied, so the UI can show or offer it. */
	readonly staleDraft?: readonly string[];
};

/** Everything a player can do inside a level. */
export type SessionAction =
	| {readonly type: 'submit'; readonly text: string}
	| {readonly type: 'undo'}
	| {readonly type: 'reset'}
	| {readonly type: 'reveal-hint'}
	/** Say in the log what a goal checks and why it fails (for goals without a trace). */
	| {readonly type: 'explain-goal'; readonly goalId: string};

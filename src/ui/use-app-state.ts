import type {Trace} from '../engine/flow.js';
import type {Network} from '../engine/network.js';
import type {SessionAction, SessionState} from '../game/types.js';
import {reasonText} from '../game/plain-reason.js';
import type {Level} from '../levels/schema.js';
import type {TopologyViewState} from './topology/topology-view.js';
import {initialTraceView, lastStep, traceViewReducer, type TraceViewAction, type TraceViewState} from './trace-view/use-trace-view-state.js';
import {type ConsoleAction, type ConsoleState, consoleReducer, initialConsoleState} from './workbench/console/use-console-state.js';

/**
 * The whole UI's state as one pure reducer: which screen is shown, the
 * level being played (its session), the prompt, scroll positions and the
 * trace being stepped through. The session rules come in as functions
 * (`startSession`, `sessionReducer` of src/game) so tests can use fakes.
 */

/** The screens. */
export type Screen = 'map' | 'briefing' | 'workbench' | 'trace' | 'complete' | 'topology';

/** The level opened from the map, and its session once started. */
export type CurrentLevel = {
	readonly level: Level;
	readonly hash: string;
	/** The sandbox: no stars, no result recorded. */
	readonly sandbox: boolean;
	/** Repair mode: played, graded and starred, but nothing of it is saved. */
	readonly practice?: boolean;
	/** What the store held when the level was opened. */
	readonly saved: {readonly draft: readonly string[]; readonly hintsUsed: number};
	readonly session?: SessionState;
};

/** Everything the UI shows. */
export type AppState = {
	readonly screen: Screen;
	readonly help: boolean;
	readonly helpScroll: number;
	readonly mapCursor: number;
	/** Rows scrolled down on the current page of text (briefing, level complete). */
	readonly pageScroll: number;
	readonly current?: CurrentLevel;
	readonly console: ConsoleState;
	/** The prompt's history of each level left this run (level id → lines), so ↑ is per level. */
	readonly histories?: Readonly<Record<string, readonly string[]>>;
	/** Where workbench keys go: the prompt, or the goals panel (picking a goal to trace). */
	readonly focus: 'prompt' | 'goals';
	readonly goalCursor: number;
	/** Rows scrolled back from the newest log line (0 follows new output). */
	readonly logScroll: number;
	readonly networkScroll: number;
	readonly trace?: TraceViewState;
	/** The topology picture being looked at, and the screen it was opened from. */
	readonly topology?: TopologyViewState & {readonly back: Screen};
	/** The newest trace the log holds and the network it ran over (for quoting rules when it is opened). */
	readonly lastTrace?: {readonly trace: Trace; readonly network: Network};
	/** A one-line message for the player, cleared by the next key. */
	readonly notice?: string;
};

/** Everything that can happen in the UI. */
export type AppAction =
	| {readonly type: 'map-cursor'; readonly cursor: number}
	| {
			readonly type: 'open-level';
			readonly level: Level;
			readonly hash: string;
			readonly sandbox?: boolean;
			readonly practice?: boolean;
			readonly saved: {readonly draft: readonly string[]; readonly hintsUsed: number};
	  }
	| {readonly type: 'start'}
	| {readonly type: 'submit'}
	| {readonly type: 'console'; readonly action: ConsoleAction}
	| {readonly type: 'session'; readonly action: SessionAction}
	| {readonly type: 'scroll-log'; readonly delta: number; readonly max?: number}
	| {readonly type: 'scroll-network'; readonly delta: number}
	| {readonly type: 'scroll-page'; readonly delta: number; readonly max?: number}
	| {readonly type: 'scroll-help'; readonly delta: number; readonly max?: number}
	| {readonly type: 'focus'; readonly focus: 'prompt' | 'goals'}
	| {readonly type: 'goal-cursor'; readonly delta: number}
	| {readonly type: 'open-goal-trace'}
	| {readonly type: 'open-last-trace'}
	| {readonly type: 'trace'; readonly action: TraceViewAction}
	| {readonly type: 'close-trace'}
	/** Open the topology picture: with the trace being stepped (from the trace view), else the newest trace at its end (or at its start, `replay`). */
	| {readonly type: 'open-topology'; readonly replay?: boolean}
	| {readonly type: 'topology-scroll'; readonly delta: number; readonly from: number}
	| {readonly type: 'topology-step'; readonly action: TraceViewAction}
	| {readonly type: 'close-topology'}
	| {readonly type: 'continue'}
	| {readonly type: 'back'}
	| {readonly type: 'show-map'; readonly cursor?: number}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'notice'; readonly text?: string};

/** The session rules the reducer needs (src/game/session.ts). */
export type SessionRules = {
	readonly startSession: (level: Level, options?: {draft?: readonly string[]; hintsUsed?: number}) => SessionState;
	readonly sessionReducer: (state: SessionState, action: SessionAction) => SessionState;
};

/** The state the game starts in: the map, the cursor on `mapCursor`. */
export function initialAppState(mapCursor = 0): AppState {
	return {
		screen: 'map',
		help: false,
		helpScroll: 0,
		mapCursor,
		pageScroll: 0,
		console: initialConsoleState(),
		focus: 'prompt',
		goalCursor: 0,
		logScroll: 0,
		networkScroll: 0,
	};
}

function scrolled(current: number, delta: number, max: number | undefined): number {
	const next = Math.max(0, current + delta);
	return max === undefined ? next : Math.min(next, Math.max(0, max));
}

function withSession(state: AppState, rules: SessionRules, action: SessionAction): AppState {
	const current = state.current;
	if (!current?.session) return state;
	const before = current.session;
	const session = rules.sessionReducer(before, action);
	if (session === before) return state;
	const solvedNow = !before.completed && session.completed !== undefined && !current.sandbox;
	const newest = session.log.at(-1);
	const fresh = newest !== undefined && newest !== before.log.at(-1);
	const traced = fresh && newest.trace ? {lastTrace: {trace: newest.trace, network: session.network}} : {};
	const next = {...state, ...traced, current: {...current, session}, logScroll: 0, ...(solvedNow ? {screen: 'complete' as const, pageScroll: 0} : {})};
	// `map` typed at the prompt opens the picture.
	return fresh && newest.show === 'topology' && !solvedNow ? openTopology(next, false) : next;
}

function openTrace(state: AppState, trace: Trace | undefined, title: string, network: Network | undefined, missing: string, why?: string): AppState {
	if (!trace) return {...state, notice: missing};
	return {...state, screen: 'trace', trace: initialTraceView(trace, title, network, why), notice: undefined};
}

function openTopology(state: AppState, replay: boolean): AppState {
	const back = state.screen;
	if (state.screen === 'trace' && state.trace) return {...state, screen: 'topology', topology: {back, trace: state.trace}, notice: undefined};
	// A replay shows the winning packet: the first goal that must get through, now delivered.
	const session = state.current?.session;
	const won = replay ? session?.report.goals.find((goal) => goal.kind === 'reach' && goal.passed && goal.trace)?.trace : undefined;
	const last = won && session ? {trace: won, network: session.network} : state.lastTrace;
	const view = last ? initialTraceView(last.trace, 'trace', last.network) : undefined;
	const trace = view && !replay ? {...view, step: lastStep(view)} : view;
	return {...state, screen: 'topology', topology: {back, ...(trace ? {trace} : {})}, notice: undefined};
}

/** Builds the UI reducer over the session rules. */
export function createAppReducer(rules: SessionRules): (state: AppState, action: AppAction) => AppState {
	return function appReducer(state, action) {
		switch (action.type) {
			case 'map-cursor':
				return {...state, mapCursor: action.cursor};
			case 'open-level': {
				const same = state.current?.level.id === action.level.id && state.current.hash === action.hash;
				const current: CurrentLevel = same
					? state.current!
					: {level: action.level, hash: action.hash, sandbox: action.sandbox ?? false, ...(action.practice ? {practice: true} : {}), saved: action.saved};
				// Another level: its own history at the prompt; the one left is kept for when it is opened again.
				const left = state.current && !same ? {histories: {...state.histories, [state.current.level.id]: state.console.history}, console: initialConsoleState(state.histories?.[action.level.id] ?? [])} : {};
				return {...state, ...left, current, screen: 'briefing', pageScroll: 0, help: false, notice: undefined};
			}
			case 'start': {
				const current = state.current;
				if (!current) return state;
				if (current.session) return {...state, screen: 'workbench', focus: 'prompt', logScroll: 0};
				const session = rules.startSession(current.level, {draft: current.saved.draft, hintsUsed: current.saved.hintsUsed});
				const stale = session.staleDraft ?? [];
				return {
					...state,
					current: {...current, session},
					screen: 'workbench',
					focus: 'prompt',
					logScroll: 0,
					networkScroll: 0,
					goalCursor: 0,
					// ↑ brings back this level's lines: from this run, else the saved commands (so a restart keeps them);
					// saved commands that no longer replay go there too, to bring back one by one.
					console: initialConsoleState([...(state.histories?.[current.level.id] ?? (stale.length > 0 ? [] : session.draft)), ...stale]),
					notice: stale.length > 0 ? 'Your old commands are in the history: press ↑ to bring them back.' : undefined,
				};
			}
			case 'submit': {
				const text = state.console.text.trim();
				if (!text || !state.current?.session) return state;
				// Like a shell, the prompt clears after every line, refused ones included: the log shows the
				// caret under the bad token and ↑ brings the line back to fix (keeping it made the next
				// command the player typed land in the middle of the old one).
				return withSession({...state, console: consoleReducer(state.console, {type: 'submit'}), notice: undefined}, rules, {type: 'submit', text});
			}
			case 'console':
				return {...state, console: consoleReducer(state.console, action.action), notice: undefined};
			case 'session':
				return withSession(state, rules, action.action);
			case 'scroll-log':
				return {...state, logScroll: scrolled(state.logScroll, action.delta, action.max)};
			case 'scroll-network':
				// A page number that wraps around: the view takes it modulo its page count.
				return {...state, networkScroll: state.networkScroll + action.delta};
			case 'scroll-page':
				return {...state, pageScroll: scrolled(state.pageScroll, action.delta, action.max)};
			case 'scroll-help':
				return {...state, helpScroll: scrolled(state.helpScroll, action.delta, action.max)};
			case 'focus':
				return {...state, focus: action.focus, notice: undefined};
			case 'goal-cursor': {
				const count = state.current?.session?.report.goals.length ?? 0;
				return {...state, goalCursor: Math.max(0, Math.min(count - 1, state.goalCursor + action.delta))};
			}
			case 'open-goal-trace': {
				const session = state.current?.session;
				const goal = session?.report.goals[state.goalCursor];
				if (!session || !goal) return state;
				// A goal without a trace (a state goal) is explained in the log instead: what it checks and why it fails.
				if (!goal.trace) {
					return {...withSession({...state, focus: 'prompt'}, rules, {type: 'explain-goal', goalId: goal.id}), notice: 'This goal checks the setup, not a packet: the log says what it checks and why.'};
				}
				const definition = session.level.goals.find((candidate) => candidate.id === goal.id);
				const why = goal.passed ? undefined : reasonText(goal, definition);
				// The report grades the network as it is now, so its traces ran over it.
				return openTrace({...state, focus: 'prompt'}, goal.trace, goal.description, session.network, 'This goal has no trace to show.', why);
			}
			case 'open-last-trace': {
				const log = state.current?.session?.log ?? [];
				let index = log.length - 1;
				while (index >= 0 && !log[index]!.trace) index--;
				const entry = log[index];
				let title = 'trace';
				for (let before = index; before >= 0; before--) {
					if (log[before]!.kind === 'input') {
						title = log[before]!.lines.join(' ');
						break;
					}
				}
				const network = entry?.trace && state.lastTrace?.trace === entry.trace ? state.lastTrace.network : undefined;
				return openTrace(state, entry?.trace, title, network, 'No trace yet: run curl, nc or traceroute, or pick a goal with Ctrl+G.');
			}
			case 'trace':
				return state.trace ? {...state, trace: traceViewReducer(state.trace, action.action)} : state;
			case 'open-topology':
				return state.current?.session ? openTopology(state, action.replay ?? false) : state;
			case 'topology-scroll':
				return state.topology ? {...state, topology: {...state.topology, scroll: Math.max(0, action.from + action.delta)}} : state;
			case 'topology-step': {
				const topology = state.topology;
				if (!topology?.trace) return state;
				// A step puts the packet's mark back in view: the picture follows it again.
				const {scroll: _scroll, ...rest} = topology;
				const trace = traceViewReducer(topology.trace, action.action);
				return {...state, topology: {...rest, trace}, ...(topology.back === 'trace' ? {trace} : {})};
			}
			case 'close-topology': {
				const back = state.topology?.back ?? 'workbench';
				const screen = back === 'trace' && !state.trace ? 'workbench' : back;
				return {...state, screen: state.current?.session ? screen : 'map', topology: undefined};
			}
			case 'close-trace':
			case 'continue':
				return state.current?.session ? {...state, screen: 'workbench', trace: undefined} : {...state, screen: 'map'};
			case 'back':
				if (state.screen === 'workbench') return {...state, screen: 'briefing', pageScroll: 0, focus: 'prompt'};
				if (state.screen === 'trace') return {...state, screen: 'workbench', trace: undefined};
				if (state.screen === 'topology') return {...state, screen: state.topology?.back ?? 'workbench', topology: undefined};
				return {...state, screen: 'map'};
			case 'show-map':
				return {...state, screen: 'map', help: false, focus: 'prompt', mapCursor: action.cursor ?? state.mapCursor};
			case 'toggle-help':
				return {...state, help: !state.help, helpScroll: 0};
			case 'notice':
				return {...state, notice: action.text};
		}
	};
}

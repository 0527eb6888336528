import type {Key} from 'ink';
import type {Level} from '../levels/schema.js';
import {briefingKeyIntent} from './briefing/briefing-keys.js';
import {briefingLines, type BriefingState} from './briefing/briefing-lines.js';
import {completeKeyIntent} from './complete/complete-keys.js';
import {helpKeyIntent} from './help-overlay.js';
import {helpLines} from './help-lines.js';
import {frameColumns, type LayoutMode, type TerminalSize, workbenchGeometry} from './layout.js';
import {type MapItem, moveCursor} from './map/map-items.js';
import {mapKeyIntent} from './map/map-keys.js';
import {maxPageScroll} from './scroll-page.js';
import {isCompoundChunk, splitChunk} from './split-keys.js';
import {topologyKeyIntent} from './topology/topology-keys.js';
import {topologyBodyRows, topologyScrollOf} from './topology/topology-view.js';
import {traceKeyIntent} from './trace-view/trace-keys.js';
import type {AppAction, AppState} from './use-app-state.js';
import type {Completer} from './workbench/console/use-console-state.js';
import {logLines} from './workbench/log-lines.js';
import {workbenchKeyIntent} from './workbench/workbench-keys.js';

/**
 * Every key goes through here: one handler for the whole app, reading the
 * latest state, so no key is lost while a screen changes. It maps the key to
 * the current screen's intent (the `*-keys.ts` mappers) and the intent to an
 * app action (or quitting).
 */

/** What routing a key needs to know: the latest state and the world around it. */
export type KeyContext = {
	/** The latest state, including what earlier keys of the same chunk did. */
	readonly getState: () => AppState;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
	readonly items: readonly MapItem[];
	readonly completer: Completer;
	readonly commandHelp: readonly string[];
	/** The lines of the level-complete page (for scroll limits). */
	readonly completeLineCount: () => number;
	/** The action that opens a level by id. */
	readonly open: (id: string) => AppAction;
	/** The action that opens a solved level in repair mode (a fault injected); undefined until the game's parts are loaded. */
	readonly openRepair?: (level: Level) => AppAction;
	/** The id of the level to offer after the current one. */
	readonly nextId?: string;
	/** Applies an action at once (`getState` sees it before the next render). */
	readonly dispatch: (action: AppAction) => void;
	readonly exit: () => void;
};

/** The briefing's facts about saved work, from the state. */
export function briefingStateOf(state: AppState): BriefingState | undefined {
	const current = state.current;
	if (!current) return undefined;
	return {
		draftCommands: current.saved.draft.length,
		hintsUsed: current.session?.hintsRevealed ?? current.saved.hintsUsed,
		resuming: current.session !== undefined,
		sandbox: current.sandbox,
	};
}

/** Back to the map, the cursor on the level just played. */
function showMap(context: KeyContext): AppAction {
	const id = context.getState().current?.level.id;
	const index = context.items.findIndex((item) => (item.kind === 'level' && item.level.id === id) || (item.kind === 'sandbox' && id === 'sandbox'));
	return index >= 0 ? {type: 'show-map', cursor: index} : {type: 'show-map'};
}

function pageAction(type: 'scroll-page' | 'scroll-help', delta: number, lines: number, size: TerminalSize): AppAction {
	return {type, delta, max: maxPageScroll(lines, size)};
}

/**
 * Handles one key press, or a chunk of several (fast typing, a paste): each
 * press sees what the one before did, so `dns add x⏎dig x⏎` runs both.
 */
export function routeKey(input: string, key: Key, context: KeyContext): void {
	const presses = isCompoundChunk(input, key) ? splitChunk(input) : [{input, key}];
	for (const press of presses) {
		// A run of characters is text for the prompt. Elsewhere, a run made only of this screen's keys is those
		// keys typed fast ("jj" on the map moves twice); any other run (a paste, "ping web") is not meant for
		// this screen and is ignored whole, so a "q" inside it does not quit.
		if (press.input.length > 1 && !press.key.ctrl && !press.key.meta && outsidePrompt(context.getState())) {
			const state = context.getState();
			if ([...press.input].every((char) => isKey(state, char))) for (const char of press.input) routeOne(char, press.key, context);
			else if (!state.help && state.screen === 'briefing' && state.current?.session) resumeWithText(press.input, context);
			continue;
		}
		routeOne(press.input, press.key, context);
	}
}

/** Whether keys are single keys right now, not text for the workbench's prompt (or a goal being picked). */
function outsidePrompt(state: AppState): boolean {
	return state.help || state.screen !== 'workbench';
}

/** Whether a character is a key of the screen (or the help) the state shows. */
function isKey(state: AppState, char: string): boolean {
	const key = splitChunk(char)[0]?.key;
	if (key === undefined) return false;
	if (state.help) return helpKeyIntent(char, key) !== undefined;
	switch (state.screen) {
		case 'map':
			return mapKeyIntent(char, key) !== undefined;
		case 'briefing':
			return briefingKeyIntent(char, key) !== undefined;
		case 'trace':
			return traceKeyIntent(char, key) !== undefined;
		case 'complete':
			return completeKeyIntent(char, key) !== undefined;
		case 'topology':
			return topologyKeyIntent(char, key, 1) !== undefined;
		case 'workbench':
			return false;
	}
}

/** A character typed as text (no control key, nothing unprintable). */
function isPrintable(input: string, key: Key): boolean {
	return input.length > 0 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}

/** Back to the workbench with `text` typed at the prompt. */
function resumeWithText(text: string, context: KeyContext): void {
	context.dispatch({type: 'start'});
	context.dispatch({type: 'console', action: {type: 'insert', text}});
}

function routeOne(input: string, key: Key, context: KeyContext): void {
	const {size, dispatch} = context;
	const state = context.getState();
	const width = frameColumns(size);
	if (state.help) {
		const intent = helpKeyIntent(input, key);
		if (intent?.type === 'close') dispatch({type: 'toggle-help'});
		else if (intent) dispatch(pageAction('scroll-help', intent.delta, helpLines(state.screen, context.commandHelp, width).length, size));
		return;
	}
	switch (state.screen) {
		case 'map': {
			const intent = mapKeyIntent(input, key);
			if (!intent) return;
			if (intent.type === 'move') return dispatch({type: 'map-cursor', cursor: moveCursor(context.items, state.mapCursor, intent.delta)});
			if (intent.type === 'help') return dispatch({type: 'toggle-help'});
			if (intent.type === 'quit') return context.exit();
			const item = context.items[state.mapCursor];
			if (intent.type === 'repair') {
				if (item?.kind !== 'level' || !item.progress?.solved) return dispatch({type: 'notice', text: 'Repair mode opens on a level you have solved: pick one with ★.'});
				return dispatch(context.openRepair?.(item.level) ?? {type: 'notice', text: 'Repair mode is not ready yet: try again in a moment.'});
			}
			if (item?.kind === 'level') return dispatch(context.open(item.level.id));
			if (item?.kind === 'sandbox') return dispatch(context.open('sandbox'));
			if (item?.kind === 'broken') return dispatch({type: 'notice', text: `${item.title} cannot be played until its file is fixed (netquest validate).`});
			return;
		}
		case 'briefing': {
			const intent = briefingKeyIntent(input, key);
			const briefing = briefingStateOf(state);
			if (!state.current || !briefing) return;
			// Back on the briefing of a level in play, typing is for the prompt: go back to it with the text, never drop it.
			if (!intent) {
				if (state.current.session && isPrintable(input, key)) resumeWithText(input, context);
				return;
			}
			if (intent.type === 'start') return dispatch({type: 'start'});
			if (intent.type === 'back') return dispatch(showMap(context));
			if (intent.type === 'help') return dispatch({type: 'toggle-help'});
			if (intent.type === 'quit') return context.exit();
			return dispatch(pageAction('scroll-page', intent.delta, briefingLines(state.current.level, briefing, width).length, size));
		}
		case 'workbench': {
			const g = workbenchGeometry(size, context.mode);
			const intent = workbenchKeyIntent(input, key, {focus: state.focus, promptText: state.console.text, completer: context.completer, page: Math.max(1, g.log - 2)});
			if (!intent) return;
			switch (intent.type) {
				case 'console':
					return dispatch({type: 'console', action: intent.action});
				case 'submit':
					return dispatch({type: 'submit'});
				case 'back':
					return dispatch({type: 'back'});
				case 'scroll-log': {
					const total = logLines(state.current?.session?.log ?? [], g.width).length;
					return dispatch({type: 'scroll-log', delta: intent.delta, max: total - (g.log - 1)});
				}
				case 'scroll-network':
					return dispatch({type: 'scroll-network', delta: intent.delta});
				case 'focus':
					return dispatch({type: 'focus', focus: intent.focus});
				case 'goal-move':
					return dispatch({type: 'goal-cursor', delta: intent.delta});
				case 'goal-open':
					return dispatch({type: 'open-goal-trace'});
				case 'last-trace':
					return dispatch({type: 'open-last-trace'});
				case 'topology':
					return dispatch({type: 'open-topology'});
				case 'notice':
					return dispatch({type: 'notice', text: intent.text});
				case 'help':
					return dispatch({type: 'toggle-help'});
			}
			return;
		}
		case 'trace': {
			const intent = traceKeyIntent(input, key);
			if (intent?.type === 'step') dispatch({type: 'trace', action: intent.action});
			else if (intent?.type === 'topology') dispatch({type: 'open-topology'});
			else if (intent?.type === 'close') dispatch({type: 'close-trace'});
			else if (intent?.type === 'help') dispatch({type: 'toggle-help'});
			return;
		}
		case 'topology': {
			const traced = state.topology?.trace !== undefined;
			const page = Math.max(1, topologyBodyRows(size, traced) - 1);
			const intent = topologyKeyIntent(input, key, page);
			if (!intent) return;
			if (intent.type === 'close') return dispatch({type: 'close-topology'});
			if (intent.type === 'help') return dispatch({type: 'toggle-help'});
			if (intent.type === 'step') return dispatch({type: 'topology-step', action: intent.action});
			return dispatch({type: 'topology-scroll', delta: intent.delta, from: topologyScrollOf(state, size, width)});
		}
		case 'complete': {
			const intent = completeKeyIntent(input, key);
			if (!intent) return;
			if (intent.type === 'next') return dispatch(context.nextId ? context.open(context.nextId) : showMap(context));
			if (intent.type === 'map') return dispatch(showMap(context));
			if (intent.type === 'continue') return dispatch({type: 'continue'});
			if (intent.type === 'replay') return dispatch({type: 'open-topology', replay: true});
			if (intent.type === 'help') return dispatch({type: 'toggle-help'});
			if (intent.type === 'quit') return context.exit();
			return dispatch(pageAction('scroll-page', intent.delta, context.completeLineCount(), size));
		}
	}
}

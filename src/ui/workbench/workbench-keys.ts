import type {Key} from 'ink';
import {consoleKeyAction} from './console/console-keys.js';
import type {Completer, ConsoleAction} from './console/use-console-state.js';

/**
 * Keys in the workbench, mapped to intents (pure). The prompt has the keys
 * unless the goals panel is being picked from (Ctrl+G).
 */

/** What a key does in the workbench. */
export type WorkbenchIntent =
	| {readonly type: 'console'; readonly action: ConsoleAction}
	| {readonly type: 'submit'}
	| {readonly type: 'back'}
	| {readonly type: 'scroll-log'; readonly delta: number}
	| {readonly type: 'scroll-network'; readonly delta: number}
	| {readonly type: 'focus'; readonly focus: 'prompt' | 'goals'}
	| {readonly type: 'goal-move'; readonly delta: number}
	| {readonly type: 'goal-open'}
	| {readonly type: 'last-trace'}
	| {readonly type: 'topology'}
	| {readonly type: 'notice'; readonly text: string}
	| {readonly type: 'help'};

/** What the mapping needs to know. */
export type WorkbenchKeyContext = {
	readonly focus: 'prompt' | 'goals';
	readonly promptText: string;
	readonly completer: Completer;
	/** Rows one PgUp/PgDn moves the log. */
	readonly page: number;
};

/** What Esc says when the line holds text. */
export const ESC_KEEPS_TEXT = 'Esc keeps what you typed: Ctrl+U clears the line, and Esc on an empty line goes back to the briefing.';

/** The intent of a key in the workbench. */
export function workbenchKeyIntent(input: string, key: Key, context: WorkbenchKeyContext): WorkbenchIntent | undefined {
	if (key.pageUp) return {type: 'scroll-log', delta: context.page};
	if (key.pageDown) return {type: 'scroll-log', delta: -context.page};
	if (key.ctrl && input === 'g') return {type: 'focus', focus: context.focus === 'goals' ? 'prompt' : 'goals'};
	if (key.ctrl && input === 't') return {type: 'last-trace'};
	if (key.ctrl && input === 'o') return {type: 'topology'};
	if (key.ctrl && input === 'n') return {type: 'scroll-network', delta: 1};
	if (key.ctrl && input === 'p') return {type: 'scroll-network', delta: -1};
	if (context.focus === 'goals') {
		if (key.upArrow || input === 'k') return {type: 'goal-move', delta: -1};
		if (key.downArrow || input === 'j') return {type: 'goal-move', delta: 1};
		if (key.return || input === ' ') return {type: 'goal-open'};
		if (key.escape) return {type: 'focus', focus: 'prompt'};
		if (input === '?') return {type: 'help'};
		return undefined;
	}
	// Esc never throws typed text away: with text on the line it only says how to clear it (Ctrl+U).
	if (key.escape) return context.promptText ? {type: 'notice', text: ESC_KEEPS_TEXT} : {type: 'back'};
	if (input === '?' && !context.promptText) return {type: 'help'};
	const action = consoleKeyAction(input, key, context.completer);
	if (!action) return undefined;
	return action.type === 'submit' ? {type: 'submit'} : {type: 'console', action};
}

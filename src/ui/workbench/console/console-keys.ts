import type {Key} from 'ink';
import type {Completer, ConsoleAction} from './use-console-state.js';

/**
 * Keys at the prompt, mapped to prompt actions (pure). Keys that are not
 * editing keys (Esc, PgUp/PgDn, Ctrl+G/T/N/P) are the workbench's, not the prompt's.
 */

/** The prompt action for a key, or undefined when the key is not an editing key. */
export function consoleKeyAction(input: string, key: Key, completer: Completer): ConsoleAction | undefined {
	if (key.return) return {type: 'submit'};
	if (key.tab && !key.shift) return {type: 'complete', completer};
	if (key.upArrow) return {type: 'history-previous'};
	if (key.downArrow) return {type: 'history-next'};
	if (key.leftArrow) return key.ctrl || key.meta ? {type: 'move-word-left'} : {type: 'move-left'};
	if (key.rightArrow) return key.ctrl || key.meta ? {type: 'move-word-right'} : {type: 'move-right'};
	if (key.home) return {type: 'move-home'};
	if (key.end) return {type: 'move-end'};
	// Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`: both erase backwards.
	if (key.backspace || key.delete) return key.meta ? {type: 'delete-word-backward'} : {type: 'delete-backward'};
	if (key.ctrl) {
		switch (input) {
			case 'a':
				return {type: 'move-home'};
			case 'e':
				return {type: 'move-end'};
			case 'b':
				return {type: 'move-left'};
			case 'f':
				return {type: 'move-right'};
			case 'd':
				return {type: 'delete-forward'};
			case 'w':
				return {type: 'delete-word-backward'};
			case 'u':
				return {type: 'clear-line'};
			case 'k':
				return {type: 'kill-to-end'};
			default:
				return undefined;
		}
	}
	if (key.meta && input === 'b') return {type: 'move-word-left'};
	if (key.meta && input === 'f') return {type: 'move-word-right'};
	if (key.escape || key.meta || key.pageUp || key.pageDown || key.tab) return undefined;
	return input ? {type: 'insert', text: input} : undefined;
}
